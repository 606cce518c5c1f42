"""Names the parser mislabels: a title hung in a list of names, a leader read as an adjective.

Hand-built parse of a constructed sentence (exact and model-free): in "Kenya sent Foreign
Minister Jane Otieno and Trade Minister Paul Kamau", the parser may make "Minister" a conjunct
of the first name; "Trade Minister" is a title, not a person the NER skipped, while a real name
in the same place ("Jane Otieno and Achebe") still is. A listed leader's name the parser reads
as an adjective before a regime noun ("the Orban government") names the state, as a compound does
(SCHEMA.md: a state's organs acting for it name the state).
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import Row, parse

TITLE_AS_CONJUNCT: list[Row] = [
    ("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
    ("sent", "VERB", "VBD", "ROOT", 1, "send", "O"),
    ("Foreign", "PROPN", "NNP", "compound", 3, "Foreign", "O"),
    ("Minister", "PROPN", "NNP", "compound", 5, "Minister", "O"),
    ("Jane", "PROPN", "NNP", "compound", 5, "Jane", "B-PERSON"),
    ("Otieno", "PROPN", "NNP", "dobj", 1, "Otieno", "I-PERSON"),
    ("and", "CCONJ", "CC", "cc", 5, "and", "O"),
    ("Trade", "PROPN", "NNP", "compound", 8, "Trade", "B-ORG"),
    ("Minister", "PROPN", "NNP", "conj", 5, "Minister", "O"),
    ("Paul", "PROPN", "NNP", "compound", 10, "Paul", "B-PERSON"),
    ("Kamau", "PROPN", "NNP", "appos", 8, "Kamau", "I-PERSON"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]
NAME_AS_CONJUNCT: list[Row] = [
    ("Critics", "NOUN", "NNS", "nsubj", 1, "critic", "O"),
    ("praised", "VERB", "VBD", "ROOT", 1, "praise", "O"),
    ("Jane", "PROPN", "NNP", "compound", 3, "Jane", "B-PERSON"),
    ("Otieno", "PROPN", "NNP", "dobj", 1, "Otieno", "I-PERSON"),
    ("and", "CCONJ", "CC", "cc", 3, "and", "O"),
    ("Achebe", "PROPN", "NNP", "conj", 3, "Achebe", "O"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]

LEADER_AS_ADJECTIVE: list[Row] = [
    ("The", "DET", "DT", "det", 2, "the", "O"),
    ("Orban", "ADJ", "JJ", "amod", 2, "orban", "B-ORG"),
    ("government", "NOUN", "NN", "nsubj", 3, "government", "O"),
    ("refused", "VERB", "VBD", "ROOT", 3, "refuse", "O"),
    (".", "PUNCT", ".", "punct", 3, ".", "O"),
]
LEADER_AS_SUBJECT: list[Row] = [
    ("Orban", "PROPN", "NNP", "nsubj", 1, "Orban", "B-PERSON"),
    ("refused", "VERB", "VBD", "ROOT", 1, "refuse", "O"),
    ("the", "DET", "DT", "det", 3, "the", "O"),
    ("offer", "NOUN", "NN", "dobj", 1, "offer", "O"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (TITLE_AS_CONJUNCT, {("Kenya", "Country"), ("Jane Otieno", "Leader"),
                             ("Paul Kamau", "Leader")}),
        (NAME_AS_CONJUNCT, {("Jane Otieno", "Person"), ("Achebe", "Person")}),
        (LEADER_AS_ADJECTIVE, {("Hungary", "Country")}),
        (LEADER_AS_SUBJECT, {("Viktor Orban", "Leader")}),
    ],
    ids=["title-conjunct-is-no-name", "name-conjunct-is-a-name", "leader-adjective-government",
         "leader-subject-stays"],
)  # fmt: skip
def test_misparsed_names(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    found = {(e.name, e.label.value) for e in component(parse(blank, rows))._.geokg_entities}
    assert found == expected
