"""Read input documents robustly: find files, decode them, report bad ones without stopping.

Finding files: :func:`iter_input_files` takes files and folders. Folders are walked
recursively in sorted order (deterministic across machines), keeping ``.txt``, ``.md``,
``.html`` and ``.htm`` files (any case) and skipping hidden files and folders (names starting
with a dot). A path that does not exist, a folder that cannot be listed, a symlink loop or a
broken symlink is reported as an :class:`InputProblem`, never raised. A document's ``name`` is
its path relative to the folder given (posix separators), or the file name when a file was
given; this is the ``doc`` of every output record.

Decoding policy (:func:`read_document`): files are read as bytes and decoded here, so the text
is exactly what the file holds (``"\\r\\n"`` stays ``"\\r\\n"``: offsets index the text as read).

1. Binary data is refused: NUL bytes (without a UTF-16 byte order mark), a known binary
   signature (PDF, ZIP/DOCX, images, gzip ...), or more than 2% control bytes.
2. UTF-8, with or without a byte order mark. A UTF-8 BOM is kept in the text as ``"\\ufeff"``
   at index 0 (so offsets agree with a plain ``open(path, encoding="utf-8").read()``); the
   encoding is then reported as ``"utf-8-sig"``. The cleaner drops the BOM.
3. UTF-16 where the file starts with a UTF-16 byte order mark (Windows "Unicode" files); the
   BOM is dropped.
4. Else cp1252 (Windows Western, curly quotes at 0x93/0x94) if the bytes decode and the text
   looks like text, else latin-1 if the text looks like text. "Looks like text": at most 1%
   control characters and at least 70% ASCII, which rules out mis-decoded Cyrillic, Greek or
   CJK files rather than turning them into mojibake.
5. Otherwise the file is refused as "not valid UTF-8 and not cp1252/latin-1 text".

Empty and whitespace-only files are refused too.

Metadata (:attr:`RawDocument.meta`): the date, title, source and url the file declares, read
by :mod:`geokg.extract.meta` (HTML ``<meta>``/JSON-LD/``<time>``; front matter or a dated first
line in text, which is then blanked in ``text`` with its length kept). Never the file's mtime.

HTML (``.html``, ``.htm``): the visible text is extracted with the standard library's
:class:`html.parser.HTMLParser`: ``script``, ``style``, ``nav``, ``header``, ``footer``,
``aside``, ``noscript``, ``template``, ``svg``, ``form``, ``iframe`` and the ``head`` are
dropped; block elements (``p``, ``div``, headings, list items, table rows ...) become
paragraph breaks (``"\\n\\n"``), ``br`` a line break; entities are unescaped; runs of HTML
whitespace collapse to one space. For HTML files, ``RawDocument.text`` is this extracted text
and all offsets refer to it (the markup has no offsets of its own in the output).

Example:
    >>> from pathlib import Path
    >>> for item in iter_documents(["examples"]):  # doctest: +SKIP
    ...     print(item.name if isinstance(item, RawDocument) else item.reason)
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from geokg.errors import InputError
from geokg.extract.meta import DocumentMeta, html_meta, text_meta

__all__ = [
    "SUPPORTED_SUFFIXES",
    "InputProblem",
    "RawDocument",
    "html_to_text",
    "iter_documents",
    "iter_input_files",
    "read_document",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A decoded input document.

    Attributes:
        name: Path relative to the folder given (posix separators), or the file name when a
            file was given.
        path: Where the file is.
        text: The decoded text; for HTML the extracted visible text (offsets refer to it).
        encoding: The encoding used: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252``,
            ``latin-1``.
        meta: The date, title, source and url the file declares (HTML metadata, front
            matter or a dated first line; see :mod:`geokg.extract.meta`). A text file's
            header is blanked in ``text`` (same length), so it is never extracted.
    """

    name: str
    path: Path
    text: str
    encoding: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that cannot be used, with one clear human reason."""

    name: str
    path: Path
    reason: str

    @property
    def message(self) -> str:
        """The reason, naming the file (as :class:`~geokg.errors.InputError` messages do)."""
        return _message(self.name, self.path, self.reason)


def _message(name: str, path: Path, reason: str) -> str:
    where = name if str(path) == name else f"{name} ({path})"
    return f"{where}: {reason}"


# --- finding files -----------------------------------------------------------------------------


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _os_reason(e: OSError) -> str:
    """A short human reason for an OS error."""
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, FileNotFoundError):
        return "file vanished while reading"
    if isinstance(e, IsADirectoryError):
        return "is a folder, not a file"
    if e.errno == errno.ELOOP:
        return "symlink loop"
    return f"cannot read: {e.strerror or e}"


def iter_input_files(paths: Sequence[str | Path]) -> Iterator[tuple[str, Path] | InputProblem]:
    """Yield ``(name, path)`` for every supported input file, or a problem for bad paths.

    Args:
        paths: Files and folders, in the order to read them.

    Yields:
        ``(name, path)`` per file, or an :class:`InputProblem` for a path that does not
        exist, a folder that cannot be listed, a symlink loop, a broken symlink, a special
        file, or a file given by name whose type is not supported.
    """
    for given in paths:
        path = Path(given)
        try:
            st = path.stat()
        except OSError as e:
            yield InputProblem(str(given), path, _missing_reason(path, e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, path, ((st.st_dev, st.st_ino),))
        elif not stat.S_ISREG(st.st_mode):
            yield InputProblem(path.name, path, "not a regular file")
        elif not _supported(path):
            supported = ", ".join(SUPPORTED_SUFFIXES)
            reason = f"unsupported file type {path.suffix or '(none)'!r} (supported: {supported})"
            yield InputProblem(path.name, path, reason)
        else:
            yield path.name, path


def _missing_reason(path: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(e, FileNotFoundError):
        return "broken symlink" if path.is_symlink() else "no such file or folder"
    return _os_reason(e)


def _walk(
    root: Path, folder: Path, ancestors: tuple[tuple[int, int], ...]
) -> Iterator[tuple[str, Path] | InputProblem]:
    """Walk ``folder`` depth-first in sorted order; ``ancestors`` detect symlink loops."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as e:
        name = str(root) if folder == root else folder.relative_to(root).as_posix()
        if isinstance(e, PermissionError):
            reason = "permission denied (cannot list folder)"
        else:
            reason = f"cannot list folder: {e.strerror or e}"
        yield InputProblem(name, folder, reason)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        name = path.relative_to(root).as_posix()
        try:
            st = entry.stat()  # follows symlinks
        except OSError as e:
            if entry.is_dir(follow_symlinks=False) or _supported(path) or e.errno == errno.ELOOP:
                yield InputProblem(name, path, _missing_reason(path, e))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield InputProblem(name, path, "symlink loop (the folder contains itself)")
                continue
            yield from _walk(root, path, (*ancestors, key))
        elif _supported(path):
            if stat.S_ISREG(st.st_mode):
                yield name, path
            else:
                yield InputProblem(name, path, "not a regular file")


# --- decoding ----------------------------------------------------------------------------------

_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX, EPUB ...)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
)
# Bytes that text never holds (tab, line feed, form feed, carriage return, escape excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.02
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_MIN_ASCII_SHARE = 0.7
_MAX_CONTROL_CHAR_SHARE = 0.01
_UNDECODABLE = "not valid UTF-8 and not cp1252/latin-1 text"


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` is binary, or None if it may be text."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"binary data, not text (looks like {what})"
    if b"\x00" in data:
        return "binary data, not text (NUL bytes)"
    control = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if control > _MAX_CONTROL_SHARE * len(data):
        return "binary data, not text (control bytes)"
    return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    ascii_chars = len(text.encode("ascii", "ignore"))
    controls = len(_CONTROL_CHARS.findall(text))
    return ascii_chars >= _MIN_ASCII_SHARE * len(
        text
    ) and controls <= _MAX_CONTROL_CHAR_SHARE * len(text)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode by the policy in the module docstring.

    Raises:
        ValueError: The bytes are binary or not decodable text; the message is the reason.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ValueError("invalid UTF-16 text") from None
    reason = _binary_reason(data)
    if reason is not None:
        raise ValueError(reason)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8-sig" if text.startswith("\ufeff") else "utf-8"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise ValueError(_UNDECODABLE)


def _load(name: str, path: Path) -> RawDocument | tuple[InputProblem, BaseException | None]:
    """Read and decode one file; a problem (with its cause) instead of raising."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return InputProblem(name, path, _os_reason(e)), e
    if not data:
        return InputProblem(name, path, "empty file"), None
    try:
        text, encoding = _decode(data)
    except ValueError as e:
        return InputProblem(name, path, str(e)), e
    if path.suffix.lower() in _HTML_SUFFIXES:
        html = text.removeprefix("\ufeff")
        meta = html_meta(html)
        text = html_to_text(html)
        if not text:
            return InputProblem(name, path, "no visible text in the HTML page"), None
    else:
        meta, text = text_meta(text)
    if not text.strip(" \t\n\r\f\v\u00a0\ufeff\u200b"):
        return InputProblem(name, path, "only whitespace, no text"), None
    return RawDocument(name=name, path=path, text=text, encoding=encoding, meta=meta)


def read_document(name: str, path: Path) -> RawDocument:
    """Read and decode one input file.

    Args:
        name: The document's name (see :class:`RawDocument`).
        path: The file.

    Returns:
        The decoded document.

    Raises:
        InputError: Binary data, an empty or whitespace-only file, undecodable text, a
            permission error or a file that vanished; the message names the file.
    """
    loaded = _load(name, path)
    if isinstance(loaded, RawDocument):
        return loaded
    problem, cause = loaded
    raise InputError(problem.message) from cause


def iter_documents(
    paths: Sequence[str | Path], *, strict: bool = False
) -> Iterator[RawDocument | InputProblem]:
    """Yield every input document, or a problem for each input that cannot be used.

    Args:
        paths: Files and folders (see :func:`iter_input_files`).
        strict: Raise at the first problem instead of yielding it.

    Raises:
        InputError: With ``strict``, at the first bad input; the message names the file.
    """
    for item in iter_input_files(paths):
        if isinstance(item, InputProblem):
            if strict:
                raise InputError(item.message)
            yield item
            continue
        loaded = _load(*item)
        if isinstance(loaded, RawDocument):
            yield loaded
            continue
        problem, cause = loaded
        if strict:
            raise InputError(problem.message) from cause
        yield problem


# --- HTML --------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "form",
        "iframe",
        "head",
    ]
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "hr",
        "address",
        "details",
        "summary",
        "caption",
        "body",
        "html",
    ]
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAKS = re.compile(r" *\n[ \n]*")


class _VisibleText(HTMLParser):
    """Collects the visible text of an HTML page, with block elements as paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skipping: list[str] = []  # open dropped elements, innermost last
        self._pre = 0  # depth inside <pre>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skipping.clear()  # an unclosed <head> (or <nav> ...) ends here
        if tag in _SKIP_TAGS:
            self._skipping.append(tag)
        elif not self._skipping:
            self._break(tag)
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping and tag not in _SKIP_TAGS:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            while self._skipping.pop() != tag:
                pass
        elif not self._skipping and tag in _BLOCK_TAGS:
            self._parts.append("\n\n")
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        self._parts.append(data if self._pre else _HTML_SPACE.sub(" ", data))

    def _break(self, tag: str) -> None:
        if tag == "br":
            self._parts.append("\n")
        elif tag in ("td", "th"):
            self._parts.append(" ")
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n\n")

    def text(self) -> str:
        """The text collected: one blank line between blocks, one newline for ``<br>``."""
        return _BREAKS.sub(_fold_breaks, "".join(self._parts)).strip(" \n")


def _fold_breaks(m: re.Match[str]) -> str:
    return "\n\n" if m.group().count("\n") > 1 else "\n"


def html_to_text(html: str) -> str:
    """The visible text of an HTML page (see the module docstring for what is kept).

    Example:
        >>> html_to_text("<p>Russia &amp; Turkey</p><script>x()</script><p>met.</p>")
        'Russia & Turkey\\n\\nmet.'
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.text()
