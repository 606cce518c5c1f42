"""The ``geokg_lemmas`` component: cue verbs keep their lemma through the model's lemmatizer."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.relations.lemmas import _spelled, inflections


def test_inflections_spell_regular_forms() -> None:
    assert inflections("wage") == {"waged": "VBD", "waging": "VBG", "wages": "VBZ"}
    assert inflections("ally") == {"allied": "VBD", "allies": "VBZ", "allying": "VBG"}
    assert inflections("bomb") == {"bombed": "VBD", "bombing": "VBG", "bombs": "VBZ"}
    assert set(inflections("ban")) >= {"banned", "banning", "bans"}
    assert inflections("sanction")["sanctions"] == "VBZ"


def test_one_syllable_verbs_double_their_consonant() -> None:
    # "waged" cannot be a form of "wag"; "routed" is a form of both "rout" and "route"
    assert "waged" not in _spelled("wag")
    assert "wagged" in _spelled("wag")
    assert "routed" in _spelled("rout")
    assert "targeted" in _spelled("target")
    assert "targetted" not in _spelled("target")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Kenya waged a long war against the rebels.", "waged", "wage"),
        ("The regulator fined the company in May.", "fined", "fine"),
        ("The militants staged an attack on the town.", "staged", "stage"),
        ("The army is waging a campaign in the north.", "waging", "wage"),
    ],
)
def test_cue_verbs_get_their_lemma(nlp: Any, text: str, form: str, lemma: str) -> None:
    doc = nlp(text)
    [tok] = [t for t in doc if t.text == form]
    assert tok.lemma_ == lemma


@pytest.mark.model
def test_forms_of_two_verbs_keep_the_models_reading(nlp: Any) -> None:
    repairs = nlp.get_pipe("geokg_lemmas").repairs
    assert "routed" not in repairs  # rout or route: the model decides
    assert repairs["waged"] == "wage"
    doc = nlp("The stages of the plan were set.")
    assert [t.lemma_ for t in doc if t.text == "stages"] == ["stage"]  # a noun: untouched


@pytest.mark.model
def test_waged_war_is_an_attack(nlp: Any) -> None:
    from geokg.extract.annotations import get_relations

    doc = nlp("Ethiopia waged a war against Eritrea in 1998.")
    assert [(r.source.name, r.type.value, r.target.name) for r in get_relations(doc)] == [
        ("Ethiopia", "ATTACKS", "Eritrea")
    ]
