"""The graph store contract: the :class:`GraphStore` protocol, its result types and the loader plan.

Two stores implement it with the same rows and the same model: the embedded FalkorDB
(:class:`~geokg.graph.falkor.FalkorStore`, the default) and Neo4j 5 over Bolt
(:class:`~geokg.graph.neo4j_store.Neo4jStore`). This module imports neither: they import it,
and :func:`geokg.graph.registry.open_store` picks one.

Example:
    >>> from geokg.graph.build import GraphBuilder
    >>> from geokg.graph.registry import open_store
    >>> with open_store(db_dir=Path(".geokg")) as store:  # doctest: +SKIP
    ...     store.ensure_schema()
    ...     stats = store.load(GraphBuilder().batch())
    ...     print(store.counts()["total_nodes"])
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Protocol, Self, runtime_checkable

from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.schema import EntityLabel, EntityNode, MentionRecord, RelationType, SentenceRecord

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB_DIR",
    "MENTIONS_PER_ROW",
    "Dialect",
    "GraphStore",
    "LoadStats",
    "LoadStep",
    "QueryResult",
    "StoreQueries",
    "chunked",
    "fold_counts",
    "load_plan",
    "mention_groups",
    "mention_values",
]

DEFAULT_DB_DIR = Path(".geokg")
DEFAULT_BATCH_SIZE = 5000

Dialect = Literal["falkordb", "neo4j"]


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a query: ``columns`` names, ``rows`` plain Python values (lists, dicts, scalars).

    Nodes come back as ``{"_labels": [...], **properties}``, relationships as
    ``{"_type": T, **properties}`` and paths as ``{"nodes": [...], "relationships": [...]}``.
    """

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        """All values of one column."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class LoadStats:
    """What one :meth:`GraphStore.load` sent: rows per kind, statements and wall time."""

    documents: int = 0
    sentences: int = 0
    entities: int = 0
    relations: int = 0
    mention_links: int = 0
    statements: int = 0
    seconds: float = 0.0

    @property
    def relations_per_second(self) -> float:
        """Relationship rows loaded per second of wall time."""
        return self.relations / self.seconds if self.seconds > 0 else 0.0


@runtime_checkable
class GraphStore(Protocol):
    """A graph database holding the geokg model (see ``docs/graph-model.md``)."""

    dialect: Dialect

    def ensure_schema(self) -> None:
        """Create the unique id constraints and indexes (idempotent)."""
        ...

    def load(self, batch: GraphBatch) -> LoadStats:
        """MERGE a collapsed batch; loading the same batch twice changes nothing."""
        ...

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one Cypher statement with parameters."""
        ...

    def counts(self) -> dict[str, Any]:
        """Node counts by label, relationship counts by type, and totals.

        Returns ``{"nodes": {label: n}, "relationships": {type: n}, "total_nodes": n,
        "total_relationships": n}``; a node counts under each of its labels.
        """
        ...

    def clear(self) -> None:
        """Delete every node and relationship (constraints and indexes stay)."""
        ...

    def close(self) -> None:
        """Release connections (and stop a server this store started, where it does that)."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class StoreQueries:
    """What every store derives from its ``query`` and ``close``: counts, a chunked clear, and
    use as a context manager."""

    def close(self) -> None:
        """Release the store's resources (each store implements it)."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one Cypher statement with parameters (each store implements it)."""
        raise NotImplementedError

    def counts(self) -> dict[str, Any]:
        """Nodes by label, relationships by type and totals."""
        labels = self.query(cypher.count_nodes_by_labels()).rows
        types = self.query(cypher.count_relationships_by_type()).rows
        return fold_counts(labels, types)

    def clear(self, *, chunk: int = 10_000) -> None:
        """Delete all nodes and relationships in chunks of ``chunk`` nodes."""
        while True:
            rows = self.query(cypher.clear_batch(), {"limit": chunk}).rows
            if not rows or not rows[0][0]:
                break


# --- the loader plan -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadStep:
    """One loader statement and the rows it UNWINDs (the store sends them in chunks)."""

    kind: str
    statement: str
    rows: list[dict[str, Any]] = field(default_factory=list)


def _clean(text: str | None) -> str | None:
    # FalkorDB cannot take NUL inside a parameter string; drop it everywhere so that both
    # stores hold the same text.
    if text is None or "\x00" not in text:
        return text
    return text.replace("\x00", "")


def _clean_list(values: Sequence[str]) -> list[str]:
    return [v.replace("\x00", "") if "\x00" in v else v for v in values]


def _union_into(into: list[Any], values: Sequence[Any]) -> None:
    seen = set(into)
    for v in values:
        if v not in seen:
            seen.add(v)
            into.append(v)


def _collapse_entities(nodes: Sequence[EntityNode]) -> dict[str, EntityNode]:
    out: dict[str, EntityNode] = {}
    for node in nodes:
        known = out.get(node.id)
        if known is None:
            out[node.id] = node
            continue
        merged = known.model_copy(deep=True)
        _union_into(merged.aliases, node.aliases)
        merged.iso3 = merged.iso3 or node.iso3
        merged.mentions += node.mentions
        out[node.id] = merged
    return out


def _collapse_sentences(sentences: Sequence[SentenceRecord]) -> dict[str, SentenceRecord]:
    out: dict[str, SentenceRecord] = {}
    for sent in sentences:
        known = out.get(sent.id)
        if known is not None:
            ids = tuple(dict.fromkeys(known.entity_ids + sent.entity_ids))
            sent = known.model_copy(update={"entity_ids": ids})
        out[sent.id] = sent
    return out


MENTIONS_PER_ROW = 500
"""Mentions per relationship row of the shared statement: a relationship with more mentions in
one document is split over several rows (the statement counts the document once)."""


def mention_values(mention: MentionRecord) -> list[Any]:
    """The values of :data:`~geokg.graph.cypher.MENTION_FIELDS` for a mention (no NULs), in
    that order (written out for speed; a test checks the two stay in step)."""
    f = mention.__dict__  # attribute access through pydantic is slow in this loop
    status = f["status"]
    return [
        f["doc_id"],
        f["doc_date"],
        f["modality"].value,
        f["negated"],
        f["quoted"],
        f["year"],
        _clean(f["trigger"]),
        _clean(f["rule"]),
        f["confidence"],
        _clean(f["role"]),
        None if status is None else status.value,
        f["context"],
    ]


def mention_groups(
    mentions: Sequence[MentionRecord],
) -> dict[RelationType, dict[tuple[str, str], list[MentionRecord]]]:
    """Mentions by type, then by relationship (source id, target id), each id once.

    Symmetric types have their endpoints sorted (a mention built elsewhere may not).
    """
    seen: set[str] = set()
    by_type: dict[RelationType, dict[tuple[str, str], list[MentionRecord]]] = {}
    for mention in mentions:
        fields = mention.__dict__
        mid = fields["id"]
        if mid in seen:
            continue
        seen.add(mid)
        rtype, source, target = fields["type"], fields["source_id"], fields["target_id"]
        if target < source and rtype.value in _SYMMETRIC:
            source, target = target, source
        by_type.setdefault(rtype, {}).setdefault((source, target), []).append(mention)
    return {t: by_type[t] for t in RelationType if t in by_type}


def _relation_rows(
    rtype: RelationType, pairs: dict[tuple[str, str], list[MentionRecord]]
) -> list[dict[str, Any]]:
    """Rows of :func:`~geokg.graph.cypher.merge_relations`: one per relationship and document."""
    polarity, symmetric = _TYPE_VALUES[rtype]
    rows: list[dict[str, Any]] = []
    for (source, target), mentions in pairs.items():
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for m in mentions:
            row = {"id": m.id, "sentence_id": m.sentence_id}
            row.update(zip(cypher.MENTION_FIELDS, mention_values(m), strict=True))
            del row["doc_id"]
            by_doc.setdefault(m.doc_id, []).append(row)
        for doc_id, items in by_doc.items():
            for piece in chunked(items, MENTIONS_PER_ROW):
                rows.append(
                    {
                        "source_id": source,
                        "target_id": target,
                        "doc_id": doc_id,
                        "polarity": polarity,
                        "symmetric": symmetric,
                        "mentions": piece,
                    }
                )
    return rows


_TYPE_VALUES = {t: (t.polarity.value, t.symmetric) for t in RelationType}
_SYMMETRIC = frozenset(t.value for t in RelationType if t.symmetric)


def load_plan(batch: GraphBatch, *, relations: bool = True) -> list[LoadStep]:
    """The ordered loader statements for a batch, with their parameter rows.

    Order: documents, entities (one statement per label), sentences with their ``IN`` link,
    ``MENTIONS`` links, relationships with their evidence nodes, from ``batch.mentions``
    (one statement per type; left out when ``relations`` is false, for a store that loads
    :func:`mention_groups` its own way), then the entity mention counts. Rows are collapsed
    again here (each id once per statement), symmetric relationships get their endpoints
    sorted, and NUL characters are dropped from text.
    """
    steps: list[LoadStep] = []
    rows: list[dict[str, Any]]
    docs = {d.id: d for d in batch.documents}
    if docs:
        rows = [
            {
                "id": d.id,
                "name": _clean(d.name),
                "sha1": d.sha1,
                "chars": d.chars,
                "date": d.date,
                "title": _clean(d.title),
                "source": _clean(d.source),
                "url": _clean(d.url),
            }
            for d in docs.values()
        ]
        steps.append(LoadStep("documents", cypher.merge_documents(), rows))

    entities = _collapse_entities(batch.entities)
    for label in EntityLabel:
        rows = [
            {"id": n.id, "name": _clean(n.name), "aliases": _clean_list(n.aliases), "iso3": n.iso3}
            for n in entities.values()
            if n.label is label
        ]
        if rows:
            steps.append(LoadStep(f"entities:{label.value}", cypher.merge_entities(label), rows))

    sentences = _collapse_sentences(batch.sentences)
    if sentences:
        rows = [
            {
                "id": s.id,
                "doc": _clean(s.doc),
                "doc_id": s.doc_id,
                "start": s.start,
                "end": s.end,
                "text": _clean(s.text),
            }
            for s in sentences.values()
        ]
        steps.append(LoadStep("sentences", cypher.merge_sentences(), rows))
        links = [
            {"sentence_id": s.id, "entity_id": eid}
            for s in sentences.values()
            for eid in dict.fromkeys(s.entity_ids)
        ]
        if links:
            steps.append(LoadStep("mentions", cypher.merge_mentions(), links))

    if relations:
        for rtype, pairs in mention_groups(batch.mentions).items():
            rows = _relation_rows(rtype, pairs)
            steps.append(LoadStep(f"relations:{rtype.value}", cypher.merge_relations(rtype), rows))

    touched = {n.id: n.mentions for n in entities.values()}
    for s in sentences.values():
        for eid in s.entity_ids:
            touched.setdefault(eid, 0)
    if touched:
        rows = [{"id": eid, "mentions": n} for eid, n in touched.items()]
        steps.append(LoadStep("entity_mentions", cypher.refresh_entity_mentions(), rows))
    return steps


def plan_stats(steps: Sequence[LoadStep]) -> dict[str, int]:
    """Row counts of a plan by kind family (documents, entities, relations, ...)."""
    out = {"documents": 0, "sentences": 0, "entities": 0, "relations": 0, "mention_links": 0}
    for step in steps:
        family = step.kind.split(":", 1)[0]
        if family == "mentions":
            out["mention_links"] += len(step.rows)
        elif family in out:
            out[family] += len(step.rows)
    return out


def chunked[T](rows: list[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most ``size`` rows."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def fold_counts(
    label_rows: Sequence[Sequence[Any]], type_rows: Sequence[Sequence[Any]]
) -> dict[str, Any]:
    """The :meth:`GraphStore.counts` dict from ``(labels, n)`` and ``(type, n)`` rows."""
    nodes: dict[str, int] = {}
    total_nodes = 0
    for labels, n in label_rows:
        total_nodes += int(n)
        for label in labels:
            nodes[label] = nodes.get(label, 0) + int(n)
    rels = {str(t): int(n) for t, n in type_rows}
    return {
        "nodes": dict(sorted(nodes.items())),
        "relationships": dict(sorted(rels.items())),
        "total_nodes": total_nodes,
        "total_relationships": sum(rels.values()),
    }
