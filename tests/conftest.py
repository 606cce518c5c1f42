"""Shared fixtures: the pinned spaCy pipeline (loaded once) and paths to shared data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The full geokg pipeline on the pinned model (en_core_web_sm 3.8.0)."""
    from geokg.extract.pipeline import MODEL_VERSION, load_nlp

    pipeline = load_nlp()
    assert pipeline.meta["version"] == MODEL_VERSION, "golden tests are pinned to the model"
    return pipeline


@pytest.fixture(scope="session")
def vocab() -> Any:
    """A bare English vocab for hand-built parses (no model needed)."""
    from spacy.lang.en import English

    return English().vocab


@pytest.fixture()
def corpus_dir() -> Iterator[Path]:
    """The shared corpus folder; tests using it skip where it is absent (fresh clones)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    yield CORPUS
