"""Places named before an administrative noun that the model left untagged ("Kandar province").

News names provinces, districts and counties by a proper noun before a lower-case
administrative noun ("fighting in Kandar province", "the Lowsa district council"); the small
model often tags no entity there, or tags the name with its noun ("Kandar province" as one
GPE, which the place rules reject for its lower-case end). :func:`head_noun_places` proposes
the name alone as a ``Place``: one to three capitalised proper nouns right before the noun,
none of them named by the gazetteer or tagged PERSON (those have their own rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import NER_PLACE, Candidate
from geokg.extract.entities.scan import lower_in

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ADMIN_NOUNS", "head_noun_places"]

# Administrative units named by a proper noun before them; "state", "region" and "city" are
# left out: "a Gulf state", "the Sahel region", "Kansas City" name no unit by a bare noun.
ADMIN_NOUNS = frozenset(
    {"province", "district", "county", "governorate", "oblast", "prefecture", "municipality"}
)

_MAX_NAME = 3


def head_noun_places(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Untagged proper nouns right before a lower-case administrative noun, as places.

    Args:
        doc: The parsed Doc.
        gaz: Gazetteer candidates by token.

    Returns:
        One ``NER_PLACE`` candidate per name ("Kandar" in "Kandar province").
    """
    out: list[Candidate] = []
    for i in lower_in(doc, ADMIN_NOUNS):
        noun = doc[i]
        if not noun.is_lower or i == 0:
            continue
        start = i
        while start > 0 and i - start < _MAX_NAME and _name_word(doc, start - 1, gaz):
            start -= 1
        if start == i or (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title):
            continue  # no name, or a longer capitalised run this rule does not split
        span = doc[start:i]
        out.append(Candidate(start, i, span.start_char, span.end_char, NER_PLACE, span.text, 2))
    return out


def _name_word(doc: Doc, k: int, gaz: dict[int, list[Candidate]]) -> bool:
    """A capitalised proper noun that the gazetteer does not name and the model reads as no
    person."""
    tok = doc[k]
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.is_title
        and tok.ent_type_ != "PERSON"
        and k not in gaz
    )
