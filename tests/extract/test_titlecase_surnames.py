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


ORDINARY_COMMON = COMMON | {
    "may", "bear", "spot", "near", "government", "face", "revolt", "win", "resume", "vote", "met"
}  # fmt: skip
ORDINARY_VERBS = {"meet", "back", "hold", "spot", "face", "win", "bear", "revolt"}


@pytest.fixture()
def ordinary() -> TitleCaseNormaliser:
    return TitleCaseNormaliser(
        common=ORDINARY_COMMON,
        names=NAMES,
        verbs=ORDINARY_VERBS,
        people={"Ana May", "Tom Brown"},
        verb_forms={"met", "won"},
        leader_nouns={"government", "administration"},
    )


@pytest.mark.parametrize(
    "text,headline",
    [
        # after "in": the month, not the person
        (
            "Chile Talks Resume In May\n\nPeru's Ana May said the talks would resume.\n",
            "Chile talks resume in may",
        ),
        # before a common noun it modifies: the word, even as the line's first word
        (
            "Brown Bear Spotted Near Lima\n\nTom Brown visited Lima on Monday.\n",
            "brown bear spotted near Lima",
        ),
        # before a leader's noun or a verb, and as an object: still the person
        (
            "May Government Faces Revolt\n\nAna May faced a revolt in Lima.\n",
            "May government faces revolt",
        ),
        ("Brown Wins Vote In Peru\n\nTom Brown won a vote in Peru.\n", "Brown wins vote in Peru"),
        ("May Met Brown In Lima\n\nAna May met Tom Brown in Lima.\n", "May met Brown in Lima"),
        ("Young Voters Back May\n\nYoung voters backed Ana May.\n", "Young voters back May"),
    ],
)
def test_surname_used_as_a_common_word_is_that_word(
    ordinary: TitleCaseNormaliser, text: str, headline: str
) -> None:
    out = ordinary(text)
    assert len(out) == len(text)
    assert out.split("\n")[0] == headline


@pytest.mark.parametrize(
    "line,changed",
    [
        # a short sentence of names with a lowercase verb and a stop is running text
        ("Chile backed Peru Oil Holdings.", False),
        # a headline (no stop, or no lowercase verb) is still given sentence case
        ("Chile Backs Peru Oil Holdings", True),
        ("Chile Backs Peru Holdings.", True),
    ],
)
def test_short_sentence_full_of_names_is_running_text(
    ordinary: TitleCaseNormaliser, line: str, changed: bool
) -> None:
    assert (ordinary.line(line) != line) is changed


@pytest.mark.model
def test_headline_surname_as_a_common_word_is_no_leader_end_to_end(nlp: Any) -> None:
    """A month or a modifier that spells a leader's surname is no mention of the leader."""
    from dataclasses import dataclass

    from geokg.extract.extractor import Extractor

    @dataclass
    class TextDocument:
        name: str
        text: str

    docs = {
        "month.txt": "Trade Talks To Resume In May\n\nTheresa May said the talks would go on.\n",
        "bear.txt": "Brown Bear Spotted Near Glasgow\n\nGordon Brown toured Glasgow on Friday.\n",
        "gov.txt": "May Government Faces Revolt\n\nTheresa May faced a revolt in parliament.\n",
    }
    headline: dict[str, set[str]] = {}
    with Extractor(nlp=nlp) as ex:
        for name, text in docs.items():
            result = ex.extract_one(TextDocument(name=name, text=text))
            end = text.index("\n")
            headline[name] = {e.name for e in result.entities if e.start < end}
    assert "Theresa May" not in headline["month.txt"]
    assert "Gordon Brown" not in headline["bear.txt"]
    assert "Theresa May" in headline["gov.txt"]
