"""A listed leader's possessive before a government noun names the leader's state as well.

Hand-built parses of constructed sentences (exact and model-free): "Lula's government refused"
gives Lula and Brazil (SCHEMA.md: a state's organs acting for it name the state); a compound
("Lula's government spokesman") or another noun ("Lula's visit") names no state.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from geokg.extract.entities import EntityComponent

# One token per row: word, pos, tag, dep, head (absolute index), lemma, NER IOB tag.
Row = tuple[str, str, str, str, int, str, str]

LULA = "Luiz Inacio Lula da Silva"


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def component(blank: Any) -> EntityComponent:
    return EntityComponent(blank)


def parse(blank: Any, rows: list[Row]) -> Doc:
    words, pos, tags, deps, heads, lemmas, ents = (list(x) for x in zip(*rows, strict=True))
    return Doc(
        blank.vocab,
        words=words,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        ents=ents,
    )


def _possessive(rest: list[Row]) -> list[Row]:
    return [
        ("Lula", "PROPN", "NNP", "poss", 2, "Lula", "B-PERSON"),
        ("'s", "PART", "POS", "case", 0, "'s", "O"),
        *rest,
    ]


GOVERNMENT: list[Row] = _possessive(
    [
        ("government", "NOUN", "NN", "nsubj", 3, "government", "O"),
        ("refused", "VERB", "VBD", "ROOT", 3, "refuse", "O"),
    ],
)
CABINET: list[Row] = _possessive(
    [
        ("cabinet", "NOUN", "NN", "nsubj", 3, "cabinet", "O"),
        ("met", "VERB", "VBD", "ROOT", 3, "meet", "O"),
    ],
)
SPOKESMAN: list[Row] = _possessive(
    [
        ("government", "NOUN", "NN", "compound", 3, "government", "O"),
        ("spokesman", "NOUN", "NN", "nsubj", 4, "spokesman", "O"),
        ("spoke", "VERB", "VBD", "ROOT", 4, "speak", "O"),
    ],
)
VISIT: list[Row] = _possessive(
    [
        ("visit", "NOUN", "NN", "nsubj", 3, "visit", "O"),
        ("ended", "VERB", "VBD", "ROOT", 3, "end", "O"),
    ],
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (GOVERNMENT, {(LULA, "Leader"), ("Brazil", "Country")}),
        (CABINET, {(LULA, "Leader"), ("Brazil", "Country")}),
        (SPOKESMAN, {(LULA, "Leader")}),
        (VISIT, {(LULA, "Leader")}),
    ],
    ids=["government-names-the-state", "cabinet-names-the-state", "compound-names-none",
         "other-noun-names-none"],
)  # fmt: skip
def test_leader_possessive_government(
    blank: Any, component: EntityComponent, rows: list[Row], expected: set[tuple[str, str]]
) -> None:
    found = {(e.name, e.label.value) for e in component(parse(blank, rows))._.geokg_entities}
    assert found == expected
