"""The geokg_relations component: factory, config, serialisation, policies and filtering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy

from geokg.errors import ConfigError
from geokg.extract.annotations import EntityAnnotation, get_relations
from geokg.extract.relations import (
    DEFAULT_PATTERNS_DIR,
    RelationComponent,
    RelationLexicon,
    dedupe_per_sentence,
)
from geokg.schema import EntityLabel, Modality, RelationType

from .test_relations import CASES, build_doc, relation_set

CASE = {c["id"]: c for c in CASES}


def _doc(vocab: Any, case_id: str) -> Any:
    return build_doc(vocab, CASE[case_id])


# --- factory and config -----------------------------------------------------------------------


def test_relations_factory_registered() -> None:
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("geokg_relations")
    assert isinstance(comp, RelationComponent)
    assert nlp.get_pipe_meta("geokg_relations").assigns == ["doc._.geokg_relations"]


def test_relations_factory_config_min_confidence(vocab: Any) -> None:
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("geokg_relations", config={"min_confidence": 0.99})
    assert get_relations(comp(_doc(vocab, "svo_active"))) == []


def test_relations_keep_all_policy_keeps_duplicates(vocab: Any) -> None:
    nlp = spacy.blank("en")
    keep = nlp.add_pipe(
        "geokg_relations",
        name="keep",
        config={"dedupe": {"@misc": "geokg.relation_keep_all.v1"}},
    )
    dedup = RelationComponent()
    doc = _doc(vocab, "leads_title")
    assert len(get_relations(keep(doc))) >= len(get_relations(dedup(doc)))


# --- purity and filtering ---------------------------------------------------------------------


def test_relations_match_is_pure(vocab: Any) -> None:
    comp = RelationComponent()
    doc = _doc(vocab, "svo_active")
    matches = comp.match(doc)
    assert matches
    assert doc._.geokg_relations is None
    comp.set_annotations(doc, matches)
    assert get_relations(doc) == matches


def test_relations_need_two_entities(vocab: Any) -> None:
    comp = RelationComponent()
    doc = _doc(vocab, "svo_active")
    doc._.geokg_entities = doc._.geokg_entities[:1]
    assert comp.match(doc) == []


def test_relations_filtered_by_ontology(vocab: Any) -> None:
    # "Russia backs Assad" with Assad mislabelled a Place still holds (events accept any
    # endpoints), but a LEADS from a Place never does.
    comp = RelationComponent()
    doc = _doc(vocab, "leads_title")
    ents = [
        EntityAnnotation(e.start, e.end, e.start_char, e.end_char, EntityLabel.PLACE, e.name)
        if e.label == EntityLabel.LEADER
        else e
        for e in doc._.geokg_entities
    ]
    doc._.geokg_entities = ents
    assert not any(r.type == RelationType.LEADS for r in comp(doc)._.geokg_relations)


def _relabel_source(doc: Any, label: EntityLabel) -> Any:
    first, *rest = doc._.geokg_entities
    doc._.geokg_entities = [
        EntityAnnotation(first.start, first.end, first.start_char, first.end_char, label,
                         first.name),
        *rest,
    ]  # fmt: skip
    return doc


def test_relations_place_source_gives_no_event(vocab: Any) -> None:
    # the frozen "svo_active" case with its subject relabelled a Place: a place is where, not who
    comp = RelationComponent()
    doc = _relabel_source(_doc(vocab, "svo_active"), EntityLabel.PLACE)
    assert get_relations(comp(doc)) == []
    # control: the same sentence with the subject a Country holds
    doc = _relabel_source(_doc(vocab, "svo_active"), EntityLabel.COUNTRY)
    assert [r.type for r in get_relations(comp(doc))] == [RelationType.SUPPORTS]


def test_relations_dedupe_prefers_asserted(vocab: Any) -> None:
    doc = _doc(vocab, "svo_active")
    (rel,) = RelationComponent().match(doc)
    from dataclasses import replace

    hedged = replace(rel, modality=Modality.HEDGED, confidence=0.99, trigger_start=0)
    kept = dedupe_per_sentence([hedged, rel])
    assert kept == [rel]


def test_relations_dedupe_symmetric_once(vocab: Any) -> None:
    doc = _doc(vocab, "symmetric_once")
    (rel,) = RelationComponent().match(doc)
    from dataclasses import replace

    flipped = replace(rel, source=rel.target, target=rel.source)
    assert len(dedupe_per_sentence([rel, flipped])) == 1


# --- serialisation ----------------------------------------------------------------------------


def test_relations_to_disk_from_disk_round_trip(vocab: Any, tmp_path: Path) -> None:
    comp = RelationComponent()
    comp.to_disk(tmp_path / "rel")
    assert (tmp_path / "rel" / "cues.jsonl").is_file()
    assert (tmp_path / "rel" / "lexicon.json").is_file()
    other = RelationComponent().from_disk(tmp_path / "rel")
    assert [c.id for c in other.lexicon.cues] == [c.id for c in comp.lexicon.cues]
    for case in CASES:
        a = relation_set(get_relations(comp(build_doc(vocab, case))))
        b = relation_set(get_relations(other(build_doc(vocab, case))))
        assert a == b, case["id"]


def test_relations_to_bytes_from_bytes_round_trip(vocab: Any) -> None:
    comp = RelationComponent()
    other = RelationComponent().from_bytes(comp.to_bytes())
    assert other.lexicon.to_json() == comp.lexicon.to_json()


def test_relations_pipeline_to_disk_round_trip(vocab: Any, tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("geokg_relations")
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    comp = loaded.get_pipe("geokg_relations")
    assert isinstance(comp, RelationComponent)
    assert len(comp.lexicon.cues) == len(RelationComponent().lexicon.cues)


def test_relations_patterns_path_changes_rules(vocab: Any, tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    RelationLexicon.from_dir(DEFAULT_PATTERNS_DIR).to_dir(folder)
    lines = (folder / "cues.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if json.loads(ln)["id"] != "support.verb"]
    (folder / "cues.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    comp = RelationComponent(patterns_path=folder)
    assert get_relations(comp(_doc(vocab, "svo_active"))) == []
    comp.initialize(patterns_path=None)
    assert get_relations(comp(_doc(vocab, "svo_active")))


# --- lexicon validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "x", "type": "NOPE", "pos": "verb", "lemmas": ["x"]},
        {"id": "x", "type": "ATTACKS", "pos": "adverb", "lemmas": ["x"]},
        {"id": "x", "type": "ATTACKS", "pos": "verb", "lemmas": ["x"], "surprise": 1},
    ],
)
def test_relations_lexicon_rejects_bad_entries(entry: dict[str, Any]) -> None:
    words = json.loads((DEFAULT_PATTERNS_DIR / "lexicon.json").read_text(encoding="utf-8"))
    with pytest.raises(ConfigError):
        RelationLexicon([entry], words)


def test_relations_lexicon_rejects_duplicate_ids() -> None:
    entry = {"id": "x", "type": "ATTACKS", "pos": "verb", "lemmas": ["x"]}
    with pytest.raises(ConfigError):
        RelationLexicon([entry, dict(entry)], {})


def test_relations_lexicon_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        RelationLexicon.from_dir(tmp_path / "missing")


def test_relations_lexicon_covers_every_type() -> None:
    lex = RelationLexicon.from_dir(DEFAULT_PATTERNS_DIR)
    covered = {c.type for c in lex.cues} | {RelationType.LEADS}
    assert covered == set(RelationType)


def test_relations_lexicon_hyphenated_lemma() -> None:
    lex = RelationLexicon.from_dir(DEFAULT_PATTERNS_DIR)
    assert any(c.type == RelationType.AGREES_WITH for _, c in lex.lookup_hyphen("noun", "fire"))


# --- model golden sentences (pinned model) ----------------------------------------------------

GOLDEN = [
    (
        "Tokyo and Beijing have clashed over fishing rights.",
        {("Japan", "OPPOSES", "China"), ("China", "OPPOSES", "Japan")},
    ),
    (
        "Russian President Vladimir Putin refused to meet Turkish President Recep Tayyip Erdogan.",
        {
            ("Vladimir Putin", "LEADS", "Russia"),
            ("Recep Tayyip Erdogan", "LEADS", "Turkey"),
            ("Vladimir Putin", "MEETS", "Recep Tayyip Erdogan"),
        },
    ),
    ("The West imposed sanctions on Russia in 2014.", {("the West", "SANCTIONS", "Russia")}),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", GOLDEN)
def test_relations_model_golden(nlp: Any, text: str, expected: set[tuple[str, str, str]]) -> None:
    doc = nlp(text)
    found = {(r.source.name, r.type.value, r.target.name) for r in get_relations(doc)}
    norm = {
        (*tuple(sorted((s, t))), ty) if RelationType(ty).symmetric else (s, ty, t)
        for s, ty, t in found
    }
    want = {
        (*tuple(sorted((s, t))), ty) if RelationType(ty).symmetric else (s, ty, t)
        for s, ty, t in expected
    }
    assert want <= norm
