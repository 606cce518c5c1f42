"""Listed organization names written in another case or with other joiners ("Zanu PF").

The gazetteer matches surface forms exactly; news writes the same party or movement as
"ZANU-PF", "Zanu-PF" or "Zanu PF", "HAMAS" or "Hamas", "NATO" or "Nato". A run of capitalised
tokens whose letters, in lower case and without spaces or hyphens, equal those of one listed
organization form is that organization. Ordinary words stay words: a single token must be a
title-case spelling ("Opec", "Unicef") of a listed all-capitals acronym of four letters or more,
inside a sentence and between lower-case words ("Who", "Us" and "It" are never names, nor is
"Rand" in "Rand Paul").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import Candidate, SurfaceIndex, fold
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.syntax import has_the

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["case_variants"]

_JOINERS = frozenset({"-", "–", "/", "&", "'s"})
_MAX_TOKENS = 6


def _name_token(tok: Token) -> bool:
    """A capitalised word, a number or a joiner inside a name."""
    if tok.text in _JOINERS:
        return True
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def case_variants(
    doc: Doc,
    index: SurfaceIndex,
    lex: Lexicons,
    gaz: dict[int, list[Candidate]],
) -> list[Candidate]:
    """Organization candidates for listed names written in another case or with other joiners.

    Args:
        doc: The parsed Doc.
        index: The gazetteer surface index (its ``folded`` organization forms).
        lex: The lexicons.
        gaz: Tokens already covered by exact gazetteer matches.
    """
    out: list[Candidate] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if i in gaz or not tok.text[:1].isupper() or (i > 0 and doc[i - 1].text in _JOINERS):
            i += 1
            continue
        best: Candidate | None = None
        for end in range(i + 1, min(n, i + _MAX_TOKENS) + 1):
            last = doc[end - 1]
            if end - 1 in gaz or not _name_token(last):
                break
            if last.text in _JOINERS or (end < n and doc[end].text in _JOINERS):
                continue  # a name never ends on a joiner, nor inside "Zanu-PF-led"
            words = [t.text for t in doc[i:end]]
            ids = index.folded.get(fold(words), [])
            if len(ids) != 1 or _exact(index, words):
                continue
            if not _allowed(doc, i, end, ids[0], lex):
                continue
            span = doc[i:end]
            best = Candidate(i, end, span.start_char, span.end_char, "ORG", ids[0], 4, (ids[0],))
        if best is not None:
            out.append(best)
            i = best.end
        else:
            i += 1
    return out


def _exact(index: SurfaceIndex, words: list[str]) -> bool:
    """Whether the exact matcher knows this form already (its checks then decided)."""
    return bool(index.ids("ORG", tuple(words)))


def _allowed(doc: Doc, start: int, end: int, ident: str, lex: Lexicons) -> bool:
    """Whether a folded match may stand for the organization (never an ordinary word)."""
    words = [t.text for t in doc[start:end]]
    if words[0].lower() in lex.wordset("org_needs_article") and not has_the(doc, start):
        return False
    letters = [w for w in words if w not in _JOINERS]
    if len(letters) > 1:
        return True
    word = letters[0]
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (
        len(word) >= 4
        and word[:1].isupper()
        and word[1:].islower()
        and ident.isupper()
        and not doc[start].is_sent_start
        and (before is None or not before.text[:1].isupper())
        and (after is None or not after.text[:1].isupper())
    )
