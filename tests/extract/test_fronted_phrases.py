"""The ``geokg_fronted_phrases`` component: a main clause that a fronted phrase broke.

``data/relations/fronted_phrases.jsonl`` holds constructed sentences opening with a fronted
phrase ("According to the ministry, ...", "On Friday, ...", "While the summit went on, ..."),
frozen as the model parses them WITHOUT the repair; ``expected`` is what the full pipeline
finds with it. The model-free tests mend the frozen parse by re-attachment alone; the
re-reading of a clause needs the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geokg.extract.annotations import get_relations
from geokg.extract.fronted_phrases import fronted_subject, mend_sentence
from geokg.extract.relations import RelationComponent

from .test_relations import build_doc, expected_set, relation_set

ROWS_FILE = Path(__file__).parent / "data" / "relations" / "fronted_phrases.jsonl"
ROWS: dict[str, dict[str, Any]] = {
    row["id"]: row
    for row in (json.loads(x) for x in ROWS_FILE.read_text(encoding="utf-8").splitlines() if x)
}
# the fronted clause's verb became the root: only the model's re-reading mends these
REREAD_ONLY = frozenset({"fronted_clause_swallowed_root"})
# sentences whose subject the fronted phrase took, re-attached without the model (the model
# reads the others right: they must be left alone)
TAKEN = {
    "fronted_clause_after_talks": "Ghana",
    "fronted_source_troops": "Ethiopia",
    "fronted_source_then_pair": "Peru",
}


@pytest.fixture(scope="module")
def component() -> RelationComponent:
    return RelationComponent()


def _mended(vocab: Any, case_id: str) -> Any:
    doc = build_doc(vocab, ROWS[case_id])
    for sent in list(doc.sents):
        mend_sentence(sent)
    return doc


@pytest.mark.parametrize("case_id", sorted(set(ROWS) - REREAD_ONLY))
def test_mended_frozen_parse_gives_the_plain_sentences_relations(
    vocab: Any, component: RelationComponent, case_id: str
) -> None:
    doc = component(_mended(vocab, case_id))
    assert relation_set(get_relations(doc)) == expected_set(ROWS[case_id])


@pytest.mark.parametrize("case_id", sorted(ROWS))
def test_only_a_subject_after_the_comma_is_reattached(vocab: Any, case_id: str) -> None:
    doc = build_doc(vocab, ROWS[case_id])
    found = fronted_subject(next(iter(doc.sents)))
    if case_id not in TAKEN:
        assert found is None
        return
    assert found is not None
    verb, subj, _ = found
    assert subj.text == TAKEN[case_id]
    assert subj.i > next(t.i for t in doc if t.text == ",")
    mend_sentence(next(iter(doc.sents)))
    assert subj.head.i == verb.i
    assert subj.dep_ == "nsubj"


def test_an_adverbial_aside_moves_to_the_verb(vocab: Any) -> None:
    after = _mended(vocab, "fronted_clause_after_talks")
    assert next(t for t in after if t.lower_ == "after").head.text == "said"
    assert all(t.head.text in ("said", "went") for t in after if t.text == ",")


@pytest.mark.parametrize("case_id", ["fronted_source_is_no_actor", "fronted_source_pair_no_actor"])
def test_a_name_in_the_fronted_source_is_never_the_actor(
    vocab: Any, component: RelationComponent, case_id: str
) -> None:
    doc = component(_mended(vocab, case_id))
    sources = {r.source.name for r in get_relations(doc)}
    assert not sources & {"Chile"}
    assert relation_set(get_relations(doc)) == expected_set(ROWS[case_id])


def test_a_pronoun_continues_the_nearest_of_two_fronted_clauses(
    vocab: Any, component: RelationComponent
) -> None:
    doc = component(_mended(vocab, "fronted_two_clauses_pronoun"))
    rels = relation_set(get_relations(doc))
    assert ("Ghana", "SANCTIONS", "Mali", False, "asserted") in rels
    assert not any(r[0] == "Togo" for r in rels)


@pytest.mark.model
def test_the_component_follows_the_parse_and_precedes_the_rules(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("ner") < names.index("geokg_fronted_phrases")
    assert names.index("geokg_fronted_phrases") < names.index("geokg_entities")


@pytest.mark.model
@pytest.mark.parametrize("case_id", sorted(ROWS))
def test_the_pipeline_finds_the_plain_sentences_relations(nlp: Any, case_id: str) -> None:
    row = ROWS[case_id]
    assert relation_set(get_relations(nlp(row["text"]))) == expected_set(row)


@pytest.mark.model
def test_a_swallowed_clause_is_read_again_alone(nlp: Any) -> None:
    text = ROWS["fronted_clause_swallowed_root"]["text"]
    doc = nlp(text)
    verb = next(t for t in doc if t.text == "hurled")
    assert verb.dep_ == "ROOT"
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["Bolivia"]
    assert next(t for t in doc if t.text == "went").head.i == verb.i
    with nlp.select_pipes(disable=["geokg_fronted_phrases"]):
        raw = nlp(text)
    assert [t.text for t in raw] == [t.text for t in doc]
    assert [e.text for e in raw.ents] == [e.text for e in doc.ents]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In talks with Peru, Chile agreed to cut tariffs.",
        "On Monday, Ghana accused Togo of arming rebels.",
        "According to Chile, Peru attacked Bolivia.",
        # a main clause before the first comma is no fronted phrase
        "Ghana closed its border on Monday, citing attacks by rebels from Mali.",
        "One of the rebel leaders is Tomas Varga, named in 2019 by Chile as a threat.",
        # the fronted phrase goes on after its comma
        "According to a Chilean official, who asked not to be named, Peru recalled its envoy.",
    ],
)
def test_a_main_verb_with_its_subject_is_left_as_read(nlp: Any, text: str) -> None:
    doc = nlp(text)
    with nlp.select_pipes(disable=["geokg_fronted_phrases"]):
        raw = nlp(text)
    assert [(t.dep_, t.head.i, t.tag_) for t in doc] == [(t.dep_, t.head.i, t.tag_) for t in raw]
