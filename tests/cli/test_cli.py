"""The CLI end to end on ``examples/`` (in process, typer's CliRunner, the real embedded DB).

extract -> JSON Lines; build -> a graph, idempotent on re-run; query (raw Cypher, named queries,
hostile parameters); evaluate against a small gold file; the exit-code contract of
``fail_on_error`` for unexpected exceptions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from geokg.cli import app
from geokg.cli._common import fail_on_error
from tests.cli.cliutil import EXAMPLES, popen_cli, read_graph_at, short_tmp

EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.txt"))


def invoke(*args: str | Path) -> Any:
    """Run ``geokg ARGS`` in process; the result has ``exit_code``, ``stdout``, ``stderr``."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db_dir() -> Iterator[Path]:
    """A database folder holding the examples, built once for the module."""
    with short_tmp("gkcli") as root:
        result = invoke("build", EXAMPLES, "--db-dir", root / "db")
        assert result.exit_code == 0, result.stderr
        yield root / "db"


def test_extract_examples_writes_json_lines(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("extract", EXAMPLES, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "processed 4, skipped 0, failed 0" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted({r["doc"] for r in records if "doc" in r}) == EXAMPLE_NAMES
    kinds = {r.get("kind") for r in records}
    assert {"entity", "relation"} <= kinds
    russia = [r for r in records if r.get("kind") == "entity" and r["name"] == "Russia"]
    assert russia
    assert all(r["label"] == "Country" for r in russia)


def test_extract_to_stdout_is_json_lines_only() -> None:
    result = invoke("extract", EXAMPLES / "01_turkey_russia_sochi.txt")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        json.loads(line)


def test_extract_dash_output_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", EXAMPLES / "01_turkey_russia_sochi.txt", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "-").exists()  # no file named "-"
    assert [json.loads(line) for line in result.stdout.splitlines()]


def test_build_examples_prints_a_summary_and_loads_them(db_dir: Path) -> None:
    graph = read_graph_at(db_dir)
    assert sorted(d["name"] for d in graph["documents"]) == EXAMPLE_NAMES
    assert graph["counts"]["nodes"]["Document"] == 4
    assert graph["counts"]["total_relationships"] > 0
    names = {e["name"] for e in graph["entities"]}
    assert {"Russia", "Turkey", "Vladimir Putin"} <= names


def test_build_twice_changes_nothing(db_dir: Path) -> None:
    before = read_graph_at(db_dir)
    result = invoke("build", EXAMPLES, "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    assert "documents: processed 4, skipped 0, failed 0" in result.stdout
    assert read_graph_at(db_dir) == before


def test_query_raw_cypher_as_json(db_dir: Path) -> None:
    result = invoke(
        "query", "MATCH (d:Document) RETURN d.name AS name ORDER BY name", "--json",
        "--db-dir", db_dir,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == EXAMPLE_NAMES


def test_query_named_query_with_a_parameter(db_dir: Path) -> None:
    result = invoke("query", "actor", "--param", "name=Russia", "--json", "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    assert "Russia" in json.dumps(rows)


@pytest.mark.parametrize(
    "hostile",
    [
        "x'}) MATCH (n) DETACH DELETE n //",
        'Russia" OR 1=1 //',
        "$name",
        "`Entity`",
    ],
)
def test_query_parameters_cannot_inject_cypher(db_dir: Path, hostile: str) -> None:
    before = read_graph_at(db_dir)["counts"]
    result = invoke("query", "actor", "--param", f"name={hostile}", "--json", "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert read_graph_at(db_dir)["counts"] == before


def test_query_of_an_unknown_name_is_one_error_line(db_dir: Path) -> None:
    result = CliRunner().invoke(app, ["query", "no_such_query", "--db-dir", str(db_dir)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def _gold(tmp_path: Path) -> Path:
    text = (EXAMPLES / "01_turkey_russia_sochi.txt").read_text(encoding="utf-8")
    sentence = (
        "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in the "
        "Black Sea resort of Sochi on Monday for talks on energy, trade and the war in Syria."
    )
    start = text.index(sentence)
    row = {
        "doc": "01_turkey_russia_sochi.txt",
        "start": start,
        "end": start + len(sentence),
        "text": sentence,
        "entities": [
            {"text": "Turkish", "label": "Country", "name": "Turkey"},
            {"text": "Recep Tayyip Erdogan", "label": "Leader", "name": "Recep Tayyip Erdogan"},
            {"text": "Russian", "label": "Country", "name": "Russia"},
            {"text": "Vladimir Putin", "label": "Leader", "name": "Vladimir Putin"},
        ],
        "relations": [
            {"source": "Recep Tayyip Erdogan", "type": "LEADS", "target": "Turkey"},
            {"source": "Vladimir Putin", "type": "LEADS", "target": "Russia"},
            {"source": "Recep Tayyip Erdogan", "type": "MEETS", "target": "Vladimir Putin"},
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return gold


def test_evaluate_examples_against_gold_as_json(tmp_path: Path) -> None:
    result = invoke("evaluate", _gold(tmp_path), "--docs", EXAMPLES, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("relations", "entities"):
        scores = report[key]
        assert 0.0 <= scores["precision"] <= 1.0
        assert 0.0 <= scores["recall"] <= 1.0
    assert report["relations"]["tp"] + report["relations"]["fn"] == 3
    assert report["relations"]["tp"] >= 2  # the two LEADS at least


def test_evaluate_with_missing_documents_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "docs"
    empty.mkdir()
    result = CliRunner().invoke(app, ["evaluate", str(_gold(tmp_path)), "--docs", str(empty)])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2)
    assert "01_turkey_russia_sochi.txt" in result.stdout + result.stderr


# --- the exit-code contract ---------------------------------------------------------------------


def _guarded(exc: BaseException) -> None:
    with fail_on_error():
        raise exc


def test_unexpected_exceptions_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GEOKG_DEBUG", raising=False)
    with pytest.raises(typer.Exit) as info:
        _guarded(RuntimeError("boom [/x] :abc:\nsecond line"))
    assert info.value.exit_code == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "error: unexpected RuntimeError: boom [/x] :abc: second line "
        "(a bug; set GEOKG_DEBUG=1 for the traceback)"
    ]


def test_geokg_debug_reraises_unexpected_exceptions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_DEBUG", "1")
    with pytest.raises(RuntimeError):
        _guarded(RuntimeError("boom"))


@pytest.mark.parametrize("exc", [typer.Exit(code=1), typer.BadParameter("bad")])
def test_typer_exits_and_usage_errors_pass_through(exc: Exception) -> None:
    with pytest.raises(type(exc)):
        _guarded(exc)


def test_build_error_line_is_verbatim_and_unwrapped(tmp_path: Path) -> None:
    blocker = tmp_path / "[bold]x[" / ("bold] :abc: " + "d" * 120)  # ".../[bold]x[/bold] ..."
    blocker.parent.mkdir()
    blocker.write_text("a file, not a folder")
    result = invoke("build", EXAMPLES / "01_turkey_russia_sochi.txt", "--db-dir", blocker)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [f"error: [E301] database folder {blocker} is a file, not a folder; "
                     "choose another --db-dir"]  # fmt: skip


def test_extract_into_a_closed_pipe_stops_quietly_with_141() -> None:
    """``geokg extract ... | head``: the reader leaves early; no traceback, SIGPIPE's code."""
    proc = popen_cli(["extract", EXAMPLES])
    assert proc.stdout is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 141, err
    assert "Traceback" not in err
    assert "Error" not in err


def test_a_document_failing_in_the_pipeline_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geokg.extract.extractor as extractor

    clean = extractor.clean_text  # type: ignore[attr-defined]

    def exploding(text: str, **kwargs: Any) -> Any:
        if "EXPLODE" in text:
            raise RuntimeError("the cleaner broke")
        return clean(text, **kwargs)

    monkeypatch.setattr(extractor, "clean_text", exploding)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia attacked Ukraine in 2022.\n", encoding="utf-8")
    (folder / "b.txt").write_text("EXPLODE: Turkey criticized Greece.\n", encoding="utf-8")
    (folder / "c.txt").write_text("France supported Ukraine.\n", encoding="utf-8")
    with short_tmp() as root:
        result = invoke("build", folder, "--db-dir", root / "db")
        assert result.exit_code == 1, result.stderr
        assert result.stderr.splitlines() == ["failed b.txt: RuntimeError: the cleaner broke"]
        assert "documents: processed 2, skipped 0, failed 1" in result.stdout
        docs = sorted(d["name"] for d in read_graph_at(root / "db")["documents"])
        assert docs == ["a.txt", "c.txt"]
        strict = invoke("build", folder, "--db-dir", root / "db2", "--strict")
        assert strict.exit_code == 2
        assert strict.stderr.splitlines() == [
            "error: [E200] b.txt: RuntimeError: the cleaner broke"
        ]
