"""Names after a title with its portfolio: "Minister of Foreign Affairs Ana Ruiz".

News writes a minister's portfolio after the title word ("Peru's minister of defense Ana
Ruiz", "Chile's Minister of Foreign Affairs Ana Ruiz", "the secretary for trade Tomas
Varga"); the small model often misses the name after the portfolio. :func:`portfolio_people`
proposes the name: a title word, "of" or "for" with its object phrase (a portfolio that names
no listed entity), then two to five capitalised name words outside that phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import TITLE_PERSON, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.nonpersons import office_shaped
from geokg.extract.entities.syntax import looks_like_name, only_title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["portfolio_people"]

_PORTFOLIO_PREPS = frozenset({"of", "for"})
_MAX_PORTFOLIO = 4
_MAX_NAME = 5


def portfolio_people(
    doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]], cands: list[Candidate]
) -> list[Candidate]:
    """Person names right after a title's portfolio that no candidate covers yet.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (title words).
        gaz: Gazetteer candidates by token.
        cands: The candidates proposed so far (a name one of them covers is left alone).

    Returns:
        One ``TITLE_PERSON`` candidate per name found.
    """
    taken = {i for c in cands if c.kind not in ("CAPITAL", "PLACE") for i in range(c.start, c.end)}
    out: list[Candidate] = []
    for prep in doc:
        if prep.lower_ not in _PORTFOLIO_PREPS or prep.i == 0:
            continue
        title = doc[prep.i - 1]
        if prep.head.i != title.i or not lex.is_title_word(title.lower_):
            continue
        first = prep.right_edge.i + 1
        words = doc[prep.i + 1 : first]
        if not 0 < len(words) <= _MAX_PORTFOLIO or not all(_portfolio_word(t) for t in words):
            continue
        if any(t.i in gaz for t in words):
            continue  # "the president of Peru X": a led entity, not a portfolio
        end = first
        while end < len(doc) and end - first < _MAX_NAME and _name_word(doc, end):
            end += 1
        if end - first < 2 or any(i in taken or i in gaz for i in range(first, end)):
            continue
        span = doc[first:end]
        if not looks_like_name(span) or only_title_words(span, lex) or office_shaped(span, lex):
            continue
        out.append(
            Candidate(first, end, span.start_char, span.end_char, TITLE_PERSON, span.text, 2)
        )
    return out


def _portfolio_word(tok: Token) -> bool:
    """Whether a token can be part of a portfolio ("foreign affairs", "the Interior")."""
    return tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "CCONJ")


def _name_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a capitalised proper-noun word of a name."""
    tok = doc[i]
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()
