"""Load throughput of the embedded store on a synthetic batch of 50,000 relationships.

Marked ``slow``. It prints wall-clock and CPU-bound rates (the latter is relations divided by
the larger of the server's and this process's CPU time, which does not depend on how busy the
machine is) and fails only on a gross regression, or when a reload costs the server as much as
a first load through the Cypher path (the reload no longer skips the mentions it finds in
place). The first load runs both ways: Cypher statements, and GRAPH.BULK (the store's default
for an empty graph).
"""

from __future__ import annotations

import random
import resource
import tempfile
from pathlib import Path

import psutil
import pytest

from geokg.graph.build import GraphBatch, GraphBuilder, edge_key
from geokg.graph.falkor import FalkorStore
from geokg.schema import (
    EntityLabel,
    EntityNode,
    MentionRecord,
    Modality,
    RelationType,
    SentenceRecord,
    document_id,
)

EDGES = 50_000
ENTITIES = 5_000


def synthetic_batch(edges: int = EDGES, entities: int = ENTITIES, seed: int = 7) -> GraphBatch:
    """Random relationships of every type between ``entities`` countries, 1-3 mentions each,
    each relationship's mentions in one sentence of one of 500 documents."""
    rnd = random.Random(seed)
    nodes = [
        EntityNode(
            id=f"country:c{i}",
            label=EntityLabel.COUNTRY,
            name=f"Country {i}",
            aliases=[f"C{i}"],
            iso3=f"X{i % 100:02d}",
        )
        for i in range(entities)
    ]
    types = list(RelationType)
    seen: set[tuple[str, RelationType, str]] = set()
    builder = GraphBuilder()
    sentences: list[SentenceRecord] = []
    while len(seen) < edges:
        a, b = rnd.randrange(entities), rnd.randrange(entities)
        if a == b:
            continue
        key = edge_key(f"country:c{a}", rnd.choice(types), f"country:c{b}")
        if key in seen:
            continue
        seen.add(key)
        n = len(seen)
        doc = f"doc{n % 500}.txt"
        sentence = SentenceRecord(
            id=f"sent:{n}", doc=doc, doc_id=document_id(doc), start=n, end=n + 9, text="A backs B"
        )
        sentences.append(sentence)
        for k in range(rnd.randint(1, 3)):
            builder.add_mention(
                MentionRecord(
                    id=f"m:{n}:{k}",
                    type=key[1],
                    source_id=key[0],
                    target_id=key[2],
                    sentence_id=sentence.id,
                    doc_id=sentence.doc_id,
                    modality=Modality.ASSERTED if k == 0 else Modality.HEDGED,
                    year=2000 + n % 25,
                    trigger="backs",
                    rule="speed.v1",
                    confidence=0.5,
                )
            )
    built = builder.batch()
    return GraphBatch(
        entities=nodes, sentences=sentences, relations=built.relations, mentions=built.mentions
    )


@pytest.mark.slow
@pytest.mark.parametrize("bulk", [False, True], ids=["cypher", "bulk"])
def test_load_speed_of_50k_relationships(bulk: bool) -> None:
    """The first load through the Cypher path or GRAPH.BULK, then a reload (Cypher)."""
    batch = synthetic_batch()
    with (
        tempfile.TemporaryDirectory(prefix="gks") as tmp,
        FalkorStore(Path(tmp) / "db", bulk=bulk) as store,
    ):
        store.ensure_schema()
        pid = store.server.status().pid
        assert pid is not None
        server = psutil.Process(pid)
        server_cpus: dict[str, float] = {}
        for run in ("load", "reload"):
            s0, c0 = server.cpu_times(), resource.getrusage(resource.RUSAGE_SELF)
            stats = store.load(batch)
            s1, c1 = server.cpu_times(), resource.getrusage(resource.RUSAGE_SELF)
            server_cpu = (s1.user + s1.system) - (s0.user + s0.system)
            client_cpu = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
            cpu_rate = stats.relations / max(server_cpu, client_cpu)
            print(
                f"\n{run}: {stats.relations} relationships in {stats.seconds:.2f}s "
                f"= {stats.relations_per_second:,.0f}/s wall; server CPU {server_cpu:.2f}s, "
                f"client CPU {client_cpu:.2f}s, CPU-bound {cpu_rate:,.0f}/s"
            )
            assert stats.relations == EDGES
            assert cpu_rate > 8_000
            server_cpus[run] = server_cpu
        types = {t.value for t in RelationType}
        stored = store.counts()["relationships"]
        assert sum(n for t, n in stored.items() if t in types) == EDGES
        assert stored["SOURCE"] == stored["TARGET"] == len(batch.mentions)
        if not bulk:
            # The reload finds every mention in place and writes no relationship: if the fast
            # path regressed to sending every relationship again, the two would cost alike.
            assert server_cpus["reload"] < 0.5 * server_cpus["load"]
