"""The named analyst queries: one ``.cypher`` file each in ``geokg/graph/queries/``.

Each file is the query in the portable Cypher subset (runs on FalkorDB and Neo4j 5); a file
``<name>.neo4j.cypher`` next to it holds a Neo4j-only form where Neo4j has a better one
(``allShortestPaths``, ``COUNT {}`` subqueries). A file starts with a header of comments::

    // Partners of an actor: cooperative relationships in either direction   <- title
    // @param name: string -- name or alias of the actor (case-insensitive)
    // @param limit: integer = 25 -- rows to return                          <- default
    // Any other comment line is a note.

Types are ``string``, ``integer``, ``float``, ``boolean`` and ``date`` (ISO text ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``, checked before the query runs). The date filters ``from`` and
``to`` compare a document's date cut to the bound's length, so ``to=2021`` includes every day of
2021 and a document dated only ``2021`` counts as the first day of that year; undated documents
are left out by either bound.

The files double as Neo4j Browser favourites: Browser names a favourite after its first
comment line and runs the body with the ``:param`` values set in the session.

Example:
    >>> q = get_query("partners")
    >>> q.bind({"name": "Russia"})
    {'name': 'Russia', 'limit': 25}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from geokg.errors import ConfigError
from geokg.graph.store import Dialect, GraphStore, QueryResult

__all__ = [
    "QUERY_DIR",
    "NamedQuery",
    "QueryParam",
    "get_query",
    "library",
    "parse_date",
    "parse_query_file",
    "parse_value",
    "run_query",
]

QUERY_DIR = Path(__file__).with_name("queries")

ParamType = Literal["string", "integer", "float", "boolean", "date"]
_TYPES: tuple[str, ...] = ("string", "integer", "float", "boolean", "date")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PARAM = re.compile(
    r"^@param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>\S+))?\s*(?:--\s*(?P<doc>.*))?$"
)
_REQUIRED = object()


@dataclass(frozen=True, slots=True)
class QueryParam:
    """One parameter of a named query."""

    name: str
    type: ParamType
    description: str = ""
    default: Any = _REQUIRED

    @property
    def required(self) -> bool:
        """Whether the caller must give it."""
        return self.default is _REQUIRED

    def convert(self, raw: Any) -> Any:
        """The value as this parameter's type (strings from the command line are parsed)."""
        if raw is None:
            return None
        if self.type == "date":
            return parse_date(self.name, raw)
        if not isinstance(raw, str):
            return raw
        try:
            if self.type == "integer":
                return int(raw)
            if self.type == "float":
                return float(raw)
        except ValueError:
            raise ConfigError(f"parameter {self.name} must be a {self.type}, got {raw!r}") from None
        if self.type == "boolean":
            if raw.lower() in ("true", "yes", "1"):
                return True
            if raw.lower() in ("false", "no", "0"):
                return False
            raise ConfigError(f"parameter {self.name} must be true or false, got {raw!r}")
        return raw


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A named query of the library."""

    name: str
    title: str
    cypher: str
    params: tuple[QueryParam, ...] = ()
    notes: tuple[str, ...] = ()
    neo4j: str | None = None
    path: Path | None = field(default=None, compare=False)

    @property
    def description(self) -> str:
        """The title plus notes, for listings."""
        title = self.title if self.title.endswith((".", "!", "?")) else self.title + "."
        return " ".join((title, *self.notes))

    def statement(self, dialect: Dialect = "falkordb") -> str:
        """The statement to send: the Neo4j form on Neo4j where there is one."""
        if dialect == "neo4j" and self.neo4j is not None:
            return self.neo4j
        return self.cypher

    def statements(self) -> list[str]:
        """Every form of the query (portable first)."""
        return [self.cypher] + ([self.neo4j] if self.neo4j is not None else [])

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Parameters with types converted and defaults filled in.

        Raises:
            ConfigError: A required parameter is missing, a value does not convert, or a
                parameter is unknown.
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise ConfigError(
                f"query {self.name} has no parameter {', '.join(unknown)} "
                f"(it takes: {', '.join(known) or 'none'})"
            )
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = p.convert(given[p.name])
            elif p.required:
                raise ConfigError(f"query {self.name} needs --param {p.name}=... ({p.description})")
            else:
                out[p.name] = p.default
        return out


def parse_date(name: str, raw: Any) -> str:
    """A date bound as ISO text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a year may be an int).

    Raises:
        ConfigError: The value is no such date (the message names the parameter).
    """
    text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
    if not _DATE.fullmatch(text):
        raise ConfigError(
            f"parameter {name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {raw!r}"
        )
    month = int(text[5:7]) if len(text) >= 7 else 1
    day = int(text[8:10]) if len(text) == 10 else 1
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ConfigError(f"parameter {name} is not a valid date: {raw!r}")
    return text


def parse_value(raw: str) -> Any:
    """A raw ``--param`` value for ad-hoc Cypher: null, booleans and numbers, else the string."""
    low = raw.lower()
    if low == "null":
        return None
    if low in ("true", "false"):
        return low == "true"
    if re.fullmatch(r"[+-]?\d+", raw):
        return int(raw)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?", raw):
        return float(raw)
    return raw


def _default(raw: str, ptype: str, where: str) -> Any:
    if raw == "null":
        return None
    probe = QueryParam("default", ptype)  # type: ignore[arg-type]
    try:
        return probe.convert(raw)
    except ConfigError as e:
        raise ConfigError(f"{where}: bad default {raw!r}") from e


def parse_query_file(path: Path) -> tuple[str, tuple[QueryParam, ...], tuple[str, ...], str]:
    """Parse a query file into (title, params, notes, body without comment lines)."""
    title = ""
    params: list[QueryParam] = []
    notes: list[str] = []
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            if stripped:
                body.append(line.rstrip())
            continue
        text = stripped[2:].strip()
        if not title:
            title = text
            continue
        m = _PARAM.match(text)
        if m:
            ptype = m["type"]
            if ptype not in _TYPES:
                raise ConfigError(f"{path.name}: unknown parameter type {ptype!r}")
            default = (
                _REQUIRED if m["default"] is None else _default(m["default"], ptype, path.name)
            )
            params.append(QueryParam(m["name"], ptype, (m["doc"] or "").strip(), default))  # type: ignore[arg-type]
        elif text.startswith("@"):
            raise ConfigError(f"{path.name}: unknown header line {text!r}")
        elif text:
            notes.append(text)
    if not title or not body:
        raise ConfigError(f"{path.name}: a query file needs a title comment and a body")
    return title, tuple(params), tuple(notes), "\n".join(body)


@cache
def library() -> dict[str, NamedQuery]:
    """Every named query, by name (sorted)."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(QUERY_DIR.glob("*.cypher")):
        if path.name.endswith(".neo4j.cypher"):
            continue
        name = path.name.removesuffix(".cypher")
        title, params, notes, body = parse_query_file(path)
        variant = path.with_name(f"{name}.neo4j.cypher")
        neo4j = None
        if variant.is_file():
            _, vparams, _, neo4j = parse_query_file(variant)
            if vparams != params:
                raise ConfigError(f"{variant.name}: parameters differ from {path.name}")
        out[name] = NamedQuery(name, title, body, params, notes, neo4j, path)
    return out


def get_query(name: str) -> NamedQuery:
    """One named query.

    Raises:
        ConfigError: No query has that name (the message lists them).
    """
    queries = library()
    if name not in queries:
        raise ConfigError(f"no query named {name!r}; known: {', '.join(queries)}")
    return queries[name]


def run_query(store: GraphStore, name: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run a named query on a store, in the store's dialect."""
    query = get_query(name)
    return store.query(query.statement(store.dialect), query.bind(params or {}))
