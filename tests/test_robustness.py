"""Security and fault handling of the stores, below the CLI.

- The embedded FalkorDB: no TCP listener, private files and socket, a generated password kept
  0600 in the database folder and never on a command line, unauthenticated clients refused,
  DEBUG/MODULE commands off, and stale pid files (a zombie, an unrelated process) never taken
  for a server nor signalled.
- Neo4j: transient errors are retried with exponential backoff (a fake driver raises
  ``TransientError``), other errors are not, and the password appears in no error message and
  no log record.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, TransientError

from geokg.errors import StoreError, StoreUnavailableError
from geokg.graph.build import GraphBatch, GraphBuilder
from geokg.graph.falkor import FalkorServer, FalkorStore
from geokg.graph.neo4j_store import Neo4jStore
from geokg.graph.registry import open_store
from geokg.graph.store import load_plan
from geokg.schema import DocumentRecord, EntityMention, document_id
from tests.cli.cliutil import short_tmp

SECRET = "pw-Never-Shown-7c1f"

linux_only = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs procfs")


# --- the embedded database ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[FalkorServer]:
    """A running embedded server with some data saved, in a short private folder."""
    with short_tmp("gksec") as root:
        with FalkorStore(root / "db", keep_running=True) as store:
            store.ensure_schema()
            store.load(_small_batch())
            store.query("RETURN 1")
            store._client.connection.save()
        yield store.server


def _small_batch() -> GraphBatch:
    builder = GraphBuilder()
    builder.add_document(
        DocumentRecord(id=document_id("a.txt"), name="a.txt", chars=6, sha1="0" * 40)
    )
    builder.add_entity(
        EntityMention(
            doc="a.txt", name="Russia", label="Country", start=0, end=6, text="Russia", id="c:r"
        )
    )
    return builder.batch()


def test_embedded_config_has_no_tcp_port_and_a_private_socket(server: FalkorServer) -> None:
    conf = server.conffile.read_text(encoding="utf-8").splitlines()
    assert "port 0" in conf
    assert "unixsocketperm 700" in conf
    assert not [ln for ln in conf if ln.startswith("bind ")]
    assert "enable-debug-command no" in conf
    assert "enable-module-command no" in conf


def _socket_inodes(pid: int) -> set[int]:
    inodes: set[int] = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        m = re.fullmatch(r"socket:\[(\d+)\]", target)
        if m:
            inodes.add(int(m.group(1)))
    return inodes


def _table(name: str) -> list[list[str]]:
    try:
        lines = Path(name).read_text(encoding="ascii").splitlines()[1:]
    except OSError:
        return []
    return [ln.split() for ln in lines]


@linux_only
def test_embedded_server_listens_on_no_tcp_socket(server: FalkorServer) -> None:
    pid = server._pid()
    assert pid is not None
    mine = _socket_inodes(pid)
    # control: the unix socket is among the server's sockets, so the method sees sockets
    unix = {int(row[6]) for row in _table("/proc/net/unix") if row[-1] == str(server.socket)}
    assert unix & mine
    listening = {
        int(row[9])
        for name in ("/proc/net/tcp", "/proc/net/tcp6")
        for row in _table(name)
        if row[3] == "0A"  # TCP_LISTEN
    }
    assert not listening & mine


def test_embedded_files_and_socket_are_readable_by_the_user_only(server: FalkorServer) -> None:
    assert server.db_dir.stat().st_mode & 0o777 == 0o700
    names = {p.name for p in server.db_dir.iterdir()}
    assert {"password", "falkordb.conf", "falkordb.log", "falkordb.sock", "geokg.rdb"} <= names
    for path in server.db_dir.iterdir():
        assert path.lstat().st_mode & 0o077 == 0, f"{path.name}: {oct(path.lstat().st_mode)}"
    assert server.passfile.stat().st_mode & 0o777 == 0o600


def test_embedded_password_is_generated_kept_and_never_on_a_command_line(
    server: FalkorServer,
) -> None:
    password = server.passfile.read_text(encoding="ascii").strip()
    assert len(password) >= 40
    assert re.fullmatch(r"[A-Za-z0-9_-]+", password)
    assert server.password() == password  # reused, not regenerated
    pid = server._pid()
    assert pid is not None
    if Path(f"/proc/{pid}/cmdline").exists():
        assert password.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
    assert password not in server.logfile.read_text(encoding="utf-8", errors="replace")


def test_embedded_server_refuses_clients_without_the_password(server: FalkorServer) -> None:
    for password in (None, "wrong-password"):
        conn = redis.Redis(unix_socket_path=str(server.socket), password=password)
        try:
            with pytest.raises(redis.RedisError) as info:
                conn.execute_command("GRAPH.LIST")  # type: ignore[no-untyped-call]
            assert isinstance(info.value, redis.AuthenticationError), info.value
        finally:
            conn.close()


@pytest.mark.parametrize(
    "command",
    [
        ("DEBUG", "SLEEP", "0"),
        ("MODULE", "LOAD", "/tmp/evil.so"),
        ("CONFIG", "SET", "dir", "/tmp"),  # a protected config: no writing files elsewhere
    ],
    ids=["debug", "module-load", "config-set-dir"],
)
def test_embedded_server_refuses_debug_module_and_protected_config_commands(
    server: FalkorServer, command: tuple[str, ...]
) -> None:
    conn = redis.Redis(unix_socket_path=str(server.socket), password=server.password())
    try:
        with pytest.raises(redis.ResponseError):
            conn.execute_command(*command)  # type: ignore[no-untyped-call]
    finally:
        conn.close()


@pytest.fixture()
def tmp() -> Iterator[Path]:
    """A short temporary folder; embedded servers below it are stopped afterwards."""
    with short_tmp() as root:
        yield root


def test_a_stale_pid_file_of_an_unrelated_process_is_not_a_server(tmp: Path) -> None:
    server = FalkorServer(tmp / "db")
    server._ensure_dir()
    server.pidfile.write_text(f"{os.getpid()}\n")  # this test process: not a redis-server
    assert server._pid() is None
    assert not server.status().running
    assert server.stop() is False  # and, above all, it did not signal us
    assert server.start() is True
    assert server.status().running
    assert server._pid() != os.getpid()


@linux_only
def test_a_stale_pid_file_of_a_zombie_is_not_a_server(tmp: Path) -> None:
    """A server killed with SIGKILL stays a zombie where no init reaps it (containers)."""
    child = subprocess.Popen(["true"])
    try:
        stat = Path(f"/proc/{child.pid}/stat")
        deadline = time.monotonic() + 10
        while stat.read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(child.pid, 0)  # a zombie still answers signal 0
        server = FalkorServer(tmp / "db")
        server._ensure_dir()
        server.pidfile.write_text(f"{child.pid}\n")
        assert server._pid() is None
        assert server.status().detail == "not running"
        assert server.start() is True
    finally:
        child.wait()


# --- Neo4j: retries with backoff and secrets ------------------------------------------------------


class FakeSession:
    """A driver session whose writes fail with the driver's queued errors first."""

    def __init__(self, driver: FakeDriver) -> None:
        self.driver = driver

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute_write(self, work: Any, statement: str, params: dict[str, Any]) -> Any:
        self.driver.attempts.append(statement)
        if self.driver.failures:
            raise self.driver.failures.pop(0)
        self.driver.done.append((statement, params))
        return None

    def run(self, statement: str) -> Any:  # pragma: no cover - schema statements
        raise AssertionError("not used")


class FakeDriver:
    """Just enough of ``neo4j.Driver`` for :class:`Neo4jStore`."""

    def __init__(self, failures: list[Exception]) -> None:
        self.failures = failures
        self.attempts: list[str] = []
        self.done: list[tuple[str, dict[str, Any]]] = []
        self.closed = False

    def verify_connectivity(self) -> None:
        return None

    def session(self, database: str | None = None) -> FakeSession:
        return FakeSession(self)

    def close(self) -> None:
        self.closed = True


def _store(failures: list[Exception]) -> tuple[Neo4jStore, FakeDriver, list[float]]:
    driver = FakeDriver(failures)
    store = Neo4jStore("bolt://db:7687", "neo4j", SECRET, driver=driver, backoff=0.5)  # type: ignore[arg-type]
    sleeps: list[float] = []
    store._sleep = sleeps.append
    return store, driver, sleeps


def _transient(message: str = "Database is busy") -> Neo4jError:
    return Neo4jError._hydrate_neo4j(
        code="Neo.TransientError.Transaction.DeadlockDetected", message=message
    )


def test_neo4j_transient_errors_are_retried_with_exponential_backoff(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store, driver, sleeps = _store([_transient(), TransientError("busy")])
    batch = _small_batch()
    with caplog.at_level(logging.WARNING):
        stats = store.load(batch)
    steps = load_plan(batch)
    assert stats.statements == len(steps)
    assert driver.attempts[:3] == [steps[0].statement] * 3  # failed twice, then succeeded
    assert [s for s, _ in driver.done] == [step.statement for step in steps]
    assert len(sleeps) == 2
    assert 0.5 <= sleeps[0] <= 0.75
    assert 1.0 <= sleeps[1] <= 1.5
    retries = [r for r in caplog.records if "transient Neo4j error" in r.getMessage()]
    assert len(retries) == 2
    assert SECRET not in caplog.text
    assert "Russia" not in caplog.text  # rows are not logged


def test_neo4j_gives_up_after_max_retries() -> None:
    store, driver, sleeps = _store([_transient() for _ in range(10)])
    with pytest.raises(StoreError) as info:
        store.load(_small_batch())
    assert "kept failing after 5 attempts" in str(info.value)
    assert len(driver.attempts) == 5
    assert len(sleeps) == 4
    assert all(later > earlier for earlier, later in itertools.pairwise(sleeps))


def test_neo4j_lost_connection_is_retried_then_unavailable() -> None:
    store, driver, _ = _store([ServiceUnavailable("gone") for _ in range(10)])
    with pytest.raises(StoreUnavailableError) as info:
        store.load(_small_batch())
    assert "lost Neo4j at bolt://db:7687" in str(info.value)
    assert len(driver.attempts) == 5
    assert SECRET not in str(info.value)


def test_neo4j_client_errors_are_not_retried() -> None:
    error = ClientError._hydrate_neo4j(
        code="Neo.ClientError.Statement.SyntaxError", message="Invalid input"
    )
    store, driver, sleeps = _store([error])
    with pytest.raises(StoreError) as info:
        store.load(_small_batch())
    assert "Neo4j rejected" in str(info.value)
    assert len(driver.attempts) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "uri",
    [
        "bolt://127.0.0.1:1",
        f"bolt://neo4j:{SECRET}@127.0.0.1:1",
        f"neo4j://neo4j:{SECRET}@127.0.0.1:1",
        "bolt://127.0.0.1:notaport",
    ],
)
def test_neo4j_failures_never_show_the_password(
    uri: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    with caplog.at_level(logging.DEBUG), pytest.raises(StoreUnavailableError) as info:
        open_store(neo4j_uri=uri)
    assert SECRET not in str(info.value)
    assert SECRET not in repr(info.value)
    assert SECRET not in caplog.text
    for record in caplog.records:
        assert SECRET not in str(record.args)
    assert info.value.__cause__ is None or SECRET not in str(info.value.__cause__)
