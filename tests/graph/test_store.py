"""geokg.graph.store: the loader plan (what every store sends), counts folding, open_store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from geokg.errors import StoreUnavailableError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.registry import open_store
from geokg.graph.store import (
    MENTIONS_PER_ROW,
    LoadStats,
    QueryResult,
    chunked,
    fold_counts,
    load_plan,
)
from geokg.schema import (
    EntityLabel,
    EntityNode,
    MentionRecord,
    Modality,
    RelationType,
    SentenceRecord,
)


def test_load_plan_orders_steps_and_uses_one_statement_per_label_and_type(
    batch_ab: GraphBatch,
) -> None:
    kinds = [step.kind for step in load_plan(batch_ab)]
    assert kinds == [
        "documents",
        "entities:Country",
        "entities:Leader",
        "entities:Organization",
        "entities:Place",
        "sentences",
        "mentions",
        "relations:LEADS",
        "relations:MEMBER_OF",
        "relations:PARTNERS_WITH",
        "relations:MEETS",
        "relations:AGREES_WITH",
        "relations:SUPPORTS",
        "relations:OPPOSES",
        "relations:CRITICIZES",
        "relations:SANCTIONS",
        "relations:ATTACKS",
        "relations:ANNEXES",
        "relations:BETRAYS",
        "entity_mentions",
    ]


def test_load_plan_statements_come_from_the_cypher_module(batch_ab: GraphBatch) -> None:
    for step in load_plan(batch_ab):
        family, _, name = step.kind.partition(":")
        if family == "entities":
            assert step.statement == cypher.merge_entities(EntityLabel(name))
        if family == "relations":
            assert step.statement == cypher.merge_relations(RelationType(name))


def test_load_plan_relation_row_carries_its_mentions_and_type_metadata(
    batch_ab: GraphBatch,
) -> None:
    step = next(s for s in load_plan(batch_ab) if s.kind == "relations:AGREES_WITH")
    (row,) = step.rows
    assert row["source_id"] == "country:russia"
    assert row["target_id"] == "country:turkey"
    assert row["polarity"] == "cooperative"
    assert row["symmetric"] is True
    assert set(row) == {"source_id", "target_id", "doc_id", "polarity", "symmetric", "mentions"}
    (mention,) = row["mentions"]
    assert mention["year"] == 2016
    assert mention["modality"] == "asserted"
    assert set(mention) == {"id", "sentence_id"} | set(cypher.MENTION_FIELDS) - {"doc_id"}


def _mention(
    mid: str, source: str, target: str, *, doc: str = "doc:1", **kw: object
) -> MentionRecord:
    return MentionRecord(
        id=mid,
        type=kw.pop("type", RelationType.MEETS),  # type: ignore[arg-type]
        source_id=source,
        target_id=target,
        sentence_id="sent:1",
        doc_id=doc,
        trigger=str(kw.pop("trigger", "met")),
        rule="r.v1",
        confidence=0.5,
        **kw,  # type: ignore[arg-type]
    )


def test_load_plan_collapses_repeated_keys_and_sorts_symmetric_pairs() -> None:
    batch = GraphBatch(
        entities=[
            EntityNode(id="country:a", label=EntityLabel.COUNTRY, name="A", aliases=["x"]),
            EntityNode(id="country:a", label=EntityLabel.COUNTRY, name="A", aliases=["y", "x"]),
            EntityNode(id="country:b", label=EntityLabel.COUNTRY, name="B"),
        ],
        mentions=[
            _mention("m1", "country:b", "country:a"),
            _mention("m2", "country:a", "country:b", modality=Modality.HEDGED),
            _mention("m1", "country:b", "country:a"),
            _mention("m3", "country:a", "country:b", doc="doc:2"),
        ],
    )
    steps = {s.kind: s for s in load_plan(batch)}
    (entity_a, _entity_b) = steps["entities:Country"].rows
    assert entity_a["aliases"] == ["x", "y"]
    one, two = steps["relations:MEETS"].rows  # one row per relationship and document
    assert (one["source_id"], one["target_id"]) == ("country:a", "country:b")
    assert (two["source_id"], two["target_id"]) == ("country:a", "country:b")
    assert (one["doc_id"], two["doc_id"]) == ("doc:1", "doc:2")
    assert [m["id"] for m in one["mentions"]] == ["m1", "m2"]
    assert [m["modality"] for m in one["mentions"]] == ["asserted", "hedged"]


def test_load_plan_splits_a_relationship_with_many_mentions_over_rows() -> None:
    mentions = [_mention(f"m{i}", "country:a", "country:b") for i in range(MENTIONS_PER_ROW + 3)]
    (step,) = [s for s in load_plan(GraphBatch(mentions=mentions)) if s.kind.startswith("rel")]
    assert [len(r["mentions"]) for r in step.rows] == [MENTIONS_PER_ROW, 3]


def test_load_plan_drops_nul_characters_from_text() -> None:
    batch = GraphBatch(
        entities=[
            EntityNode(id="group:x", label=EntityLabel.GROUP, name="a\x00b", aliases=["c\x00"])
        ],
        sentences=[
            SentenceRecord(
                id="sent:1",
                doc="d",
                doc_id="doc:1",
                start=0,
                end=3,
                text="x\x00y",
                entity_ids=("group:x",),
            )
        ],
        mentions=[
            _mention("m", "group:x", "group:x", type=RelationType.ATTACKS, trigger="hit\x00")
        ],
    )
    steps = {s.kind: s for s in load_plan(batch)}
    assert steps["entities:Group"].rows[0]["name"] == "ab"
    assert steps["entities:Group"].rows[0]["aliases"] == ["c"]
    assert steps["sentences"].rows[0]["text"] == "xy"
    assert steps["relations:ATTACKS"].rows[0]["mentions"][0]["trigger"] == "hit"


def test_load_plan_refreshes_mentions_of_every_touched_entity(batch_ab: GraphBatch) -> None:
    step = load_plan(batch_ab)[-1]
    assert step.kind == "entity_mentions"
    assert {r["id"] for r in step.rows} == {n.id for n in batch_ab.entities}


def test_load_plan_of_an_empty_batch_is_empty() -> None:
    assert load_plan(GraphBatch()) == []


def test_chunked_slices_rows() -> None:
    rows: list[dict[str, Any]] = [{"i": i} for i in range(5)]
    assert [len(c) for c in chunked(rows, 2)] == [2, 2, 1]
    with pytest.raises(ValueError):
        list(chunked(rows, 0))


def test_fold_counts_counts_each_label_and_totals() -> None:
    counts = fold_counts(
        [[["Entity", "Country"], 3], [["Sentence"], 2]], [["SUPPORTS", 4], ["IN", 2]]
    )
    assert counts == {
        "nodes": {"Country": 3, "Entity": 3, "Sentence": 2},
        "relationships": {"IN": 2, "SUPPORTS": 4},
        "total_nodes": 5,
        "total_relationships": 6,
    }


def test_query_result_records_and_columns() -> None:
    result = QueryResult(["a", "b"], [[1, "x"], [2, "y"]])
    assert result.records() == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert result.column("b") == ["x", "y"]
    assert len(result) == 2


def test_load_stats_rate() -> None:
    assert LoadStats(relations=100, seconds=2.0).relations_per_second == 50.0
    assert LoadStats(relations=100, seconds=0.0).relations_per_second == 0.0


def test_open_store_neo4j_without_password_is_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreUnavailableError, match="NEO4J_PASSWORD"):
        open_store(neo4j_uri="neo4j://localhost:7687")


def test_open_store_neo4j_takes_password_and_user_from_env(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}

    class Recorder:
        def __init__(
            self, uri: str, user: str, password: str, database: str | None, **kwargs: Any
        ) -> None:
            seen.update(uri=uri, user=user, password=password, database=database, **kwargs)

    monkeypatch.setattr("geokg.graph.neo4j_store.Neo4jStore", Recorder)
    monkeypatch.setenv("NEO4J_PASSWORD", "pw-from-env")
    monkeypatch.setenv("NEO4J_USER", "analyst")
    open_store(neo4j_uri="bolt://db:7687", neo4j_database="news", batch_size=10)
    assert seen == {
        "uri": "bolt://db:7687",
        "user": "analyst",
        "password": "pw-from-env",
        "database": "news",
        "batch_size": 10,
    }
    open_store(neo4j_uri="bolt://db:7687", neo4j_user="explicit")
    assert seen["user"] == "explicit"


def test_open_store_defaults_to_the_embedded_database(tmp_path: Path) -> None:
    from geokg.graph.falkor import FalkorStore

    with open_store(db_dir=tmp_path / "db") as store:
        assert isinstance(store, FalkorStore)
        assert store.dialect == "falkordb"
        assert store.db_dir == (tmp_path / "db").absolute()
        assert store.counts()["total_nodes"] == 0


def test_open_store_reports_an_unusable_folder_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailableError) as info:
        open_store(db_dir=blocker / "db")
    assert "cannot create database folder" in str(info.value)
    assert info.value.code == "E301"


def test_store_contract_imports_no_store_module() -> None:
    import ast
    import inspect

    from geokg.graph import store

    imported: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(store))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {m for m in imported if "falkor" in m or "neo4j" in m or "registry" in m}


def test_mention_values_follow_mention_fields_in_order() -> None:
    from geokg.graph.store import mention_values
    from geokg.schema import MemberStatus, MentionRecord, Modality, RelationType

    m = MentionRecord(
        id="m:1",
        type=RelationType.MEMBER_OF,
        source_id="country:chile",
        target_id="organization:mercosur",
        sentence_id="s:1",
        doc_id="doc:1",
        doc_date="2024-05-01",
        modality=Modality.HEDGED,
        negated=True,
        quoted=True,
        year=2023,
        trigger="jo\x00ined",
        rule="member_verb.v1",
        confidence=0.7,
        role="founder",
        status=MemberStatus.APPLICANT,
        context=True,
    )
    expected = {
        name: getattr(m, name).value if name in ("modality", "status") else getattr(m, name)
        for name in cypher.MENTION_FIELDS
    }
    expected["trigger"] = "joined"  # NUL dropped, as FalkorDB cannot take it
    assert dict(zip(cypher.MENTION_FIELDS, mention_values(m), strict=True)) == expected
