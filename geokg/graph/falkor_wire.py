"""FalkorDB's GRAPH.BULK wire format: values, blob headers, blobs of nodes and edges, calls.

What :mod:`geokg.graph.falkor_bulk` writes a first load with (FalkorDB ``src/bulk_insert``;
native byte order, the server being local)::

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
from typing import Any

__all__ = [
    "BULK_CALL_BYTES",
    "BULK_FIRST_CALL_BYTES",
    "Calls",
    "EdgeBlobs",
    "Memo",
    "NodeBlobs",
    "Send",
    "encode_row",
    "encode_text",
    "encode_value",
    "header",
]

BULK_CALL_BYTES = 64 * 1024 * 1024
"""Bytes of blobs per ``GRAPH.BULK`` call at most (Redis takes at most 512 MB per argument and
1 GB per command; smaller calls keep the client's memory flat)."""

BULK_FIRST_CALL_BYTES = 4 * 1024 * 1024
"""Bytes of the first call; each later call may hold twice the one before, up to
:data:`BULK_CALL_BYTES`. Small first calls let the server build nodes while the client packs
the next call; growing calls keep their number logarithmic, since each call costs the server
time that grows with the graph (measured: 4 MB calls throughout made 256k mentions cost x4.5
the load time of 64k)."""

_LONG = struct.Struct("=q").pack
_DOUBLE = struct.Struct("=d").pack
_COUNT = struct.Struct("=I").pack
_PAIR = struct.Struct("=QQ").pack
_NULL = b"\x00"
_TRUE = b"\x01\x01"
_FALSE = b"\x01\x00"


def encode_text(value: str) -> bytes:
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
        return encode_text(value)
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
        return encode_text(str(value.value) if hasattr(value, "value") else str(value))
    raise TypeError(f"GRAPH.BULK cannot store a {kind.__name__} value")


def header(name: str, props: Sequence[str]) -> bytes:
    names = b"".join(p.encode("utf-8") + b"\x00" for p in props)
    return name.encode("utf-8") + b"\x00" + _COUNT(len(props)) + names


Send = Callable[[list[Any]], Any]
"""Sends one GRAPH.BULK call's arguments (after the command name) and returns the reply."""


class Calls:
    """Packs blobs into GRAPH.BULK calls and sends a call when it is full.

    ``next_node`` is the id the next node written gets, ``total_edges`` the edges added so
    far, ``sent`` the calls sent; ``limit`` bounds the blob bytes of a call: ``first`` for the
    first, doubling after each call up to ``limit`` (see :data:`BULK_FIRST_CALL_BYTES`).
    """

    def __init__(self, send: Send, graph: str, limit: int, first: int | None = None) -> None:
        self.send = send
        self.graph = graph
        self.limit = min(first, limit) if first else limit
        self.max_limit = limit
        self.node_blobs: list[bytes] = []
        self.edge_blobs: list[bytes] = []
        self.nodes = self.edges = self.size = 0
        self.sent = self.total_edges = self.next_node = 0

    def add(self, blob: bytes, count: int, *, node: bool) -> None:
        """Add a blob of ``count`` nodes or edges; sends the call first if it would overflow."""
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
        """Send the blobs held as one call (the first one with ``BEGIN``)."""
        if not self.node_blobs and not self.edge_blobs:
            return
        begin = ["BEGIN"] if self.sent == 0 else []
        args: list[Any] = [self.graph, *begin, self.nodes, self.edges]
        args += [len(self.node_blobs), len(self.edge_blobs), *self.node_blobs, *self.edge_blobs]
        self.node_blobs, self.edge_blobs = [], []
        self.nodes = self.edges = self.size = 0
        self.send(args)
        self.sent += 1
        self.limit = min(self.limit * 2, self.max_limit)


class Memo:
    """Encodings of recurring values: document names, ids, whole runs of fields.

    A key is a value or a tuple of values of fixed fields (lists as tuples); every field has
    one type (the records are validated), so values equal in Python have one encoding.
    Bounded, so that a batch of unique values costs no more than lookups.
    """

    limit = 100_000

    def __init__(self) -> None:
        self.known: dict[Any, bytes] = {}

    def text(self, value: str) -> bytes:
        enc = self.known.get(value)
        if enc is None:
            enc = encode_text(value)
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


class NodeBlobs:
    """Node rows of one label combination, sent in blobs; hands out node ids in order."""

    def __init__(self, calls: Calls, labels: str, props: Sequence[str]) -> None:
        self.calls = calls
        self.header = header(labels, props)
        self.rows: list[bytes] = []
        self.size = len(self.header)

    def add(self, row: bytes) -> int:
        """Add one encoded row (a value per property); returns the node's id."""
        self.rows.append(row)
        self.size += len(row)
        if self.size >= self.calls.limit:
            self.close()
        node = self.calls.next_node
        self.calls.next_node += 1
        return node

    def close(self) -> None:
        """Send the rows held (call it before another label's rows: ids follow send order)."""
        if self.rows:
            self.calls.add(self.header + b"".join(self.rows), len(self.rows), node=True)
        self.rows = []
        self.size = len(self.header)


class EdgeBlobs:
    """Edges of one type, held until every node is sent (edge blobs follow the nodes)."""

    def __init__(self, rtype: str, props: Sequence[str] = ()) -> None:
        self.header = header(rtype, props)
        self.pairs = array("Q")  # without properties: source, target, source, target, ...
        self.rows: list[bytes] = []  # with properties: whole encoded rows

    def link(self, source: int, target: int) -> None:
        self.pairs.append(source)
        self.pairs.append(target)

    def add(self, source: int, target: int, values: bytes) -> None:
        self.rows.append(_PAIR(source, target) + values)

    def close(self, calls: Calls) -> None:
        """Send the edges (after every node: edges name nodes sent before them)."""
        blob_bytes = calls.limit
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


def encode_row(values: Iterable[Any]) -> bytes:
    return b"".join(map(encode_value, values))
