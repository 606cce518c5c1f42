"""Evidence at scale: ``python -m bench.scale`` measures and writes its section of results.md.

Each measurement runs in a fresh process (``python -m bench.measure scale|load|one-doc``):

- one relationship with 16k, 64k and 256k mentions, and a corpus of as many mentions over a
  quarter as many relationships: aggregation (:class:`~geokg.graph.build.GraphBuilder`), load
  into a fresh embedded database, and a reload of the same batch;
- the 50,000-relationship load of ``python -m bench`` (one mention each): the first load of an
  empty graph (GRAPH.BULK), the same through the Cypher path, and a load onto a graph that
  already holds 50,000 other relationships (the Cypher path of every later load);
- the one-sentence document (``Russia supports Syria.`` 250,000 times, 5.75 MB): extraction,
  then aggregation and load.

The machine is shared with other jobs, so the section gives CPU seconds (this process plus the
database server) next to wall seconds; ratios are computed on CPU seconds. The section sits
between ``<!-- scale -->`` markers in ``bench/results.md`` (``python -m bench`` rewrites the
rest of the file; run this afterwards).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["main", "render"]

RESULTS = Path(__file__).with_name("results.md")
START, END = "<!-- scale -->", "<!-- /scale -->"


def _measure(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.measure", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _ratio(rows: list[dict[str, Any]], key: str) -> list[str]:
    """Growth of ``key`` from each row to the next (empty for the first)."""
    out = [""]
    for before, after in itertools.pairwise(rows):
        out.append(f"x{after[key] / before[key]:.2f}")
    return out


def render(
    scale: list[dict[str, Any]],
    load: list[dict[str, Any]],
    one: dict[str, Any],
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0),
) -> str:
    """The markdown section (``load_average``: the machine's when the measurements began)."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        START,
        "## Evidence at scale (issue 14)",
        "",
        f"Measured by `python -m bench.scale` on {when}"
        f" (load average at start {', '.join(f'{x:.2f}' for x in load_average)}; the "
        "machine is shared with other jobs, so wall seconds are noisy: ratios use CPU seconds, "
        "this process plus the database server).",
        "",
        "### Build time against mentions",
        "",
        "| relationships | mentions | aggregate CPU s | load CPU s | build CPU s | x per x4 "
        "mentions | reload CPU s | wall s (aggregate + load) | graph nodes |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for pairs_kind in ("one", "many"):
        rows = [r for r in scale if (r["pairs"] == 1) == (pairs_kind == "one")]
        ratios = _ratio(rows, "cpu")
        for r, ratio in zip(rows, ratios, strict=True):
            lines.append(
                f"| {r['pairs']:,} | {r['mentions']:,} | {r['aggregate_cpu']:.2f} | "
                f"{r['load_cpu']:.2f} | {r['cpu']:.2f} | {ratio} | {r['reload_cpu']:.2f} | "
                f"{r['seconds']:.1f} | {r['nodes']:,} |"
            )
    lines += [
        "",
        "### Load of 50,000 new relationships (one mention, sentence and document each)",
        "",
        "CPU-bound rate: relationships over the larger of the client's and the server's CPU "
        "seconds (what the load reaches when neither waits for other jobs). Paths: GRAPH.BULK "
        "is the first load of an empty graph (the store's default); Cypher into an empty "
        "graph is the same load with `FalkorStore(bulk=False)`; Cypher onto 50,000 is a load "
        "into a graph already holding 50,000 other relationships between the same entities "
        "(every load after the first). The reload is always the Cypher path.",
        "",
        "| first load path | first load wall s | /s wall | client, server CPU s | "
        "/s CPU-bound | reload wall s | /s wall | client, server CPU s | /s CPU-bound |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in load:
        n = r["relationships"]
        path = "GRAPH.BULK" if r.get("path", "bulk") == "bulk" else "Cypher"
        where = f"onto {r['onto']:,}" if r.get("onto") else "into an empty graph"
        lines.append(
            f"| {path} {where} | {r['seconds']:.2f} | {n / r['seconds']:,.0f} | "
            f"{r['client_cpu']:.2f}, {r['server_cpu']:.2f} | {r['cpu_bound_rate']:,.0f} | "
            f"{r['reload_seconds']:.2f} | {n / r['reload_seconds']:,.0f} | "
            f"{r['reload_client_cpu']:.2f}, {r['reload_server_cpu']:.2f} | "
            f"{r['reload_cpu_bound_rate']:,.0f} |"
        )
    lines += [
        "",
        "### The one-sentence document",
        "",
        f"`Russia supports Syria.` {one['repeats']:,} times ({one['bytes'] / 1e6:.2f} MB): "
        f"{one['relation_mentions']:,} relation mentions, stored as one relationship "
        f"(mentions, doc_count) = {one['relationship']}.",
        "",
        "| stage | CPU s | wall s |",
        "| --- | ---: | ---: |",
        f"| extraction | {one['extract_cpu']:.1f} | {one['extract_seconds']:.1f} |",
        f"| aggregation | {one['aggregate_cpu']:.1f} | {one['aggregate_seconds']:.1f} |",
        f"| load | {one['load_cpu']:.1f} | {one['load_seconds']:.1f} |",
        f"| build / extraction | {one['build_over_extract_cpu']:.2f} | |",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = RESULTS) -> None:
    """Put the section into results.md, replacing an earlier one."""
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if START in current and END in current:
        head, rest = current.split(START, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        current = head + text + ("\n" + tail if tail else "")
    else:
        current = current.rstrip("\n") + "\n\n" + text
    path.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and write the section."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--sizes", default="16000,64000,256000")
    parser.add_argument("--repeats", type=int, default=250_000)
    parser.add_argument("--loads", type=int, default=2)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--one-doc", type=Path, help="a one-doc result (JSON) to reuse")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    load_average = os.getloadavg()
    scale = [_measure("scale", "--mentions", str(n), "--pairs", "1") for n in sizes]
    scale += [_measure("scale", "--mentions", str(n), "--pairs", str(n // 4)) for n in sizes]
    load = [_measure("load") for _ in range(args.loads)]
    load += [_measure("load", "--path", "cypher") for _ in range(args.loads)]
    load += [_measure("load", "--onto", "50000") for _ in range(args.loads)]
    if args.one_doc is not None:
        one = json.loads(args.one_doc.read_text(encoding="utf-8"))
    else:
        one = _measure("one-doc", "--repeats", str(args.repeats))
    text = render(scale, load, one, load_average)
    write_section(text, args.out)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
