"""Entity rules for news conventions (SCHEMA.md "Conventions settled while annotating news").

Hand-built parses of constructed sentences (exact and model-free): legislators and officials are
Leaders, people holding a post at a research institute or company are Persons, a leader's
administration names the state, party adjectives name the party, bare surnames of people the
text names in full are mentions, and capitals, acronyms and designations are judged by syntax.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import Row, parse


def found(component: EntityComponent, doc: Doc) -> set[tuple[str, str]]:
    return {(e.name, e.label.value) for e in component(doc)._.geokg_entities}


PARTY_REPRESENTATIVE: list[Row] = [
    ("Democratic", "ADJ", "JJ", "amod", 1, "democratic", "B-NORP"),
    ("Representative", "PROPN", "NNP", "compound", 3, "Representative", "O"),
    ("Ana", "PROPN", "NNP", "compound", 3, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 4, "Ruiz", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 4, "speak", "O"),
    (".", "PUNCT", ".", "punct", 4, ".", "O"),
]
PARTY_LAWMAKERS: list[Row] = [
    ("Republican", "ADJ", "JJ", "amod", 1, "republican", "B-NORP"),
    ("lawmakers", "NOUN", "NNS", "nsubj", 2, "lawmaker", "O"),
    ("objected", "VERB", "VBD", "ROOT", 2, "object", "O"),
]
LEADER_ADMINISTRATION: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Lula", "PROPN", "NNP", "compound", 2, "Lula", "B-PERSON"),
    ("administration", "NOUN", "NN", "nsubj", 3, "administration", "O"),
    ("refused", "VERB", "VBD", "ROOT", 3, "refuse", "O"),
]
LEADER_POSSESSIVE_GOVERNMENT: list[Row] = [
    ("Lula", "PROPN", "NNP", "poss", 2, "Lula", "B-PERSON"),
    ("'s", "PART", "POS", "case", 0, "'s", "O"),
    ("government", "NOUN", "NN", "nsubj", 3, "government", "O"),
    ("refused", "VERB", "VBD", "ROOT", 3, "refuse", "O"),
]
LEADER_POSSESSIVE_RIVALS: list[Row] = [
    ("Lula", "PROPN", "NNP", "poss", 2, "Lula", "B-PERSON"),
    ("'s", "PART", "POS", "case", 0, "'s", "O"),
    ("rivals", "NOUN", "NNS", "nsubj", 3, "rival", "O"),
    ("refused", "VERB", "VBD", "ROOT", 3, "refuse", "O"),
]
PRESIDENT_OF_INSTITUTE: list[Row] = [
    ("Ana", "PROPN", "NNP", "compound", 1, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 11, "Ruiz", "I-PERSON"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("president", "NOUN", "NN", "appos", 1, "president", "O"),
    ("of", "ADP", "IN", "prep", 4, "of", "O"),
    ("the", "DET", "DT", "det", 9, "the", "O"),
    ("Andes", "PROPN", "NNP", "compound", 9, "Andes", "B-ORG"),
    ("Policy", "PROPN", "NNP", "compound", 9, "Policy", "I-ORG"),
    ("Institute", "PROPN", "NNP", "pobj", 5, "Institute", "I-ORG"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("spoke", "VERB", "VBD", "ROOT", 11, "speak", "O"),
]
PRESIDENT_OF_STATE: list[Row] = [
    ("Ana", "PROPN", "NNP", "compound", 1, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 8, "Ruiz", "I-PERSON"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("president", "NOUN", "NN", "appos", 1, "president", "O"),
    ("of", "ADP", "IN", "prep", 4, "of", "O"),
    ("Peru", "PROPN", "NNP", "pobj", 5, "Peru", "B-GPE"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("spoke", "VERB", "VBD", "ROOT", 8, "speak", "O"),
]
ADVISER_TAGGED_AS_PLACE: list[Row] = [
    ("presidential", "ADJ", "JJ", "amod", 1, "presidential", "O"),
    ("adviser", "NOUN", "NN", "compound", 3, "adviser", "O"),
    ("Jan", "PROPN", "NNP", "compound", 3, "Jan", "B-GPE"),
    ("Kowal", "PROPN", "NNP", "nsubj", 4, "Kowal", "I-GPE"),
    ("spoke", "VERB", "VBD", "ROOT", 4, "speak", "O"),
]

NAME_BEFORE_ADMINISTRATION: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Ruiz", "PROPN", "NNP", "compound", 2, "Ruiz", "B-PERSON"),
    ("administration", "NOUN", "NN", "nsubj", 3, "administration", "O"),
    ("refused", "VERB", "VBD", "ROOT", 3, "refuse", "O"),
    ("the", "DET", "DT", "det", 5, "the", "O"),
    ("offer", "NOUN", "NN", "dobj", 3, "offer", "O"),
]
LONG_NAME_IN_PLACE: list[Row] = [
    ("a", "DET", "DT", "det", 1, "a", "O"),
    ("base", "NOUN", "NN", "ROOT", 1, "base", "O"),
    ("in", "ADP", "IN", "prep", 1, "in", "O"),
    ("Puerto", "PROPN", "NNP", "compound", 4, "Puerto", "B-PERSON"),
    ("Ayora", "PROPN", "NNP", "pobj", 2, "Ayora", "I-PERSON"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (NAME_BEFORE_ADMINISTRATION, {("Ruiz", "Leader")}),
        (LONG_NAME_IN_PLACE, {("Puerto Ayora", "Place")}),
        (PARTY_REPRESENTATIVE, {("Democratic Party", "Organization"), ("Ana Ruiz", "Leader")}),
        (PARTY_LAWMAKERS, {("Republican Party", "Organization")}),
        (
            LEADER_ADMINISTRATION,
            {("Luiz Inacio Lula da Silva", "Leader"), ("Brazil", "Country")},
        ),
        (
            LEADER_POSSESSIVE_GOVERNMENT,
            {("Luiz Inacio Lula da Silva", "Leader"), ("Brazil", "Country")},
        ),
        (LEADER_POSSESSIVE_RIVALS, {("Luiz Inacio Lula da Silva", "Leader")}),
        (
            PRESIDENT_OF_INSTITUTE,
            {("Ana Ruiz", "Person"), ("Andes Policy Institute", "Organization")},
        ),
        (PRESIDENT_OF_STATE, {("Ana Ruiz", "Leader"), ("Peru", "Country")}),
        (ADVISER_TAGGED_AS_PLACE, {("Jan Kowal", "Leader")}),
    ],
    ids=[
        "name-before-administration-leads",
        "long-person-tag-after-in-is-place",
        "legislator-title-and-party",
        "party-adjective-on-partisan-noun",
        "administration-names-the-state",
        "possessed-government-names-the-state",
        "possessed-rivals-name-no-state",
        "post-at-an-institute-is-private",
        "post-of-a-state-is-office",
        "place-tag-after-title-is-person",
    ],
)
def test_entities_news_people_and_organs(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


SURNAME_AGAIN: list[Row] = [
    ("Ana", "PROPN", "NNP", "compound", 1, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 2, "Ruiz", "I-PERSON"),
    ("arrived", "VERB", "VBD", "ROOT", 2, "arrive", "O"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 5, "Ruiz", "O"),
    ("spoke", "VERB", "VBD", "ROOT", 5, "speak", "O"),
    (".", "PUNCT", ".", "punct", 5, ".", "O"),
]
SURNAME_INSIDE_OTHER_NAME: list[Row] = [
    ("Ana", "PROPN", "NNP", "compound", 1, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 2, "Ruiz", "I-PERSON"),
    ("visited", "VERB", "VBD", "ROOT", 2, "visit", "O"),
    ("Ruiz", "PROPN", "NNP", "compound", 4, "Ruiz", "O"),
    ("Hall", "PROPN", "NNP", "dobj", 2, "Hall", "O"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
]


def test_entities_bare_surname_of_a_named_person_is_a_mention(
    blank: Any, component: EntityComponent
) -> None:
    ents = component(parse(blank, SURNAME_AGAIN))._.geokg_entities
    assert [(e.name, e.start) for e in ents] == [("Ana Ruiz", 0), ("Ana Ruiz", 4)]


def test_entities_surname_inside_another_name_is_left_alone(
    blank: Any, component: EntityComponent
) -> None:
    ents = component(parse(blank, SURNAME_INSIDE_OTHER_NAME))._.geokg_entities
    assert [(e.name, e.start) for e in ents] == [("Ana Ruiz", 0)]


AI_FIRMS: list[Row] = [
    ("several", "ADJ", "JJ", "amod", 2, "several", "O"),
    ("AI", "PROPN", "NNP", "compound", 2, "AI", "B-GPE"),
    ("firms", "NOUN", "NNS", "nsubj", 3, "firm", "O"),
    ("grew", "VERB", "VBD", "ROOT", 3, "grow", "O"),
    ("quickly", "ADV", "RB", "advmod", 3, "quickly", "O"),
    ("this", "DET", "DT", "det", 6, "this", "O"),
    ("year", "NOUN", "NN", "npadvmod", 3, "year", "O"),
]
DESIGNATION: list[Row] = [
    ("the", "DET", "DT", "det", 1, "the", "O"),
    ("S-300", "PROPN", "NNP", "nsubj", 2, "S-300", "B-ORG"),
    ("arrived", "VERB", "VBD", "ROOT", 2, "arrive", "O"),
    ("at", "ADP", "IN", "prep", 2, "at", "O"),
    ("the", "DET", "DT", "det", 5, "the", "O"),
    ("base", "NOUN", "NN", "pobj", 3, "base", "O"),
    ("last", "ADJ", "JJ", "amod", 7, "last", "O"),
    ("week", "NOUN", "NN", "npadvmod", 2, "week", "O"),
]
CAPITAL_BASED: list[Row] = [
    ("a", "DET", "DT", "det", 4, "a", "O"),
    ("Lima", "PROPN", "NNP", "npadvmod", 3, "Lima", "B-GPE"),
    ("-", "PUNCT", "HYPH", "punct", 3, "-", "O"),
    ("based", "VERB", "VBN", "amod", 4, "base", "O"),
    ("group", "NOUN", "NN", "ROOT", 4, "group", "O"),
]
CAPITAL_PAIR: list[Row] = [
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("Lima", "PROPN", "NNP", "compound", 3, "Lima", "B-GPE"),
    ("-", "PUNCT", "HYPH", "punct", 3, "-", "O"),
    ("Quito", "PROPN", "NNP", "compound", 4, "Quito", "B-GPE"),
    ("talks", "NOUN", "NNS", "ROOT", 4, "talk", "O"),
]
CAPITAL_IN_DOCUMENT_NAME: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Lima", "PROPN", "NNP", "compound", 2, "Lima", "O"),
    ("Declaration", "PROPN", "NNP", "ROOT", 2, "Declaration", "O"),
]
CAPITAL_SANCTIONS: list[Row] = [
    ("Lima", "PROPN", "NNP", "compound", 1, "Lima", "B-GPE"),
    ("sanctions", "NOUN", "NNS", "nsubj", 2, "sanction", "O"),
    ("hurt", "VERB", "VBD", "ROOT", 2, "hurt", "O"),
]
ALIAS_STARTS_LONGER_NAME: list[Row] = [
    ("The", "DET", "DT", "det", 1, "the", "O"),
    ("Alliance", "PROPN", "NNP", "nsubj", 5, "Alliance", "O"),
    ("of", "ADP", "IN", "prep", 1, "of", "O"),
    ("Small", "PROPN", "NNP", "compound", 4, "Small", "O"),
    ("States", "PROPN", "NNPS", "pobj", 2, "States", "O"),
    ("met", "VERB", "VBD", "ROOT", 5, "meet", "O"),
]
LIBERATION_ARMY: list[Row] = [
    ("the", "DET", "DT", "det", 3, "the", "B-ORG"),
    ("Tamil", "PROPN", "NNP", "compound", 3, "Tamil", "I-ORG"),
    ("Liberation", "PROPN", "NNP", "compound", 3, "Liberation", "I-ORG"),
    ("Army", "PROPN", "NNP", "nsubj", 4, "Army", "I-ORG"),
    ("attacked", "VERB", "VBD", "ROOT", 4, "attack", "O"),
]
GENERIC_PARTY_ADJECTIVE: list[Row] = [
    ("Social", "PROPN", "NNP", "compound", 2, "Social", "B-ORG"),
    ("-", "PUNCT", "HYPH", "punct", 2, "-", "I-ORG"),
    ("Liberal", "PROPN", "NNP", "amod", 3, "Liberal", "I-ORG"),
    ("parties", "NOUN", "NNS", "nsubj", 4, "party", "O"),
    ("won", "VERB", "VBD", "ROOT", 4, "win", "O"),
]
DEMONYM_PEOPLE: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Peruvian", "ADJ", "JJ", "amod", 2, "peruvian", "B-NORP"),
    ("people", "NOUN", "NNS", "nsubj", 3, "people", "O"),
    ("voted", "VERB", "VBD", "ROOT", 3, "vote", "O"),
]
DEMONYM_SCHOLAR: list[Row] = [
    ("an", "DET", "DT", "det", 2, "an", "O"),
    ("Italian", "ADJ", "JJ", "amod", 2, "italian", "B-NORP"),
    ("Egyptologist", "NOUN", "NN", "nsubj", 3, "egyptologist", "O"),
    ("spoke", "VERB", "VBD", "ROOT", 3, "speak", "O"),
]
GULF_OF_A_STATE: list[Row] = [
    ("the", "DET", "DT", "det", 1, "the", "O"),
    ("Gulf", "PROPN", "NNP", "pobj", 1, "Gulf", "B-LOC"),
    ("of", "ADP", "IN", "prep", 1, "of", "I-LOC"),
    ("Oman", "PROPN", "NNP", "pobj", 2, "Oman", "I-LOC"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (AI_FIRMS, set()),
        (DESIGNATION, set()),
        (CAPITAL_BASED, {("Lima", "Place")}),
        (CAPITAL_PAIR, {("Peru", "Country"), ("Ecuador", "Country")}),
        (CAPITAL_IN_DOCUMENT_NAME, set()),
        (CAPITAL_SANCTIONS, {("Peru", "Country")}),
        (ALIAS_STARTS_LONGER_NAME, set()),
        (LIBERATION_ARMY, {("Tamil Liberation Army", "Organization")}),
        (GENERIC_PARTY_ADJECTIVE, set()),
        (DEMONYM_PEOPLE, set()),
        (DEMONYM_SCHOLAR, set()),
        (GULF_OF_A_STATE, {("Gulf of Oman", "Place")}),
    ],
    ids=[
        "common-noun-acronym",
        "weapon-designation",
        "capital-based-is-place",
        "capital-pair-names-states",
        "capital-in-document-name",
        "capital-sanctions-is-state",
        "alias-starting-a-longer-name",
        "liberation-army-is-armed-group",
        "name-like-adjective-before-plural",
        "demonym-people-is-private",
        "demonym-ologist-is-private",
        "gulf-of-a-state-is-one-place",
    ],
)
def test_entities_news_places_codes_and_names(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


ACRONYM_IN_RUNNING_TEXT: list[Row] = [
    ("Kurdish", "ADJ", "JJ", "amod", 1, "kurdish", "B-NORP"),
    ("fighters", "NOUN", "NNS", "nsubj", 2, "fighter", "O"),
    ("defeated", "VERB", "VBD", "ROOT", 2, "defeat", "O"),
    ("IS", "PROPN", "NNP", "dobj", 2, "IS", "B-ORG"),
    ("in", "ADP", "IN", "prep", 2, "in", "O"),
    ("Raqqa", "PROPN", "NNP", "pobj", 4, "Raqqa", "B-GPE"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
]
ACRONYM_WORD_IN_CAPITALS: list[Row] = [
    ("WHAT", "PRON", "WP", "attr", 1, "what", "O"),
    ("IS", "AUX", "VBZ", "ROOT", 1, "be", "O"),
    ("NEXT", "ADJ", "JJ", "acomp", 1, "next", "O"),
    ("FOR", "ADP", "IN", "prep", 1, "for", "O"),
    ("MALI", "PROPN", "NNP", "pobj", 3, "MALI", "B-GPE"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            ACRONYM_IN_RUNNING_TEXT,
            {("Kurdish fighters", "Group"), ("ISIL", "Organization"), ("Raqqa", "Place")},
        ),
        (ACRONYM_WORD_IN_CAPITALS, {("Mali", "Country")}),
    ],
    ids=["acronym-in-running-text-is-the-name", "acronym-word-in-capitals-is-the-word"],
)
def test_entities_acronyms_that_are_words(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


OWNED_CONGRESS: list[Row] = [
    ("Brazil", "PROPN", "NNP", "poss", 2, "Brazil", "B-GPE"),
    ("'s", "PART", "POS", "case", 0, "'s", "O"),
    ("Congress", "PROPN", "NNP", "nsubj", 3, "Congress", "B-ORG"),
    ("condemned", "VERB", "VBD", "ROOT", 3, "condemn", "O"),
    ("Venezuela", "PROPN", "NNP", "dobj", 3, "Venezuela", "B-GPE"),
    (".", "PUNCT", ".", "punct", 3, ".", "O"),
]
ADJECTIVE_CONGRESS: list[Row] = [
    ("The", "DET", "DT", "det", 2, "the", "O"),
    ("Peruvian", "ADJ", "JJ", "amod", 2, "peruvian", "B-NORP"),
    ("Congress", "PROPN", "NNP", "nsubj", 3, "Congress", "O"),
    ("voted", "VERB", "VBD", "ROOT", 3, "vote", "O"),
    (".", "PUNCT", ".", "punct", 3, ".", "O"),
]
BARE_CONGRESS: list[Row] = [
    ("Congress", "PROPN", "NNP", "nsubj", 1, "Congress", "B-ORG"),
    ("voted", "VERB", "VBD", "ROOT", 1, "vote", "O"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]
UNION_CONGRESS: list[Row] = [
    ("the", "DET", "DT", "det", 3, "the", "B-ORG"),
    ("Ghana", "PROPN", "NNP", "compound", 3, "Ghana", "I-ORG"),
    ("Labour", "PROPN", "NNP", "compound", 3, "Labour", "I-ORG"),
    ("Congress", "PROPN", "NNP", "nsubj", 4, "Congress", "I-ORG"),
    ("marched", "VERB", "VBD", "ROOT", 4, "march", "O"),
    (".", "PUNCT", ".", "punct", 4, ".", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (OWNED_CONGRESS, {("Brazil", "Country"), ("Venezuela", "Country")}),
        (ADJECTIVE_CONGRESS, {("Peru", "Country")}),
        (BARE_CONGRESS, {("United States", "Country")}),
        (UNION_CONGRESS, {("Ghana", "Country")}),
    ],
    ids=[
        "possessed-congress-is-its-owner",
        "adjective-congress-is-its-state",
        "bare-congress-is-the-default-state",
        "congress-ending-another-name-is-no-legislature",
    ],
)
def test_entities_legislature_word_names_its_owner(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


GROUP_NAME_OPENED_BY_STATE: list[Row] = [
    ("The", "DET", "DT", "det", 2, "the", "O"),
    ("watchdog", "NOUN", "NN", "compound", 2, "watchdog", "O"),
    ("group", "NOUN", "NN", "nsubj", 6, "group", "O"),
    ("Chile", "PROPN", "NNP", "compound", 5, "Chile", "B-PERSON"),
    ("Transparency", "PROPN", "NNP", "compound", 5, "Transparency", "I-PERSON"),
    ("Agenda", "PROPN", "NNP", "appos", 2, "Agenda", "I-PERSON"),
    ("criticized", "VERB", "VBD", "ROOT", 6, "criticize", "O"),
    ("Peru", "PROPN", "NNP", "dobj", 6, "Peru", "B-GPE"),
    (".", "PUNCT", ".", "punct", 6, ".", "O"),
]
GROUP_NOUN_AFTER_PERSON: list[Row] = [
    ("Ana", "PROPN", "NNP", "compound", 1, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 8, "Ruiz", "I-PERSON"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("a", "DET", "DT", "det", 5, "a", "O"),
    ("rights", "NOUN", "NNS", "compound", 5, "right", "O"),
    ("group", "NOUN", "NN", "appos", 1, "group", "O"),
    ("head", "NOUN", "NN", "appos", 1, "head", "O"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("spoke", "VERB", "VBD", "ROOT", 8, "speak", "O"),
    (".", "PUNCT", ".", "punct", 8, ".", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            GROUP_NAME_OPENED_BY_STATE,
            {("Chile Transparency Agenda", "Organization"), ("Peru", "Country")},
        ),
        (GROUP_NOUN_AFTER_PERSON, {("Ana Ruiz", "Leader")}),
    ],
    ids=["group-noun-introduces-a-name-a-state-opens", "group-noun-after-a-person-names-no-org"],
)
def test_entities_organization_named_after_its_noun(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


PARTY_STATE_TITLE: list[Row] = [
    ("Republican", "ADJ", "JJ", "amod", 2, "republican", "B-NORP"),
    ("U.S.", "PROPN", "NNP", "compound", 2, "U.S.", "B-GPE"),
    ("Senator", "PROPN", "NNP", "compound", 4, "Senator", "O"),
    ("Ana", "PROPN", "NNP", "compound", 4, "Ana", "B-PERSON"),
    ("Ruiz", "PROPN", "NNP", "nsubj", 5, "Ruiz", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 5, "speak", "O"),
    (".", "PUNCT", ".", "punct", 5, ".", "O"),
]


def test_entities_party_adjective_before_a_state_and_a_title(
    blank: Any, component: EntityComponent
) -> None:
    assert found(component, parse(blank, PARTY_STATE_TITLE)) == {
        ("Republican Party", "Organization"),
        ("United States", "Country"),
        ("Ana Ruiz", "Leader"),
    }
