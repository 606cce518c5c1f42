"""``geokg.extract.reparse``: clauses parsed again alone, in one batch, by the model's pipes."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.reparse import REREAD, parse_alone


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
