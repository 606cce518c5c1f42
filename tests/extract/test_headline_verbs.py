"""The ``geokg_headline_verbs`` component: a headline's present verb the model read as a noun."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.annotations import get_relations


def _rels(nlp: Any, text: str) -> set[tuple[str, str, str, bool, str]]:
    return {
        (r.source.name, r.type.value, r.target.name, r.negated, r.modality.value)
        for r in get_relations(nlp(text))
    }


@pytest.mark.model
def test_the_component_follows_the_entity_recogniser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("ner") < names.index("geokg_headline_verbs") < names.index("geokg_entities")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # a third-person present read as a plural noun after the subject
        ("Peru severs ties with Chile", ("Peru", "BREAKS_WITH", "Chile", False, "asserted")),
        (
            "Ghana severs diplomatic ties with Togo",
            ("Ghana", "BREAKS_WITH", "Togo", False, "asserted"),
        ),
        # a bare present after a listed subject read as a compound, or as an adverb
        ("Chile, Peru ink accord", ("Peru", "AGREES_WITH", "Chile", False, "asserted")),
        ("Chile and Peru back Bolivia.", ("Chile", "SUPPORTS", "Bolivia", False, "asserted")),
    ],
)
def test_a_misread_headline_verb_is_read_again(
    nlp: Any, text: str, relation: tuple[str, str, str, bool, str]
) -> None:
    rels = _rels(nlp, text)
    flipped = (relation[2], relation[1], relation[0], *relation[3:])
    assert relation in rels or flipped in rels


@pytest.mark.model
def test_the_reread_word_keeps_its_offsets_tense_and_lemma(nlp: Any) -> None:
    doc = nlp("Peru severs ties with Chile")
    verb = doc[1]
    assert (verb.text, verb.idx, verb.pos_, verb.tag_, verb.lemma_) == (
        "severs",
        5,
        "VERB",
        "VBZ",
        "sever",
    )
    assert verb.head.i == verb.i
    assert [e.text for e in doc.ents] == ["Peru", "Chile"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Peru severed ties with Chile on Monday.",  # a sentence with a verb: untouched
        "US sanctions",  # nothing after the word: a noun phrase
        "Chile trade figures for May",  # "trade" after one name is no plural subject's verb
    ],
)
def test_lines_with_a_verb_or_no_headline_verb_keep_the_models_reading(nlp: Any, text: str) -> None:
    doc = nlp(text)
    with nlp.select_pipes(disable=["geokg_headline_verbs"]):
        ref = nlp(text)
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in ref]
