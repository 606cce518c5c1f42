"""Load throughput of the embedded store on a synthetic batch of 50,000 relationships.

Marked ``slow``. It prints wall-clock and CPU-bound rates (the latter is relations divided by
the larger of the server's and this process's CPU time, which does not depend on how busy the
machine is) and fails only on a gross regression, or when a first load costs the server about
as much as a reload (the fast path creating new relationships without unions is gone).
"""

from __future__ import annotations

import random
import resource
import tempfile
from pathlib import Path

import psutil
import pytest

from geokg.graph.build import GraphBatch, edge_key
from geokg.graph.falkor import FalkorStore
from geokg.schema import EntityLabel, EntityNode, RelationEdge, RelationType

EDGES = 50_000
ENTITIES = 5_000


def synthetic_batch(edges: int = EDGES, entities: int = ENTITIES, seed: int = 7) -> GraphBatch:
    """Random relationships of every type between ``entities`` countries, 1-3 mentions each."""
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
    rels: list[RelationEdge] = []
    while len(rels) < edges:
        a, b = rnd.randrange(entities), rnd.randrange(entities)
        if a == b:
            continue
        key = edge_key(f"country:c{a}", rnd.choice(types), f"country:c{b}")
        if key in seen:
            continue
        seen.add(key)
        n = len(rels)
        ids = [f"m:{n}:{k}" for k in range(rnd.randint(1, 3))]
        rels.append(
            RelationEdge(
                source_id=key[0],
                type=key[1],
                target_id=key[2],
                mention_ids=ids,
                asserted_ids=ids[:1],
                hedged_ids=ids[1:],
                sentence_ids=[f"sent:{n}"],
                documents=[f"doc{n % 500}.txt"],
                years=[2000 + n % 25],
                triggers=["backs"],
            )
        )
    return GraphBatch(entities=nodes, relations=rels)


@pytest.mark.slow
def test_load_speed_of_50k_relationships() -> None:
    batch = synthetic_batch()
    with tempfile.TemporaryDirectory(prefix="gks") as tmp, FalkorStore(Path(tmp) / "db") as store:
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
        assert store.counts()["total_relationships"] == EDGES
        # The first load creates (no unions); the reload unions into every relationship. If
        # the fast path regressed to MERGE-and-union for everything, the two would cost alike.
        assert server_cpus["load"] < 0.8 * server_cpus["reload"]
