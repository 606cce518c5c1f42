"""A leader's name that names a place or institution after the person ("Kennedy airport").

Airports, hospitals, streets, universities and the like are named after leaders ("Kennedy
airport", "Queen Elizabeth Central Hospital", "the Ataturk Cultural Center"); the leader list
matches the name inside, but the text names the facility, not the person.
:func:`eponym_modifier` tells such a name: it modifies a facility noun right after it, or
after at most two more capitalised words of the facility's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.syntax import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["FACILITY_HEADS", "eponym_modifier"]

FACILITY_HEADS = frozenset(
    {
        "airport",
        "hospital",
        "stadium",
        "university",
        "bridge",
        "street",
        "avenue",
        "boulevard",
        "road",
        "highway",
        "causeway",
        "square",
        "dam",
        "museum",
        "library",
        "mosque",
        "mausoleum",
        "memorial",
        "school",
        "college",
        "academy",
        "center",
        "centre",
        "foundation",
        "prize",
    }
)

_MAX_BETWEEN = 2


def eponym_modifier(doc: Doc, start: int, end: int) -> bool:
    """Whether the name ``doc[start:end]`` modifies a facility noun after it.

    Args:
        doc: The parsed Doc.
        start: First token of the name.
        end: One past its last token.

    Returns:
        True where the name's last word is a compound of a facility noun at ``end`` or after
        up to two capitalised words ("Queen Elizabeth Central Hospital").
    """
    last = doc[end - 1]
    if last.dep_ != "compound" or last.head.i < end:
        return False
    k = end
    while k < len(doc) and k - end < _MAX_BETWEEN and doc[k].is_title and doc[k].pos_ == "PROPN":
        if lemma(doc[k]) in FACILITY_HEADS:
            break
        k += 1
    return k < len(doc) and lemma(doc[k]) in FACILITY_HEADS and last.head.i <= k
