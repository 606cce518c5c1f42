"""``geokg export --format html``: the options and the step that writes the HTML view.

``geokg export`` lives in :mod:`geokg.cli.export`; for ``--format html`` it calls
:func:`export_html` with the store it opened, and declares the three view options with the
annotated types below so that both modules agree on names and help::

    geokg export --format html -o graph.html [--db-dir DIR] [--focus NAME --hops N]
                 [--types T1,T2]

Example:
    >>> from geokg.graph.build import GraphBuilder
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:  # doctest: +ELLIPSIS
    ...     export_html(GraphBuilder().batch(), Path(tmp) / "g.html", quiet=True).nodes
    0
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from geokg.cli._common import console

if TYPE_CHECKING:  # networkx and numpy load only when a view is written
    from geokg.graph.html_view import GraphSource, HtmlStats

__all__ = ["FOCUS_OPTION", "HOPS_OPTION", "TYPES_OPTION", "export_html"]

FOCUS_OPTION = Annotated[
    str | None,
    typer.Option(
        "--focus",
        help="HTML view: draw only this entity's neighbourhood (name, alias or id).",
    ),
]
HOPS_OPTION = Annotated[
    int,
    typer.Option("--hops", min=0, help="HTML view: neighbourhood radius around --focus."),
]
TYPES_OPTION = Annotated[
    str | None,
    typer.Option(
        "--types",
        help="HTML view: only these relation types, comma-separated (e.g. ATTACKS,INVADES).",
    ),
]


def export_html(
    source: GraphSource,
    out: Path,
    *,
    focus: str | None = None,
    hops: int = 1,
    types: str | None = None,
    quiet: bool = False,
) -> HtmlStats:
    """Write the self-contained HTML view of ``source`` to ``out`` and report what it holds.

    Args:
        source: The open store (or a graph or batch).
        out: The HTML file to write.
        focus: Only this entity's neighbourhood.
        hops: Neighbourhood radius.
        types: Comma-separated relation types to keep.
        quiet: Print nothing.

    Returns:
        What was written.

    Raises:
        ConfigError: Unknown relation type or focus entity (``fail_on_error`` turns it into
            exit code 2).
    """
    from geokg.graph.html_view import parse_types, write_html

    stats = write_html(source, out, focus=focus, hops=hops, types=parse_types(types))
    if not quiet:
        console.print(
            f"wrote {stats.path} ({stats.bytes / 1024:.0f} KiB): {stats.nodes} entities, "
            f"{stats.relationships} relationships, {stats.sentences} evidence sentences "
            f"from {stats.documents} documents",
            highlight=False,
        )
    return stats
