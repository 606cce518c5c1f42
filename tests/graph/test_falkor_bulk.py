"""The GRAPH.BULK first load on the REAL embedded FalkorDB: the graph the Cypher path builds,
later loads on top of it, calls split by size, the schema, names kept for clients that cache
them, and a first load killed with SIGKILL then run again. No mocks."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.measure import synthetic_batch
from geokg.errors import StoreError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch, GraphBuilder
from geokg.graph.falkor import FalkorServer, FalkorStore
from geokg.graph.falkor_wire import encode_value
from geokg.schema import (
    EntityLabel,
    EntityNode,
    MemberStatus,
    MentionRecord,
    Modality,
    RelationType,
    SentenceRecord,
    document_id,
)

from .conftest import DATED, DOC_A, DOC_B, batch_of, build_document, dated_batch, eid

ROOT = Path(__file__).resolve().parents[2]
LONG_ID = "country:" + "x" * 1100  # over FalkorDB's index limit: stored as a surrogate


# --- helpers ---------------------------------------------------------------------------------


def _dump(store: FalkorStore) -> tuple[list[str], list[str]]:
    """Every node (labels, properties) and relationship (type, endpoints, properties), sorted:
    two graphs with the same dump hold the same elements the same number of times."""
    nodes = [
        json.dumps([sorted(labels), props], sort_keys=True)
        for labels, props in store.query("MATCH (n) RETURN labels(n), properties(n)").rows
    ]
    edges = [
        json.dumps(row, sort_keys=True)
        for row in store.query(
            "MATCH (a)-[r]->(b) RETURN type(r), labels(a), a.id, labels(b), b.id, properties(r)"
        ).rows
    ]
    return sorted(nodes), sorted(edges)


def _mention(
    source: str, rtype: RelationType, target: str, mid: str, *, doc: str = "z.txt", **fields: Any
) -> tuple[MentionRecord, SentenceRecord]:
    """A mention and its own sentence in document ``doc`` (no document record: the sentence
    alone names it)."""
    sentence = SentenceRecord(
        id=f"s:{mid}",
        doc=doc,
        doc_id=document_id(doc),
        start=0,
        end=30,
        text=f"A constructed sentence {mid}.",
        entity_ids=(source, target),
    )
    mention = MentionRecord(
        id=mid,
        type=rtype,
        source_id=source,
        target_id=target,
        sentence_id=sentence.id,
        doc_id=sentence.doc_id,
        trigger=fields.pop("trigger", "Backs"),
        rule="bulk.v1",
        confidence=fields.pop("confidence", 0.5),
        **fields,
    )
    return mention, sentence


def _with(batch: GraphBatch, *items: tuple[MentionRecord, SentenceRecord]) -> GraphBatch:
    batch.mentions += [m for m, _ in items]
    batch.sentences += [s for _, s in items]
    return batch


def _first_batch() -> GraphBatch:
    """Several documents (two undated, three dated), repeated relationships, aliases, and every
    kind of property and edge case the loader knows."""
    builder = GraphBuilder()
    for name, sentences in (("a.txt", DOC_A), ("b.txt", DOC_B)):
        builder.add_extraction(**build_document(name, sentences))
    for name, date, sentences in DATED[:3]:
        records = build_document(name, sentences)
        records["document"] = records["document"].model_copy(update={"date": date})
        builder.add_extraction(**records)
    batch = builder.batch()
    batch.entities += [
        EntityNode(id=LONG_ID, label=EntityLabel.COUNTRY, name="Long", aliases=["L"], mentions=2),
        EntityNode(id="country:atlantis", label=EntityLabel.COUNTRY, name="Atlantis", iso3="ATL"),
        # no sentence links it: its count stays the record's
        EntityNode(
            id="organization:lonely", label=EntityLabel.ORGANIZATION, name="Lonely", mentions=3
        ),
    ]
    orphan, _ = _mention(eid("Russia"), RelationType.ATTACKS, eid("Syria"), "m-orphan")
    batch.mentions.append(orphan)  # its sentence is nowhere: dropped
    return _with(
        batch,
        _mention(LONG_ID, RelationType.MEMBER_OF, eid("NATO"), "m1", status=MemberStatus.MEMBER),
        _mention("country:atlantis", RelationType.LEADS, eid("Russia"), "m2", role="King"),
        _mention(
            eid("Turkey"),
            RelationType.MEETS,
            "country:atlantis",
            "m3",
            negated=True,
            quoted=True,
            modality=Modality.HEDGED,
            year=1999,
            doc_date="2021-05-04",
            context=True,
        ),
        _mention(eid("Russia"), RelationType.SUPPORTS, eid("Syria"), "m4", trigger="arms\x00"),
        _mention(eid("Russia"), RelationType.OPPOSES, "country:nowhere", "m5"),  # no entity
        _mention(eid("Russia"), RelationType.SUPPORTS, eid("Syria"), "m6", doc="a.txt"),
    )


def _later_batches() -> list[GraphBatch]:
    """Loads on top of the first: the same sentences in a new document, more dated documents,
    new and repeated mentions of existing relationships, and new entities."""
    extra = _with(
        GraphBatch(
            entities=[EntityNode(id="country:atlantis", label=EntityLabel.COUNTRY, name="Atlantis")]
        ),
        _mention("country:atlantis", RelationType.LEADS, eid("Russia"), "m2", role="King"),
        _mention("country:atlantis", RelationType.LEADS, eid("Russia"), "m7", role="Queen"),
        _mention(eid("Russia"), RelationType.SUPPORTS, eid("Syria"), "m8", doc="a.txt"),
        _mention(eid("Ukraine"), RelationType.TRADES_WITH, eid("Crimea"), "m9", year=2001),
    )
    return [
        batch_of(("c.txt", DOC_A)),
        dated_batch("2022-aid.txt", "2024-rift.txt", "undated.txt"),
        extra,
    ]


@pytest.fixture()
def pair(falkor_server: FalkorServer) -> Iterator[tuple[FalkorStore, FalkorStore]]:
    """A store that bulk-loads an empty graph and one that never does, both emptied."""
    with (
        FalkorStore(falkor_server.db_dir, graph="geokg_bulk") as bulk,
        FalkorStore(falkor_server.db_dir, graph="geokg_bulk_ref", bulk=False) as reference,
    ):
        for st in (bulk, reference):
            st.clear()
            st.ensure_schema()
        yield bulk, reference
        for st in (bulk, reference):
            st.clear()


def _bulk_loaded(sent: list[str]) -> bool:
    """Whether a load sent its rows through GRAPH.BULK (no Cypher statement with rows)."""
    return not any(text.startswith("CYPHER rows=") for text in sent)


# --- the same graph as the Cypher path -------------------------------------------------------


def test_bulk_first_load_then_later_loads_equal_the_cypher_path(
    pair: tuple[FalkorStore, FalkorStore], sent: list[str]
) -> None:
    bulk, reference = pair
    first = _first_batch()
    stats = bulk.load(first)
    assert _bulk_loaded(sent)
    assert stats.statements == 1  # one GRAPH.BULK call
    expected = reference.load(first)
    assert (stats.documents, stats.entities, stats.relations) == (
        expected.documents,
        expected.entities,
        expected.relations,
    )
    assert _dump(bulk) == _dump(reference)
    for i, batch in enumerate(_later_batches()):
        sent.clear()
        bulk.load(batch)
        assert not _bulk_loaded(sent), i  # the graph exists: the Cypher path
        reference.load(batch)
        assert _dump(bulk) == _dump(reference), i
    before = _dump(bulk)
    bulk.load(first)
    assert _dump(bulk) == before  # a reload changes nothing


def test_bulk_first_load_stores_every_kind_of_property(
    pair: tuple[FalkorStore, FalkorStore],
) -> None:
    bulk, _ = pair
    bulk.load(_first_batch())
    rows = bulk.query(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id, type(r), b.id, properties(r)"
    ).rows
    rels = {(a, t, b): props for a, t, b, props in rows}
    member = rels[
        (bulk.query("MATCH (e {name: 'Long'}) RETURN e.id").rows[0][0], "MEMBER_OF", eid("NATO"))
    ]
    assert member["status"] == "member"
    assert rels[("country:atlantis", "LEADS", eid("Russia"))]["role"] == "King"
    meets = rels[("country:atlantis", "MEETS", eid("Turkey"))]  # symmetric: endpoints sorted
    assert (meets["negated"], meets["quoted"], meets["hedged"], meets["first_year"]) == (
        1,
        1,
        1,
        1999,
    )
    assert (meets["first_date"], meets["doc_years"], meets["doc_year_counts"]) == (
        "2021-05-04",
        [2021],
        [1],
    )
    supports = rels[(eid("Russia"), "SUPPORTS", eid("Syria"))]
    assert "arms" in supports["cues"]  # the NUL is dropped
    assert supports["polarity"] == "cooperative"
    assert supports["symmetric"] is False
    assert ("Russia", "OPPOSES", "country:nowhere") not in rels
    mention = bulk.query("MATCH (m:Mention {id: 'm3'}) RETURN properties(m)").rows[0][0]
    assert mention["confidence"] == 0.5
    assert mention["context"] is True
    assert mention["modality"] == "hedged"
    assert "role" not in mention  # null: left out, as CREATE leaves it out
    assert bulk.query("MATCH (m:Mention {id: 'm-orphan'}) RETURN count(m)").rows == [[0]]
    lonely = bulk.query("MATCH (e {id: 'organization:lonely'}) RETURN e.mentions, e.doc_count")
    assert lonely.rows == [[3, 0]]
    aliases = bulk.query("MATCH (e:Entity {id: $id}) RETURN e.aliases", {"id": LONG_ID}).rows
    assert aliases == []  # stored under its surrogate id
    doc = bulk.query("MATCH (d:Document {name: 'z.txt'}) RETURN properties(d)").rows[0][0]
    assert set(doc) == {"id", "name"}  # named only by its sentences


def test_bulk_first_load_over_many_calls_equals_one_call(
    pair: tuple[FalkorStore, FalkorStore], falkor_server: FalkorServer
) -> None:
    bulk, reference = pair
    batch = _first_batch()
    bulk.load(batch)
    with FalkorStore(falkor_server.db_dir, graph="geokg_bulk_ref", bulk_bytes=2_000) as split:
        stats = split.load(batch)  # the reference graph is empty: bulk-loaded in small calls
        assert stats.statements > 5
        assert _dump(split) == _dump(bulk)
    assert reference.counts() == bulk.counts()


def test_bulk_refused_call_stops_the_load_and_a_rerun_is_exact(
    pair: tuple[FalkorStore, FalkorStore],
    falkor_server: FalkorServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Calls go out on a sender thread while the next is packed: a call the server refuses
    surfaces as the load's error, no later call is sent, and the next load starts afresh."""
    bulk, _ = pair
    batch = _first_batch()
    bulk.load(batch)
    with FalkorStore(falkor_server.db_dir, graph="geokg_bulk_ref", bulk_bytes=2_000) as split:
        real = split._redis
        calls: list[int] = []

        def refuse_third(*args: Any) -> Any:
            if args[0] == "GRAPH.BULK":
                calls.append(len(calls))
                if len(calls) == 3:
                    raise StoreError("refused on purpose")
            return real(*args)

        monkeypatch.setattr(split, "_redis", refuse_third)
        with pytest.raises(StoreError, match="refused on purpose"):
            split.load(batch)
        assert len(calls) == 3  # nothing sent after the refused call
        monkeypatch.setattr(split, "_redis", real)
        split.load(batch)  # the marker is still "bulk": the partial graph is rebuilt
        assert _dump(split) == _dump(bulk)


def test_bulk_builds_the_schema_and_waits_for_it(pair: tuple[FalkorStore, FalkorStore]) -> None:
    bulk, _ = pair
    bulk.load(_first_batch())
    indexes = bulk.query(cypher.falkor_index_states()).rows
    assert {(label, p) for label, props, *_ in indexes for p in props} == set(
        cypher.falkor_indexes()
    )
    assert {row[4] for row in indexes} == {"OPERATIONAL"}
    constraints = bulk.query(cypher.falkor_list_constraints()).rows
    assert {(row[1], row[3]) for row in constraints} == {
        (label, "OPERATIONAL") for label in (cypher.ENTITY, cypher.DOCUMENT, cypher.SENTENCE)
    }
    assert bulk._redis("EXISTS", bulk._bulk_mark) == 0
    with pytest.raises(StoreError, match="unique constraint"):
        bulk.query("CREATE (:Entity {id: $id})", {"id": eid("Russia")})


def test_bulk_only_into_an_empty_graph_with_geokg_schema_alone(
    pair: tuple[FalkorStore, FalkorStore], sent: list[str]
) -> None:
    bulk, _ = pair
    bulk.query("CREATE (:Entity {id: 'country:first'})")
    bulk.load(batch_of(("a.txt", DOC_A)))
    assert not _bulk_loaded(sent)  # a node exists
    assert bulk.query("MATCH (e {id: 'country:first'}) RETURN count(e)").rows == [[1]]
    bulk.clear()
    bulk.query(cypher.falkor_create_index(cypher.MENTION, "doc_id"))  # not geokg's index
    sent.clear()
    bulk.load(batch_of(("a.txt", DOC_A)))
    assert not _bulk_loaded(sent)
    labels = {label for label, *_ in bulk.query(cypher.falkor_index_states()).rows}
    assert cypher.MENTION in labels  # the user's index is still there
    bulk.query(f"DROP INDEX ON :{cypher.MENTION}(doc_id)")


def test_bulk_load_keeps_the_ids_of_names_a_client_has_cached(
    pair: tuple[FalkorStore, FalkorStore], falkor_server: FalkorServer
) -> None:
    """A cleared graph keeps its labels and types; the bulk load registers them in the same
    order, so a client that decoded results before still decodes them right."""
    bulk, _ = pair
    bulk.load(batch_of(("a.txt", DOC_A), ("b.txt", DOC_B)))
    statement = "MATCH (a)-[r]->(b) RETURN a, r, b ORDER BY a.id, type(r), b.id"
    with FalkorStore(falkor_server.db_dir, graph="geokg_bulk") as other:
        assert other.query(statement).rows  # its client now caches label and type ids
        bulk.clear()
        bulk.load(dated_batch())  # fewer labels and types, met in another order
        with FalkorStore(falkor_server.db_dir, graph="geokg_bulk") as fresh:
            expected = fresh.query(statement).rows
        assert other.query(statement).rows == expected


def test_bulk_schema_waits_while_another_process_sends_a_first_load(
    pair: tuple[FalkorStore, FalkorStore],
) -> None:
    """While the marker says ``bulk``, ensure_schema leaves the graph alone (it would index a
    graph being built); the next load finds the marker, starts afresh and builds it."""
    bulk, reference = pair
    bulk._redis("SET", bulk._bulk_mark, "bulk")
    bulk._redis("DEL", bulk.graph_name)
    bulk.ensure_schema()
    assert bulk._redis("EXISTS", bulk.graph_name) == 0
    batch = batch_of(("a.txt", DOC_A))
    bulk.load(batch)
    reference.load(batch)
    assert _dump(bulk) == _dump(reference)
    assert bulk._redis("EXISTS", bulk._bulk_mark) == 0
    assert {row[4] for row in bulk.query(cypher.falkor_index_states()).rows} == {"OPERATIONAL"}


def test_bulk_value_encoding() -> None:
    assert encode_value(None) == b"\x00"
    assert encode_value(True) == b"\x01\x01"
    assert encode_value(False) == b"\x01\x00"
    assert encode_value(0.5) == b"\x02" + struct.pack("=d", 0.5)
    assert encode_value("ab\x00c") == b"\x03abc\x00"
    assert encode_value(-2) == b"\x04" + (-2).to_bytes(8, sys.byteorder, signed=True)
    assert encode_value(["x", 1]) == (
        b"\x05" + (2).to_bytes(8, sys.byteorder) + b"\x03x\x00\x04" + (1).to_bytes(8, sys.byteorder)
    )
    assert encode_value(Modality.HEDGED) == b"\x03hedged\x00"
    with pytest.raises(TypeError):
        encode_value({"a": 1})


def test_bulk_property_names_match_the_cypher_statements() -> None:
    def names(statement: str, pattern: str) -> set[str]:
        return set(re.findall(pattern, statement))

    rows = r"(\w+): row\[\d+\]"
    assert names(cypher.falkor_create_entities(EntityLabel.COUNTRY), rows) == set(
        cypher.ENTITY_PROPS
    )
    assert names(cypher.falkor_create_sentences(), rows) == set(cypher.SENTENCE_PROPS)
    assert names(cypher.merge_documents(), r"d\.(\w+) = ") | {"id"} == set(cypher.DOCUMENT_PROPS)
    create = cypher.falkor_create_relations(RelationType.SUPPORTS)
    mention = create.split(f"(x:{cypher.MENTION} {{", 1)[1].split("})", 1)[0]
    assert names(mention, r"(\w+): ") == set(cypher.MENTION_PROPS)
    for rtype in RelationType:
        heads = names(cypher.falkor_create_relations(rtype), r"(\w+): head\(row\[\d+\]\)")
        expected = cypher.RELATION_HEADS.get(rtype)
        assert heads == ({expected[0]} if expected else set()), rtype
        if expected:
            assert f"{expected[0]}: head({cypher._row_field(expected[1])})" in (
                cypher.falkor_create_relations(rtype)
            )


# --- crash safety ----------------------------------------------------------------------------

_CHILD = """
import os, signal, sys
from pathlib import Path
from bench.measure import synthetic_batch
from geokg.graph.falkor import FalkorStore

db, graph, phase, after = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if phase == "bulk":  # killed right after the reply of the n-th GRAPH.BULK call
    check, seen = FalkorStore._check, [0]

    def check_then_die(reply, statement):
        check(reply, statement)
        seen[0] += 1
        if seen[0] >= after:
            os.kill(os.getpid(), signal.SIGKILL)

    FalkorStore._check = staticmethod(check_then_die)
else:  # killed when every call is in, before the schema is built
    FalkorStore._build_schema = lambda self, **kw: os.kill(os.getpid(), signal.SIGKILL)
store = FalkorStore(Path(db), graph=graph, bulk_bytes=20_000, keep_running=True)
store.ensure_schema()
store.load(synthetic_batch(%d, nodes=300))
"""
_EDGES = 1_500


@pytest.mark.parametrize(("phase", "after"), [("bulk", 2), ("bulk", 6), ("schema", 0)])
def test_bulk_first_load_killed_then_run_again_is_exact(
    falkor_server: FalkorServer, phase: str, after: int
) -> None:
    batch = synthetic_batch(_EDGES, nodes=300)
    with (
        FalkorStore(falkor_server.db_dir, graph="geokg_bulk_kill") as store,
        FalkorStore(falkor_server.db_dir, graph="geokg_bulk_clean", bulk=False) as clean,
    ):
        for st in (store, clean):
            st.clear()
            st.ensure_schema()
        try:
            clean.load(batch)
            expected = _dump(clean)
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            args = [str(store.db_dir), "geokg_bulk_kill", phase, str(after)]
            child = subprocess.run(
                [sys.executable, "-c", _CHILD % _EDGES, *args],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert child.returncode == -9, child.stderr
            assert store._redis("GET", store._bulk_mark) == phase
            nodes = store.query(cypher.count_nodes()).rows[0][0]
            if phase == "bulk":
                assert 0 < nodes < len(expected[0])  # an incomplete graph
            else:
                assert nodes == len(expected[0])  # complete, without its schema
                assert store.query(cypher.falkor_index_states()).rows == []
            stats = store.load(batch)
            assert _dump(store) == expected
            assert stats.relations == _EDGES
            assert store._redis("EXISTS", store._bulk_mark) == 0
            assert store.counts()["nodes"]["Mention"] == _EDGES  # nothing twice
            assert {row[4] for row in store.query(cypher.falkor_index_states()).rows} == {
                "OPERATIONAL"
            }
        finally:
            store._redis("DEL", store._bulk_mark)
            store.clear()
            clean.clear()
