"""The pipeline's tokenizer on the pinned model: names joined by a hyphen after an abbreviation."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.annotations import get_entities, get_relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text,pieces",
    [
        ("U.S.-China relations improved.", ["U.S.", "-", "China"]),
        ("The U.K.-France dispute deepened.", ["U.K.", "-", "France"]),
        ("The U.S.-led coalition advanced.", ["U.S.-led"]),
        ("Peru-Chile ties improved.", ["Peru", "-", "Chile"]),
    ],
)
def test_pipeline_splits_name_pairs_after_abbreviations(
    nlp: Any, text: str, pieces: list[str]
) -> None:
    words = [t.text for t in nlp.make_doc(text)]
    start = next(i for i, w in enumerate(words) if w == pieces[0])
    assert words[start : start + len(pieces)] == pieces


def test_pipeline_name_pair_gives_both_entities_and_the_pair(nlp: Any) -> None:
    doc = nlp("U.S.-Japan ties have grown stronger.")
    assert {e.name for e in get_entities(doc)} == {"United States", "Japan"}
    rels = {(r.source.name, r.type.value, r.target.name) for r in get_relations(doc)}
    assert len(rels) == 1
    (source, rtype, target) = next(iter(rels))
    assert rtype == "PARTNERS_WITH"
    assert {source, target} == {"United States", "Japan"}


def test_pipeline_name_pair_split_is_added_once(nlp: Any) -> None:
    from geokg.extract.pipeline import _NAME_HYPHEN_INFIX, _split_name_pairs

    _split_name_pairs(nlp)
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    assert pattern.count(_NAME_HYPHEN_INFIX) == 1
