"""Comments, docstrings, docs and test data never quote the gold texts (STYLE.md 18).

Examples in the comments and docstrings of the package, the tests, the scripts and the bench,
in ``docs/`` and in the README are sentences we construct ("Canada imposed sanctions on
Belarus"); a sentence copied from a gold or benchmark file would make the gold a specification
instead of a measurement. The check collects every comment (consecutive comment lines joined, so
a quote that wraps is still one fragment), every docstring and every Markdown paragraph, and
fails on any run of :data:`MIN_WORDS` consecutive words it shares with the gold texts: the
annotated sentences of ``shared/gold``, ``shared/voa/gold``, the PLOVER benchmark and our own
audit of unlabeled VOA stories (``bench/audit``), and the documents the first three come from
(``shared/corpus``, ``shared/voa/docs``, the PLOVER text). Words are
compared lowercased, punctuation and markup ignored. Six words let names and set phrases
through ("the United States and Russia", five words) and catch any quoted clause of six words
or more; shorter quotes are left to review (the rule itself is STYLE.md 18).

The test data is held to the same rule: every string literal of the Python files under
``tests/`` (docstrings aside, they are documentation), every string of the JSON and JSON Lines
files there (a relation case's ``text``, a golden sentence) and every paragraph of the other
text fixtures (``.txt``, ``.html`` ...). A test illustrates a construction with a sentence we
wrote; a gold sentence frozen into a test would make the rules fit the gold again.

The source documents are read whole, so a quote that runs over one of their line breaks (a hard
wrapped PDF paragraph) is caught too.

The gold texts are read from ``../shared`` beside the repository, or from ``GEOKG_SHARED``;
without them the gold check is skipped (the unit tests of the checker still run).
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import tokenize
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOKG_SHARED", REPO.parent / "shared"))
MIN_WORDS = 6
#: What is scanned (comments, docstrings, Markdown); test data strings are not documentation.
SCANNED = ("geokg", "docs", "README.md", "tests", "scripts", "bench")
#: Where the test data is scanned (string literals, JSON strings, text fixtures).
DATA_SCANNED = ("tests",)
#: Text fixtures read as paragraphs (Python, JSON and Markdown files have their own readers).
TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xml", ".tsv", ".csv"})

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

Fragment = tuple[str, int, str]  # (file, line, text)


def words(text: str) -> list[str]:
    """Lowercase words of a text; punctuation, markup and quote style ignored."""
    return _WORD.findall(text.lower().translate(_QUOTES))


def python_fragments(path: Path, source: str) -> Iterator[Fragment]:
    """Comments (runs of consecutive comment lines joined) and docstrings of a Python source.

    A comment after code on its line is a fragment of its own.
    """
    name = str(path)
    block: list[str] = []
    start = last = -2
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        line = tok.start[0]
        if not tok.line.lstrip().startswith("#"):
            yield name, line, tok.string.lstrip("#")
            continue
        if block and line != last + 1:
            yield name, start, " ".join(block)
            block = []
        if not block:
            start = line
        block.append(tok.string.lstrip("#"))
        last = line
    if block:
        yield name, start, " ".join(block)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield name, node.body[0].lineno, doc


def markdown_fragments(path: Path, source: str) -> Iterator[Fragment]:
    """Each paragraph of a Markdown file (a blank line ends one)."""
    start = 1
    para: list[str] = []
    for i, line in enumerate([*source.splitlines(), ""], 1):
        if line.strip():
            if not para:
                start = i
            para.append(line)
        elif para:
            yield str(path), start, " ".join(para)
            para = []


def documentation_fragments(root: Path, entries: Iterable[str] = SCANNED) -> Iterator[Fragment]:
    """Every comment, docstring and Markdown paragraph under ``root``'s scanned entries."""
    for entry in entries:
        base = root / entry
        paths = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in paths:
            rel = path.relative_to(root)
            if path.suffix == ".py":
                yield from python_fragments(rel, path.read_text(encoding="utf-8"))
            elif path.suffix == ".md":
                yield from markdown_fragments(rel, path.read_text(encoding="utf-8"))


def python_data_fragments(path: Path, source: str) -> Iterator[Fragment]:
    """The string literals of a Python source that are not docstrings.

    Adjacent literals are one string already; an f-string's literal parts are joined with a
    space where a replacement field stood, so no words are glued across it.
    """
    tree = ast.parse(source)
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    in_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                in_fstrings.add(id(value))
                parts.append(value.value if isinstance(value, ast.Constant) else " ")
            yield str(path), node.lineno, "".join(str(part) for part in parts)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in in_fstrings
        ):
            yield str(path), node.lineno, node.value


def json_strings(value: object) -> Iterator[str]:
    """Every string in a parsed JSON value (keys aside), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def json_lines_fragments(path: Path, source: str) -> Iterator[Fragment]:
    """Every string of every row of a JSON Lines file (a row's ``text`` first of all).

    A line that is not JSON is scanned as it stands.
    """
    for number, line in enumerate(source.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            yield str(path), number, line
            continue
        for text in json_strings(row):
            yield str(path), number, text


def data_fragments(root: Path, entries: Iterable[str] = DATA_SCANNED) -> Iterator[Fragment]:
    """Every test data string under ``root``'s data entries.

    Python string literals, JSON and JSON Lines strings, and the paragraphs of text fixtures.
    """
    for entry in entries:
        base = root / entry
        paths = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in paths:
            if not path.is_file():
                continue
            rel = path.relative_to(root)
            if path.suffix == ".py":
                yield from python_data_fragments(rel, path.read_text(encoding="utf-8"))
            elif path.suffix == ".jsonl":
                yield from json_lines_fragments(rel, path.read_text(encoding="utf-8"))
            elif path.suffix == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
                yield from ((str(rel), 1, text) for text in json_strings(data))
            elif path.suffix in TEXT_SUFFIXES:
                yield from markdown_fragments(rel, path.read_text(encoding="utf-8"))


def gold_texts(shared: Path) -> Iterator[str]:
    """The annotated sentences and the source documents (whole) of every visible gold set."""
    annotated = [
        p
        for pat in ("gold/*.jsonl", "voa/gold/*.jsonl", "benchmarks/plover/*.jsonl")
        for p in sorted(shared.glob(pat))
    ]
    for path in annotated + sorted((REPO / "bench" / "audit").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield str(json.loads(line)["text"])
    for pattern in ("corpus/*.txt", "voa/docs/*.txt", "benchmarks/plover/*.txt"):
        for path in sorted(shared.glob(pattern)):
            yield path.read_text(encoding="utf-8")


def ngrams(texts: Iterable[str], n: int = MIN_WORDS) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words of the texts."""
    out: set[tuple[str, ...]] = set()
    for text in texts:
        w = words(text)
        out.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
    return out


def shared_runs(text: str, grams: set[tuple[str, ...]], n: int = MIN_WORDS) -> list[str]:
    """The maximal runs of ``n`` or more consecutive words of ``text`` found in ``grams``."""
    w = words(text)
    runs: list[str] = []
    i = 0
    while i <= len(w) - n:
        if tuple(w[i : i + n]) not in grams:
            i += 1
            continue
        j = i + n
        while j < len(w) and tuple(w[j - n + 1 : j + 1]) in grams:
            j += 1
        runs.append(" ".join(w[i:j]))
        i = j
    return runs


def quotes_of(
    fragments: Iterable[Fragment], grams: set[tuple[str, ...]], n: int = MIN_WORDS
) -> list[str]:
    """``file:line: run`` for every fragment run shared with the gold texts."""
    return [
        f"{name}:{line}: {run}"
        for name, line, text in fragments
        for run in shared_runs(text, grams, n)
    ]


# --------------------------------------------------------------------------- the checker


def test_no_gold_quotes_words_ignore_case_punctuation_and_quote_style() -> None:
    assert words("Canada’s *sanctions* on `Belarus`, e.g.") == [
        "canada's",
        "sanctions",
        "on",
        "belarus",
        "e",
        "g",
    ]


def test_no_gold_quotes_python_fragments_join_comment_lines_and_read_docstrings() -> None:
    source = (
        '"""Module docstring: Canada imposed sanctions."""\n'
        "\n"
        "# Chile and Peru\n"
        "# have clashed over fishing rights\n"
        "x = 'Brazil hosted a summit with Mexico in Brasilia'  # trailing note\n"
        "\n"
        "def f() -> None:\n"
        '    """Kenya signed a trade pact with Ghana."""\n'
    )
    frags = list(python_fragments(Path("m.py"), source))
    texts = [text.strip() for _, _, text in frags]
    assert "Chile and Peru  have clashed over fishing rights" in texts
    assert "trailing note" in texts
    assert "Module docstring: Canada imposed sanctions." in texts
    assert "Kenya signed a trade pact with Ghana." in texts
    # a string that is code, not documentation, is not scanned
    assert not any("Brasilia" in text for text in texts)
    assert ("m.py", 3, "Chile and Peru  have clashed over fishing rights") in [
        (n, line, t.strip()) for n, line, t in frags
    ]


def test_no_gold_quotes_markdown_fragments_are_paragraphs() -> None:
    source = "# Title\n\nCanada imposed\nsanctions on Belarus.\n\n- Chile met Peru.\n"
    frags = list(markdown_fragments(Path("d.md"), source))
    assert frags == [
        ("d.md", 1, "# Title"),
        ("d.md", 3, "Canada imposed sanctions on Belarus."),
        ("d.md", 6, "- Chile met Peru."),
    ]


def test_no_gold_quotes_flags_a_six_word_run_and_not_a_five_word_one() -> None:
    reference = ["Canada imposed new sanctions on Belarus over the disputed election."]
    grams = ngrams(reference)
    copied = '# as in "canada imposed NEW sanctions on Belarus", the source is the subject'
    five = "# e.g. Canada imposed new sanctions on Minsk and Moscow"
    frags = [
        *python_fragments(Path("a.py"), copied + "\n"),
        *python_fragments(Path("b.py"), five + "\n"),
    ]
    assert quotes_of(frags, grams) == ["a.py:1: canada imposed new sanctions on belarus"]


def test_no_gold_quotes_reports_the_longest_shared_run_once() -> None:
    grams = ngrams(["Chile and Peru have clashed over fishing rights off the coast."])
    text = "they wrote that Chile and Peru have clashed over fishing rights last year"
    assert shared_runs(text, grams) == ["chile and peru have clashed over fishing rights"]


def test_no_gold_quotes_python_data_fragments_read_strings_not_docstrings() -> None:
    source = (
        '"""Module docstring about Chile."""\n'
        "CASES = ['Brazil hosted a summit' ' with Mexico in Brasilia']\n"
        "\n"
        "def f(name: str) -> str:\n"
        '    """Kenya signed a trade pact with Ghana."""\n'
        "    return f'Peru and {name} have clashed over fishing rights'\n"
    )
    frags = list(python_data_fragments(Path("t.py"), source))
    assert ("t.py", 2, "Brazil hosted a summit with Mexico in Brasilia") in frags
    assert ("t.py", 6, "Peru and   have clashed over fishing rights") in frags
    # the f-string's pieces are not reported again one by one
    assert not any(text == " have clashed over fishing rights" for _, _, text in frags)
    # docstrings are documentation, scanned by the other check
    assert not any("Chile" in text or "Ghana" in text for _, _, text in frags)


def test_no_gold_quotes_json_lines_fragments_read_every_string_of_a_row() -> None:
    source = (
        '{"id": "a", "text": "Canada imposed new sanctions on Belarus.", "expected": [["x"]]}\n'
        "\n"
        "not json: Chile and Peru have clashed\n"
    )
    frags = list(json_lines_fragments(Path("c.jsonl"), source))
    assert ("c.jsonl", 1, "Canada imposed new sanctions on Belarus.") in frags
    assert ("c.jsonl", 1, "x") in frags
    assert ("c.jsonl", 3, "not json: Chile and Peru have clashed") in frags


def test_no_gold_quotes_data_fragments_flag_copied_test_data(tmp_path: Path) -> None:
    grams = ngrams(["Canada imposed new sanctions on Belarus over the disputed election."])
    (tmp_path / "tests" / "data").mkdir(parents=True)
    (tmp_path / "tests" / "test_x.py").write_text(
        'TEXT = "Canada imposed new sanctions on Belarus."\nOTHER = "Canada imposed sanctions."\n',
        encoding="utf-8",
    )
    (tmp_path / "tests" / "data" / "cases.jsonl").write_text(
        '{"id": "a", "text": "Ottawa said Canada imposed new sanctions on Belarus today."}\n'
        '{"id": "b", "text": "Chile met Peru."}\n',
        encoding="utf-8",
    )
    (tmp_path / "tests" / "data" / "page.html").write_text(
        "<p>Title</p>\n\n<p>Canada imposed new\nsanctions on Belarus over</p>\n", encoding="utf-8"
    )
    found = quotes_of(data_fragments(tmp_path), grams)
    assert sorted(found) == [
        "tests/data/cases.jsonl:1: canada imposed new sanctions on belarus",
        "tests/data/page.html:3: canada imposed new sanctions on belarus over",
        "tests/test_x.py:1: canada imposed new sanctions on belarus",
    ]


def test_no_gold_quotes_source_documents_are_read_whole(tmp_path: Path) -> None:
    """A quote that runs over a line break of a source document is still a quote."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "doc.txt").write_text(
        "Canada imposed new\nsanctions on Belarus over the election.\n", encoding="utf-8"
    )
    grams = ngrams(gold_texts(tmp_path))
    assert shared_runs("as Canada imposed new sanctions on Belarus", grams) == [
        "canada imposed new sanctions on belarus"
    ]


# --------------------------------------------------------------------------- the tree


@pytest.fixture(scope="module")
def gold_grams() -> set[tuple[str, ...]]:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"no gold texts at {SHARED} (set GEOKG_SHARED)")
    grams = ngrams(gold_texts(SHARED))
    assert len(grams) > 10_000, f"too few gold word runs read from {SHARED}"
    return grams


def test_no_gold_quotes_the_check_sees_gold_text(gold_grams: set[tuple[str, ...]]) -> None:
    """A gold sentence placed in a comment is caught (the check is live on the real texts)."""
    sentence = next(text for text in gold_texts(SHARED) if len(words(text)) >= MIN_WORDS + 2)
    frags = python_fragments(Path("probe.py"), "# " + sentence.replace("\n", " ") + "\n")
    found = quotes_of(frags, gold_grams)
    assert len(found) == 1
    assert found[0].startswith("probe.py:1: ")


def test_no_gold_quotes_in_comments_docstrings_and_docs(
    gold_grams: set[tuple[str, ...]],
) -> None:
    frags = list(documentation_fragments(REPO))
    assert len(frags) > 500, "the scan found too little documentation to be credible"
    found = quotes_of(frags, gold_grams)
    assert not found, (
        f"{len(found)} comment/docstring/doc fragment(s) share {MIN_WORDS}+ consecutive words "
        "with a gold text; write a constructed example instead:\n" + "\n".join(found)
    )


def test_no_gold_quotes_in_test_data(gold_grams: set[tuple[str, ...]]) -> None:
    frags = list(data_fragments(REPO))
    assert len(frags) > 2000, "the scan found too little test data to be credible"
    found = quotes_of(frags, gold_grams)
    assert not found, (
        f"{len(found)} test data string(s) share {MIN_WORDS}+ consecutive words with a gold "
        "text; write a constructed sentence with the same construction instead:\n"
        + "\n".join(found)
    )
