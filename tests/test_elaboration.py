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
        if name.endswith("_mid"):
            continue
        out = fn("The Chilean government criticized Peru.")
        assert out is not None, name
        assert "chilean government criticized peru" in out.lower(), name
        assert out != "The Chilean government criticized Peru.", name


@pytest.mark.parametrize(
    "name,expected",
    [
        ("apposition_mid", "Chile, a key player in the region, imposed sanctions on Peru."),
        ("adverb_mid", "Chile reportedly imposed sanctions on Peru."),
        ("also_mid", "Chile also imposed sanctions on Peru."),
        ("time_mid", "Chile on Tuesday imposed sanctions on Peru."),
        (
            "relative_mid",
            "Chile, which has long watched the region closely, imposed sanctions on Peru.",
        ),
    ],
)
def test_wrappings_inside_the_sentence(name: str, expected: str) -> None:
    fn = _script().ELABORATIONS[name]
    assert fn("Chile imposed sanctions on Peru.") == expected


def test_inside_wrappings_fit_subject_and_verb() -> None:
    elaborations = _script().ELABORATIONS
    assert (
        elaborations["apposition_mid"]("Kenya and Uganda signed a trade pact.")
        == "Kenya and Uganda, key players in the region, signed a trade pact."
    )
    assert (
        elaborations["relative_mid"]("Kenya and Uganda signed a trade pact.")
        == "Kenya and Uganda, which have long watched the region closely, signed a trade pact."
    )
    # after an auxiliary the adverb follows it; a present verb in "-s" needs an object next
    assert elaborations["adverb_mid"]("Chile will sanction Peru.") == (
        "Chile will reportedly sanction Peru."
    )
    assert elaborations["also_mid"]("Chile backs Peru.") == "Chile also backs Peru."


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean government criticized Peru.",  # a lowercase head noun
        "Russian forces attacked Kharkiv.",  # a modifier, then a plural noun
        "NATO allies Norway and Denmark signed the pact.",  # a plural head noun
        "Peru-Chile ties collapsed.",  # a hyphenated compound
        "If Chile attacks Peru, Bolivia will respond.",  # a subordinator
        "Chile's navy shelled the port.",  # a possessive
        "Foreign ministers met in Lima.",  # an opener that is no name
    ],
)
def test_inside_wrappings_skip_unclean_subjects(text: str) -> None:
    elaborations = _script().ELABORATIONS
    for name in ("apposition_mid", "adverb_mid", "also_mid", "time_mid", "relative_mid"):
        assert elaborations[name](text) is None, (name, text)


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
    # the wrappings inside the sentence apply where a name opens it and its verb follows
    for name in ("apposition_mid", "adverb_mid", "also_mid", "time_mid", "relative_mid"):
        assert report[name]["applied"] >= 8, (name, report[name]["applied"])
    weak = {
        name: (row["kept"], [item["text"] for item in row["lost"]])
        for name, row in report.items()
        if isinstance(row, dict) and row["kept"] < FLOOR
    }
    assert not weak, weak
