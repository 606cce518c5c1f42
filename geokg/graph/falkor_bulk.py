"""FalkorDB's first load: a whole batch into a new graph through ``GRAPH.BULK``, no Cypher.

``GRAPH.BULK`` builds a graph key that does not exist yet from binary-packed nodes and edges
(what FalkorDB's bulk loader sends): no statement is parsed or planned and no index is looked
up, so a first load costs the server a fraction of the ``CREATE`` statements of
:mod:`geokg.graph.falkor_load`. The graph it writes is the one those statements write into an
empty graph (a test compares the two): documents, entities with their mention counts,
sentences ``IN`` their documents, ``MENTIONS`` links, one relationship per (source, type,
target) with the counts of its mentions, and one ``Mention`` node per mention, ``IN`` its
sentence and linked ``SOURCE`` and ``TARGET``. Later loads go through the Cypher path.

Wire format (FalkorDB ``src/bulk_insert``, native byte order, the server being local)::

    GRAPH.BULK <graph> [BEGIN] <nodes> <edges> <node blob count> <edge blob count> <blob> ...
    blob:  name NUL, property count (uint32), property names (each NUL-terminated), rows
    node row: one value per property
    edge row: source node id (uint64), target node id (uint64), one value per property
    value: type byte 0 null | 1 bool (1 byte) | 2 double | 3 NUL-terminated UTF-8 string
           | 4 int64 | 5 array (int64 length, then values)

A node blob names one or more labels (``Entity:Country``), an edge blob one type. Node ids
are given in creation order from 0 in a new graph, so the client knows every node's id as
it writes it, and node blobs precede edge blobs in each call. A null value leaves the
property out, as ``CREATE`` does with a null.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.falkor_load import index_safe_id, new_entity_counts, relation_row
from geokg.graph.store import load_plan, mention_groups, mention_values, plan_stats
from geokg.schema import MentionRecord, RelationType

__all__ = ["BULK_CALL_BYTES", "BulkLoad", "SchemaNames", "encode_value"]

BULK_CALL_BYTES = 64 * 1024 * 1024
"""Bytes of blobs per ``GRAPH.BULK`` call (Redis takes at most 512 MB per argument and 1 GB
per command; smaller calls keep the client's memory flat)."""

_LONG = struct.Struct("=q").pack
_DOUBLE = struct.Struct("=d").pack
_COUNT = struct.Struct("=I").pack
_PAIR = struct.Struct("=QQ").pack
_OFFSETS = struct.Struct("=BqBq").pack  # two int64 values with their type bytes
_NULL = b"\x00"
_TRUE = b"\x01\x01"
_FALSE = b"\x01\x00"


def _text(value: str) -> bytes:
    # A NUL would end the string early; the loader drops NULs from text anyway.
    if "\x00" in value:
        value = value.replace("\x00", "")
    return b"\x03" + value.encode("utf-8") + b"\x00"


def encode_value(value: Any) -> bytes:
    """One property value in GRAPH.BULK's binary form (see the module docstring).

    Raises:
        TypeError: For a value that is not None, bool, int, float, str or a list of these.
        struct.error: For an int outside the int64 range.
    """
    kind = value.__class__
    if kind is str:
        return _text(value)
    if value is None:
        return _NULL
    if kind is bool:
        return _TRUE if value else _FALSE
    if kind is int:
        return b"\x04" + _LONG(value)
    if kind is float:
        return b"\x02" + _DOUBLE(value)
    if kind is list or kind is tuple:
        return b"\x05" + _LONG(len(value)) + b"".join(map(encode_value, value))
    if isinstance(value, str):  # str enums
        return _text(str(value.value) if hasattr(value, "value") else str(value))
    raise TypeError(f"GRAPH.BULK cannot store a {kind.__name__} value")


def _header(name: str, props: Sequence[str]) -> bytes:
    names = b"".join(p.encode("utf-8") + b"\x00" for p in props)
    return name.encode("utf-8") + b"\x00" + _COUNT(len(props)) + names


Send = Callable[[list[Any]], Any]
"""Sends one GRAPH.BULK call's arguments (after the command name) and returns the reply."""


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


class _Calls:
    """Packs blobs into GRAPH.BULK calls and sends a call when it is full."""

    def __init__(self, send: Send, graph: str, limit: int) -> None:
        self.send = send
        self.graph = graph
        self.limit = limit
        self.node_blobs: list[bytes] = []
        self.edge_blobs: list[bytes] = []
        self.nodes = self.edges = self.size = 0
        self.sent = self.total_edges = 0

    def add(self, blob: bytes, count: int, *, node: bool) -> None:
        if self.size and self.size + len(blob) > self.limit:
            self.flush()
        (self.node_blobs if node else self.edge_blobs).append(blob)
        if node:
            self.nodes += count
        else:
            self.edges += count
            self.total_edges += count
        self.size += len(blob)

    def flush(self) -> None:
        if not self.node_blobs and not self.edge_blobs:
            return
        begin = ["BEGIN"] if self.sent == 0 else []
        args: list[Any] = [self.graph, *begin, self.nodes, self.edges]
        args += [len(self.node_blobs), len(self.edge_blobs), *self.node_blobs, *self.edge_blobs]
        self.node_blobs, self.edge_blobs = [], []
        self.nodes = self.edges = self.size = 0
        self.send(args)
        self.sent += 1


# Positions of the list fields of a relationship row (consecutive; scalars around them).
_LISTS = [
    i
    for i, f in enumerate(cypher.RELATION_ROW_FIELDS)
    if f in ("doc_years", "doc_year_counts", *cypher.RELATION_SAMPLE_FIELDS)
]
if list(range(_LISTS[0], _LISTS[-1] + 1)) != _LISTS:  # pragma: no cover - a field order change
    raise ImportError("the list fields of cypher.RELATION_ROW_FIELDS are not consecutive")


class _Memo:
    """Encodings of recurring values: document names, ids, whole runs of fields.

    A key is a value or a tuple of values of fixed fields (lists as tuples); every field has
    one type (the records are validated), so values equal in Python have one encoding.
    Bounded, so that a batch of unique values costs no more than lookups.
    """

    limit = 200_000

    def __init__(self) -> None:
        self.known: dict[Any, bytes] = {}

    def text(self, value: str) -> bytes:
        enc = self.known.get(value)
        if enc is None:
            enc = _text(value)
            if len(self.known) < self.limit:
                self.known[value] = enc
        return enc

    def row(self, values: list[Any], key: Any = None) -> bytes:
        """``values`` encoded; ``key`` stands for them (default: their tuple, for scalars)."""
        if key is None:
            key = tuple(values)
        enc = self.known.get(key)
        if enc is None:
            enc = b"".join(map(encode_value, values))
            if len(self.known) < self.limit:
                self.known[key] = enc
        return enc


class _Nodes:
    """Node rows of one label combination, sent in blobs; hands out node ids in order."""

    def __init__(self, load: BulkLoad, labels: str, props: Sequence[str]) -> None:
        self.load = load
        self.header = _header(labels, props)
        self.rows: list[bytes] = []
        self.size = len(self.header)

    def add(self, row: bytes) -> int:
        """Add one encoded row (a value per property); returns the node's id."""
        self.rows.append(row)
        self.size += len(row)
        if self.size >= self.load.blob_bytes:
            self.close()
        node = self.load.next_node
        self.load.next_node += 1
        return node

    def close(self) -> None:
        if self.rows:
            self.load.calls.add(self.header + b"".join(self.rows), len(self.rows), node=True)
        self.rows = []
        self.size = len(self.header)


class _Edges:
    """Edges of one type, held until every node is sent (edge blobs follow the nodes)."""

    def __init__(self, rtype: str, props: Sequence[str] = ()) -> None:
        self.header = _header(rtype, props)
        self.pairs = array("Q")  # without properties: source, target, source, target, ...
        self.rows: list[bytes] = []  # with properties: whole encoded rows

    def link(self, source: int, target: int) -> None:
        self.pairs.append(source)
        self.pairs.append(target)

    def add(self, source: int, target: int, values: bytes) -> None:
        self.rows.append(_PAIR(source, target) + values)

    def close(self, calls: _Calls, blob_bytes: int) -> None:
        step = max(2, (blob_bytes // 16) * 2)
        for i in range(0, len(self.pairs), step):
            piece = self.pairs[i : i + step]
            calls.add(self.header + piece.tobytes(), len(piece) // 2, node=False)
        rows: list[bytes] = []
        size = 0
        for row in self.rows:
            rows.append(row)
            size += len(row)
            if size >= blob_bytes:
                calls.add(self.header + b"".join(rows), len(rows), node=False)
                rows, size = [], 0
        if rows:
            calls.add(self.header + b"".join(rows), len(rows), node=False)


def _row(values: Iterable[Any]) -> bytes:
    return b"".join(map(encode_value, values))


class BulkLoad:
    """One batch into a new graph key through GRAPH.BULK (see the module docstring).

    Args:
        send: Sends one call (the arguments after ``GRAPH.BULK``).
        graph: The graph key, which must not exist.
        call_bytes: Blob bytes per call.
        names: Labels, property keys and types to register first, in this order.
    """

    def __init__(
        self,
        *,
        send: Send,
        graph: str,
        call_bytes: int = BULK_CALL_BYTES,
        names: SchemaNames | None = None,
    ) -> None:
        if call_bytes < 1:
            raise ValueError("call_bytes must be at least 1")
        self.calls = _Calls(send, graph, call_bytes)
        self.blob_bytes = call_bytes
        self.names = names or SchemaNames()
        self.next_node = 0
        self.memo = _Memo()
        self.safe_ids = _SafeIds()

    def run(self, batch: GraphBatch) -> tuple[int, dict[str, int], tuple[int, int]]:
        """Send the batch; returns the calls sent, the row counts (as the Cypher path gives
        them) and the numbers of nodes and edges written."""
        steps = load_plan(batch, relations=False)
        edges: dict[str, _Edges] = {}

        def edge(rtype: str, props: Sequence[str] = ()) -> _Edges:
            known = edges.get(rtype)
            if known is None:
                known = edges[rtype] = _Edges(rtype, props)
            return known

        names = self.names
        if names.labels:  # no rows: only registers the names
            self.calls.add(_header(":".join(names.labels), names.properties), 0, node=True)
        for rtype in names.types:
            self.calls.add(_header(rtype, ()), 0, node=False)
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
            known.close(self.calls, self.blob_bytes)
        self.calls.flush()
        stats = plan_stats(steps)
        stats["relations"] = sum(len(pairs) for pairs in groups.values())
        return self.calls.sent, stats, (self.next_node, self.calls.total_edges)

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
        writer = _Nodes(self, cypher.DOCUMENT, props)
        out = {doc: writer.add(_row(values)) for doc, values in rows.items()}
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
            writer = _Nodes(self, f"{cypher.ENTITY}:{label}", cypher.ENTITY_PROPS)
            for r in step.rows:
                eid = r["id"]
                values = (index_safe_id(eid), r["name"], r["aliases"], r["iso3"], *counts[eid])
                out[eid] = writer.add(_row(values))
            writer.close()
        return out

    def _sentences(
        self, rows: list[dict[str, Any]], docs: dict[str, int], sentence_in: _Edges
    ) -> dict[str, int]:
        """Write the sentences, each ``IN`` its document; returns node ids by (original) id."""
        writer = _Nodes(self, cypher.SENTENCE, cypher.SENTENCE_PROPS)
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
                    _text(index_safe_id(r["id"])),
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
        edge: Callable[..., _Edges],
    ) -> None:
        """Write the mention nodes and the relationships with their counts and links.

        As on the Cypher path, a mention whose endpoint is not an entity of the batch or whose
        sentence is not one of its sentences is dropped, and so is a relationship left
        without mentions.
        """
        writer = _Nodes(self, cypher.MENTION, cypher.MENTION_PROPS)
        mention_in, source_of, target_of = edge(cypher.IN), edge(cypher.SOURCE), edge(cypher.TARGET)
        text, fields = self.memo.text, self.memo.row
        for rtype, pairs in groups.items():
            polarity, symmetric = rtype.polarity.value, rtype.symmetric
            head = cypher.RELATION_HEADS.get(rtype)
            props = cypher.RELATION_ROW_FIELDS + ((head[0],) if head is not None else ())
            related = edge(rtype.value, props)
            type_name = _text(rtype.value)
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
                        relation = single[key] = encode_relation(row[2:-1])
                    x = writer.add(_text(m.id) + type_name + text(values[0]) + fields(values[1:]))
                    mention_in.link(x, sentences[m.sentence_id])
                    source_of.link(x, a)
                    target_of.link(x, b)
                    related.add(a, b, relation)
                    continue
                row = relation_row(a, b, kept, set(), sentences, polarity, symmetric)
                for m in row.pop():
                    # id, type, document (recurring), then fields of few distinct values
                    x = writer.add(_text(m[0]) + type_name + text(m[2]) + fields(m[3:]))
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
        self.memo = _Memo()

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
