"""``python -m bench --quick`` runs end to end and writes its report (a smoke test, no timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.model
@pytest.mark.slow
def test_bench_quick_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--workers",
            "1,2",
            "--kinds",
            "bare,extract,build",
            "--edges",
            "500",
            "--work-dir",
            str(tmp_path / "work"),
            "--out-dir",
            str(out),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=900,
    )
    report = json.loads((out / "results.json").read_text())
    kinds = {(m["kind"], m["workers"]) for m in report["measurements"]}
    assert {("bare", 1), ("extract", 1), ("build", 1), ("bare", 2), ("extract", 2)} <= kinds
    assert all(m["seconds"] > 0 for m in report["measurements"])
    assert all(m["peak_rss_mb"] > 0 for m in report["measurements"])
    extract = next(m for m in report["measurements"] if m["kind"] == "extract")
    assert extract["result"]["failed"] == 0
    assert report["load"]["loaded_relationships"] == 500
    names = [c["name"] for c in report["summary"]["checks"]]
    assert any(n.startswith("extract / bare") for n in names)
    assert "| measure | value | target | met |" in (out / "results.md").read_text()


def test_bench_synthetic_batch_has_distinct_edges() -> None:
    from bench.measure import synthetic_batch

    batch = synthetic_batch(1_000, nodes=50)
    keys = {(r.source_id, r.type, r.target_id) for r in batch.relations}
    assert len(keys) == 1_000
    assert len(batch.entities) == 50
    ids = {e.id for e in batch.entities}
    assert all(r.source_id in ids for r in batch.relations)
    assert all(r.target_id in ids for r in batch.relations)


def test_bench_corpus_copies_seed_under_distinct_names(tmp_path: Path) -> None:
    from bench.corpus import count_words, make_corpus

    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "a.txt").write_text("one two three\n")
    (seed / "b.md").write_text("four five\n")
    files, size = make_corpus(seed, tmp_path / "c", 100)
    names = sorted(p.name for p in (tmp_path / "c").iterdir() if not p.name.startswith("."))
    assert files == len(names)
    assert size >= 100
    assert len(set(names)) == len(names)
    assert names[:2] == ["r0000_a.txt", "r0000_b.md"]
    assert count_words(tmp_path / "c") == sum(3 if n.endswith(".txt") else 2 for n in names)


def test_bench_scale_section_replaces_an_earlier_one(tmp_path: Path) -> None:
    from bench.scale import END, START, render, write_section

    scale = [
        {
            "mentions": m,
            "pairs": p,
            "aggregate_cpu": 1.0,
            "load_cpu": 2.0,
            "cpu": 3.0 * m / 16,
            "reload_cpu": 0.5,
            "seconds": 4.0,
            "nodes": 10,
        }
        for p in (1, 4)
        for m in (16, 64)
    ]
    load = [
        {
            "relationships": 10,
            "seconds": 1.0,
            "client_cpu": 0.5,
            "server_cpu": 0.25,
            "cpu_bound_rate": 20.0,
            "reload_seconds": 0.5,
            "reload_client_cpu": 0.1,
            "reload_server_cpu": 0.1,
            "reload_cpu_bound_rate": 100.0,
            "path": path,
            "onto": onto,
        }
        for path, onto in (("bulk", 0), ("cypher", 50_000))
    ]
    one = {
        "repeats": 4,
        "bytes": 92,
        "relation_mentions": 4,
        "relationship": [[4, 1]],
        "extract_cpu": 2.0,
        "extract_seconds": 2.0,
        "aggregate_cpu": 0.1,
        "aggregate_seconds": 0.1,
        "load_cpu": 0.2,
        "load_seconds": 0.2,
        "build_over_extract_cpu": 1.15,
    }
    path = tmp_path / "results.md"
    path.write_text("# Benchmark results\n\nbefore\n", encoding="utf-8")
    write_section(render(scale, load, one), path)
    write_section(render(scale, load, one), path)
    text = path.read_text(encoding="utf-8")
    assert text.count(START) == text.count(END) == 1
    assert text.startswith("# Benchmark results\n\nbefore\n")
    assert "| x4.00 |" in text  # 64k over 16k mentions, from the CPU seconds
    assert "| build / extraction | 1.15 | |" in text
    assert "| GRAPH.BULK into an empty graph | 1.00 |" in text
    assert "| Cypher onto 50,000 | 1.00 |" in text


def test_bench_varied_corpus_has_distinct_names_and_varied_text(tmp_path: Path) -> None:
    from bench.distributed_run import make_varied_corpus

    files, size = make_varied_corpus(tmp_path / "corpus", 900_000)  # two rounds and more
    paths = sorted((tmp_path / "corpus").iterdir())
    assert len(paths) == files
    assert size >= 900_000
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # copies of one article differ (paragraphs, sentences, years): nearly every text is unique
    assert len(set(texts)) >= 0.95 * len(texts)


def test_bench_load_section_names_the_load_path() -> None:
    from bench.run import _load_path

    assert _load_path({"path": "bulk", "statements": 1}) == (
        "the first load of an empty graph: 1 GRAPH.BULK call(s), no Cypher"
    )
    assert _load_path({"statements": 12}) == "12 statements"  # results from before the path
