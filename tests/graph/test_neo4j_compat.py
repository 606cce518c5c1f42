"""Every Cypher statement geokg can send to Neo4j, checked by Neo4j's own parser and Neo4j 5
semantic analysis (``geokg.testing.cypher_check``): loader templates for every label and
type, DDL, read-back and maintenance statements, the cypher-shell export script (with hostile
strings), and every named query in both forms. Any error or warning (deprecations
included) fails.

FalkorDB-only statements (``CALL db.indexes()``, ``CREATE INDEX FOR ... ON`` without a name,
and the ``GRAPH.CONSTRAINT`` command, which is not Cypher at all) are never sent to Neo4j and
are deliberately not checked here.
"""

from __future__ import annotations

import pytest

from geokg.graph import cypher
from geokg.graph.export import read_graph, script_statements
from geokg.graph.falkor import FalkorServer, FalkorStore
from geokg.graph.queries import library
from geokg.schema import EntityLabel, RelationType
from geokg.testing.cypher_check import assert_valid_neo4j_cypher, check_cypher

from .conftest import DOC_A, DOC_B, batch_of
from .test_cypher import EXOTIC, HOSTILE
from .test_export import nasty_batch


def loader_statements() -> list[str]:
    """Every loader template the stores send (one per label and per type)."""
    return [
        cypher.merge_documents(),
        cypher.merge_sentences(),
        cypher.merge_mentions(),
        cypher.refresh_entity_mentions(),
        *(cypher.merge_entities(label) for label in EntityLabel),
        *(cypher.merge_relations(rtype) for rtype in RelationType),
    ]


def maintenance_statements() -> list[str]:
    """DDL, counts, read-back and clearing statements that Neo4jStore and exports send."""
    return [
        *cypher.neo4j_schema_statements(),
        cypher.count_nodes_by_labels(),
        cypher.count_relationships_by_type(),
        cypher.read_entities(),
        cypher.read_documents(),
        cypher.read_sentences(),
        cypher.read_relations(),
        cypher.read_mentions(),
        cypher.clear_batch(),
    ]


def hostile_literal_statements() -> list[str]:
    """Literals of hostile strings, alone and as UNWIND rows."""
    texts = [*HOSTILE, *EXOTIC]
    statements = [f"RETURN {cypher.literal(t)} AS v" for t in texts]
    rows = cypher.literal([{"id": t, "end": 1} for t in texts])
    statements.append(f"UNWIND {rows} AS row RETURN row.id, row.end")
    return statements


def query_statements() -> list[str]:
    """Every named query, portable and Neo4j forms."""
    return [s for query in library().values() for s in query.statements()]


@pytest.fixture(scope="module")
def export_script(falkor_server: FalkorServer) -> list[str]:
    """The export script of the sample corpus plus hostile strings, read back from the DB."""
    with FalkorStore(falkor_server.db_dir, graph="geokg_compat") as store:
        store.clear()
        store.load(batch_of(("a.txt", DOC_A), ("b.txt", DOC_B)))
        store.load(nasty_batch())
        statements = script_statements(read_graph(store))
        store.clear()
    return statements


@pytest.fixture(scope="module", autouse=True)
def _check_everything_in_one_run(export_script: list[str]) -> None:
    # One node process for every statement of this module (the checker caches answers), so
    # the tests below only look results up.
    check_cypher(
        loader_statements()
        + maintenance_statements()
        + query_statements()
        + export_script
        + hostile_literal_statements()
    )


def test_neo4j_accepts_every_loader_statement() -> None:
    statements = loader_statements()
    assert len(statements) == 4 + len(EntityLabel) + len(RelationType)
    assert_valid_neo4j_cypher(statements)


def test_neo4j_accepts_the_schema_and_maintenance_statements() -> None:
    assert_valid_neo4j_cypher(maintenance_statements())


def test_neo4j_accepts_every_named_query_in_both_forms() -> None:
    statements = query_statements()
    assert len(statements) == len(library()) + sum(1 for q in library().values() if q.neo4j)
    assert_valid_neo4j_cypher(statements)


def test_neo4j_accepts_the_export_script(export_script: list[str]) -> None:
    assert len(export_script) > len(cypher.neo4j_schema_statements())
    assert export_script[: len(cypher.neo4j_schema_statements())] == (
        cypher.neo4j_schema_statements()
    )
    assert_valid_neo4j_cypher(export_script)


def test_neo4j_accepts_literals_of_hostile_strings() -> None:
    assert_valid_neo4j_cypher(hostile_literal_statements())


def test_the_checker_does_catch_what_neo4j_rejects() -> None:
    """Guard against a checker that passes everything: known-bad Cypher must fail."""
    bad = [
        "MATCH (c:Country) RETURN size((c)--()) AS degree",  # FalkorDB accepts this
        "MATCH (n) RETURN id(n)",  # deprecated in Neo4j 5
        "MATCH (n RETURN n",
        "RETURN 'unterminated",
    ]
    results = check_cypher(bad)
    assert all(not r.ok for r in results), [r.statement for r in results if r.ok]
    assert results[1].warnings  # a deprecation is a warning, and it fails the assert below
    with pytest.raises(AssertionError):
        assert_valid_neo4j_cypher(bad[1:2])
