"""The same checks as on FalkorDB, against a live Neo4j 5 (skipped unless NEO4J_URI is set).

Run with, for example::

    docker run --rm -d -p 7687:7687 -e NEO4J_AUTH=neo4j/geokg-test-pw neo4j:5
    NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=geokg-test-pw \\
        python -m pytest tests/graph -m neo4j

The tests refuse to touch a database that is not empty when they start (they wipe what they
load). ``NEO4J_DATABASE`` picks the database (default: the server's default).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from geokg.graph.build import GraphBatch
from geokg.graph.export import read_graph, script_statements
from geokg.graph.neo4j_store import Neo4jStore
from geokg.graph.queries import library, run_query
from geokg.graph.registry import open_store

from .conftest import DOC_A, DOC_B, batch_of, eid
from .test_export import nasty_batch
from .test_queries import SAMPLE_PARAMS

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set"),
]


@pytest.fixture(scope="module")
def neo4j() -> Iterator[Neo4jStore]:
    """The live Neo4j, schema ensured; skipped when its database already holds data."""
    store = open_store(
        neo4j_uri=os.environ["NEO4J_URI"], neo4j_database=os.environ.get("NEO4J_DATABASE")
    )
    assert isinstance(store, Neo4jStore)
    with store:
        if store.counts()["total_nodes"]:
            pytest.skip("the Neo4j database is not empty; these tests only use an empty one")
        store.ensure_schema()
        store.ensure_schema()  # IF NOT EXISTS: idempotent
        yield store
        store.clear()


@pytest.fixture()
def live(neo4j: Neo4jStore) -> Iterator[Neo4jStore]:
    neo4j.clear()
    yield neo4j
    neo4j.clear()


def _snapshot(store: Neo4jStore) -> Any:
    s = read_graph(store)
    return (s.entities, s.relations, s.documents, s.sentences, s.mentions)


def test_live_load_twice_changes_nothing(live: Neo4jStore) -> None:
    batch = batch_of(("a.txt", DOC_A), ("b.txt", DOC_B))
    live.load(batch)
    counts, snap = live.counts(), _snapshot(live)
    live.load(batch)
    assert live.counts() == counts
    assert _snapshot(live) == snap
    assert counts["total_nodes"] == 39  # 21 plus 18 Mention nodes
    assert counts["total_relationships"] == 108  # 54 plus IN, SOURCE, TARGET per mention


def test_live_documents_one_by_one_equal_documents_together(live: Neo4jStore) -> None:
    live.load(batch_of(("a.txt", DOC_A)))
    live.load(batch_of(("b.txt", DOC_B)))
    one_by_one = _snapshot(live)
    live.clear()
    live.load(batch_of(("a.txt", DOC_A), ("b.txt", DOC_B)))
    assert _snapshot(live) == one_by_one
    rows = live.query(
        "MATCH (e:Entity {id: $id}) RETURN e.mentions AS m, e.doc_count AS d",
        {"id": eid("Russia")},
    ).rows
    assert rows == [[8, 2]]


def test_live_unique_constraint(live: Neo4jStore) -> None:
    from geokg.errors import StoreError

    live.query("CREATE (:Entity {id: 'dup'})")
    with pytest.raises(StoreError):
        live.query("CREATE (:Entity {id: 'dup'})")


def test_live_named_queries_in_the_neo4j_form(live: Neo4jStore) -> None:
    live.load(batch_of(("a.txt", DOC_A), ("b.txt", DOC_B)))
    for name in library():
        result = run_query(live, name, SAMPLE_PARAMS.get(name, {}))
        assert result.rows, name
    partners = run_query(live, "partners", {"name": "moscow"}).records()
    assert [(r["partner"], r["mentions"]) for r in partners] == [("Turkey", 2), ("Syria", 1)]
    path = run_query(live, "path", {"source": "Vladimir Putin", "target": "Crimea"}).records()
    assert path[0]["actors"] == ["Vladimir Putin", "Russia", "Crimea"]


def test_live_export_script_replays(live: Neo4jStore) -> None:
    batch: GraphBatch = batch_of(("a.txt", DOC_A), ("b.txt", DOC_B))
    live.load(batch)
    live.load(nasty_batch())
    before = _snapshot(live)
    statements = script_statements(read_graph(live))
    live.clear()
    for statement in statements:
        live.query(statement)
    assert _snapshot(live) == before
