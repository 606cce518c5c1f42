"""Faults: an unreachable or unusable database gives one clear line, and crashes lose nothing.

Crash tests run ``geokg build`` in a subprocess on the REAL embedded FalkorDB and kill it:

- the Python process with SIGKILL from outside, once the database holds some documents;
- the Python process with SIGKILL from inside, right after the n-th loader statement (the
  next one is already on the wire): part of a batch is applied;
- the ``redis-server`` itself with SIGKILL mid-run, after an earlier build saved a snapshot
  (``appendonly no``: the server restarts from that snapshot).

Each time a re-run of the same command must leave exactly the graph of a clean build in another
folder: the same nodes, relationships, counts and relationship properties (lists in the same
order). The embedded server survives a kill of the Python process (it is a daemon); the re-run
reuses it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from geokg.graph.falkor import FalkorServer
from tests.cli.cliutil import (
    CORPUS,
    EXAMPLES,
    Run,
    graph_diff,
    popen_cli,
    read_graph_at,
    run_cli,
    short_tmp,
)

SECRET = "S3cr3t-pw-9f8e7d"  # a password that must never be printed
BATCH = ["--batch-docs", "1"]  # a load after every document: many loads to crash into


# --- the database cannot be used: one line, exit 2 ---------------------------------------------


def _assert_one_error_line(run: Run, *needles: str) -> None:
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    lines = run.lines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("error: [E301] "), lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("command", ["build", "query"])
def test_neo4j_unreachable_is_one_line_without_the_password(command: str) -> None:
    args: list[str | Path] = ["MATCH (n) RETURN n"]
    if command == "build":
        args = [EXAMPLES / "01_turkey_russia_sochi.txt"]
    run = run_cli(
        [command, *args, "--neo4j-uri", "bolt://127.0.0.1:1"], env={"NEO4J_PASSWORD": SECRET}
    )
    _assert_one_error_line(run, "cannot reach Neo4j at bolt://127.0.0.1:1")
    assert SECRET not in run.stderr + run.stdout


@pytest.mark.parametrize(
    "uri",
    [
        f"bolt://analyst:{SECRET}@127.0.0.1:1",
        f"neo4j://analyst:{SECRET}@127.0.0.1:1",
        f"http://analyst:{SECRET}@127.0.0.1:1",
        f"neo4j:analyst:{SECRET}@127.0.0.1:1",
        "bolt://127.0.0.1:port",
    ],
)
def test_neo4j_uri_with_credentials_or_garbage_is_one_line_without_the_password(uri: str) -> None:
    run = run_cli(
        ["build", EXAMPLES / "01_turkey_russia_sochi.txt", "--neo4j-uri", uri],
        env={"NEO4J_PASSWORD": SECRET},
    )
    _assert_one_error_line(run)
    assert SECRET not in run.stderr + run.stdout


def test_neo4j_without_password_is_one_line() -> None:
    run = run_cli(["build", EXAMPLES, "--neo4j-uri", "bolt://127.0.0.1:1"])
    _assert_one_error_line(run, "NEO4J_PASSWORD")


@pytest.fixture()
def tmp() -> Iterator[Path]:
    """A short temporary folder; embedded servers below it are stopped afterwards."""
    with short_tmp() as root:
        yield root


def test_db_dir_that_is_a_file_is_one_line(tmp: Path) -> None:
    blocker = tmp / "db"
    blocker.write_text("not a folder")
    run = run_cli(["build", EXAMPLES / "01_turkey_russia_sochi.txt", "--db-dir", blocker])
    _assert_one_error_line(run, f"database folder {blocker} is a file, not a folder")


def test_db_dir_below_a_file_is_one_line(tmp: Path) -> None:
    blocker = tmp / "file"
    blocker.write_text("not a folder")
    run = run_cli(["build", EXAMPLES / "01_turkey_russia_sochi.txt", "--db-dir", blocker / "db"])
    _assert_one_error_line(run, "cannot create database folder")


@pytest.mark.parametrize("inside", [False, True], ids=["new-db-dir", "existing-db-dir"])
def test_db_dir_that_is_not_writable_is_one_line(tmp: Path, inside: bool) -> None:
    parent = tmp / "ro"
    parent.mkdir()
    db_dir = parent / "db"
    if inside:
        db_dir.mkdir(mode=0o700)
        db_dir.chmod(0o500)
    else:
        parent.chmod(0o500)
    run = run_cli(
        ["build", EXAMPLES / "01_turkey_russia_sochi.txt", "--db-dir", db_dir], unprivileged=True
    )
    expected = "cannot write in database folder" if inside else "cannot create database folder"
    _assert_one_error_line(run, expected, "Permission denied")


# --- crashes and re-runs ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crash_root() -> Iterator[Path]:
    """A short folder for the inputs and database folders of the crash tests."""
    with short_tmp("gkcr") as root:
        yield root


@pytest.fixture(scope="module")
def inputs(crash_root: Path) -> tuple[Path, Path]:
    """``(all, first_part)``: enough documents for a build that takes several seconds.

    The shared corpus twice under distinct names plus the examples (or the examples six times
    where the corpus is absent). ``first_part`` holds the first documents of ``all`` in walk
    order, under the same names.
    """
    every, first = crash_root / "in_all", crash_root / "in_first"
    every.mkdir()
    first.mkdir()
    sources = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    copies = 2 if sources else 6
    sources = sources or sorted(EXAMPLES.glob("*.txt"))
    for i in range(copies):
        for src in sources:
            shutil.copyfile(src, every / f"c{i}_{src.name}")
    for src in sorted(EXAMPLES.glob("*.txt")):
        shutil.copyfile(src, every / f"x_{src.name}")
    for src in sorted(every.iterdir())[: len(sources)]:
        shutil.copyfile(src, first / src.name)
    return every, first


def _documents(db_dir: Path) -> int:
    """Document nodes in a running server's graph (0 when there is none yet)."""
    server = FalkorServer(db_dir)
    if not server.socket.exists() or not server.passfile.exists():
        return 0
    try:
        client = server.client()
        result = client.select_graph("geokg").ro_query("MATCH (d:Document) RETURN count(d)")
        client.connection.close()
    except redis.RedisError:
        return 0
    return int(result.result_set[0][0])


@pytest.fixture(scope="module")
def clean_graph(inputs: tuple[Path, Path], crash_root: Path) -> dict[str, Any]:
    """The graph of an uninterrupted build of all the inputs."""
    db_dir = crash_root / "clean"
    run = run_cli(["build", inputs[0], "--db-dir", db_dir, *BATCH])
    assert run.returncode == 0, run.stderr
    graph = read_graph_at(db_dir)
    assert graph["counts"]["total_relationships"] > 0
    return graph


def _wait_for_documents(
    proc: subprocess.Popen[str], db_dir: Path, at_least: int, timeout: float = 180
) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _, err = proc.communicate()
            raise AssertionError(f"the build ended before the kill ({proc.returncode}): {err}")
        n = _documents(db_dir)
        if n >= at_least:
            return n
        time.sleep(0.05)
    raise AssertionError(f"no {at_least} documents in {db_dir} within {timeout}s")


def _rerun_equals_clean(
    inputs: tuple[Path, Path], db_dir: Path, clean_graph: dict[str, Any]
) -> None:
    run = run_cli(["build", inputs[0], "--db-dir", db_dir, *BATCH])
    assert run.returncode == 0, run.stderr
    again = read_graph_at(db_dir)
    assert again == clean_graph, graph_diff(again, clean_graph)


@pytest.mark.slow
def test_rerun_after_sigkill_of_the_build_equals_a_clean_build(
    inputs: tuple[Path, Path], crash_root: Path, clean_graph: dict[str, Any]
) -> None:
    db_dir = crash_root / "killed"
    total = clean_graph["counts"]["nodes"]["Document"]
    proc = popen_cli(["build", inputs[0], "--db-dir", db_dir, *BATCH])
    try:
        _wait_for_documents(proc, db_dir, at_least=2)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert _documents(db_dir) < total, "the build was killed too late to test anything"
    assert FalkorServer(db_dir).status().running  # the daemon outlives the killed build
    _rerun_equals_clean(inputs, db_dir, clean_graph)


@pytest.mark.slow
@pytest.mark.parametrize("statements", [1, 3, 45])
def test_rerun_after_sigkill_in_the_middle_of_a_load_equals_a_clean_build(
    inputs: tuple[Path, Path], crash_root: Path, clean_graph: dict[str, Any], statements: int
) -> None:
    """The first batch goes into the empty graph through one GRAPH.BULK call (statement 1),
    the later ones through Cypher statements."""
    db_dir = crash_root / f"midload{statements}"
    proc = popen_cli(
        ["build", inputs[0], "--db-dir", db_dir, *BATCH],
        env={"GEOKG_TEST_KILL_AFTER": str(statements)},
    )
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err
    partial = read_graph_at(db_dir)["counts"]
    assert 1 <= partial["nodes"]["Document"] < clean_graph["counts"]["nodes"]["Document"]
    if statements == 1:  # the first document is in, its schema not yet: the re-run redoes it
        assert partial["nodes"]["Document"] == 1
        assert partial["nodes"]["Sentence"] > 0
        assert partial["total_relationships"] > 0
    if statements == 3:  # then the second document and some of its entities, nothing else
        assert partial["nodes"]["Document"] == 2
        assert partial["nodes"]["Entity"] > 0
    _rerun_equals_clean(inputs, db_dir, clean_graph)


@pytest.mark.slow
def test_rerun_after_sigkill_of_the_database_server_equals_a_clean_build(
    inputs: tuple[Path, Path], crash_root: Path, clean_graph: dict[str, Any]
) -> None:
    db_dir = crash_root / "serverkilled"
    first = run_cli(["build", inputs[1], "--db-dir", db_dir, *BATCH])
    assert first.returncode == 0, first.stderr
    saved = read_graph_at(db_dir)["counts"]["nodes"]["Document"]
    assert (db_dir / "geokg.rdb").is_file()

    proc = popen_cli(["build", inputs[0], "--db-dir", db_dir, *BATCH])
    try:
        _wait_for_documents(proc, db_dir, at_least=saved + 1)
        server_pid = FalkorServer(db_dir)._pid()
        assert server_pid is not None
        os.kill(server_pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    run = Run([], proc.returncode, out, err)
    _assert_one_error_line(run, "FalkorDB")
    assert not FalkorServer(db_dir).status().running
    # appendonly is off: the restarted server holds the last snapshot (at least the first build)
    restarted = read_graph_at(db_dir)["counts"]["nodes"]["Document"]
    assert saved <= restarted < clean_graph["counts"]["nodes"]["Document"]
    _rerun_equals_clean(inputs, db_dir, clean_graph)
