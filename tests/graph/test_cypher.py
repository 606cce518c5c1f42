"""geokg.graph.cypher: identifiers only from the enums, values only as parameters, literals
escaped so that hostile strings survive (checked on the real FalkorDB parser here and on
Neo4j's parser in test_neo4j_compat.py)."""

from __future__ import annotations

import math
import re

import pytest

from geokg.graph import cypher
from geokg.graph.falkor import FalkorStore
from geokg.schema import EntityLabel, Modality, RelationType

# Strings that break naive quoting. Every one survives literal() on FalkorDB and Neo4j.
HOSTILE = [
    "O'Brien",
    'say "hi"',
    "back\\slash",
    "trailing backslash\\",
    "\\'",
    "\\\\'",
    "'",
    '"',
    "",
    "`tick` and ``double``",
    "line\nbreak",
    "tab\tand cr\r",
    "\b\f",
    "$param and $rows",
    "{name: 'x'}",
    "ünïcødé € 😀 中文 العربية",
    "// not a comment",
    "/* not a comment */",
    "'; MATCH (n) DETACH DELETE n; //",
    "\\u0041 is not A",
    "\\n is not a newline",
]
# Characters that Cypher can only carry as \\u escapes (Neo4j decodes them; FalkorDB does not).
EXOTIC = ["\x01\x1f", "del\x7f", "ls\u2028ps\u2029", "bom\ufeff"]


def _params(statement: str) -> set[str]:
    return set(re.findall(r"\$[A-Za-z_]\w*", statement))


def test_cypher_merge_entities_is_exact() -> None:
    assert cypher.merge_entities(EntityLabel.COUNTRY) == (
        "UNWIND $rows AS row\n"
        "MERGE (n:Entity {id: row.id})\n"
        "SET n:Country\n"
        "SET n.name = row.name,\n"
        "    n.iso3 = coalesce(row.iso3, n.iso3),\n"
        "    n.aliases = reduce(acc = coalesce(n.aliases, []), x IN row.aliases | "
        "CASE WHEN x IN acc THEN acc ELSE acc + x END)"
    )


@pytest.mark.parametrize("bad", ["Country; DROP", "country", "Entity", "Country`) DELETE (n"])
def test_cypher_refuses_labels_outside_the_enum(bad: str) -> None:
    with pytest.raises(ValueError):
        cypher.merge_entities(bad)


@pytest.mark.parametrize("bad", ["KNOWS", "SUPPORTS]->(b) DELETE b //", "supports"])
def test_cypher_refuses_types_outside_the_enum(bad: str) -> None:
    with pytest.raises(ValueError):
        cypher.merge_relations(bad)


def _loader_statements() -> list[str]:
    return [
        cypher.merge_documents(),
        cypher.merge_sentences(),
        cypher.merge_mentions(),
        cypher.refresh_entity_mentions(),
        *(cypher.merge_entities(label) for label in EntityLabel),
        *(cypher.merge_relations(t) for t in RelationType),
    ]


# The only string literals a loader statement may hold: enum values (a mention's type, the
# modalities it counts).
_ENUM_LITERALS = [f"'{v.value}'" for v in (*RelationType, *Modality)]


def test_cypher_loader_statements_take_every_value_from_rows() -> None:
    for statement in _loader_statements():
        assert statement.startswith("UNWIND $rows AS row\n")
        assert _params(statement) == {"$rows"}
        for known in _ENUM_LITERALS:
            statement = statement.replace(known, "")
        assert "'" not in statement  # no inlined string values


def test_cypher_one_relation_statement_per_type_sets_every_count() -> None:
    for rtype in RelationType:
        statement = cypher.merge_relations(rtype)
        assert f"MERGE (a)-[r:{rtype.value}]->(b)" in statement
        assert f"type: '{rtype.value}'" in statement  # the mention node's type
        for count in cypher.RELATION_COUNT_FIELDS:
            assert f"r.{count} = coalesce(r.{count}, 0) + size(" in statement
        assert ("r.role = head(" in statement) == (rtype is RelationType.LEADS)
        assert ("r.status = head(" in statement) == (rtype is RelationType.MEMBER_OF)
        # counts grow only by the mentions this statement creates
        assert statement.index("WHERE old IS NULL") < statement.index("CREATE (x:Mention")
        assert statement.index("CREATE (x:Mention") < statement.index("SET r.mentions")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (-12, "-12"),
        (1.5, "1.5"),
        ("plain", "'plain'"),
        ("O'Brien", "'O\\'Brien'"),
        ('say "hi"', "'say \\\"hi\\\"'"),
        ("a\\b", "'a\\\\b'"),
        ("two\nlines", "'two\\nlines'"),
        ("\x01", "'\\u0001'"),
        ("\u2028", "'\\u2028'"),
        ("😀", "'😀'"),
        ("$x `y`", "'$x `y`'"),
        ([1, "a", None], "[1, 'a', null]"),
        ({"id": "x", "n": [1]}, "{id: 'x', n: [1]}"),
        ([], "[]"),
    ],
)
def test_cypher_literal_renders(value: object, expected: str) -> None:
    assert cypher.literal(value) == expected


@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, "\ud800", {"bad key": 1}, {"`x`": 1}, object()]
)
def test_cypher_literal_refuses_what_has_no_safe_literal(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        cypher.literal(bad)


@pytest.mark.parametrize("text", HOSTILE)
def test_cypher_literal_round_trips_on_falkordb(store: FalkorStore, text: str) -> None:
    rows = store.query(f"RETURN {cypher.literal(text)} AS v, {cypher.literal([text])} AS l").rows
    assert rows == [[text, [text]]]


@pytest.mark.parametrize("text", EXOTIC)
def test_cypher_literal_writes_exotic_characters_as_unicode_escapes(text: str) -> None:
    rendered = cypher.literal(text)
    assert "\\u" in rendered
    for ch in text:
        if not ch.isalnum():
            assert ch not in rendered
