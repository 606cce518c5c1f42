"""Founders are members (``founding.v1``) and the tokenizer pieces it needs, model-free.

The rule itself is tested on frozen parses (``data/relations/cases.jsonl``, ids
``founding_*``); here the tokenizer changes on a blank English pipeline and the word lists.
"""

from __future__ import annotations

import pytest
import spacy

from geokg.extract.pipeline import _split_name_pairs
from geokg.extract.relations.lexicon import DEFAULT_PATTERNS_DIR, RelationLexicon


@pytest.mark.parametrize(
    "text,pieces",
    [
        ("the U.K.-U.S. base", ["U.K.", "-", "U.S."]),
        ("U.S.-U.K. talks", ["U.S.", "-", "U.K."]),
        ("the E.U.-U.S. deal", ["E.U.", "-", "U.S."]),
        ("the U.S.-China talks", ["U.S.", "-", "China"]),
        ("Chile co-founded it", ["co-founded"]),
        ("Co-founding members", ["Co-founding"]),
        ("a co-founder of it", ["co", "-", "founder"]),
    ],
)
def test_tokenizer_splits_dotted_pairs_and_keeps_cofounded(text: str, pieces: list[str]) -> None:
    nlp = spacy.blank("en")
    before = [t.text for t in nlp.make_doc(text)]
    _split_name_pairs(nlp)
    words = [t.text for t in nlp.make_doc(text)]
    start = next(i for i, w in enumerate(words) if w == pieces[0])
    assert words[start : start + len(pieces)] == pieces
    if text.startswith(("the U.K.", "U.S.-U.K.", "the E.U.")):
        assert before != words  # the blank rules keep the pair as one token


def test_founding_word_lists_are_loaded() -> None:
    lex = RelationLexicon.from_dir(DEFAULT_PATTERNS_DIR)
    assert {"found", "co-found", "set up"} <= lex.founding_verbs
    assert "set" in lex.founding_heads
    assert "alliance" in lex.founding_org_kinds
    assert lex.confidence("founding.v1", 0.0) > 0.0
