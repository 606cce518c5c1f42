"""Names next to a title that the model missed: after a portfolio, a comma or a lower-case title.

News writes a minister's portfolio after the title word ("Peru's minister of defense Ana
Ruiz", "Chile's Minister of Foreign Affairs Ana Ruiz", "the secretary for trade Tomas
Varga"); the small model often misses the name after the portfolio. :func:`portfolio_people`
proposes the name: a title word, "of" or "for" with its object phrase (a portfolio that names
no listed entity), then two to five capitalised name words outside that phrase.

Two more title constructions hide names from the small model: the name in apposition after a
title phrase ("Chile's deputy foreign minister, Ana Ruiz, said": :func:`appositive_title_names`)
and a name right after a lower-case title ("Peruvian police chief Ana Ruiz":
:func:`lower_title_names`). The people rules then decide Leader or Person and LEADS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import TITLE_PERSON, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.nonpersons import office_shaped
from geokg.extract.entities.scan import lower_in, text_where
from geokg.extract.entities.syntax import looks_like_name, only_title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["appositive_title_names", "lower_title_names", "portfolio_people"]

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
    for i in lower_in(doc, _PORTFOLIO_PREPS):
        prep = doc[i]
        if prep.i == 0:
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


# Entity types of the model that a name word may carry (the name may be half-tagged).
_NAME_TYPES = frozenset({"", "PERSON"})


def appositive_title_names(
    doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]
) -> list[Candidate]:
    """Full names set off by commas after a title phrase ("Peru's foreign minister, Ana Ruiz,").

    The name is two to four capitalised proper nouns right after a comma, parsed in apposition
    to a title noun before it, with a comma or the clause's end after it; the words a
    gazetteer name covers are left out.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (title words).
        gaz: Gazetteer candidates by token.

    Returns:
        One ``TITLE_PERSON`` candidate per name, longer than a partial NER span inside it.
    """
    out: list[Candidate] = []
    for root in doc:
        if root.dep_ != "appos" or root.head.i >= root.i or not _title_noun(root.head, lex):
            continue
        start = root.i
        while start > 0 and root.i - start < 3 and _name_part(doc[start - 1], root):
            start -= 1
        end = root.i + 1
        if start < 1 or doc[start - 1].text != "," or end - start < 2:
            continue
        if end < len(doc) and doc[end].text not in (",", ".", ";"):
            continue
        if not _name_run(doc, start, end, lex, gaz):
            continue
        span = doc[start:end]
        out.append(
            Candidate(start, end, span.start_char, span.end_char, TITLE_PERSON, span.text, 2)
        )
    return out


def lower_title_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Full names right after a lower-case title word ("Peruvian police chief Ana Ruiz").

    Two to four capitalised proper nouns that the model left untagged (or tagged a person),
    that no gazetteer name covers and that hold no title word themselves.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (title words).
        gaz: Gazetteer candidates by token.

    Returns:
        One ``TITLE_PERSON`` candidate per name.
    """
    out: list[Candidate] = []
    for i in text_where(doc, lambda s: s.islower() and lex.is_title_word(s.lower())):
        tok = doc[i]
        if tok.i + 2 > len(doc):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 4 and _name_word(doc, end):
            end += 1
        start = tok.i + 1
        if end - start < 2 or not _name_run(doc, start, end, lex, gaz):
            continue
        span = doc[start:end]
        out.append(
            Candidate(start, end, span.start_char, span.end_char, TITLE_PERSON, span.text, 2)
        )
    return out


def _title_noun(tok: Token, lex: Lexicons) -> bool:
    """Whether a lower-case noun is a title ("minister", "spokesman", "foreign minister")."""
    return tok.pos_ == "NOUN" and tok.text.islower() and lex.is_title_word(tok.lower_)


def _name_part(tok: Token, root: Token) -> bool:
    """Whether a token before ``root`` is a capitalised word of the same name."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.dep_ == "compound"
        and tok.head.i == root.i
    )


def _name_run(
    doc: Doc, start: int, end: int, lex: Lexicons, gaz: dict[int, list[Candidate]]
) -> bool:
    """Whether ``doc[start:end]`` can be a person's full name no other rule names."""
    span = doc[start:end]
    if any(i in gaz for i in range(start, end)) or any(
        t.ent_type_ not in _NAME_TYPES for t in span
    ):
        return False
    if any(lex.is_title_word(t.lower_) for t in span):
        return False
    return looks_like_name(span) and not office_shaped(span, lex)
