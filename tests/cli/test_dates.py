"""Document dates end to end: ``geokg extract`` and ``geokg build`` on dated HTML, on text with
front matter, on text dated by a ``--meta`` sidecar, and on a file with no date (no guess)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geokg.cli import app
from tests.cli.cliutil import read_graph_at, short_tmp

pytestmark = pytest.mark.model

_TEXT = "Canada imposed sanctions on Belarus. Poland criticized Belarus over the border."


def invoke(*args: str | Path) -> Any:
    """Run ``geokg ARGS`` in process."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Four documents: dated HTML, text with front matter, plain text twice (one in --meta)."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "page.html").write_text(
        "<html><head>"
        '<meta property="article:published_time" content="2021-05-06T09:00:00Z">'
        '<meta property="og:site_name" content="Example Wire">'
        "<title>Canada and Belarus</title></head>"
        f"<body><p>{_TEXT}</p></body></html>",
        encoding="utf-8",
    )
    (folder / "front.md").write_text(
        f"---\ndate: 2 March 2022\ntitle: Border\n---\n{_TEXT}\n", encoding="utf-8"
    )
    (folder / "sidecar.txt").write_text(_TEXT + "\n", encoding="utf-8")
    (folder / "undated.txt").write_text(_TEXT + "\n", encoding="utf-8")
    return folder


@pytest.fixture()
def meta_file(tmp_path: Path) -> Path:
    """A TSV sidecar dating ``sidecar.txt`` and overriding the title of ``front.md``."""
    path = tmp_path / "SOURCES.tsv"
    path.write_text(
        "split\tfile\tpublished\tsection\turl\n"
        "train\tsidecar.txt\t2023-07-08\tEurope\thttps://example.org/s\n"
        "train\tfront.md\t\tEurope\t\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def db_dir() -> Iterator[Path]:
    with short_tmp("gkdate") as root:
        yield root / "db"


def test_dates_extract_records_carry_the_document_date(
    corpus: Path, meta_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("extract", corpus, "--meta", meta_file, "-o", out)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    dates = {(r["doc"], r["doc_date"]) for r in records}
    assert dates == {
        ("page.html", "2021-05-06"),
        ("front.md", "2022-03-02"),
        ("sidecar.txt", "2023-07-08"),
        ("undated.txt", None),
    }
    raw = (corpus / "front.md").read_text(encoding="utf-8")
    for r in records:
        if r["doc"] == "front.md":
            span = r if r["kind"] == "entity" else r["sentence"]
            assert raw[span["start"] : span["end"]] == span["text"]  # offsets index the file


def test_dates_build_sets_document_properties(corpus: Path, meta_file: Path, db_dir: Path) -> None:
    result = invoke("build", corpus, "--meta", meta_file, "--db-dir", db_dir)
    assert result.exit_code == 0, result.stderr
    assert "dated documents: 3 of 4" in result.stdout
    documents = {d["name"]: d for d in read_graph_at(db_dir)["documents"]}
    assert documents["page.html"]["date"] == "2021-05-06"
    assert documents["page.html"]["source"] == "Example Wire"
    assert documents["page.html"]["title"] == "Canada and Belarus"
    assert documents["front.md"]["date"] == "2022-03-02"
    assert documents["front.md"]["title"] == "Border"
    assert documents["sidecar.txt"]["date"] == "2023-07-08"
    assert documents["sidecar.txt"]["url"] == "https://example.org/s"
    undated = documents["undated.txt"]
    assert (undated["date"], undated["title"], undated["source"], undated["url"]) == (
        None,
        None,
        None,
        None,
    )


def test_dates_bad_meta_file_is_one_error_naming_file_and_line(
    corpus: Path, tmp_path: Path, db_dir: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("file,date\nsidecar.txt,someday\n", encoding="utf-8")
    for command in (["extract", corpus], ["build", corpus, "--db-dir", db_dir]):
        result = invoke(*command, "--meta", bad)
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert f"{bad} line 2: 'someday' is not a date" in lines[0]
