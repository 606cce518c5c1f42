"""Distributed extraction: partitions, JSON Lines round trip, a real Dask LocalCluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from geokg.distributed import (
    Partition,
    extract_partition,
    iter_partition_extractions,
    partition_files,
    plan_partitions,
)
from geokg.errors import ConfigError
from geokg.extract.annotations import ENTITIES_ATTR, EntityAnnotation, ensure_extensions
from geokg.extract.extractor import DocumentFailure, Extractor
from geokg.extract.io import RawDocument, iter_documents
from geokg.extract.records import DocumentExtraction
from geokg.schema import EntityLabel

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
EXAMPLES = REPO / "examples"


@Language.component("geokg_test_distributed_countries")
def _countries(doc: Doc) -> Doc:
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
        if t.text in {"Russia", "China", "Iran"}
    ]
    setattr(doc._, ENTITIES_ATTR, ents)
    return doc


@pytest.fixture()
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[Extractor]:
    """Make :func:`extract_partition` use a model-free extractor in this process."""
    import spacy

    import geokg.distributed as dist
    from geokg.extract.extractor import DEFAULT_BATCH_CHARS, DEFAULT_CHUNK_CHARS

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("geokg_test_distributed_countries")
    extractor = Extractor(nlp)
    monkeypatch.setattr(
        dist, "_EXTRACTORS", {(DEFAULT_BATCH_CHARS, DEFAULT_CHUNK_CHARS): extractor}
    )
    yield extractor


def _write_corpus(folder: Path, n: int = 7) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i}.txt").write_text(
            f"Russia met China in round {i}.\n\nIran watched.\n" * (i + 1), encoding="utf-8"
        )
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return folder


def _local_lines(extractor: Extractor, folder: Path | list[Path]) -> list[str]:
    folders = folder if isinstance(folder, list) else [folder]
    docs = [d for d in iter_documents(folders) if isinstance(d, RawDocument)]
    lines = []
    for result in extractor.extract(docs):
        assert isinstance(result, DocumentExtraction)
        lines += [r.model_dump_json(exclude_none=False) for r in result.records()]
    return lines


def _part_lines(out: Path) -> list[str]:
    return [
        line
        for path in partition_files(out)
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_plan_partitions_groups_consecutive_files_by_size(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, size in [("a.txt", 40), ("b.txt", 40), ("c.txt", 90), ("d.txt", 10)]:
        (folder / name).write_text("x" * size)
    parts = plan_partitions([folder, tmp_path / "missing"], partition_bytes=100)
    assert [[n for n, _ in p.files] for p in parts] == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    assert [p.index for p in parts] == [0, 1]
    assert parts[0].problems == ()
    assert len(parts[1].problems) == 1
    assert "missing" in parts[1].problems[0]


def test_plan_partitions_rejects_a_zero_size(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        plan_partitions([tmp_path], partition_bytes=0)


def test_extract_partition_writes_the_lines_of_geokg_extract(
    tmp_path: Path, fake_extractor: Extractor
) -> None:
    folder = _write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    results = [
        extract_partition(p, str(out)) for p in plan_partitions([folder], partition_bytes=200)
    ]
    assert len(results) > 2
    assert _part_lines(out) == _local_lines(fake_extractor, folder)
    assert sum(r.documents for r in results) == 7
    assert sum(r.skipped for r in results) == 1  # the empty file


def test_extract_partition_reports_unreadable_files(
    tmp_path: Path, fake_extractor: Extractor
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Russia spoke.", encoding="utf-8")
    partition = Partition(0, (("gone.txt", str(tmp_path / "gone.txt")), ("good.txt", str(good))))
    result = extract_partition(partition, str(out))
    assert result.documents == 1
    assert result.skipped == 1
    assert "gone.txt" in result.problems[0]


def test_extract_partition_applies_the_meta_sidecar(
    tmp_path: Path, fake_extractor: Extractor
) -> None:
    from geokg.distributed import _with_meta
    from geokg.extract.meta import load_sidecar

    out = tmp_path / "out"
    out.mkdir()
    dated = tmp_path / "dated.txt"
    dated.write_text("Russia spoke to China.", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Iran spoke.", encoding="utf-8")
    sidecar_path = tmp_path / "meta.csv"
    sidecar_path.write_text("file,date,source\ndated.txt,2020-02-03,Wire\n", encoding="utf-8")
    partition = Partition(0, (("dated.txt", str(dated)), ("plain.txt", str(plain))))
    extract_partition(_with_meta(partition, load_sidecar(sidecar_path)), str(out))
    docs = {e.document.name: e for e in iter_partition_extractions(out)}
    assert docs["dated.txt"].document.date == "2020-02-03"
    assert docs["dated.txt"].document.source == "Wire"
    assert {e.doc_date for e in docs["dated.txt"].entities} == {"2020-02-03"}
    assert docs["plain.txt"].document.date is None
    assert {e.doc_date for e in docs["plain.txt"].entities} == {None}


def test_partitions_read_back_as_the_local_extractions(
    tmp_path: Path, fake_extractor: Extractor
) -> None:
    folder = _write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    for p in plan_partitions([folder], partition_bytes=150):
        extract_partition(p, str(out))
    docs = [d for d in iter_documents([folder]) if isinstance(d, RawDocument)]
    local = [r for r in fake_extractor.extract(docs) if not isinstance(r, DocumentFailure)]
    assert list(iter_partition_extractions(out)) == local


def _real_folders() -> list[Path]:
    folders = [p for p in (EXAMPLES, CORPUS) if p.is_dir()]
    if not folders:
        pytest.skip("neither examples/ nor ../shared/corpus is present")
    return folders


@pytest.mark.model
@pytest.mark.slow
def test_distributed_local_cluster_gives_the_local_records(nlp: Any, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="needs dask[distributed]")
    from geokg.distributed import extract_distributed

    folders = _real_folders()
    out = tmp_path / "out"
    summary = extract_distributed(folders, out, n_workers=2, partition_bytes=20_000)
    assert len(summary.partitions) > 2
    assert summary.failed == 0
    local = _local_lines(Extractor(nlp), folders)
    assert _part_lines(out) == local
    assert summary.relations == sum('"kind":"relation"' in line for line in local)
    assert summary.relations > 0


@pytest.mark.model
@pytest.mark.slow
def test_distributed_neo4j_import_matches_the_local_graph(nlp: Any, tmp_path: Path) -> None:
    import csv

    from geokg.distributed import export_neo4j_import, extract_partition
    from geokg.graph.build import GraphBuilder

    folders = _real_folders()
    out = tmp_path / "out"
    out.mkdir()
    for p in plan_partitions(folders, partition_bytes=50_000):
        extract_partition(p, str(out))
    builder = GraphBuilder()
    for extraction in iter_partition_extractions(out):
        builder.add_extraction(
            document=extraction.document,
            entities=extraction.entities,
            relations=extraction.relations,
            sentences=extraction.sentences,
        )
    expected = {(r.source_id, r.type.value, r.target_id) for r in builder.batch().relations}
    folder = export_neo4j_import(out, tmp_path / "import")
    with (folder / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        rows = {(r[":START_ID"], r[":TYPE"], r[":END_ID"]) for r in csv.DictReader(fh)}
    assert rows == expected
    assert (folder / "README.md").is_file()
