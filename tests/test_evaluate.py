"""Scoring follows SCHEMA.md "Scoring", checked on a small hand-made gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from geokg.errors import EvaluationError
from geokg.evaluate import Counts, load_gold, score
from geokg.schema import EntityMention, Modality, RelationMention, RelationType, TextSpan

GOLD_DIR = Path(__file__).parent / "data" / "gold"


def rel(
    source: str,
    rtype: str,
    target: str,
    *,
    sent: tuple[int, int],
    negated: bool = False,
    modality: str = "asserted",
) -> RelationMention:
    return RelationMention(
        doc="mini.txt",
        source=source,
        source_id="x:" + source,
        type=RelationType(rtype),
        target=target,
        target_id="x:" + target,
        negated=negated,
        modality=Modality(modality),
        sentence=TextSpan(start=sent[0], end=sent[1], text="..."),
        trigger=TextSpan(start=sent[0], end=sent[0] + 1, text="."),
        rule="test.v1",
        confidence=0.9,
    )


def ent(name: str, label: str, start: int, end: int) -> EntityMention:
    return EntityMention(
        doc="mini.txt", name=name, label=label, start=start, end=end, text=name, id="x:" + name
    )


@pytest.fixture()
def gold():  # type: ignore[no-untyped-def]
    return load_gold([GOLD_DIR])


def test_evaluate_load_gold_reads_lines_and_aliases(gold) -> None:  # type: ignore[no-untyped-def]
    assert len(gold) == 4
    assert gold.documents == ["mini.txt"]
    assert gold.aliases["Putin"] == "Vladimir Putin"


def test_evaluate_perfect_prediction_scores_one(gold) -> None:  # type: ignore[no-untyped-def]
    records = [
        rel("Russia", "OPPOSES", "Turkey", sent=(0, 35)),
        rel("Turkey", "OPPOSES", "Russia", sent=(0, 35)),
        rel("Putin", "PARTNERS_WITH", "Erdogan", sent=(36, 80), modality="hedged"),
        rel("Russia", "SUPPORTS", "Syria", sent=(81, 120), negated=True),
        ent("Russia", "Country", 0, 6),
        ent("Turkey", "Country", 11, 17),
        ent("Syria", "Country", 29, 34),
        ent("Putin", "Leader", 36, 41),
        ent("Erdogan", "Leader", 70, 77),
    ]
    report = score(gold, records)
    assert report.relations.f1 == 1.0
    assert report.entities.f1 == 1.0
    assert report.modality_accuracy == 1.0
    assert report.sentences == 4


def test_evaluate_symmetric_types_match_either_order(gold) -> None:  # type: ignore[no-untyped-def]
    report = score(gold, [rel("Erdogan", "PARTNERS_WITH", "Putin", sent=(36, 80))])
    assert report.relations.tp == 1
    assert report.per_type["PARTNERS_WITH"].tp == 1


def test_evaluate_directed_types_need_both_directions(gold) -> None:  # type: ignore[no-untyped-def]
    report = score(gold, [rel("Russia", "OPPOSES", "Turkey", sent=(0, 35))])
    assert report.relations.tp == 1
    assert report.relations.fn == 3


def test_evaluate_negation_mismatch_is_fp_and_fn(gold) -> None:  # type: ignore[no-untyped-def]
    report = score(gold, [rel("Russia", "SUPPORTS", "Syria", sent=(81, 120), negated=False)])
    assert report.per_type["SUPPORTS"] == Counts(tp=0, fp=1, fn=1)


def test_evaluate_duplicates_count_once(gold) -> None:  # type: ignore[no-untyped-def]
    same = rel("Russia", "OPPOSES", "Turkey", sent=(0, 35))
    report = score(gold, [same, same, same])
    assert report.relations.tp == 1
    assert report.relations.fp == 0


def test_evaluate_places_by_middle_of_sentence_span(gold) -> None:  # type: ignore[no-untyped-def]
    # A predicted sentence span 32..42 has its middle (37) in the second gold sentence.
    report = score(gold, [rel("Russia", "OPPOSES", "Turkey", sent=(32, 42))])
    assert report.relations.fp == 1
    assert report.relations.tp == 0


def test_evaluate_unplaced_predictions_are_not_scored(gold) -> None:  # type: ignore[no-untyped-def]
    report = score(gold, [rel("Russia", "ATTACKS", "Turkey", sent=(500, 600))])
    assert report.relations.fp == 0


def test_evaluate_precision_counts_empty_sentences(gold) -> None:  # type: ignore[no-untyped-def]
    report = score(gold, [rel("Russia", "ATTACKS", "Turkey", sent=(121, 150))])
    assert report.relations.fp == 1


def test_evaluate_modality_accuracy_over_matched(gold) -> None:  # type: ignore[no-untyped-def]
    records = [
        rel("Putin", "PARTNERS_WITH", "Erdogan", sent=(36, 80), modality="asserted"),
        rel("Russia", "OPPOSES", "Turkey", sent=(0, 35)),
    ]
    report = score(gold, records)
    assert report.modality_matched == 2
    assert report.modality_accuracy == 0.5


def test_evaluate_context_entities_are_not_scored(gold) -> None:  # type: ignore[no-untyped-def]
    report = score(gold, [])
    assert report.entities.fn == 5


def test_evaluate_json_shape(gold) -> None:  # type: ignore[no-untyped-def]
    data = score(gold, []).as_dict()
    assert set(data["relations"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(data) >= {"relations", "entities", "per_type", "modality_accuracy", "sentences"}


def test_evaluate_bad_gold_line_names_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "x.txt"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad\.jsonl:1"):
        load_gold([bad])


def test_evaluate_missing_gold_path(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold"):
        load_gold([tmp_path / "nope.jsonl"])
