"""Language services of a news outlet: part of the outlet, not an organization of their own.

Wire copy credits a broadcaster's language desk: "told VOA's Urdu Service", "a reporter for the
BBC's Persian Service", "Voice of America's Somali service contributed". The desk is the outlet
speaking (the gold sets annotate the outlet alone), and its language word is no demonym of a
state ("Persian Service" names no Iran). :func:`outlet_services` proposes the outlet's own
candidate stretched over the service's tokens, so the overlap policy drops the service and the
language word inside it; the mention's characters stay those of the outlet's name.

An outlet named before its media noun ("the Chile Weekly magazine", "the Lima Herald
newspaper") is one name, even where it starts with a state's or a place's name:
:func:`outlet_names_before` proposes it whole, so "Chile" there names no state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import ACRONYM, NER_ORG, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.scan import lower_in

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["outlet_names_before", "outlet_services"]

# Candidate kinds that name an organization (a listed one, the model's ORG, an acronym).
_ORG_KINDS = frozenset({"ORG", NER_ORG, ACRONYM})
_SERVICE_WORDS = frozenset({"service", "desk"})
_MAX_LANGUAGE_WORDS = 2


def outlet_services(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """The outlet candidates of a Doc stretched over a language service after them.

    "VOA's Urdu Service", "the BBC Persian service": an organization candidate, an optional
    possessive "'s", one or two capitalised language words and the word "Service" (or "desk").

    Args:
        doc: The parsed Doc.
        cands: The candidates proposed so far.

    Returns:
        One candidate per such service: the outlet's kind, target and characters over the
        tokens from the outlet to "Service".
    """
    out: list[Candidate] = []
    for c in cands:
        if c.kind not in _ORG_KINDS or c.end >= len(doc):
            continue
        k = c.end
        if doc[k].text in ("'s", "’s"):
            k += 1
        first = k
        while k < len(doc) and k - first < _MAX_LANGUAGE_WORDS and _language_word(doc, k):
            k += 1
        if k == first or k >= len(doc) or doc[k].lower_ not in _SERVICE_WORDS:
            continue
        out.append(
            Candidate(
                c.start, k + 1, c.start_char, c.end_char, c.kind, c.target, c.priority + 1, c.ids
            )
        )
    return out


def _language_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can be a language service's language word ("Urdu", "Persian")."""
    tok = doc[i]
    return tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in _SERVICE_WORDS


# Gazetteer kinds that may open an outlet's name without being part of it ("the Kenyan ...").
_ADJ_KINDS = frozenset({"COUNTRY_ADJ", "PLACE_ADJ", "GROUP_ADJ", "RELIGION_ADJ"})
_MAX_NAME = 4


def outlet_names_before(
    doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]
) -> list[Candidate]:
    """Outlet names right before a lower-case media noun ("the Chile Weekly magazine").

    Two to four capitalised proper nouns that modify the media noun and are not one listed
    name (a listed name is that entity already, "the Chile newspaper" is no outlet name); a
    listed adjective opening the run is left out ("the Peruvian Lima Herald daily").

    Args:
        doc: The parsed Doc.
        lex: The lexicons (``media_descriptors``).
        gaz: Gazetteer candidates by token.

    Returns:
        One organization candidate per such name, strong enough to beat a listed name inside.
    """
    descriptors = lex.wordset("media_descriptors")
    out: list[Candidate] = []
    for i in lower_in(doc, descriptors):
        tok = doc[i]
        if not tok.text.islower():
            continue
        start = tok.i
        while (
            start > 0
            and tok.i - start < _MAX_NAME
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].dep_ in ("compound", "nmod", "amod")
        ):
            start -= 1
        while start < tok.i and any(c.kind in _ADJ_KINDS for c in gaz.get(start, [])):
            start += 1
        if tok.i - start < 2 or any(
            c.start == start and c.end == tok.i for c in gaz.get(start, [])
        ):
            continue
        span = doc[start : tok.i]
        out.append(Candidate(start, tok.i, span.start_char, span.end_char, NER_ORG, span.text, 5))
    return out
