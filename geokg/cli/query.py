"""``geokg query``: run a named analyst query or raw Cypher on the graph.

Examples::

    geokg query --list
    geokg query partners --param name=Russia
    geokg query evidence --param source=Russia --param target=Turkey --param type=OPPOSES
    geokg query "MATCH (c:Country) RETURN c.name AS name LIMIT 5" --json
    geokg query --list --csv
    geokg query partners --param name=Russia --since 2022
    geokg query shifts --param from=2019 --param to=2025
    geokg query timeline --param a=Russia --param b=Turkey --from 2019 --to 2025
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from geokg.cli._common import DB_DIR_OPTION, DEFAULT_DB_DIR, console, err_console, fail_on_error
from geokg.cli._output import (
    CSV_OPTION,
    JSON_OPTION,
    Format,
    format_cell,
    output_format,
    print_json,
    print_rows,
)
from geokg.cli.db import GRAPH_OPTION, NEO4J_DATABASE_OPTION, NEO4J_URI_OPTION, NEO4J_USER_OPTION
from geokg.errors import ConfigError

if TYPE_CHECKING:
    from geokg.graph.queries import QueryParam

__all__ = ["date_params", "parse_params", "register"]


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


def date_params(
    given: dict[str, str], *, date_from: str | None, date_to: str | None, since: str | None
) -> dict[str, str]:
    """The ``from``/``to`` parameters of ``--from``, ``--to`` and ``--since``.

    Raises:
        ConfigError: Two options (or an option and ``--param``) give the same bound.
    """
    if since is not None and date_from is not None:
        raise ConfigError("--since and --from give the same bound: use one of them")
    out: dict[str, str] = {}
    for key, value in (("from", since if since is not None else date_from), ("to", date_to)):
        if value is None:
            continue
        if key in given:
            raise ConfigError(f"the date bound {key} is given twice (--param {key}= and option)")
        out[key] = value
    return out


def _param_text(p: QueryParam) -> str:
    return p.name if p.required else f"[{p.name}={format_cell(p.default) or 'null'}]"


def _list_queries(fmt: Format) -> None:
    from geokg.graph.queries import library

    if fmt == "json":
        print_json(
            [
                {
                    "name": name,
                    "title": q.title,
                    "description": q.description,
                    "parameters": [
                        {
                            "name": p.name,
                            "type": p.type,
                            "required": p.required,
                            "default": None if p.required else p.default,
                            "description": p.description,
                        }
                        for p in q.params
                    ],
                    "neo4j_form": q.neo4j is not None,
                }
                for name, q in library().items()
            ]
        )
        return
    rows = []
    for name, q in library().items():
        variant = " (Neo4j form on Neo4j)" if q.neo4j else ""
        rows.append([name, " ".join(_param_text(p) for p in q.params), q.description + variant])
    print_rows(
        ["name", "parameters", "description"],
        rows,
        fmt=fmt,
        title="named queries (geokg query NAME --param key=value)",
        footer=False,
    )


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
    as_json: JSON_OPTION = False,
    as_csv: CSV_OPTION = False,
    show: Annotated[
        bool, typer.Option("--show", help="Print the statement that is sent, then run it.")
    ] = False,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Only evidence from documents dated on or after (YYYY, YYYY-MM or YYYY-MM-DD); "
            "sets the parameter from. Undated documents are left out.",
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Only evidence from documents dated on or before (inclusive: --to 2021 "
            "keeps all of 2021); sets the parameter to.",
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Same as --from.", metavar="DATE")
    ] = None,
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: GRAPH_OPTION = "geokg",
    neo4j_uri: NEO4J_URI_OPTION = None,
    neo4j_user: NEO4J_USER_OPTION = None,
    neo4j_database: NEO4J_DATABASE_OPTION = None,
) -> None:
    """Run a named query or raw Cypher and print the rows (a table, JSON or CSV).

    Rows too wide for the terminal are printed one field a line, each value whole.
    """
    fmt = output_format(as_json, as_csv)
    if list_:
        _list_queries(fmt)
        return
    if not query_text:
        raise typer.BadParameter("give a query name or a Cypher statement (or --list)")
    from geokg.graph.queries import library, parse_date, parse_value
    from geokg.graph.registry import open_store

    with fail_on_error():
        raw = parse_params(params or [])
        dates = date_params(raw, date_from=date_from, date_to=date_to, since=since)
        raw.update(dates)
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
                bound.update({k: parse_date(k, v) for k, v in dates.items()})
            if show:  # on stderr where stdout carries JSON or CSV
                out = console if fmt == "table" else err_console
                out.print(statement, markup=False, highlight=False, soft_wrap=True)
            result = store.query(statement, bound)
    title = query_text if named is not None else None
    print_rows(result.columns, result.rows, fmt=fmt, title=title)


def register(app: typer.Typer) -> None:
    """Add the ``query`` command to ``app``."""
    app.command("query")(query)
