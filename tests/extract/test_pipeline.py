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
        # "U.S.-led", "U.N.-backed": split like "Saudi-led", so the participle is a word
        ("The U.S.-led coalition advanced.", ["U.S.", "-", "led"]),
        ("The U.N.-backed government held.", ["U.N.", "-", "backed"]),
        ("Kenya hosted the talks in Jan.-Feb. of that year.", ["Jan.-Feb"]),
        ("Peru-Chile ties improved.", ["Peru", "-", "Chile"]),
        # two dotted abbreviations: both names are words ("U.K.-U.S. talks")
        ("The U.K.-U.S. talks ended.", ["U.K.", "-", "U.S."]),
        ("The E.U.-U.S. deal held.", ["E.U.", "-", "U.S."]),
        # "co-founded" is one verb; the noun "co-founder" keeps its head word
        ("Chile co-founded the bloc.", ["Chile", "co-founded", "the"]),
        ("Chile, a co-founder of the bloc, objected.", ["co", "-", "founder"]),
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


@pytest.mark.parametrize("form", ["hopes", "hoped", "hoping"])
def test_pipeline_hope_is_not_hop(nlp: Any, form: str) -> None:
    doc = nlp.make_doc(f"Kenya {form} to join.")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc[1].lemma_ == "hope"


def test_pipeline_hopes_to_restore_ties_is_hedged(nlp: Any) -> None:
    doc = nlp("Brazil hopes to restore relations with Paraguay.")
    rels = [
        (r.source.name, r.type.value, r.target.name, r.modality.value) for r in get_relations(doc)
    ]
    assert rels == [("Brazil", "PARTNERS_WITH", "Paraguay", "hedged")]


def test_pipeline_hop_keeps_its_lemma(nlp: Any) -> None:
    assert nlp("Frogs hopped across the road.")[1].lemma_ == "hop"


def test_pipeline_dotted_pair_gives_both_entities_and_the_pair(nlp: Any) -> None:
    doc = nlp("U.K.-U.S. talks ended on Friday.")
    assert {e.name for e in get_entities(doc)} == {"United Kingdom", "United States"}
    rels = {(r.type.value, frozenset((r.source.name, r.target.name))) for r in get_relations(doc)}
    assert rels == {("MEETS", frozenset({"United Kingdom", "United States"}))}
