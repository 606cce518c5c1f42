"""Gazetteer breadth: armed groups, UN agencies, NGOs, companies, media, cities from public lists.

Hand-built parses of constructed sentences (model-free): a listed organization is an
Organization of its kind even where the model tags nothing or another label, and a listed city
the model reads as a person ("Goma") is a Place. The resource checks keep the lists clean: known
kinds only, no surface form shared by two targets, and no city named like a person or a word.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.entities import EntityComponent
from geokg.extract.entities.lexicon import RESOURCES_DIR, default_lexicons
from tests.extract.handparse import Row, parse


def found(component: EntityComponent, doc: Doc) -> set[tuple[str, str, str | None]]:
    return {(e.name, e.label.value, e.kind) for e in component(doc)._.geokg_entities}


REBELS_TOOK_CITY: list[Row] = [
    ("The", "DET", "DT", "det", 2, "the", "O"),
    ("M23", "PROPN", "NNP", "compound", 2, "M23", "O"),
    ("rebels", "NOUN", "NNS", "nsubj", 3, "rebel", "O"),
    ("captured", "VERB", "VBD", "ROOT", 3, "capture", "O"),
    ("Goma", "PROPN", "NNP", "dobj", 3, "Goma", "B-PERSON"),
    (".", "PUNCT", ".", "punct", 3, ".", "O"),
]
PARAMILITARY_SEIZED: list[Row] = [
    ("The", "DET", "DT", "det", 3, "the", "O"),
    ("Rapid", "PROPN", "NNP", "compound", 3, "Rapid", "O"),
    ("Support", "PROPN", "NNP", "compound", 3, "Support", "O"),
    ("Forces", "PROPN", "NNPS", "nsubj", 4, "Forces", "O"),
    ("seized", "VERB", "VBD", "ROOT", 4, "seize", "O"),
    ("El", "PROPN", "NNP", "compound", 6, "El", "B-GPE"),
    ("Fasher", "PROPN", "NNP", "dobj", 4, "Fasher", "I-GPE"),
]
NGO_PROTEST: list[Row] = [
    ("Greenpeace", "PROPN", "NNP", "compound", 1, "Greenpeace", "O"),
    ("activists", "NOUN", "NNS", "nsubj", 2, "activist", "O"),
    ("protested", "VERB", "VBD", "ROOT", 2, "protest", "O"),
]
STATE_COMPANY_DEAL: list[Row] = [
    ("Saudi", "PROPN", "NNP", "compound", 1, "Saudi", "B-NORP"),
    ("Aramco", "PROPN", "NNP", "nsubj", 2, "Aramco", "B-ORG"),
    ("signed", "VERB", "VBD", "ROOT", 2, "sign", "O"),
    ("a", "DET", "DT", "det", 4, "a", "O"),
    ("deal", "NOUN", "NN", "dobj", 2, "deal", "O"),
    ("with", "ADP", "IN", "prep", 4, "with", "O"),
    ("Chile", "PROPN", "NNP", "pobj", 5, "Chile", "B-GPE"),
]
REGIONAL_BODY: list[Row] = [
    ("IGAD", "PROPN", "NNP", "compound", 1, "IGAD", "O"),
    ("mediators", "NOUN", "NNS", "nsubj", 2, "mediator", "O"),
    ("arrived", "VERB", "VBD", "ROOT", 2, "arrive", "O"),
]
UN_AGENCY: list[Row] = [
    ("UNRWA", "PROPN", "NNP", "nsubj", 1, "UNRWA", "B-ORG"),
    ("warned", "VERB", "VBD", "ROOT", 1, "warn", "O"),
    ("of", "ADP", "IN", "prep", 1, "of", "O"),
    ("famine", "NOUN", "NN", "pobj", 2, "famine", "O"),
]
NEWS_AGENCY: list[Row] = [
    ("Tasnim", "PROPN", "NNP", "nsubj", 1, "Tasnim", "B-PERSON"),
    ("reported", "VERB", "VBD", "ROOT", 1, "report", "O"),
    ("the", "DET", "DT", "det", 3, "the", "O"),
    ("strike", "NOUN", "NN", "dobj", 1, "strike", "O"),
]
THINK_TANK: list[Row] = [
    ("SIPRI", "PROPN", "NNP", "nsubj", 1, "SIPRI", "B-ORG"),
    ("said", "VERB", "VBD", "ROOT", 1, "say", "O"),
    ("arms", "NOUN", "NNS", "compound", 3, "arm", "O"),
    ("imports", "NOUN", "NNS", "nsubj", 4, "import", "O"),
    ("rose", "VERB", "VBD", "ccomp", 1, "rise", "O"),
]
FLAG_CARRIER: list[Row] = [
    ("an", "DET", "DT", "det", 3, "an", "O"),
    ("Air", "PROPN", "NNP", "compound", 2, "Air", "B-ORG"),
    ("India", "PROPN", "NNP", "compound", 3, "India", "I-ORG"),
    ("flight", "NOUN", "NN", "ROOT", 3, "flight", "O"),
    ("from", "ADP", "IN", "prep", 3, "from", "O"),
    ("Amritsar", "PROPN", "NNP", "pobj", 4, "Amritsar", "B-GPE"),
]
STATION_NAMED_BY_CITY: list[Row] = [
    ("Radio", "PROPN", "NNP", "compound", 1, "Radio", "B-ORG"),
    ("Goma", "PROPN", "NNP", "nsubj", 2, "Goma", "I-ORG"),
    ("reported", "VERB", "VBD", "ROOT", 2, "report", "O"),
    ("clashes", "NOUN", "NNS", "dobj", 2, "clash", "O"),
]
PROVINCE_FIGHTING: list[Row] = [
    ("Fighting", "NOUN", "NN", "nsubj", 1, "fighting", "O"),
    ("spread", "VERB", "VBD", "ROOT", 1, "spread", "O"),
    ("across", "ADP", "IN", "prep", 1, "across", "O"),
    ("North", "PROPN", "NNP", "compound", 4, "North", "B-LOC"),
    ("Kivu", "PROPN", "NNP", "pobj", 2, "Kivu", "I-LOC"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            REBELS_TOOK_CITY,
            {("March 23 Movement", "Organization", "armed_group"), ("Goma", "Place", None)},
        ),
        (
            PARAMILITARY_SEIZED,
            {("Rapid Support Forces", "Organization", "armed_group"), ("El Fasher", "Place", None)},
        ),
        (NGO_PROTEST, {("Greenpeace", "Organization", "ngo")}),
        (
            STATE_COMPANY_DEAL,
            {("Saudi Aramco", "Organization", "company"), ("Chile", "Country", None)},
        ),
        (REGIONAL_BODY, {("Intergovernmental Authority on Development", "Organization", "igo")}),
        (UN_AGENCY, {("United Nations Relief and Works Agency", "Organization", "igo")}),
        (NEWS_AGENCY, {("Tasnim News Agency", "Organization", "media")}),
        (
            THINK_TANK,
            {("Stockholm International Peace Research Institute", "Organization", "institute")},
        ),
        (PROVINCE_FIGHTING, {("North Kivu", "Place", None)}),
        (STATION_NAMED_BY_CITY, {("Radio Goma", "Organization", "media")}),
        (
            FLAG_CARRIER,
            {("Air India", "Organization", "company"), ("Amritsar", "Place", None)},
        ),
    ],
    ids=[
        "city-read-as-person-is-place",
        "armed-group",
        "ngo",
        "state-company-not-its-state",
        "regional-igo-acronym",
        "un-agency-acronym",
        "news-agency-read-as-person",
        "think-tank",
        "province",
        "station-named-by-city",
        "airline-not-its-state",
    ],
)
def test_entities_gazetteer_breadth(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[Any]
) -> None:
    assert found(component, parse(blank, rows)) == expected


ORG_KINDS = {
    "igo",
    "bloc",
    "alliance",
    "party",
    "media",
    "armed_group",
    "agency",
    "company",
    "ngo",
    "court",
    "institute",
}


def test_entities_organizations_have_known_kinds() -> None:
    kinds = default_lexicons().org_kinds
    assert len(kinds) > 500
    assert set(kinds.values()) <= ORG_KINDS


def test_entities_no_surface_form_names_two_targets() -> None:
    """An organization or place alias never also names another organization, place or state."""
    by_form: dict[str, set[tuple[str, str]]] = {}
    for p in default_lexicons().patterns:
        if p.label in ("ORG", "PLACE", "COUNTRY_NAME", "CAPITAL", "SEAT"):
            by_form.setdefault(p.pattern, set()).add((p.label, p.id))
    shared = {f: t for f, t in by_form.items() if len({i for _, i in t}) > 1}
    assert shared == {}


# Cities left out because the name is also a common given name, surname or English word.
PERSON_OR_WORD_CITIES = (
    "Adelaide",
    "Darwin",
    "Florence",
    "Medina",
    "Salvador",
    "Trujillo",
    "Victoria",
    "Split",
    "Nice",
    "Reading",
    "Phoenix",
    "Gao",
    "Beni",
    "Rosario",
)


def test_entities_places_hold_no_person_like_city() -> None:
    rows = (RESOURCES_DIR / "places.tsv").read_text(encoding="utf-8").splitlines()
    forms = set()
    for row in rows:
        if row.startswith("#") or not row.strip():
            continue
        name, aliases = [*row.split("\t"), ""][:2]
        forms |= {name, *(a for a in aliases.split(";") if a)}
    assert forms.isdisjoint(PERSON_OR_WORD_CITIES)
    assert {"Goma", "El Fasher", "Maiduguri", "Kramatorsk", "Khan Younis"} <= forms


def test_entities_organizations_jsonl_rows_are_well_formed() -> None:
    rows = (RESOURCES_DIR / "organizations.jsonl").read_text(encoding="utf-8").splitlines()
    names = [json.loads(r)["name"] for r in rows if r.strip()]
    assert len(names) == len(set(names))


DRC_WITHOUT_ARTICLE: list[Row] = [
    ("The", "DET", "DT", "det", 2, "the", "O"),
    ("Democratic", "PROPN", "NNP", "compound", 2, "Democratic", "B-GPE"),
    ("Republic", "PROPN", "NNP", "nsubj", 5, "Republic", "I-GPE"),
    ("of", "ADP", "IN", "prep", 2, "of", "I-GPE"),
    ("Congo", "PROPN", "NNP", "pobj", 3, "Congo", "I-GPE"),
    ("accused", "VERB", "VBD", "ROOT", 5, "accuse", "O"),
    ("Rwanda", "PROPN", "NNP", "dobj", 5, "Rwanda", "B-GPE"),
    (".", "PUNCT", ".", "punct", 5, ".", "O"),
]


def test_entities_drc_without_article_is_not_the_other_congo(
    blank: Any, component: EntityComponent
) -> None:
    """ "the Democratic Republic of Congo" (news spelling, no second article) is the DRC, not
    the Republic of the Congo its last word also names."""
    names = {name for name, label, _ in found(component, parse(blank, DRC_WITHOUT_ARTICLE))}
    assert "Democratic Republic of the Congo" in names
    assert "Republic of the Congo" not in names
