"""The ``geokg_reported_clauses`` component: a statement with its attribution read as the bare
statement is read. The rules on the re-read parses are tested on frozen cases
(``data/relations/cases.jsonl``, behaviour ``reported_clause``)."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.annotations import get_relations
from geokg.extract.reported_clauses import adjunct_bounds, statement_bounds


def _rels(nlp: Any, text: str) -> set[tuple[str, str, str, bool, str]]:
    return {
        (r.source.name, r.type.value, r.target.name, r.negated, r.modality.value)
        for r in get_relations(nlp(text))
    }


def _reading(doc: Any, start: int, end: int) -> list[tuple[str, str, int]]:
    """Tags, labels and heads (relative to ``start``) of ``doc[start:end]``, the root's
    label and head left out."""
    return [
        (t.tag_, t.dep_, t.head.i - start)
        for t in doc[start:end]
        if start <= t.head.i < end and t.head.i != t.i
    ]


@pytest.mark.model
def test_the_component_follows_the_headline_verbs(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("geokg_headline_verbs") < names.index("geokg_reported_clauses")
    assert names.index("geokg_reported_clauses") < names.index("geokg_entities")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("Ghana exports cocoa to Malaysia, officials said.", 0),
        ('"Ghana exports cocoa to Malaysia," the minister said.', 1),
        ("Ghana exports cocoa to Malaysia, said a spokeswoman for the ministry.", 0),
        ("A spokesman said that Ghana exports cocoa to Malaysia.", 4),
    ],
)
def test_a_statement_is_read_as_the_bare_sentence_under_its_reporting_verb(
    nlp: Any, text: str, offset: int
) -> None:
    bare = nlp("Ghana exports cocoa to Malaysia.")
    doc = nlp(text)
    n = len(bare) - 1
    assert [t.text for t in doc[offset : offset + n]] == [t.text for t in bare[:n]]
    assert _reading(doc, offset, offset + n) == _reading(bare, 0, n)
    root = doc[offset + 1]  # "exports", the bare sentence's root
    assert bare[1].dep_ == "ROOT"
    assert (root.dep_, root.head.lemma_) == ("ccomp", "say")
    assert ("Ghana", "TRADES_WITH", "Malaysia", False, "reported") in _rels(nlp, text)


@pytest.mark.model
def test_tokens_offsets_and_entities_never_change(nlp: Any) -> None:
    text = "Ghana exports cocoa to Malaysia, officials said."
    doc = nlp(text)
    with nlp.select_pipes(disable=["geokg_reported_clauses"]):
        ref = nlp(text)
    assert [(t.text, t.idx) for t in doc] == [(t.text, t.idx) for t in ref]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in ref.ents]
    assert len(list(doc.sents)) == 1


@pytest.mark.model
def test_the_speaker_is_no_actor_of_the_statement(nlp: Any) -> None:
    for text in ("Peru attacked Bolivia, Chile said.", "Chile said Peru attacked Bolivia."):
        rels = _rels(nlp, text)
        assert ("Peru", "ATTACKS", "Bolivia", False, "reported") in rels
        assert not any(r[0] == "Chile" for r in rels)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # "reports to": no statement follows the verb
        "The envoy reports to the council in Geneva and has visited Chile twice.",
        # a verb in the speaker phrase: no bare attribution
        "Chile exports copper to China, officials who visited Lima said.",
        # a denial is no attribution: its own reading
        "Chile exports copper to China, officials denied.",
        # negated saying
        "Officials did not say that Chile exports copper to China.",
        # no reporting verb at the root
        "Chile exports copper to China and Peru imports wheat.",
        # a fronted source, no statement before the verb
        "According to the ministry, Ghana claims part of the lake.",
    ],
)
def test_other_sentences_keep_the_models_reading(nlp: Any, text: str) -> None:
    doc = nlp(text)
    with nlp.select_pipes(disable=["geokg_reported_clauses"]):
        ref = nlp(text)
    assert all(statement_bounds(s) is None for s in ref.sents)
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in ref]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Ghana exports cocoa to Malaysia, and more talks are planned.", "conj"),
        ("Ghana exports cocoa to Malaysia, raising hopes of more trade.", "advcl"),
        ("Ghana exports cocoa to Malaysia, according to state media.", "prep"),
    ],
)
def test_a_main_clause_before_a_trailing_adjunct_is_read_as_the_bare_sentence(
    nlp: Any, text: str, label: str
) -> None:
    bare = nlp("Ghana exports cocoa to Malaysia.")
    doc = nlp(text)
    n = len(bare) - 1
    assert _reading(doc, 0, n) == _reading(bare, 0, n)
    root = doc[1]
    assert root.dep_ == "ROOT"
    tail = doc[n + 1 :]
    tops = [t for t in tail if t.head.i == root.i and t.dep_ == label]
    assert tops, [(t.text, t.dep_, t.head.i) for t in tail]
    assert ("Ghana", "TRADES_WITH", "Malaysia", False) in {r[:4] for r in _rels(nlp, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chile sanctioned several countries, including Iran and Syria.",  # a list, no clause
        "Chile sanctioned Iran, and recalled its envoy.",  # no subject of its own
    ],
)
def test_lists_and_shared_subjects_are_no_adjuncts(nlp: Any, text: str) -> None:
    with nlp.select_pipes(disable=["geokg_reported_clauses"]):
        ref = nlp(text)
    assert all(adjunct_bounds(s) is None for s in ref.sents)


@pytest.mark.model
def test_an_attribution_after_the_adjunct_keeps_the_statement_reported(nlp: Any) -> None:
    text = (
        "Chile has refused to meet Peru's president in Lima, saying it would only welcome "
        "him in Santiago, its foreign ministry said Tuesday."
    )
    with nlp.select_pipes(disable=["geokg_reported_clauses"]):
        ref = nlp(text)
    assert all(adjunct_bounds(s) is None for s in ref.sents)
    assert ("Chile", "MEETS", "Peru", True, "reported") in _rels(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ghana exports cocoa to many markets, officials said.",
        "A spokesman said that Ghana exports cocoa to many markets.",
        "Ghana exports cocoa to many markets, according to state media.",
    ],
)
def test_a_clause_naming_one_party_is_not_read_again(nlp: Any, text: str) -> None:
    # no relation can hold inside it, and parsing is the dearest step of the pipeline
    doc = nlp(text)
    with nlp.select_pipes(disable=["geokg_reported_clauses"]):
        ref = nlp(text)
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in ref]


@pytest.mark.model
def test_a_clause_naming_one_party_and_a_pronoun_is_read_again(nlp: Any) -> None:
    comp = nlp.get_pipe("geokg_reported_clauses")
    doc = nlp("Ghana exports cocoa to its neighbours, officials said.")
    assert comp._prepare(doc[0:6]) is not None
    assert comp._prepare(nlp("Ghana exports cocoa to many markets.")[0:6]) is None


@pytest.mark.model
def test_a_batch_is_read_as_each_document_alone(nlp: Any) -> None:
    texts = [
        "Ghana exports cocoa to Malaysia, officials said. Peru criticized Chile, a source said.",
        "A spokesman said that Kenya backs Uganda.",
        "Chile exports copper to China, according to state media.",
    ]
    one_by_one = [nlp(t) for t in texts]
    batched = list(nlp.pipe(texts, batch_size=2))
    for a, b in zip(one_by_one, batched, strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
    assert any(t.dep_ == "ccomp" and t.lemma_ == "export" for t in batched[0])
