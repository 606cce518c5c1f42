"""Interviews are no meetings (:func:`not_interviews`).

"VOA spoke with the former minister", "Reuters spoke with the Iranian foreign minister in
Tehran", "the BBC interviewed X": a news outlet talking to a party is reporting, not the
consultation CAMEO 04 codes between political actors, so a MEETS with a media organization as
either party is dropped. The outlet's other relations (a broadcaster banned by a state) stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import Candidate

__all__ = ["not_interviews"]


def _outlet(e: EntityAnnotation) -> bool:
    return e.label.value == "Organization" and e.kind == "media"


def not_interviews(found: list[Candidate]) -> list[Candidate]:
    """The candidates less the meetings of which a news outlet is a party."""
    return [c for c in found if c.type != "MEETS" or not (_outlet(c.source) or _outlet(c.target))]
