"""``geokg export``: write the stored graph as neo4j-admin CSV, a Cypher script, GraphML, JSON
or the interactive HTML view.

``--format browser`` writes the Neo4j Browser kit instead (GraSS style plus one favourite per
named query); it needs no database. ``--format html`` takes the view options ``--focus``,
``--hops`` and ``--types`` (see :mod:`geokg.cli.html_export`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geokg.cli._common import DB_DIR_OPTION, DEFAULT_DB_DIR, console, fail_on_error
from geokg.cli.db import GRAPH_OPTION, NEO4J_DATABASE_OPTION, NEO4J_URI_OPTION, NEO4J_USER_OPTION
from geokg.cli.html_export import FOCUS_OPTION, HOPS_OPTION, TYPES_OPTION

__all__ = ["CLI_FORMATS", "register"]

CLI_FORMATS: tuple[str, ...] = ("neo4j-import", "cypher", "graphml", "json", "browser", "html")

_HELP = (
    "neo4j-import (a folder of CSV files + README with the neo4j-admin command), "
    "cypher (a .cypher script for cypher-shell), graphml, json (networkx node-link), "
    "browser (a folder: GraSS style + favourites), html (an interactive page)."
)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=_HELP)],
    out: Annotated[Path, typer.Option("--output", "-o", help="Output file or folder.")],
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: GRAPH_OPTION = "geokg",
    neo4j_uri: NEO4J_URI_OPTION = None,
    neo4j_user: NEO4J_USER_OPTION = None,
    neo4j_database: NEO4J_DATABASE_OPTION = None,
    focus: FOCUS_OPTION = None,
    hops: HOPS_OPTION = 1,
    types: TYPES_OPTION = None,
) -> None:
    """Export the stored graph (read back from the database) in one format."""
    from geokg.errors import ConfigError
    from geokg.graph.export import export_graph
    from geokg.graph.registry import open_store

    with fail_on_error():
        if fmt not in CLI_FORMATS:
            raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(CLI_FORMATS)}")
        if fmt != "html" and (focus is not None or types is not None):
            raise ConfigError("--focus and --types apply to --format html only")
        if fmt == "browser":
            written = export_graph(None, fmt, out)
        else:
            with open_store(
                db_dir=db_dir,
                graph=graph,
                neo4j_uri=neo4j_uri,
                neo4j_user=neo4j_user,
                neo4j_database=neo4j_database,
            ) as store:
                if fmt == "html":
                    from geokg.cli.html_export import export_html

                    export_html(store, out, focus=focus, hops=hops, types=types)
                    return
                written = export_graph(store, fmt, out)
    console.print(f"wrote {fmt} export to {written}")


def register(app: typer.Typer) -> None:
    """Add the ``export`` command to ``app``."""
    app.command("export")(export)
