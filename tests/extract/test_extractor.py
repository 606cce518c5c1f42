"""The streaming extractor: batching by size, input order, laziness, failures, workers.

Most tests use a tiny blank pipeline whose component marks known country names and links
neighbours in a sentence, so they run without the model; the model tests compare one and two
workers on real text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from geokg.errors import ConfigError
from geokg.extract.annotations import (
    ENTITIES_ATTR,
    RELATIONS_ATTR,
    EntityAnnotation,
    RelationAnnotation,
    ensure_extensions,
)
from geokg.extract.extractor import DocumentFailure, Extractor, iter_batches
from geokg.extract.records import DocumentExtraction
from geokg.schema import EntityLabel, RelationType

REPO = Path(__file__).resolve().parents[2]
COUNTRIES = {"Russia", "Turkey", "China", "India", "Iran", "France"}


@dataclass(frozen=True, slots=True)
class Text:
    """A document as the extractor reads it."""

    name: str
    text: str


@Language.component("geokg_test_fake_relations")
def fake_relations(doc: Doc) -> Doc:
    """Mark country names; relate each to the next one in its sentence. Fails on "EXPLODE"."""
    if "EXPLODE" in doc.text:
        raise ValueError("boom")
    ensure_extensions()
    ents = [
        EntityAnnotation(
            start=t.i,
            end=t.i + 1,
            start_char=t.idx,
            end_char=t.idx + len(t.text),
            label=EntityLabel.COUNTRY,
            name=t.text,
        )
        for t in doc
        if t.text in COUNTRIES
    ]
    rels = []
    for a, b in pairwise(ents):
        sent = doc[a.start].sent
        if b.start < sent.end:
            rels.append(
                RelationAnnotation(
                    source=a,
                    type=RelationType.PARTNERS_WITH,
                    target=b,
                    trigger_start=a.end,
                    trigger_end=a.end + 1,
                    sent_start=sent.start,
                    sent_end=sent.end,
                    rule="fake.v1",
                    confidence=0.5,
                )
            )
    setattr(doc._, ENTITIES_ATTR, ents)
    setattr(doc._, RELATIONS_ATTR, rels)
    return doc


@pytest.fixture(scope="module")
def fake_nlp() -> Language:
    """A blank English pipeline with a sentencizer and the fake relation component."""
    import spacy

    ensure_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("geokg_test_fake_relations")
    return nlp


def _paragraph(i: int) -> str:
    a, b = sorted(COUNTRIES)[i % 6], sorted(COUNTRIES)[(i + 1) % 6]
    return f"In   round {i}, {a} met\n{b} at a summit. Nobody else came."


def _corpus(n: int = 12) -> list[Text]:
    docs = []
    for d in range(n):
        paras = [_paragraph(d * 7 + p) for p in range(1 + d % 5)]
        docs.append(Text(f"doc{d:02d}.txt", "\n\n".join(paras) + "\n"))
    return docs


def _ok(results: list[DocumentExtraction | DocumentFailure]) -> list[DocumentExtraction]:
    out = []
    for result in results:
        assert isinstance(result, DocumentExtraction), result
        out.append(result)
    return out


def _dump(results: list[DocumentExtraction | DocumentFailure]) -> list[Any]:
    return [
        (
            r.document.model_dump(),
            [e.model_dump() for e in r.entities],
            [x.model_dump() for x in r.relations],
            [s.model_dump() for s in r.sentences],
        )
        if isinstance(r, DocumentExtraction)
        else r
        for r in results
    ]


@pytest.mark.parametrize(
    ("sizes", "limit", "expected"),
    [
        ([3, 3, 3, 9, 1], 6, [[0, 1], [2], [3], [4]]),
        ([1, 1, 1], 100, [[0, 1, 2]]),
        ([10, 10], 5, [[0], [1]]),
        ([], 5, []),
    ],
)
def test_iter_batches_packs_consecutive_items_up_to_the_limit(
    sizes: list[int], limit: int, expected: list[list[int]]
) -> None:
    assert list(iter_batches(sizes, limit)) == expected


@pytest.mark.parametrize("option", ["chunk_chars", "batch_chars", "workers"])
def test_extractor_rejects_sizes_below_one(fake_nlp: Language, option: str) -> None:
    with pytest.raises(ConfigError):
        Extractor(fake_nlp, **{option: 0})


def test_extractor_yields_documents_in_input_order(fake_nlp: Language) -> None:
    docs = _corpus()
    results = _ok(list(Extractor(fake_nlp, chunk_chars=120, batch_chars=300).extract(docs)))
    assert [r.document.name for r in results] == [d.name for d in docs]


def test_extractor_records_do_not_depend_on_batching(fake_nlp: Language) -> None:
    docs = _corpus()
    small = list(Extractor(fake_nlp, chunk_chars=120, batch_chars=150).extract(docs))
    large = list(Extractor(fake_nlp, chunk_chars=120, batch_chars=1_000_000).extract(docs))
    assert _dump(small) == _dump(large)


def test_extractor_offsets_point_into_the_raw_text_across_chunks(fake_nlp: Language) -> None:
    docs = _corpus()
    results = _ok(list(Extractor(fake_nlp, chunk_chars=80, batch_chars=200).extract(docs)))
    checked = 0
    for doc, result in zip(docs, results, strict=True):
        for ent in result.entities:
            assert doc.text[ent.start : ent.end] == ent.text
            checked += 1
        for rel in result.relations:
            assert doc.text[rel.sentence.start : rel.sentence.end] == rel.sentence.text
            checked += 1
    assert checked > 50


def test_extractor_long_document_gives_the_records_of_one_chunk(fake_nlp: Language) -> None:
    from geokg.extract.clean import clean_text, split_paragraphs

    text = "\n\n".join(f"Round {i}: Russia met Iran. Then China came." for i in range(40))
    doc = Text("a.txt", text)
    assert len(split_paragraphs(clean_text(text), max_chars=100)) > 10
    small = list(Extractor(fake_nlp, chunk_chars=100, batch_chars=250).extract([doc]))
    whole = list(Extractor(fake_nlp, chunk_chars=1_000_000).extract([doc]))
    spans = [(e.start, e.end, e.text, e.id) for e in _ok(small)[0].entities]
    assert spans == [(e.start, e.end, e.text, e.id) for e in _ok(whole)[0].entities]
    assert len(spans) == 120


def test_extractor_reads_input_lazily(fake_nlp: Language) -> None:
    pulled = 0

    def docs() -> Iterator[Text]:
        nonlocal pulled
        for doc in _corpus(200):
            pulled += 1
            yield doc

    results = Extractor(fake_nlp, batch_chars=500).extract(docs())
    first = next(results)
    assert isinstance(first, DocumentExtraction)
    assert pulled < 20
    assert len(list(results)) == 199


def test_extractor_failure_costs_only_its_document(fake_nlp: Language) -> None:
    docs = _corpus(6)
    docs[2] = Text("bad.txt", "Russia and Turkey. EXPLODE here.\n\nChina spoke.")
    results = list(Extractor(fake_nlp, batch_chars=10_000).extract(docs))
    assert [r.document.name if isinstance(r, DocumentExtraction) else r.name for r in results] == [
        d.name for d in docs
    ]
    failure = results[2]
    assert isinstance(failure, DocumentFailure)
    assert "boom" in failure.reason
    assert all(isinstance(r, DocumentExtraction) for i, r in enumerate(results) if i != 2)


def test_extractor_empty_document_yields_an_empty_extraction(fake_nlp: Language) -> None:
    docs = [Text("empty.txt", ""), *_corpus(2), Text("blank.txt", "  \n\n  \n")]
    results = _ok(list(Extractor(fake_nlp).extract(docs)))
    assert [r.document.name for r in results] == [d.name for d in docs]
    assert results[0].entities == []
    assert results[-1].relations == []


@pytest.mark.parametrize("workers", [1, 2])
def test_extractor_stops_early_without_error(fake_nlp: Language, workers: int) -> None:
    results = Extractor(fake_nlp, batch_chars=200, workers=workers).extract(_corpus(50))
    assert isinstance(next(results), DocumentExtraction)
    results.close()  # type: ignore[attr-defined]


def test_extractor_two_workers_give_the_records_of_one(fake_nlp: Language) -> None:
    docs = _corpus(30)
    docs[7] = Text("bad.txt", "EXPLODE")
    one = list(Extractor(fake_nlp, chunk_chars=120, batch_chars=400).extract(docs))
    two = list(Extractor(fake_nlp, chunk_chars=120, batch_chars=400, workers=2).extract(docs))
    assert _dump(two) == _dump(one)
    assert isinstance(two[7], DocumentFailure)


def test_extractor_started_workers_serve_several_calls(fake_nlp: Language) -> None:
    docs = _corpus(10)
    one = list(Extractor(fake_nlp, batch_chars=300).extract(docs))
    with Extractor(fake_nlp, batch_chars=300, workers=2).start() as extractor:
        first = list(extractor.extract(docs))
        second = list(extractor.extract(docs[:3]))
    assert _dump(first) == _dump(one)
    assert _dump(second) == _dump(one[:3])


def test_extractor_extract_one_runs_in_process(fake_nlp: Language) -> None:
    extractor = Extractor(fake_nlp, workers=2)
    result = extractor.extract_one(Text("a.txt", "Russia met Iran."))
    assert [e.name for e in result.entities] == ["Russia", "Iran"]
    assert extractor.workers == 2


def _folders() -> list[Path]:
    folders = [p for p in (REPO / "examples", REPO.parent / "shared" / "corpus") if p.is_dir()]
    if not folders:
        pytest.skip("neither examples/ nor ../shared/corpus is present")
    return folders


@pytest.mark.model
@pytest.mark.slow
def test_extractor_two_workers_match_one_on_real_text(nlp: Any) -> None:
    from geokg.extract.io import RawDocument, iter_documents

    docs = [d for d in iter_documents(_folders()) if isinstance(d, RawDocument)]
    one = list(Extractor(nlp, batch_chars=30_000).extract(docs))
    two = list(Extractor(batch_chars=30_000, workers=2).extract(docs))
    assert _dump(two) == _dump(one)
    assert sum(len(r.relations) for r in _ok(one)) > 0
