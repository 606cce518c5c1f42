"""The data of the graph view, apart from its page: sources, selection, layout and the JSON.

:func:`view_data` turns a networkx graph (from :func:`graph_from_batch` or
:func:`read_graph_from_store`) into the plain JSON that the page template draws
(:mod:`geokg.graph.html_view` puts it into ``assets/view.html``):

- nodes with positions computed here with networkx (a spring layout per connected component,
  components packed in rows), coloured by label and sized by degree;
- relationships coloured by polarity, their width growing with the mention count, dashed
  where no mention is both asserted and not negated;
- per relationship its first :data:`EVIDENCE_SHOWN` evidence sentences (read from the
  ``Mention`` nodes) and their documents.

Example:
    >>> from geokg.graph.build import GraphBuilder
    >>> view_data(graph_from_batch(GraphBuilder().batch()))["nodes"]
    []
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from geokg.errors import ConfigError
from geokg.graph.build import GraphBatch, batch_to_networkx
from geokg.graph.store import GraphStore
from geokg.schema import EntityLabel, Modality, Polarity, RelationType

__all__ = [
    "EVIDENCE_SHOWN",
    "LABEL_COLORS",
    "POLARITY_COLORS",
    "GraphSource",
    "as_graph",
    "graph_from_batch",
    "layout_positions",
    "parse_types",
    "read_graph_from_store",
    "select_subgraph",
    "shown_evidence",
    "view_data",
]

EVIDENCE_SHOWN = 50
"""Evidence sentences the page embeds per relationship (its counts cover every mention)."""

LABEL_COLORS: dict[str, str] = {
    EntityLabel.COUNTRY.value: "#4e79a7",
    EntityLabel.LEADER.value: "#9c6ade",
    EntityLabel.PERSON.value: "#f28e2b",
    EntityLabel.ORGANIZATION.value: "#17a2b8",
    EntityLabel.GROUP.value: "#b07aa1",
    EntityLabel.PLACE.value: "#b6992d",
}
"""Node fill colour per entity label (also used by the notebook's charts)."""

POLARITY_COLORS: dict[str, str] = {
    Polarity.COOPERATIVE.value: "#2e9e5b",
    Polarity.CONFLICTUAL.value: "#d64541",
    Polarity.STRUCTURAL.value: "#8c8c8c",
}
"""Relationship colour per polarity (also used by the notebook's charts)."""

_MODALITIES = ("asserted", "hedged", "reported", "hypothetical")
_UNKNOWN_LABEL_COLOR = "#9aa5b1"
# Layout units (pixels at zoom 1): median distance to the nearest neighbour, gap between
# components, label width allowance per character and at most.
_SPACING = 70.0
_GAP = 50.0
_CHAR_WIDTH = 6.6
_LABEL_ALLOWANCE = 60.0

_Array = npt.NDArray[np.float64]
_PAIR_SPACING = 16.0


type GraphSource = nx.MultiDiGraph | GraphBatch | GraphStore
"""What :func:`write_html` accepts: a graph, a batch of collapsed rows, or a store."""


# --- sources -------------------------------------------------------------------------------


def graph_from_batch(batch: GraphBatch) -> nx.MultiDiGraph:
    """The networkx graph of a batch, with its evidence sentences in ``graph.graph``.

    Args:
        batch: Collapsed rows from :class:`~geokg.graph.build.GraphBuilder`.

    Returns:
        The graph of :func:`~geokg.graph.build.batch_to_networkx`, plus
        ``graph.graph["sentences"]``: sentence id -> ``{"text", "doc", "start", "end"}``.
    """
    graph = batch_to_networkx(batch)
    graph.graph["sentences"] = {
        s.id: {"text": s.text, "doc": s.doc, "start": s.start, "end": s.end}
        for s in batch.sentences
    }
    graph.graph["evidence"] = _evidence(batch)
    return graph


def _evidence(batch: GraphBatch) -> dict[str, dict[str, Any]]:
    """Per relationship key ``source|TYPE|target``: its first :data:`EVIDENCE_SHOWN` evidence
    sentences in document order, their documents, whether any mention is asserted and not
    negated, and the distinct dates of the documents of all its mentions (for the page's date
    filter). The same whatever order the mentions come in (a batch or a store)."""
    place = {s.id: (s.doc, s.start, s.id) for s in batch.sentences}
    found: dict[str, set[str]] = {}
    dates: dict[str, set[str]] = {}
    firm: set[str] = set()
    for m in batch.mentions:
        key = f"{m.source_id}|{m.type.value}|{m.target_id}"
        found.setdefault(key, set()).add(m.sentence_id)
        if m.doc_date is not None:
            dates.setdefault(key, set()).add(m.doc_date)
        if m.modality is Modality.ASSERTED and not m.negated:
            firm.add(key)
    out: dict[str, dict[str, Any]] = {}
    for key, ids in found.items():
        shown = sorted(ids, key=lambda i: place.get(i, ("", 0, i)))[:EVIDENCE_SHOWN]
        docs = dict.fromkeys(place[i][0] for i in shown if i in place)
        out[key] = {
            "sentences": shown,
            "documents": list(docs),
            "firm": key in firm,
            "dates": sorted(dates.get(key, ())),
        }
    return out


def read_graph_from_store(store: GraphStore) -> nx.MultiDiGraph:
    """Read the whole entity graph and its evidence sentences back from a store.

    Uses the exporters' reader (:func:`geokg.graph.export.read_graph`), so the view shows
    exactly what the other export formats hold, on the embedded FalkorDB and on Neo4j alike.

    Args:
        store: An open store (``open_store(...)``).

    Returns:
        The graph of :func:`graph_from_batch` for the stored rows.
    """
    from geokg.graph.export import read_graph

    return graph_from_batch(read_graph(store).to_batch())


def as_graph(source: GraphSource) -> nx.MultiDiGraph:
    """The networkx graph of a source (a graph is returned as it is)."""
    if isinstance(source, nx.MultiDiGraph):
        return source
    if isinstance(source, GraphBatch):
        return graph_from_batch(source)
    if isinstance(source, GraphStore):
        return read_graph_from_store(source)
    raise TypeError(f"cannot draw a {type(source).__name__}")  # pragma: no cover


# --- selection -----------------------------------------------------------------------------


def parse_types(types: Sequence[str] | str | None) -> list[RelationType] | None:
    """Relation types from names (``"ATTACKS,invades"`` or a list); ``None`` means all.

    Raises:
        ConfigError: A name that is not one of the 17 relation types.
    """
    if types is None:
        return None
    items = types.split(",") if isinstance(types, str) else list(types)
    names = [t.strip().upper() for item in items for t in item.split(",") if t.strip()]
    out: list[RelationType] = []
    for name in names:
        try:
            rtype = RelationType(name)
        except ValueError:
            valid = ", ".join(t.value for t in RelationType)
            raise ConfigError(f"unknown relation type {name!r} (one of: {valid})") from None
        if rtype not in out:
            out.append(rtype)
    return out or None


def _find_node(graph: nx.MultiDiGraph, focus: str) -> str:
    """The node a user means by an id, a name or an alias (case-insensitive)."""
    if focus in graph:
        return focus
    wanted = " ".join(focus.split()).casefold()
    by_name = [n for n, d in graph.nodes(data=True) if str(d.get("name", "")).casefold() == wanted]
    if not by_name:
        by_name = [
            n
            for n, d in graph.nodes(data=True)
            if wanted in (str(a).casefold() for a in d.get("aliases") or [])
        ]
    if not by_name:
        by_name = [n for n in graph if str(n).casefold() == wanted]
    if not by_name:
        raise ConfigError(f"no entity named {focus!r} in the graph")
    # Several labels may share a name (Place "Moscow" and a Country alias): the busiest wins.
    return str(max(sorted(by_name), key=lambda n: graph.degree(n)))


def select_subgraph(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Sequence[str] | str | None = None,
    isolated: bool = False,
) -> nx.MultiDiGraph:
    """The part of ``graph`` to draw.

    Args:
        graph: The entity graph.
        focus: An entity id, name or alias: keep only its neighbourhood.
        hops: Radius of the neighbourhood (relationships followed in either direction).
        types: Keep only these relation types (applied before the neighbourhood is taken).
        isolated: Keep entities without any relationship (dropped by default).

    Returns:
        A new graph (the input is not changed); ``graph.graph`` is carried over.

    Raises:
        ConfigError: Unknown type, negative ``hops``, or ``focus`` names no entity.
    """
    if hops < 0:
        raise ConfigError(f"hops must be >= 0, not {hops}")
    wanted = parse_types(types)
    sub = nx.MultiDiGraph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from(graph.nodes(data=True))
    allowed = None if wanted is None else {t.value for t in wanted}
    for u, v, key, data in graph.edges(keys=True, data=True):
        if allowed is None or str(data.get("type", key)) in allowed:
            sub.add_edge(u, v, key=key, **data)
    center = _find_node(graph, focus) if focus is not None else None
    if center is not None:
        keep = nx.single_source_shortest_path_length(sub.to_undirected(as_view=True), center, hops)
        sub = sub.subgraph(keep).copy()
    elif not isolated or wanted is not None:
        sub.remove_nodes_from([n for n in list(sub) if sub.degree(n) == 0])
    return sub


# --- layout --------------------------------------------------------------------------------


def _separate(points: _Array, half_w: _Array, half_h: _Array, seed: int) -> None:
    """Push apart nodes whose boxes (disc plus label allowance) overlap, in place."""
    n = len(points)
    if n < 2:
        return
    rng = np.random.default_rng(seed)
    for _ in range(120):
        dx = points[:, None, 0] - points[None, :, 0]
        dy = points[:, None, 1] - points[None, :, 1]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        over_y = half_h[:, None] + half_h[None, :] - np.abs(dy)
        np.fill_diagonal(over_x, 0.0)
        hit = (over_x > 0.5) & (over_y > 0.5)
        if not hit.any():
            return
        if (hit & (np.abs(dx) < 1e-6) & (np.abs(dy) < 1e-6)).any():
            points += rng.normal(0.0, 1.0, points.shape)
            continue
        # Move along the axis that needs the smaller move; each node of a pair takes half.
        along_x = hit & (over_x <= over_y)
        along_y = hit & ~along_x
        push_x = np.where(along_x, np.sign(dx) * over_x / 2, 0.0)
        push_y = np.where(along_y, np.sign(dy) * over_y / 2, 0.0)
        points[:, 0] += push_x.sum(axis=1) * 0.5
        points[:, 1] += push_y.sum(axis=1) * 0.5


def _spring(adjacency: _Array, *, seed: int, iterations: int | None = None) -> _Array:
    """Fruchterman-Reingold positions in the unit square (dense numpy, any size).

    networkx's ``spring_layout`` switches to a scipy solver from 500 nodes; this is the same
    force model without that dependency. Optimal distance ``2 / sqrt(n)``.
    """
    n = len(adjacency)
    if iterations is None:  # fewer rounds for big components: each costs n * n
        iterations = max(60, min(300, int(3e7 / (n * n))))
    rng = np.random.default_rng(seed)
    points = rng.random((n, 2))
    k = 2.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    x, y = points[:, 0].copy(), points[:, 1].copy()
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance = np.maximum(np.sqrt(dx * dx + dy * dy), 0.01)
        force = k * k / (distance * distance) - adjacency * distance / k
        mx = (dx * force).sum(axis=1)
        my = (dy * force).sum(axis=1)
        length = np.sqrt(mx * mx + my * my)
        step = temperature / np.where(length < 0.01, 0.1, length)
        x += mx * step
        y += my * step
        temperature -= cooling
    points = np.column_stack((x, y))
    return points


def _component_layout(
    graph: nx.Graph, boxes: Mapping[str, tuple[float, float]], seed: int
) -> dict[str, tuple[float, float]]:
    """A spring layout of one connected component, scaled to the node spacing, overlaps removed."""
    nodes = list(graph)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for u, v in graph.edges():
        adjacency[index[u], index[v]] = adjacency[index[v], index[u]] = 1.0
    points = _spring(adjacency, seed=seed)
    # Turn the longest axis horizontal: screens are wider than tall.
    points -= points.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(points.T) + np.eye(2) * 1e-12)
    points = points @ vectors[:, ::-1]
    gaps = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=-1))
    np.fill_diagonal(gaps, np.inf)
    nearest = float(np.median(gaps.min(axis=1)))
    points *= _SPACING / max(nearest, 1e-9)
    half_w = np.array([boxes[v][0] for v in nodes])
    half_h = np.array([boxes[v][1] for v in nodes])
    _separate(points, half_w, half_h, seed)
    points -= points.mean(axis=0)
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, points, strict=True)}


def _extent(
    pos: Mapping[str, tuple[float, float]], boxes: Mapping[str, tuple[float, float]]
) -> tuple[float, float, float, float]:
    """Bounding box ``(x0, y0, x1, y1)`` of nodes with their label allowance."""
    return (
        min(x - boxes[v][0] for v, (x, _) in pos.items()),
        min(y - boxes[v][1] for v, (_, y) in pos.items()),
        max(x + boxes[v][0] for v, (x, _) in pos.items()),
        max(y + boxes[v][1] for v, (_, y) in pos.items()),
    )


def _shelves(
    sizes: Sequence[tuple[float, float]], width: float
) -> tuple[list[tuple[float, float]], float]:
    """Top-left corners of boxes packed left to right in rows of ``width``; total height."""
    corners: list[tuple[float, float]] = []
    x = y = row = 0.0
    for w, h in sizes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + _GAP, 0.0
        corners.append((x, y))
        x += w + _GAP
        row = max(row, h)
    return corners, y + row


def _pack(sizes: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Corners for component boxes: the first (largest) at the origin, the others beside it
    (in a column while that is not taller than it, then below) or all below it, whichever
    fills a landscape screen (3:2) better."""
    if not sizes:
        return []
    main_w, main_h = sizes[0]
    rest = list(sizes[1:])
    if not rest:
        return [(0.0, 0.0)]
    # Beside: a column to the right, rows of at most side_w.
    side_w = max([main_w * 0.45, *(w for w, _ in rest)])
    beside: list[tuple[float, float]] = []
    for box in rest:
        _, height = _shelves([*beside, box], side_w)
        if beside and height > main_h:
            break
        beside.append(box)
    side, side_h = _shelves(beside, side_w)
    width = main_w + _GAP + side_w
    below, below_h = _shelves(rest[len(beside) :], width)
    top = max(main_h, side_h) + _GAP
    option_a = [(0.0, 0.0), *((main_w + _GAP + x, y) for x, y in side)]
    option_a += [(x, top + y) for x, y in below]
    size_a = (width, top + below_h if below else top - _GAP)
    # Below: rows as wide as the main component.
    under, under_h = _shelves(rest, max(main_w, *(w for w, _ in rest)))
    option_b = [(0.0, 0.0), *((x, main_h + _GAP + y) for x, y in under)]
    size_b = (
        max(main_w, *(x + w for (x, _), (w, _) in zip(under, rest, strict=True))),
        main_h + _GAP + under_h,
    )

    def fill(size: tuple[float, float]) -> float:
        return min(1.5 / max(size[0], 1.0), 1.0 / max(size[1], 1.0))

    return option_a if fill(size_a) >= fill(size_b) else option_b


def layout_positions(graph: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions: a spring layout per connected component, components packed.

    The largest component comes first; the others are packed in rows beside it, then below.
    Nodes are kept apart by their disc and a label allowance. Deterministic for a given graph
    and seed.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(str(n) for n in graph))
    simple.add_edges_from((str(u), str(v)) for u, v in graph.edges() if u != v)
    boxes: dict[str, tuple[float, float]] = {}
    for node in simple:
        r = _radius(int(graph.degree(node)))
        label = len(str(graph.nodes[node].get("name") or node)) * _CHAR_WIDTH / 2
        boxes[node] = (max(r, min(label, _LABEL_ALLOWANCE)) + 4, r + 9)
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    laid = [_component_layout(nx.Graph(simple.subgraph(c)), boxes, seed) for c in components]
    extents = [_extent(pos, boxes) for pos in laid]
    sizes = [(x1 - x0, y1 - y0) for x0, y0, x1, y1 in extents]
    corners = _pack(sizes)
    out: dict[str, tuple[float, float]] = {}
    for pos, (x0, y0, _x1, _y1), (cx, cy) in zip(laid, extents, corners, strict=True):
        for node, (x, y) in pos.items():
            out[node] = (round(cx - x0 + x, 1), round(cy - y0 + y, 1))
    return out


# --- the data the page draws ---------------------------------------------------------------


def _count(data: Mapping[str, Any], name: str) -> int:
    """A relationship's count property (0 where it has none)."""
    value = data.get(name)
    return int(value) if isinstance(value, int | float) else 0


def _firm(data: Mapping[str, Any], evidence: Mapping[str, Any] | None) -> bool:
    """Whether at least one mention is asserted and not negated (else the line is dashed).

    Known exactly from the mentions; from the counts alone only where more mentions are
    asserted than negated.
    """
    if evidence is not None:
        return bool(evidence.get("firm"))
    return _count(data, "asserted") > _count(data, "negated")


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None]


def _width(mentions: int) -> float:
    return round(min(9.0, 1.3 + 1.5 * math.sqrt(max(mentions, 1) - 1)), 2)


def _radius(degree: int) -> float:
    return round(min(30.0, 6.0 + 2.6 * math.sqrt(degree)), 1)


def _bends(keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], float]:
    """Offsets that fan out several relationships between the same two entities."""
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for key in keys:
        s, _t, o = key
        pairs.setdefault((min(s, o), max(s, o)), []).append(key)
    out: dict[tuple[str, str, str], float] = {}
    for (lo, _hi), group in pairs.items():
        group.sort(key=lambda k: (k[0] != lo, k[1]))
        n = len(group)
        for i, key in enumerate(group):
            offset = (i - (n - 1) / 2) * _PAIR_SPACING
            out[key] = offset if key[0] == lo else -offset
    return out


def shown_evidence(graph: nx.MultiDiGraph) -> tuple[int, int]:
    """How many evidence sentences (with text) and documents the view of ``graph`` shows."""
    documents: set[str] = set()
    sentence_ids: set[str] = set()
    known = graph.graph.get("sentences") or {}
    evidence = graph.graph.get("evidence") or {}
    for u, v, rtype in graph.edges(keys=True):
        shown = evidence.get(f"{u}|{rtype}|{v}") or {}
        documents.update(_strings(shown.get("documents")))
        sentence_ids.update(s for s in _strings(shown.get("sentences")) if s in known)
    return len(sentence_ids), len(documents)


def view_data(
    graph: nx.MultiDiGraph, *, title: str = "geokg graph", seed: int = 7
) -> dict[str, Any]:
    """The JSON the page draws: nodes with positions, relationships, evidence sentences.

    Args:
        graph: The (already selected) graph to draw.
        title: Page title.
        seed: Layout seed.

    Returns:
        ``{"title", "nodes", "relationships", "sentences", "documents", "dates", "style"}``;
        ``dates`` are the distinct document dates present, each relationship's ``dates``
        those of its mentions (the page's date filter hides relationships with none in range).
    """
    pos = layout_positions(graph, seed=seed)
    ids = sorted(str(n) for n in graph)
    index = {n: i for i, n in enumerate(ids)}
    nodes: list[dict[str, Any]] = []
    for node_id in ids:
        data = graph.nodes[node_id]
        degree = int(graph.degree(node_id))
        x, y = pos[node_id]
        nodes.append(
            {
                "id": node_id,
                "name": str(data.get("name") or node_id),
                "label": str(data.get("label") or ""),
                "aliases": _strings(data.get("aliases")),
                "iso3": data.get("iso3"),
                "mentions": int(data.get("mentions") or 0),
                "degree": degree,
                "x": x,
                "y": y,
                "r": _radius(degree),
            }
        )
    edges = sorted(
        ((str(u), str(data.get("type", k)), str(v), data))
        for u, v, k, data in graph.edges(keys=True, data=True)
    )
    bends = _bends((s, t, o) for s, t, o, _ in edges)
    known: Mapping[str, Mapping[str, Any]] = graph.graph.get("sentences") or {}
    evidence: Mapping[str, Mapping[str, Any]] = graph.graph.get("evidence") or {}
    sentences: dict[str, dict[str, Any]] = {}
    documents: set[str] = set()
    all_dates: set[str] = set()
    relationships: list[dict[str, Any]] = []
    for source, rtype, target, data in edges:
        try:
            meta = RelationType(rtype)
            polarity, symmetric = meta.polarity.value, meta.symmetric
        except ValueError:
            polarity = str(data.get("polarity") or Polarity.STRUCTURAL.value)
            symmetric = bool(data.get("symmetric"))
        mentions = _count(data, "mentions")
        key = f"{source}|{rtype}|{target}"
        shown = evidence.get(key)
        sentence_ids = _strings(shown.get("sentences")) if shown else []
        for sid in sentence_ids:
            if sid in known and sid not in sentences:
                entry = known[sid]
                sentences[sid] = {"text": str(entry.get("text") or ""), "doc": entry.get("doc")}
        docs = _strings(shown.get("documents")) if shown else []
        documents.update(docs)
        dates = _strings(shown.get("dates")) if shown else []
        all_dates.update(dates)
        years = {data.get("first_year"), data.get("last_year")} - {None}
        relationships.append(
            {
                "key": key,
                "s": index[source],
                "t": index[target],
                "type": rtype,
                "polarity": polarity,
                "symmetric": symmetric,
                "mentions": mentions,
                "modality": {m: _count(data, m) for m in _MODALITIES},
                "negated": _count(data, "negated"),
                "quoted": _count(data, "quoted"),
                "firm": _firm(data, shown),
                "years": sorted(int(y) for y in years),
                "dates": dates,
                "firstDate": data.get("first_date"),
                "lastDate": data.get("last_date"),
                "triggers": _strings(data.get("cues")),
                "docCount": _count(data, "doc_count"),
                "roles": _strings(data.get("roles")),
                "statuses": _strings(data.get("statuses")),
                "documents": docs,
                "sentences": sentence_ids,
                "width": _width(mentions),
                "bend": bends[(source, rtype, target)],
            }
        )
    return {
        "title": title,
        "nodes": nodes,
        "relationships": relationships,
        "sentences": sentences,
        "documents": len(documents),
        "dates": sorted(all_dates),
        "style": {
            "labels": LABEL_COLORS,
            "unknownLabel": _UNKNOWN_LABEL_COLOR,
            "polarity": POLARITY_COLORS,
        },
    }
