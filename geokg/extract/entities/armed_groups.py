"""Names of armed groups and gangs before their kind noun: "the Barrio Verde gang".

News introduces a gang, militia or cartel by its name before a lower-case kind noun ("the
Barrio Verde gang", "the Ansar Dine militia", "the Lima Cartel gang", "the Wagner group"),
and the small model reads many such names as a person or not at all. SCHEMA.md makes an
armed group an ``Organization``: :func:`armed_group_names` proposes the name before the noun,
strong enough to beat a person reading or a place name inside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import NER_ORG, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.scan import lower_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["armed_group_names"]

_KIND_NOUNS = frozenset({"gang", "militia", "cartel", "group", "outfit", "syndicate"})
# Gazetteer kinds that open a name without being part of it ("the Syrian ... militia").
_ADJ_KINDS = frozenset({"COUNTRY_ADJ", "PLACE_ADJ", "GROUP_ADJ", "RELIGION_ADJ", "COUNTRY_PEOPLE"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "NORP", "MONEY", "PERCENT"})
_MAX_NAME = 4


def armed_group_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Organization names right before a lower-case gang, militia or group noun.

    One to four capitalised proper nouns that modify the noun, not one listed name (that is
    the listed entity already: "the Hamas militia") and not a title or person's title
    ("the President group"); a listed adjective opening the run is left out.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (title words).
        gaz: Gazetteer candidates by token.

    Returns:
        One organization candidate per name.
    """
    out: list[Candidate] = []
    for i in lower_in(doc, _KIND_NOUNS):
        noun = doc[i]
        if not noun.text.islower() or noun.i == 0:
            continue
        start = noun.i
        while start > 0 and noun.i - start < _MAX_NAME and _name_word(doc[start - 1], noun):
            start -= 1
        while start < noun.i and any(c.kind in _ADJ_KINDS for c in gaz.get(start, [])):
            start += 1
        if start == noun.i or any(c.start == start and c.end == noun.i for c in gaz.get(start, [])):
            continue
        span = doc[start : noun.i]
        if any(lex.is_title_word(t.lower_) for t in span):
            continue
        out.append(Candidate(start, noun.i, span.start_char, span.end_char, NER_ORG, span.text, 5))
    return out


def _name_word(tok: Token, noun: Token) -> bool:
    """Whether a token is a capitalised proper-noun word of the name before ``noun``."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.ent_type_ not in _NOT_NAMES
        and not tok.is_sent_start
        and tok.dep_ in ("compound", "nmod", "amod")
        and noun.i in [a.i for a in (tok.head, *tok.head.ancestors)][:3]
    )
