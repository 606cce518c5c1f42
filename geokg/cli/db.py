"""``geokg db status|start|stop|clear``: manage the graph database.

The embedded FalkorDB lives in ``--db-dir`` (default ``.geokg``). Commands that need it start
its server on demand and stop it afterwards; ``geokg db start`` keeps it running so that
later commands reuse it, until ``geokg db stop``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from geokg.cli._common import DB_DIR_OPTION, DEFAULT_DB_DIR, console, fail_on_error
from geokg.cli._output import CSV_OPTION, JSON_OPTION, Format, output_format, print_json, print_rows

__all__ = [
    "GRAPH_OPTION",
    "NEO4J_DATABASE_OPTION",
    "NEO4J_URI_OPTION",
    "NEO4J_USER_OPTION",
    "register",
]

GRAPH_OPTION = Annotated[str, typer.Option("--graph", help="Graph name in the embedded database.")]
NEO4J_URI_OPTION = Annotated[
    str | None,
    typer.Option(
        "--neo4j-uri",
        envvar="NEO4J_URI",
        help="Use Neo4j at this Bolt URI instead of the embedded database "
        "(password from NEO4J_PASSWORD).",
    ),
]
NEO4J_USER_OPTION = Annotated[
    str | None, typer.Option("--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.")
]
NEO4J_DATABASE_OPTION = Annotated[
    str | None, typer.Option("--neo4j-database", help="Neo4j database name.")
]

db_app = typer.Typer(
    name="db",
    help="Manage the graph database (embedded FalkorDB by default, or Neo4j).",
    no_args_is_help=True,
)


def _counts_table(counts: dict[str, object]) -> Table:
    table = Table(title="graph contents")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for kind in ("nodes", "relationships"):
        values = counts.get(kind)
        if isinstance(values, dict):
            for name, n in values.items():
                table.add_row(kind, str(name), str(n))
    table.add_row("total", "nodes", str(counts.get("total_nodes", 0)))
    table.add_row("total", "relationships", str(counts.get("total_relationships", 0)))
    return table


def _counts_rows(counts: dict[str, object]) -> list[list[object]]:
    rows: list[list[object]] = []
    for kind in ("nodes", "relationships"):
        values = counts.get(kind)
        if isinstance(values, dict):
            rows.extend([kind, name, n] for name, n in values.items())
    rows.append(["total", "nodes", counts.get("total_nodes", 0)])
    rows.append(["total", "relationships", counts.get("total_relationships", 0)])
    return rows


def _print_status(status: dict[str, Any], fmt: Format) -> None:
    """``--json``: the whole status object; ``--csv``: the counts as kind,name,count rows."""
    if fmt == "json":
        print_json(status)
    else:
        print_rows(["kind", "name", "count"], _counts_rows(status["counts"] or {}), fmt=fmt)


@db_app.command("status")
def status(
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: GRAPH_OPTION = "geokg",
    neo4j_uri: NEO4J_URI_OPTION = None,
    neo4j_user: NEO4J_USER_OPTION = None,
    neo4j_database: NEO4J_DATABASE_OPTION = None,
    counts: Annotated[
        bool, typer.Option("--counts/--no-counts", help="Also show what the graph holds.")
    ] = True,
    as_json: JSON_OPTION = False,
    as_csv: CSV_OPTION = False,
) -> None:
    """Show whether the database runs (and, if it does, what it holds)."""
    from geokg.graph.registry import open_store

    fmt = output_format(as_json, as_csv)
    with fail_on_error():
        if neo4j_uri:
            with open_store(
                neo4j_uri=neo4j_uri, neo4j_user=neo4j_user, neo4j_database=neo4j_database
            ) as store:
                held = store.counts() if counts else None
            if fmt != "table":
                _print_status({"backend": "neo4j", "running": True, "counts": held}, fmt)
                return
            console.print("Neo4j: reachable")
            if held is not None:
                console.print(_counts_table(held))
            return
        from geokg.graph.falkor import FalkorServer, FalkorStore

        server = FalkorServer(db_dir)
        state = server.status()
        held = None
        if state.running and counts:
            with FalkorStore(db_dir, graph=graph) as store:
                held = store.counts()
        if fmt != "table":
            _print_status(
                {
                    "backend": "falkordb",
                    "db_dir": str(state.db_dir),
                    "running": state.running,
                    "pid": state.pid if state.running else None,
                    "socket": str(state.socket) if state.running else None,
                    "detail": None if state.running else state.detail,
                    "counts": held,
                },
                fmt,
            )
            return
        console.print(f"database folder: {state.db_dir}")
        if not state.running:
            console.print(f"FalkorDB: {state.detail}")
            return
        console.print(f"FalkorDB: running (pid {state.pid}, socket {state.socket})")
        if held is not None:
            console.print(_counts_table(held))


@db_app.command("start")
def start(db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR) -> None:
    """Start the embedded FalkorDB and keep it running for later commands."""
    from geokg.graph.falkor import FalkorServer

    with fail_on_error():
        server = FalkorServer(db_dir)
        started = server.start()
        state = server.status()
        verb = "started" if started else "already running"
        console.print(f"FalkorDB {verb} (pid {state.pid}) in {state.db_dir}")


@db_app.command("stop")
def stop(db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR) -> None:
    """Save the embedded database to disk and stop its server."""
    from geokg.graph.falkor import FalkorServer

    with fail_on_error():
        server = FalkorServer(db_dir)
        if server.stop():
            console.print(f"FalkorDB stopped; data saved in {server.db_dir}")
        else:
            console.print(f"FalkorDB was not running in {server.db_dir}")


@db_app.command("clear")
def clear(
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: GRAPH_OPTION = "geokg",
    neo4j_uri: NEO4J_URI_OPTION = None,
    neo4j_user: NEO4J_USER_OPTION = None,
    neo4j_database: NEO4J_DATABASE_OPTION = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete every node and relationship of the graph (constraints and indexes stay)."""
    from geokg.graph.registry import open_store

    target = neo4j_uri or str(db_dir)
    if not yes:
        typer.confirm(f"Delete the whole graph in {target}?", abort=True)
    with fail_on_error():
        with open_store(
            db_dir=db_dir,
            graph=graph,
            neo4j_uri=neo4j_uri,
            neo4j_user=neo4j_user,
            neo4j_database=neo4j_database,
        ) as store:
            before = store.counts()
            store.clear()
        console.print(
            f"deleted {before['total_nodes']} nodes and "
            f"{before['total_relationships']} relationships"
        )


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group to ``app``."""
    app.add_typer(db_app, name="db")
