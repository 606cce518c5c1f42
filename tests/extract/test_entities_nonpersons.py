"""Leader or Person, and names that are no person (issue 13, item 7; SCHEMA.md news conventions).

Frozen parses of constructed sentences (``data/entities/people_and_nonpeople.jsonl``: the
model's tokens, tags, dependencies and NER tags, built once) run through the entity component
without the model. Storms, "X District" and "X Office" names and a town in apposition are no
person; an adjective before a name is no title; a company's chief is a Person while an
alliance's or a UN agency's chief is a Leader; a full name the NER skipped is found from a
role noun in apposition; a legislator or council member is a Leader, a post at a think tank,
museum or university department is private, a director's post at a state organ or a UN agency
is public; "Minister of Justice X" is a title, and so is a relative clause ("who serves as
Peru's envoy", "who leads the party"; not "who heads the institute"); a sentence-initial
person noun is no part of the name; a weapon's name is no person, and a demonym before a
product name and "fighters" names the state, not a group ("French Rafale fighters");
"Belgrade radio said" names the station Radio Belgrade.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import cases, frozen

CASES = cases("people_and_nonpeople.jsonl")


def frozen_doc(blank: Any, case_id: str) -> Doc:
    return frozen(blank, CASES[case_id]["tokens"])


def found(component: EntityComponent, blank: Any, case_id: str) -> set[tuple[str, str]]:
    doc = component(frozen_doc(blank, case_id))
    return {(e.name, e.label.value) for e in doc._.geokg_entities}


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_frozen_cases(blank: Any, component: EntityComponent, case_id: str) -> None:
    doc = component(frozen_doc(blank, case_id))
    got = [[e.name, e.label.value, e.kind] for e in doc._.geokg_entities]
    assert got == CASES[case_id]["entities"]


@pytest.mark.parametrize(
    ("case_id", "absent"),
    [
        ("storm-name-is-no-person", {"Typhoon Haiyan", "Haiyan"}),
        ("office-after-title-word-is-no-person", {"Statistics Office"}),
        ("brexit-is-an-event", {"Brexit"}),
        ("weapon-name-tagged-person-is-no-person", {"Bayraktar"}),
        ("designation-between-demonym-and-fighters-is-the-state", {"Chinese fighters"}),
        ("product-name-between-demonym-and-fighters-is-the-state", {"French fighters"}),
        (
            "short-form-ending-longer-name-is-not-the-listed-body",
            {"United Nations Security Council"},
        ),
    ],
)  # fmt: skip
def test_no_entity(blank: Any, component: EntityComponent, case_id: str, absent: set[str]) -> None:
    assert not {n for n, _ in found(component, blank, case_id)} & absent


@pytest.mark.parametrize(
    ("case_id", "name", "label"),
    [
        ("district-before-title-is-place", "Garissa District", "Place"),
        ("district-before-title-is-place", "Omar Ali Hassan", "Leader"),
        ("town-in-apposition-is-place", "Garissa", "Place"),
        ("adjectival-official-is-no-title", "Twitter", "Organization"),
        ("adjectival-official-unlisted-name", "Chirpa", "Person"),
        ("company-chief-is-person", "Tom Hale", "Person"),
        ("alliance-chief-is-leader", "Mark Rutte", "Leader"),
        ("agency-acronym-chief-is-leader", "Filippo Grandi", "Leader"),
        ("role-apposition-names-skipped-name", "Ana Ruiz", "Leader"),
        ("demonym-envoy-apposition", "Ana Ruiz", "Leader"),
        ("vice-president-of-state-is-leader", "Ana Ruiz", "Leader"),
        ("fellow-apposition-is-person", "Mark Liu", "Person"),
        ("member-of-parliament-apposition", "Tomas Berg", "Leader"),
        ("lawmaker-is-no-company", "Tomas Berg", "Leader"),
        ("post-at-think-tank-is-private", "Jon Alterman", "Person"),
        ("sentence-initial-activist-not-in-name", "Sara Nabil", "Person"),
        ("person-named-storm-word-later", "Ana Storm", "Leader"),
        ("portfolio-after-of-is-title", "Ana Ruiz", "Leader"),
        ("council-member-apposition", "Ana Ruiz", "Leader"),
        ("un-agency-director-is-leader", "Ana Ruiz", "Leader"),
        ("state-department-director-is-leader", "Ana Ruiz", "Leader"),
        ("university-department-director-is-person", "Ana Ruiz", "Person"),
        ("policy-center-director-is-person", "Ana Ruiz", "Person"),
        ("spokesperson-for-un-programme-is-leader", "Ana Ruiz", "Leader"),
        ("adviser-to-museum-is-person", "Ana Ruiz", "Person"),
        ("adviser-to-president-is-leader", "Ana Ruiz", "Leader"),
        ("facility-noun-after-name-is-place", "Mariscal Ortega", "Place"),
        ("campaign-noun-after-name-stays-person", "Ana Ruiz", "Leader"),
        ("designation-between-demonym-and-fighters-is-the-state", "China", "Country"),
        ("product-name-between-demonym-and-fighters-is-the-state", "France", "Country"),
        ("demonym-fighters-without-product-is-a-group", "Chechen fighters", "Group"),
        ("city-before-radio-is-a-station", "Radio Belgrade", "Organization"),
        ("capital-before-radio-is-a-station", "Radio Moscow", "Organization"),
        ("radio-in-a-city-is-no-station", "Belgrade", "Place"),
        ("relative-serves-as-title-is-leader", "Tomas Berg", "Leader"),
        ("relative-appointed-title-is-leader", "Tomas Berg", "Leader"),
        ("relative-leads-party-is-leader", "Tomas Berg", "Leader"),
        ("relative-heads-institute-is-person", "Tomas Berg", "Person"),
        ("relative-teaches-is-person", "Tomas Berg", "Person"),
        (
            "short-form-after-state-and-is-the-listed-body",
            "United Nations Security Council",
            "Organization",
        ),
    ],
)  # fmt: skip
def test_label(blank: Any, component: EntityComponent, case_id: str, name: str, label: str) -> None:
    assert (name, label) in found(component, blank, case_id)
