"""Entity rules on hand-built parses (exact and model-free), lexicon API and serialisation."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from geokg.extract.annotations import EntityAnnotation, get_entities
from geokg.extract.entities import EntityComponent, leader_titles, lexicons
from geokg.schema import EntityLabel
from tests.extract.handparse import Row, parse


def found(component: EntityComponent, doc: Doc) -> set[tuple[str, str]]:
    return {(e.name, e.label.value) for e in component(doc)._.geokg_entities}


# --- demonyms ------------------------------------------------------------------------------

RUSSIAN_WRITERS: list[Row] = [
    ("Two", "NUM", "CD", "nummod", 2, "two", "O"),
    ("Russian", "ADJ", "JJ", "amod", 2, "russian", "B-NORP"),
    ("writers", "NOUN", "NNS", "nsubj", 3, "writer", "O"),
    ("spoke", "VERB", "VBD", "ROOT", 3, "speak", "O"),
    (".", "PUNCT", ".", "punct", 3, ".", "O"),
]
RUSSIAN_TROOPS: list[Row] = [
    ("Russian", "ADJ", "JJ", "amod", 1, "russian", "B-NORP"),
    ("troops", "NOUN", "NNS", "nsubj", 2, "troop", "O"),
    ("advanced", "VERB", "VBD", "ROOT", 2, "advance", "O"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
]
KURDISH_REBELS: list[Row] = [
    ("Kurdish", "ADJ", "JJ", "amod", 1, "kurdish", "B-NORP"),
    ("rebels", "NOUN", "NNS", "nsubj", 2, "rebel", "O"),
    ("fought", "VERB", "VBD", "ROOT", 2, "fight", "O"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
]
SYRIAN_ARMED_OPPOSITION: list[Row] = [
    ("the", "DET", "DT", "det", 3, "the", "O"),
    ("Libyan", "ADJ", "JJ", "amod", 3, "libyan", "B-NORP"),
    ("armed", "ADJ", "JJ", "amod", 3, "armed", "O"),
    ("opposition", "NOUN", "NN", "ROOT", 3, "opposition", "O"),
]
RUSSIAN_TURKISH: list[Row] = [
    ("Russian", "ADJ", "JJ", "amod", 3, "russian", "B-NORP"),
    ("-", "PUNCT", "HYPH", "punct", 2, "-", "O"),
    ("Turkish", "ADJ", "JJ", "amod", 3, "turkish", "B-NORP"),
    ("relations", "NOUN", "NNS", "ROOT", 3, "relation", "O"),
]
PRO_RUSSIAN: list[Row] = [
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("pro", "ADJ", "JJ", "amod", 4, "pro", "O"),
    ("-", "PUNCT", "HYPH", "punct", 4, "-", "O"),
    ("Russian", "ADJ", "JJ", "amod", 4, "russian", "B-NORP"),
    ("regime", "NOUN", "NN", "ROOT", 4, "regime", "O"),
]
UKRAINIANS_INVITED: list[Row] = [
    ("pressure", "NOUN", "NN", "ROOT", 0, "pressure", "O"),
    ("from", "ADP", "IN", "prep", 0, "from", "O"),
    ("Ukrainians", "PROPN", "NNPS", "pobj", 1, "Ukrainians", "B-NORP"),
    ("who", "PRON", "WP", "nsubjpass", 5, "who", "O"),
    ("were", "AUX", "VBD", "auxpass", 5, "be", "O"),
    ("invited", "VERB", "VBN", "relcl", 2, "invite", "O"),
]
THE_PALESTINIANS: list[Row] = [
    ("the", "DET", "DT", "det", 1, "the", "O"),
    ("Palestinians", "PROPN", "NNPS", "nsubj", 2, "Palestinians", "B-NORP"),
    ("rejected", "VERB", "VBD", "ROOT", 2, "reject", "O"),
    ("it", "PRON", "PRP", "dobj", 2, "it", "O"),
]
SYRIAN_BACKED_MILITIA: list[Row] = [
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("Syrian", "ADJ", "JJ", "npadvmod", 3, "syrian", "B-NORP"),
    ("-", "PUNCT", "HYPH", "punct", 3, "-", "O"),
    ("backed", "VERB", "VBN", "amod", 4, "back", "O"),
    ("militia", "NOUN", "NN", "ROOT", 4, "militia", "O"),
]

# "anti-Pakistan militants" fight Pakistan: the state, and no "Pakistan militants" group
ANTI_PAKISTAN_MILITANTS: list[Row] = [
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("anti", "ADJ", "JJ", "amod", 4, "anti", "O"),
    ("-", "PUNCT", "HYPH", "punct", 4, "-", "O"),
    ("Pakistan", "PROPN", "NNP", "amod", 4, "Pakistan", "B-GPE"),
    ("militants", "NOUN", "NNS", "ROOT", 4, "militant", "O"),
]
PAKISTAN_MILITANTS: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Pakistan", "PROPN", "NNP", "compound", 2, "Pakistan", "B-GPE"),
    ("militants", "NOUN", "NNS", "ROOT", 2, "militant", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (RUSSIAN_WRITERS, set()),
        (RUSSIAN_TROOPS, {("Russia", "Country")}),
        (KURDISH_REBELS, {("Kurdish rebels", "Group")}),
        (SYRIAN_ARMED_OPPOSITION, {("Libyan armed opposition", "Group")}),
        (RUSSIAN_TURKISH, {("Russia", "Country"), ("Turkey", "Country")}),
        (PRO_RUSSIAN, {("Russia", "Country")}),
        (UKRAINIANS_INVITED, set()),
        (THE_PALESTINIANS, {("Palestine", "Country")}),
        (SYRIAN_BACKED_MILITIA, {("Syria", "Country")}),
        (ANTI_PAKISTAN_MILITANTS, {("Pakistan", "Country")}),
        (PAKISTAN_MILITANTS, {("Pakistan militants", "Group")}),
    ],
    ids=[
        "private-people",
        "state-agents",
        "group-composite",
        "group-with-adjective",
        "hyphenated-pair",
        "pro-prefix",
        "nationals-as-private",
        "nation-as-actor",
        "agent-of-participle",
        "anti-prefix-no-group",
        "group-of-a-state",
    ],
)
def test_entities_demonym_head_noun(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


# --- metonymy ------------------------------------------------------------------------------

MOSCOW_ANKARA_CLASHED: list[Row] = [
    ("Moscow", "PROPN", "NNP", "nsubj", 3, "Moscow", "B-GPE"),
    ("and", "CCONJ", "CC", "cc", 0, "and", "O"),
    ("Ankara", "PROPN", "NNP", "conj", 0, "Ankara", "B-GPE"),
    ("clashed", "VERB", "VBD", "ROOT", 3, "clash", "O"),
]
SUMMIT_IN_MOSCOW: list[Row] = [
    ("a", "DET", "DT", "det", 1, "a", "O"),
    ("summit", "NOUN", "NN", "ROOT", 1, "summit", "O"),
    ("in", "ADP", "IN", "prep", 1, "in", "O"),
    ("Moscow", "PROPN", "NNP", "pobj", 2, "Moscow", "B-GPE"),
]
SENT_TO_MOSCOW: list[Row] = [
    ("they", "PRON", "PRP", "nsubj", 1, "they", "O"),
    ("sent", "VERB", "VBD", "ROOT", 1, "send", "O"),
    ("athletes", "NOUN", "NNS", "dobj", 1, "athlete", "O"),
    ("to", "ADP", "IN", "prep", 1, "to", "O"),
    ("Moscow", "PROPN", "NNP", "pobj", 3, "Moscow", "B-GPE"),
]
SANCTIONS_ON_MOSCOW: list[Row] = [
    ("sanctions", "NOUN", "NNS", "ROOT", 0, "sanction", "O"),
    ("on", "ADP", "IN", "prep", 0, "on", "O"),
    ("Moscow", "PROPN", "NNP", "pobj", 1, "Moscow", "B-GPE"),
]
THE_KREMLIN_SAID: list[Row] = [
    ("the", "DET", "DT", "det", 1, "the", "O"),
    ("Kremlin", "PROPN", "NNP", "nsubj", 2, "Kremlin", "B-ORG"),
    ("said", "VERB", "VBD", "ROOT", 2, "say", "O"),
]
OUTSIDE_THE_KREMLIN: list[Row] = [
    ("people", "NOUN", "NNS", "ROOT", 0, "people", "O"),
    ("outside", "ADP", "IN", "prep", 0, "outside", "O"),
    ("the", "DET", "DT", "det", 3, "the", "O"),
    ("Kremlin", "PROPN", "NNP", "pobj", 1, "Kremlin", "B-ORG"),
]
DEPARTMENT_SANCTIONED: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Treasury", "PROPN", "NNP", "compound", 2, "Treasury", "B-ORG"),
    ("Department", "PROPN", "NNP", "nsubj", 3, "Department", "I-ORG"),
    ("sanctioned", "VERB", "VBD", "ROOT", 3, "sanction", "O"),
    ("Iran", "PROPN", "NNP", "dobj", 3, "Iran", "B-GPE"),
]
OTHER_STATES_DEPARTMENT: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Philippine", "ADJ", "JJ", "amod", 2, "philippine", "B-NORP"),
    ("Department", "PROPN", "NNP", "nsubj", 5, "Department", "B-ORG"),
    ("of", "ADP", "IN", "prep", 2, "of", "I-ORG"),
    ("Justice", "PROPN", "NNP", "pobj", 3, "Justice", "I-ORG"),
    ("charged", "VERB", "VBD", "ROOT", 5, "charge", "O"),
    ("him", "PRON", "PRP", "dobj", 5, "he", "O"),
]
BRUSSELS_DECIDED: list[Row] = [
    ("Brussels", "PROPN", "NNP", "nsubj", 1, "Brussels", "B-GPE"),
    ("decided", "VERB", "VBD", "ROOT", 1, "decide", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (MOSCOW_ANKARA_CLASHED, {("Russia", "Country"), ("Turkey", "Country")}),
        (SUMMIT_IN_MOSCOW, {("Moscow", "Place")}),
        (SENT_TO_MOSCOW, {("Moscow", "Place")}),
        (SANCTIONS_ON_MOSCOW, {("Russia", "Country")}),
        (THE_KREMLIN_SAID, {("Russia", "Country")}),
        (OUTSIDE_THE_KREMLIN, set()),
        (BRUSSELS_DECIDED, {("European Union", "Organization")}),
        (DEPARTMENT_SANCTIONED, {("United States", "Country"), ("Iran", "Country")}),
        (OTHER_STATES_DEPARTMENT, {("Philippines", "Country")}),
    ],
    ids=[
        "actors",
        "locative-in",
        "motion-to",
        "relational-on",
        "seat-actor",
        "seat-location",
        "eu",
        "executive-department",
        "other-states-department",
    ],
)
def test_entities_capital_metonymy(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


# --- the West ------------------------------------------------------------------------------


def _western(head: str, lemma: str, prefix: tuple[str, ...] = ()) -> list[Row]:
    rows: list[Row] = []
    n = len(prefix)
    for word in prefix:
        pos = "PUNCT" if word == "-" else "ADJ"
        rows.append((word, pos, "HYPH" if word == "-" else "JJ", "amod", n + 1, word, "O"))
    rows.append(("Western", "ADJ", "JJ", "amod", n + 1, "western", "B-NORP"))
    rows.append((head, "NOUN", "NNS", "ROOT", n + 1, lemma, "O"))
    return rows


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (_western("leaders", "leader"), {("the West", "Organization")}),
        (_western("sanctions", "sanction"), {("the West", "Organization")}),
        (_western("culture", "culture"), set()),
        (_western("technology", "technology"), set()),
        (_western("voices", "voice", ("anti", "-")), {("the West", "Organization")}),
        (_western("paths", "path", ("non", "-")), set()),
    ],
    ids=["leaders", "sanctions", "culture", "technology", "anti-prefix", "non-prefix"],
)
def test_entities_western_adjective(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


def test_entities_the_west_noun(blank: Any, component: EntityComponent) -> None:
    rows: list[Row] = [
        ("break", "NOUN", "NN", "ROOT", 0, "break", "O"),
        ("with", "ADP", "IN", "prep", 0, "with", "O"),
        ("the", "DET", "DT", "det", 3, "the", "O"),
        ("West", "PROPN", "NNP", "pobj", 1, "West", "B-LOC"),
    ]
    assert found(component, parse(blank, rows)) == {("the West", "Organization")}


# --- people --------------------------------------------------------------------------------

TITLE_UNKNOWN_NAME: list[Row] = [
    ("President", "PROPN", "NNP", "compound", 2, "President", "O"),
    ("Ruiz", "PROPN", "NNP", "compound", 2, "Ruiz", "O"),
    ("Pereira", "PROPN", "NNP", "nsubj", 3, "Pereira", "O"),
    ("conceded", "VERB", "VBD", "ROOT", 3, "concede", "O"),
]
WRITER_PERSON: list[Row] = [
    ("Nikolai", "PROPN", "NNP", "compound", 1, "Nikolai", "B-PERSON"),
    ("Gogol", "PROPN", "NNP", "nsubj", 2, "Gogol", "I-PERSON"),
    ("wrote", "VERB", "VBD", "ROOT", 2, "write", "O"),
]
KNOWN_LEADER_SHORT: list[Row] = [
    ("Erdoğan", "PROPN", "NNP", "nsubj", 1, "Erdoğan", "B-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 1, "speak", "O"),
]
ASSAD_REGIME: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Assad", "PROPN", "NNP", "compound", 2, "Assad", "B-PERSON"),
    ("regime", "NOUN", "NN", "ROOT", 2, "regime", "O"),
]
TEXT_SPELLING: list[Row] = [
    ("President", "PROPN", "NNP", "compound", 2, "President", "O"),
    ("Nicolas", "PROPN", "NNP", "compound", 2, "Nicolas", "B-PERSON"),
    ("Sarkosy", "PROPN", "NNP", "nsubj", 3, "Sarkosy", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 3, "speak", "O"),
]
DIACRITICS_FOLDED: list[Row] = [
    ("François", "PROPN", "NNP", "compound", 1, "François", "B-PERSON"),
    ("Mitterrand", "PROPN", "NNP", "nsubj", 2, "Mitterrand", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 2, "speak", "O"),
]
DIACRITICS_KEPT_UNLISTED: list[Row] = [
    ("Élodie", "PROPN", "NNP", "compound", 1, "Élodie", "B-PERSON"),
    ("Marchetti", "PROPN", "NNP", "nsubj", 2, "Marchetti", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 2, "speak", "O"),
]
SHORT_FORM_AFTER_FULL: list[Row] = [
    ("Francois", "PROPN", "NNP", "compound", 1, "Francois", "B-PERSON"),
    ("Mitterrand", "PROPN", "NNP", "nsubj", 2, "Mitterrand", "I-PERSON"),
    ("met", "VERB", "VBD", "ROOT", 2, "meet", "O"),
    ("and", "CCONJ", "CC", "cc", 2, "and", "O"),
    ("Mitterrand", "PROPN", "NNP", "nsubj", 5, "Mitterrand", "B-PERSON"),
    ("left", "VERB", "VBD", "conj", 2, "leave", "O"),
]
HONORIFIC_IN_ALIAS: list[Row] = [
    ("King", "PROPN", "NNP", "compound", 2, "King", "O"),
    ("Abdullah", "PROPN", "NNP", "compound", 2, "Abdullah", "B-PERSON"),
    ("II", "PROPN", "NNP", "nsubj", 3, "II", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 3, "speak", "O"),
]
MEMBER_OF_PARLIAMENT: list[Row] = [
    ("A", "DET", "DT", "det", 1, "a", "O"),
    ("member", "NOUN", "NN", "nsubj", 10, "member", "O"),
    ("of", "ADP", "IN", "prep", 1, "of", "O"),
    ("the", "DET", "DT", "det", 5, "the", "O"),
    ("Kenyan", "ADJ", "JJ", "amod", 5, "kenyan", "B-NORP"),
    ("parliament", "NOUN", "NN", "pobj", 2, "parliament", "O"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("Mohammed", "PROPN", "NNP", "compound", 8, "Mohammed", "B-PERSON"),
    ("Haddad", "PROPN", "NNP", "appos", 1, "Haddad", "I-PERSON"),
    (",", "PUNCT", ",", "punct", 1, ",", "O"),
    ("fasted", "VERB", "VBD", "ROOT", 10, "fast", "O"),
]
TITLE_OF_PLACE_APPOS: list[Row] = [
    ("deputy", "ADJ", "JJ", "amod", 1, "deputy", "O"),
    ("governor", "NOUN", "NN", "nsubj", 8, "governor", "O"),
    ("of", "ADP", "IN", "prep", 1, "of", "O"),
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("region", "NOUN", "NN", "pobj", 2, "region", "O"),
    (",", "PUNCT", ",", "punct", 4, ",", "O"),
    ("Pavel", "PROPN", "NNP", "compound", 7, "Pavel", "B-PERSON"),
    ("Orlov", "PROPN", "NNP", "appos", 4, "Orlov", "I-PERSON"),
    ("survived", "VERB", "VBD", "ROOT", 8, "survive", "O"),
]
MINISTER_FOR_PORTFOLIO: list[Row] = [
    ("Minister", "PROPN", "NNP", "nsubj", 6, "Minister", "O"),
    ("for", "ADP", "IN", "prep", 0, "for", "O"),
    ("Interior", "PROPN", "NNP", "pobj", 1, "Interior", "O"),
    ("Imran", "PROPN", "NNP", "compound", 5, "Imran", "B-PERSON"),
    ("Ali", "PROPN", "NNP", "compound", 5, "Ali", "I-PERSON"),
    ("Qureshi", "PROPN", "NNP", "appos", 0, "Qureshi", "I-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 6, "speak", "O"),
]
PORTFOLIO_NOT_A_NAME: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Secretary", "PROPN", "NNP", "compound", 2, "Secretary", "O"),
    ("Interior", "PROPN", "NNP", "ROOT", 2, "Interior", "B-PERSON"),
]
KING_GEORGE: list[Row] = [
    ("King", "PROPN", "NNP", "compound", 2, "King", "O"),
    ("George", "PROPN", "NNP", "compound", 2, "George", "B-PERSON"),
    ("V", "PROPN", "NNP", "ROOT", 2, "V", "I-PERSON"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (TITLE_UNKNOWN_NAME, {("Ruiz Pereira", "Leader")}),
        (WRITER_PERSON, {("Nikolai Gogol", "Person")}),
        (KNOWN_LEADER_SHORT, {("Recep Tayyip Erdogan", "Leader")}),
        (ASSAD_REGIME, {("Syria", "Country")}),
        (KING_GEORGE, {("George V", "Leader")}),
        (TEXT_SPELLING, {("Nicolas Sarkosy", "Leader")}),
        (DIACRITICS_FOLDED, {("François Mitterrand", "Leader")}),
        (DIACRITICS_KEPT_UNLISTED, {("Élodie Marchetti", "Person")}),
        (SHORT_FORM_AFTER_FULL, {("Francois Mitterrand", "Leader")}),
        (HONORIFIC_IN_ALIAS, {("Abdullah II", "Leader")}),
        (MEMBER_OF_PARLIAMENT, {("Kenya", "Country"), ("Mohammed Haddad", "Leader")}),
        (TITLE_OF_PLACE_APPOS, {("Pavel Orlov", "Leader")}),
        (MINISTER_FOR_PORTFOLIO, {("Imran Ali Qureshi", "Leader")}),
        (PORTFOLIO_NOT_A_NAME, set()),
    ],
    ids=[
        "title-evidence",
        "no-role",
        "leader-list",
        "regime-is-state",
        "title-stripped",
        "text-spelling-kept",
        "diacritics-kept-listed",
        "unlisted-name-keeps-diacritics",
        "short-form-takes-doc-spelling",
        "honorific-in-listed-alias",
        "member-of-parliament-appos",
        "appos-hung-on-title-of-phrase",
        "minister-for-portfolio",
        "portfolio-not-a-name",
    ],
)
def test_entities_people(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


def test_entities_leader_titles_exposes_title_tokens(
    blank: Any, component: EntityComponent
) -> None:
    rows: list[Row] = [
        ("Russian", "ADJ", "JJ", "amod", 1, "russian", "B-NORP"),
        ("President", "PROPN", "NNP", "compound", 3, "President", "O"),
        ("Vladimir", "PROPN", "NNP", "compound", 3, "Vladimir", "B-PERSON"),
        ("Putin", "PROPN", "NNP", "ROOT", 3, "Putin", "I-PERSON"),
    ]
    doc = component(parse(blank, rows))
    leader = next(e for e in get_entities(doc) if e.label is EntityLabel.LEADER)
    titles = leader_titles(doc, leader)
    assert leader.name == "Vladimir Putin"
    assert [(t.start, t.end, t.role, t.how) for t in titles] == [(1, 2, "President", "prefix")]


# --- gazetteer over NER, text-defined acronyms, tokens --------------------------------------


def test_entities_gazetteer_wins_over_ner_label(blank: Any, component: EntityComponent) -> None:
    rows: list[Row] = [
        ("war", "NOUN", "NN", "ROOT", 0, "war", "O"),
        ("in", "ADP", "IN", "prep", 0, "in", "O"),
        ("Nagorno", "PROPN", "NNP", "compound", 4, "Nagorno", "B-ORG"),
        ("-", "PUNCT", "HYPH", "punct", 4, "-", "I-ORG"),
        ("Karabakh", "PROPN", "NNP", "pobj", 1, "Karabakh", "I-ORG"),
    ]
    assert found(component, parse(blank, rows)) == {("Nagorno-Karabakh", "Place")}


def test_entities_acronym_defined_in_text(blank: Any, component: EntityComponent) -> None:
    words = ["the", "Asia", "Region", "Forum", "(", "ARF", ")", "met", ".", "ARF", "agreed"]
    rows: list[Row] = [
        ("the", "DET", "DT", "det", 3, "the", "O"),
        ("Asia", "PROPN", "NNP", "compound", 3, "Asia", "B-ORG"),
        ("Region", "PROPN", "NNP", "compound", 3, "Region", "I-ORG"),
        ("Forum", "PROPN", "NNP", "nsubj", 7, "Forum", "I-ORG"),
        ("(", "PUNCT", "-LRB-", "punct", 5, "(", "O"),
        ("ARF", "PROPN", "NNP", "appos", 3, "ARF", "O"),
        (")", "PUNCT", "-RRB-", "punct", 5, ")", "O"),
        ("met", "VERB", "VBD", "ROOT", 7, "meet", "O"),
        (".", "PUNCT", ".", "punct", 7, ".", "O"),
        ("ARF", "PROPN", "NNP", "nsubj", 10, "ARF", "O"),
        ("agreed", "VERB", "VBD", "ROOT", 10, "agree", "O"),
    ]
    assert [r[0] for r in rows] == words
    doc = component(parse(blank, rows))
    names = [(doc.text[e.start_char : e.end_char], e.name) for e in get_entities(doc)]
    assert ("ARF", "Asia Region Forum") in names
    assert names.count(("ARF", "Asia Region Forum")) == 2


def test_entities_name_inside_a_token(blank: Any, component: EntityComponent) -> None:
    rows: list[Row] = [
        ("the", "DET", "DT", "det", 2, "the", "O"),
        ("U.S.-led", "ADJ", "JJ", "amod", 2, "u.s.-led", "O"),
        ("coalition", "NOUN", "NN", "ROOT", 2, "coalition", "O"),
    ]
    doc = component(parse(blank, rows))
    (ent,) = get_entities(doc)
    assert (ent.name, ent.iso3, ent.start, ent.end) == ("United States", "USA", 1, 2)
    assert doc.text[ent.start_char : ent.end_char] == "U.S."


def test_entities_annotations_sorted_and_disjoint(blank: Any, component: EntityComponent) -> None:
    doc = component(parse(blank, [*MOSCOW_ANKARA_CLASHED]))
    ents: list[EntityAnnotation] = get_entities(doc)
    assert [e.start for e in ents] == sorted(e.start for e in ents)
    for a, b in itertools.pairwise(ents):
        assert a.end <= b.start


def test_entities_match_is_pure(blank: Any, component: EntityComponent) -> None:
    doc = parse(blank, RUSSIAN_TROOPS)
    before = [t.ent_type_ for t in doc]
    matches = component.match(doc)
    assert [t.ent_type_ for t in doc] == before
    assert [(m.name, m.iso3) for m in matches] == [("Russia", "RUS")]


# --- lexicon API and serialisation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("President", "President"),
        ("prime minister", "Prime Minister"),
        ("FM", "Foreign Minister"),
        ("tsar", "tsar"),
        ("Secretary-General", "Secretary-General"),
        ("writer", None),
        ("presidents", None),
    ],
)
def test_entities_lexicon_title_role(text: str, role: str | None) -> None:
    assert lexicons().title_role(text) == role


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Russia", "RUS"), ("Soviet Union", "SUN"), ("Ivory Coast", "CIV"), ("Prussia", None)],
)
def test_entities_lexicon_country_codes(name: str, iso3: str | None) -> None:
    info = lexicons().country(name)
    assert info is not None
    assert info.iso3 == iso3


def test_entities_to_disk_from_disk_round_trip(component: EntityComponent, tmp_path: Path) -> None:
    component.to_disk(tmp_path / "ents")
    fresh = EntityComponent(spacy.blank("en")).from_disk(tmp_path / "ents")
    assert fresh.lex.to_dict() == component.lex.to_dict()
    doc = parse(fresh.nlp, MOSCOW_ANKARA_CLASHED)
    assert found(fresh, doc) == {("Russia", "Country"), ("Turkey", "Country")}


def test_entities_from_disk_loads_saved_patterns(
    component: EntityComponent, tmp_path: Path
) -> None:
    component.to_disk(tmp_path / "ents")
    tables = json.loads((tmp_path / "ents" / "lexicons.json").read_text(encoding="utf-8"))
    tables["patterns"].append(["COUNTRY_NAME", "Freedonia", "Freedonia"])
    tables["countries"].append(["Freedonia", None, "de-facto"])
    (tmp_path / "ents" / "lexicons.json").write_text(json.dumps(tables), encoding="utf-8")
    fresh = EntityComponent(spacy.blank("en")).from_disk(tmp_path / "ents")
    rows: list[Row] = [
        ("Freedonia", "PROPN", "NNP", "nsubj", 1, "Freedonia", "O"),
        ("protested", "VERB", "VBD", "ROOT", 1, "protest", "O"),
    ]
    doc = fresh(parse(fresh.nlp, rows))
    assert [(e.name, e.label.value, e.kind) for e in get_entities(doc)] == [
        ("Freedonia", "Country", "de-facto")
    ]


def test_entities_factory_registered_and_configurable() -> None:
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("geokg_entities")
    assert isinstance(comp, EntityComponent)
    assert nlp.get_pipe_meta("geokg_entities").assigns == ["doc._.geokg_entities"]


def test_entities_pipeline_to_disk_and_spacy_load(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("geokg_entities")
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "geokg_entities" / "lexicons.json").is_file()
    loaded = spacy.load(tmp_path / "pipe")
    comp = loaded.get_pipe("geokg_entities")
    assert isinstance(comp, EntityComponent)
    assert found(comp, parse(loaded, MOSCOW_ANKARA_CLASHED)) == {
        ("Russia", "Country"),
        ("Turkey", "Country"),
    }


ETHNIC_UZBEKS: list[Row] = [
    ("ethnic", "ADJ", "JJ", "amod", 1, "ethnic", "O"),
    ("Uzbeks", "PROPN", "NNPS", "nsubj", 2, "Uzbeks", "B-NORP"),
    ("fled", "VERB", "VBD", "ROOT", 2, "flee", "O"),
]
TOWN_OF: list[Row] = [
    ("near", "ADP", "IN", "ROOT", 0, "near", "O"),
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("town", "NOUN", "NN", "pobj", 0, "town", "O"),
    ("of", "ADP", "IN", "prep", 2, "of", "O"),
    ("Kassala", "PROPN", "NNP", "pobj", 3, "Kassala", "O"),
]
KARABAKH_ARMENIANS: list[Row] = [
    ("Karabakh", "PROPN", "NNP", "compound", 1, "Karabakh", "B-GPE"),
    ("Armenians", "PROPN", "NNPS", "nsubj", 2, "Armenians", "B-NORP"),
    ("fled", "VERB", "VBD", "ROOT", 2, "flee", "O"),
]
REBELS_IN_COUNTRY: list[Row] = [
    ("Rebels", "NOUN", "NNS", "nsubj", 4, "rebel", "O"),
    ("in", "ADP", "IN", "prep", 0, "in", "O"),
    ("Sierra", "PROPN", "NNP", "compound", 3, "Sierra", "B-GPE"),
    ("Leone", "PROPN", "NNP", "pobj", 1, "Leone", "I-GPE"),
    ("rejected", "VERB", "VBD", "ROOT", 4, "reject", "O"),
]
MILITIAS_IN_CAPITAL: list[Row] = [
    ("fighting", "NOUN", "NN", "ROOT", 0, "fighting", "O"),
    ("between", "ADP", "IN", "prep", 0, "between", "O"),
    ("militias", "NOUN", "NNS", "pobj", 1, "militia", "O"),
    ("in", "ADP", "IN", "prep", 2, "in", "O"),
    ("Idlib", "PROPN", "NNP", "pobj", 3, "Idlib", "B-GPE"),
]
PERSON_TAG_WITH_ARTICLE: list[Row] = [
    ("a", "DET", "DT", "det", 1, "a", "O"),
    ("bridge", "NOUN", "NN", "ROOT", 1, "bridge", "O"),
    ("spanning", "VERB", "VBG", "acl", 1, "span", "O"),
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("Danube", "PROPN", "NNP", "dobj", 2, "Danube", "B-PERSON"),
]
PERSON_TAG_BEFORE_PLACE_NOUN: list[Row] = [
    ("of", "ADP", "IN", "ROOT", 0, "of", "O"),
    ("the", "DET", "DT", "det", 3, "the", "O"),
    ("Kola", "PROPN", "NNP", "compound", 3, "Kola", "B-PERSON"),
    ("peninsula", "NOUN", "NN", "pobj", 0, "peninsula", "O"),
]
PERSON_TAG_AFTER_IN: list[Row] = [
    ("students", "NOUN", "NNS", "nsubj", 1, "student", "O"),
    ("rallied", "VERB", "VBD", "ROOT", 1, "rally", "O"),
    ("in", "ADP", "IN", "prep", 1, "in", "O"),
    ("Konya", "PROPN", "NNP", "pobj", 2, "Konya", "B-PERSON"),
    ("today", "NOUN", "NN", "npadvmod", 1, "today", "O"),
]
COLOR_REVOLUTIONS: list[Row] = [
    ("the", "DET", "DT", "det", 2, "the", "O"),
    ("Color", "PROPN", "NNP", "compound", 2, "Color", "B-ORG"),
    ("Revolutions", "PROPN", "NNPS", "ROOT", 2, "Revolutions", "I-ORG"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (ETHNIC_UZBEKS, {("ethnic Uzbeks", "Group")}),
        (TOWN_OF, {("Kassala", "Place")}),
        (KARABAKH_ARMENIANS, {("Karabakh Armenians", "Group")}),
        (COLOR_REVOLUTIONS, set()),
        (REBELS_IN_COUNTRY, {("Sierra Leone rebels", "Group"), ("Sierra Leone", "Country")}),
        (MILITIAS_IN_CAPITAL, {("Idlib", "Place")}),
        (PERSON_TAG_WITH_ARTICLE, {("Danube", "Place")}),
        (PERSON_TAG_BEFORE_PLACE_NOUN, {("Kola peninsula", "Place")}),
        (PERSON_TAG_AFTER_IN, {("Konya", "Place")}),
    ],
    ids=[
        "ethnic-nationals",
        "place-descriptor",
        "people-of-a-place",
        "event-not-org",
        "collective-in-a-state",
        "collective-as-prep-object-unnamed",
        "person-tag-with-article-is-place",
        "person-tag-before-place-noun",
        "person-tag-after-locating-prep",
    ],
)
def test_entities_groups_places_and_events(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    assert found(component, parse(blank, rows)) == expected


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Japanese", {("Japan", "Country"), ("Liberal Democratic Party", "Organization")}),
        ("Ruling", {("Liberal Democratic Party", "Organization")}),
    ],
    ids=["demonym", "qualifier"],
)
def test_entities_qualified_listed_organization(
    blank: Any, component: EntityComponent, first: str, expected: set[Any]
) -> None:
    # "the Japanese Liberal Democratic Party": the model's span takes in the demonym, the
    # listed party is the name (and the demonym its own mention)
    rows: list[Row] = [
        ("the", "DET", "DT", "det", 4, "the", "O"),
        (first, "ADJ", "JJ", "amod", 4, first.lower(), "B-ORG"),
        ("Liberal", "PROPN", "NNP", "compound", 4, "Liberal", "I-ORG"),
        ("Democratic", "PROPN", "NNP", "compound", 4, "Democratic", "I-ORG"),
        ("Party", "PROPN", "NNP", "nsubj", 5, "Party", "I-ORG"),
        ("won", "VERB", "VBD", "ROOT", 5, "win", "O"),
    ]
    assert found(component, parse(blank, rows)) == expected


# --- hashtags ------------------------------------------------------------------------------


def _tagged(blank: Any, words: list[str], spaces: list[bool], ents: list[str]) -> Doc:
    """A two-clause parse ("<words> trended .") with the given spacing and NER tags."""
    n = len(words)
    return Doc(
        blank.vocab,
        words=words,
        spaces=spaces,
        pos=["PUNCT" if w == "#" else "PROPN" for w in words[:-2]] + ["VERB", "PUNCT"],
        tags=["NFP" if w == "#" else "NNP" for w in words[:-2]] + ["VBD", "."],
        deps=["punct" if w == "#" else "nsubj" for w in words[:-2]] + ["ROOT", "punct"],
        heads=[n - 2] * (n - 2) + [n - 2, n - 2],
        lemmas=[w.lower() for w in words],
        ents=ents,
    )


def test_entities_hashtag_is_no_person(blank: Any, component: EntityComponent) -> None:
    # "#Mensah trended": the model may tag a hashtag PERSON; it names no one
    tag = _tagged(blank, ["#", "Mensah", "trended", "."], [False, True, False, False],
                  ["O", "B-PERSON", "O", "O"])  # fmt: skip
    assert ("Mensah", "Person") not in found(component, tag)
    # "# Mensah" with a space is no hashtag, and the bare name is a person
    name = _tagged(blank, ["Kofi", "Mensah", "trended", "."], [True, True, False, False],
                   ["B-PERSON", "I-PERSON", "O", "O"])  # fmt: skip
    assert ("Kofi Mensah", "Person") in found(component, name)
