"""The array scans find exactly the tokens a walk over every token would (entities/scan.py)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from geokg.extract.entities.scan import (
    lemma_or_lower_in,
    lower_in,
    text_in,
    text_where,
    unnamed_proper_nouns,
)
from geokg.extract.entities.syntax import ACRONYM_RE, lemma

# "Chile's Western allies and Democratic lawmakers met rebels in Peru; ARC and WEST said."
_WORDS = [
    "Chile", "'s", "Western", "allies", "and", "Democratic", "lawmakers", "met", "Rebels",
    "in", "Peru", ";", "ARC", "and", "WEST", "said", "Sino", "-", "Peruvian", "U.S.-led", ".",
]  # fmt: skip
_POS = [
    "PROPN", "PART", "ADJ", "NOUN", "CCONJ", "ADJ", "NOUN", "VERB", "NOUN",
    "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT", "ADJ", "ADJ",
    "PUNCT",
]  # fmt: skip
_LEMMAS = [
    "Chile", "'s", "western", "ally", "and", "democratic", "lawmaker", "meet", "rebel",
    "in", "Peru", ";", "ARC", "and", "WEST", "say", "", "-", "peruvian", "U.S.-led", ".",
]  # fmt: skip


def _doc(vocab: Any) -> Doc:
    return Doc(
        vocab,
        words=_WORDS,
        pos=_POS,
        lemmas=_LEMMAS,
        ents=["B-GPE", "O", "B-NORP", *["O"] * 7, "B-GPE", *["O"] * 10],
    )


def test_text_and_lower_scans_match_the_walk(vocab: Any) -> None:
    doc = _doc(vocab)
    words = {"Western", "and", "WEST", "absent"}
    assert text_in(doc, words) == [t.i for t in doc if t.text in words] == [2, 4, 13, 14]
    assert lower_in(doc, {"west", "western"}) == [2, 14]
    assert lower_in(doc, {"west", "western"}) == [
        t.i for t in doc if t.lower_ in ("west", "western")
    ]
    assert text_in(doc, ()) == [] and lower_in(doc, set()) == []


def test_text_where_tests_each_distinct_text(vocab: Any) -> None:
    doc = _doc(vocab)
    seen: list[str] = []

    def acronym(text: str) -> bool:
        seen.append(text)
        return ACRONYM_RE.match(text) is not None

    found = text_where(doc, acronym)
    assert found == [t.i for t in doc if ACRONYM_RE.match(t.text)] == [12, 14]
    assert sorted(seen) == sorted({t.text for t in doc})  # "and" is tested once


def test_lemma_or_lower_reads_lemma_then_form(vocab: Any) -> None:
    doc = _doc(vocab)
    # "rebel" by its lemma (the form is "Rebels"), "sino" by its text (empty lemma), "ally"
    # by its lemma, "lawmakers" by its form
    words = frozenset({"rebel", "sino", "ally", "lawmakers"})
    walk = [t.i for t in doc if lemma(t) in words or t.lower_ in words]
    assert lemma_or_lower_in(doc, words) == walk == [3, 6, 8, 16]


def test_unnamed_proper_nouns_skip_the_model_entities(vocab: Any) -> None:
    doc = _doc(vocab)
    walk = [t.i for t in doc if not t.ent_type_ and t.pos_ == "PROPN"]
    assert unnamed_proper_nouns(doc) == walk == [12, 14, 16]


def test_scans_of_an_empty_doc(vocab: Any) -> None:
    doc = Doc(vocab, words=[])
    assert text_in(doc, {"a"}) == lower_in(doc, {"a"}) == lemma_or_lower_in(doc, {"a"}) == []
    assert text_where(doc, bool) == unnamed_proper_nouns(doc) == []
