"""The production store: Neo4j 5 over Bolt with the official driver.

Writes go through managed transactions (``session.execute_write``), one per loader chunk, so
the driver retries them on transient errors; on top of that a chunk whose retries ran out (or a
dropped connection) is retried here with exponential backoff. Loading is idempotent, so
re-running a chunk is safe. The password comes from the caller (or ``NEO4J_PASSWORD`` through
:func:`~geokg.graph.store.open_store`) and never appears in logs or error messages.

Example:
    >>> with Neo4jStore("neo4j://localhost:7687", "neo4j", "secret") as store:  # doctest: +SKIP
    ...     store.ensure_schema()
    ...     store.counts()["total_nodes"]
    0
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path, Relationship

from geokg.errors import StoreError, StoreUnavailableError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.store import (
    DEFAULT_BATCH_SIZE,
    Dialect,
    LoadStats,
    QueryResult,
    StoreQueries,
    chunked,
    load_plan,
    plan_stats,
)

__all__ = ["Neo4jStore", "safe_uri"]

log = logging.getLogger(__name__)

T = TypeVar("T")


def safe_uri(uri: str) -> str:
    """The URI without any user:password part, for messages."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<invalid URI>"
    if not parts.scheme or not parts.netloc or "@" in parts.path:
        return "<invalid URI>"  # e.g. "neo4j:user:pw@host": no safe part to show
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        return "<invalid URI>"
    if port:
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def _redact(text: str, uri: str, safe: str, password: str) -> str:
    """``text`` with the raw URI replaced by its safe form and the password masked."""
    text = " ".join(text.replace(uri, safe).split())
    return text.replace(password, "***") if password else text


def _plain(value: Any) -> Any:
    """Driver values as plain Python (see :class:`~geokg.graph.store.QueryResult`)."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {
            "nodes": [_plain(n) for n in value.nodes],
            "relationships": [_plain(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _write(tx: ManagedTransaction, statement: str, params: dict[str, Any]) -> None:
    tx.run(statement, params).consume()


def _read(tx: ManagedTransaction, statement: str, params: dict[str, Any]) -> QueryResult:
    result = tx.run(statement, params)
    columns = list(result.keys())
    rows = [[_plain(v) for v in record.values()] for record in result]
    return QueryResult(columns, rows)


def _describe(e: Neo4jError | DriverError) -> str:
    # Server errors print as "{neo4j_code: ...} {message: ...}"; neither holds credentials.
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


class Neo4jStore(StoreQueries):
    """Neo4j 5 store.

    Args:
        uri: ``neo4j://host:7687``, ``bolt://...`` or ``neo4j+s://...``.
        user: Neo4j user.
        password: Its password (kept in memory only, never logged).
        database: Database name; None uses the server's default database.
        batch_size: Rows per loader transaction.
        max_retries: Extra attempts for a statement after a transient error.
        backoff: First backoff in seconds (doubles per attempt, with jitter).
        driver: A driver to use instead of creating one (tests pass a fake).

    Raises:
        StoreUnavailableError: The server cannot be reached or refuses the credentials.
    """

    dialect: Dialect = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str | None = None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_retries: int = 4,
        backoff: float = 0.5,
        driver: Driver | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.uri = safe_uri(uri)
        self.database = database
        self.batch_size = batch_size
        self.max_retries = max_retries
        self.backoff = backoff
        self._sleep: Callable[[float], None] = time.sleep
        if driver is None:
            scheme = uri.partition("://")[0].lower()
            if scheme not in _SCHEMES:
                raise StoreUnavailableError(
                    f"invalid Neo4j URI {self.uri}: use one of "
                    + ", ".join(f"{s}://" for s in _SCHEMES)
                )
            try:
                driver = GraphDatabase.driver(uri, auth=(user, password))
            except (ValueError, ConfigurationError) as e:
                # The driver's message may quote the URI with its user:password part.
                detail = _redact(str(e), uri, self.uri, password)
                raise StoreUnavailableError(f"invalid Neo4j URI {self.uri}: {detail}") from None
        self._driver = driver
        try:
            self._driver.verify_connectivity()
        except AuthError:
            self._driver.close()
            raise StoreUnavailableError(
                f"Neo4j at {self.uri} refused the credentials of user {user!r}"
            ) from None
        except ValueError as e:  # e.g. a port that is not a number, found when resolving
            self._driver.close()
            detail = _redact(str(e), uri, self.uri, password)
            raise StoreUnavailableError(f"invalid Neo4j URI {self.uri}: {detail}") from None
        except (ServiceUnavailable, SessionExpired, DriverError, Neo4jError, OSError) as e:
            self._driver.close()
            raise StoreUnavailableError(
                f"cannot reach Neo4j at {self.uri}: {type(e).__name__}"
            ) from None
        self._closed = False

    # --- plumbing ------------------------------------------------------------------------

    def _retrying(self, what: str, work: Callable[[], T]) -> T:
        attempt = 0
        while True:
            try:
                return work()
            except (Neo4jError, DriverError) as e:
                retryable = e.is_retryable() or isinstance(e, ServiceUnavailable | SessionExpired)
                if not retryable:
                    raise StoreError(f"Neo4j rejected {what}: {_describe(e)}") from e
                if attempt >= self.max_retries:
                    if isinstance(e, ServiceUnavailable | SessionExpired):
                        raise StoreUnavailableError(
                            f"lost Neo4j at {self.uri} during {what}: {_describe(e)}"
                        ) from e
                    raise StoreError(
                        f"{what} kept failing after {attempt + 1} attempts: {_describe(e)}"
                    ) from e
                delay = self.backoff * (2**attempt) * (1 + random.random() / 2)
                log.warning(
                    "transient Neo4j error in %s (%s); retrying in %.1fs",
                    what,
                    type(e).__name__,
                    delay,
                )
                self._sleep(delay)
                attempt += 1

    def _execute_write(self, statement: str, params: dict[str, Any]) -> None:
        def work() -> None:
            with self._driver.session(database=self.database) as session:
                session.execute_write(_write, statement, params)

        self._retrying(_head(statement), work)

    # --- GraphStore ----------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the unique id constraints and indexes (``IF NOT EXISTS``)."""
        for statement in cypher.neo4j_schema_statements():

            def work(statement: str = statement) -> None:
                with self._driver.session(database=self.database) as session:
                    session.run(statement).consume()

            self._retrying(_head(statement), work)

    def load(self, batch: GraphBatch) -> LoadStats:
        """MERGE a batch: one managed write transaction per ``batch_size`` rows."""
        started = time.perf_counter()
        steps = load_plan(batch)
        sent = 0
        for step in steps:
            for rows in chunked(step.rows, self.batch_size):
                self._execute_write(step.statement, {"rows": rows})
                sent += 1
        return LoadStats(
            statements=sent, seconds=time.perf_counter() - started, **plan_stats(steps)
        )

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one statement in a managed write transaction (it may write) and return its rows."""

        def work() -> QueryResult:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(_read, cypher, dict(params or {}))

        return self._retrying(_head(cypher), work)

    def close(self) -> None:
        """Close the driver."""
        if not self._closed:
            self._closed = True
            self._driver.close()


def _head(statement: str) -> str:
    text = " ".join(statement.split())
    return "`" + text[:60] + ("...`" if len(text) > 60 else "`")
