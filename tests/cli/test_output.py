"""Results a person can read: ``--json`` and ``--csv`` on every command that prints results,
the record layout for rows too wide for the terminal, and ``geokg show``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geokg.cli import app
from geokg.cli._output import natural_width
from geokg.graph.queries import library
from tests.cli.cliutil import EXAMPLES, run_cli, short_tmp


def invoke(*args: str | Path) -> Any:
    """Run ``geokg ARGS`` in process."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def db_dir() -> Iterator[Path]:
    """A database folder holding the (dated) examples, built once for the module."""
    with short_tmp("gkout") as root:
        result = invoke("build", EXAMPLES, "--db-dir", root / "db")
        assert result.exit_code == 0, result.stderr
        yield root / "db"


# --- no database needed ------------------------------------------------------------------------


def test_output_query_list_json_parses() -> None:
    result = invoke("query", "--list", "--json")
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [q["name"] for q in listed] == sorted(library())
    partners = next(q for q in listed if q["name"] == "partners")
    assert {"name": "limit", "type": "integer", "required": False, "default": 25}.items() <= (
        next(p for p in partners["parameters"] if p["name"] == "limit").items()
    )


def test_output_query_list_csv_parses() -> None:
    result = invoke("query", "--list", "--csv")
    assert result.exit_code == 0
    rows = _csv(result.stdout)
    assert [r["name"] for r in rows] == sorted(library())
    assert next(r for r in rows if r["name"] == "partners")["parameters"] == (
        "name [from=null] [to=null] [limit=25]"
    )


def test_output_json_and_csv_together_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["query", "--list", "--json", "--csv"])
    assert result.exit_code == 2
    assert "--json or --csv" in result.output


def test_output_natural_width_counts_borders_and_longest_line() -> None:
    assert natural_width(["a", "bb"], [["xxxx", "y\nzzz"]]) == 4 + 3 + 3 * 2 + 1


# --- on the examples ---------------------------------------------------------------------------


@pytest.mark.model
def test_output_evidence_in_80_columns_shows_whole_sentences(db_dir: Path) -> None:
    args = ["query", "evidence", "-p", "source=Russia", "-p", "target=Ukraine"]
    as_json = run_cli([*args, "--json", "--db-dir", db_dir])
    assert as_json.returncode == 0, as_json.stderr
    sentences = {" ".join(r["sentence"].split()) for r in json.loads(as_json.stdout)}
    assert sentences
    shown = run_cli([*args, "--db-dir", db_dir], env={"COLUMNS": "80"})
    assert shown.returncode == 0, shown.stderr
    lines = [line.strip() for line in shown.stdout.splitlines()]
    for sentence in sentences:
        assert f"sentence: {sentence}" in lines  # whole, on one line, not folded into a column
    assert "│" not in shown.stdout  # the record layout, not a squeezed table


@pytest.mark.model
def test_output_narrow_rows_stay_a_table(db_dir: Path) -> None:
    statement = "MATCH (c:Country) RETURN c.name AS name ORDER BY name LIMIT 3"
    shown = run_cli(["query", statement, "--db-dir", db_dir], env={"COLUMNS": "80"})
    assert shown.returncode == 0, shown.stderr
    assert "┃ name" in shown.stdout
    assert "3 row(s)" in shown.stdout


@pytest.mark.model
def test_output_query_csv(db_dir: Path) -> None:
    result = invoke("query", "partners", "-p", "name=Russia", "--csv", "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout)
    assert rows
    assert set(rows[0]) == {"actor", "partner", "label", "types", "mentions", "asserted"}
    assert all(r["actor"] == "Russia" for r in rows)


@pytest.mark.model
def test_output_show_russia(db_dir: Path) -> None:
    result = invoke("show", "Russia", "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    for heading in ("Strongest partners", "Strongest opponents", "Latest evidence"):
        assert heading in result.stdout
    assert "Moscow" in result.stdout  # an alias


@pytest.mark.model
def test_output_show_json_and_csv(db_dir: Path) -> None:
    result = invoke("show", "moscow", "--json", "--limit", "3", "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)
    assert profile["name"] == "Russia"
    assert profile["labels"] == ["Country"]
    assert profile["partners"]
    assert profile["opponents"]
    assert 0 < len(profile["evidence"]) <= 3
    assert all(e["date"] and e["date"].startswith("20") for e in profile["evidence"])
    result = invoke("show", "Russia", "--csv", "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    sections = {r["section"] for r in _csv(result.stdout)}
    assert {"actor", "alias", "partner", "opponent", "evidence"} <= sections


@pytest.mark.model
def test_output_show_unknown_actor_is_one_error_line(db_dir: Path) -> None:
    result = invoke("show", "Atlantis", "--db-dir", db_dir)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no actor named 'Atlantis'" in result.stderr


@pytest.mark.model
def test_output_build_json_and_csv(tmp_path: Path) -> None:
    with short_tmp("gkbj") as root:
        result = invoke("build", EXAMPLES, "--json", "--db-dir", root / "db")
        assert result.exit_code == 0, result.stderr
        summary = json.loads(result.stdout)
        assert summary["documents"] == {"processed": 4, "skipped": 0, "failed": 0, "dated": 4}
        assert summary["graph"]["nodes"]["Document"] == 4
        result = invoke("build", EXAMPLES, "--csv", "--db-dir", root / "db")
        rows = _csv(result.stdout)
        assert {"section": "documents", "name": "dated", "count": "4"} in rows


def test_output_db_status_json_and_csv(tmp_path: Path) -> None:
    result = invoke("db", "status", "--json", "--db-dir", tmp_path / "db")
    assert result.exit_code == 0
    status = json.loads(result.stdout)
    assert status["running"] is False
    assert status["counts"] is None
    result = invoke("db", "status", "--csv", "--db-dir", tmp_path / "db")
    assert result.stdout.splitlines()[0] == "kind,name,count"


@pytest.mark.model
def test_output_evaluate_csv(tmp_path: Path) -> None:
    text = (EXAMPLES / "01_turkey_russia_sochi.txt").read_text(encoding="utf-8")
    sentence = "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin"
    start = text.index(sentence)
    end = text.index(".", start) + 1
    row = {
        "doc": "01_turkey_russia_sochi.txt",
        "start": start,
        "end": end,
        "text": text[start:end],
        "entities": [{"text": "Turkish", "label": "Country", "name": "Turkey"}],
        "relations": [{"source": "Recep Tayyip Erdogan", "type": "LEADS", "target": "Turkey"}],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = invoke("evaluate", gold, "--docs", EXAMPLES, "--csv")
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout)
    assert list(rows[0]) == ["scope", "name", "precision", "recall", "f1", "tp", "fp", "fn"]
    overall = {r["name"]: r for r in rows if r["scope"] == "overall"}
    assert overall["relations"]["tp"] == "1"
    assert any(r["scope"] == "type" and r["name"] == "LEADS" for r in rows)
