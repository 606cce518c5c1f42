"""Companies named with a state ("Freedonia Airways") are organizations, not the state.

Frozen parses of constructed sentences (``data/entities/state_companies.jsonl``: the model's
tokens, tags, dependencies, NER tags and sentence starts, built once) run through the entity
component without the model. A state's name or adjective followed by a capitalised company word
is a company; a state organ ("Coast Guard", "Defence Forces"), a longer name ("Air Force",
"Energy Ministry"), a lowercase word ("Canada steel") and a headline's capitals keep the state;
a short sentence with a lowercase verb is no headline however many of its words are capitalised.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import cases, frozen

CASES = cases("state_companies.jsonl")


@pytest.fixture()
def component(blank: Any) -> EntityComponent:
    comp = EntityComponent(blank)
    comp.common_words = frozenset({"power", "air", "oil", "total"})
    return comp


def frozen_doc(blank: Any, case_id: str) -> Doc:
    return frozen(blank, CASES[case_id]["tokens"])


def found(component: EntityComponent, doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(e.name, e.label.value, e.kind) for e in component(doc)._.geokg_entities]


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_state_company_frozen_cases(blank: Any, component: EntityComponent, case_id: str) -> None:
    expected = [(n, lab, kind) for n, lab, kind in CASES[case_id]["entities"]]
    assert found(component, frozen_doc(blank, case_id)) == expected


@pytest.mark.parametrize(
    ("case_id", "company", "state"),
    [
        ("airways-after-state", "Kenya Airways", "Kenya"),
        ("telecom-after-state", "China Telecom", "China"),
        ("railways-after-adjective", "Russian Railways", "Russia"),
        ("air-after-state", "Egypt Air", "Egypt"),
        ("company-word-then-closer", "Angola Oil Company", "Angola"),
        ("power-after-state", "Kenya Power", "Kenya"),
        # a short sentence with a lowercase verb is running text, not a headline
        ("short-sentence-final-company", "U.S. Steel", "United States"),
        ("short-sentence-company-object", "Kenya Airways", "Kenya"),
    ],
)
def test_company_named_with_a_state_is_no_state(
    blank: Any, component: EntityComponent, case_id: str, company: str, state: str
) -> None:
    got = found(component, frozen_doc(blank, case_id))
    assert (company, "Organization", "company") in got
    assert all(name != state for name, _, _ in got)


@pytest.mark.parametrize(
    ("case_id", "state"),
    [
        ("neg-air-force", "Pakistan"),
        ("neg-energy-ministry", "Brazil"),
        ("neg-lowercase-company-word", "Canada"),
        ("neg-coast-guard", "China"),
        ("neg-defence-forces", "Kenya"),
        ("neg-headline-capitals", "Kenya"),
        ("neg-state-alone", "Kenya"),
        ("neg-short-sentence-forces", "United States"),
        ("neg-short-sentence-army", "United States"),
    ],
)
def test_state_organs_and_longer_names_keep_the_state(
    blank: Any, component: EntityComponent, case_id: str, state: str
) -> None:
    got = found(component, frozen_doc(blank, case_id))
    assert (state, "Country", None) in got
    assert all(not name.startswith(f"{state} ") for name, _, _ in got)
