"""The embedded store on the REAL FalkorDB: server security and lifecycle, idempotent loading,
incremental loading, evidence, hostile strings, errors. No mocks."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
import redis
from falkordb.helpers import stringify_param_value
from redis.backoff import NoBackoff
from redis.retry import Retry

from geokg.errors import StoreError, StoreUnavailableError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.export import read_graph
from geokg.graph.falkor import FalkorServer, FalkorStore, index_safe_rows, rows_param
from geokg.graph.falkor_load import MENTION_STATEMENT_FACTOR
from geokg.graph.queries import run_query
from geokg.graph.store import chunked, load_plan
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

from .conftest import DOC_A, DOC_B, batch_of, eid


@pytest.fixture()
def short_dir() -> Iterator[Path]:
    """A fresh short folder (unix socket paths are limited to ~100 bytes)."""
    with tempfile.TemporaryDirectory(prefix="gkf") as tmp:
        yield Path(tmp)


@pytest.fixture()
def own_server(short_dir: Path) -> Iterator[FalkorServer]:
    """A server of its own, stopped at the end whatever the test did."""
    server = FalkorServer(short_dir / "db")
    yield server
    server.stop()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- server: security ------------------------------------------------------------------------


def test_falkor_server_files_are_private(own_server: FalkorServer) -> None:
    assert own_server.start() is True
    db = own_server.db_dir
    assert _mode(db) == 0o700
    assert stat.S_ISSOCK(own_server.socket.stat().st_mode)
    assert _mode(own_server.socket) == 0o700
    for name in ("password", "falkordb.conf", "falkordb.pid", "falkordb.log"):
        assert _mode(db / name) == 0o600, name
    with FalkorStore(db) as store:
        store.query("CREATE (:Entity {id: 'x'})")
    own_server.stop()
    assert _mode(db / "geokg.rdb") == 0o600


def test_falkor_server_has_no_tcp_listener(own_server: FalkorServer) -> None:
    own_server.start()
    conn = redis.Redis(unix_socket_path=str(own_server.socket), password=own_server.password())
    try:
        assert conn.config_get("port") == {"port": "0"}
    finally:
        conn.close()
    pid = own_server.status().pid
    assert pid is not None
    listening = [
        c
        for c in psutil.Process(pid).net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    assert listening == []


def test_falkor_server_requires_the_generated_password(own_server: FalkorServer) -> None:
    own_server.start()
    password = own_server.password()
    assert len(password) >= 40
    assert (own_server.db_dir / "password").read_text().strip() == password
    no_retry = Retry(NoBackoff(), 0)
    anonymous = redis.Redis(unix_socket_path=str(own_server.socket), retry=no_retry)
    try:
        with pytest.raises(redis.AuthenticationError):
            anonymous.ping()
    finally:
        anonymous.close()
    wrong = redis.Redis(unix_socket_path=str(own_server.socket), password="guess", retry=no_retry)
    try:
        with pytest.raises(redis.AuthenticationError):
            wrong.ping()
    finally:
        wrong.close()


def test_falkor_server_config_holds_no_tcp_and_loads_the_module(own_server: FalkorServer) -> None:
    own_server.start()
    conf = (own_server.db_dir / "falkordb.conf").read_text()
    assert "port 0\n" in conf
    assert "unixsocketperm 700\n" in conf
    assert "loadmodule " in conf
    assert "BOLT" not in conf.upper()


# --- server: lifecycle -----------------------------------------------------------------------


def test_falkor_server_start_reuse_status_stop(own_server: FalkorServer) -> None:
    assert own_server.status().running is False
    assert own_server.start() is True
    assert own_server.start() is False  # reused, not started twice
    status = own_server.status()
    assert status.running is True
    assert status.pid is not None
    with FalkorStore(own_server.db_dir) as store:
        assert store.started is False
    assert own_server.status().running is True  # a store that reused it leaves it running
    assert own_server.stop() is True
    assert own_server.status().running is False
    assert own_server.stop() is False


def test_falkor_store_stops_the_server_it_started_and_data_persists(short_dir: Path) -> None:
    db = short_dir / "db"
    with FalkorStore(db) as store:
        assert store.started is True
        store.ensure_schema()
        store.load(batch_of(("a.txt", DOC_A)))
        before = store.counts()
    assert FalkorServer(db).status().running is False
    with FalkorStore(db) as store:
        assert store.counts() == before
    assert FalkorServer(db).status().running is False


def test_falkor_store_keep_running_leaves_the_server_up(short_dir: Path) -> None:
    db = short_dir / "db"
    with FalkorStore(db, keep_running=True) as store:
        assert store.started is True
    server = FalkorServer(db)
    try:
        assert server.status().running is True
    finally:
        server.stop()


def test_falkor_store_reuses_a_server_started_by_another_process(short_dir: Path) -> None:
    db = short_dir / "db"
    code = (
        "import sys; from geokg.graph.falkor import FalkorServer; FalkorServer(sys.argv[1]).start()"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, env=env, timeout=60)
    server = FalkorServer(db)
    try:
        assert server.status().running is True
        with FalkorStore(db) as store:
            assert store.started is False
            assert store.counts()["total_nodes"] == 0
        assert server.status().running is True
    finally:
        server.stop()


def test_falkor_store_refuses_a_socket_path_that_is_too_long(short_dir: Path) -> None:
    deep = short_dir / ("x" * 120)
    with pytest.raises(StoreUnavailableError, match="too long"):
        FalkorStore(deep)


# --- loading ---------------------------------------------------------------------------------


def _snapshot(store: FalkorStore) -> Any:
    snap = read_graph(store)
    return (snap.entities, snap.relations, snap.documents, snap.sentences, snap.mentions)


def test_falkor_load_twice_changes_nothing(cypher_store: FalkorStore, batch_ab: GraphBatch) -> None:
    store = cypher_store
    first = store.load(batch_ab)
    counts, snap = store.counts(), _snapshot(store)
    second = store.load(batch_ab)
    assert store.counts() == counts
    assert _snapshot(store) == snap
    assert first.relations == second.relations == 18
    # The reload finds every mention in place: it sends no relationship statement at all.
    assert second.statements < first.statements


def test_falkor_second_document_links_to_existing_nodes_and_adds_evidence(
    store: FalkorStore, batch_a: GraphBatch, batch_b: GraphBatch
) -> None:
    store.load(batch_a)
    after_a = store.counts()
    russia = store.query(
        "MATCH (e:Entity {id: $id}) RETURN e.mentions, e.doc_count", {"id": eid("Russia")}
    ).rows
    assert russia == [[3, 1]]
    store.load(batch_b)
    after_b = store.counts()
    assert after_b["nodes"]["Document"] == 2
    assert after_b["nodes"]["Entity"] == 10  # a.txt's 9 plus the United States
    assert after_a["nodes"]["Entity"] == 9
    assert store.query("MATCH (e:Entity {name: 'Russia'}) RETURN count(e)").rows == [[1]]
    russia = store.query(
        "MATCH (e:Entity {id: $id}) RETURN e.mentions, e.doc_count", {"id": eid("Russia")}
    ).rows
    assert russia == [[8, 2]]  # sentences mentioning Russia: 3 in a.txt + 5 in b.txt
    sanctions = store.query(
        "MATCH (:Entity)-[r:SANCTIONS]->(t:Entity {id: $id}) RETURN sum(r.mentions)",
        {"id": eid("Russia")},
    ).rows
    assert sanctions == [[2]]


def test_falkor_loading_documents_one_by_one_equals_loading_them_together(
    store: FalkorStore, batch_a: GraphBatch, batch_b: GraphBatch, batch_ab: GraphBatch
) -> None:
    store.load(batch_a)
    store.load(batch_b)
    one_by_one = _snapshot(store)
    store.clear()
    store.load(batch_ab)
    assert _snapshot(store) == one_by_one
    store.load(batch_a)  # reloading an old document afterwards changes nothing either
    assert _snapshot(store) == one_by_one


def test_falkor_same_relationship_from_two_documents_unions_its_evidence(
    store: FalkorStore,
) -> None:
    sentence = DOC_B[2]  # "Yet Russia opposes Turkey ... partners with Turkey"
    store.load(batch_of(("x.txt", [sentence])))
    store.load(batch_of(("y.txt", [sentence])))
    store.load(batch_of(("x.txt", [sentence])))
    (row,) = store.query(
        "MATCH (a:Entity {name: 'Russia'})-[r:OPPOSES]->(b:Entity {name: 'Turkey'}) "
        "MATCH (a)<-[:SOURCE]-(m:Mention {type: 'OPPOSES'})-[:TARGET]->(b) "
        "MATCH (m)-[:IN]->(:Sentence)-[:IN]->(d:Document) "
        "RETURN r.mentions, r.asserted, r.doc_count, count(m), collect(d.name)"
    ).rows
    assert row[:4] == [2, 2, 2, 2]
    assert sorted(row[4]) == ["x.txt", "y.txt"]


def _merge_load(store: FalkorStore, batch: GraphBatch) -> None:
    """Load with the shared MERGE statements only (what Neo4j and the script exporter run)."""
    store._pipeline(
        (step.statement, index_safe_rows(rows))
        for step in load_plan(batch)
        for rows in chunked(step.rows, store.batch_size)
    )


def _mention(
    source: str, rtype: RelationType, target: str, mid: str, *, doc: str = "z.txt", **fields: Any
) -> tuple[MentionRecord, SentenceRecord]:
    """A mention and its sentence (one sentence per mention id, in document ``doc``)."""
    sentence = SentenceRecord(
        id=f"s:{mid}", doc=doc, doc_id=document_id(doc), start=0, end=3, text=f"S {mid}"
    )
    mention = MentionRecord(
        id=mid,
        type=rtype,
        source_id=source,
        target_id=target,
        sentence_id=sentence.id,
        doc_id=sentence.doc_id,
        trigger="T",
        rule="test.v1",
        confidence=0.5,
        **fields,
    )
    return mention, sentence


def _mention_batch(*items: tuple[MentionRecord, SentenceRecord], **parts: Any) -> GraphBatch:
    batch = GraphBatch(**parts)
    batch.mentions += [m for m, _ in items]
    batch.sentences += [s for _, s in items]
    return batch


def _mixed_batches() -> list[GraphBatch]:
    """Batches that exercise every branch of the fast path, in load order."""
    long_id = "country:" + "x" * 1100  # over FalkorDB's index limit: stored as a surrogate
    extra = [
        EntityNode(id=long_id, label=EntityLabel.COUNTRY, name="Long", mentions=2),
        EntityNode(id="country:atlantis", label=EntityLabel.COUNTRY, name="Atlantis"),
    ]
    relations_only = _mention_batch(
        # both endpoints exist and so does the relationship: its counts grow
        _mention(eid("Russia"), RelationType.SUPPORTS, eid("Syria"), "m1", year=2020),
        # ... from a document that already has a mention of it: doc_count stays
        _mention(eid("Russia"), RelationType.SUPPORTS, eid("Syria"), "m1b", doc="a.txt"),
        # both endpoints exist, the relationship does not
        _mention(
            eid("Syria"), RelationType.TRADES_WITH, eid("Russia"), "m2", modality=Modality.HEDGED
        ),
        # an endpoint that is no entity anywhere: dropped
        _mention(eid("Russia"), RelationType.OPPOSES, "country:nowhere", "m3"),
    )
    # a mention whose sentence is not in the graph: dropped
    orphan, _ = _mention(eid("Russia"), RelationType.ATTACKS, eid("Syria"), "m7")
    relations_only.mentions.append(orphan)
    new_endpoints = _mention_batch(
        _mention(long_id, RelationType.MEMBER_OF, eid("NATO"), "m4", status=MemberStatus.MEMBER),
        _mention("country:atlantis", RelationType.LEADS, eid("Russia"), "m5", role="King"),
        _mention(eid("Turkey"), RelationType.MEETS, "country:atlantis", "m6", negated=True),
        entities=extra,
        sentences=[
            SentenceRecord(
                id="s:new",
                doc="z.txt",
                doc_id="doc:z",
                start=0,
                end=3,
                text="New",
                entity_ids=("country:atlantis", eid("Russia")),
            )
        ],
    )
    return [
        batch_of(("a.txt", DOC_A)),
        relations_only,
        batch_of(("b.txt", DOC_B)),
        new_endpoints,
        batch_of(("a.txt", DOC_A), ("b.txt", DOC_B)),
        new_endpoints,
    ]


def test_falkor_fast_path_stores_what_the_merge_statements_store(
    cypher_store: FalkorStore, falkor_server: FalkorServer
) -> None:
    store = cypher_store
    with FalkorStore(falkor_server.db_dir, graph="geokg_reference") as reference:
        reference.clear()
        reference.ensure_schema()
        try:
            for i, batch in enumerate(_mixed_batches()):
                store.load(batch)
                _merge_load(reference, batch)
                assert store.counts() == reference.counts(), i
                assert _snapshot(store) == _snapshot(reference), i
        finally:
            reference.clear()
    snap = read_graph(store)
    relations = snap.relations
    rels = {(r["source_id"], r["type"]): r["props"] for r in relations}
    supports = rels[(eid("Russia"), "SUPPORTS")]
    assert supports["last_year"] == 2020
    assert (supports["mentions"], supports["doc_count"]) == (3, 2)  # a.txt, then z.txt
    assert rels[(eid("Russia"), "TRADES_WITH")]["hedged"] == 1  # symmetric: endpoints sorted
    assert rels[("country:atlantis", "LEADS")]["role"] == "King"
    assert rels[("country:atlantis", "MEETS")]["negated"] == 1  # symmetric: sorted
    assert "country:nowhere" not in {r["target_id"] for r in relations}
    assert ("ATTACKS", eid("Syria")) not in {(r["type"], r["target_id"]) for r in relations}
    assert {"m1", "m1b", "m2", "m4", "m5", "m6"} <= {m["id"] for m in snap.mentions}
    assert not {"m3", "m7"} & {m["id"] for m in snap.mentions}
    atlantis = store.query(
        "MATCH (e:Entity {id: 'country:atlantis'}) RETURN e.mentions, e.doc_count"
    ).rows
    assert atlantis == [[1, 1]]


def test_falkor_fast_path_creates_new_relationships_without_a_union(
    cypher_store: FalkorStore, batch_a: GraphBatch, sent: list[str]
) -> None:
    store = cypher_store
    store.load(batch_a)
    updates = [w for w in sent if "MERGE (a)-[r:" in w]
    creates = [w for w in sent if "CREATE (a)-[:" in w]
    assert creates and not updates  # nothing existed: every relationship was simply created
    sent.clear()
    store.load(batch_a)
    assert not [w for w in sent if "(a)-[" in w]  # the reload finds every mention in place
    sent.clear()
    store.load(batch_of(("c.txt", DOC_A)))  # the same sentences in a new document
    assert [w for w in sent if "MERGE (a)-[r:" in w]  # existing relationships: counts raised
    assert not [w for w in sent if "CREATE (a)-[:" in w]


def test_falkor_loads_into_one_folder_wait_for_each_other(
    store: FalkorStore, batch_a: GraphBatch
) -> None:
    """The fast path looks up what exists, then creates: no other load may run in between."""
    held, release = threading.Event(), threading.Event()

    def other_loader() -> None:
        with store.server.load_lock():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=other_loader)
    thread.start()
    try:
        assert held.wait(10)
        timer = threading.Timer(0.5, release.set)
        timer.start()
        started = time.perf_counter()
        store.load(batch_a)
        assert time.perf_counter() - started >= 0.4  # it waited for the other loader
    finally:
        release.set()
        thread.join()
    assert store.counts()["total_relationships"] > 0


def test_falkor_relationship_properties(loaded: FalkorStore) -> None:
    rels = {
        (r["source_id"], r["type"], r["target_id"]): r["props"]
        for r in read_graph(loaded).relations
    }
    eu = rels[(eid("European Union"), "SANCTIONS", eid("Russia"))]
    assert eu["mentions"] == 1
    assert eu["asserted"] == 1
    assert eu["hedged"] == eu["reported"] == eu["hypothetical"] == eu["negated"] == 0
    assert eu["first_year"] == eu["last_year"] == 2014
    assert eu["doc_count"] == 1
    assert eu["cues"] == ["sanctions"]
    assert eu["polarity"] == "conflictual"
    assert eu["symmetric"] is False
    agrees = rels[(eid("Russia"), "AGREES_WITH", eid("Turkey"))]
    assert agrees["symmetric"] is True
    assert (eid("Turkey"), "AGREES_WITH", eid("Russia")) not in rels
    assert rels[(eid("Vladimir Putin"), "LEADS", eid("Russia"))]["role"] == "President"
    assert rels[(eid("Turkey"), "MEMBER_OF", eid("NATO"))]["status"] == "member"
    attack = rels[(eid("Russia"), "ATTACKS", eid("NATO"))]
    assert attack["negated"] == attack["mentions"] == 1
    assert rels[(eid("Turkey"), "SUPPORTS", eid("Ukraine"))]["hedged"] == 1
    assert rels[(eid("Russia"), "BETRAYS", eid("Turkey"))]["reported"] == 1
    assert "first_year" not in rels[(eid("Russia"), "BETRAYS", eid("Turkey"))]


def test_falkor_provenance_nodes_and_links(loaded: FalkorStore) -> None:
    rows = loaded.query(
        "MATCH (s:Sentence)-[:IN]->(d:Document {name: 'a.txt'}) "
        "RETURN s.start, s.end, s.text ORDER BY s.start"
    ).rows
    assert rows[0] == [0, len(DOC_A[0].text), DOC_A[0].text]
    assert len(rows) == len(DOC_A)
    doc = loaded.query("MATCH (d:Document {name: 'b.txt'}) RETURN d.chars, size(d.sha1)").rows
    assert doc == [[len(" ".join(s.text for s in DOC_B)), 40]]
    mentioned = loaded.query(
        "MATCH (s:Sentence)-[:MENTIONS]->(e:Entity) WHERE s.start = 0 AND s.doc = 'a.txt' "
        "RETURN e.name ORDER BY e.name"
    ).column("e.name")
    assert mentioned == ["Recep Tayyip Erdogan", "Russia", "Turkey", "Vladimir Putin"]


def test_falkor_evidence_query_returns_the_stating_sentences(loaded: FalkorStore) -> None:
    result = run_query(
        loaded, "evidence", {"source": "Moscow", "target": "ankara", "type": "opposes"}
    )
    assert result.column("sentence") == [DOC_B[2].text]
    assert result.column("document") == ["b.txt"]
    start = " ".join(s.text for s in DOC_B[:2]).__len__() + 1
    assert result.column("start_offset") == [start]
    assert result.column("end_offset") == [start + len(DOC_B[2].text)]
    # Directed: Turkey did not oppose Russia.
    none = run_query(
        loaded, "evidence", {"source": "Turkey", "target": "Russia", "type": "OPPOSES"}
    )
    assert none.rows == []
    # Symmetric: found in either order.
    for source, target in (("Russia", "Turkey"), ("Turkey", "Russia")):
        sym = run_query(
            loaded, "evidence", {"source": source, "target": target, "type": "AGREES_WITH"}
        )
        assert sym.column("sentence") == [DOC_B[0].text]


def test_falkor_unique_constraints_guard_ids(store: FalkorStore) -> None:
    rows = store.query(cypher.falkor_list_constraints()).rows
    unique = {r[1] for r in rows if r[0] == "UNIQUE" and r[2] == ["id"]}
    assert unique == {"Entity", "Document", "Sentence"}
    store.ensure_schema()  # idempotent
    store.query("CREATE (:Entity {id: 'dup'})")
    with pytest.raises(StoreError) as info:
        store.query("CREATE (:Entity {id: 'dup'})")
    assert info.value.code == "E300"


def test_falkor_rejected_statement_is_a_store_error(store: FalkorStore) -> None:
    with pytest.raises(StoreError, match="FalkorDB rejected"):
        store.query("MATCH (n RETURN n")


def test_falkor_query_returns_plain_values(loaded: FalkorStore) -> None:
    (row,) = loaded.query(
        "MATCH p = (a:Entity {name: 'Vladimir Putin'})-[r:LEADS]->(b) RETURN a, r, p"
    ).rows
    node, rel, path = row
    assert node["_labels"] == ["Entity", "Leader"]
    assert node["name"] == "Vladimir Putin"
    assert rel["_type"] == "LEADS"
    assert rel["roles"] == ["President"]
    assert [n["name"] for n in path["nodes"]] == ["Vladimir Putin", "Russia"]
    assert [r["_type"] for r in path["relationships"]] == ["LEADS"]


def test_falkor_clear_wipes_nodes_but_keeps_the_schema(loaded: FalkorStore) -> None:
    loaded.clear()
    assert loaded.counts()["total_nodes"] == 0
    labels = {r[0] for r in loaded.query(cypher.falkor_list_indexes()).rows}
    assert {"Entity", "Document", "Sentence"} <= labels


# --- hostile text ----------------------------------------------------------------------------

HOSTILE_NAMES = [
    'O\'Brien "the" \\ `tick` $rows',
    "multi\nline\ttext\r",
    "ünïcødé 😀 中文",
    "ctrl\x01\x1fchars",  # JSON writes \\u escapes: the loader falls back to the driver quoting
    "'; MATCH (n) DETACH DELETE n; //",
]


def _hostile_batch(names: list[str]) -> GraphBatch:
    ents = [
        EntityNode(id=f"group:h{i}", label=EntityLabel.GROUP, name=n, aliases=[n + "!", "x\x00y"])
        for i, n in enumerate(names)
    ]
    sents = [
        SentenceRecord(
            id=f"sent:h{i}",
            doc=f"doc {n}",
            doc_id="doc:h",
            start=i,
            end=i + 1,
            text=n,
            entity_ids=(f"group:h{i}",),
        )
        for i, n in enumerate(names)
    ]
    mentions = [
        MentionRecord(
            id=f"m{i}",
            type=RelationType.THREATENS,
            source_id="group:h0",
            target_id=f"group:h{i}",
            sentence_id=f"sent:h{i}",
            doc_id="doc:h",
            trigger=n,
            rule=n,
            role=n,
            confidence=1.0,
        )
        for i, n in enumerate(names)
    ]
    return GraphBatch(entities=ents, sentences=sents, mentions=mentions)


def test_falkor_hostile_strings_survive_loading(store: FalkorStore) -> None:
    store.load(_hostile_batch(HOSTILE_NAMES))
    snap = read_graph(store)
    assert [e["name"] for e in snap.entities] == HOSTILE_NAMES
    assert [e["aliases"] for e in snap.entities] == [[n + "!", "xy"] for n in HOSTILE_NAMES]
    assert [s["text"] for s in snap.sentences] == HOSTILE_NAMES
    assert sorted(r["props"]["cues"][0] for r in snap.relations) == sorted(
        n.lower() for n in HOSTILE_NAMES
    )
    assert sorted(m["trigger"] for m in snap.mentions) == sorted(HOSTILE_NAMES)
    assert sorted(m["rule"] for m in snap.mentions) == sorted(HOSTILE_NAMES)


@pytest.mark.parametrize("text", [*HOSTILE_NAMES, "", "\\", '"', "\\u0041"])
def test_falkor_fast_row_serialisation_matches_the_driver_quoting(
    store: FalkorStore, text: str
) -> None:
    rows = [{"id": "a", "names": [text, "x"], "n": 3, "flag": True, "none": None, "text": text}]
    via_driver = store.query(
        f"CYPHER rows={stringify_param_value(rows)} UNWIND $rows AS row RETURN row"
    ).rows
    fast = rows_param(rows)
    if "\x01" in text or "\\u" in text:
        assert fast is None  # falls back to the driver's quoting
        return
    assert fast is not None
    via_fast = store.query(f"CYPHER rows={fast} UNWIND $rows AS row RETURN row").rows
    assert via_fast == via_driver
    assert via_fast[0][0]["text"] == text


def test_falkor_read_only_session_does_not_rewrite_the_snapshot(short_dir: Path) -> None:
    db = short_dir / "db"
    with FalkorStore(db) as store:
        store.query("CREATE (:Entity {id: 'a'})")
    rdb = db / "geokg.rdb"
    stamp = rdb.stat().st_mtime_ns
    with FalkorStore(db) as store:
        assert store.counts()["total_nodes"] == 1
    assert rdb.stat().st_mtime_ns == stamp
    with FalkorStore(db) as store:
        store.query("CREATE (:Entity {id: 'b'})")
    assert rdb.stat().st_mtime_ns != stamp
    with FalkorStore(db) as store:
        assert store.counts()["total_nodes"] == 2


def test_falkor_server_recovers_after_a_crash(own_server: FalkorServer) -> None:
    own_server.start()
    with FalkorStore(own_server.db_dir) as store:
        store.query("CREATE (:Entity {id: 'kept'})")
    own_server.stop()  # saved
    own_server.start()
    pid = own_server.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # a crash: stale pid file and socket stay behind
    deadline = time.monotonic() + 10
    while own_server.status().running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert own_server.status().running is False
    assert own_server.start() is True
    with FalkorStore(own_server.db_dir) as store:
        assert store.query("MATCH (e:Entity) RETURN e.id").rows == [["kept"]]


def _one_relationship(mentions: int, *, docs: int = 1) -> GraphBatch:
    """``mentions`` mentions of Canada SANCTIONS Belarus, over ``docs`` documents."""
    items = [
        _mention(
            "country:canada",
            RelationType.SANCTIONS,
            "country:belarus",
            f"m{i:05d}",
            doc=f"d{i % docs}.txt",
            year=1990 + i % 7,
            negated=i % 10 == 0,
        )
        for i in range(mentions)
    ]
    entities = [
        EntityNode(id="country:canada", label=EntityLabel.COUNTRY, name="Canada"),
        EntityNode(id="country:belarus", label=EntityLabel.COUNTRY, name="Belarus"),
    ]
    return _mention_batch(*items, entities=entities)


def _sanctions(store: FalkorStore) -> dict[str, Any]:
    (row,) = store.query(
        "MATCH (:Entity {id: 'country:canada'})-[r:SANCTIONS]->(:Entity {id: 'country:belarus'}) "
        "RETURN properties(r)"
    ).rows
    return dict(row[0])


def test_falkor_relationship_over_many_statements_counts_exactly(
    falkor_server: FalkorServer,
) -> None:
    """More mentions than a statement holds: created, then raised; the same as MERGE gives."""
    batch = _one_relationship(2_500, docs=3)
    with (
        # 250 rows, so 1,000 mentions, per statement
        FalkorStore(falkor_server.db_dir, graph="geokg_split", batch_size=250, bulk=False) as store,
        FalkorStore(falkor_server.db_dir, graph="geokg_split_ref") as reference,
    ):
        for st in (store, reference):
            st.clear()
            st.ensure_schema()
        try:
            stats = store.load(batch)
            _merge_load(reference, batch)
            props = _sanctions(store)
            assert props["mentions"] == 2_500
            assert props["negated"] == 250
            assert props["doc_count"] == 3
            assert (props["first_year"], props["last_year"]) == (1990, 1996)
            assert stats.statements > 3  # one create and two raises, besides the nodes
            assert _snapshot(store) == _snapshot(reference)
            store.load(batch)
            assert _sanctions(store) == props
        finally:
            store.clear()
            reference.clear()


def test_falkor_interrupted_load_then_rerun_counts_each_mention_once(
    falkor_server: FalkorServer,
) -> None:
    """A load cut after any statement, then run again, equals one clean load."""
    batch = _one_relationship(4_000, docs=2)
    # 125 rows per node statement; MENTION_STATEMENT_FACTOR x 125 mentions per relationship one
    per_statement = 125 * MENTION_STATEMENT_FACTOR
    with FalkorStore(falkor_server.db_dir, graph="geokg_cut", batch_size=125, bulk=False) as store:
        store.clear()
        store.ensure_schema()
        try:
            total = store.load(batch).statements
            clean = _snapshot(store)
            relationship_statements = -(-4_000 // per_statement)
            nodes = total - relationship_statements
            assert relationship_statements >= 2
            # within the node statements, at their end, and between relationship statements
            for cut in sorted({1, 10, nodes, nodes + 1, total - 1}):
                store.clear()
                real = store._pipeline
                budget = [cut]  # statements still allowed, over every pipeline of the load

                def cut_short(statements: Any, budget: list[int] = budget, real: Any = real) -> int:
                    kept = []
                    for item in statements:
                        if budget[0] == 0:
                            real(kept)
                            raise StoreError("cut short")
                        budget[0] -= 1
                        kept.append(item)
                    return int(real(kept))

                store._pipeline = cut_short  # type: ignore[method-assign]
                with pytest.raises(StoreError):
                    store.load(batch)
                assert _snapshot(store) != clean, cut
                del store._pipeline
                store.load(batch)
                assert _snapshot(store) == clean, cut
        finally:
            store.clear()
