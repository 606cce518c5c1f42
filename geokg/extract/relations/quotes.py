"""Quotation marks of a document: where each quotation opens and closes.

Curly quotes pair up, a straight double quote opens or closes by what stands around it, and a
quotation that the paragraph never closes runs to its end. Used by speech.py (quoted speech is
its speaker's claim) and speakers.py (a quotation's "we" is its speaker).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MIN_SPEECH_WORDS", "speech_span"]

_OPENERS = frozenset({"“", "«"})
_CLOSERS = frozenset({"”", "»"})
_STRAIGHT = '"'
_MARK = re.compile('["“”«»]')
_MARKS_KEY = "geokg.quotation_marks"
# fewer words than this between the marks: scare quotes or a quoted title, not speech
MIN_SPEECH_WORDS = 4


def _role(text: str, i: int) -> int:
    """+1 where the mark at ``i`` opens a quotation, -1 where it closes one. Straight quotes
    are told apart by what stands around them: an opener follows a space and precedes a
    word (' "We'), a closer follows a word or punctuation ('time," said')."""
    ch = text[i]
    if ch in _OPENERS:
        return 1
    if ch in _CLOSERS:
        return -1
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([—–-":
        return 1 if not after.isspace() else 0
    return -1


def _marks(doc: Doc) -> tuple[str, list[int], list[int]]:
    """A document's text and its quotation marks (offsets and roles), built once per document
    (``Doc.text`` joins every token on each call)."""
    cached = doc.user_data.get(_MARKS_KEY)
    if cached is None:
        text = doc.text
        offsets = [m.start() for m in _MARK.finditer(text)]
        cached = (text, offsets, [_role(text, i) for i in offsets])
        doc.user_data[_MARKS_KEY] = cached
    return cached


def _span(doc: Doc, para: int, at: int, end: int) -> tuple[int, int] | None:
    """The quotation around character ``at`` of the paragraph ``[para, end)``: the offsets
    of its opening and closing marks (the paragraph's end where it is not closed), or None."""
    _, offsets, roles = _marks(doc)
    opened = -1
    first = bisect_left(offsets, para)
    here = bisect_left(offsets, at, lo=first)
    for k in range(first, here):
        if roles[k] > 0:
            opened = offsets[k]
        elif roles[k] < 0:
            opened = -1
    if opened < 0:
        return None
    for k in range(here, len(offsets)):
        if offsets[k] >= end:
            break
        if roles[k]:
            return opened, offsets[k]
    return opened, end


def speech_span(doc: Doc, sent_start: int, at: int) -> tuple[int, int] | None:
    """The quoted speech (four words or more) around character ``at`` of the paragraph that
    holds the sentence starting at character ``sent_start``: its marks' offsets, or None."""
    text = _marks(doc)[0]
    para = text.rfind("\n", 0, sent_start) + 1
    end = text.find("\n", at)
    if end < 0:
        end = len(text)
    span = _span(doc, para, at, end)
    if span is None or len(text[span[0] + 1 : span[1]].split()) < MIN_SPEECH_WORDS:
        return None
    return span
