"""Time on the graph: document dates on mentions and relationships, exact under reload and
in any load order, and the questions of change (timeline, shifts, breaks, date filters) on
the dated corpus of ``conftest.DATED``, in the REAL embedded FalkorDB."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from geokg.errors import ConfigError
from geokg.graph.build import GraphBuilder
from geokg.graph.export import ARRAY_DELIMITER, export_graph, read_graph
from geokg.graph.falkor import FalkorServer, FalkorStore
from geokg.graph.queries import get_query, run_query
from geokg.graph.view_data import graph_from_batch, view_data
from geokg.schema import RelationEdge, RelationType

from .conftest import dated_batch, eid
from .test_falkor import _merge_load, _snapshot


def _edge(edges: list[RelationEdge], source: str, rtype: str, target: str) -> RelationEdge:
    (edge,) = [
        e
        for e in edges
        if (e.source_id, e.type, e.target_id) == (eid(source), RelationType(rtype), eid(target))
    ]
    return edge


def _time(props: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(props.get(f) for f in ("first_date", "last_date", "doc_years", "doc_year_counts"))


def _times(store: FalkorStore) -> dict[tuple[str, str, str], tuple[Any, ...]]:
    return {
        (r["source_id"], r["type"], r["target_id"]): (r["props"]["mentions"], *_time(r["props"]))
        for r in read_graph(store).relations
    }


def _rows(store: FalkorStore, query: str, /, **params: Any) -> list[dict[str, Any]]:
    return run_query(store, query, params).records()


def test_time_builder_gives_mentions_their_document_date() -> None:
    batch = dated_batch()
    dates = {m.doc_id: m.doc_date for m in batch.mentions}
    by_name = {d.name: d for d in batch.documents}
    assert dates[by_name["2020-deal.txt"].id] == "2020-06"
    assert dates[by_name["undated.txt"].id] is None


def test_time_builder_counts_mentions_per_document_year() -> None:
    edges = dated_batch().relations
    supports = _edge(edges, "Russia", "SUPPORTS", "Syria")
    assert supports.mentions == 3  # 2019, 2023 and the undated document
    assert (supports.first_date, supports.last_date) == ("2019-03-10", "2023-02-01")
    assert (supports.doc_years, supports.doc_year_counts) == ([2019, 2023], [1, 1])
    breaks = _edge(edges, "Turkey", "BREAKS_WITH", "Russia")
    assert (breaks.first_date, breaks.last_date, breaks.doc_years) == ("2024", "2024", [2024])
    assert breaks.doc_year_counts == [1]  # the undated mention counts in mentions only
    assert breaks.mentions == 2


def test_time_builder_years_stay_sorted_whatever_the_order() -> None:
    builder = GraphBuilder()
    for name in ("2024-rift.txt", "2020-deal.txt", "2023-turn.txt", "2019-gas.txt"):
        for m in dated_batch(name).mentions:
            builder.add_mention(m)
    critic = _edge(builder.batch().relations, "Turkey", "CRITICIZES", "Russia")
    assert (critic.doc_years, critic.doc_year_counts) == ([2020, 2023], [1, 1])


def test_time_store_holds_the_builders_time_properties(store: FalkorStore) -> None:
    batch = dated_batch()
    store.load(batch)
    stored = {
        (r["source_id"], r["type"], r["target_id"]): r["props"] for r in read_graph(store).relations
    }
    for edge in batch.relations:
        props = stored[(edge.source_id, edge.type.value, edge.target_id)]
        expected = (edge.first_date, edge.last_date, edge.doc_years, edge.doc_year_counts)
        got = _time(props)
        if edge.first_date is None:
            assert got[:2] == (None, None), edge
            assert not got[2] and not got[3], edge
        else:
            assert got == expected, edge
    dated = store.query("MATCH (m:Mention) WHERE m.doc_date IS NOT NULL RETURN count(m)").rows
    assert dated == [[sum(1 for m in batch.mentions if m.doc_date is not None)]]


@pytest.mark.parametrize(
    "order",
    [
        ("2024-rift.txt", "2019-gas.txt", "2023-turn.txt", "2020-deal.txt"),
        ("2019-gas.txt", "2020-deal.txt", "undated.txt", "2024-rift.txt", "2023-turn.txt"),
    ],
)
def test_time_fast_path_equals_merge_statements_in_any_order(
    store: FalkorStore, falkor_server: FalkorServer, order: tuple[str, ...]
) -> None:
    """Years inserted before, between and after stored ones; reloads change nothing."""
    with FalkorStore(falkor_server.db_dir, graph="geokg_time_ref") as reference:
        reference.clear()
        reference.ensure_schema()
        try:
            for name in (*order, order[0], *order):
                store.load(dated_batch(name))
                _merge_load(reference, dated_batch(name))
                assert _snapshot(store) == _snapshot(reference), name
            one_by_one = _times(store)
            reference.clear()
            reference.ensure_schema()
            reference.load(dated_batch(*order))
            assert _times(reference) == one_by_one  # (cue samples keep first-seen order)
        finally:
            reference.clear()
    props = {(r["source_id"], r["type"]): r["props"] for r in read_graph(store).relations}
    critic = props[(eid("Turkey"), "CRITICIZES")]
    assert _time(critic) == ("2020-06", "2023-02-01", [2020, 2023], [1, 1])


def test_time_relationship_with_many_mentions_in_one_year_counts_exactly(
    store: FalkorStore,
) -> None:
    batch = dated_batch("2019-gas.txt")
    (mention,) = [m for m in batch.mentions if m.type is RelationType.SUPPORTS]
    extra = [
        mention.model_copy(update={"id": f"{mention.id}-{i}", "doc_date": f"2019-0{1 + i % 9}"})
        for i in range(1200)
    ]
    batch.mentions += extra
    store.batch_size = 500  # several statements raise the same relationship's counts
    store.load(batch)
    store.load(batch)
    (row,) = store.query(
        "MATCH (:Entity {id: $a})-[r:SUPPORTS]->(:Entity {id: $b}) "
        "RETURN r.mentions, r.doc_years, r.doc_year_counts, r.first_date, r.last_date",
        {"a": eid("Russia"), "b": eid("Syria")},
    ).rows
    assert row == [1201, [2019], [1201], "2019-01", "2019-09"]


# --- queries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,params",
    [
        ("timeline", {"a": "Russia", "b": "Turkey"}),
        ("shifts", {"from": "2019", "to": "2025"}),
        ("breaks", {}),
    ],
)
def test_time_queries_return_rows_on_dated_text(
    dated_store: FalkorStore, name: str, params: dict[str, Any]
) -> None:
    result = run_query(dated_store, name, params)
    assert result.rows, name
    assert len(set(result.columns)) == len(result.columns)


def test_time_shifts_finds_both_turns(dated_store: FalkorStore) -> None:
    rows = _rows(dated_store, "shifts", **{"from": 2019, "to": "2025"})
    got = [
        (
            r["actor_a"],
            r["actor_b"],
            r["a_balance"],
            r["b_balance"],
            r["a_mentions"],
            r["b_mentions"],
            r["shift"],
        )
        for r in rows
    ]
    assert got == [
        # A 2019-2021: partners, deal, criticism; B 2022-2025: criticism, opposition,
        # betrayal, break (the denied attack does not count)
        ("Russia", "Turkey", 1, -4, 3, 4, "toward conflict"),
        ("Ukraine", "United States", -1, 2, 1, 2, "toward cooperation"),
    ]
    assert (rows[0]["period_a"], rows[0]["period_b"]) == ("[2019, 2022)", "[2022, 2025]")
    assert (rows[0]["first_date"], rows[0]["last_date"]) == ("2019-03-10", "2024")


def test_time_shifts_with_an_explicit_split(dated_store: FalkorStore) -> None:
    # B from 2020-06: A holds only the 2019 partnership, and no US-Ukraine mention
    rows = _rows(dated_store, "shifts", **{"from": "2019", "to": "2024", "split": "2020-06"})
    got = [
        (r["actor_a"], r["actor_b"], r["a_balance"], r["b_balance"], r["b_mentions"]) for r in rows
    ]
    assert got == [("Russia", "Turkey", 1, -4, 6)]


def test_time_timeline_by_year_and_month(dated_store: FalkorStore) -> None:
    rows = _rows(dated_store, "timeline", a="Turkey", b="moscow")
    got = [(r["period"], r["type"], r["source"], r["mentions"], r["negated"]) for r in rows]
    assert got == [
        ("2019", "PARTNERS_WITH", "Russia", 1, 0),
        ("2020", "CRITICIZES", "Turkey", 1, 0),
        ("2020", "AGREES_WITH", "Russia", 1, 0),
        ("2023", "CRITICIZES", "Turkey", 1, 0),
        ("2023", "OPPOSES", "Turkey", 1, 0),
        ("2024", "ATTACKS", "Russia", 1, 1),
        ("2024", "BETRAYS", "Russia", 1, 0),
        ("2024", "BREAKS_WITH", "Turkey", 1, 0),
    ]
    months = _rows(dated_store, "timeline", a="Russia", b="Turkey", by="month", to="2023")
    assert [r["period"] for r in months] == ["2019-03", "2020-06", "2020-06", "2023-02", "2023-02"]


def test_time_betrayals_and_breaks_carry_dates_and_take_filters(dated_store: FalkorStore) -> None:
    (betrayal,) = _rows(dated_store, "betrayals")
    assert (betrayal["betrayer"], betrayal["first_date"], betrayal["last_date"]) == (
        "Russia",
        "2024",
        "2024",
    )
    (brk,) = _rows(dated_store, "breaks")
    assert (brk["source"], brk["target"], brk["mentions"]) == ("Turkey", "Russia", 2)
    assert (brk["first_date"], brk["last_date"]) == ("2024", "2024")
    (dated,) = _rows(dated_store, "breaks", **{"from": "2024"})
    assert dated["mentions"] == 1  # the undated break is left out by a date filter
    assert _rows(dated_store, "betrayals", to="2023-12-31") == []


@pytest.mark.parametrize(
    "bounds,expected",
    [
        ({}, [("Syria", 3), ("Turkey", 2)]),
        ({"from": "2020"}, [("Syria", 1), ("Turkey", 1)]),
        ({"to": "2019"}, [("Syria", 1), ("Turkey", 1)]),
        ({"from": "2019-04", "to": "2022"}, [("Turkey", 1)]),
        ({"from": "2025"}, []),
    ],
)
def test_time_partners_date_filters(
    dated_store: FalkorStore, bounds: dict[str, str], expected: list[tuple[str, int]]
) -> None:
    rows = _rows(dated_store, "partners", name="Russia", **bounds)
    assert [(r["partner"], r["mentions"]) for r in rows] == expected


def test_time_opponents_balance_and_evidence_filters(dated_store: FalkorStore) -> None:
    opp = _rows(dated_store, "opponents", name="Russia", **{"from": "2023"})
    assert [(r["opponent"], sorted(r["types"]), r["mentions"]) for r in opp] == [
        ("Turkey", ["BETRAYS", "BREAKS_WITH", "CRITICIZES", "OPPOSES"], 4)
    ]
    balance = {
        r["country"]: (r["cooperative"], r["conflictual"])
        for r in _rows(dated_store, "balance", to="2020")
    }
    assert balance["Turkey"] == (2, 1)
    assert balance["Ukraine"] == (0, 1)
    evidence = _rows(dated_store, "evidence", source="Russia", target="Syria", **{"from": "2020"})
    assert [(r["document"], r["date"]) for r in evidence] == [("2023-turn.txt", "2023-02-01")]
    everything = _rows(dated_store, "evidence", source="Russia", target="Syria")
    assert sorted(r["date"] or "" for r in everything) == ["", "2019-03-10", "2023-02-01"]


def test_time_documents_and_neighbourhood_filters(dated_store: FalkorStore) -> None:
    docs = _rows(dated_store, "documents_mentioning", name="Syria", to="2022")
    assert [(r["document"], r["date"]) for r in docs] == [("2019-gas.txt", "2019-03-10")]
    near = _rows(dated_store, "neighbourhood", name="Syria", **{"from": "2023"})
    assert [(r["type"], r["mentions"], r["first_date"], r["last_date"]) for r in near] == [
        ("SUPPORTS", 1, "2023-02-01", "2023-02-01")
    ]
    whole = _rows(dated_store, "neighbourhood", name="Syria")
    assert [(r["mentions"], r["first_date"], r["last_date"]) for r in whole] == [
        (3, "2019-03-10", "2023-02-01")
    ]


@pytest.mark.parametrize("bad", ["2019-13", "19", "2019/01", "May 2019", "2019-02-32", True])
def test_time_date_parameters_are_checked(bad: object) -> None:
    with pytest.raises(ConfigError, match="from"):
        get_query("partners").bind({"name": "Russia", "from": bad})


def test_time_date_parameters_accept_years_as_numbers() -> None:
    assert get_query("shifts").bind({"from": 2019, "to": "2025-06"})["from"] == "2019"


# --- exports ------------------------------------------------------------------------------


@pytest.fixture()
def replay(falkor_server: FalkorServer) -> Iterator[FalkorStore]:
    """A second, empty graph on the same server."""
    with FalkorStore(falkor_server.db_dir, graph="geokg_time_replay") as st:
        st.clear()
        st.ensure_schema()
        yield st
        st.clear()


def test_time_cypher_script_and_snapshot_reload_keep_the_time(
    dated_store: FalkorStore, replay: FalkorStore, tmp_path: Path
) -> None:
    text = export_graph(dated_store, "cypher", tmp_path / "g.cypher").read_text("utf-8")
    body = "".join(line + "\n" for line in text.splitlines() if not line.startswith("//"))
    for statement in (s.strip() for s in body.split(";\n") if s.strip()):
        if not statement.startswith("CREATE "):  # the Neo4j DDL; the fixture made the schema
            replay.query(statement)
    assert _times(replay) == _times(dated_store)
    assert read_graph(replay).mentions == read_graph(dated_store).mentions
    replay.clear()
    replay.load(read_graph(dated_store).to_batch())
    assert _times(replay) == _times(dated_store)


def test_time_neo4j_import_csv_carries_the_time(dated_store: FalkorStore, tmp_path: Path) -> None:
    out = export_graph(dated_store, "neo4j-import", tmp_path / "csv")
    with (out / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    for column in ("first_date", "last_date", "doc_years:long[]", "doc_year_counts:long[]"):
        assert column in header
    supports = [
        dict(zip(header, r, strict=True))
        for r in rows
        if r[:3] == [eid("Russia"), eid("Syria"), "SUPPORTS"]
    ]
    assert [(s["first_date"], s["last_date"]) for s in supports] == [("2019-03-10", "2023-02-01")]
    assert supports[0]["doc_years:long[]"].split(ARRAY_DELIMITER) == ["2019", "2023"]
    assert supports[0]["doc_year_counts:long[]"].split(ARRAY_DELIMITER) == ["1", "1"]
    with (out / "evidence.csv").open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    dates = sorted(dict(zip(header, r, strict=True))["doc_date"] for r in rows)
    assert dates[0] == ""  # the undated document's mentions
    assert dates[-1] == "2024"


def test_time_graphml_and_json_carry_the_time(dated_store: FalkorStore, tmp_path: Path) -> None:
    key = (eid("Russia"), eid("Syria"), "SUPPORTS")
    graphml = nx.read_graphml(
        export_graph(dated_store, "graphml", tmp_path / "g.graphml"), force_multigraph=True
    )
    edge = graphml.edges[key]
    assert (edge["first_date"], edge["last_date"]) == ("2019-03-10", "2023-02-01")
    assert json.loads(edge["doc_years"]) == [2019, 2023]
    assert json.loads(edge["doc_year_counts"]) == [1, 1]
    data = json.loads(export_graph(dated_store, "json", tmp_path / "g.json").read_text("utf-8"))
    (link,) = [e for e in data["edges"] if (e["source"], e["target"], e["key"]) == key]
    assert (link["doc_years"], link["doc_year_counts"]) == ([2019, 2023], [1, 1])
    assert {m["doc_date"] for m in data["graph"]["mentions"]} >= {"2019-03-10", None}


def test_time_html_view_data_lists_the_dates_of_each_relationship() -> None:
    data = view_data(graph_from_batch(dated_batch()))
    assert data["dates"] == ["2019-03-10", "2020-06", "2022-09-15", "2023-02-01", "2024"]
    rels = {r["key"]: r for r in data["relationships"]}
    supports = rels[f"{eid('Russia')}|SUPPORTS|{eid('Syria')}"]
    assert supports["dates"] == ["2019-03-10", "2023-02-01"]  # the undated mention adds none
    assert (supports["firstDate"], supports["lastDate"]) == ("2019-03-10", "2023-02-01")
    undated = view_data(graph_from_batch(dated_batch("undated.txt")))
    assert undated["dates"] == []
    assert all(r["dates"] == [] for r in undated["relationships"])
