"""The ``geokg_acronym_words`` component: "IS" read as the verb "is" in running text."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.annotations import get_relations


def _rels(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    return {(r.source.name, r.type.value, r.target.name) for r in get_relations(nlp(text))}


@pytest.mark.model
def test_the_component_comes_first_of_the_repairs(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("ner") < names.index("geokg_acronym_words")
    assert names.index("geokg_acronym_words") < names.index("geokg_headline_verbs")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("IS fighters attacked a Chadian army base.", ("ISIL", "ATTACKS", "Chad")),
        ("Kenyan jets struck IS positions near the border.", ("Kenya", "ATTACKS", "ISIL")),
        ("Malian troops killed three senior IS commanders.", ("Mali", "ATTACKS", "ISIL")),
    ],
)
def test_a_misread_acronym_is_read_as_a_name(
    nlp: Any, text: str, relation: tuple[str, str, str]
) -> None:
    doc = nlp(text)
    acronym = next(t for t in doc if t.text == "IS")
    assert acronym.pos_ not in ("AUX", "VERB", "PRON")
    assert relation in _rels(nlp, text)


@pytest.mark.model
def test_the_word_in_a_line_of_capitals_keeps_its_reading(nlp: Any) -> None:
    doc = nlp("WHAT IS NEXT FOR CHAD")
    assert next(t for t in doc if t.text == "IS").pos_ == "AUX"
    assert {e.text for e in doc.ents if e.label_ == "ORG"} == set()


@pytest.mark.model
def test_a_sentence_without_the_acronym_is_left_as_read(nlp: Any) -> None:
    text = "Chad is a member of the African Union."
    doc = nlp(text)
    bare = nlp.get_pipe("geokg_acronym_words")
    assert [t.dep_ for t in bare(doc)] == [t.dep_ for t in nlp(text)]
