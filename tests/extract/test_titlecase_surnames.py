"""A listed person's surname keeps its capital in a headline when the document names them in full.

The normaliser lowercases a common word of a Title Case line; a surname that is also a common
word ("Lopez" in a word list, "Brown", "Young") would lose its capital and the entity rules
would miss the person. Where the document's running text writes the full name ("Ana Lopez"),
the bare surname in its headlines is that name and keeps its capital; without the full name in
the text, or in running text, nothing changes.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.titlecase import TitleCaseNormaliser

COMMON = {"meet", "in", "back", "young", "voter", "lopez", "brown", "price", "rise", "hold", "talk"}
NAMES = {"Peru", "Chile", "Lima"}
PEOPLE = {"Ana Lopez", "Tom Brown", "Ruiz"}


@pytest.fixture()
def norm() -> TitleCaseNormaliser:
    return TitleCaseNormaliser(
        common=COMMON, names=NAMES, verbs={"meet", "back", "hold"}, people=PEOPLE
    )


@pytest.mark.parametrize(
    "text,headline",
    [
        # the running text names the person in full: the surname keeps its capital
        (
            "Chile Meets Lopez In Lima\n\nChile's envoy met Peru's Ana Lopez in Lima on Monday.\n",
            "Chile meets Lopez in Lima",
        ),
        (
            "Young Voters Back Lopez\n\nYoung voters in Peru backed Ana Lopez in the vote.\n",
            "Young voters back Lopez",
        ),
        # a sentence full of names (itself Title Case) still counts: it ends with a stop
        (
            "Chile Meets Brown In Lima\n\nPeru Envoy Tom Brown Met Chile Officials In Lima.\n",
            "Chile meets Brown in Lima",
        ),
        # no full name in the running text: the common word is lowercased as before
        (
            "Chile Meets Lopez In Lima\n\nThe two sides met in Lima on Monday.\n",
            "Chile meets lopez in Lima",
        ),
        (
            "Brown Prices Rise In Peru\n\nPrices of brown rice rose in Peru this week.\n",
            "Brown prices rise in Peru",
        ),
        # the full name only in another headline is no evidence
        ("Chile Meets Lopez In Lima\nAna Lopez Holds Talks In Lima\n", "Chile meets lopez in Lima"),
    ],
)
def test_surname_of_a_person_named_in_the_text_keeps_its_capital(
    norm: TitleCaseNormaliser, text: str, headline: str
) -> None:
    out = norm(text)
    assert len(out) == len(text)
    assert out.split("\n")[0] == headline


def test_one_word_names_are_no_full_names(norm: TitleCaseNormaliser) -> None:
    """A one-word listed name ("Ruiz") gives no surname: only full names do."""
    assert norm.people == frozenset({("Ana", "Lopez"), ("Tom", "Brown")})


def test_running_text_is_never_changed(norm: TitleCaseNormaliser) -> None:
    text = "Ana Lopez met young voters in Lima.\n"
    assert norm(text) == text


@pytest.mark.model
def test_headline_surname_is_the_listed_leader_end_to_end(nlp: Any) -> None:
    """The bare surname in the headline becomes the listed leader the body names in full."""
    from dataclasses import dataclass

    from geokg.extract.extractor import Extractor

    @dataclass
    class TextDocument:
        name: str
        text: str

    text = (
        "Biden Meets Sanchez In Washington\n\n"
        "President Joe Biden met Prime Minister Pedro Sanchez of Spain at the White House.\n"
    )
    with Extractor(nlp=nlp) as ex:
        result = ex.extract_one(TextDocument(name="h.txt", text=text))
    headline = [r for r in result.relations if r.sentence.start == 0]
    assert {(r.source, r.type.value, r.target) for r in headline} >= {
        ("Joe Biden", "MEETS", "Pedro Sanchez")
    }
