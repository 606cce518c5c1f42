"""A distributed run on a generated corpus: ``python -m bench.distributed_run --mb 100``.

Builds a corpus of about ``--mb`` megabytes from the seed articles (``../shared``: the corpus
and the VOA articles) with distinct document names and light variation (each copy has its
paragraphs shuffled and its four-digit years shifted by a few years, so that documents and
sentences differ while the text stays news), then runs, each as a ``geokg distributed``
command in a fresh process:

1. ``extract`` on a local Dask cluster (``--workers``, default 2) into partitioned JSON Lines;
2. ``load`` of the partitions into a fresh embedded database;
3. ``neo4j-import`` of the partitions.

It records wall and CPU seconds per stage, words/s, the peak RSS of the largest process and
of each stage's process tree (Dask workers included), the database server's peak RSS and
the graph's size, and prints one JSON object (``--out`` also writes it to a file).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped,unused-ignore]

from bench.run import _Sampler

__all__ = ["main", "make_varied_corpus"]

REPO = Path(__file__).resolve().parents[1]
# ../shared next to the repository, or two levels up from a worktree (work/wt/<name>).
_SHARED = next(
    (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared",
)
SEEDS = (_SHARED / "corpus", _SHARED / "voa" / "unlabeled", _SHARED / "voa", REPO / "examples")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def _seed_texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for folder in SEEDS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.txt")):
            if path in seen:
                continue
            seen.add(path)
            if "gold" in path.parts or "benchmarks" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if len(text) > 500:
                out.append((path.stem, text))
    if not out:
        raise FileNotFoundError(f"no seed articles in {', '.join(map(str, SEEDS))}")
    return out


def _vary(text: str, round_: int) -> str:
    """A light variation of an article: its paragraphs (or lines) in an order drawn from
    ``round_`` (and, for short articles, its sentences too), its four-digit years shifted by
    ``round_ % 5``."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) < 3:
        paragraphs = [p for p in text.split("\n") if p.strip()]
    rng = random.Random(round_)
    if round_ and len(paragraphs) > 1:
        rng.shuffle(paragraphs)
    if round_ and len(paragraphs) < 4:  # short articles: their sentences change order too
        paragraphs = [_shuffle_sentences(p, rng) for p in paragraphs]
    shift = round_ % 5
    joined = "\n\n".join(paragraphs)
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), joined) if shift else joined


def _shuffle_sentences(paragraph: str, rng: random.Random) -> str:
    sentences = _SENTENCE_END.split(paragraph.strip())
    rng.shuffle(sentences)
    return " ".join(sentences)


def make_varied_corpus(out: Path, target_bytes: int) -> tuple[int, int]:
    """Write varied copies of the seed articles into ``out`` until ``target_bytes``."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    seeds = _seed_texts()
    total = count = round_ = 0
    while total < target_bytes:
        for name, text in seeds:
            path = out / f"v{round_:04d}_{name}.txt"
            path.write_text(_vary(text, round_), encoding="utf-8")
            total += path.stat().st_size
            count += 1
            if total >= target_bytes:
                break
        round_ += 1
    return count, total


class _Peak(_Sampler):
    """Peak RSS of a process tree, of its largest process, and of the database server (the
    redis-server whose command line names ``db_hint``)."""

    def __init__(self, pid: int, db_hint: Path | None = None) -> None:
        super().__init__(pid, interval=0.25)
        self.server = 0
        self.db_hint = str(db_hint) if db_hint is not None else "\0"

    def sample_more(self) -> None:
        for proc in psutil.process_iter(["name", "cmdline"]):
            try:
                if "redis-server" in (proc.info["name"] or "") and any(
                    self.db_hint in part for part in proc.info["cmdline"] or []
                ):
                    self.server = max(self.server, int(proc.memory_info().rss))
            except (psutil.Error, TypeError):
                continue

    def stop(self) -> None:
        super().stop()
        self.join()


def _stage(args: list[str], db_hint: Path | None = None) -> dict[str, Any]:
    commit = _commit()  # the stage's process reads the code as it starts
    before = psutil.cpu_times()
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "geokg", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    peak = _Peak(proc.pid, db_hint)
    peak.start()
    out, _ = proc.communicate()
    peak.stop()
    after = psutil.cpu_times()
    busy = sum(after) - after.idle - sum(before) + before.idle
    return {
        "args": args,
        "exit_code": proc.returncode,
        "seconds": time.monotonic() - started,
        "machine_busy_cpu_seconds": busy,
        "peak_rss_process_mb": peak.peak_process / 2**20,
        "peak_rss_tree_mb": peak.peak_tree / 2**20,
        "peak_rss_server_mb": peak.server / 2**20,
        "output_tail": out.decode("utf-8", "replace")[-1500:],
        "commit": commit,
    }


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run the three stages, print the JSON result."""
    parser = argparse.ArgumentParser(prog="python -m bench.distributed_run")
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-mb", type=float, default=2.0)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "geokg-dist")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--stages",
        default="extract,load,neo4j-import",
        help="comma-separated stages to run; without extract, the corpus and partitions of an "
        "earlier run in --work are reused and the stages run again on them (results of "
        "stages not run are kept from --out when it exists)",
    )
    args = parser.parse_args(argv)
    stages = {s.strip() for s in args.stages.split(",") if s.strip()}
    unknown = stages - {"extract", "load", "neo4j-import"}
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(sorted(unknown))}")
    corpus, parts, db, imp = (args.work / n for n in ("corpus", "parts", "db", "import"))
    result: dict[str, Any] = {}
    if "extract" in stages:
        files, size = make_varied_corpus(corpus, int(args.mb * 1e6))
    else:
        if not any(parts.glob("part-*.jsonl")):
            parser.error(f"no partitions under {parts}: run the extract stage first")
        if args.out and args.out.is_file():
            result = json.loads(args.out.read_text(encoding="utf-8"))
        files = sum(1 for _ in corpus.iterdir())
        size = sum(p.stat().st_size for p in corpus.iterdir())
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.iterdir())
    for folder, stage in ((parts, "extract"), (db, "load"), (imp, "neo4j-import")):
        if stage in stages:
            shutil.rmtree(folder, ignore_errors=True)
    result.update({"files": files, "bytes": size, "words": words})
    if "extract" in stages:
        result["extract"] = _stage(
            [
                "distributed",
                "extract",
                str(corpus),
                "-o",
                str(parts),
                "--workers",
                str(args.workers),
                "--partition-mb",
                str(args.partition_mb),
            ]
        )
        result["commit"] = result["extract"]["commit"]
    if "load" in stages:
        result["load"] = _stage(["distributed", "load", str(parts), "--db-dir", str(db)], db)
    if "neo4j-import" in stages:
        result["neo4j_import"] = _stage(["distributed", "neo4j-import", str(parts), "-o", str(imp)])
    result["graph"] = _stage(["query", "MATCH (n) RETURN count(n) AS n", "--db-dir", str(db)])
    result["import_bytes"] = sum(p.stat().st_size for p in imp.glob("*.csv"))
    result["parts_bytes"] = sum(p.stat().st_size for p in parts.glob("*"))
    result["db_bytes"] = sum(p.stat().st_size for p in db.glob("*.rdb"))
    text = json.dumps(result, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
