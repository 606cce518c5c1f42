"""The relation audit of unlabeled VOA stories (``bench/audit``) is well-formed gold.

Each slice is one JSON Lines file in the gold format of SCHEMA.md ("Gold files"): sentence
offsets into a story of ``../shared/voa/unlabeled``, relations with canonical names, the schema's
types and modalities. The offsets are checked against the stories where they are present.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from geokg.evaluate import load_gold
from geokg.schema import Modality, RelationType

REPO = Path(__file__).resolve().parents[1]
AUDIT = REPO / "bench" / "audit"
SHARED = Path(os.environ.get("GEOKG_SHARED", REPO.parent / "shared"))
UNLABELED = SHARED / "voa" / "unlabeled"


def _slices() -> list[Path]:
    return sorted(AUDIT.glob("*.jsonl"))


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_audit_has_slices_each_of_their_own_stories() -> None:
    slices = _slices()
    assert len(slices) >= 4, f"expected the audit slices in {AUDIT}"
    seen: dict[str, str] = {}
    for path in slices:
        for doc in {row["doc"] for row in _rows(path)}:
            assert doc not in seen, f"{doc} is audited in both {seen.get(doc)} and {path.name}"
            seen[doc] = path.name


@pytest.mark.parametrize("path", _slices(), ids=lambda p: p.name)
def test_audit_rows_are_schema_gold(path: Path) -> None:
    types, modalities = set(RelationType), set(Modality)
    for lineno, row in enumerate(_rows(path), 1):
        where = f"{path.name}:{lineno}"
        assert {"doc", "start", "end", "text", "relations"} <= row.keys(), where
        assert 0 <= row["start"] < row["end"], where
        for rel in row["relations"]:
            assert rel["type"] in types, f"{where}: type {rel['type']!r}"
            assert rel.get("modality", "asserted") in modalities, f"{where}: {rel['modality']!r}"
            assert isinstance(rel.get("negated", False), bool), where
            assert rel["source"] and rel["target"] and rel["source"] != rel["target"], where


@pytest.mark.parametrize("path", _slices(), ids=lambda p: p.name)
def test_audit_offsets_match_the_unlabeled_stories(path: Path) -> None:
    if not UNLABELED.is_dir():
        pytest.skip(f"no unlabeled VOA stories at {UNLABELED} (set GEOKG_SHARED)")
    for lineno, row in enumerate(_rows(path), 1):
        raw = (UNLABELED / row["doc"]).read_text(encoding="utf-8")
        assert raw[row["start"] : row["end"]] == row["text"], f"{path.name}:{lineno}"


def test_audit_loads_as_a_gold_set() -> None:
    gold = load_gold([AUDIT])
    assert len(gold) == sum(len(_rows(p)) for p in _slices())
    assert len(gold.documents) >= 24
