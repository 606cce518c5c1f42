"""The elaboration probe: relations of short sentences kept in the wrappings of wire copy.

``scripts/elaboration.py`` wraps constructed sentences in what news adds around a statement (a
time adverbial, an attribution, reported speech, a headline's capitals) and measures how many of
the plain sentence's relations the extractor still finds. The unit tests pin the wrappings; the
model test runs a small constructed set and holds each wrapping to a floor, so a rule change
that makes the rules brittle to ordinary news syntax fails here and not first on hidden text.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "elaboration.py"

#: Constructed sentences, one or two relations each, across the common types.
SENTENCES = [
    "Chile imposed sanctions on Peru.",
    "Kenya and Uganda signed a trade agreement.",
    "Brazil criticized Argentina's decision.",
    "Russian forces attacked the Ukrainian city of Kharkiv.",
    "Finland joined NATO.",
    "Japan backs the Philippines in the dispute.",
    "Egyptian President Abdel Fattah el-Sisi met Turkish President Recep Tayyip Erdogan.",
    "Poland and Lithuania remain close allies.",
    "India and Pakistan have long been bitter rivals.",
    "Germany will supply tanks to Ukraine.",
    "Venezuela expelled the Colombian ambassador.",
    "Iran condemned the Israeli strikes on Syria.",
]


#: The share of relations each wrapping must keep on SENTENCES; raise it as the rules get sturdier.
FLOOR = 0.9


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("elaboration_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_wrappings_keep_the_sentence() -> None:
    elaborations = _script().ELABORATIONS
    for name, fn in elaborations.items():
        out = fn("The Chilean government criticized Peru.")
        assert "chilean government criticized peru" in out.lower(), name
        assert out != "The Chilean government criticized Peru.", name


def test_front_wrappings_lowercase_only_common_openers() -> None:
    fn = _script().ELABORATIONS["time_front"]
    assert fn("The talks ended.") == "On Tuesday, the talks ended."
    assert fn("Chile backs Peru.") == "On Tuesday, Chile backs Peru."


def test_headline_capitalises_content_words() -> None:
    fn = _script().ELABORATIONS["headline"]
    assert (
        fn("Chile and Peru sign a trade deal in Lima.")
        == "Chile and Peru Sign a Trade Deal in Lima"
    )


def test_cases_are_the_frozen_sentences_with_relations() -> None:
    texts = _script().load_cases()
    assert len(texts) > 1000
    assert len(set(texts)) == len(texts)
    assert all(t.endswith(".") for t in texts)


@pytest.mark.model
def test_relations_survive_news_wrappings() -> None:
    report = _script().measure(SENTENCES)
    assert report["with_relations"] == len(SENTENCES), "every plain sentence states a relation"
    weak = {
        name: (row["kept"], [item["text"] for item in row["lost"]])
        for name, row in report.items()
        if isinstance(row, dict) and row["kept"] < FLOOR
    }
    assert not weak, weak
