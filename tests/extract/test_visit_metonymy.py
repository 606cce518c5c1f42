"""A capital visited by a leader or state names the state (SCHEMA.md news conventions).

"Lungu's trip to Moscow", "during a visit to Moscow, Lungu said", "Lungu visited Moscow",
"Lungu travelled to Moscow for talks", "the UN's envoy visited Moscow", "before his visit to
Moscow, Lungu said" (a pronoun possessor: the clause's subject): Moscow is Russia, the
host. A visit with no visitor, a
visit by tourists or a company, talks with another party, or several visitors meeting each
other there leave the capital a ``Place``. Hand-built parses, model-free.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.entities.component import EntityComponent
from tests.extract.handparse import Row, parse

MOSCOW = ("Moscow", "PROPN", "NNP", "pobj", 0, "Moscow", "B-GPE")


def moscow_label(component: EntityComponent, blank: Any, rows: list[Row]) -> str | None:
    doc = parse(blank, rows)
    i = [row[0] for row in rows].index("Moscow")
    for e in component(doc)._.geokg_entities:
        if e.start == i:
            return f"{e.label.value}:{e.name}"
    return None


def _at(row: Row, head: int) -> Row:
    return (*row[:4], head, *row[5:])


POSSESSIVE_TRIP: list[Row] = [
    ("Lungu", "PROPN", "NNP", "poss", 2, "Lungu", "B-PERSON"),
    ("'s", "PART", "POS", "case", 0, "'s", "O"),
    ("trip", "NOUN", "NN", "nsubj", 5, "trip", "O"),
    ("to", "ADP", "IN", "prep", 2, "to", "O"),
    _at(MOSCOW, 3),
    ("ended", "VERB", "VBD", "ROOT", 5, "end", "O"),
]
BARE_TRIP: list[Row] = [
    ("a", "DET", "DT", "det", 1, "a", "O"),
    ("trip", "NOUN", "NN", "ROOT", 1, "trip", "O"),
    ("to", "ADP", "IN", "prep", 1, "to", "O"),
    _at(MOSCOW, 2),
]
DURING_VISIT: list[Row] = [
    ("During", "ADP", "IN", "prep", 7, "during", "O"),
    ("a", "DET", "DT", "det", 2, "a", "O"),
    ("visit", "NOUN", "NN", "pobj", 0, "visit", "O"),
    ("to", "ADP", "IN", "prep", 2, "to", "O"),
    _at(MOSCOW, 3),
    (",", "PUNCT", ",", "punct", 7, ",", "O"),
    ("Lungu", "PROPN", "NNP", "nsubj", 7, "Lungu", "B-PERSON"),
    ("spoke", "VERB", "VBD", "ROOT", 7, "speak", "O"),
]
DURING_VISIT_COMPANY: list[Row] = [
    *DURING_VISIT[:6],
    ("Lungu", "PROPN", "NNP", "nsubj", 7, "Lungu", "B-ORG"),
    DURING_VISIT[7],
]
VISITED: list[Row] = [
    ("Lungu", "PROPN", "NNP", "nsubj", 1, "Lungu", "B-PERSON"),
    ("visited", "VERB", "VBD", "ROOT", 1, "visit", "O"),
    ("Moscow", "PROPN", "NNP", "dobj", 1, "Moscow", "B-GPE"),
]
TOURISTS_VISITED: list[Row] = [
    ("tourists", "NOUN", "NNS", "nsubj", 1, "tourist", "O"),
    ("visited", "VERB", "VBD", "ROOT", 1, "visit", "O"),
    ("Moscow", "PROPN", "NNP", "dobj", 1, "Moscow", "B-GPE"),
]
MINISTER_VISITED: list[Row] = [
    ("the", "DET", "DT", "det", 3, "the", "O"),
    ("Kenyan", "ADJ", "JJ", "amod", 3, "kenyan", "B-NORP"),
    ("foreign", "ADJ", "JJ", "amod", 3, "foreign", "O"),
    ("minister", "NOUN", "NN", "nsubj", 4, "minister", "O"),
    ("visited", "VERB", "VBD", "ROOT", 4, "visit", "O"),
    ("Moscow", "PROPN", "NNP", "dobj", 4, "Moscow", "B-GPE"),
]
ORG_OFFICIAL_VISITED: list[Row] = [
    ("the", "DET", "DT", "det", 4, "the", "O"),
    ("UN", "PROPN", "NNP", "poss", 4, "UN", "B-ORG"),
    ("'s", "PART", "POS", "case", 1, "'s", "O"),
    ("top", "ADJ", "JJ", "amod", 4, "top", "O"),
    ("envoy", "NOUN", "NN", "nsubj", 5, "envoy", "O"),
    ("visited", "VERB", "VBD", "ROOT", 5, "visit", "O"),
    ("Moscow", "PROPN", "NNP", "dobj", 5, "Moscow", "B-GPE"),
]
ORG_SHAREHOLDERS_VISITED: list[Row] = [
    *ORG_OFFICIAL_VISITED[:4],
    ("shareholders", "NOUN", "NNS", "nsubj", 5, "shareholder", "O"),
    *ORG_OFFICIAL_VISITED[5:],
]
TRAVELLED_FOR_TALKS: list[Row] = [
    ("Lungu", "PROPN", "NNP", "nsubj", 1, "Lungu", "B-PERSON"),
    ("travelled", "VERB", "VBD", "ROOT", 1, "travel", "O"),
    ("to", "ADP", "IN", "prep", 1, "to", "O"),
    _at(MOSCOW, 2),
    ("for", "ADP", "IN", "prep", 1, "for", "O"),
    ("talks", "NOUN", "NNS", "pobj", 4, "talk", "O"),
]
TRAVELLED_FOR_TALKS_WITH: list[Row] = [
    *TRAVELLED_FOR_TALKS,
    ("with", "ADP", "IN", "prep", 5, "with", "O"),
    ("Chile", "PROPN", "NNP", "pobj", 6, "Chile", "B-GPE"),
]
TWO_TRAVELLED_FOR_TALKS: list[Row] = [
    ("Chile", "PROPN", "NNP", "nsubj", 3, "Chile", "B-GPE"),
    ("and", "CCONJ", "CC", "cc", 0, "and", "O"),
    ("Peru", "PROPN", "NNP", "conj", 0, "Peru", "B-GPE"),
    ("travelled", "VERB", "VBD", "ROOT", 3, "travel", "O"),
    ("to", "ADP", "IN", "prep", 3, "to", "O"),
    _at(MOSCOW, 4),
    ("for", "ADP", "IN", "prep", 3, "for", "O"),
    ("talks", "NOUN", "NNS", "pobj", 6, "talk", "O"),
]
TRAVELLED_ONLY: list[Row] = TRAVELLED_FOR_TALKS[:4]
# "Before his visit to Moscow, Lungu spoke": DURING_VISIT with another opening
BEFORE_HIS_VISIT: list[Row] = [
    ("Before", "ADP", "IN", "prep", 7, "before", "O"),
    ("his", "PRON", "PRP$", "poss", 2, "his", "O"),
    *DURING_VISIT[2:],
]
BEFORE_HIS_VISIT_TOURIST: list[Row] = [
    *BEFORE_HIS_VISIT[:6],
    ("tourists", "NOUN", "NNS", "nsubj", 7, "tourist", "O"),
    BEFORE_HIS_VISIT[7],
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (POSSESSIVE_TRIP, "Country:Russia"),
        (BARE_TRIP, "Place:Moscow"),
        (DURING_VISIT, "Country:Russia"),
        (DURING_VISIT_COMPANY, "Place:Moscow"),
        (VISITED, "Country:Russia"),
        (TOURISTS_VISITED, "Place:Moscow"),
        (MINISTER_VISITED, "Country:Russia"),
        (ORG_OFFICIAL_VISITED, "Country:Russia"),
        (ORG_SHAREHOLDERS_VISITED, "Place:Moscow"),
        (TRAVELLED_FOR_TALKS, "Country:Russia"),
        (TRAVELLED_FOR_TALKS_WITH, "Place:Moscow"),
        (TWO_TRAVELLED_FOR_TALKS, "Place:Moscow"),
        (TRAVELLED_ONLY, "Place:Moscow"),
        (BEFORE_HIS_VISIT, "Country:Russia"),
        (BEFORE_HIS_VISIT_TOURIST, "Place:Moscow"),
    ],
    ids=[
        "possessive-visitor",
        "no-visitor",
        "during-visit-subject",
        "during-visit-company",
        "visit-verb",
        "visit-verb-tourists",
        "visit-verb-state-official",
        "visit-verb-organization-official",
        "visit-verb-organization-non-official",
        "travel-for-talks",
        "travel-for-talks-with-other",
        "two-visitors-meet-each-other",
        "travel-no-talks",
        "pronoun-possessor-clause-subject",
        "pronoun-possessor-non-actor-subject",
    ],
)
def test_visited_capital(
    blank: Any, component: EntityComponent, rows: list[Row], expected: str
) -> None:
    assert moscow_label(component, blank, rows) == expected
