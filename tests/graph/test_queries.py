"""The named query library: its files, parameters, and the answer of every portable query on
the sample corpus loaded into the REAL embedded FalkorDB."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.errors import ConfigError
from geokg.graph.falkor import FalkorStore
from geokg.graph.queries import get_query, library, parse_value, run_query
from geokg.schema import RelationType

from .conftest import DOC_B

REQUIRED = {
    "partners",
    "opponents",
    "betrayals",
    "strongest_alliances",
    "most_sanctioned",
    "leaders",
    "members",
    "path",
    "evidence",
    "contradictions",
    "balance",
    "relations_by_year",
    "documents_mentioning",
    "most_connected",
    "neighbourhood",
}

# Parameters that make every query return rows on the sample corpus.
SAMPLE_PARAMS: dict[str, dict[str, Any]] = {
    "partners": {"name": "Russia"},
    "opponents": {"name": "Russia"},
    "members": {"name": "NATO"},
    "path": {"source": "Vladimir Putin", "target": "Crimea"},
    "evidence": {"source": "Russia", "target": "Turkey"},
    "documents_mentioning": {"name": "Turkey"},
    "neighbourhood": {"name": "Turkey"},
    "actor": {"name": "Moscow"},
    "profile": {"name": "Moscow"},
    "profile_relations": {"name": "Russia"},
    "profile_evidence": {"name": "Russia"},
}


def test_library_has_every_required_query() -> None:
    assert set(library()) >= REQUIRED
    assert len(library()) >= 12


def test_library_queries_are_documented() -> None:
    for name, query in library().items():
        assert query.title, name
        assert query.cypher.strip(), name
        assert "//" not in query.cypher, name  # header comments are stripped from the body
        for p in query.params:
            assert p.description, (name, p.name)


def test_library_neo4j_variants_exist_where_neo4j_has_a_better_form() -> None:
    variants = {name for name, q in library().items() if q.neo4j}
    assert {"path", "most_connected"} <= variants
    assert "allShortestPaths" in get_query("path").statement("neo4j")
    assert "COUNT {" in get_query("most_connected").statement("neo4j")
    assert get_query("path").statement("falkordb") == get_query("path").cypher
    assert get_query("partners").statement("neo4j") == get_query("partners").cypher


def test_library_path_queries_follow_every_relation_type_and_no_provenance_link() -> None:
    for statement in get_query("path").statements():
        pattern = statement.split("[:", 1)[1].split("*", 1)[0]
        assert set(pattern.split("|")) == {t.value for t in RelationType}


def test_query_bind_fills_defaults_and_converts_types() -> None:
    q = get_query("partners")
    unbounded = {"from": None, "to": None}
    assert q.bind({"name": "Russia"}) == {"name": "Russia", **unbounded, "limit": 25}
    assert q.bind({"name": "Russia", "limit": "3"}) == {"name": "Russia", **unbounded, "limit": 3}
    assert get_query("leaders").bind({}) == {"name": None, "limit": 100}


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("partners", {}, "needs --param name"),
        ("partners", {"name": "x", "limit": "many"}, "must be a integer"),
        ("partners", {"name": "x", "nme": "y"}, "has no parameter nme"),
    ],
)
def test_query_bind_rejects_bad_parameters(name: str, params: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        get_query(name).bind(params)


def test_get_query_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="partners"):
        get_query("friends")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("Russia", "Russia"),
        ("12", 12),
        ("-3", -3),
        ("2.5", 2.5),
        ("true", True),
        ("FALSE", False),
        ("null", None),
        ("1e3", 1000.0),
        ("12a", "12a"),
    ],
)
def test_parse_value_for_raw_cypher_parameters(raw: str, value: Any) -> None:
    assert parse_value(raw) == value


# Questions of change need dated documents: tests/graph/test_time.py runs them on dated text.
DATED_ONLY = {"breaks", "shifts", "timeline"}


@pytest.mark.parametrize("name", sorted(set(library()) - DATED_ONLY))
def test_every_portable_query_runs_on_falkordb(loaded: FalkorStore, name: str) -> None:
    result = run_query(loaded, name, SAMPLE_PARAMS.get(name, {}))
    assert result.rows, name
    assert len(set(result.columns)) == len(result.columns)


def _rows(store: FalkorStore, query: str, /, **params: Any) -> list[dict[str, Any]]:
    return run_query(store, query, params).records()


def test_partners_of_russia(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "partners", name="Russia")
    assert [(r["partner"], sorted(r["types"]), r["mentions"]) for r in rows] == [
        ("Turkey", ["AGREES_WITH", "PARTNERS_WITH"], 2),
        ("Syria", ["SUPPORTS"], 1),
    ]


def test_partners_match_aliases_case_insensitively(loaded: FalkorStore) -> None:
    by_name = _rows(loaded, "partners", name="Turkey")
    assert _rows(loaded, "partners", name="ANKARA") == by_name
    assert _rows(loaded, "partners", name="turkish") == by_name
    assert _rows(loaded, "partners", name="Atlantis") == []


def test_opponents_of_russia(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "opponents", name="Moscow")
    assert [(r["opponent"], sorted(r["types"]), r["mentions"]) for r in rows] == [
        ("Turkey", ["BETRAYS", "CRITICIZES", "OPPOSES"], 3),
        ("Crimea", ["ANNEXES"], 1),
        ("European Union", ["SANCTIONS"], 1),
        ("United States", ["SANCTIONS"], 1),
    ]
    # the negated ATTACKS on NATO is no opposition
    assert "NATO" not in [r["opponent"] for r in rows]


def test_betrayals(loaded: FalkorStore) -> None:
    (row,) = _rows(loaded, "betrayals")
    assert (row["betrayer"], row["betrayed"], row["mentions"], row["reported"]) == (
        "Russia",
        "Turkey",
        1,
        1,
    )


def test_strongest_alliances(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "strongest_alliances")
    assert [(r["actor_a"], r["actor_b"], r["strength"]) for r in rows] == [
        ("Russia", "Turkey", 2),
        ("Russia", "Syria", 1),
        ("Turkey", "Ukraine", 1),
        ("Ukraine", "United States", 1),
    ]


def test_most_sanctioned_ignores_negated_sanctions(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "most_sanctioned")
    assert len(rows) == 1
    assert rows[0]["target"] == "Russia"
    assert rows[0]["sanctioner_count"] == 2
    assert sorted(rows[0]["sanctioners"]) == ["European Union", "United States"]


def test_leaders_and_what_they_lead(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "leaders")
    assert [(r["leader"], r["roles"], r["leads"]) for r in rows] == [
        ("Recep Tayyip Erdogan", ["President"], "Turkey"),
        ("Vladimir Putin", ["President"], "Russia"),
    ]
    only = _rows(loaded, "leaders", name="moscow")
    assert [r["leader"] for r in only] == ["Vladimir Putin"]


def test_members_of_nato(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "members", name="nato")
    assert [(r["member"], r["status"]) for r in rows] == [("Turkey", "member")]


def test_path_between_two_actors(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "path", source="Vladimir Putin", target="Crimea")
    assert rows[0] == {
        "hops": 2,
        "actors": ["Vladimir Putin", "Russia", "Crimea"],
        "types": ["LEADS", "ANNEXES"],
    }
    assert all(r["hops"] >= 2 for r in rows)


def test_evidence_for_every_type_between_two_actors(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "evidence", source="Russia", target="Turkey")
    assert [r["type"] for r in rows] == ["AGREES_WITH", "BETRAYS", "OPPOSES", "PARTNERS_WITH"]
    assert {r["document"] for r in rows} == {"b.txt"}
    assert [r["sentence"] for r in rows] == [
        DOC_B[0].text,
        DOC_B[1].text,
        DOC_B[2].text,
        DOC_B[2].text,
    ]


def test_contradictions(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "contradictions")
    assert [
        (r["actor"], r["towards"], sorted(r["cooperative"]), sorted(r["conflictual"])) for r in rows
    ] == [
        ("Russia", "Turkey", ["AGREES_WITH", "PARTNERS_WITH"], ["BETRAYS", "OPPOSES"]),
        ("Turkey", "Russia", ["AGREES_WITH", "PARTNERS_WITH"], ["CRITICIZES"]),
    ]
    assert [r["actor"] for r in _rows(loaded, "contradictions", name="ankara")] == ["Turkey"]


def test_cooperation_conflict_balance(loaded: FalkorStore) -> None:
    rows = {
        r["country"]: (r["cooperative"], r["conflictual"], r["balance"])
        for r in _rows(loaded, "balance")
    }
    assert rows["Ukraine"] == (2, 0, 1.0)
    assert rows["Syria"] == (1, 1, 0.0)
    assert rows["Russia"] == (3, 6, pytest.approx(-0.333))
    assert rows["Turkey"] == (3, 4, pytest.approx(-0.143))


def test_relations_by_year(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "relations_by_year")
    assert [(r["year"], r["type"], r["relationships"]) for r in rows] == [
        (2014, "ANNEXES", 1),
        (2014, "SANCTIONS", 1),
        (2016, "AGREES_WITH", 1),
        (2018, "SANCTIONS", 1),
    ]
    crimea = _rows(loaded, "relations_by_year", name="Crimea")
    assert [r["pairs"] for r in crimea] == [["Russia -> Crimea"]]


def test_documents_mentioning(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "documents_mentioning", name="Turkey")
    assert [(r["document"], r["sentences"]) for r in rows] == [("b.txt", 4), ("a.txt", 3)]


def test_most_connected(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "most_connected", limit=2)
    assert [(r["actor"], r["neighbours"], r["relationships"], r["mentions"]) for r in rows] == [
        ("Russia", 7, 11, 11),
        ("Turkey", 6, 10, 10),
    ]


def test_neighbourhood_shows_direction(loaded: FalkorStore) -> None:
    rows = _rows(loaded, "neighbourhood", name="Turkey")
    seen = {(r["direction"], r["type"], r["other"]) for r in rows}
    assert ("both", "AGREES_WITH", "Russia") in seen
    assert ("in", "BETRAYS", "Russia") in seen
    assert ("out", "MEMBER_OF", "NATO") in seen
    assert ("in", "LEADS", "Recep Tayyip Erdogan") in seen
    assert len(rows) == 10


def test_actor_lookup_by_alias(loaded: FalkorStore) -> None:
    (row,) = _rows(loaded, "actor", name="the assad regime")
    assert row["name"] == "Syria"
    assert row["labels"] == ["Country"]
    assert row["iso3"] == "SYR"
    assert row["mentions"] == 2
