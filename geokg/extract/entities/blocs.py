"""Unlisted blocs and pacts named by proper nouns and a bloc head: "the Andean Pact".

News names a bloc, pact or league by capitalised words before a capitalised head noun ("the
Andean Pact", "the Sahel Coalition", "the Gulf Alliance"), and the small model reads many of
them as an event, a law or a work of art. "Community" is no bloc head here: "the Muslim
Community" names people. SCHEMA.md makes an alliance or bloc an
``Organization``: :func:`bloc_names` proposes the whole name after "the", over a place or
demonym inside it ("Andean", "Sahel"), unless a listed organization or leader covers a word of
it or a longer name goes on ("the Union of Comoros").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import NER_ORG, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.scan import lower_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["bloc_names"]

_BLOC_HEADS = frozenset({"pact", "alliance", "coalition", "bloc", "league", "union"})
# Gazetteer kinds that may stand inside a bloc's name ("the Sahel Alliance").
_INNER_KINDS = frozenset(
    {"PLACE", "PLACE_ADJ", "COUNTRY_NAME", "COUNTRY_ADJ", "GROUP_ADJ", "RELIGION_ADJ", "CAPITAL"}
)
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "PERSON"})
_MAX_NAME = 4


def bloc_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Organization names of one to four capitalised words and a capitalised bloc head.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (title words).
        gaz: Gazetteer candidates by token.

    Returns:
        One organization candidate per name.
    """
    out: list[Candidate] = []
    for i in lower_in(doc, _BLOC_HEADS):
        head = doc[i]
        if not head.text[:1].isupper() or head.is_sent_start:
            continue
        if head.text.isupper() or head.i in gaz:
            continue
        start = head.i
        while start > 0 and head.i - start < _MAX_NAME and _name_word(doc[start - 1], gaz):
            start -= 1
        if start == head.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        end = head.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper():
            continue  # "the Union of Comoros": a longer name
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            continue  # the head is inside a longer name
        span = doc[start:end]
        if any(lex.is_title_word(t.lower_) for t in span):
            continue
        out.append(Candidate(start, end, span.start_char, span.end_char, NER_ORG, span.text, 5))
    return out


def _inside_listed(gaz: dict[int, list[Candidate]], i: int) -> bool:
    """Whether a gazetteer name other than a place or demonym covers token ``i``."""
    return any(c.kind not in _INNER_KINDS for c in gaz.get(i, []))


def _name_word(tok: Token, gaz: dict[int, list[Candidate]]) -> bool:
    """Whether a token is a capitalised word of a bloc's name (not a listed organization)."""
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and tok.pos_ in ("PROPN", "ADJ", "NOUN")
        and tok.ent_type_ not in _NOT_NAMES
        and not _inside_listed(gaz, tok.i)
    )
