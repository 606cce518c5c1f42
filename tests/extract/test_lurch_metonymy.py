"""A capital left "in the lurch" is the state abandoned (SCHEMA.md metonymy; BETRAYS idiom).

"Moscow left Lima in the lurch": the object of the idiom is a party, so the capital names its
state; "the delegation left Lima on Monday" is a departure and leaves it a ``Place``.
Hand-built parses, model-free.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.entities.component import EntityComponent
from tests.extract.handparse import Row, parse

IN_THE_LURCH: list[Row] = [
    ("Moscow", "PROPN", "NNP", "nsubj", 1, "Moscow", "B-GPE"),
    ("left", "VERB", "VBD", "ROOT", 1, "leave", "O"),
    ("Lima", "PROPN", "NNP", "dobj", 1, "Lima", "B-GPE"),
    ("in", "ADP", "IN", "prep", 1, "in", "O"),
    ("the", "DET", "DT", "det", 5, "the", "O"),
    ("lurch", "NOUN", "NN", "pobj", 3, "lurch", "O"),
]
DEPARTED: list[Row] = [
    ("delegates", "NOUN", "NNS", "nsubj", 1, "delegate", "O"),
    ("left", "VERB", "VBD", "ROOT", 1, "leave", "O"),
    ("Lima", "PROPN", "NNP", "dobj", 1, "Lima", "B-GPE"),
    ("on", "ADP", "IN", "prep", 1, "on", "O"),
    ("Monday", "PROPN", "NNP", "pobj", 3, "Monday", "B-DATE"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(IN_THE_LURCH, "Country:Peru"), (DEPARTED, "Place:Lima")],
    ids=["in_the_lurch", "departed"],
)
def test_left_in_the_lurch(
    blank: Any, component: EntityComponent, rows: list[Row], expected: str
) -> None:
    doc = parse(blank, rows)
    found = {e.start: f"{e.label.value}:{e.name}" for e in component(doc)._.geokg_entities}
    assert found.get(2) == expected
