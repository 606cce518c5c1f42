"""Helpers for the CLI end-to-end and fault tests: run geokg in a subprocess, read a graph back."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from geokg.graph import cypher
from geokg.graph.falkor import FalkorServer, FalkorStore

REPO = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("geokg_driver.py")
EXAMPLES = REPO / "examples"
CORPUS = REPO.parent / "shared" / "corpus"

_DROP_DAC = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


@dataclass(frozen=True)
class Run:
    """A finished CLI run."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def lines(self) -> list[str]:
        """The non-empty stderr lines."""
        return [ln for ln in self.stderr.splitlines() if ln.strip()]


@cache
def frozen_code() -> Path:
    """A copy of the ``geokg`` package taken once per test session.

    Several engineers edit the same working tree: tests that compare runs made minutes apart
    (a crash and its re-run against a clean build) must run the same code each time.
    """
    root = Path(tempfile.mkdtemp(prefix="gkcode"))
    shutil.copytree(
        REPO / "geokg", root / "geokg", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI subprocess: the frozen code first on the path, fixed width."""
    env = dict(os.environ)
    code = str(frozen_code())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [code, env.get("PYTHONPATH")]))
    env.pop("GEOKG_DB_DIR", None)
    env.pop("NEO4J_URI", None)
    env.pop("GEOKG_DEBUG", None)
    env["COLUMNS"] = "80"  # messages must stay one line even on a narrow terminal
    env.update(extra or {})
    return env


@cache
def can_drop_dac() -> bool:
    """Whether this (root) process can run a child without CAP_DAC_OVERRIDE via setpriv."""
    if shutil.which("setpriv") is None:
        return False
    probe = subprocess.run([*_DROP_DAC, "true"], capture_output=True, check=False)
    return probe.returncode == 0


def popen_cli(
    args: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    unprivileged: bool = False,
) -> subprocess.Popen[str]:
    """Start ``geokg ARGS`` through the fault-hook driver.

    Args:
        args: The geokg arguments.
        env: Extra environment variables (hooks, NEO4J_PASSWORD ...).
        unprivileged: As root, drop CAP_DAC_OVERRIDE so file modes apply (or, where that is
            impossible, let the driver enforce read bits).
    """
    extra = dict(env or {})
    prefix: list[str] = []
    if unprivileged and os.geteuid() == 0:
        if can_drop_dac():
            prefix = list(_DROP_DAC)
        else:
            extra["GEOKG_TEST_DENY_UNREADABLE"] = "1"
    cmd = [*prefix, sys.executable, str(DRIVER), *map(str, args)]
    return subprocess.Popen(
        cmd,
        cwd=REPO,
        env=cli_env(extra),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run_cli(
    args: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    unprivileged: bool = False,
    timeout: float = 600,
) -> Run:
    """Run ``geokg ARGS`` to the end (see :func:`popen_cli`)."""
    proc = popen_cli(args, env=env, unprivileged=unprivileged)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"geokg {args} timed out; stderr: {err[-2000:]}") from None
    return Run([str(a) for a in args], proc.returncode, out, err)


@contextlib.contextmanager
def short_tmp(prefix: str = "gk") -> Iterator[Path]:
    """A short temporary folder (unix socket paths are limited to ~100 bytes).

    Every embedded server left running in a folder below it is stopped on exit.
    """
    root = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield root
    finally:
        for pidfile in root.rglob("falkordb.pid"):
            with contextlib.suppress(Exception):
                FalkorServer(pidfile.parent).stop(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


def _sorted_ids(row: dict[str, Any]) -> dict[str, Any]:
    # collect() order is not defined: the set of mentioned entities is what matters.
    return {**row, "entity_ids": sorted(row["entity_ids"])}


def read_graph(store: FalkorStore) -> dict[str, Any]:
    """Everything a store holds, in a comparable form: counts, nodes and relationships.

    Relationship properties are compared as stored, lists in their stored order.
    """
    return {
        "counts": store.counts(),
        "documents": store.query(cypher.read_documents()).records(),
        "entities": store.query(cypher.read_entities()).records(),
        "sentences": [_sorted_ids(r) for r in store.query(cypher.read_sentences()).records()],
        "relations": store.query(cypher.read_relations()).records(),
        "mentions": store.query(cypher.read_mentions()).records(),
    }


def read_graph_at(db_dir: Path) -> dict[str, Any]:
    """:func:`read_graph` of a database folder (starting its server for the read if needed)."""
    with FalkorStore(db_dir) as store:
        return read_graph(store)


def graph_diff(a: dict[str, Any], b: dict[str, Any]) -> str:
    """A short description of the first differences between two :func:`read_graph` dicts."""
    out: list[str] = []
    for key in a:
        if a[key] == b[key]:
            continue
        if isinstance(a[key], list):
            left = {repr(x) for x in a[key]}
            right = {repr(x) for x in b[key]}
            out.append(f"{key}: only left {sorted(left - right)[:3]}")
            out.append(f"{key}: only right {sorted(right - left)[:3]}")
        else:
            out.append(f"{key}: {a[key]} != {b[key]}")
    return "\n".join(out)[:4000]
