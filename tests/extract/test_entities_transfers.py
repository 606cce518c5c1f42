"""Entities in news of arms and money transfers (hand-built parses of constructed sentences).

A demonym before a weapon named by a collective noun ("French fighter jets") names the state,
not a Group; a state right before an amount is a party when it is the verb's indirect object
("owes Chile $7 billion"), though "Singapore $5 million" stays a currency.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.entities import EntityComponent
from tests.extract.handparse import Row, parse

FIGHTER_JETS: list[Row] = [
    ("Peru", "PROPN", "NNP", "nsubj", 1, "Peru", "B-GPE"),
    ("bought", "VERB", "VBD", "ROOT", 1, "buy", "O"),
    ("French", "ADJ", "JJ", "amod", 4, "french", "B-NORP"),
    ("fighter", "NOUN", "NN", "compound", 4, "fighter", "O"),
    ("jets", "NOUN", "NNS", "dobj", 1, "jet", "O"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]
FIGHTERS_GROUP: list[Row] = [
    ("French", "ADJ", "JJ", "amod", 1, "french", "B-NORP"),
    ("fighters", "NOUN", "NNS", "nsubj", 2, "fighter", "O"),
    ("arrived", "VERB", "VBD", "ROOT", 2, "arrive", "O"),
    (".", "PUNCT", ".", "punct", 2, ".", "O"),
]
OWES_STATE_AMOUNT: list[Row] = [
    ("Peru", "PROPN", "NNP", "nsubj", 1, "Peru", "B-GPE"),
    ("owes", "VERB", "VBZ", "ROOT", 1, "owe", "O"),
    ("Chile", "PROPN", "NNP", "dative", 1, "Chile", "B-GPE"),
    ("$", "SYM", "$", "quantmod", 5, "$", "B-MONEY"),
    ("7", "NUM", "CD", "compound", 5, "7", "I-MONEY"),
    ("billion", "NUM", "CD", "dobj", 1, "billion", "I-MONEY"),
    (".", "PUNCT", ".", "punct", 1, ".", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (FIGHTER_JETS, {("Peru", "Country"), ("France", "Country")}),
        (FIGHTERS_GROUP, {("French fighters", "Group")}),
        (OWES_STATE_AMOUNT, {("Peru", "Country"), ("Chile", "Country")}),
    ],
    ids=["weapon-demonym-names-state", "fighters-alone-are-group", "dative-state-before-amount"],
)
def test_entities_transfers(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    found = {(e.name, e.label.value) for e in component(parse(blank, rows))._.geokg_entities}
    assert found == expected
