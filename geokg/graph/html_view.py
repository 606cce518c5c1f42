"""A self-contained, offline HTML view of the entity graph, with the evidence one click away.

The page is one file: the graph data as inert JSON, a small inlined script and stylesheet
(``geokg/graph/assets/``), no external resource at all (a Content-Security-Policy of
``default-src 'none'`` forbids the browser to fetch anything). Positions are computed in
Python (:mod:`geokg.graph.view_data`), so the script only draws an SVG and handles pan, zoom,
filters, search and selection:

- nodes are coloured by label and sized by degree (number of relationships);
- relationships are coloured by polarity, their width grows with the mention count, and they
  are dashed where no mention is both asserted and not negated (only hedged, reported,
  hypothetical or negated mentions);
- clicking a relationship lists its evidence sentences (the first :data:`EVIDENCE_SHOWN` of
  its mentions) and their documents, clicking a node shows
  its name, label, aliases and relationships;
- ``#select=<key>`` in the URL selects an element on load (``n:<entity id>`` or
  ``r:<source id>|<TYPE>|<target id>``), as a click would;
- once drawn, ``<body>`` carries ``data-ready="1"``, ``data-nodes`` and ``data-relationships``.

This module is the page: the template ``assets/view.html`` with its script ``assets/view.js``,
filled with the JSON that :mod:`geokg.graph.view_data` builds (sources, selection, layout and
the data live there). Input is a networkx graph as
:func:`geokg.graph.build.batch_to_networkx` makes it (evidence sentences, where known, in
``graph.graph["sentences"]``), a
:class:`~geokg.graph.build.GraphBatch`, or an open store (:class:`~geokg.graph.store.GraphStore`).

Example:
    >>> from geokg.graph.build import GraphBuilder
    >>> page = render_html(graph_from_batch(GraphBuilder().batch()))
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from geokg.errors import ConfigError
from geokg.graph.view_data import (
    EVIDENCE_SHOWN,
    LABEL_COLORS,
    POLARITY_COLORS,
    GraphSource,
    as_graph,
    graph_from_batch,
    parse_types,
    read_graph_from_store,
    select_subgraph,
    shown_evidence,
    view_data,
)

__all__ = [
    "EVIDENCE_SHOWN",
    "LABEL_COLORS",
    "POLARITY_COLORS",
    "GraphSource",
    "HtmlStats",
    "graph_from_batch",
    "iframe",
    "parse_types",
    "read_graph_from_store",
    "render_html",
    "select_subgraph",
    "view_data",
    "write_html",
]

_ASSETS = ("view.html", "view.js")


@dataclass(frozen=True, slots=True)
class HtmlStats:
    """What :func:`write_html` wrote."""

    path: Path
    nodes: int
    relationships: int
    sentences: int
    documents: int
    bytes: int


# --- the page ------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return (files("geokg.graph") / "assets" / name).read_text(encoding="utf-8")


_SCRIPT_END = re.compile(r"</script", re.IGNORECASE)
_TOKEN = re.compile(r"@@(TITLE|DATA|SCRIPT)@@")


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element nor open a comment (``<`` escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_html(
    source: GraphSource,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Sequence[str] | str | None = None,
    title: str | None = None,
    isolated: bool = False,
    seed: int = 7,
) -> str:
    """The self-contained HTML page of a graph (see the module docstring).

    Args:
        source: A graph, a batch or a store.
        focus: Draw only this entity's neighbourhood (id, name or alias).
        hops: Neighbourhood radius.
        types: Draw only these relation types.
        title: Page title (default: "geokg graph", or the focus).
        isolated: Keep entities without relationships.
        seed: Layout seed.

    Raises:
        ConfigError: Unknown type or focus.
    """
    graph = select_subgraph(
        as_graph(source), focus=focus, hops=hops, types=types, isolated=isolated
    )
    title = title or _default_title(focus, hops)
    data = view_data(graph, title=title, seed=seed)
    script = _asset("view.js")
    if _SCRIPT_END.search(script):  # pragma: no cover - guards the asset itself
        raise ConfigError("view.js must not contain '</script'")
    values = {"TITLE": html.escape(title), "DATA": _json_for_script(data), "SCRIPT": script}
    # One pass, so a token inside the data (an evidence sentence) is never substituted.
    return _TOKEN.sub(lambda m: values[m.group(1)], _asset("view.html"))


def write_html(
    store_or_graph: GraphSource,
    out: Path | str,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: Sequence[str] | str | None = None,
    title: str | None = None,
    isolated: bool = False,
    seed: int = 7,
) -> HtmlStats:
    """Write the self-contained HTML view of a graph to ``out``.

    Args:
        store_or_graph: An open store (read with :func:`read_graph_from_store`), a networkx
            graph from :func:`graph_from_batch` / :func:`read_graph_from_store`, or a batch.
        out: The file to write (its folder is created).
        focus: Draw only this entity's neighbourhood (id, name or alias).
        hops: Neighbourhood radius in relationships.
        types: Draw only these relation types (names, or one comma-separated string).
        title: Page title.
        isolated: Keep entities that have no relationship.
        seed: Layout seed (the same graph and seed give the same file).

    Returns:
        Counts of what was drawn and the file size.

    Raises:
        ConfigError: Unknown relation type, unknown focus or negative hops.

    Example:
        >>> import tempfile
        >>> from geokg.graph.build import GraphBuilder
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_html(GraphBuilder().batch(), Path(tmp) / "g.html").nodes
        0
    """
    graph = select_subgraph(
        as_graph(store_or_graph), focus=focus, hops=hops, types=types, isolated=isolated
    )
    page = render_html(graph, title=title or _default_title(focus, hops), isolated=True, seed=seed)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = page.encode("utf-8")
    path.write_bytes(data)
    sentences, documents = shown_evidence(graph)
    return HtmlStats(
        path=path,
        nodes=graph.number_of_nodes(),
        relationships=graph.number_of_edges(),
        sentences=sentences,
        documents=documents,
        bytes=len(data),
    )


def _default_title(focus: str | None, hops: int) -> str:
    if focus is None:
        return "geokg graph"
    return f"geokg: {focus} ({hops} hop{'s' * (hops != 1)})"


def iframe(page: str, *, height: int = 640) -> str:
    """An ``<iframe srcdoc>`` holding a page, for ``IPython.display.HTML`` in notebooks.

    The page keeps its own document (styles and script cannot leak into the notebook); the
    iframe is wrapped in a ``<div>`` because IPython warns about bare iframes.
    """
    return (
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts"></iframe></div>'
    )
