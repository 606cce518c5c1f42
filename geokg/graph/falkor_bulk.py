"""FalkorDB's first load: a whole batch into a new graph through ``GRAPH.BULK``, no Cypher.

``GRAPH.BULK`` builds a graph key that does not exist yet from binary-packed nodes and edges
(what FalkorDB's bulk loader sends): no statement is parsed or planned and no index is looked
up, so a first load costs the server a fraction of the ``CREATE`` statements of
:mod:`geokg.graph.falkor_load`. The graph it writes is the one those statements write into an
empty graph (a test compares the two): documents, entities with their mention counts,
sentences ``IN`` their documents, ``MENTIONS`` links, one relationship per (source, type,
target) with the counts of its mentions, and one ``Mention`` node per mention, ``IN`` its
sentence and linked ``SOURCE`` and ``TARGET``. Later loads go through the Cypher path.

The binary format is :mod:`geokg.graph.falkor_wire`'s.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.falkor_load import index_safe_id, new_entity_counts, relation_row
from geokg.graph.falkor_wire import (
    BULK_CALL_BYTES,
    Calls,
    EdgeBlobs,
    Memo,
    NodeBlobs,
    Send,
    encode_row,
    encode_text,
    encode_value,
    header,
)
from geokg.graph.store import load_plan, mention_groups, mention_values, plan_stats
from geokg.schema import MentionRecord, RelationType

__all__ = ["BulkLoad", "SchemaNames"]

_OFFSETS = struct.Struct("=BqBq").pack  # two int64 values with their type bytes


@dataclass(frozen=True, slots=True)
class SchemaNames:
    """Labels, property keys and relationship types of a graph, in id order.

    A graph that was emptied keeps the ids it gave these names; a bulk load that replaces it
    registers them first, in the same order, so that a client caching the ids (falkordb-py
    decodes compact replies with them) reads the new graph correctly.
    """

    labels: tuple[str, ...] = ()
    properties: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


# Positions of the list fields of a relationship row (consecutive; scalars around them).
_LISTS = [
    i
    for i, f in enumerate(cypher.RELATION_ROW_FIELDS)
    if f in ("doc_years", "doc_year_counts", *cypher.RELATION_SAMPLE_FIELDS)
]
if list(range(_LISTS[0], _LISTS[-1] + 1)) != _LISTS:  # pragma: no cover - a field order change
    raise ImportError("the list fields of cypher.RELATION_ROW_FIELDS are not consecutive")


class BulkLoad:
    """One batch into a new graph key through GRAPH.BULK (see the module docstring).

    Args:
        send: Sends one call (the arguments after ``GRAPH.BULK``).
        graph: The graph key, which must not exist.
        call_bytes: Blob bytes per call at most.
        first_call_bytes: Blob bytes of the first call (later ones double up to ``call_bytes``).
        names: Labels, property keys and types to register first, in this order.
    """

    def __init__(
        self,
        *,
        send: Send,
        graph: str,
        call_bytes: int = BULK_CALL_BYTES,
        first_call_bytes: int | None = None,
        names: SchemaNames | None = None,
    ) -> None:
        if call_bytes < 1:
            raise ValueError("call_bytes must be at least 1")
        self.calls = Calls(send, graph, call_bytes, first_call_bytes)
        self.names = names or SchemaNames()
        self.memo = Memo()
        self.safe_ids = _SafeIds()

    def run(self, batch: GraphBatch) -> tuple[int, dict[str, int], tuple[int, int]]:
        """Send the batch; returns the calls sent, the row counts (as the Cypher path gives
        them) and the numbers of nodes and edges written."""
        steps = load_plan(batch, relations=False)
        edges: dict[str, EdgeBlobs] = {}

        def edge(rtype: str, props: Sequence[str] = ()) -> EdgeBlobs:
            known = edges.get(rtype)
            if known is None:
                known = edges[rtype] = EdgeBlobs(rtype, props)
            return known

        names = self.names
        if names.labels:  # no rows: only registers the names
            self.calls.add(header(":".join(names.labels), names.properties), 0, node=True)
        for rtype in names.types:
            self.calls.add(header(rtype, ()), 0, node=False)
        by_kind = {step.kind: step.rows for step in steps}
        docs = self._documents(by_kind)
        entities = self._entities(steps)
        sentences = self._sentences(by_kind.get("sentences", []), docs, edge(cypher.IN))
        links = edge(cypher.MENTIONS)
        for r in by_kind.get("mentions", ()):
            s, e = sentences.get(r["sentence_id"]), entities.get(r["entity_id"])
            if s is not None and e is not None:
                links.link(s, e)
        groups = mention_groups(batch.mentions)
        self._relations(groups, entities, sentences, edge)
        for known in edges.values():
            known.close(self.calls)
        self.calls.flush()
        stats = plan_stats(steps)
        stats["relations"] = sum(len(pairs) for pairs in groups.values())
        return self.calls.sent, stats, (self.calls.next_node, self.calls.total_edges)

    def _documents(self, by_kind: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
        """Write the documents (those of the batch, then those only its sentences name, as the
        sentence statement MERGEs them); returns their node ids by index-safe id."""
        props = cypher.DOCUMENT_PROPS
        rows: dict[str, list[Any]] = {}
        safe = self.safe_ids
        for r in by_kind.get("documents", ()):
            doc = safe(r["id"])
            rows[doc] = [doc, *(r[p] for p in props[1:])]
        for r in by_kind.get("sentences", ()):
            doc = safe(r["doc_id"])
            if doc not in rows:  # the name only, as the sentence statement creates it
                rows[doc] = [doc, r["doc"], *[None] * (len(props) - 2)]
        writer = NodeBlobs(self.calls, cypher.DOCUMENT, props)
        out = {doc: writer.add(encode_row(values)) for doc, values in rows.items()}
        writer.close()
        return out

    def _entities(self, steps: Sequence[Any]) -> dict[str, int]:
        """Write the entities, label by label; returns their node ids by (original) id."""
        new = {r["id"] for s in steps if s.kind.startswith("entities:") for r in s.rows}
        counts = new_entity_counts(list(steps), new)
        out: dict[str, int] = {}
        for step in steps:
            if not step.kind.startswith("entities:"):
                continue
            label = step.kind.split(":", 1)[1]
            writer = NodeBlobs(self.calls, f"{cypher.ENTITY}:{label}", cypher.ENTITY_PROPS)
            for r in step.rows:
                eid = r["id"]
                values = (index_safe_id(eid), r["name"], r["aliases"], r["iso3"], *counts[eid])
                out[eid] = writer.add(encode_row(values))
            writer.close()
        return out

    def _sentences(
        self, rows: list[dict[str, Any]], docs: dict[str, int], sentence_in: EdgeBlobs
    ) -> dict[str, int]:
        """Write the sentences, each ``IN`` its document; returns node ids by (original) id."""
        writer = NodeBlobs(self.calls, cypher.SENTENCE, cypher.SENTENCE_PROPS)
        text, safe = self.memo.text, self.safe_ids
        out: dict[str, int] = {}
        for r in rows:
            doc, start, end = safe(r["doc_id"]), r["start"], r["end"]
            if start.__class__ is int and end.__class__ is int:
                offsets = _OFFSETS(4, start, 4, end)
            else:
                offsets = encode_value(start) + encode_value(end)
            row = b"".join(
                (
                    encode_text(index_safe_id(r["id"])),
                    text(r["doc"]),
                    text(doc),
                    offsets,
                    encode_value(r["text"]),
                )
            )
            node = out[r["id"]] = writer.add(row)
            sentence_in.link(node, docs[doc])
        writer.close()
        return out

    def _relations(
        self,
        groups: dict[RelationType, dict[tuple[str, str], list[MentionRecord]]],
        entities: dict[str, int],
        sentences: dict[str, int],
        edge: Callable[..., EdgeBlobs],
    ) -> None:
        """Write the mention nodes and the relationships with their counts and links.

        As on the Cypher path, a mention whose endpoint is not an entity of the batch or whose
        sentence is not one of its sentences is dropped, and so is a relationship left
        without mentions.
        """
        writer = NodeBlobs(self.calls, cypher.MENTION, cypher.MENTION_PROPS)
        mention_in, source_of, target_of = edge(cypher.IN), edge(cypher.SOURCE), edge(cypher.TARGET)
        text, fields = self.memo.text, self.memo.row
        for rtype, pairs in groups.items():
            polarity, symmetric = rtype.polarity.value, rtype.symmetric
            head = cypher.RELATION_HEADS.get(rtype)
            props = cypher.RELATION_ROW_FIELDS + ((head[0],) if head is not None else ())
            related = edge(rtype.value, props)
            type_name = encode_text(rtype.value)
            encode_relation = _RelationValues(rtype)
            # A relationship of one mention: its values follow from the mention's fields but
            # the document (it counts one document), so they are encoded once per such fields.
            single: dict[tuple[Any, ...], bytes] = {}
            for (source, target), mentions in pairs.items():
                a, b = entities.get(source), entities.get(target)
                if a is None or b is None:
                    continue
                kept = [m for m in mentions if m.sentence_id in sentences]
                if not kept:
                    continue
                if len(kept) == 1:
                    m = kept[0]
                    values = mention_values(m)
                    key = tuple(values[1:])
                    relation = single.get(key)
                    if relation is None:
                        row = relation_row(a, b, kept, set(), sentences, polarity, symmetric)
                        relation = encode_relation(row[2:-1])
                        if len(single) < Memo.limit:
                            single[key] = relation
                    x = writer.add(
                        encode_text(m.id) + type_name + text(values[0]) + fields(values[1:])
                    )
                    mention_in.link(x, sentences[m.sentence_id])
                    source_of.link(x, a)
                    target_of.link(x, b)
                    related.add(a, b, relation)
                    continue
                row = relation_row(a, b, kept, set(), sentences, polarity, symmetric)
                for m in row.pop():
                    # id, type, document (recurring), then fields of few distinct values
                    x = writer.add(encode_text(m[0]) + type_name + text(m[2]) + fields(m[3:]))
                    mention_in.link(x, m[1])
                    source_of.link(x, a)
                    target_of.link(x, b)
                related.add(a, b, encode_relation(row[2:]))
        writer.close()


class _RelationValues:
    """Encodes the property values of relationships of one type (``RELATION_ROW_FIELDS``,
    then LEADS' ``role`` or MEMBER_OF's ``status``: the first of its samples), once per
    distinct values."""

    def __init__(self, rtype: RelationType) -> None:
        self.head = cypher.RELATION_HEADS.get(rtype)
        self.samples = cypher.RELATION_ROW_FIELDS.index(self.head[1]) if self.head else 0
        self.memo = Memo()

    def __call__(self, values: list[Any]) -> bytes:
        if self.head is not None:
            samples = values[self.samples]
            values = [*values, samples[0] if samples else None]
        key = (tuple(values[: _LISTS[0]]), *[tuple(values[i]) for i in _LISTS])
        key += (tuple(values[_LISTS[-1] + 1 :]),)
        return self.memo.row(values, key)


class _SafeIds:
    """:func:`~geokg.graph.falkor_load.index_safe_id` of recurring ids (documents)."""

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        safe = self.known.get(value)
        if safe is None:
            safe = self.known[value] = index_safe_id(value)
        return safe
