"""Entity names and their canonical forms on news (issue 13, item 7).

Frozen parses of constructed sentences (``data/entities/name_variants.jsonl``: the model's
tokens, tags, dependencies and NER tags, built once) run through the entity component without
the model. A listed organization written in another case or with other joiners ("Zanu PF",
"Zanu-PF", "Opec") is the listed organization, while short ordinary words ("Who", "IT", "us")
and a title-case word beside another name ("Rand Paul") stay what they are; an unlisted bloc
named by capitalised words and a bloc head ("the Andean Pact") is an organization, a listed one
keeps its name and a lower-case "alliance" names no bloc; an acronym the text defines for
another body beats the listed body of that acronym ("the Andean Pact (AP)"), unless the text
defines it for the listed body itself or a spelling of it ("the Organisation of ... (OPEC)");
an undefined acronym that spells the initials of exactly one named party is that party ("the
Andean Labour Party ... the ALP"), of two it is neither; a surname with particles ("La
Pointe", "Van der Berg") is the person the text named in full; and a name the model cut
after a particle ("Zia-ul") is read whole, never as a listed leader.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.entities import EntityComponent
from geokg.extract.entities.candidates import fold
from tests.extract.handparse import cases, frozen

CASES = cases("name_variants.jsonl")


def found(component: EntityComponent, blank: Any, case_id: str) -> list[tuple[str, str]]:
    doc = component(frozen(blank, CASES[case_id]["tokens"]))
    return [(e.name, e.label.value) for e in doc._.geokg_entities]


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_frozen_cases(blank: Any, component: EntityComponent, case_id: str) -> None:
    doc = component(frozen(blank, CASES[case_id]["tokens"]))
    got = [[e.name, e.label.value, e.kind] for e in doc._.geokg_entities]
    assert got == CASES[case_id]["entities"]


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        ("variant-spaced", ("ZANU-PF", "Organization")),
        ("variant-hyphen", ("ZANU-PF", "Organization")),
        ("variant-title-acronym", ("OPEC", "Organization")),
        ("variant-upper-words", ("ZANU-PF", "Organization")),
        ("bloc-pact", ("Andean Pact", "Organization")),
        ("bloc-coalition", ("Sahel Coalition", "Organization")),
        ("bloc-listed", ("Soviet Union", "Country")),
        ("acronym-listed-same", ("Associated Press", "Organization")),
        ("acronym-listed-expansion", ("OPEC", "Organization")),
        ("longer-name-kept", ("Zia-ul Haq Karimi", "Leader")),
    ],
)
def test_canonical_name(
    blank: Any, component: EntityComponent, case_id: str, expected: tuple[str, str]
) -> None:
    assert expected in found(component, blank, case_id)


@pytest.mark.parametrize(
    ("case_id", "absent"),
    [
        ("variant-spaced", {"Zanu PF", "Zanu"}),
        ("variant-common-words", {"World Health Organization", "WHO", "United States", "IT"}),
        ("variant-single-capitalised-neighbour", {"RAND Corporation", "RAND"}),
        ("bloc-lowercase", {"Western alliance"}),
        ("acronym-defined-over-listed", {"Associated Press"}),
        ("acronym-listed-expansion", {"Organization of Petroleum Exporting Countries"}),
        ("longer-name-kept", {"Zia-ul", "Karimi", "Mohammad Zia-ul-Haq"}),
    ],
)
def test_no_wrong_reading(
    blank: Any, component: EntityComponent, case_id: str, absent: set[str]
) -> None:
    assert not {name for name, _ in found(component, blank, case_id)} & absent


@pytest.mark.parametrize(
    ("case_id", "person"),
    [("surname-particle", "Carla La Pointe"), ("surname-particles", "Marieke van der Berg")],
)
def test_particle_surname_is_the_person(
    blank: Any, component: EntityComponent, case_id: str, person: str
) -> None:
    names = [name for name, label in found(component, blank, case_id) if label == "Leader"]
    assert names == [person, person]


@pytest.mark.parametrize(
    ("case_id", "mentions"),
    [
        ("acronym-initials", {"Andean Labour Party": 2}),
        ("acronym-initials-ambiguous", {"National Unity Party": 1, "National Union Party": 1}),
    ],
)
def test_acronym_of_named_initials(
    blank: Any, component: EntityComponent, case_id: str, mentions: dict[str, int]
) -> None:
    names = [name for name, label in found(component, blank, case_id) if label == "Organization"]
    assert {n: names.count(n) for n in set(names)} == mentions


def test_fold_joins_case_and_joiners() -> None:
    assert fold(["Zanu", "PF"]) == fold(["ZANU", "-", "PF"]) == "zanupf"
    assert fold(["Hamas"]) != fold(["Hama"])
