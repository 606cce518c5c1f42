"""Records carry raw-file offsets: for every mention, ``raw[start:end] == text``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from geokg.extract.extractor import DocumentFailure, Extractor
from geokg.extract.io import iter_documents
from geokg.extract.records import DocumentExtraction

REPO = Path(__file__).resolve().parents[2]


def _extract_all(nlp: Any, folder: Path) -> list[tuple[str, DocumentExtraction]]:
    extractor = Extractor(nlp)
    docs = [d for d in iter_documents([folder]) if not hasattr(d, "reason")]
    out = []
    for doc, result in zip(docs, extractor.extract(docs), strict=True):
        assert not isinstance(result, DocumentFailure), result
        out.append((doc.text, result))  # type: ignore[union-attr]
    return out


def _check_offsets(raw: str, result: DocumentExtraction) -> int:
    checked = 0
    for ent in result.entities:
        assert raw[ent.start : ent.end] == ent.text, ent
        assert ent.sentence_start is not None
        assert ent.sentence_end is not None
        assert ent.sentence_start <= ent.start < ent.end <= ent.sentence_end
        checked += 1
    for rel in result.relations:
        assert raw[rel.trigger.start : rel.trigger.end] == rel.trigger.text, rel
        assert raw[rel.sentence.start : rel.sentence.end] == rel.sentence.text, rel
        assert rel.sentence.start <= rel.trigger.start < rel.trigger.end <= rel.sentence.end
        checked += 1
    for sent in result.sentences:
        assert raw[sent.start : sent.end] == sent.text
    return checked


@pytest.mark.model
def test_records_offsets_map_to_raw_examples(nlp: Any) -> None:
    results = _extract_all(nlp, REPO / "examples")
    assert results
    assert sum(_check_offsets(raw, result) for raw, result in results) > 0


@pytest.mark.model
@pytest.mark.slow
def test_records_offsets_map_to_raw_corpus(nlp: Any, corpus_dir: Path) -> None:
    results = _extract_all(nlp, corpus_dir)
    assert len(results) == 5
    assert sum(_check_offsets(raw, result) for raw, result in results) > 100


@pytest.mark.model
def test_records_relation_endpoints_are_entities_of_the_document(nlp: Any) -> None:
    for _raw, result in _extract_all(nlp, REPO / "examples"):
        names = {e.id for e in result.entities}
        for rel in result.relations:
            assert rel.source_id in names or rel.context
            assert rel.target_id in names or rel.context
