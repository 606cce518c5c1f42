"""The ``geokg_mid_asides`` component: a clause that an aside after its opening name broke.

``data/relations/mid_asides.jsonl`` holds constructed sentences with an apposition, a relative
clause or a date between the opening name and its verb, frozen as the model parses them
WITHOUT the repair (``ner``: the recogniser's spans then); ``expected`` is what the full
pipeline finds with it. The signs are tested on the frozen parses; the re-reading needs the
model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Span

from geokg.extract.annotations import get_relations
from geokg.extract.mid_asides import aside_bounds
from geokg.extract.relations import RelationComponent

from .test_relations import build_doc, expected_set, relation_set

ROWS_FILE = Path(__file__).parent / "data" / "relations" / "mid_asides.jsonl"
ROWS: dict[str, dict[str, Any]] = {
    row["id"]: row
    for row in (json.loads(x) for x in ROWS_FILE.read_text(encoding="utf-8").splitlines() if x)
}
# the sentences the model misreads with the aside: (name end, rest start, kind)
BROKEN = {
    "mid_appos_largest_economy": (1, 9, "appos"),
    "mid_appos_main_backer": (1, 9, "appos"),
    "mid_appos_biggest_donor": (3, 11, "appos"),
    "mid_relative_coveted": (1, 9, "relcl"),
    "mid_time_weekday": (1, 3, "time"),
    "mid_relative_hosted": (1, 9, "relcl"),
    "mid_appos_holding_relative": (1, 11, "appos"),
    "mid_relative_stray_adverb": (1, 10, "relcl"),
}
# the others: an aside naming a party of its own, or a verb the model read with its subject
LEFT_ALONE = sorted(set(ROWS) - set(BROKEN))


def _frozen(vocab: Any, case_id: str) -> Any:
    row = ROWS[case_id]
    doc = build_doc(vocab, row)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in row["ner"]]
    return doc


@pytest.mark.parametrize("case_id", sorted(ROWS))
def test_only_a_broken_clause_after_an_aside_is_read_again(vocab: Any, case_id: str) -> None:
    found = aside_bounds(next(iter(_frozen(vocab, case_id).sents)))
    assert found == BROKEN.get(case_id)


@pytest.mark.parametrize("case_id", sorted(BROKEN))
def test_the_frozen_misreading_loses_the_relation(vocab: Any, case_id: str) -> None:
    # without the repair no rule finds the verb's agent: what the component mends
    doc = RelationComponent()(_frozen(vocab, case_id))
    assert not expected_set(ROWS[case_id]) & relation_set(get_relations(doc))


@pytest.mark.model
def test_the_component_follows_the_parse_and_precedes_the_rules(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("geokg_reported_clauses") < names.index("geokg_mid_asides")
    assert names.index("geokg_mid_asides") < names.index("geokg_entities")


@pytest.mark.model
@pytest.mark.parametrize("case_id", sorted(ROWS))
def test_the_pipeline_finds_the_plain_sentences_relations(nlp: Any, case_id: str) -> None:
    row = ROWS[case_id]
    assert relation_set(get_relations(nlp(row["text"]))) == expected_set(row)


@pytest.mark.model
@pytest.mark.parametrize("case_id", sorted(BROKEN))
def test_the_clause_is_read_without_the_aside(nlp: Any, case_id: str) -> None:
    text = ROWS[case_id]["text"]
    doc = nlp(text)
    name_end, rest_start, kind = BROKEN[case_id]
    root = next(iter(doc.sents)).root
    assert root.i >= rest_start
    assert root.pos_ == "VERB"
    assert any(c.dep_ == "nsubj" and c.i < name_end for c in root.children)
    if kind == "time":
        assert all(root in t.ancestors for t in doc[name_end:rest_start])
    else:
        aside = [t for t in doc[name_end + 1 : rest_start - 1] if t.head.i < name_end]
        assert [t.dep_ for t in aside] == [kind]
    with nlp.select_pipes(disable=["geokg_mid_asides"]):
        raw = nlp(text)
    assert [(t.text, t.idx) for t in raw] == [(t.text, t.idx) for t in doc]
    assert [(e.text, e.label_) for e in raw.ents] == [(e.text, e.label_) for e in doc.ents]
    # the aside keeps the model's own reading inside it
    inner = range(name_end + 1, rest_start - 1) if kind != "time" else range(0)
    for i in inner:
        if name_end < raw[i].head.i < rest_start - 1:
            assert (doc[i].dep_, doc[i].head.i) == (raw[i].dep_, raw[i].head.i)


@pytest.mark.model
@pytest.mark.parametrize("case_id", LEFT_ALONE)
def test_a_sentence_without_the_signs_is_left_as_read(nlp: Any, case_id: str) -> None:
    text = ROWS[case_id]["text"]
    doc = nlp(text)
    with nlp.select_pipes(disable=["geokg_mid_asides"]):
        raw = nlp(text)
    assert [(t.dep_, t.head.i, t.tag_) for t in doc] == [(t.dep_, t.head.i, t.tag_) for t in raw]


@pytest.mark.model
def test_an_apposition_stating_a_relation_keeps_it(nlp: Any) -> None:
    rels = relation_set(get_relations(nlp(ROWS["mid_appos_names_party"]["text"])))
    assert ("Chile", "PARTNERS_WITH", "Peru", False, "asserted") in rels


@pytest.mark.model
def test_a_word_of_the_aside_hung_outside_it_goes_back_to_it(nlp: Any) -> None:
    text = ROWS["mid_relative_stray_adverb"]["text"]
    with nlp.select_pipes(disable=["geokg_mid_asides"]):
        raw = nlp(text)
    assert raw[8].text == "closely"
    assert raw[8].head.i > 9  # the model hung it on a word after the aside
    doc = nlp(text)
    assert (doc[8].dep_, doc[8].head.text) == ("advmod", "watched")
