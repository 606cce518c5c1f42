"""A document's date, title, source and url, from what the input holds (never the file's mtime).

Three places hold them, read in this order (a later one wins field by field):

1. **The file itself.**

   - HTML: ``<meta>`` tags (``article:published_time``, ``og:published_time``, ``pubdate``,
     ``publishdate``, ``date``, ``dc.date``, ``itemprop="datePublished"`` ...; ``og:title``;
     ``og:site_name``; ``og:url``), JSON-LD (``datePublished``, ``headline``,
     ``publisher.name``, ``url``), the first ``<time datetime>``, ``<link rel="canonical">``
     and ``<title>``. Meta tags and JSON-LD come before ``<time>`` and ``<title>``.
   - Text and Markdown: YAML-style front matter (a first line ``---``, ``key: value`` lines,
     a closing ``---``; keys ``date``/``published``, ``title``, ``source``, ``url``), or a
     first line that is a date ("2024-03-05", "5 March 2024", "Published: March 5, 2024").
     That header is metadata, not prose: :func:`text_meta` blanks it (same length, newlines
     kept), so the extractor never reads it and every offset still indexes the file.

2. **A sidecar file** given with ``--meta FILE`` (:func:`load_sidecar`): CSV, TSV or JSON
   Lines mapping a file name to date, title, source and url. Column aliases:
   ``published`` -> date, ``file``/``filename``/``path`` -> file name, ``headline`` -> title
   and so on (:data:`COLUMN_ALIASES`); other columns are ignored.

Dates are normalised to ISO 8601 at the precision the input gives: ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY`` (:func:`normalize_date`); a time of day is dropped, the date is the
one written (no time-zone conversion). A value that is not a date gives no date: nothing is
guessed.

Example:
    >>> normalize_date("Sept. 4, 2023")
    '2023-09-04'
    >>> meta, text = text_meta("---\\ndate: 2024-03-05\\n---\\nCanada imposed sanctions.")
    >>> meta.date, text.strip()
    ('2024-03-05', 'Canada imposed sanctions.')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

from geokg.errors import InputError

__all__ = [
    "COLUMN_ALIASES",
    "DocumentMeta",
    "Sidecar",
    "html_meta",
    "load_sidecar",
    "normalize_date",
    "text_meta",
]


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What is known about a document besides its text (every field may be unknown)."""

    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def merged(self, other: DocumentMeta | None) -> DocumentMeta:
        """These values, overridden field by field by the known values of ``other``."""
        if other is None:
            return self
        update = {f.name: getattr(other, f.name) for f in fields(other)}
        return replace(self, **{k: v for k, v in update.items() if v is not None})

    def as_dict(self) -> dict[str, str | None]:
        """``{"date": ..., "title": ..., "source": ..., "url": ...}``."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))


# --- dates -------------------------------------------------------------------------------------

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO = re.compile(
    r"(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?"
    r"(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?"
)
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_DAY_MONTH = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE)
# A time of day after a written date ("March 5, 2024 10:30 AM EST") is dropped.
_TRAILING_TIME = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?\s*$",
    re.IGNORECASE,
)


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return _MONTHS.get(name.lower())


def normalize_date(value: str) -> str | None:
    """A written date as ISO 8601 at its own precision, or None when it is not a date.

    Accepts ISO forms (``2024-03-05``, ``2024-03-05T10:30:00+02:00``, ``2024/03/05``,
    ``2024-03``, ``2024``, ``20240305``) and English ones (``5 March 2024``,
    ``Tuesday, 5 March 2024``, ``March 5, 2024``, ``Mar. 5 2024``, ``March 2024``).

    Example:
        >>> normalize_date("2024-03-05T23:30:00-05:00"), normalize_date("March 2024")
        ('2024-03-05', '2024-03')
        >>> normalize_date("last Tuesday") is None
        True
    """
    text = " ".join(value.split())
    if not text:
        return None
    m = _ISO.fullmatch(text)
    if m:
        month, day = m["month"], m["day"]
        return _iso(int(m["year"]), int(month) if month else None, int(day) if day else None)
    m = _COMPACT.fullmatch(text)
    if m:
        return _iso(int(m["year"]), int(m["month"]), int(m["day"]))
    text = _TRAILING_TIME.sub("", text)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.fullmatch(text)
        if m:
            month = _month(m["month"])
            return _iso(int(m["year"]), month, int(m["day"])) if month else None
    m = _MONTH_YEAR.fullmatch(text)
    if m:
        month = _month(m["month"])
        return _iso(int(m["year"]), month, None) if month else None
    return None


# --- text and Markdown -------------------------------------------------------------------------

_FRONT_KEYS = {
    "date": "date",
    "published": "date",
    "published_at": "date",
    "published_time": "date",
    "pubdate": "date",
    "date_published": "date",
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "site": "source",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
}
_FRONT_LINE = re.compile(r"(?P<key>[A-Za-z][\w -]*?)\s*:\s*(?P<value>.*)")
_MAX_FRONT_LINES = 40
_DATE_LABEL = re.compile(
    r"(?:(?:date|dated|published|posted|updated)(?:\s+on)?\s*:?\s+)?(?P<date>.+)", re.IGNORECASE
)
_LINE = re.compile(r"[^\n]*\n?")


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` blanked (newlines kept, length kept)."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def _front_matter(text: str, start: int) -> tuple[DocumentMeta, int] | None:
    lines = [m.group() for m in _LINE.finditer(text, start) if m.group()][: _MAX_FRONT_LINES + 2]
    if not lines or lines[0].strip() != "---":
        return None
    found: dict[str, str] = {}
    pos = start + len(lines[0])
    for line in lines[1:]:
        pos += len(line)
        stripped = line.strip()
        if stripped in ("---", "..."):
            date = normalize_date(found["date"]) if "date" in found else None
            meta = DocumentMeta(
                date=date,
                title=found.get("title") or None,
                source=found.get("source") or None,
                url=found.get("url") or None,
            )
            return meta, pos
        if not stripped or stripped.startswith("#"):
            continue
        m = _FRONT_LINE.fullmatch(stripped)
        if m is None:
            return None  # not front matter (a Markdown rule, prose ...)
        field = _FRONT_KEYS.get(_key(m["key"]))
        if field is not None and field not in found:
            found[field] = _unquote(m["value"])
    return None


def text_meta(text: str) -> tuple[DocumentMeta, str]:
    """The metadata header of a text or Markdown file, and the text with that header blanked.

    Args:
        text: The decoded file (a UTF-8 byte order mark at index 0 is allowed).

    Returns:
        The metadata found (empty when none) and the text, of the same length, with the
        front matter or the dated first line replaced by spaces (newlines kept).

    Example:
        >>> meta, text = text_meta("Published: 5 March 2024\\nCanada imposed sanctions.")
        >>> meta.date, len(text) == 49
        ('2024-03-05', True)
    """
    start = 1 if text.startswith("\ufeff") else 0
    front = _front_matter(text, start)
    if front is not None:
        meta, end = front
        return meta, _blank(text, start, end)
    first = _LINE.match(text, start)
    line = first.group() if first else ""
    m = _DATE_LABEL.fullmatch(line.strip())
    date = normalize_date(m["date"]) if m else None
    if date is None or len(date) < len("YYYY-MM"):
        return DocumentMeta(), text  # a bare year on line one is a heading, not a date
    return DocumentMeta(date=date), _blank(text, start, start + len(line))


# --- HTML --------------------------------------------------------------------------------------

# meta name/property/itemprop (lower case) -> field, in order of preference per field.
_META_DATE = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
)
_META_TITLE = ("og:title", "twitter:title", "dc.title", "headline")
_META_SOURCE = ("og:site_name", "application-name", "dc.publisher", "publisher")
_META_URL = ("og:url", "twitter:url")


class _MetaParser(HTMLParser):
    """Collects meta tags, JSON-LD blocks, the first ``<time datetime>``, canonical and title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.time: str | None = None
        self.canonical: str | None = None
        self.title: str | None = None
        self._in: str | None = None  # "ld" or "title" while inside one
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v for k, v in attrs if v is not None}
        if tag == "meta":
            content = a.get("content", "").strip()
            for attr in ("property", "name", "itemprop"):
                key = a.get(attr, "").strip().lower()
                if key and content and key not in self.meta:
                    self.meta[key] = content
        elif tag == "time" and self.time is None and a.get("datetime", "").strip():
            self.time = a["datetime"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "").strip() or None
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._in, self._buf = "ld", []
        elif tag == "title" and self.title is None:
            self._in, self._buf = "title", []

    def handle_endtag(self, tag: str) -> None:
        if self._in == "ld" and tag == "script":
            self.json_ld.append("".join(self._buf))
            self._in = None
        elif self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buf).split()) or None
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buf.append(data)


def _ld_items(value: Any) -> Iterator[Mapping[str, Any]]:
    """Every JSON-LD object, depth first (``@graph`` lists and nested lists included)."""
    if isinstance(value, list):
        for item in value:
            yield from _ld_items(item)
    elif isinstance(value, Mapping):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _ld_items(graph)


def _ld_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        for key in ("name", "@id", "url"):
            found = _ld_text(value.get(key))
            if found:
                return found
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    return None


def _json_ld_meta(blocks: list[str]) -> DocumentMeta:
    found: dict[str, str] = {}
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue  # a broken JSON-LD block is page furniture, not an input error
        for item in _ld_items(data):
            for field, keys in (
                ("date", ("datePublished", "dateCreated")),
                ("title", ("headline", "name")),
                ("source", ("publisher",)),
                ("url", ("url", "mainEntityOfPage")),
            ):
                if field in found:
                    continue
                for key in keys:
                    text = _ld_text(item.get(key))
                    if text and (field != "date" or normalize_date(text)):
                        found[field] = text
                        break
    date = found.get("date")
    return DocumentMeta(
        date=normalize_date(date) if date else None,
        title=found.get("title"),
        source=found.get("source"),
        url=found.get("url"),
    )


def _first(meta: Mapping[str, str], keys: tuple[str, ...], *, date: bool = False) -> str | None:
    for key in keys:
        value = meta.get(key)
        if value is None:
            continue
        if not date:
            return value
        normal = normalize_date(value)
        if normal:
            return normal
    return None


def html_meta(html: str) -> DocumentMeta:
    """The date, title, source and url an HTML page declares (see the module docstring).

    Example:
        >>> html_meta('<meta property="article:published_time" content="2024-03-05T08:00Z">'
        ...           '<title>Canada and Belarus</title>')
        DocumentMeta(date='2024-03-05', title='Canada and Belarus', source=None, url=None)
    """
    parser = _MetaParser()
    parser.feed(html)
    parser.close()
    tags = DocumentMeta(
        date=_first(parser.meta, _META_DATE, date=True),
        title=_first(parser.meta, _META_TITLE),
        source=_first(parser.meta, _META_SOURCE),
        url=_first(parser.meta, _META_URL),
    )
    page = DocumentMeta(
        date=normalize_date(parser.time) if parser.time else None,
        title=parser.title,
        url=parser.canonical,
    )
    # Weakest first: <time>/<title>/canonical, then JSON-LD, then the meta tags.
    return page.merged(_json_ld_meta(parser.json_ld)).merged(tags)


# --- sidecar files -----------------------------------------------------------------------------

#: Sidecar column (lower case, spaces and dashes as ``_``) -> field.
COLUMN_ALIASES: dict[str, str] = {
    "file": "file",
    "filename": "file",
    "file_name": "file",
    "name": "file",
    "doc": "file",
    "document": "file",
    "path": "file",
    "date": "date",
    "published": "date",
    "published_at": "date",
    "published_time": "date",
    "publication_date": "date",
    "pubdate": "date",
    "date_published": "date",
    "datepublished": "date",
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "site": "source",
    "site_name": "source",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
}
_FILE_COLUMNS = ", ".join(k for k, v in COLUMN_ALIASES.items() if v == "file")


@dataclass(frozen=True, slots=True)
class Sidecar:
    """File name -> metadata, read from a ``--meta`` file.

    A document matches the entry of its name (its path relative to the folder given), or
    else the one entry with the same file name (``docs/a.txt`` matches ``a.txt``).
    """

    path: Path
    entries: Mapping[str, DocumentMeta]

    def lookup(self, name: str) -> DocumentMeta | None:
        """The metadata of a document, or None when the sidecar does not list it."""
        found = self.entries.get(name)
        if found is not None:
            return found
        base = PurePosixPath(name).name
        hits = [meta for key, meta in self.entries.items() if PurePosixPath(key).name == base]
        return hits[0] if len(hits) == 1 else None

    def __len__(self) -> int:
        return len(self.entries)


def _rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, row)`` of a CSV, TSV or JSON Lines sidecar."""
    suffix = path.suffix.lower()
    first = text.lstrip("\ufeff \t\r\n")[:1]
    if suffix in (".jsonl", ".ndjson", ".json") or (
        suffix not in (".csv", ".tsv") and first == "{"
    ):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as e:
                raise InputError(f"{path} line {number}: not valid JSON ({e})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path} line {number}: expected a JSON object per line")
            yield number, row
        return
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = "\t" if suffix in (".tsv", ".tab") or ("\t" in header and suffix != ".csv") else ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        columns = next(reader)
    except StopIteration:
        return
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise InputError(
                f"{path} line {number}: {len(row)} fields, the header has {len(columns)}"
            )
        yield number, dict(zip(columns, row, strict=True))


def load_sidecar(path: Path) -> Sidecar:
    """Read a ``--meta`` file (CSV, TSV or JSON Lines; see the module docstring).

    Raises:
        InputError: The file cannot be read, has no file-name column, a line is malformed,
            a file name is empty or listed twice, or a date is not a date; the message names
            the file and the line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise InputError(f"{path}: cannot read the meta file: {reason}") from e
    entries: dict[str, DocumentMeta] = {}
    seen_at: dict[str, int] = {}
    for number, row in _rows(path, text):
        values: dict[str, str] = {}
        for column, value in row.items():
            field = COLUMN_ALIASES.get(_key(str(column)))
            if field is None or field in values or value is None:
                continue
            text_value = str(value).strip()
            if text_value:
                values[field] = text_value
        if "file" not in values:
            if not any(COLUMN_ALIASES.get(_key(str(c))) == "file" for c in row):
                raise InputError(
                    f"{path} line {number}: no file-name column (one of {_FILE_COLUMNS})"
                )
            raise InputError(f"{path} line {number}: empty file name")
        name = PurePosixPath(values["file"].replace("\\", "/")).as_posix()
        if name in seen_at:
            raise InputError(
                f"{path} line {number}: {name} is listed twice (also line {seen_at[name]})"
            )
        date = None
        if "date" in values:
            date = normalize_date(values["date"])
            if date is None:
                raise InputError(
                    f"{path} line {number}: {values['date']!r} is not a date "
                    "(write 2024-03-05, 2024-03, 2024 or 5 March 2024)"
                )
        seen_at[name] = number
        entries[name] = DocumentMeta(
            date=date, title=values.get("title"), source=values.get("source"), url=values.get("url")
        )
    if not entries:
        raise InputError(f"{path}: the meta file lists no document")
    return Sidecar(path=path, entries=entries)
