"""``python -m bench``: measure throughput, memory and load rate in one run.

Every measurement runs in a fresh process (``python -m bench.measure``); this module starts
it, samples the RSS of its process tree with psutil, reads its rusage when it ends, and writes
``results.json`` and ``results.md`` with the ratios the issue "Speed and scale" asks for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped,unused-ignore]

from bench.corpus import count_words, find_seed, make_corpus

__all__ = ["Measurement", "main", "run_measurement"]

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
MB = 1_000_000

#: Targets of the issue, checked in the report.
EXTRACT_RATIO_TARGET = 0.85
LOAD_RATE_TARGET = 30_000
BUILD_RSS_GROWTH_TARGET = 0.20
BUILD_RSS_LIMIT_MB = 1536


@dataclass(slots=True)
class Measurement:
    """One measurement: what ran, how long, how much memory."""

    kind: str
    corpus_mb: float
    workers: int
    seconds: float
    words: int
    cpu_seconds: float
    peak_rss_mb: float  # the largest single process of the tree (rusage and samples)
    peak_tree_rss_mb: float  # the largest sampled sum over the tree
    others_cores: float = 0.0  # CPU used by other processes of the machine meanwhile
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def words_per_s(self) -> float:
        """Words of the corpus per second of the timed part."""
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        """Words per CPU second of the timed part (this process and its joined workers)."""
        if self.kind.startswith("paired"):
            return 0.0  # both sides share one process's CPU
        cpu = float(self.result.get("timed_cpu_seconds") or self.cpu_seconds)
        return self.words / cpu if cpu > 0 else 0.0


class _Sampler(threading.Thread):
    """Samples the RSS of a process and its descendants until told to stop."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_process = 0
        self.peak_tree = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop_event.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                try:
                    rss = int(proc.memory_info().rss)
                except psutil.Error:
                    continue
                total += rss
                self.peak_process = max(self.peak_process, rss)
            self.peak_tree = max(self.peak_tree, total)
            self.sample_more()
            self._stop_event.wait(self.interval)

    def sample_more(self) -> None:
        """A hook for subclasses that sample other processes each round."""

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _busy_cpu_seconds() -> float:
    times = psutil.cpu_times()
    return float(sum(times) - times.idle - getattr(times, "iowait", 0.0))


def run_measurement(args: Sequence[str], *, timeout: float = 3600) -> dict[str, Any]:
    """Run ``python -m bench.measure ARGS`` in a fresh process.

    Returns:
        The measurement's JSON result plus ``cpu_seconds``, ``maxrss_mb`` (rusage of the
        process and its waited-for children), ``peak_rss_mb`` and ``peak_tree_rss_mb``.

    Raises:
        RuntimeError: The measurement failed or printed no result.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.measure", *args],
            cwd=REPO,
            stdout=out,
            stderr=err,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        sampler = _Sampler(proc.pid)
        sampler.start()
        cpu_before = _busy_cpu_seconds()
        wall_before = time.monotonic()
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - wall_before
        busy = _busy_cpu_seconds() - cpu_before
        sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"bench.measure {' '.join(args)} failed (exit {proc.returncode}):\n{stderr[-3000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    maxrss_mb = usage.ru_maxrss / 1024  # KiB on Linux
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    # CPU the rest of the machine used meanwhile, in cores: other jobs skew wall-clock rates.
    result["others_cores"] = max(0.0, busy - result["cpu_seconds"]) / wall if wall > 0 else 0.0
    result["maxrss_mb"] = maxrss_mb
    result["peak_rss_mb"] = max(maxrss_mb, sampler.peak_process / 2**20)
    result["peak_tree_rss_mb"] = sampler.peak_tree / 2**20
    return result


def _measure(
    kind: str, corpus: Path, mb: float, workers: int, words: int, *, label: str | None = None
) -> list[Measurement]:
    result = run_measurement([kind, "--corpus", str(corpus), "--workers", str(workers)])
    m = Measurement(
        kind=label or kind,
        corpus_mb=mb,
        workers=workers,
        seconds=float(result.pop("seconds")),
        words=words,
        cpu_seconds=float(result.pop("cpu_seconds")),
        peak_rss_mb=float(result.pop("peak_rss_mb")),
        peak_tree_rss_mb=float(result.pop("peak_tree_rss_mb")),
        others_cores=float(result.pop("others_cores")),
        result=result,
    )
    if kind != "paired":
        return [m]
    # One process ran both sides: one row each, sharing the process's CPU and memory figures.
    bare = Measurement(**{**asdict(m), "kind": "paired-bare"})
    bare.seconds = float(result["bare_seconds"])
    m.kind = "paired-extract"
    return [bare, m]


def _best(measurements: list[Measurement]) -> dict[tuple[str, float, int], Measurement]:
    """The fastest run of each (kind, corpus, workers); the noisiest neighbours lose."""
    best: dict[tuple[str, float, int], Measurement] = {}
    for m in measurements:
        key = (m.kind, m.corpus_mb, m.workers)
        if key not in best or m.seconds < best[key].seconds:
            best[key] = m
    return best


def _pairs(
    measurements: list[Measurement],
) -> dict[tuple[float, int], list[tuple[Measurement, Measurement]]]:
    """The (bare, extract) sides of each paired run, by (corpus, workers)."""
    pairs: dict[tuple[float, int], list[tuple[Measurement, Measurement]]] = {}
    for bare, extract in itertools.pairwise(measurements):
        if bare.kind == "paired-bare" and extract.kind == "paired-extract":
            key = (extract.corpus_mb, extract.workers)
            pairs.setdefault(key, []).append((bare, extract))
    return pairs


def _ratio(a: Measurement | None, b: Measurement | None) -> float | None:
    if a is None or b is None or not b.words_per_s:
        return None
    return a.words_per_s / b.words_per_s


def summarize(
    measurements: list[Measurement], load: dict[str, Any] | None, sizes: Sequence[float]
) -> dict[str, Any]:
    """Ratios and pass/fail of every target, from the best run of each measurement."""
    best = _best(measurements)
    checks: list[dict[str, Any]] = []

    def check(
        name: str, value: float | None, target: str, ok: bool | None, unit: str = "pct"
    ) -> None:
        checks.append({"name": name, "value": value, "target": target, "ok": ok, "unit": unit})

    pairs = _pairs(measurements)
    for mb in sizes:
        for workers in sorted({m.workers for m in measurements}):
            extract = best.get(("extract", mb, workers))
            bare = best.get(("bare", mb, workers))
            r = _ratio(extract, bare)
            if r is not None:
                check(
                    f"extract / bare, separate processes, {mb:g} MB, {workers} worker(s)",
                    r,
                    f">= {EXTRACT_RATIO_TARGET:.0%}",
                    r >= EXTRACT_RATIO_TARGET,
                )
            if extract is not None and bare is not None and bare.words_per_cpu_s:
                check(
                    f"extract / bare per CPU second, {mb:g} MB, {workers} worker(s)",
                    extract.words_per_cpu_s / bare.words_per_cpu_s,
                    "",
                    None,
                )
            runs = pairs.get((mb, workers), [])
            paired_bare: Measurement | None = None
            if runs:
                # The run whose extraction was fastest, with the bare side of the same run.
                paired_bare, paired = min(runs, key=lambda p: p[1].seconds)
                r = _ratio(paired, paired_bare)
                assert r is not None
                others = ", ".join(f"{_ratio(e, b) or 0:.1%}" for b, e in runs)
                check(
                    f"extract / bare, paired in one process, {mb:g} MB, {workers} worker(s) "
                    f"(each run: {others})",
                    r,
                    f">= {EXTRACT_RATIO_TARGET:.0%}",
                    r >= EXTRACT_RATIO_TARGET,
                )
            reference = bare or paired_bare
            build = best.get(("build", mb, workers))
            if build is None or reference is None:
                continue
            what = "bare" if bare is not None else "paired bare"
            check(
                f"build / {what}, {mb:g} MB, {workers} worker(s)",
                _ratio(build, reference),
                "",
                None,
            )
            fixed = best.get(("build-fixed", 0.0, workers))
            if fixed is not None:
                net = build.words / max(build.seconds - fixed.seconds, 1e-9)
                check(
                    f"build without its fixed costs / {what}, {mb:g} MB, {workers} worker(s)",
                    net / reference.words_per_s,
                    "",
                    None,
                )
    if load is not None:
        rate = load["relationships"] / load["seconds"]
        ok = rate >= LOAD_RATE_TARGET
        check("embedded load, relationships/s", rate, f">= {LOAD_RATE_TARGET:,}", ok, "")
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        for workers in sorted({m.workers for m in measurements}):
            a = best.get(("build", small, workers))
            b = best.get(("build", large, workers))
            if a is None or b is None:
                continue
            growth = b.peak_rss_mb / a.peak_rss_mb - 1
            check(
                f"build peak RSS {large:g} MB vs {small:g} MB, {workers} worker(s)",
                growth,
                f"<= +{BUILD_RSS_GROWTH_TARGET:.0%}",
                growth <= BUILD_RSS_GROWTH_TARGET,
                "growth",
            )
    for m in best.values():
        if m.kind == "build":
            check(
                f"build peak RSS per process, {m.corpus_mb:g} MB, {m.workers} worker(s), MB",
                m.peak_rss_mb,
                f"< {BUILD_RSS_LIMIT_MB}",
                m.peak_rss_mb < BUILD_RSS_LIMIT_MB,
                "",
            )
    return {"checks": checks}


def _environment() -> dict[str, Any]:
    from importlib.metadata import version

    from geokg.extract.extractor import DEFAULT_BATCH_CHARS, DEFAULT_CHUNK_CHARS
    from geokg.extract.pipeline import MODEL_NAME

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "model": MODEL_NAME,
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_start": os.getloadavg(),
        "batch_chars": DEFAULT_BATCH_CHARS,
        "chunk_chars": DEFAULT_CHUNK_CHARS,
    }


def _fmt(value: float | None, kind: str = "") -> str:
    if value is None:
        return "n/a"
    if kind == "pct":
        return f"{value:.1%}"
    if kind == "growth":
        return f"{value:+.1%}"
    return f"{value:,.0f}"


def _load_path(load: dict[str, Any]) -> str:
    """How the measured load reached the database (older results name no path)."""
    calls = load.get("statements")
    if load.get("path") == "bulk":
        return f"the first load of an empty graph: {calls} GRAPH.BULK call(s), no Cypher"
    return f"{calls} statements"


def render_markdown(report: dict[str, Any]) -> str:
    """The human-readable report (``results.md``)."""
    env = report["environment"]
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `{report['command']}` on "
        f"{env['date']} at commit `{env['commit']}`: {env['cpus']} CPUs, "
        f"{env['memory_gb']} GB, Python {env['python']}, spaCy {env['spacy']}, "
        f"model `{env['model']}`; chunks of at most {env['chunk_chars']:,} characters, "
        f"batches of about {env['batch_chars']:,} characters. Load average at start: "
        + ", ".join(f"{x:.2f}" for x in env["load_average_at_start"])
        + f". Each figure is the best of {report['repeat']} run(s) on corpora up to 1 MB and "
        f"{report['repeat_large']} on larger ones, each in a fresh process; the machine is "
        "shared, so each row also shows how many cores other processes used meanwhile.",
        "",
        "## Targets",
        "",
        "| measure | value | target | met |",
        "| --- | ---: | --- | --- |",
    ]
    for c in report["summary"]["checks"]:
        ok = {True: "yes", False: "**no**", None: ""}[c["ok"]]
        lines.append(f"| {c['name']} | {_fmt(c['value'], c['unit'])} | {c['target']} | {ok} |")
    lines += [
        "",
        "## Measurements",
        "",
        "Words are whitespace-separated words of the input files. `bare` is the spaCy model "
        "alone over the extractor's chunks and batches (`n_process` for 2 workers); "
        "`bare-pool` is the bare model through the extractor's own process pool; `extract` "
        "is `geokg extract` (records written as JSON Lines); `build` is `geokg build` "
        "(model loading and the embedded database's start and stop included); "
        "`build-fixed` is `geokg build` on an empty folder (those fixed costs alone); "
        "`paired-bare` and `paired-extract` ran in one process, alternating slices of the "
        "corpus (ABBA), so that both saw the same load from other processes (1 worker: "
        "slices of about 250 KB); with 2 workers "
        "a slice holds at least 16 batches (so that neither side idles a worker at its end), "
        "and a corpus too small for two such slices runs twice whole (bare, extract, extract, "
        "bare; times per pass). "
        "words/CPU s: per CPU second of the timed part, workers included. "
        "Peak RSS: the largest single process (rusage and samples) and the largest sampled "
        "sum over the process tree.",
        "",
        "| corpus | kind | workers | words | seconds | words/s | CPU s | words/CPU s "
        "| peak RSS/process MB | peak RSS tree MB | others' CPU (cores) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for m in report["measurements"]:
        lines.append(
            f"| {m['corpus_mb']:g} MB | {m['kind']} | {m['workers']} | {m['words']:,} "
            f"| {m['seconds']:.1f} | {m['words_per_s']:,.0f} | {m['cpu_seconds']:.1f} "
            f"| {_fmt(m['words_per_cpu_s'] or None)} | {m['peak_rss_mb']:,.0f} "
            f"| {m['peak_tree_rss_mb']:,.0f} | {m['others_cores']:.2f} |"
        )
    load = report.get("load")
    if load:
        lines += [
            "",
            "## Embedded load",
            "",
            f"`store.load` of a synthetic batch of {load['relationships']:,} relationships "
            f"between {load.get('nodes', 5000):,} entities into a fresh embedded FalkorDB: "
            f"{load['seconds']:.2f} s, **{load['relationships'] / load['seconds']:,.0f} "
            f"relationships/s** ({_load_path(load)}); each relationship with "
            "its Mention node (three links) and its sentence.",
        ]
        if load.get("reload_seconds"):
            lines[-1] += (
                f" Loading the same batch again (every mention is found in place and "
                f"nothing is written): {load['reload_seconds']:.2f} s, "
                f"{load['relationships'] / load['reload_seconds']:,.0f} relationships/s."
            )
        if load.get("cpu_bound_rate"):
            lines[-1] += (
                f" CPU-bound (relationships over the larger of client and server CPU "
                f"seconds): {load['cpu_bound_rate']:,.0f}/s first, "
                f"{load.get('reload_cpu_bound_rate', 0):,.0f}/s reload."
            )
        if load.get("peak_rss_mb"):
            lines[-1] += (
                f" Peak RSS of the loading process: {load['peak_rss_mb']:,.0f} MB (the "
                "database server is a daemon of its own, not counted)."
            )
    lines.append("")
    return "\n".join(lines)


def _write_report(
    report: dict[str, Any], measurements: list[Measurement], sizes: Sequence[float], out: Path
) -> None:
    """Add the best rows, every run and the summary to ``report``; write JSON and Markdown."""

    def row(m: Measurement) -> dict[str, Any]:
        return {**asdict(m), "words_per_s": m.words_per_s, "words_per_cpu_s": m.words_per_cpu_s}

    best = sorted(_best(measurements).values(), key=lambda m: (m.corpus_mb, m.workers, m.kind))
    report["measurements"] = [row(m) for m in best]
    report["runs"] = [row(m) for m in measurements]
    report["summary"] = summarize(measurements, report.get("load"), sizes)
    (out / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    markdown = render_markdown(report)
    (out / "results.md").write_text(markdown)
    print()
    print(markdown)


def _render(path: Path, out: Path) -> int:
    """Recompute the summary of a ``results.json`` and write the report again."""
    report = json.loads(path.read_text())
    fields = set(Measurement.__dataclass_fields__)
    measurements = [
        Measurement(**{k: v for k, v in run.items() if k in fields}) for run in report["runs"]
    ]
    sizes = [float(s) for s in report["corpora"]]
    _write_report(report, measurements, sizes, out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; write ``results.json`` and ``results.md``."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="Small corpus, smoke test.")
    parser.add_argument("--sizes", help="Corpus sizes in MB, comma-separated (default 1,10).")
    parser.add_argument("--workers", default="1,2", help="Worker counts (default 1,2).")
    parser.add_argument(
        "--kinds",
        default="bare,extract,paired,build",
        help="Measurements per corpus and worker count (also: bare-pool).",
    )
    parser.add_argument(
        "--kinds-large",
        default="paired,build",
        help="Measurements on corpora over 1 MB (paired holds bare and extract).",
    )
    parser.add_argument("--edges", type=int, help="Relationships of the load test (50000).")
    parser.add_argument(
        "--repeat", type=int, default=3, help="Runs of each on corpora <= 1 MB; the best counts."
    )
    parser.add_argument(
        "--repeat-large", type=int, default=1, help="Runs of each on larger corpora."
    )
    parser.add_argument("--seed", type=Path, help="Seed corpus folder.")
    parser.add_argument("--work-dir", type=Path, help="Where corpora are generated (kept).")
    parser.add_argument(
        "--out-dir", type=Path, help="Where results go (default bench/, or a temp dir: --quick)."
    )
    parser.add_argument(
        "--render", type=Path, help="Only rewrite the report of this results.json (no runs)."
    )
    args = parser.parse_args(argv)
    if args.render is not None:
        return _render(args.render, args.out_dir or args.render.parent)

    sizes = [float(s) for s in (args.sizes or ("0.1" if args.quick else "1,10")).split(",")]
    workers = [int(w) for w in args.workers.split(",")]
    kinds = [k for k in args.kinds.split(",") if k]
    kinds_large = [k for k in args.kinds_large.split(",") if k]
    edges = args.edges or (2_000 if args.quick else 50_000)
    work = args.work_dir or Path(tempfile.gettempdir()) / "geokg-bench"
    out_dir = args.out_dir or (work if args.quick else BENCH_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    seed = find_seed(args.seed)

    corpora: dict[float, tuple[Path, int]] = {}
    for mb in sizes:
        folder = work / f"corpus-{mb:g}mb"
        files, size = make_corpus(seed, folder, int(mb * MB))
        corpora[mb] = (folder, count_words(folder))
        print(f"corpus {mb:g} MB: {files} files, {size:,} bytes, {corpora[mb][1]:,} words")

    empty = work / "corpus-empty"
    empty.mkdir(parents=True, exist_ok=True)
    measurements: list[Measurement] = []
    if args.quick:
        args.repeat = args.repeat_large = 1
    for round_ in range(max(args.repeat, args.repeat_large)):
        if "build" in kinds + kinds_large:
            for n in workers:
                # Model loading, database start and stop: what a build costs beyond its text.
                [m] = _measure("build", empty, 0.0, n, 0, label="build-fixed")
                measurements.append(m)
                print(f"build on an empty corpus, workers={n}: {m.seconds:.1f} s", flush=True)
        for mb, (folder, words) in corpora.items():
            if round_ >= (args.repeat if mb <= 1 else args.repeat_large):
                continue
            for n in workers:
                for kind in kinds if mb <= 1 else kinds_large:
                    for m in _measure(kind, folder, mb, n, words):
                        measurements.append(m)
                        print(
                            f"{mb:g} MB {m.kind:14s} workers={n}: {m.words_per_s:8,.0f} words/s, "
                            f"{m.seconds:6.1f} s, peak RSS {m.peak_rss_mb:,.0f} MB/process, "
                            f"{m.peak_tree_rss_mb:,.0f} MB tree, others used "
                            f"{m.others_cores:.2f} cores",
                            flush=True,
                        )
    load: dict[str, Any] | None = None
    for _ in range(args.repeat):
        result = run_measurement(["load", "--edges", str(edges)])
        if load is None or result["seconds"] < load["seconds"]:
            load = result
    assert load is not None
    print(f"load: {load['relationships'] / load['seconds']:,.0f} relationships/s", flush=True)

    report: dict[str, Any] = {
        "command": " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]),
        "quick": args.quick,
        "repeat": args.repeat,
        "repeat_large": args.repeat_large,
        "environment": _environment(),
        "corpora": {f"{mb:g}": {"folder": str(f), "words": w} for mb, (f, w) in corpora.items()},
        "load": load,
    }
    _write_report(report, measurements, sizes, out_dir)
    return 0
