"""A visit to a city of one's own state is a trip, not a meeting.

"During a visit to Quetta, Pakistan's prime minister said ...": the meeting and visit rules
read the visited place as the party met (MEETS), which is right for a foreign place ("the
minister's visit to Europe") but not for a city of the visitor's own state. The entity
gazetteer's ``places.tsv`` gives the state of each listed city (GeoNames); a MEETS whose one end
is such a city and whose other end is that state, or a leader the gazetteer places in it, is
dropped. Places the gazetteer does not know, and regions, are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from geokg.extract.annotations import EntityAnnotation, RelationAnnotation
from geokg.schema import EntityLabel, RelationType

__all__ = ["drop_domestic_visits", "place_states"]


@lru_cache(maxsize=1)
def place_states() -> dict[str, str]:
    """Listed city (canonical name) -> the state it lies in, from ``places.tsv``, and each
    state's capitals from ``countries.jsonl`` (a capital named as a location is a Place)."""
    import json

    from geokg.extract.entities.lexicon import RESOURCES_DIR

    out: dict[str, str] = {}
    for line in (RESOURCES_DIR / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for capital in row.get("capitals", []):
                out.setdefault(str(capital), str(row["name"]))
    text = (RESOURCES_DIR / "places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) >= 5 and cells[4].strip():
            out[cells[0].strip()] = cells[4].strip()
    return out


def _state_of(ent: EntityAnnotation) -> str | None:
    """The state an actor stands for: a country itself, or a listed leader's country."""
    if ent.label == EntityLabel.COUNTRY:
        return ent.name
    if ent.label == EntityLabel.LEADER:
        from geokg.extract.entities.lexicon import default_lexicons

        info = default_lexicons().leader(ent.name)
        return info.country if info is not None else None
    return None


def _domestic(place: EntityAnnotation, actor: EntityAnnotation) -> bool:
    if place.label != EntityLabel.PLACE:
        return False
    state = place_states().get(place.name)
    return state is not None and state == _state_of(actor)


def drop_domestic_visits(relations: Iterable[RelationAnnotation]) -> list[RelationAnnotation]:
    """The relations less every MEETS between a listed city and its own state or leader."""
    return [
        r
        for r in relations
        if not (
            r.type == RelationType.MEETS
            and (_domestic(r.target, r.source) or _domestic(r.source, r.target))
        )
    ]
