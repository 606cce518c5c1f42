"""A visit to a city of the visitor's own state is not a meeting (relations/domestic.py).

Constructed relation mentions: "During a visit to Lahore, Pakistan's prime minister said ..."
yields no MEETS with Lahore; a foreign leader's visit to the same city, a visit to a region the
gazetteer gives no state, and other relation types are kept.
"""

from __future__ import annotations

import pytest

from geokg.extract.annotations import EntityAnnotation, RelationAnnotation
from geokg.extract.relations.domestic import drop_domestic_visits, place_states
from geokg.schema import EntityLabel, RelationType


def _ent(name: str, label: EntityLabel) -> EntityAnnotation:
    return EntityAnnotation(0, 1, 0, len(name), label, name)


def _rel(
    source: EntityAnnotation, rtype: RelationType, target: EntityAnnotation
) -> RelationAnnotation:
    return RelationAnnotation(source, rtype, target, 0, 1, 0, 10)


LAHORE = _ent("Lahore", EntityLabel.PLACE)
SHARIF = _ent("Shehbaz Sharif", EntityLabel.LEADER)
PAKISTAN = _ent("Pakistan", EntityLabel.COUNTRY)
BIDEN = _ent("Joe Biden", EntityLabel.LEADER)
DONBAS = _ent("Donbas", EntityLabel.PLACE)
ZELENSKY = _ent("Volodymyr Zelensky", EntityLabel.LEADER)


def test_places_give_the_state_of_listed_cities() -> None:
    states = place_states()
    assert states["Lahore"] == "Pakistan"
    assert states["Goma"] == "Democratic Republic of the Congo"
    assert "Donbas" not in states  # a region: no state given


@pytest.mark.parametrize(
    ("rel", "kept"),
    [
        (_rel(SHARIF, RelationType.MEETS, LAHORE), False),
        (_rel(PAKISTAN, RelationType.MEETS, LAHORE), False),
        (_rel(BIDEN, RelationType.MEETS, LAHORE), True),
        (_rel(ZELENSKY, RelationType.MEETS, DONBAS), True),
        (_rel(SHARIF, RelationType.MEETS, BIDEN), True),
        (_rel(PAKISTAN, RelationType.ATTACKS, LAHORE), True),
    ],
    ids=[
        "own-leader-visits-own-city",
        "own-state-visits-own-city",
        "foreign-leader-visit-kept",
        "region-without-state-kept",
        "two-actors-kept",
        "other-type-kept",
    ],
)
def test_domestic_visit_is_not_a_meeting(rel: RelationAnnotation, kept: bool) -> None:
    assert drop_domestic_visits([rel]) == ([rel] if kept else [])
