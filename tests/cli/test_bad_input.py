"""Bad input loses nothing: ``geokg build`` and ``extract`` on a folder mixing good and bad files.

One folder holds two of ``examples/``, text in cp1252 and latin-1, an HTML page, a 5 MB single
line and a document longer than spaCy's ``max_length`` (all good: they must be processed), and
binary data saved as ``.txt``, an empty and a whitespace-only file, Cyrillic text in cp1251, an
unreadable file, a symlink loop (two files and a folder), a file that vanishes mid-run and a
file whose name is rich markup (all bad: each gets one message naming it and the problem). A
second folder holds only the good files; both builds must give the same graph.

The CLI runs in subprocesses (``tests/cli/geokg_driver.py``) so exit codes and stderr are
real. As root, the build runs without ``CAP_DAC_OVERRIDE`` so that a mode-000 file is really
unreadable.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.cliutil import EXAMPLES, Run, graph_diff, read_graph_at, run_cli, short_tmp

GOOD_EXAMPLES = ("01_turkey_russia_sochi.txt", "02_eu_sanctions_iran.txt")
LONG_LINE_CHARS = 5_000_000
LONG_DOC_CHARS = 1_100_000  # > spaCy's default nlp.max_length of 1,000,000

CP1252_TEXT = (
    "\u201cWe will not be intimidated,\u201d the Greek foreign minister said in Athens on "
    "Monday \u2014 after Turkey sent a survey ship near Crete. The European Union criticized "
    "Ankara\u2019s move.\n"
)
LATIN1_TEXT = (
    "Diplomats met in Gen\u00e8ve on Tuesday. Switzerland hosted talks between Russia and "
    "the United States, and Z\u00fcrich banks froze Russian assets.\n"
)
HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Ignored title</title><script>var x = "Russia attacks";</script>
<style>p { color: red }</style></head>
<body><nav>Home | World | Politics</nav>
<article><h1>France and Germany sign a defence pact</h1>
<p>France and Germany signed a defence pact in Paris on Friday.</p>
<p>Poland welcomed the agreement &amp; promised support.</p></article>
<footer>Copyright 2024 Example News</footer></body></html>
"""
CYRILLIC_TEXT = "Москва и Анкара подписали соглашение о газе. Путин встретился с Эрдоганом.\n"
# The extractor makes a 6,000-character Leader of this; its id once crashed FalkorDB.
LONG_NAME = "Xq" * 3000
LONG_NAME_TEXT = f"President {LONG_NAME} met Vladimir Putin in Moscow.\n"
SURROGATE_WARNING = "FalkorDB cannot index ids"
LAST_PARAGRAPH = "Finland joined NATO in April 2023, and Sweden followed in March 2024."


def _filler(rnd: random.Random, chars: int, *, word: int, sep: str) -> str:
    """Random lowercase 'words' (cheap for spaCy: few tokens) joined by ``sep``."""
    vocab = ["".join(rnd.choices(string.ascii_lowercase, k=word)) for _ in range(64)]
    parts: list[str] = []
    total = 0
    while total < chars:
        w = rnd.choice(vocab)
        parts.append(w)
        total += len(w) + len(sep)
    return sep.join(parts)


def _long_document(rnd: random.Random) -> str:
    """Over 1M characters in paragraphs; a real first and last paragraph."""
    paragraphs = ["Russia and Turkey agreed on a ceasefire in Idlib, officials said."]
    total = 0
    while total < LONG_DOC_CHARS:
        para = _filler(rnd, 4_000, word=200, sep=" ") + "."
        paragraphs.append(para)
        total += len(para) + 2
    paragraphs.append(LAST_PARAGRAPH)
    return "\n\n".join(paragraphs) + "\n"


def _long_line(rnd: random.Random) -> str:
    """One 5 MB line (no newline at all) with a real sentence at each end."""
    head = "Iran and Iraq signed a border agreement in Baghdad. "
    tail = " Egypt criticized Israel in Cairo."
    return head + _filler(rnd, LONG_LINE_CHARS, word=1000, sep=" ") + tail


def write_good(folder: Path, heavy: dict[str, str]) -> None:
    """The good files: two examples, cp1252, latin-1, HTML, the 5 MB line, the long document."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in GOOD_EXAMPLES:
        shutil.copyfile(EXAMPLES / name, folder / name)
    (folder / "good_cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "good_latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (folder / "good_page.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "good_long_name.txt").write_text(LONG_NAME_TEXT, encoding="utf-8")
    for name, text in heavy.items():
        (folder / name).write_text(text, encoding="utf-8")


# bad file name -> the reason its one message must give
BAD: dict[str, str] = {
    "bad_binary.txt": "binary data, not text (looks like a PDF)",
    "bad_cp1251_cyrillic.txt": "not valid UTF-8 and not cp1252/latin-1 text",
    "bad_empty.txt": "empty file",
    "bad_loop_a.txt": "symlink loop",
    "bad_loop_b.txt": "symlink loop",
    "bad_markup[/x].txt": "empty file",
    "bad_sub/back": "symlink loop (the folder contains itself)",
    "bad_unreadable.txt": "permission denied",
    "bad_vanish.txt": "file vanished while reading",
    "bad_whitespace.txt": "only whitespace, no text",
}
GOOD = [
    *GOOD_EXAMPLES,
    "good_cp1252.txt",
    "good_latin1.txt",
    "good_long_document.txt",
    "good_long_line.txt",
    "good_long_name.txt",
    "good_page.html",
]


def write_bad(folder: Path) -> None:
    """The bad files (see :data:`BAD`)."""
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"
    (folder / "bad_binary.txt").write_bytes(pdf + bytes(range(256)) * 40 + b"\nendstream\n")
    (folder / "bad_cp1251_cyrillic.txt").write_bytes(CYRILLIC_TEXT.encode("cp1251"))
    (folder / "bad_empty.txt").write_bytes(b"")
    (folder / "bad_whitespace.txt").write_bytes(b"  \n\t\n \r\n\xc2\xa0\n")
    os.symlink("bad_loop_b.txt", folder / "bad_loop_a.txt")
    os.symlink("bad_loop_a.txt", folder / "bad_loop_b.txt")
    (folder / "bad_sub").mkdir()
    os.symlink("..", folder / "bad_sub" / "back")
    (folder / "bad_markup[").mkdir()
    (folder / "bad_markup[" / "x].txt").write_bytes(b"")
    unreadable = folder / "bad_unreadable.txt"
    unreadable.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    unreadable.chmod(0)
    restore_vanishing(folder)


def restore_vanishing(folder: Path) -> None:
    """(Re)create the file the driver deletes mid-run."""
    (folder / "bad_vanish.txt").write_text("NATO criticized Russia.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def folders() -> Iterator[tuple[Path, Path]]:
    """``(mixed, good_only)`` input folders (short temporary paths)."""
    rnd = random.Random(20240501)
    heavy = {"good_long_document.txt": _long_document(rnd), "good_long_line.txt": _long_line(rnd)}
    with short_tmp("gkin") as root:
        mixed, good = root / "mixed", root / "good"
        write_good(mixed, heavy)
        write_bad(mixed)
        write_good(good, heavy)
        yield mixed, good


@pytest.fixture(scope="module")
def dbs() -> Iterator[Path]:
    """A short folder for database folders (servers stopped at the end)."""
    with short_tmp("gkdb") as root:
        yield root


def build(folder: Path, db_dir: Path, *extra: str) -> Run:
    """``geokg build`` with the vanishing-file hook, without CAP_DAC_OVERRIDE as root."""
    if folder.name == "mixed":
        restore_vanishing(folder)
    return run_cli(
        ["build", folder, "--db-dir", db_dir, *extra],
        env={"GEOKG_TEST_VANISH": "bad_vanish.txt"},
        unprivileged=True,
    )


@pytest.fixture(scope="module")
def mixed_build(folders: tuple[Path, Path], dbs: Path) -> tuple[Run, Path]:
    """The build of the mixed folder and its database folder."""
    run = build(folders[0], dbs / "mixed")
    return run, dbs / "mixed"


@pytest.fixture(scope="module")
def good_build(folders: tuple[Path, Path], dbs: Path) -> tuple[Run, Path]:
    """The build of the good files alone and its database folder."""
    run = build(folders[1], dbs / "good")
    return run, dbs / "good"


def _problem_lines(run: Run) -> list[str]:
    return [ln for ln in run.lines() if ln.startswith(("skipped ", "failed "))]


def _assert_one_message_per_bad_file(run: Run) -> None:
    problems = _problem_lines(run)
    for name, reason in BAD.items():
        mine = [ln for ln in problems if ln.split(": ", 1)[0].endswith(" " + name)]
        assert mine == [f"skipped {name}: {reason}"], (name, run.stderr)
    assert len(problems) == len(BAD), run.stderr
    for name in GOOD:
        assert not [ln for ln in run.lines() if name in ln], (name, run.stderr)


def _assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr
    assert "Traceback" not in run.stdout


def test_build_reports_each_bad_file_once_and_exits_1(mixed_build: tuple[Run, Path]) -> None:
    run, _ = mixed_build
    _assert_no_traceback(run)
    assert run.returncode == 1, run.stderr
    _assert_one_message_per_bad_file(run)
    summary = f"documents: processed {len(GOOD)}, skipped {len(BAD)}, failed 0"
    assert summary in run.stdout


def test_build_of_the_good_files_alone_exits_0(good_build: tuple[Run, Path]) -> None:
    run, _ = good_build
    _assert_no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert f"documents: processed {len(GOOD)}, skipped 0, failed 0" in run.stdout
    assert [ln for ln in run.lines() if not ln.startswith(SURROGATE_WARNING)] == [], run.stderr


def test_build_loads_every_good_file_as_a_run_on_the_good_files_alone(
    mixed_build: tuple[Run, Path], good_build: tuple[Run, Path]
) -> None:
    mixed = read_graph_at(mixed_build[1])
    good = read_graph_at(good_build[1])
    assert mixed == good, graph_diff(mixed, good)
    assert sorted(d["name"] for d in mixed["documents"]) == sorted(GOOD)
    assert mixed["counts"]["nodes"]["Document"] == len(GOOD)


def test_build_processes_the_document_longer_than_max_length_to_its_end(
    mixed_build: tuple[Run, Path],
) -> None:
    graph = read_graph_at(mixed_build[1])
    doc = next(d for d in graph["documents"] if d["name"] == "good_long_document.txt")
    assert doc["chars"] > 1_000_000
    last = [
        s
        for s in graph["sentences"]
        if s["doc"] == "good_long_document.txt" and s["text"].startswith("Finland joined NATO")
    ]
    assert len(last) == 1
    assert last[0]["start_offset"] > 1_000_000
    finland = next(e for e in graph["entities"] if e["name"] == "Finland")
    assert finland["id"] in last[0]["entity_ids"]


def test_build_reads_the_whole_5mb_line(mixed_build: tuple[Run, Path]) -> None:
    graph = read_graph_at(mixed_build[1])
    doc = next(d for d in graph["documents"] if d["name"] == "good_long_line.txt")
    assert doc["chars"] > LONG_LINE_CHARS
    texts = [s["text"] for s in graph["sentences"] if s["doc"] == "good_long_line.txt"]
    assert any(t.startswith("Iran and Iraq signed") for t in texts), texts[:3]
    assert any(t.endswith("Egypt criticized Israel in Cairo.") for t in texts), texts[-1:]


def test_build_loads_an_entity_name_too_long_for_the_database_index(
    mixed_build: tuple[Run, Path],
) -> None:
    run, db_dir = mixed_build
    # Entity ids are capped at the source (geokg.schema.ids), so the store needs no surrogate.
    warnings = [ln for ln in run.lines() if ln.startswith(SURROGATE_WARNING)]
    assert warnings == [], run.stderr
    graph = read_graph_at(db_dir)
    leaders = [e for e in graph["entities"] if LONG_NAME in e["name"]]
    assert len(leaders) == 1
    assert leaders[0]["name"] == LONG_NAME
    assert len(leaders[0]["id"]) <= len("leader:") + 96
    assert leaders[0]["mentions"] == 1


def test_build_decodes_cp1252_latin1_and_html(mixed_build: tuple[Run, Path]) -> None:
    graph = read_graph_at(mixed_build[1])
    by_doc: dict[str, list[str]] = {}
    for s in graph["sentences"]:
        by_doc.setdefault(s["doc"], []).append(s["text"])
    assert any("Ankara\u2019s move" in t for t in by_doc["good_cp1252.txt"])
    assert any("Gen\u00e8ve" in t for t in by_doc["good_latin1.txt"])
    html = " ".join(by_doc["good_page.html"])
    assert "France and Germany signed a defence pact" in html
    assert "<p>" not in html
    assert "color: red" not in html


def test_build_strict_stops_at_the_first_bad_file_with_exit_2(
    folders: tuple[Path, Path], dbs: Path
) -> None:
    run = build(folders[0], dbs / "strict", "--strict")
    _assert_no_traceback(run)
    assert run.returncode == 2, run.stderr
    first = min(n for n in BAD if "/" not in n)  # the walk is in sorted order
    assert run.lines() == [f"error: [E100] {first} ({folders[0] / first}): {BAD[first]}"]
    assert "documents: processed" not in run.stdout


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_writes_json_lines_for_the_good_files_only(folders: tuple[Path, Path]) -> None:
    mixed = folders[0]
    restore_vanishing(mixed)
    run = run_cli(
        ["extract", mixed], env={"GEOKG_TEST_VANISH": "bad_vanish.txt"}, unprivileged=True
    )
    _assert_no_traceback(run)
    assert run.returncode == 1, run.stderr
    _assert_one_message_per_bad_file(run)
    records = _jsonl(run.stdout)
    docs = {r["doc"] for r in records if "doc" in r}
    assert docs == set(GOOD)
    assert f"processed {len(GOOD)}, skipped {len(BAD)}, failed 0" in run.stderr


def test_extract_strict_exits_2_naming_the_file(folders: tuple[Path, Path]) -> None:
    run = run_cli(["extract", "--strict", folders[0]], unprivileged=True)
    _assert_no_traceback(run)
    assert run.returncode == 2, run.stderr
    first = min(n for n in BAD if "/" not in n)
    assert run.lines() == [f"error: [E100] {first} ({folders[0] / first}): {BAD[first]}"]
