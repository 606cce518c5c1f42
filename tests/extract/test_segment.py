"""Paragraph breaks start sentences; single line breaks and spaces do not."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.segment import ParagraphBoundaries


@pytest.mark.parametrize(
    "words,spaces,starts",
    [
        (["Headline", "\n\n", "Text", "."], [False, False, False, False], [2]),
        (["One", ".", "\n", "Two", "."], [False, False, False, False, False], []),
        (["A", "B", "\n\n\n", "C"], [True, False, False, False], [3]),
    ],
)
def test_segment_blank_line_starts_sentence(
    vocab: Any, words: list[str], spaces: list[bool], starts: list[int]
) -> None:
    doc = Doc(vocab, words=words, spaces=spaces)
    ParagraphBoundaries()(doc)
    assert [t.i for t in doc if t.is_sent_start and t.i > 0] == starts


@pytest.mark.model
def test_segment_headline_without_full_stop_is_its_own_sentence(nlp: Any) -> None:
    doc = nlp("Russia Nears Deal With Syria\n\nThe setback is large. It is clear.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Russia Nears Deal With Syria",
        "The setback is large.",
    ]
