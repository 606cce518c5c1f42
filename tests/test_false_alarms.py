"""The false-alarm probe: constructed sentences that name entities but state no relation.

``tests/data/false_alarms.jsonl`` holds sentences written for this test (none from any gold
file), each naming two or more entities our recogniser finds (countries, capitals, leaders,
organizations) with no relation of the 17 types between them: datelines, places as settings,
lists in a frame, topics, acts of unnamed third parties, culture, sport, weather, economy,
travel, history, statistics, elections, leaders' private lives, organizations' addresses, and
near misses (cue words used of weather, sport or private people). The model test extracts each
sentence as a document of its own and expects no relation mention; its failure message lists
every offender. Grow the file whenever a false alarm is found; never narrow a rule for it.
``scripts/false_alarms.py`` lists the offenders from the command line.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "false_alarms.py"
CATEGORIES = {
    "dateline",
    "setting",
    "list",
    "topic",
    "third",
    "culture",
    "sport",
    "weather",
    "economy",
    "travel",
    "history",
    "stats",
    "election",
    "leaders",
    "orgs",
    "near_miss",
}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("false_alarms_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def probe() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = _script().load_probe()
    return rows


def test_false_alarms_probe_size_and_categories(probe: list[dict[str, str]]) -> None:
    assert len(probe) >= 160
    assert {r["category"] for r in probe} == CATEGORIES
    texts = [r["text"] for r in probe]
    assert len(set(texts)) == len(texts)


@pytest.fixture(scope="module")
def extracted(nlp: Any, probe: list[dict[str, str]]) -> tuple[list[dict[str, Any]], Any]:
    result: tuple[list[dict[str, Any]], Any] = _script().find_false_alarms(probe, nlp)
    return result


@pytest.mark.model
def test_false_alarms_probe_sentences_name_two_entities(
    extracted: tuple[list[dict[str, Any]], dict[str, set[str]]],
) -> None:
    _, entities = extracted
    weak = sorted(t for t, names in entities.items() if len(names) < 2)
    assert not weak, "probe sentences with fewer than two entities found:\n" + "\n".join(weak)


@pytest.mark.model
def test_false_alarms_probe_states_no_relation(
    extracted: tuple[list[dict[str, Any]], dict[str, set[str]]],
) -> None:
    offenders, _ = extracted
    describe = _script().describe
    assert not offenders, f"{len(offenders)} relations on the false-alarm probe:\n" + "\n".join(
        describe(o) for o in offenders
    )
