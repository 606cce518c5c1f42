"""Relation rules on frozen parses (exact and model-free), one table row per behaviour.

``data/relations/cases.jsonl`` holds one sentence per line: its tokens with the part of speech,
tag, dependency, head and lemma of the pinned model's parse, the entity mentions, and the
expected relations ``[source, type, target, negated, modality]``. Rebuilding the Doc from
these makes every case exact and stable without loading a model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from geokg.extract.annotations import (
    EntityAnnotation,
    RelationAnnotation,
    ensure_extensions,
    get_relations,
)
from geokg.extract.relations import RelationComponent
from geokg.schema import EntityLabel, RelationType

CASES_FILE = Path(__file__).parent / "data" / "relations" / "cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line
]


def build_doc(vocab: Any, case: dict[str, Any]) -> Doc:
    """The frozen parse of a case as a Doc, with ``doc._.geokg_entities`` set."""
    ensure_extensions()
    words, pos, tags, deps, heads, lemmas, spaces = (
        list(x) for x in zip(*case["tokens"], strict=True)
    )
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
    )
    ents = []
    for start, end, label, name, *kind in case["entities"]:
        span = doc[start:end]
        ents.append(
            EntityAnnotation(
                start,
                end,
                span.start_char,
                span.end_char,
                EntityLabel(label),
                name,
                kind=kind[0] if kind else None,
            )
        )
    doc._.geokg_entities = ents
    return doc


def relation_set(rels: list[RelationAnnotation]) -> set[tuple[Any, ...]]:
    """Relations as scored: symmetric types in a canonical order."""
    out = set()
    for r in rels:
        s, t = r.source.name, r.target.name
        if r.type.symmetric:
            s, t = sorted((s, t))
        out.add((s, r.type.value, t, r.negated, r.modality.value))
    return out


def expected_set(case: dict[str, Any]) -> set[tuple[Any, ...]]:
    out = set()
    for s, rtype, t, neg, mod in case["expected"]:
        if RelationType(rtype).symmetric:
            s, t = sorted((s, t))
        out.add((s, rtype, t, neg, mod))
    return out


@pytest.fixture(scope="module")
def component() -> RelationComponent:
    return RelationComponent()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_relations_frozen_parses(
    vocab: Any, component: RelationComponent, case: dict[str, Any]
) -> None:
    doc = component(build_doc(vocab, case))
    assert relation_set(get_relations(doc)) == expected_set(case)


def _one(vocab: Any, component: RelationComponent, case_id: str) -> list[RelationAnnotation]:
    case = next(c for c in CASES if c["id"] == case_id)
    return get_relations(component(build_doc(vocab, case)))


@pytest.mark.parametrize(
    "case_id,rule",
    [(c["id"], c["rule"]) for c in CASES if "rule" in c],
)
def test_relations_rule_ids(
    vocab: Any, component: RelationComponent, case_id: str, rule: str
) -> None:
    rels = _one(vocab, component, case_id)
    assert {r.rule for r in rels} == {rule}


@pytest.mark.parametrize("case_id,year", [(c["id"], c["year"]) for c in CASES if "year" in c])
def test_relations_year(vocab: Any, component: RelationComponent, case_id: str, year: int) -> None:
    rels = _one(vocab, component, case_id)
    assert rels
    assert {r.year for r in rels} == {year}


@pytest.mark.parametrize("case_id", [c["id"] for c in CASES if c.get("quoted")])
def test_relations_quoted(vocab: Any, component: RelationComponent, case_id: str) -> None:
    rels = _one(vocab, component, case_id)
    assert rels
    assert all(r.quoted for r in rels)


def test_relations_unquoted_by_default(vocab: Any, component: RelationComponent) -> None:
    rels = _one(vocab, component, "svo_active")
    assert not any(r.quoted for r in rels)


@pytest.mark.parametrize("case_id", [c["id"] for c in CASES if "roles" in c])
def test_relations_leads_role(vocab: Any, component: RelationComponent, case_id: str) -> None:
    case = next(c for c in CASES if c["id"] == case_id)
    rels = _one(vocab, component, case_id)
    roles = {r.source.name: r.role for r in rels if r.type == RelationType.LEADS}
    assert roles == case["roles"]


@pytest.mark.parametrize("case_id", [c["id"] for c in CASES if "status" in c])
def test_relations_member_status(vocab: Any, component: RelationComponent, case_id: str) -> None:
    case = next(c for c in CASES if c["id"] == case_id)
    rels = _one(vocab, component, case_id)
    status = {
        r.source.name: r.status.value
        for r in rels
        if r.type == RelationType.MEMBER_OF and r.status is not None
    }
    assert status == case["status"]


def test_relations_provenance_spans(vocab: Any, component: RelationComponent) -> None:
    case = next(c for c in CASES if c["id"] == "svo_active")
    doc = component(build_doc(vocab, case))
    (rel,) = get_relations(doc)
    assert doc[rel.trigger_start : rel.trigger_end].text == "backs"
    assert (rel.sent_start, rel.sent_end) == (0, len(doc))
    assert 0.0 < rel.confidence <= 1.0
    assert rel.extra["cue"] == "support.verb"


@pytest.mark.parametrize("case_id", [c["id"] for c in CASES if "context" in c])
def test_relations_context_flag(vocab: Any, component: RelationComponent, case_id: str) -> None:
    """Endpoints resolved from an earlier sentence (and only they) make a context relation."""
    case = next(c for c in CASES if c["id"] == case_id)
    rels = _one(vocab, component, case_id)
    flagged = {(r.source.name, r.type.value, r.target.name) for r in rels if r.context}
    assert flagged == {tuple(x) for x in case["context"]}


def test_relations_context_confidence_below_sentence_rules(
    vocab: Any, component: RelationComponent
) -> None:
    rels = _one(vocab, component, "context_pronoun_subject")
    (ctx_rel,) = [r for r in rels if r.type == RelationType.OPPOSES]
    assert ctx_rel.context
    assert ctx_rel.confidence < component.lexicon.confidence("svo_active.v1")
    assert ctx_rel.confidence <= 0.6
