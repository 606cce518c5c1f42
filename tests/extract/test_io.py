"""Tests for geokg.extract.io: finding, reading and decoding input files."""

from __future__ import annotations

import builtins
import os
from pathlib import Path
from typing import Any

import pytest

import geokg.extract.io as io_module
from geokg.errors import InputError
from geokg.extract.clean import clean_text
from geokg.extract.io import (
    InputProblem,
    RawDocument,
    html_to_text,
    iter_documents,
    iter_input_files,
    read_document,
)

DATA = Path(__file__).resolve().parent / "data"

PROSE = "Russia and Turkey signed an agreement on gas deliveries after talks in Sochi. " * 3
CP1252_BYTES = b"\x93Russia is our partner,\x94 the minister said \x96 twice. " * 3
# 0x8D is undefined in cp1252, so only latin-1 decodes this (as a rare C1 control).
LATIN1_BYTES = b"Caf\xe9 diplomacy in Z\xfcrich: talks went on. " * 4 + b"\x8d"

RUSSIAN = "\u0420\u043e\u0441\u0441\u0438\u044f \u0438 \u0422\u0443\u0440\u0446\u0438\u044f " * 5

# name -> content of the files every folder test starts with
FILES: dict[str, bytes] = {
    "good.txt": PROSE.encode(),
    "notes.md": b"# Notes\n\nThe EU imposed sanctions on Iran.\n",
    "crlf.txt": b"First line.\r\nSecond line.\r\n",
    "bom.txt": b"\xef\xbb\xbfText with a byte order mark.",
    "utf16.txt": "\ufeffUTF-16 text from Notepad.".encode("utf-16-le"),
    "cp1252.txt": CP1252_BYTES,
    "latin1.txt": LATIN1_BYTES,
    "binary.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "nul.txt": b"text\x00with\x00nul\x00bytes",
    "control.txt": bytes(range(1, 9)) * 20 + b"some text",
    "undecodable.txt": RUSSIAN.encode("cp1251"),
    "empty.txt": b"",
    "blank.txt": b"  \n\t\r\n \xc2\xa0\n",
    "page.html": (DATA / "page.html").read_bytes(),
    "empty.html": b"<html><head><title>t</title></head><body><script>x()</script></body></html>",
    "image.png": b"\x89PNG\r\n\x1a\n",
    "sub/nested.txt": b"Nested file about NATO.",
    "sub/deeper/deep.htm": b"<p>Deep page about the UN.</p>",
    ".hidden.txt": b"hidden",
    ".git/config.txt": b"hidden folder",
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inputs"
    for name, content in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def collect(paths: list[str | Path]) -> dict[str, RawDocument | InputProblem]:
    return {item.name: item for item in iter_documents(paths)}


def test_io_iter_input_files_is_recursive_sorted_and_skips_hidden(folder: Path) -> None:
    names = [item[0] for item in iter_input_files([folder]) if isinstance(item, tuple)]
    assert names == sorted(names)
    assert names == [
        "binary.txt",
        "blank.txt",
        "bom.txt",
        "control.txt",
        "cp1252.txt",
        "crlf.txt",
        "empty.html",
        "empty.txt",
        "good.txt",
        "latin1.txt",
        "notes.md",
        "nul.txt",
        "page.html",
        "sub/deeper/deep.htm",
        "sub/nested.txt",
        "undecodable.txt",
        "utf16.txt",
    ]
    assert list(iter_input_files([folder])) == list(iter_input_files([folder]))


@pytest.mark.parametrize(
    "name,text,encoding",
    [
        ("good.txt", PROSE, "utf-8"),
        ("notes.md", "# Notes\n\nThe EU imposed sanctions on Iran.\n", "utf-8"),
        ("crlf.txt", "First line.\r\nSecond line.\r\n", "utf-8"),
        ("bom.txt", "\ufeffText with a byte order mark.", "utf-8-sig"),
        ("utf16.txt", "UTF-16 text from Notepad.", "utf-16"),
        ("cp1252.txt", CP1252_BYTES.decode("cp1252"), "cp1252"),
        ("latin1.txt", LATIN1_BYTES.decode("latin-1"), "latin-1"),
        ("sub/nested.txt", "Nested file about NATO.", "utf-8"),
        ("sub/deeper/deep.htm", "Deep page about the UN.", "utf-8"),
    ],
)
def test_io_decodes_text_exactly(folder: Path, name: str, text: str, encoding: str) -> None:
    doc = collect([folder])[name]
    assert isinstance(doc, RawDocument)
    assert doc.text == text
    assert doc.encoding == encoding
    assert doc.path == folder / name


def test_io_cp1252_curly_quotes_are_decoded() -> None:
    assert CP1252_BYTES.decode("cp1252").startswith("\u201cRussia is our partner,\u201d")


@pytest.mark.parametrize(
    "name,reason",
    [
        ("binary.txt", "binary data, not text (looks like a PDF)"),
        ("nul.txt", "binary data, not text (NUL bytes)"),
        ("control.txt", "binary data, not text (control bytes)"),
        ("undecodable.txt", "not valid UTF-8 and not cp1252/latin-1 text"),
        ("empty.txt", "empty file"),
        ("blank.txt", "only whitespace, no text"),
        ("empty.html", "no visible text in the HTML page"),
    ],
)
def test_io_bad_files_become_problems(folder: Path, name: str, reason: str) -> None:
    problem = collect([folder])[name]
    assert isinstance(problem, InputProblem)
    assert problem.reason == reason
    assert problem.path == folder / name
    with pytest.raises(InputError) as info:
        read_document(name, folder / name)
    assert name in str(info.value)
    assert reason in str(info.value)
    assert info.value.code == "E100"


def test_io_strict_raises_at_the_first_problem(folder: Path) -> None:
    with pytest.raises(InputError, match=r"binary\.txt \(.*\): binary data"):
        list(iter_documents([folder], strict=True))


def test_io_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    (problem,) = list(iter_documents([missing]))
    assert isinstance(problem, InputProblem)
    assert problem.reason == "no such file or folder"
    assert str(missing) in problem.message
    with pytest.raises(InputError, match=r"nowhere\.txt"):
        list(iter_documents([missing], strict=True))


@pytest.mark.parametrize(
    "name,reason",
    [
        ("image.png", "unsupported file type '.png'"),
        ("good.txt", None),
        (".hidden.txt", None),
    ],
)
def test_io_a_file_given_by_name(folder: Path, name: str, reason: str | None) -> None:
    (item,) = list(iter_documents([folder / name]))
    assert item.name == name
    if reason is None:
        assert isinstance(item, RawDocument)
    else:
        assert isinstance(item, InputProblem)
        assert item.reason.startswith(reason)


def test_io_symlink_loop_is_a_problem(folder: Path) -> None:
    os.symlink(folder, folder / "sub" / "loop")
    os.symlink(folder / "self-link.txt", folder / "self-link.txt")
    items = collect([folder])
    loop = items["sub/loop"]
    assert isinstance(loop, InputProblem)
    assert loop.reason.startswith("symlink loop")
    assert "sub/loop" in loop.message
    self_link = items["self-link.txt"]
    assert isinstance(self_link, InputProblem)
    assert self_link.reason == "symlink loop"
    assert isinstance(items["good.txt"], RawDocument)


def test_io_broken_symlink_is_a_problem(folder: Path) -> None:
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    problem = collect([folder])["dangling.txt"]
    assert isinstance(problem, InputProblem)
    assert problem.reason == "broken symlink"


def _failing_open(target: Path, error: OSError) -> Any:
    real_open = builtins.open

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == target:
            raise error
        return real_open(file, *args, **kwargs)

    return fake_open


@pytest.mark.parametrize(
    "error,reason",
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (FileNotFoundError(2, "No such file or directory"), "file vanished while reading"),
        (OSError(5, "Input/output error"), "cannot read: Input/output error"),
    ],
)
def test_io_read_errors_become_problems(
    folder: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    target = folder / "good.txt"
    monkeypatch.setattr(io_module, "open", _failing_open(target, error), raising=False)
    items = collect([folder])
    problem = items["good.txt"]
    assert isinstance(problem, InputProblem)
    assert problem.reason == reason
    assert isinstance(items["notes.md"], RawDocument)
    with pytest.raises(InputError, match=f"good.txt.*{reason}"):
        read_document("good.txt", target)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_io_unreadable_file_and_folder_are_problems(folder: Path) -> None:
    (folder / "good.txt").chmod(0)
    (folder / "sub" / "deeper").chmod(0)
    try:
        items = collect([folder])
    finally:
        (folder / "good.txt").chmod(0o644)
        (folder / "sub" / "deeper").chmod(0o755)
    good = items["good.txt"]
    assert isinstance(good, InputProblem)
    assert good.reason == "permission denied"
    deeper = items["sub/deeper"]
    assert isinstance(deeper, InputProblem)
    assert deeper.reason.startswith("permission denied")


def test_io_unlistable_folder_is_a_problem(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scandir = os.scandir
    blocked = folder / "sub" / "deeper"

    def fake_scandir(path: Any) -> Any:
        if Path(path) == blocked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    problem = collect([folder])["sub/deeper"]
    assert isinstance(problem, InputProblem)
    assert problem.reason == "permission denied (cannot list folder)"


def test_io_a_5mb_single_line_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "Lima and Santiago have argued over their rival claims to the Pacific coast. " * 70_000
    path.write_text(line, encoding="utf-8")
    doc = read_document("big.txt", path)
    assert doc.text == line
    assert len(doc.text) > 5_000_000


def test_io_html_page_gives_visible_text(folder: Path) -> None:
    doc = collect([folder])["page.html"]
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("Japan and South\u00a0Korea Agree to Share Intelligence\n\n")
    assert "Japanese Prime Minister Fumio Kishida met President Lee Jae-myung of South" in doc.text
    assert "the deal & said it\nwould hold" in doc.text
    for hidden in ("Site title", "tracking", "color", "Home", "Related", "Example Times"):
        assert hidden not in doc.text
    clean = clean_text(doc.text)
    assert "the deal & said it would hold a trilateral summit" in clean.text


@pytest.mark.parametrize(
    "html,text",
    [
        ("<p>Russia &amp; Turkey</p><p>met.</p>", "Russia & Turkey\n\nmet."),
        ("<div>one<br>two<br/>three</div>", "one\ntwo\nthree"),
        ("<h2>Title</h2>\n  <p>  Body   text\n here </p>", "Title\n\nBody text here"),
        ("<style>p{}</style><script>if (a < b) {}</script><p>Seen</p>", "Seen"),
        ("<head><title>x</title><body><p>Unclosed head</p>", "Unclosed head"),
        ("<nav><ul><li>Menu</li></ul></nav><article><p>Story</p></article>", "Story"),
        ("<table><tr><td>A</td><td>B</td></tr></table>", "A B"),
        ("<p>caf&eacute; &#8220;quoted&#8221; &nbsp;</p>", "caf\u00e9 \u201cquoted\u201d \u00a0"),
        ("plain text, no tags", "plain text, no tags"),
    ],
)
def test_io_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_io_problem_message_names_the_file(tmp_path: Path) -> None:
    problem = InputProblem("a/b.txt", tmp_path / "a" / "b.txt", "empty file")
    assert problem.message == f"a/b.txt ({tmp_path / 'a' / 'b.txt'}): empty file"
    same = InputProblem("x.txt", Path("x.txt"), "empty file")
    assert same.message == "x.txt: empty file"
