"""Aggregate extraction records into a graph keyed by entity id and (source, type, target).

This module never imports spaCy: it consumes the pydantic records of :mod:`geokg.schema`.
Symmetric relation types are stored once per unordered pair (source id < target id).
"""

from __future__ import annotations

import contextlib
import gc
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from geokg.schema import (
    MAX_CUES,
    DocumentRecord,
    EntityLabel,
    EntityMention,
    EntityNode,
    MentionRecord,
    Modality,
    RelationEdge,
    RelationMention,
    RelationType,
    SentenceRecord,
    document_id,
    mention_id,
    sentence_id,
)

__all__ = [
    "GraphBatch",
    "GraphBuilder",
    "add_doc_date",
    "add_mention_counts",
    "batch_to_networkx",
    "edge_key",
]


def edge_key(source_id: str, rtype: RelationType, target_id: str) -> tuple[str, RelationType, str]:
    """The aggregation key of a relation: symmetric types get their endpoints sorted."""
    if rtype.symmetric and target_id < source_id:
        source_id, target_id = target_id, source_id
    return source_id, rtype, target_id


@dataclass(slots=True)
class GraphBatch:
    """Collapsed rows for one load: every node id and edge key occurs once.

    ``mentions`` are the evidence nodes; ``relations`` are their aggregates for this batch
    (what a graph of this batch alone holds). A store derives a relationship's stored counts
    from the mentions it creates, never from ``relations``.
    """

    documents: list[DocumentRecord] = field(default_factory=list)
    sentences: list[SentenceRecord] = field(default_factory=list)
    entities: list[EntityNode] = field(default_factory=list)
    relations: list[RelationEdge] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents) + len(self.sentences) + len(self.entities) + len(self.relations)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is aggregated or loaded.

    Aggregation and loading allocate a few container objects per mention while the batch holds
    hundreds of thousands: every full collection walks them all, so with the collector on, the
    time per mention grows with the batch (measured: x5.1 time for x4 mentions of one
    relationship, x3.5 with collection paused). These objects form no cycles; collection
    resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def add_mention_counts(edge: RelationEdge, mention: MentionRecord, *, new_doc: bool) -> None:
    """Count one (new) mention into an aggregated relationship, in constant time.

    Args:
        edge: The relationship to update in place.
        mention: A mention of that relationship not counted before.
        new_doc: Whether the mention's document had no earlier mention of the relationship.
    """
    count_mention(edge.__dict__, mention, new_doc=new_doc)


def count_mention(fields: dict[str, Any], mention: MentionRecord, *, new_doc: bool) -> None:
    """:func:`add_mention_counts` on a relationship's field values (``RelationEdge.__dict__``
    or a plain dict with the same keys).

    Plain item assignment: pydantic's attribute hooks cost more than the counting itself, and
    a relationship's fields need no validation here (every value is a count, a year from a
    validated record, or a list built here).
    """
    m = mention.__dict__
    fields["mentions"] += 1
    modality = m["modality"]
    if modality is Modality.ASSERTED:
        fields["asserted"] += 1
    elif modality is Modality.HEDGED:
        fields["hedged"] += 1
    elif modality is Modality.REPORTED:
        fields["reported"] += 1
    else:
        fields["hypothetical"] += 1
    if m["negated"]:
        fields["negated"] += 1
    if m["quoted"]:
        fields["quoted"] += 1
    if new_doc:
        fields["doc_count"] += 1
    year = m["year"]
    if year is not None:
        first = fields["first_year"]
        if first is None or year < first:
            fields["first_year"] = year
        last = fields["last_year"]
        if last is None or year > last:
            fields["last_year"] = year
    date = m["doc_date"]
    if date is not None:
        _count_doc_date(fields, date, 1)
    _add_capped(fields["cues"], m["trigger"].lower())
    _add_capped(fields["roles"], m["role"])
    status = m["status"]
    _add_capped(fields["statuses"], status.value if status is not None else None)


def add_doc_date(edge: RelationEdge, date: str, count: int = 1) -> None:
    """Count ``count`` mentions from documents dated ``date`` into an edge's time properties.

    ``first_date``/``last_date`` compare ISO text (a date known to the year or month only
    sorts before the days of that year or month); ``doc_years`` stays ascending, parallel to
    ``doc_year_counts``, and holds one entry per year seen (bounded by the span of years).
    """
    _count_doc_date(edge.__dict__, date, count)


def _count_doc_date(fields: dict[str, Any], date: str, count: int) -> None:
    first, last = fields["first_date"], fields["last_date"]
    if first is None or date < first:
        fields["first_date"] = date
    if last is None or date > last:
        fields["last_date"] = date
    year = int(date[:4])
    years = fields["doc_years"]
    at = bisect_left(years, year)
    if at < len(years) and years[at] == year:
        fields["doc_year_counts"][at] += count
    else:
        years.insert(at, year)
        fields["doc_year_counts"].insert(at, count)


def _add_capped(values: list[str], value: str | None) -> None:
    # At most MAX_CUES values: the membership test is over a list of constant size.
    if value is not None and len(values) < MAX_CUES and value not in values:
        values.append(value)


class GraphBuilder:
    """Accumulate records; hand out collapsed :class:`GraphBatch` es or a networkx graph.

    Every record costs constant time (dicts and sets, never a search of a list that grows
    with the corpus), so one relationship with a million mentions aggregates as fast per
    mention as a million relationships.

    Example:
        >>> b = GraphBuilder()
        >>> b.add_entity(EntityMention(doc="a.txt", name="Russia", label="Country",
        ...              start=0, end=6, text="Russia", id="country:russia", iso3="RUS"))
        >>> [n.name for n in b.batch().entities]
        ['Russia']
    """

    def __init__(self) -> None:
        self._documents: dict[str, DocumentRecord] = {}
        self._sentences: dict[str, SentenceRecord] = {}
        self._entities: dict[str, EntityNode] = {}
        self._aliases: set[tuple[str, str]] = set()
        self._edges: dict[tuple[str, RelationType, str], RelationEdge] = {}
        self._edge_docs: set[tuple[str, RelationType, str, str]] = set()
        self._mentions: dict[str, MentionRecord] = {}
        self._doc_ids: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._entities) + len(self._edges)

    def add_document(self, document: DocumentRecord) -> None:
        """Add a document (provenance node)."""
        self._documents[document.id] = document

    def add_sentence(self, sentence: SentenceRecord) -> None:
        """Add an evidence sentence, merging entity ids when seen twice."""
        known = self._sentences.get(sentence.id)
        if known is not None:
            if not sentence.entity_ids or sentence.entity_ids == known.entity_ids:
                return
            ids = tuple(dict.fromkeys(known.entity_ids + sentence.entity_ids))
            sentence = known.model_copy(update={"entity_ids": ids})
        self._sentences[sentence.id] = sentence

    def add_entity(self, mention: EntityMention) -> None:
        """Count one entity mention towards its node; its surface text becomes an alias."""
        node = self._entities.get(mention.id)
        if node is None:
            node = EntityNode(
                id=mention.id, label=mention.label, name=mention.name, iso3=mention.iso3
            )
            self._entities[mention.id] = node
        node.mentions += 1
        alias = " ".join(mention.text.split())
        if alias != node.name and (mention.id, alias) not in self._aliases:
            self._aliases.add((mention.id, alias))
            node.aliases.append(alias)
        if node.iso3 is None and mention.iso3:
            node.iso3 = mention.iso3

    def _ensure_endpoint(self, entity_id: str, name: str, label: EntityLabel | None) -> None:
        if entity_id not in self._entities and label is not None:
            self._entities[entity_id] = EntityNode(id=entity_id, label=label, name=name)

    def _doc_id(self, doc: str) -> str:
        known = self._doc_ids.get(doc)
        if known is None:
            known = self._doc_ids[doc] = document_id(doc)
        return known

    def add_relation(self, mention: RelationMention) -> None:
        """Fold one relation mention into its aggregated edge (a repeated mention counts once).

        The mention becomes a :class:`~geokg.schema.MentionRecord` carrying its document's date
        (the mention's ``doc_date``, else that of the document added before it); its sentence
        is added when no sentence record was given for it.
        """
        self._ensure_endpoint(mention.source_id, mention.source, mention.source_label)
        self._ensure_endpoint(mention.target_id, mention.target, mention.target_label)
        key = edge_key(mention.source_id, mention.type, mention.target_id)
        span = mention.sentence
        mid = mention_id(
            mention.doc, span.start, key[0], mention.type, key[2], mention.trigger.start
        )
        if mid in self._mentions:
            return
        doc_id = self._doc_id(mention.doc)
        sid = sentence_id(mention.doc, span.start, span.end)
        if sid not in self._sentences:
            self._sentences[sid] = SentenceRecord(
                id=sid,
                doc=mention.doc,
                doc_id=doc_id,
                start=span.start,
                end=span.end,
                text=span.text,
            )
        doc_date = mention.doc_date
        if doc_date is None:
            document = self._documents.get(doc_id)
            doc_date = document.date if document is not None else None
        record = MentionRecord(
            id=mid,
            type=key[1],
            source_id=key[0],
            target_id=key[2],
            sentence_id=sid,
            doc_id=doc_id,
            doc_date=doc_date,
            modality=mention.modality,
            negated=mention.negated,
            quoted=mention.quoted,
            year=mention.year,
            trigger=mention.trigger.text,
            rule=mention.rule,
            confidence=mention.confidence,
            role=mention.role,
            status=mention.status,
            context=mention.context,
        )
        self.add_mention(record)

    def add_mention(self, mention: MentionRecord) -> None:
        """Count one evidence node into its edge (a mention id seen before counts once)."""
        if mention.id in self._mentions:
            return
        self._mentions[mention.id] = mention
        key = (mention.source_id, mention.type, mention.target_id)
        edge = self._edges.get(key)
        if edge is None:
            edge = RelationEdge(source_id=key[0], type=key[1], target_id=key[2])
            self._edges[key] = edge
        doc_key = (*key, mention.doc_id)
        new_doc = doc_key not in self._edge_docs
        if new_doc:
            self._edge_docs.add(doc_key)
        add_mention_counts(edge, mention, new_doc=new_doc)

    def add_extraction(
        self,
        *,
        document: DocumentRecord,
        entities: Iterable[EntityMention],
        relations: Iterable[RelationMention],
        sentences: Iterable[SentenceRecord],
    ) -> None:
        """Add everything extracted from one document (with the collector paused)."""
        with gc_paused():
            self.add_document(document)
            for ent in entities:
                self.add_entity(ent)
            for sent in sentences:
                self.add_sentence(sent)
            for rel in relations:
                self.add_relation(rel)

    def add_relations(self, relations: Iterable[RelationMention]) -> None:
        """Fold many relation mentions in (see :meth:`add_relation`), the collector paused."""
        with gc_paused():
            for rel in relations:
                self.add_relation(rel)

    def batch(self) -> GraphBatch:
        """The collapsed rows accumulated so far."""
        return GraphBatch(
            documents=list(self._documents.values()),
            sentences=list(self._sentences.values()),
            entities=list(self._entities.values()),
            relations=list(self._edges.values()),
            mentions=list(self._mentions.values()),
        )

    def clear(self) -> None:
        """Forget everything accumulated (after a batch was loaded)."""
        self._documents.clear()
        self._sentences.clear()
        self._entities.clear()
        self._aliases.clear()
        self._edges.clear()
        self._edge_docs.clear()
        self._mentions.clear()
        self._doc_ids.clear()

    def to_networkx(self) -> nx.MultiDiGraph:
        """The entity graph: one node per entity id, one keyed edge per (source, type, target)."""
        return batch_to_networkx(self.batch())


def batch_to_networkx(batch: GraphBatch) -> nx.MultiDiGraph:
    """Build a networkx ``MultiDiGraph`` (edge key = relation type) from a batch."""
    graph = nx.MultiDiGraph()
    for node in batch.entities:
        graph.add_node(node.id, **node.model_dump(mode="json"))
    for edge in batch.relations:
        data = edge.model_dump(mode="json")
        data["symmetric"] = edge.type.symmetric
        data["polarity"] = edge.type.polarity.value
        graph.add_edge(edge.source_id, edge.target_id, key=edge.type.value, **data)
    return graph
