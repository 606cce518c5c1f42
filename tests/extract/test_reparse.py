"""``geokg.extract.reparse``: clauses parsed again alone, in one batch, by the model's pipes."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Span

from geokg.extract.reparse import REREAD, may_relate, parse_alone


def test_the_reread_pipes_leave_out_the_entity_recogniser() -> None:
    assert "parser" in REREAD
    assert "ner" not in REREAD


@pytest.mark.model
def test_a_batch_is_read_as_each_clause_alone(nlp: Any) -> None:
    texts = ["Chile exports copper to China.", "Peru severed ties with Bolivia."]
    batch = parse_alone(nlp, [nlp.make_doc(t) for t in texts])
    for text, doc in zip(texts, batch, strict=True):
        with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in REREAD]):
            ref = nlp(text)
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc] == [
            (t.tag_, t.dep_, t.head.i, t.lemma_) for t in ref
        ]
        assert not doc.ents  # the recogniser did not run


@pytest.mark.model
def test_an_empty_batch_parses_nothing(nlp: Any) -> None:
    assert parse_alone(nlp, []) == []


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Any:
    doc = spacy.blank("en").make_doc(" ".join(words))
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in ents]
    return doc


def test_a_clause_is_worth_a_parse_with_two_names_or_a_name_and_a_pronoun() -> None:
    two = _doc(["Chile", "backs", "Peru"], [(0, 1, "GPE"), (2, 3, "GPE")])
    assert may_relate(two[0:3])
    assert may_relate(two[0:1], two[1:3])  # the names may lie in different parts
    pronoun = _doc(["Chile", "backs", "its", "allies"], [(0, 1, "GPE")])
    assert may_relate(pronoun[0:4])
    one = _doc(["Chile", "exports", "copper", "abroad"], [(0, 1, "GPE")])
    assert not may_relate(one[0:4])
    dated = _doc(["Chile", "met", "on", "Monday"], [(0, 1, "GPE"), (3, 4, "DATE")])
    assert not may_relate(dated[0:4])  # a date is no party
