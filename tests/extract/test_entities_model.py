"""Golden tests of the entity component on the pinned model (en_core_web_sm 3.8.0)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geokg.extract.annotations import get_entities

GOLDEN = Path(__file__).parent / "data" / "entities" / "golden.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ent_nlp() -> Any:
    """The pinned model plus only the entity component (independent of other components)."""
    spacy = pytest.importorskip("spacy")
    import geokg.extract.entities.component  # noqa: F401  (registers the factory)
    from geokg.extract.pipeline import MODEL_NAME, MODEL_VERSION

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError:
        pytest.skip(f"{MODEL_NAME} is not installed")
    assert nlp.meta["version"] == MODEL_VERSION, "golden tests are pinned to the model"
    nlp.add_pipe("geokg_entities")
    return nlp


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_entities_golden_sentences(ent_nlp: Any, case: dict[str, Any]) -> None:
    doc = ent_nlp(case["text"])
    got = {(e.name, e.label.value) for e in get_entities(doc)}
    assert got == {tuple(x) for x in case["entities"]}


def test_entities_offsets_point_at_the_mention(ent_nlp: Any) -> None:
    text = "The pro-Western government of Andrzej Duda in Poland won a vote."
    doc = ent_nlp(text)
    for ent in get_entities(doc):
        span = text[ent.start_char : ent.end_char]
        assert span
        assert doc[ent.start].idx <= ent.start_char
        assert ent.end_char <= doc[ent.end - 1].idx + len(doc[ent.end - 1].text)


def test_entities_name_broken_by_the_cleaner_still_resolves(ent_nlp: Any) -> None:
    from geokg.extract.clean import clean_text

    clean = clean_text("Armenia and Azerbaijan fought over Nagorno-\nKarabakh in 2020.\n")
    doc = ent_nlp(clean.text)
    got = {(e.name, e.label.value) for e in get_entities(doc)}
    assert ("Nagorno-Karabakh", "Place") in got
