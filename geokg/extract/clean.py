"""Clean raw article text for parsing while keeping an exact map back to raw offsets.

News and analysis articles arrive messy: PDF hyphenation at line ends, hard-wrapped lines
(sometimes with blank lines in the middle of a sentence), page furniture (comment counts,
pingbacks, "Leave a Reply", disclaimers, copyright lines), repeated headlines and captions,
non-breaking and doubled spaces. :func:`clean_text` removes these and returns a
:class:`CleanText` whose ``offsets`` array maps every cleaned character back to the raw text,
so mentions found in the cleaned text are reported at raw offsets (SCHEMA.md).

The cleaner works line by line and decides each line break from the shape of the two lines
around it, never from the words of a particular site:

* **Hyphenation** ``"pre-\\ndicted"``: the hyphen is kept where the second part is capitalised
  (``Nagorno-\\nKarabakh``), where the document writes the hyphenated pair more often than the
  solid word (parts of compounds count: ``neo-imperial`` is evidence for ``imperial``), where
  the first part is a prefix that takes a hyphen (``anti``, ``pro``, ``post`` ...), where both
  parts are the same word, where a suffix such as ``led`` or ``based`` follows a word of four
  letters or more (``Russia-led``), or where a digit is involved (``F-16``); otherwise the
  pieces are joined.
* **Hard wraps**: a line break is a soft wrap (joined with one space) where the next line starts
  in lower case or with closing punctuation, where the line ends with a comma, a dash or an
  opening bracket, and, in documents that are hard-wrapped (many breaks fall inside sentences),
  where the line ends in a lower-case word or fills its block's width and is not a title.
  A blank line is a soft wrap only on stronger evidence (lower-case continuation, a hyphen, a
  full-width non-final line, or documents whose blank lines often fall inside sentences).
* **Furniture**: lines matching a small lexicon (``_FURNITURE``: pingbacks, "Print Friendly",
  "Share this", "Also read:", disclaimers, DOIs, copyright lines, lines without a letter or
  digit) and page numbers standing alone are dropped; a comment section header ("245
  Comments", "Leave a Reply", the first pingback) drops everything after it; a strong
  end-of-article marker (``Source: <url>``, a copyright line, a disclaimer ...) drops the rest
  of the document when what follows is short. A footnote block that a page break dropped
  into the middle of a sentence is set aside so the sentence joins up again.
* **Duplicates**: a paragraph whose words equal an earlier paragraph's (ignoring case,
  punctuation and quote style) is dropped, and a short earlier paragraph (a headline or a
  caption) repeated as the first or last sentence of a later paragraph is cut from it.
* **Whitespace**: runs of spaces, tabs and non-breaking or other Unicode spaces become one
  space; soft hyphens, zero-width characters and control characters are dropped.

Example:
    >>> clean = clean_text("Chile and Peru have clashed over Tac-\\nna.\\n\\n\\n245 Comments\\n")
    >>> clean.text
    'Chile and Peru have clashed over Tacna.'
    >>> clean.raw_text(33, 38)
    'Tac-\\nna'
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

import numpy as np

from geokg.errors import ConfigError

__all__ = ["CleanText", "clean_text", "split_paragraphs"]


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text plus the map from every cleaned character to its raw index.

    Attributes:
        raw: The text as read (offsets reported to users index into this).
        text: The cleaned text; paragraphs are separated by ``"\\n\\n"``.
        offsets: ``array('q')`` of length ``len(text) + 1``; ``offsets[i]`` is the raw index of
            ``text[i]`` (an inserted space or paragraph break maps to the raw character it
            replaces) and ``offsets[len(text)] == len(raw)``. Monotone non-decreasing.
    """

    raw: str
    text: str
    offsets: array[int] = field(repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span ``[start, end)`` to the raw span that covers it.

        The raw span runs from the raw index of the first character to just after the raw
        index of the last one, so it includes anything dropped in between (a hyphen and line
        break, a run of spaces). An empty span maps to an empty raw span.

        Raises:
            IndexError: The span is not inside the cleaned text.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span [{start}, {end}) is outside the text (0..{len(self.text)})")
        if end == start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_text(self, start: int, end: int) -> str:
        """The raw text covering the cleaned span ``[start, end)``."""
        rs, re_ = self.raw_span(start, end)
        return self.raw[rs:re_]


# --- character classes -----------------------------------------------------------------------

# Spaces that collapse to one " " (the plain space handled apart, so single spaces stay cheap).
_SPACES = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# Characters dropped outright: soft hyphen, zero-width, BOM, C0/C1 controls (not line breaks).
_ZERO_WIDTH = (
    "\u00ad\u200b\u2060\ufeff"
    + "".join(chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r\f\v")
    + "".join(chr(c) for c in range(0x7F, 0xA0))
)
_STRIP = " " + _SPACES + _ZERO_WIDTH
_SPACE_CLASS = re.escape(_SPACES + _ZERO_WIDTH)
# A run of two or more spaces, or any other space or zero-width character.
_WS_RUN = re.compile(f"[ {_SPACE_CLASS}]{{2,}}|[{_SPACE_CLASS}]")
_LINE_BREAK = re.compile("\r\n|[\n\r\f\v\u2028\u2029]")
_WORD = re.compile(r"\w+")

# A sentence end: terminal punctuation, closing quotes or brackets, then a space.
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_TERMINAL = re.compile(r"[.!?\u2026:][\"'\u201d\u2019\u00bb)\]]*$")
_DASHES = "-\u2010\u2011\u2013\u2014"
_HYPHENS = "-\u2010"
_CLOSING_START = tuple(",;:.!?)]}%")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_HYPHEN_PAIR = re.compile(r"\b(\w+)-(?=(\w+))")
_LEFT_COMPOUND = re.compile(r"\w+(?:[-\u2010]\w+)*(?=[-\u2010]$)")

# --- small lexicons (data, not rules for particular files) -----------------------------------

#: Prefixes that keep their hyphen when a word is broken after them (``anti-\\nwar``).
_HYPHEN_PREFIXES = frozenset(
    [
        "anti",
        "pro",
        "post",
        "non",
        "neo",
        "ex",
        "self",
        "quasi",
        "semi",
        "pan",
        "all",
        "half",
        "cross",
        "multi",
        "inter",
        "intra",
        "ultra",
    ]
)

#: Suffixes that keep the hyphen after a word of four letters or more (``Russia-\\nled``).
_HYPHEN_SUFFIXES = frozenset(
    [
        "led",
        "based",
        "backed",
        "owned",
        "sponsored",
        "era",
        "centric",
        "related",
        "controlled",
        "friendly",
        "oriented",
        "aligned",
        "funded",
        "brokered",
        "supported",
        "dominated",
    ]
)

#: Lines that are page furniture wherever they stand.
_FURNITURE = re.compile(
    r"""^(?:
        (?:\d+\.\s*)?(?:pingback|trackback)\s*:.*
      | leave\s+an?\s+(?:reply|comment|repl\w*)\b.*
      | print\s+friendly\b.*
      | share\s+this\b.{0,40}
      | (?:share|tweet|email|print)(?:\s+(?:on|via)\s+\w+)?\s*
      | like\s+this\s*:?\s*
      | related(?:\s+(?:posts?|articles?|stories|content|reading))?\s*:?\s*
      | (?:also\s+read|read\s+(?:more|also)|see\s+also|recommended)\s*:.*
      | disclaimer\s*:.*
      | the\s+views\s+expressed\s+(?:in|here).*
      | source\s*:\s*(?:https?://|www\.)\S*\s*
      | doi\s*:\s*\S+\s*
      | advertisement\s*
      | [\W_]+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A page number: furniture when it stands alone between blank lines.
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?", re.IGNORECASE)

#: Headers of a comment section: they and everything after them are dropped.
_COMMENTS_HEADER = re.compile(
    r"""^(?:
        \d[\d,.]*\s*k?\s+(?:comments?|responses?|replies|thoughts?\b.*)
      | (?:\d+\.\s*)?(?:pingback|trackback)\s*:.*
      | leave\s+an?\s+(?:reply|comment|repl\w*)\b.*
      | (?:comments|responses)\s*(?:\(\d+\))?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Strong end-of-article markers: the rest of the document goes when what follows is short.
_TAIL_MARKER = re.compile(
    r"""^(?:
        print\s+friendly\b.*
      | share\s+this\b.*
      | related(?:\s+(?:posts?|articles?|stories))?\s*:?\s*
      | disclaimer\s*:.*
      | the\s+views\s+expressed\s+(?:in|here).*
      | source\s*:\s*(?:https?://|www\.)\S*\s*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A copyright line (searched in short lines only): furniture and an end-of-article marker.
_COPYRIGHT = re.compile(
    r"\u00a9|\(c\)\s*\d{4}|copyright\s+\d{4}|all\s+rights\s+reserved", re.IGNORECASE
)
_COPYRIGHT_MAX_LINE = 160

_TAIL_MAX_LINE = 300  # a tail line longer than this is article text, not furniture
_TAIL_MAX_SHARE = 0.2  # the tail's kept text may be at most this share of the text before it
_TAIL_MIN_CHARS = 200  # ... or this long, whichever is more
_FULL_WIDTH = 0.75  # a wrapped line fills at least this share of its block's width
_MAX_WRAP_WIDTH = 250  # wider lines are paragraphs, not hard wraps
_TITLE_MAX_CHARS = 200  # a headline or caption that may be repeated inside later paragraphs
_DEDUPE_MIN_CHARS = 10  # shorter paragraphs are never treated as duplicates
_EDGE = 100  # how far from a line's end its last word is looked for (keeps regexes linear)


_KEEP = 0
_FURNITURE_LINE = 1  # dropped; the text around it never joins across it
_ASIDE = 2  # dropped like a blank line: a footnote inside a sentence split by a page break
_FOOTNOTE = re.compile(r"(?:\d{1,3}\s+|[*\u2020\u2021]\s*)[A-Z]")


class _Join(Enum):
    BREAK = 0  # paragraph break
    SPACE = 1  # soft wrap: one space
    NOSPACE = 2  # soft wrap with nothing in between (dash at line end, comma at line start)
    HYPHEN_KEEP = 3  # broken hyphenated compound: keep the hyphen
    HYPHEN_DROP = 4  # word broken by hyphenation: drop the hyphen


@dataclass(slots=True)
class _Line:
    start: int  # raw index of the first non-space character
    end: int  # raw index after the last non-space character
    text: str  # raw[start:end]
    block_lines: int = 1  # lines in the run of non-blank lines holding this one
    width: int = 0  # widest line near this one in its run


@dataclass(slots=True)
class _Para:
    text: str
    offsets: array[int]


def _key(text: str) -> str:
    """Words of ``text``, case-folded, ignoring punctuation, quote and apostrophe style."""
    return " ".join(_WORD.findall(text.casefold()))


def _is_title(line: str) -> bool:
    """A headline-like line: mostly capitalised longer words, not ending in a comma."""
    if not line[:1].isupper():
        return False  # a line starting in lower case continues a sentence
    words = [w for w in _WORD.findall(line) if len(w) > 3 and not w.isdigit()]
    if not words or len(words) > 15 or line.endswith(","):
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def _last_word_lower(text: str) -> bool:
    """The line ends in a lower-case word (no sentence punctuation after it)."""
    m = _LAST_WORD.search(text[-_EDGE:])
    return m is not None and m.group(1)[0].islower()


def _split_lines(raw: str) -> list[_Line | None]:
    """Lines of ``raw`` with surrounding whitespace stripped; ``None`` for blank lines."""
    lines: list[_Line | None] = []
    start = 0
    for end, nxt in [*((m.start(), m.end()) for m in _LINE_BREAK.finditer(raw)), (len(raw), 0)]:
        seg = raw[start:end]
        stripped = seg.strip(_STRIP)
        if stripped:
            lead = len(seg) - len(seg.lstrip(_STRIP))
            lines.append(_Line(start=start + lead, end=start + lead + len(stripped), text=stripped))
        else:
            lines.append(None)
        start = nxt
    return lines


def _measure_blocks(lines: list[_Line | None]) -> None:
    """Give each line the size of its run of non-blank lines and its neighbourhood's width."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None:
            run.append(line)
            continue
        lengths = [len(x.text) for x in run]
        for i, member in enumerate(run):
            member.block_lines = len(run)
            member.width = max(lengths[max(0, i - 3) : i + 4])
        run = []


def _furniture_mask(lines: list[_Line | None]) -> list[int]:
    """Mark each line ``_KEEP``, ``_FURNITURE_LINE`` or ``_ASIDE`` (see their comments)."""
    n = len(lines)
    mark = [_KEEP] * n
    for i, line in enumerate(lines):
        if line is None or len(line.text) > 2 * _TAIL_MAX_LINE:
            continue
        if _COMMENTS_HEADER.match(line.text):
            mark[i:] = [_FURNITURE_LINE] * (n - i)
            break
        page_number = _PAGE_NUMBER.fullmatch(line.text) is not None and _alone(lines, i)
        if page_number or _FURNITURE.match(line.text) or _is_copyright(line.text):
            mark[i] = _FURNITURE_LINE
    # A strong end-of-article marker takes the rest with it when the rest is short.
    before = [0] * (n + 1)
    for i, line in enumerate(lines):
        before[i + 1] = before[i] + (len(line.text) if line is not None else 0)
    tail_chars = 0
    cut = n
    for i in range(n - 1, -1, -1):
        line = lines[i]
        if line is None:
            continue
        if mark[i] == _KEEP:
            if len(line.text) > _TAIL_MAX_LINE:
                break
            tail_chars += len(line.text)
        allowed = max(_TAIL_MIN_CHARS, _TAIL_MAX_SHARE * before[i])
        if tail_chars <= allowed and _is_tail_marker(line.text):
            cut = i
    mark[cut:] = [_FURNITURE_LINE] * (n - cut)
    _mark_footnotes(lines, mark)
    return mark


def _alone(lines: list[_Line | None], i: int) -> bool:
    """Line ``i`` has a blank line (or the document's edge) before and after it."""
    return (i == 0 or lines[i - 1] is None) and (i + 1 == len(lines) or lines[i + 1] is None)


def _is_copyright(text: str) -> bool:
    return len(text) <= _COPYRIGHT_MAX_LINE and _COPYRIGHT.search(text) is not None


def _is_tail_marker(text: str) -> bool:
    return len(text) <= 2 * _TAIL_MAX_LINE and (
        _TAIL_MARKER.match(text) is not None or _is_copyright(text)
    )


def _mark_footnotes(lines: list[_Line | None], mark: list[int]) -> None:
    """Mark ``_ASIDE`` footnote blocks that a page break dropped into a sentence."""
    n = len(lines)
    next_kept: list[_Line | None] = [None] * (n + 1)  # first kept line at or after k
    for k in range(n - 1, -1, -1):
        x = lines[k]
        next_kept[k] = x if x is not None and mark[k] == _KEEP else next_kept[k + 1]
    prev: _Line | None = None  # the last kept line before the current block
    i = 0
    while i < n:
        line = lines[i]
        if line is None:
            i += 1
            continue
        j = i
        while j < n and lines[j] is not None:
            j += 1  # lines[i:j] is a block of non-blank lines
        nxt = next_kept[j]
        if (
            mark[i] == _KEEP
            and prev is not None
            and nxt is not None
            and i > 0
            and _FOOTNOTE.match(line.text)
            and _ends_sentence(lines[j - 1])
            and not _TERMINAL.search(prev.text)
            and nxt.text[:1].islower()
        ):
            # Inside a hyphenated word the footnote goes, but the word stays broken: joining
            # it would give the word a raw span that holds the whole footnote.
            aside = _FURNITURE_LINE if prev.text[-1] in _HYPHENS else _ASIDE
            mark[i:j] = [aside if m == _KEEP else m for m in mark[i:j]]
        else:
            for k in range(i, j):
                if mark[k] == _KEEP:
                    prev = lines[k]
        i = j


def _ends_sentence(line: _Line | None) -> bool:
    return line is not None and _TERMINAL.search(line.text) is not None


def _ends_hyphen_break(at: str, bt: str, blank: bool = False) -> bool:
    """``at`` ends in a letter and a hyphen and ``bt`` starts with a letter (or, within a
    block, either side is a digit: ``F-\\n16``)."""
    if len(at) < 2 or at[-1] not in _HYPHENS:
        return False
    if at[-2].isalpha() and bt[:1].isalpha():
        return True
    return not blank and at[-2].isalnum() and bt[:1].isalnum()


class _Joiner:
    """Decides how two consecutive kept lines join, using document-level line shape."""

    def __init__(self, raw: str, pairs: list[tuple[_Line, _Line, bool]]) -> None:
        self._raw = raw
        self._pairs: Counter[tuple[str, str]] | None = None
        self._words: Counter[str] | None = None
        # Hard-wrapped: line breaks often fall inside sentences.
        single = [(a.text, b.text) for a, b, blank in pairs if not blank]
        cont = sum(1 for a, b in single if b[:1].islower() or _ends_hyphen_break(a, b))
        self.hard_wrapped = cont >= 2 and cont >= 0.2 * len(single)
        # Blank-wrapped: blank lines often fall inside sentences.
        open_ = [b.text for a, b, blank in pairs if blank and not _TERMINAL.search(a.text)]
        lower = sum(1 for b in open_ if b[:1].islower())
        self.blank_wrapped = lower >= 2 and lower >= 0.3 * len(open_)

    def decide(self, a: _Line, b: _Line, blank: bool) -> _Join:
        """How line ``b`` joins the line ``a`` before it (``blank``: blank lines between)."""
        at, bt = a.text, b.text
        if _ends_hyphen_break(at, bt, blank):
            return self._hyphen(at, bt)
        wrapped = self.hard_wrapped or self.blank_wrapped
        if at[-1] in _DASHES and (wrapped or not blank):
            # "April–\nMay", "power—\ncontests"; "word -\nnext" keeps its space.
            return _Join.SPACE if at[-2:-1].isspace() else _Join.NOSPACE
        if bt.startswith(_CLOSING_START):
            return _Join.NOSPACE
        if bt[:1].islower():
            return _Join.SPACE
        if abs(len(at) - len(bt)) <= max(len(at), len(bt)) // 4 and _key(at) == _key(bt):
            return _Join.BREAK  # a repeated line stays apart so the copy can be dropped
        terminal = _TERMINAL.search(at) is not None
        title = _is_title(at)
        soft_end = at[-1] in ",;(["
        lower_end = not terminal and _last_word_lower(at)
        full = (
            self.hard_wrapped
            and not title
            and a.block_lines >= 2
            and a.width <= _MAX_WRAP_WIDTH
            and len(at) >= _FULL_WIDTH * a.width
        )
        if not blank:
            joined = soft_end or full or (self.hard_wrapped and lower_end)
            return _Join.SPACE if joined else _Join.BREAK
        if (soft_end and wrapped) or (full and not terminal):
            return _Join.SPACE
        if self.blank_wrapped and lower_end and not title:
            return _Join.SPACE
        return _Join.BREAK

    def _evidence(self) -> tuple[Counter[tuple[str, str]], Counter[str]]:
        """How often the document writes each ``left-right`` pair and each solid word."""
        if self._pairs is None or self._words is None:
            lower = self._raw.casefold().replace("\u2010", "-")
            self._pairs = Counter(_HYPHEN_PAIR.findall(lower))
            self._words = Counter(_WORD.findall(lower))
        return self._pairs, self._words

    def _hyphen(self, at: str, bt: str) -> _Join:
        """Keep or drop the hyphen of a word broken across lines."""
        left_m = _LEFT_COMPOUND.search(at[-_EDGE:])
        left = left_m.group() if left_m else ""
        head = re.split("[-\u2010]", left)[-1]
        right_m = _WORD.match(bt)
        right = right_m.group() if right_m else ""
        if right[:1].isupper():
            return _Join.HYPHEN_KEEP
        pairs, words = self._evidence()
        hyph = pairs[head.casefold(), right.casefold()]
        solid = words[(head + right).casefold()]
        if hyph != solid:
            return _Join.HYPHEN_KEEP if hyph > solid else _Join.HYPHEN_DROP
        if head.casefold() in _HYPHEN_PREFIXES:
            return _Join.HYPHEN_KEEP  # "anti-\nwar"
        if head.casefold() == right.casefold():
            return _Join.HYPHEN_KEEP  # "military-\nmilitary"
        if len(head) >= 4 and right.casefold() in _HYPHEN_SUFFIXES:
            return _Join.HYPHEN_KEEP  # "Russia-\nled", "consensus-\nbased"
        if head[-1:].isdigit() or right[:1].isdigit():
            return _Join.HYPHEN_KEEP  # "2008-\n09", "F-\n16"
        return _Join.HYPHEN_DROP


def _extend_range(offsets: array[int], start: int, end: int) -> None:
    """Append ``start .. end - 1`` to ``offsets`` (a long run through numpy, at C speed)."""
    if end - start > 64:
        offsets.frombytes(np.arange(start, end, dtype=np.int64).tobytes())
    else:
        offsets.extend(range(start, end))


class _ParaBuilder:
    """Accumulates one paragraph's text and raw offsets, normalising whitespace."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._parts: list[str] = []
        self._offsets: array[int] = array("q")

    def copy(self, start: int, end: int) -> None:
        """Copy ``raw[start:end]``, collapsing space runs and dropping zero-width characters."""
        raw = self._raw
        pos = start
        for m in _WS_RUN.finditer(raw, start, end):
            s, e = m.span()
            if s > pos:
                self._parts.append(raw[pos:s])
                _extend_range(self._offsets, pos, s)
            first = next((i for i, ch in enumerate(m.group()) if ch not in _ZERO_WIDTH), None)
            if first is not None:
                self._parts.append(" ")
                self._offsets.append(s + first)
            pos = e
        if end > pos:
            self._parts.append(raw[pos:end])
            _extend_range(self._offsets, pos, end)

    def space(self, raw_index: int) -> None:
        """Insert one space standing for the raw line break at ``raw_index``."""
        self._parts.append(" ")
        self._offsets.append(raw_index)

    def build(self) -> _Para | None:
        text = "".join(self._parts)
        return _Para(text, self._offsets) if text else None


def _build_paragraphs(raw: str, lines: list[_Line | None], mark: list[int]) -> list[_Para]:
    """Join kept lines into paragraphs as the :class:`_Joiner` decides."""
    # Each kept line with how it follows the previous kept line: None (a dropped line stood
    # between them: always a paragraph break), False (a line break), True (blank lines).
    kept: list[tuple[_Line, bool | None]] = []
    gap: bool | None = None
    for i, line in enumerate(lines):
        if line is None or mark[i] == _ASIDE:
            gap = True if gap is not None else None
            continue
        if mark[i] == _FURNITURE_LINE:
            gap = None
            continue
        kept.append((line, gap if kept else None))
        gap = False
    pairs = [(kept[i - 1][0], line, g) for i, (line, g) in enumerate(kept) if g is not None]
    joiner = _Joiner(raw, pairs)

    paras: list[_Para] = []
    builder = _ParaBuilder(raw)
    for i, (line, _gap) in enumerate(kept):
        how = _Join.BREAK
        if i + 1 < len(kept):
            nxt, nxt_gap = kept[i + 1]
            if nxt_gap is not None:
                how = joiner.decide(line, nxt, nxt_gap)
        if how is _Join.HYPHEN_DROP:
            builder.copy(line.start, line.end - 1)
            continue
        builder.copy(line.start, line.end)
        if how is _Join.SPACE:
            builder.space(line.end)
        elif how is _Join.BREAK:
            para = builder.build()
            if para is not None:
                paras.append(para)
            builder = _ParaBuilder(raw)
    return paras


def _cut_repeated_titles(para: _Para, titles: set[str]) -> _Para | None:
    """Cut headlines or captions repeated as the first or last sentences of ``para``."""
    text = para.text
    lo, hi = 0, len(text)
    window = _TITLE_MAX_CHARS + 10
    while lo < hi:
        first = _SENT_END.search(text, lo, min(hi, lo + window))
        if first is not None and first.end() < hi and _key(text[lo : first.end()]) in titles:
            lo = first.end() + 1  # the sentence and the one space after it
            continue
        last = None
        for m in _SENT_END.finditer(text, max(lo, hi - window), hi):
            last = m
        if last is None or last.end() + 1 >= hi or _key(text[last.end() + 1 : hi]) not in titles:
            break
        hi = last.end()
    if lo >= hi:
        return None
    if (lo, hi) == (0, len(text)):
        return para
    return _Para(text[lo:hi], para.offsets[lo:hi])


def _dedupe(paras: list[_Para]) -> list[_Para]:
    """Drop paragraphs repeating an earlier one; cut repeated headlines inside paragraphs."""
    seen: set[str] = set()
    titles: set[str] = set()
    out: list[_Para] = []
    for para in paras:
        key = _key(para.text)
        if len(key) >= _DEDUPE_MIN_CHARS and key in seen:
            continue
        if titles:
            cut = _cut_repeated_titles(para, titles)
            if cut is None:
                continue
            if cut is not para:  # a cut paragraph has a key of its own
                para = cut
                key = _key(para.text)
        seen.add(key)
        if (
            len(para.text) <= _TITLE_MAX_CHARS
            and key.count(" ") >= 2
            and _SENT_END.search(para.text) is None
        ):
            titles.add(key)
        out.append(para)
    return out


def clean_text(raw: str, *, drop_furniture: bool = True, drop_duplicates: bool = True) -> CleanText:
    """Clean ``raw`` for parsing and map every cleaned character back to ``raw``.

    Runs in time linear in ``len(raw)``; text with no artefacts (paragraphs separated by one
    blank line, single spaces, no furniture or duplicates) is returned unchanged.

    Args:
        raw: The document text as read.
        drop_furniture: Drop page furniture (comments, pingbacks, disclaimers, copyright ...).
        drop_duplicates: Drop repeated paragraphs and repeated headlines inside paragraphs.

    Returns:
        The cleaned text with its offsets into ``raw``.
    """
    lines = _split_lines(raw)
    _measure_blocks(lines)
    mark = _furniture_mask(lines) if drop_furniture else [_KEEP] * len(lines)
    paras = _build_paragraphs(raw, lines, mark)
    if drop_duplicates:
        paras = _dedupe(paras)
    parts: list[str] = []
    offsets: array[int] = array("q")
    for i, para in enumerate(paras):
        if i:
            gap = offsets[-1] + 1
            nxt = para.offsets[0]
            second = gap + 1 if gap + 1 < nxt and raw[gap + 1].isspace() else gap
            parts.append("\n\n")
            offsets.append(gap)
            offsets.append(second)
        parts.append(para.text)
        offsets.extend(para.offsets)
    offsets.append(len(raw))
    return CleanText(raw=raw, text="".join(parts), offsets=offsets)


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while True:
        end = text.find("\n\n", start)
        if end < 0:
            if start < len(text):
                yield start, len(text)
            return
        if end > start:
            yield start, end
        start = end + 2


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Split one paragraph at sentence ends, else at spaces, else hard, into <= max_chars."""
    while end - start > max_chars:
        limit = start + max_chars
        cut = None
        for m in _SENT_END.finditer(text, start, min(end, limit + 1)):
            cut = m.end()
        if cut is None or cut <= start:
            space = text.rfind(" ", start + 1, limit + 1)
            cut = space if space > start else limit
        yield start, cut
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if end > start:
        yield start, end


def split_paragraphs(clean: CleanText, *, max_chars: int = 100_000) -> list[tuple[int, int]]:
    """Cut the cleaned text into chunks on paragraph boundaries for parsing in pieces.

    Whole paragraphs are packed greedily into chunks of at most ``max_chars`` characters; a
    paragraph longer than that is split at the last sentence end that fits, else the last
    space, else hard at ``max_chars``. Chunks never start or end with whitespace.

    Args:
        clean: The cleaned document.
        max_chars: The largest chunk wanted.

    Returns:
        ``(start, end)`` spans into ``clean.text``, in order, not overlapping.

    Raises:
        ConfigError: ``max_chars`` is smaller than 1.
    """
    if max_chars < 1:
        raise ConfigError(f"max_chars must be at least 1, got {max_chars}")
    text = clean.text
    chunks: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for ps, pe in _paragraph_spans(text):
        if pe - ps > max_chars:
            if cur is not None:
                chunks.append(cur)
                cur = None
            chunks.extend(_split_long(text, ps, pe, max_chars))
            continue
        if cur is not None and pe - cur[0] <= max_chars:
            cur = (cur[0], pe)
            continue
        if cur is not None:
            chunks.append(cur)
        cur = (ps, pe)
    if cur is not None:
        chunks.append(cur)
    return chunks
