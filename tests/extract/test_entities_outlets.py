"""Outlets, their language services and places named in coordination (issue 13, item 7).

Frozen parses of constructed sentences (``data/entities/outlets_and_places.jsonl``: the model's
tokens, tags, dependencies and NER tags, built once) run through the entity component without
the model. A broadcaster's language desk ("VOA's Urdu Service") is the outlet, not an
organization of its own, and its language word names no state; an outlet's name around a media
noun is one name even over a place or state name ("the magazine Mining Africa", "the Chile
Weekly magazine"), but a state named alone after "the news agency" stays the state; coordinated
names before a plural place noun, or after one and "of", are places ("Chikwawa and Zomba
districts", "the towns of Kabo and Batangafo"), while coordinated people after "a friend of"
stay people. A name before a gang, militia or group noun is an organization ("the Barrio
Verde gang"), unless it is a listed name or a state; a stance word before an organization's
name is no part of it ("the Islamist Andean Liberation Front"). A name after a title's portfolio is
found ("Peru's minister of defense Ana Ruiz"), "headed by X" makes X a Leader, and a name
set off after a title phrase ("Chile's deputy foreign minister, Ana Ruiz,") or right after a
lower-case title ("police chief Ana Ruiz") is
found (``titled_names.jsonl``); a date or a company after a title is no name. A military or
police officer is an official (a Leader), a company's chief executive officer a Person. A
name with a person noun in apposition or a "who" clause is a person whatever the model tagged
it ("Dana Kowal, a senior firefighter,"), unless it is shaped like an organization's name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import cases, frozen

CASES = cases("outlets_and_places.jsonl")


def found(component: EntityComponent, blank: Any, case_id: str) -> set[tuple[str, str]]:
    doc = component(frozen(blank, CASES[case_id]["tokens"]))
    return {(e.name, e.label.value) for e in doc._.geokg_entities}


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_frozen_cases(blank: Any, component: EntityComponent, case_id: str) -> None:
    doc = component(frozen(blank, CASES[case_id]["tokens"]))
    got = [[e.name, e.label.value, e.kind] for e in doc._.geokg_entities]
    assert got == CASES[case_id]["entities"]


@pytest.mark.parametrize(
    ("case_id", "absent"),
    [
        ("service-after-acronym-outlet", {"Urdu Service"}),
        ("service-after-named-outlet", {"Persian Service"}),
        ("service-in-byline", {"Somali Service", "Somalia"}),
        ("magazine-name-with-place", {"Africa", "Mining"}),
        ("outlet-name-before-magazine", {"Chile"}),
        ("outlet-name-before-newspaper", {"Lima"}),
        ("coordinated-districts", {"Chikwawa", "Zomba"}),
    ],
)
def test_name_is_not_read_apart(
    blank: Any, component: EntityComponent, case_id: str, absent: set[str]
) -> None:
    got = found(component, blank, case_id)
    assert not {name for name, label in got if name in absent and label != "Place"}


def test_language_service_mention_keeps_the_outlets_characters(
    blank: Any, component: EntityComponent
) -> None:
    doc = component(frozen(blank, CASES["service-after-acronym-outlet"]["tokens"]))
    outlet = next(e for e in doc._.geokg_entities if e.name == "Voice of America")
    assert doc.text[outlet.start_char : outlet.end_char] == "VOA"


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        ("foreign-service-is-no-outlet", {("BBC", "Organization"), ("Peru", "Country")}),
        ("agency-before-country-subject", {("Russia", "Country")}),
        ("demonym-before-newspaper", {("Chile", "Country"), ("Peru", "Country")}),
        ("friend-of-coordinated-people", {("Maria Lopez", "Person"), ("Ana Ruiz", "Person")}),
        ("towns-of-coordinated", {("Kabo", "Place"), ("Batangafo", "Place")}),
        ("gang-name-read-as-person", {("Lima Cartel", "Organization")}),
        ("gang-name-missed", {("Barrio Verde", "Organization")}),
        ("group-name-single-word", {("Wagner", "Organization")}),
        ("listed-name-before-militia", {("Hamas", "Organization")}),
        ("state-before-group", {("Kenya", "Country")}),
        ("stance-word-before-organization", {("Andean Liberation Front", "Organization")}),
    ],
)
def test_negatives_and_places(
    blank: Any, component: EntityComponent, case_id: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= found(component, blank, case_id)


TITLED_FILE = Path(__file__).parent / "data" / "entities" / "titled_names.jsonl"
TITLED = {
    row["id"]: row
    for row in (json.loads(line) for line in TITLED_FILE.read_text(encoding="utf-8").splitlines())
}


@pytest.mark.parametrize("case_id", sorted(TITLED))
def test_titled_names(blank: Any, component: EntityComponent, case_id: str) -> None:
    """A name after a title's portfolio ("minister of defense Ana Ruiz") is a Leader; a
    portfolio that names a state or has no name after it proposes nothing; "headed by X"
    makes X a Leader as "led by X" does."""
    doc = component(frozen(blank, TITLED[case_id]["tokens"]))
    got = [[e.name, e.label.value, e.kind] for e in doc._.geokg_entities]
    assert got == TITLED[case_id]["entities"]


@pytest.mark.parametrize(
    ("case_id", "name"),
    [
        ("portfolio-lower", "Ana Ruiz"),
        ("appositive-after-title", "Ana Ruiz"),
        ("appositive-after-title-partial-ner", "Ana Lucia Ferreyra"),
        ("lower-title-before-name", "Ana Ruiz"),
        ("officer-in-apposition", "Tomas Varga"),
        ("officer-before-name", "Tomas Varga"),
    ],
)
def test_titled_name_is_a_leader(
    blank: Any, component: EntityComponent, case_id: str, name: str
) -> None:
    doc = component(frozen(blank, TITLED[case_id]["tokens"]))
    assert (name, "Leader") in {(e.name, e.label.value) for e in doc._.geokg_entities}


@pytest.mark.parametrize("case_id", ["lower-title-before-date", "lower-title-before-company"])
def test_no_person_after_a_title_without_a_name(
    blank: Any, component: EntityComponent, case_id: str
) -> None:
    doc = component(frozen(blank, TITLED[case_id]["tokens"]))
    assert not [e for e in doc._.geokg_entities if e.label.value in ("Leader", "Person")]


def test_business_officer_stays_a_person(blank: Any, component: EntityComponent) -> None:
    doc = component(frozen(blank, TITLED["business-officer-stays-person"]["tokens"]))
    assert ("Tomas Varga", "Person") in {(e.name, e.label.value) for e in doc._.geokg_entities}


@pytest.mark.parametrize(
    ("case_id", "expected", "absent"),
    [
        ("person-apposition-over-org-tag", ("Dana Kowal", "Person"), "Organization"),
        ("who-clause-name", ("Ana Ruiz", "Leader"), "Organization"),
        ("which-clause-organization", ("Popular Force", "Organization"), "Person"),
        ("organization-apposition", ("Amnesty International", "Organization"), "Person"),
    ],
)
def test_person_cues(
    blank: Any, component: EntityComponent, case_id: str, expected: tuple[str, str], absent: str
) -> None:
    doc = component(frozen(blank, TITLED[case_id]["tokens"]))
    got = {(e.name, e.label.value) for e in doc._.geokg_entities}
    assert expected in got
    assert (expected[0], absent) not in got


def test_who_clause_on_an_organization_name_makes_no_person(
    blank: Any, component: EntityComponent
) -> None:
    doc = component(frozen(blank, TITLED["who-clause-organization-name"]["tokens"]))
    assert not [e for e in doc._.geokg_entities if e.label.value in ("Leader", "Person")]
