"""Neo4jStore against a fake driver that records exactly what would go over Bolt: the
statements, their parameters, and whether they ran in a managed write transaction or in an
auto-commit one. Retries, error mapping and credential hygiene are checked here."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from neo4j.exceptions import (
    AuthError,
    CypherSyntaxError,
    ServiceUnavailable,
    TransientError,
)

from geokg.errors import StoreError, StoreUnavailableError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.neo4j_store import Neo4jStore, safe_uri
from geokg.graph.store import chunked, load_plan
from geokg.schema import DocumentRecord

PASSWORD = "s3cret-Pa55word"


@dataclass
class Call:
    """One statement the fake server received."""

    mode: str  # "write" (managed transaction) or "auto" (session.run)
    database: str | None
    statement: str
    params: dict[str, Any]


class FakeResult:
    def __init__(self, columns: list[str], rows: list[list[Any]]) -> None:
        self._columns = columns
        self._rows = rows

    def keys(self) -> list[str]:
        return self._columns

    def __iter__(self) -> Iterator[FakeRecord]:
        return (FakeRecord(r) for r in self._rows)

    def consume(self) -> None:
        return None


class FakeRecord:
    def __init__(self, values: list[Any]) -> None:
        self._values = values

    def values(self) -> list[Any]:
        return self._values


@dataclass
class FakeServer:
    """Answers statements; ``failures`` are raised (one per attempt) before answering."""

    calls: list[Call] = field(default_factory=list)
    failures: list[Exception] = field(default_factory=list)
    answers: dict[str, Callable[[dict[str, Any]], FakeResult]] = field(default_factory=dict)
    connect_error: Exception | None = None
    closed: bool = False

    def run(
        self, mode: str, database: str | None, statement: str, params: dict[str, Any]
    ) -> FakeResult:
        self.calls.append(Call(mode, database, statement, params))
        if self.failures:
            raise self.failures.pop(0)
        answer = self.answers.get(statement)
        return answer(params) if answer else FakeResult([], [])


class FakeTx:
    def __init__(self, server: FakeServer, database: str | None) -> None:
        self.server = server
        self.database = database

    def run(self, statement: str, params: dict[str, Any] | None = None) -> FakeResult:
        return self.server.run("write", self.database, statement, dict(params or {}))


class FakeSession:
    def __init__(self, server: FakeServer, database: str | None) -> None:
        self.server = server
        self.database = database

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute_write(self, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(FakeTx(self.server, self.database), *args)

    def run(self, statement: str, params: dict[str, Any] | None = None) -> FakeResult:
        return self.server.run("auto", self.database, statement, dict(params or {}))


class FakeDriver:
    def __init__(self, server: FakeServer) -> None:
        self.server = server

    def verify_connectivity(self) -> None:
        if self.server.connect_error is not None:
            raise self.server.connect_error

    def session(self, database: str | None = None) -> FakeSession:
        return FakeSession(self.server, database)

    def close(self) -> None:
        self.server.closed = True


@pytest.fixture()
def server() -> FakeServer:
    return FakeServer()


def _store(server: FakeServer, **kwargs: Any) -> Neo4jStore:
    store = Neo4jStore(
        "neo4j://db.example:7687", "neo4j", PASSWORD, "news", driver=FakeDriver(server), **kwargs
    )  # type: ignore[arg-type]
    store._sleep = lambda s: server.calls.append(Call("sleep", None, f"{s:.3f}", {}))
    return store


def test_neo4j_load_sends_every_plan_statement_in_managed_transactions(
    server: FakeServer, batch_ab: GraphBatch
) -> None:
    store = _store(server, batch_size=3)
    stats = store.load(batch_ab)
    expected = [
        Call("write", "news", step.statement, {"rows": rows})
        for step in load_plan(batch_ab)
        for rows in chunked(step.rows, 3)
    ]
    assert server.calls == expected
    assert stats.statements == len(expected)
    assert stats.relations == 18
    assert stats.entities == 10


def test_neo4j_load_statements_use_only_the_rows_parameter(
    server: FakeServer, batch_ab: GraphBatch
) -> None:
    _store(server).load(batch_ab)
    for call in server.calls:
        assert list(call.params) == ["rows"]
        assert call.statement.startswith("UNWIND $rows AS row\n")


def test_neo4j_ensure_schema_sends_constraints_in_auto_commit(server: FakeServer) -> None:
    _store(server).ensure_schema()
    assert server.calls == [Call("auto", "news", s, {}) for s in cypher.neo4j_schema_statements()]
    assert server.calls[0].statement == (
        "CREATE CONSTRAINT geokg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"
    )


def test_neo4j_retries_transient_errors_with_growing_backoff(server: FakeServer) -> None:
    store = _store(server, backoff=0.1)
    server.failures = [TransientError("deadlock"), TransientError("deadlock")]
    batch = GraphBatch(documents=[DocumentRecord(id="doc:1", name="a", chars=1, sha1="x")])
    store.load(batch)
    modes = [c.mode for c in server.calls]
    assert modes == ["write", "sleep", "write", "sleep", "write"]
    first, second = (float(c.statement) for c in server.calls if c.mode == "sleep")
    assert 0.1 <= first <= 0.15
    assert 0.2 <= second <= 0.3
    writes = [c for c in server.calls if c.mode == "write"]
    assert writes[0] == writes[1] == writes[2]  # the same statement and rows, re-sent


def test_neo4j_gives_up_after_max_retries(server: FakeServer) -> None:
    store = _store(server, max_retries=2, backoff=0.01)
    server.failures = [TransientError("busy")] * 5
    with pytest.raises(StoreError, match="kept failing after 3 attempts") as info:
        store.query("RETURN 1")
    assert info.value.code == "E300"
    assert [c.mode for c in server.calls].count("write") == 3


def test_neo4j_lost_connection_becomes_unavailable_after_retries(server: FakeServer) -> None:
    store = _store(server, max_retries=1, backoff=0.01)
    server.failures = [ServiceUnavailable("gone"), ServiceUnavailable("gone")]
    with pytest.raises(StoreUnavailableError) as info:
        store.query("RETURN 1")
    assert info.value.code == "E301"


def test_neo4j_syntax_error_is_not_retried(server: FakeServer) -> None:
    store = _store(server)
    server.failures = [CypherSyntaxError("Invalid input")]
    with pytest.raises(StoreError, match="Neo4j rejected") as info:
        store.query("MATCH (n RETURN n")
    assert not isinstance(info.value, StoreUnavailableError)
    assert [c.mode for c in server.calls] == ["write"]


def test_neo4j_query_passes_parameters_and_returns_rows(server: FakeServer) -> None:
    server.answers["MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases"] = (
        lambda params: FakeResult(["name", "aliases"], [["Russia", ("Moscow",)]])
    )
    result = _store(server).query(
        "MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases",
        {"id": "country:russia"},
    )
    assert server.calls[-1].params == {"id": "country:russia"}
    assert result.columns == ["name", "aliases"]
    assert result.rows == [["Russia", ["Moscow"]]]


def test_neo4j_counts_fold_labels_and_types(server: FakeServer) -> None:
    server.answers[cypher.count_nodes_by_labels()] = lambda p: FakeResult(
        ["labels", "count"], [[["Entity", "Country"], 2], [["Document"], 1]]
    )
    server.answers[cypher.count_relationships_by_type()] = lambda p: FakeResult(
        ["type", "count"], [["SUPPORTS", 3]]
    )
    assert _store(server).counts() == {
        "nodes": {"Country": 2, "Document": 1, "Entity": 2},
        "relationships": {"SUPPORTS": 3},
        "total_nodes": 3,
        "total_relationships": 3,
    }


def test_neo4j_clear_deletes_in_chunks_until_nothing_is_left(server: FakeServer) -> None:
    left = [25]

    def delete(params: dict[str, Any]) -> FakeResult:
        n = min(left[0], params["limit"])
        left[0] -= n
        return FakeResult(["deleted"], [[n]])

    server.answers[cypher.clear_batch()] = delete
    _store(server).clear(chunk=10)
    assert [c.params for c in server.calls] == [{"limit": 10}] * 4
    assert left == [0]


def test_neo4j_unreachable_server_is_unavailable_without_credentials(server: FakeServer) -> None:
    server.connect_error = ServiceUnavailable(f"Could not connect (auth {PASSWORD})")
    with pytest.raises(StoreUnavailableError) as info:
        Neo4jStore(
            "neo4j://user:" + PASSWORD + "@db:7687", "neo4j", PASSWORD, driver=FakeDriver(server)
        )  # type: ignore[arg-type]
    message = str(info.value)
    assert PASSWORD not in message
    assert "neo4j://db:7687" in message
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__ is True
    assert server.closed is True


def test_neo4j_wrong_password_is_unavailable_and_names_only_the_user(server: FakeServer) -> None:
    server.connect_error = AuthError("The client is unauthorized")
    with pytest.raises(
        StoreUnavailableError, match="refused the credentials of user 'neo4j'"
    ) as info:
        Neo4jStore("bolt://db:7687", "neo4j", PASSWORD, driver=FakeDriver(server))  # type: ignore[arg-type]
    assert PASSWORD not in str(info.value)


def test_neo4j_never_logs_the_password(
    server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = _store(server, backoff=0.0)
    server.failures = [TransientError("busy")]
    store.query("RETURN 1")
    store.close()
    assert server.closed is True
    assert caplog.records  # the retry was logged ...
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)  # ... without secrets


@pytest.mark.parametrize(
    ("uri", "safe"),
    [
        ("neo4j://localhost:7687", "neo4j://localhost:7687"),
        ("neo4j+s://user:pw@host.example:7687/", "neo4j+s://host.example:7687/"),
        ("bolt://host", "bolt://host"),
    ],
)
def test_neo4j_safe_uri_strips_user_info(uri: str, safe: str) -> None:
    assert safe_uri(uri) == safe
