"""Companies, media outlets and institutes the gazetteer does not list (issue 13, item 7).

Frozen parses of constructed sentences (``data/entities/companies.jsonl``: the model's tokens,
tags, dependencies and NER tags, built once) run through the entity component without the model:
the model's ORG spans keep their kind (university, media, company), one-word ORG spans need
company evidence, and names the model tags GPE or PERSON become companies only where the context
says so ("shares of X", "X, the chipmaker,", "the startup X", "X's chips").
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import cases, frozen

CASES = cases("companies.jsonl")
# Dictionary words for the cases (the model's lemmatizer supplies the real list).
COMMON = frozenset({"apple", "amazon", "yesterday", "official", "share"})


@pytest.fixture()
def component(blank: Any) -> EntityComponent:
    comp = EntityComponent(blank)
    comp.common_words = COMMON
    return comp


def frozen_doc(blank: Any, case_id: str) -> Doc:
    return frozen(blank, CASES[case_id]["tokens"])


def found(component: EntityComponent, doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(e.name, e.label.value, e.kind) for e in component(doc)._.geokg_entities]


def expected(case_id: str) -> list[tuple[str, str, str | None]]:
    return [(n, lab, kind) for n, lab, kind in CASES[case_id]["entities"]]


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_companies_frozen_cases(blank: Any, component: EntityComponent, case_id: str) -> None:
    assert found(component, frozen_doc(blank, case_id)) == expected(case_id)


@pytest.mark.parametrize(
    ("case_id", "name", "label", "kind"),
    [
        ("shares-of-x-is-company", "Nvidia", "Organization", "company"),
        ("possessed-chips", "Nvidia", "Organization", "company"),
        ("compound-product-noun", "Nvidia", "Organization", "company"),
        ("appositive-chipmaker", "Intel", "Organization", "company"),
        ("descriptor-before-person-tag", "Graphika", "Organization", "company"),
        ("appositive-company-person-tag", "Moonshot", "Organization", "company"),
        ("startup-descriptor", "Zhipu", "Organization", "company"),
        ("legal-suffix-dropped", "Samsung Electronics", "Organization", "company"),
        ("university-kind", "Tsinghua University", "Organization", "university"),
        ("media-kind", "Hindustan Times", "Organization", "media"),
        ("camel-case", "NetPlex", "Organization", None),
        ("descriptor-capitalised-first", "Nvidia", "Organization", "company"),
        ("list-camel-member-tagged-place", "NetPlex", "Organization", None),
        ("list-camel-member-tagged-place", "Siemens", "Organization", None),
        ("list-place-tagged-company", "Ericsson", "Organization", None),
        ("possessive-mayor-is-place", "Paris", "Place", None),
        (
            "name-cut-before-for-phrase",
            "Kiel Institute for the World Economy",
            "Organization",
            "institute",
        ),
        (
            "event-word-inside-institute-name",
            "Institute for the Study of War",
            "Organization",
            "institute",
        ),
        ("newspaper-head-over-city", "Chicago Tribune", "Organization", "media"),
        ("central-bank-no-company-kind", "Bank of Korea", "Organization", None),
    ],
)
def test_companies_named_and_typed(
    blank: Any, component: EntityComponent, case_id: str, name: str, label: str, kind: str | None
) -> None:
    assert (name, label, kind) in found(component, frozen_doc(blank, case_id))


def test_dictionary_words_need_a_cue(blank: Any, component: EntityComponent) -> None:
    """ "Apple" and "Amazon" are dictionary words: kept because "shares of" marks them."""
    names = {n for n, _, _ in found(component, frozen_doc(blank, "dictionary-words-with-cue"))}
    assert names == {"Apple", "Amazon"}


def test_camel_case_dictionary_word_is_dropped(blank: Any, component: EntityComponent) -> None:
    """A one-word ORG span with no cue is kept for its camel case only if no dictionary word."""
    doc = frozen_doc(blank, "camel-case")
    component.common_words = COMMON | {"netplex"}
    assert found(component, doc) == []


def test_a_cue_at_one_mention_covers_the_others(blank: Any, component: EntityComponent) -> None:
    """The second mention (tagged PERSON by the model) takes the first mention's company cue."""
    got = found(component, frozen_doc(blank, "cue-elsewhere-in-doc"))
    assert got == [("Voltera", "Organization", "company")] * 2


@pytest.mark.parametrize(
    ("case_id", "name"),
    [
        ("business-title-adjective-name", "Baidu"),
        ("business-title-person-tagged-name", "Xiaomi"),
        ("business-title-founder", "Voltera"),
    ],
)
def test_business_title_before_a_person_makes_a_company(
    blank: Any, component: EntityComponent, case_id: str, name: str
) -> None:
    """ "Acmeco CEO Tom Hale": a one-word name before a business title and a person's name."""
    assert (name, "Organization", "company") in found(component, frozen_doc(blank, case_id))


@pytest.mark.parametrize(
    "case_id", ["business-title-neg-chief-of-staff", "business-title-neg-person-tagged-chief"]
)
def test_no_company_from_a_political_or_surname_title(
    blank: Any, component: EntityComponent, case_id: str
) -> None:
    """ "Biden chief of staff X" and a surname before "chief" make no company."""
    assert all(kind != "company" for _, _, kind in found(component, frozen_doc(blank, case_id)))


@pytest.mark.parametrize(
    "case_id",
    [
        "place-tagged-org-no-cue",
        "plain-org-no-cue",
        "junk-sentence-initial",
        "list-of-places-stays-places",
    ],
)
def test_one_word_org_without_evidence_is_no_organization(
    blank: Any, component: EntityComponent, case_id: str
) -> None:
    assert all(
        label != "Organization" for _, label, _ in found(component, frozen_doc(blank, case_id))
    )


def test_a_list_needs_company_evidence(blank: Any, component: EntityComponent) -> None:
    """Without the camel-case member the list "Siemens and NetPlex" is no company list."""
    doc = frozen_doc(blank, "list-camel-member-tagged-place")
    component.common_words = COMMON | {"netplex"}
    assert ("Siemens", "Organization", None) not in found(component, doc)


def test_demonym_of_teenagers_names_no_state(blank: Any, component: EntityComponent) -> None:
    """ "Chinese teenagers" are private people: no Country China (a platform they use is no
    partner of the state)."""
    got = found(component, frozen_doc(blank, "demonym-teenagers-is-private"))
    assert ("China", "Country", None) not in got
