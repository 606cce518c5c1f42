"""``geokg query``: run a named analyst query or raw Cypher on the graph.

Examples::

    geokg query --list
    geokg query partners --param name=Russia
    geokg query evidence --param source=Russia --param target=Turkey --param type=OPPOSES
    geokg query "MATCH (c:Country) RETURN c.name AS name LIMIT 5" --json
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from geokg.cli._common import DB_DIR_OPTION, DEFAULT_DB_DIR, console, fail_on_error
from geokg.cli.db import GRAPH_OPTION, NEO4J_DATABASE_OPTION, NEO4J_URI_OPTION, NEO4J_USER_OPTION
from geokg.errors import ConfigError

__all__ = ["format_cell", "parse_params", "register"]


def parse_params(items: list[str]) -> dict[str, str]:
    """``["name=Russia", "limit=5"]`` as a dict of raw strings.

    Raises:
        ConfigError: An item has no ``=`` or an empty name.
    """
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--param takes name=value, got {item!r}")
        out[key.strip()] = value
    return out


def format_cell(value: Any) -> str:
    """A value for a table cell: lists joined, maps as JSON, null empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(format_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _list_queries() -> None:
    from geokg.graph.queries import library

    table = Table(title="named queries (geokg query NAME --param key=value)")
    table.add_column("name", style="bold")
    table.add_column("parameters")
    table.add_column("description")
    for name, q in library().items():
        params = []
        for p in q.params:
            params.append(
                p.name if p.required else f"[{p.name}={format_cell(p.default) or 'null'}]"
            )
        variant = " (Neo4j form on Neo4j)" if q.neo4j else ""
        table.add_row(name, escape(" ".join(params)), escape(q.description + variant))
    console.print(table)


def query(
    query_text: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME_OR_CYPHER",
            help="A named query (see --list) or a Cypher statement.",
        ),
    ] = None,
    params: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Parameter as name=value (repeatable)."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON records.")] = False,
    show: Annotated[
        bool, typer.Option("--show", help="Print the statement that is sent, then run it.")
    ] = False,
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: GRAPH_OPTION = "geokg",
    neo4j_uri: NEO4J_URI_OPTION = None,
    neo4j_user: NEO4J_USER_OPTION = None,
    neo4j_database: NEO4J_DATABASE_OPTION = None,
) -> None:
    """Run a named query or raw Cypher and print the rows as a table (or JSON)."""
    if list_:
        _list_queries()
        return
    if not query_text:
        raise typer.BadParameter("give a query name or a Cypher statement (or --list)")
    from geokg.graph.queries import library, parse_value
    from geokg.graph.registry import open_store

    with fail_on_error():
        raw = parse_params(params or [])
        named = library().get(query_text.strip())
        if named is None and len(query_text.split()) == 1:
            raise ConfigError(
                f"no query named {query_text!r}; `geokg query --list` shows them "
                "(raw Cypher has spaces)"
            )
        with open_store(
            db_dir=db_dir,
            graph=graph,
            neo4j_uri=neo4j_uri,
            neo4j_user=neo4j_user,
            neo4j_database=neo4j_database,
        ) as store:
            if named is not None:
                statement = named.statement(store.dialect)
                bound = named.bind(raw)
            else:
                statement = query_text
                bound = {k: parse_value(v) for k, v in raw.items()}
            if show:
                console.print(statement, markup=False, highlight=False)
            result = store.query(statement, bound)
    if as_json:
        typer.echo(json.dumps(result.records(), ensure_ascii=False, indent=1, default=str))
        return
    title = query_text if named is not None else None
    table = Table(title=escape(title) if title else None, show_lines=False)
    for column in result.columns:
        table.add_column(escape(column), overflow="fold")
    for row in result.rows:
        table.add_row(*(escape(format_cell(v)) for v in row))
    console.print(table)
    console.print(f"{len(result.rows)} row(s)", style="dim")


def register(app: typer.Typer) -> None:
    """Add the ``query`` command to ``app``."""
    app.command("query")(query)
