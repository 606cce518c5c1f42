"""The Cypher checker: Neo4j's own parser and Neo4j 5 semantic analysis, run with node.

Every table below is checked in one node call (the ``checked`` fixture); the tests then
look their statements up. Tests skip only when ``node`` is missing: a missing
``tools/cypher-check/node_modules`` is a failure (run ``npm ci --prefix tools/cypher-check``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geokg.testing.cypher_check import (
    INSTALL_COMMAND,
    CypherCheckResult,
    assert_valid_neo4j_cypher,
    check_cypher,
    cypher_check_available,
    cypher_check_dir,
)

needs_node = pytest.mark.skipif(
    shutil.which("node") is None,
    reason="node is not on PATH: the Cypher checker runs on Node.js (>= 18.18)",
)

APOC_CALL = "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'SET n.x = 1', {}) YIELD batches"
APOC_DEPRECATED = "RETURN apoc.create.uuid() AS u"
FUNCTION_TYPO = "RETURN coalese(null, 0) AS y"

# Labels, types and properties of an empty database; parameters never declared.
UNKNOWN_SCHEMA = [
    "MATCH (n:NoSuchLabel)-[:NO_SUCH_TYPE]->(m) WHERE n.no_such_prop = $never_declared RETURN m",
    "MERGE (n:`Weird Label` {`odd key`: $`odd param`}) RETURN n",
]

# (statement, expected "line:column: " prefix of the first error, substring of that error)
SYNTAX_ERRORS = [
    ("MATCH (n RETURN n", "1:10: ", "Invalid input 'RETURN'"),
    ("MATCH (n) RETURN n ORDER n.x", "1:26: ", "Invalid input 'n'"),
    ("MATCH (n) WHERE n.name = {name} RETURN n", "1:31: ", "Invalid input '}'"),
    ("UNWIND $rows AS row\nMERGE (n:Country {id: row.id)\nRETURN n", "2:29: ", "Invalid input"),
    ("MATCH (n) RETURN n SKIP -1", "1:25: ", "non-negative integer"),
]

# Forms Neo4j 4 accepted and Neo4j 5 rejects.
REMOVED_IN_NEO4J_5 = [
    (
        "MATCH (n) WHERE exists(n.prop) RETURN n",
        "1:17: ",
        "exists(variable.property)` is no longer",
    ),
    (
        "MATCH (a)-[r]->(b) RETURN size((a)--())",
        "1:32: ",
        "can no longer be used inside the function size()",
    ),
    (
        "CREATE CONSTRAINT ON (n:Entity) ASSERT n.id IS UNIQUE",
        "1:19: ",
        "ON and ASSERT should not be used",
    ),
    ("CREATE INDEX ON :Entity(id)", "1:14: ", "Invalid create index syntax"),
    ("DROP INDEX ON :Entity(id)", "1:12: ", "please drop by name instead"),
    (
        "USING PERIODIC COMMIT 500 LOAD CSV FROM 'file:///x.csv' AS row CREATE (:X {id: row[0]})",
        "1:",
        "The PERIODIC COMMIT query hint is no longer supported",
    ),
    ("RETURN distance(point({x: 1, y: 1}), point({x: 2, y: 2}))", "1:8: ", "'point.distance'"),
]

# Semantic errors a server would raise before running anything.
SEMANTIC_ERRORS = [
    ("MATCH (n)\nWHERE n.x = 1\nRETURN m", "3:8: ", "Variable `m` not defined"),
    ("MATCH (n) RETURN n.x AS x ORDER BY y", "1:36: ", "Variable `y` not defined"),
    (
        "MATCH (n) RETURN n.x AS x UNION MATCH (m) RETURN m.y AS y",
        "1:27: ",
        "same return column names",
    ),
    ("MATCH (n) RETURN count(n) + n.x", "1:29: ", "implicit grouping"),
    ("RETURN 1 AS x, 2 AS x", "1:8: ", "Multiple result columns with the same name"),
    ("RETURN toLower(1, 2)", "1:", "Too many parameters for function 'toLower'"),
    ("MATCH (n) DELETE n.x", "1:18: ", "Type mismatch"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", "1:21: ", "exactly one statement per query"),
    ("", "1:1: ", "Empty statement"),
    # Unknown functions and procedures (default registry "neo4j").
    (FUNCTION_TYPO, "1:8: ", "Function coalese is not present"),
    (APOC_CALL, "1:6: ", "Procedure apoc.periodic.iterate is not present"),
    (APOC_DEPRECATED, "1:8: ", "Function apoc.create.uuid is not present"),
    ("CALL db.labelz() YIELD label RETURN label", "1:6: ", "Procedure db.labelz is not present"),
    ("CALL db.labels() YIELD nope RETURN nope", "1:", "Unknown procedure output: `nope`"),
    # FalkorDB-only commands and procedures are not Neo4j Cypher: do not send them.
    ("GRAPH.CONSTRAINT CREATE g UNIQUE NODE Entity PROPERTIES 1 id", "1:1: ", ""),
    ("CALL db.idx.fulltext.createNodeIndex('Entity', 'name')", "1:6: ", "is not present"),
]

# Deprecated in Neo4j 5: reported as warnings, never as errors.
DEPRECATED = [
    ("MATCH (n) RETURN id(n) AS i", "1:18: ", "deprecated function"),
    (
        "UNWIND $rows AS row CALL { WITH row MERGE (n:X {id: row.id}) }"
        " IN TRANSACTIONS OF 1000 ROWS",
        "1:21: ",
        "Use CALL (row) { ... }",
    ),
    ("CALL { MATCH (n) RETURN count(n) AS c } RETURN c", "1:1: ", "Use CALL () { ... }"),
    (
        "CALL db.index.vector.createNodeIndex('emb', 'Entity', 'embedding', 384, 'cosine')",
        "1:6: ",
        "Procedure db.index.vector.createNodeIndex is deprecated. Alternative: CREATE VECTOR INDEX",
    ),
]

# Clean Neo4j 5 statements of the kinds geokg emits.
GOOD = [
    "UNWIND $rows AS row MERGE (n:Country {id: row.id}) SET n += row.props",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT rel_id IF NOT EXISTS FOR ()-[r:RELATES]-() REQUIRE r.id IS UNIQUE",
    "CREATE INDEX sentence_doc IF NOT EXISTS FOR (n:Sentence) ON (n.doc)",
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]",
    "DROP CONSTRAINT entity_id IF EXISTS",
    "MATCH p = shortestPath((a:Entity {id: $a})-[*..6]-(b:Entity {id: $b})) RETURN p",
    "UNWIND $rows AS row CALL (row) { MERGE (n:X {id: row.id}) } IN TRANSACTIONS OF 1000 ROWS",
    "MATCH (a:Entity) RETURN a.id AS id, COUNT { (a)--() } AS degree ORDER BY degree DESC",
    "MATCH (a:Entity) WHERE EXISTS { (a)-[:SANCTIONS]->() } RETURN a.id AS id",
    "MATCH (n) RETURN n.prop AS x, count(*) AS c",
    "MATCH (n) WHERE n.prop IS NOT NULL RETURN n",
    "MATCH (n) RETURN n.id AS id, elementId(n) AS eid, labels(n) AS labels",
    "CALL db.labels() YIELD label",
    "CALL db.labels() YIELD label RETURN label",
    "SHOW INDEXES YIELD name, type RETURN name, type",
    (
        "UNWIND $rows AS row\n"
        "MATCH (s:Entity {id: row.source})\n"
        "MATCH (o:Entity {id: row.target})\n"
        "MERGE (s)-[r:RELATES {id: row.id}]->(o)\n"
        "SET r += row.props, r.count = coalesce(r.count, 0) + 1"
    ),
    "MATCH (n:Entity) DETACH DELETE n",
    "MATCH (n) RETURN n {.*, id: n.id} AS node",
    "MATCH (n) RETURN n;",
    "EXPLAIN MATCH (n:Entity {id: $id}) RETURN n",
]

ALL_TABLES = UNKNOWN_SCHEMA + [
    s
    for table in (SYNTAX_ERRORS, REMOVED_IN_NEO4J_5, SEMANTIC_ERRORS, DEPRECATED)
    for s, _, _ in table
]


@pytest.fixture(scope="module")
def checked() -> dict[str, CypherCheckResult]:
    statements = ALL_TABLES + GOOD
    results = check_cypher(statements)
    assert [r.statement for r in results] == statements
    return {r.statement: r for r in results}


@needs_node
def test_checker_is_installed() -> None:
    assert cypher_check_available(), f"run `{INSTALL_COMMAND}` from the repository root"


@needs_node
@pytest.mark.parametrize(
    "statement,where,message", SYNTAX_ERRORS + REMOVED_IN_NEO4J_5 + SEMANTIC_ERRORS
)
def test_cypher_check_reports_errors(
    checked: dict[str, CypherCheckResult], statement: str, where: str, message: str
) -> None:
    result = checked[statement]
    assert result.errors, f"no error for {statement!r}: {result}"
    assert result.errors[0].startswith(where), result.errors
    assert any(message in e for e in result.errors), result.errors
    assert not result.ok


@needs_node
@pytest.mark.parametrize("statement,where,message", DEPRECATED)
def test_cypher_check_reports_deprecations_as_warnings(
    checked: dict[str, CypherCheckResult], statement: str, where: str, message: str
) -> None:
    result = checked[statement]
    assert result.errors == []
    assert any(w.startswith(where) and message in w for w in result.warnings), result.warnings


@needs_node
@pytest.mark.parametrize("statement", GOOD)
def test_cypher_check_accepts_good_neo4j5(
    checked: dict[str, CypherCheckResult], statement: str
) -> None:
    result = checked[statement]
    assert result.errors == [] and result.warnings == [], result
    assert result.ok


@needs_node
def test_assert_valid_accepts_good_statements() -> None:
    assert_valid_neo4j_cypher(GOOD)


@needs_node
def test_assert_valid_lists_every_bad_statement() -> None:
    bad_syntax, removed, deprecated = (
        SYNTAX_ERRORS[0][0],
        REMOVED_IN_NEO4J_5[0][0],
        DEPRECATED[0][0],
    )
    with pytest.raises(AssertionError) as info:
        assert_valid_neo4j_cypher([GOOD[0], bad_syntax, removed, deprecated])
    text = str(info.value)
    assert "3 of 4 Cypher statements" in text
    assert f"[1] {bad_syntax}" in text and f"[2] {removed}" in text and f"[3] {deprecated}" in text
    assert "error 1:10: Invalid input 'RETURN'" in text
    assert "warning 1:18: " in text
    assert GOOD[0] not in text


@needs_node
def test_assert_valid_allow_warnings_is_a_substring_filter() -> None:
    statement = DEPRECATED[0][0]
    assert_valid_neo4j_cypher([statement], allow_warnings=["deprecated"])
    with pytest.raises(AssertionError):
        assert_valid_neo4j_cypher([statement], allow_warnings=["something else"])
    # Errors can never be allowed away.
    with pytest.raises(AssertionError):
        assert_valid_neo4j_cypher([SYNTAX_ERRORS[0][0]], allow_warnings=["Invalid input"])


@needs_node
def test_cypher_check_empty_database_schema_and_parameters_are_not_reported(
    checked: dict[str, CypherCheckResult],
) -> None:
    assert [checked[s].ok for s in UNKNOWN_SCHEMA] == [True] * len(UNKNOWN_SCHEMA)


@needs_node
def test_cypher_check_registries() -> None:
    # The default registry "neo4j" is covered by the tables (APOC_* are errors there).
    apoc, typo, apoc_deprecated = APOC_CALL, FUNCTION_TYPO, APOC_DEPRECATED
    plugins = check_cypher([apoc, typo, apoc_deprecated], registry="neo4j+plugins")
    assert plugins[0].ok and plugins[1].errors
    assert plugins[2].errors == []
    assert "Function apoc.create.uuid is deprecated" in plugins[2].warnings[0]
    none = check_cypher([apoc, typo, apoc_deprecated], registry="none")
    assert [r.ok for r in none] == [True, True, True]


@needs_node
def test_cypher_check_keeps_order_and_duplicates_across_threads() -> None:
    # Enough distinct statements for the checker to split them over worker threads.
    statements = [f"MATCH (n:L{i}) RETURN n.p{i} AS x" for i in range(51)]
    statements[7] = "MATCH (n RETURN n"
    statements[42] = "MATCH (n) RETURN id(n) AS i"
    statements.append(statements[7])
    results = check_cypher(statements)
    assert len(results) == 52
    bad = {i for i, r in enumerate(results) if not r.ok}
    assert bad == {7, 42, 51}
    assert results[42].errors == [] and results[42].warnings
    assert results[51] == results[7]


def test_cypher_check_rejects_a_single_string() -> None:
    with pytest.raises(TypeError):
        check_cypher("MATCH (n) RETURN n")


def test_cypher_check_missing_node_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert not cypher_check_available()
    with pytest.raises(RuntimeError, match="npm ci --prefix tools/cypher-check"):
        check_cypher(["RETURN 1 AS one"])


def test_cypher_check_missing_node_modules_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(cypher_check_dir() / "check.mjs", tmp_path / "check.mjs")
    monkeypatch.setenv("GEOKG_CYPHER_CHECK_DIR", str(tmp_path))
    assert not cypher_check_available()
    with pytest.raises(RuntimeError, match=r"npm ci --prefix tools/cypher-check"):
        check_cypher(["RETURN 1 AS one"])
