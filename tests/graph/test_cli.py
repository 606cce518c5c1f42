"""``geokg db``, ``geokg query`` and ``geokg export`` through the real CLI app on a real
embedded database in a private folder."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geokg.cli import app
from geokg.graph.falkor import FalkorServer
from geokg.graph.registry import open_store

from .conftest import DOC_A, DOC_B, batch_of, dated_batch

runner = CliRunner()


@pytest.fixture(autouse=True)
def _embedded_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # --neo4j-uri reads NEO4J_URI: a developer's environment must not redirect these tests.
    monkeypatch.delenv("NEO4J_URI", raising=False)


@pytest.fixture()
def db_dir() -> Iterator[Path]:
    """A private database folder holding the sample corpus (server stopped afterwards)."""
    with tempfile.TemporaryDirectory(prefix="gkc") as tmp:
        db = Path(tmp) / "db"
        with open_store(db_dir=db) as store:
            store.ensure_schema()
            store.load(batch_of(("a.txt", DOC_A), ("b.txt", DOC_B)))
        yield db
        FalkorServer(db).stop()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_cli_db_start_status_stop(db_dir: Path) -> None:
    code, out = _run("db", "status", "--db-dir", str(db_dir))
    assert code == 0
    assert "not running" in out
    code, out = _run("db", "start", "--db-dir", str(db_dir))
    assert code == 0
    assert "FalkorDB started" in out
    code, out = _run("db", "start", "--db-dir", str(db_dir))
    assert "already running" in out
    code, out = _run("db", "status", "--db-dir", str(db_dir))
    assert code == 0
    assert "running (pid" in out
    assert "SUPPORTS" in out
    code, out = _run("db", "stop", "--db-dir", str(db_dir))
    assert code == 0
    assert "stopped" in out
    assert FalkorServer(db_dir).status().running is False


def test_cli_query_list_names_every_query() -> None:
    code, out = _run("query", "--list")
    assert code == 0
    for name in ("partners", "evidence", "most_sanctioned", "relations_by_year"):
        assert name in out
    assert "[limit=25]" in out  # optional parameters with defaults, not eaten as markup


def test_cli_named_query_with_params_as_table(db_dir: Path) -> None:
    code, out = _run("query", "partners", "--param", "name=Moscow", "--db-dir", str(db_dir))
    assert code == 0, out
    assert "Turkey" in out
    assert "Syria" in out
    assert "2 row(s)" in out


def test_cli_named_query_as_json(db_dir: Path) -> None:
    code, out = _run("query", "members", "-p", "name=NATO", "--json", "--db-dir", str(db_dir))
    assert code == 0, out
    assert json.loads(out) == [
        {
            "organization": "NATO",
            "member": "Turkey",
            "status": "member",
            "statuses": ["member"],
            "mentions": 1,
            "negated": 0,
        }
    ]


def test_cli_raw_cypher_with_typed_params(db_dir: Path) -> None:
    code, out = _run(
        "query",
        "MATCH (c:Country) WHERE c.mentions > $m RETURN c.name AS name ORDER BY name",
        "--param",
        "m=2",
        "--json",
        "--db-dir",
        str(db_dir),
    )
    assert code == 0, out
    assert json.loads(out) == [{"name": "Russia"}, {"name": "Turkey"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "friends"], "no query named 'friends'"),
        (["query", "partners"], "needs --param name"),
        (["query", "partners", "-p", "oops"], "--param takes name=value"),
        (["query", "MATCH (n RETURN n"], "FalkorDB rejected"),
        (["export", "--format", "xml", "-o", "x"], "unknown format"),
        (["export", "--format", "json", "-o", "x", "--focus", "Russia"], "html only"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(db_dir: Path, args: list[str], message: str) -> None:
    code, out = _run(*args, "--db-dir", str(db_dir))
    assert code == 2
    assert message in " ".join(out.split())
    assert "Traceback" not in out


def test_cli_export_every_format(db_dir: Path, tmp_path: Path) -> None:
    targets = {
        "neo4j-import": tmp_path / "csv",
        "cypher": tmp_path / "graph.cypher",
        "graphml": tmp_path / "graph.graphml",
        "json": tmp_path / "graph.json",
        "browser": tmp_path / "browser",
    }
    for fmt, out in targets.items():
        code, text = _run("export", "--format", fmt, "-o", str(out), "--db-dir", str(db_dir))
        assert code == 0, text
        assert out.exists()
    assert (targets["neo4j-import"] / "README.md").is_file()
    data = json.loads(targets["json"].read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 10
    assert len(data["edges"]) == 18


def test_cli_db_clear(db_dir: Path) -> None:
    code, out = _run("db", "clear", "--yes", "--db-dir", str(db_dir))
    assert code == 0, out
    # 21 entity, document and sentence nodes plus 18 mention nodes (3 links each)
    assert "deleted 39 nodes and 108 relationships" in out
    code, out = _run("query", "MATCH (n) RETURN count(n) AS n", "--json", "--db-dir", str(db_dir))
    assert json.loads(out) == [{"n": 0}]


def test_cli_db_clear_asks_first(db_dir: Path) -> None:
    result = runner.invoke(app, ["db", "clear", "--db-dir", str(db_dir)], input="n\n")
    assert result.exit_code == 1
    _code, out = _run("query", "MATCH (n) RETURN count(n) AS n", "--json", "--db-dir", str(db_dir))
    assert json.loads(out) == [{"n": 39}]


def test_cli_neo4j_without_password_fails_cleanly(
    db_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    code, out = _run("query", "partners", "-p", "name=x", "--neo4j-uri", "bolt://127.0.0.1:1")
    assert code == 2
    assert "NEO4J_PASSWORD" in out


@pytest.fixture()
def dated_db() -> Iterator[Path]:
    """A private database folder holding the dated corpus (server stopped afterwards)."""
    with tempfile.TemporaryDirectory(prefix="gkd") as tmp:
        db = Path(tmp) / "db"
        with open_store(db_dir=db) as store:
            store.ensure_schema()
            store.load(dated_batch())
        yield db
        FalkorServer(db).stop()


def test_cli_query_shifts_from_2019_to_2025(dated_db: Path) -> None:
    code, out = _run(
        "query", "shifts", "--param", "from=2019", "--param", "to=2025", "--json",
        "--db-dir", str(dated_db),
    )  # fmt: skip
    assert code == 0, out
    rows = json.loads(out)
    assert [(r["actor_a"], r["actor_b"], r["shift"]) for r in rows] == [
        ("Russia", "Turkey", "toward conflict"),
        ("Ukraine", "United States", "toward cooperation"),
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], [["Syria", 3], ["Turkey", 2]]),
        (["--since", "2020"], [["Syria", 1], ["Turkey", 1]]),
        (["--from", "2019-04", "--to", "2022"], [["Turkey", 1]]),
        (["--to", "2019-03-10"], [["Syria", 1], ["Turkey", 1]]),
    ],
)
def test_cli_query_date_options_set_from_and_to(
    dated_db: Path, options: list[str], expected: list[list[Any]]
) -> None:
    code, out = _run(
        "query", "partners", "-p", "name=Russia", *options, "--json", "--db-dir", str(dated_db)
    )
    assert code == 0, out
    assert [[r["partner"], r["mentions"]] for r in json.loads(out)] == expected


def test_cli_raw_cypher_gets_date_options_as_text(dated_db: Path) -> None:
    code, out = _run(
        "query", "MATCH (d:Document) WHERE d.date >= $from RETURN d.name AS name ORDER BY name",
        "--since", "2023", "--json", "--db-dir", str(dated_db),
    )  # fmt: skip
    assert code == 0, out
    assert json.loads(out) == [{"name": "2023-turn.txt"}, {"name": "2024-rift.txt"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last year"], "parameter from must be a date"),
        (["--to", "2024-13"], "parameter to is not a valid date"),
        (["--since", "2020", "--from", "2021"], "--since and --from give the same bound"),
        (["--from", "2020", "-p", "from=2021"], "the date bound from is given twice"),
    ],
)
def test_cli_bad_date_options_are_one_line_errors(
    dated_db: Path, args: list[str], message: str
) -> None:
    code, out = _run("query", "partners", "-p", "name=Russia", *args, "--db-dir", str(dated_db))
    assert code == 2
    assert message in " ".join(out.split())
    assert "Traceback" not in out
