"""Aggregate extraction records into a graph keyed by entity id and (source, type, target).

This module never imports spaCy: it consumes the pydantic records of :mod:`geokg.schema`.
Symmetric relation types are stored once per unordered pair (source id < target id).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from geokg.schema import (
    DocumentRecord,
    EntityLabel,
    EntityMention,
    EntityNode,
    Modality,
    RelationEdge,
    RelationMention,
    RelationType,
    SentenceRecord,
    mention_id,
)

__all__ = ["GraphBatch", "GraphBuilder", "edge_key"]

_MODALITY_FIELD = {
    Modality.ASSERTED: "asserted_ids",
    Modality.HEDGED: "hedged_ids",
    Modality.REPORTED: "reported_ids",
    Modality.HYPOTHETICAL: "hypothetical_ids",
}


def edge_key(source_id: str, rtype: RelationType, target_id: str) -> tuple[str, RelationType, str]:
    """The aggregation key of a relation: symmetric types get their endpoints sorted."""
    if rtype.symmetric and target_id < source_id:
        source_id, target_id = target_id, source_id
    return source_id, rtype, target_id


@dataclass(slots=True)
class GraphBatch:
    """Collapsed rows for one load: every node id and edge key occurs once."""

    documents: list[DocumentRecord] = field(default_factory=list)
    sentences: list[SentenceRecord] = field(default_factory=list)
    entities: list[EntityNode] = field(default_factory=list)
    relations: list[RelationEdge] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents) + len(self.sentences) + len(self.entities) + len(self.relations)


def _add_unique(values: list[str], value: str | None) -> None:
    if value is not None and value not in values:
        values.append(value)


class GraphBuilder:
    """Accumulate records; hand out collapsed :class:`GraphBatch` es or a networkx graph.

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
        self._edges: dict[tuple[str, RelationType, str], RelationEdge] = {}
        self._seen_mentions: set[str] = set()

    def __len__(self) -> int:
        return len(self._entities) + len(self._edges)

    def add_document(self, document: DocumentRecord) -> None:
        """Add a document (provenance node)."""
        self._documents[document.id] = document

    def add_sentence(self, sentence: SentenceRecord) -> None:
        """Add an evidence sentence, merging entity ids when seen twice."""
        known = self._sentences.get(sentence.id)
        if known is not None:
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
        if alias != node.name:
            _add_unique(node.aliases, alias)
        if node.iso3 is None and mention.iso3:
            node.iso3 = mention.iso3

    def _ensure_endpoint(self, entity_id: str, name: str, label: EntityLabel | None) -> None:
        if entity_id not in self._entities and label is not None:
            self._entities[entity_id] = EntityNode(id=entity_id, label=label, name=name)

    def add_relation(self, mention: RelationMention) -> None:
        """Fold one relation mention into its aggregated edge (a repeated mention counts once)."""
        self._ensure_endpoint(mention.source_id, mention.source, mention.source_label)
        self._ensure_endpoint(mention.target_id, mention.target, mention.target_label)
        key = edge_key(mention.source_id, mention.type, mention.target_id)
        mid = mention_id(
            mention.doc,
            mention.sentence.start,
            key[0],
            mention.type,
            key[2],
            mention.trigger.start,
        )
        if mid in self._seen_mentions:
            return
        self._seen_mentions.add(mid)
        edge = self._edges.get(key)
        if edge is None:
            edge = RelationEdge(source_id=key[0], type=key[1], target_id=key[2])
            self._edges[key] = edge
        edge.mention_ids.append(mid)
        getattr(edge, _MODALITY_FIELD[mention.modality]).append(mid)
        if mention.negated:
            edge.negated_ids.append(mid)
        if mention.quoted:
            edge.quoted_ids.append(mid)
        _add_unique(edge.sentence_ids, _sentence_id(mention))
        _add_unique(edge.documents, mention.doc)
        if mention.year is not None and mention.year not in edge.years:
            edge.years.append(mention.year)
        _add_unique(edge.triggers, mention.trigger.text.lower())
        _add_unique(edge.roles, mention.role)
        _add_unique(edge.statuses, mention.status.value if mention.status else None)

    def add_extraction(
        self,
        *,
        document: DocumentRecord,
        entities: Iterable[EntityMention],
        relations: Iterable[RelationMention],
        sentences: Iterable[SentenceRecord],
    ) -> None:
        """Add everything extracted from one document."""
        self.add_document(document)
        for ent in entities:
            self.add_entity(ent)
        for rel in relations:
            self.add_relation(rel)
        for sent in sentences:
            self.add_sentence(sent)

    def batch(self) -> GraphBatch:
        """The collapsed rows accumulated so far."""
        return GraphBatch(
            documents=list(self._documents.values()),
            sentences=list(self._sentences.values()),
            entities=list(self._entities.values()),
            relations=list(self._edges.values()),
        )

    def clear(self) -> None:
        """Forget everything accumulated (after a batch was loaded)."""
        self._documents.clear()
        self._sentences.clear()
        self._entities.clear()
        self._edges.clear()
        self._seen_mentions.clear()

    def to_networkx(self) -> nx.MultiDiGraph:
        """The entity graph: one node per entity id, one keyed edge per (source, type, target)."""
        return batch_to_networkx(self.batch())


def _sentence_id(mention: RelationMention) -> str:
    from geokg.schema import sentence_id

    return sentence_id(mention.doc, mention.sentence.start, mention.sentence.end)


def batch_to_networkx(batch: GraphBatch) -> nx.MultiDiGraph:
    """Build a networkx ``MultiDiGraph`` (edge key = relation type) from a batch."""
    graph = nx.MultiDiGraph()
    for node in batch.entities:
        graph.add_node(node.id, **node.model_dump(mode="json"))
    for edge in batch.relations:
        data = edge.model_dump(mode="json")
        data["mentions"] = len(edge.mention_ids)
        data["symmetric"] = edge.type.symmetric
        data["polarity"] = edge.type.polarity.value
        graph.add_edge(edge.source_id, edge.target_id, key=edge.type.value, **data)
    return graph
