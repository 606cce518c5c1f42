"""Document dates, titles, sources and urls: every place a date comes from, and files with none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geokg.errors import InputError
from geokg.extract.io import iter_documents, read_document
from geokg.extract.meta import (
    DocumentMeta,
    html_meta,
    load_sidecar,
    normalize_date,
    text_meta,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("2024-03-05 08:15", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("2024-03", "2024-03"),
        ("2024", "2024"),
        ("5 March 2024", "2024-03-05"),
        ("Tuesday, 5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Sept. 4, 2023", "2023-09-04"),
        ("March 5th, 2024 10:30 AM EST", "2024-03-05"),
        ("March 2024", "2024-03"),
        ("2024-02-30", None),  # no such day
        ("2024-13-01", None),
        ("last Tuesday", None),
        ("May 2024 elections", None),
        ("", None),
    ],
)
def test_meta_normalize_date(text: str, expected: str | None) -> None:
    assert normalize_date(text) == expected


# --- HTML --------------------------------------------------------------------------------------

_BODY = "<body><p>Canada imposed sanctions on Belarus.</p></body>"


@pytest.mark.parametrize(
    "head,date",
    [
        ('<meta property="article:published_time" content="2024-03-05T08:00:00Z">', "2024-03-05"),
        ('<meta property="og:published_time" content="2024-03-06">', "2024-03-06"),
        ('<meta name="pubdate" content="20240307">', "2024-03-07"),
        ('<meta itemprop="datePublished" content="2024-03-08">', "2024-03-08"),
        ('<meta name="DC.date.issued" content="March 9, 2024">', "2024-03-09"),
    ],
)
def test_meta_html_meta_tags(head: str, date: str) -> None:
    assert html_meta(f"<html><head>{head}</head>{_BODY}</html>").date == date


def test_meta_html_time_element() -> None:
    page = '<article><time datetime="2023-11-20T10:00">Nov 20</time><p>Text.</p></article>'
    assert html_meta(page).date == "2023-11-20"


def test_meta_html_json_ld() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "datePublished": "2022-06-01T12:00:00+02:00",
                "headline": "Canada and Belarus",
                "publisher": {"@type": "Organization", "name": "Example Wire"},
            },
        ],
    }
    page = f'<script type="application/ld+json">{json.dumps(ld)}</script>{_BODY}'
    meta = html_meta(page)
    assert meta.date == "2022-06-01"
    assert meta.source == "Example Wire"


def test_meta_html_meta_tags_beat_json_ld_and_time() -> None:
    page = (
        '<head><meta property="article:published_time" content="2024-01-02">'
        '<meta property="og:title" content="Tag title">'
        '<meta property="og:site_name" content="Tag source">'
        '<meta property="og:url" content="https://example.org/a">'
        '<script type="application/ld+json">{"datePublished": "2020-01-01", '
        '"headline": "LD title"}</script><title>Page title</title></head>'
        '<body><time datetime="2019-01-01">x</time><p>Text.</p></body>'
    )
    assert html_meta(page) == DocumentMeta(
        date="2024-01-02", title="Tag title", source="Tag source", url="https://example.org/a"
    )


def test_meta_html_title_and_canonical_when_nothing_else() -> None:
    page = '<head><title> Canada  and Belarus </title><link rel="canonical" href="https://e.org/x">'
    meta = html_meta(page + "</head>" + _BODY)
    assert meta == DocumentMeta(title="Canada and Belarus", url="https://e.org/x")


def test_meta_html_broken_json_ld_is_ignored() -> None:
    page = '<script type="application/ld+json">{"datePublished": </script>' + _BODY
    assert html_meta(page).date is None


def test_meta_html_without_a_date_has_none() -> None:
    assert html_meta(f"<html><head><title>T</title></head>{_BODY}</html>").date is None


# --- text --------------------------------------------------------------------------------------


def test_meta_front_matter_is_read_and_blanked() -> None:
    text = (
        '---\ntitle: "Canada: new sanctions"\ndate: 4 September 2023\nsource: Example Wire\n'
        "url: https://example.org/a\nauthor: Someone\n---\nCanada imposed sanctions on Belarus."
    )
    meta, out = text_meta(text)
    assert meta == DocumentMeta(
        date="2023-09-04",
        title="Canada: new sanctions",
        source="Example Wire",
        url="https://example.org/a",
    )
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert out.strip() == "Canada imposed sanctions on Belarus."
    assert out.index("Canada imposed") == text.index("Canada imposed")


@pytest.mark.parametrize(
    "first,date",
    [
        ("2024-03-05", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("Published: March 5, 2024", "2024-03-05"),
        ("Date: 2024-03", "2024-03"),
        ("Posted on Tuesday, 5 March 2024", "2024-03-05"),
    ],
)
def test_meta_dated_first_line(first: str, date: str) -> None:
    text = f"{first}\nCanada imposed sanctions on Belarus."
    meta, out = text_meta(text)
    assert meta.date == date
    assert out.strip() == "Canada imposed sanctions on Belarus."


@pytest.mark.parametrize(
    "text",
    [
        "Canada imposed sanctions on Belarus in 2024.",
        "2024\nCanada imposed sanctions.",  # a bare year is a heading, not a date
        "---\n\nCanada imposed sanctions.\n---\n",  # rules around prose, not front matter
        "---\ndate: soon\n---\nCanada imposed sanctions.",
    ],
)
def test_meta_text_without_a_date_has_none(text: str) -> None:
    meta, out = text_meta(text)
    assert meta.date is None
    if not text.startswith("---\ndate"):
        assert out == text  # nothing blanked


def test_meta_byte_order_mark_before_front_matter() -> None:
    meta, out = text_meta("\ufeff---\ndate: 2021-05-06\n---\nText.")
    assert meta.date == "2021-05-06"
    assert out.startswith("\ufeff")


def test_meta_read_document_carries_file_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<head><meta property="article:published_time" content="2024-03-05"></head>' + _BODY,
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Published: 6 March 2024\nCanada met Belarus.", "utf-8")
    (tmp_path / "c.md").write_text("# Canada\n\nCanada met Belarus.", "utf-8")
    docs = {d.name: d for d in iter_documents([tmp_path]) if not hasattr(d, "reason")}
    assert docs["a.html"].meta.date == "2024-03-05"  # type: ignore[union-attr]
    assert docs["b.txt"].meta.date == "2024-03-06"  # type: ignore[union-attr]
    assert docs["c.md"].meta == DocumentMeta()  # type: ignore[union-attr]
    raw = (tmp_path / "b.txt").read_text("utf-8")
    b = read_document("b.txt", tmp_path / "b.txt")
    assert b.text[raw.index("Canada") :].startswith("Canada met Belarus.")


def test_meta_never_uses_the_file_mtime(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Canada met Belarus.", "utf-8")
    assert read_document("a.txt", path).meta.date is None


# --- sidecar files -----------------------------------------------------------------------------


def test_meta_sidecar_tsv_with_column_aliases(tmp_path: Path) -> None:
    path = tmp_path / "SOURCES.tsv"
    path.write_text(
        "split\tfile\tpublished\tsection\tauthor\turl\n"
        "train\ta.txt\t2019-11-25\tEurope\tA. Writer\thttps://example.org/a\n"
        "dev\tb.txt\t\tAsia\tB. Writer\t\n",
        encoding="utf-8",
    )
    sidecar = load_sidecar(path)
    assert sidecar.lookup("a.txt") == DocumentMeta(date="2019-11-25", url="https://example.org/a")
    assert sidecar.lookup("b.txt") == DocumentMeta()
    assert sidecar.lookup("docs/a.txt") == sidecar.lookup("a.txt")  # by file name
    assert sidecar.lookup("c.txt") is None


def test_meta_sidecar_csv_and_jsonl(tmp_path: Path) -> None:
    csv_path = tmp_path / "meta.csv"
    csv_path.write_text(
        'filename,date,title,source\nnews/a.txt,5 March 2024,"Canada, Belarus",Wire\n', "utf-8"
    )
    assert load_sidecar(csv_path).lookup("news/a.txt") == DocumentMeta(
        date="2024-03-05", title="Canada, Belarus", source="Wire"
    )
    jsonl = tmp_path / "meta.jsonl"
    jsonl.write_text(
        json.dumps({"file": "a.txt", "date": "2024-03", "headline": "T"}) + "\n\n", "utf-8"
    )
    assert load_sidecar(jsonl).lookup("a.txt") == DocumentMeta(date="2024-03", title="T")


def test_meta_sidecar_ambiguous_file_name_matches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "meta.csv"
    path.write_text("file,date\nx/a.txt,2024-01-01\ny/a.txt,2024-01-02\n", "utf-8")
    sidecar = load_sidecar(path)
    assert sidecar.lookup("a.txt") is None
    assert sidecar.lookup("y/a.txt") == DocumentMeta(date="2024-01-02")


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("m.csv", "file,date\na.txt,2024-01-01\nb.txt,yesterday\n", "line 3: 'yesterday' is not"),
        ("m.csv", "title,date\nT,2024-01-01\n", "line 2: no file-name column"),
        ("m.csv", "file,date\na.txt,2024\na.txt,2025\n", "line 3: a.txt is listed twice"),
        ("m.csv", "file,date\na.txt,2024,extra\n", "line 2: 3 fields, the header has 2"),
        ("m.csv", "file,date\n,2024\n", "line 2: empty file name"),
        ("m.jsonl", '{"file": "a.txt"}\n{"file": \n', "line 2: not valid JSON"),
        ("m.jsonl", '["a.txt"]\n', "line 1: expected a JSON object"),
        ("m.csv", "file,date\n", "lists no document"),
    ],
)
def test_meta_sidecar_errors_name_the_file_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_sidecar(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_meta_sidecar_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the meta file"):
        load_sidecar(tmp_path / "absent.csv")
