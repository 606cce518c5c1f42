"""``geokg evaluate`` matches exactly as the independent scorer ``shared/tools/score.py``.

The unit tests build a small gold set and predictions by hand, one case per normalisation;
where ``../shared/tools/score.py`` is present the same files are also scored by it and the
counts compared. The model tests extract every visible gold set once and compare the two
scorers' counts on that output (CI puts ``shared/`` beside the clone; ``GEOKG_SHARED``
points elsewhere).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from geokg.evaluate import EvaluationReport, load_gold, load_predictions, normalize_name, score
from geokg.schema import RelationType

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOKG_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "tools" / "score.py"


def _gold_line(
    start: int, end: int, text: str, ents: list[tuple[str, str]], rels: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "doc": "news.txt",
        "start": start,
        "end": end,
        "text": text,
        "entities": [{"text": n, "label": lab, "name": n} for n, lab in ents],
        "relations": [{"negated": False, "modality": "asserted", **r} for r in rels],
    }


def _rel(source: str, rtype: str, target: str, **kw: Any) -> dict[str, Any]:
    return {"source": source, "type": rtype, "target": target, **kw}


def _pred_rel(
    source: str, rtype: str, target: str, span: tuple[int, int], **kw: Any
) -> dict[str, Any]:
    row = {
        "doc": kw.pop("doc", "news.txt"),
        "kind": "relation",
        "source": source,
        "type": rtype,
        "target": target,
        "sentence": {"start": span[0], "end": span[1]},
    }
    row.update(kw)
    return row


def _pred_ent(name: str, label: str, start: int, end: int, doc: str = "news.txt") -> dict[str, Any]:
    return {"doc": doc, "kind": "entity", "name": name, "label": label, "start": start, "end": end}


def _write(tmp_path: Path, gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Path:
    gdir = tmp_path / "gold"
    gdir.mkdir()
    (gdir / "news.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), "utf-8")
    (gdir / "aliases.json").write_text(
        json.dumps({"Lukashenko": "Alexander Lukashenko", "THE  Hague court": "ICC"}), "utf-8"
    )
    (tmp_path / "pred.jsonl").write_text("".join(json.dumps(p) + "\n" for p in preds), "utf-8")
    return gdir


def _counts(report: EvaluationReport) -> dict[str, Any]:
    data = report.as_dict()
    return {
        "relations": {k: data["relations"][k] for k in ("tp", "fp", "fn")},
        "entities": {k: data["entities"][k] for k in ("tp", "fp", "fn")},
        "per_type": {t: (v["tp"], v["fp"], v["fn"]) for t, v in data["per_type"].items()},
        "modality_accuracy": data["modality_accuracy"],
        "sentences": data["sentences"],
    }


def _scorer_counts(gold: Path, pred: Path, alias: Path | None) -> dict[str, Any]:
    args = [sys.executable, str(SCORER), str(gold), "--pred", str(pred), "--json"]
    if alias is not None and alias.is_file():
        args += ["--alias", str(alias)]
    done = subprocess.run(args, capture_output=True, text=True, check=True, timeout=600)
    data = json.loads(done.stdout)
    return {
        "relations": {k: data["relations"][k] for k in ("tp", "fp", "fn")},
        "entities": {k: data["entities"][k] for k in ("tp", "fp", "fn")},
        "per_type": {t: (v["tp"], v["fp"], v["fn"]) for t, v in data["per_type"].items()},
        "modality_accuracy": data["modality_accuracy"],
        "sentences": data["sentences"],
    }


def _both(
    tmp_path: Path, gold: list[dict[str, Any]], preds: list[dict[str, Any]]
) -> dict[str, Any]:
    gdir = _write(tmp_path, gold, preds)
    ours = _counts(score(load_gold([gdir]), load_predictions(tmp_path / "pred.jsonl")))
    if SCORER.is_file():
        theirs = _scorer_counts(gdir, tmp_path / "pred.jsonl", gdir / "aliases.json")
        assert ours == theirs
    return ours


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The European Union", "european union"),
        ("the  european   Union ", "european union"),
        ("Cote d\u2019Ivoire", "cote d'ivoire"),
        ("\uff2e\uff21\uff34\uff2f", "nato"),  # full-width letters (NFKC)
        ("Paci\ufb01c Islands Forum", "pacific islands forum"),  # the "fi" ligature (NFKC)
        ("Theodore Roosevelt", "theodore roosevelt"),  # "The" only as a whole word
    ],
)
def test_scoring_rule_normalize_name(given: str, expected: str) -> None:
    assert normalize_name(given) == expected


def test_scoring_rule_symmetric_types_as_the_scorer() -> None:
    assert {t.value for t in RelationType if t.symmetric} == {
        "PARTNERS_WITH",
        "MEETS",
        "AGREES_WITH",
        "TRADES_WITH",
    }


S1 = "The European Union sanctioned Belarus."  # 0..38
S2 = "Canada's minister met the Bahamas envoy."  # 40..80
S3 = "Lukashenko met officials of Cote d'Ivoire."  # 82..124


def _gold() -> list[dict[str, Any]]:
    return [
        _gold_line(
            0,
            38,
            S1,
            [("European Union", "Organization"), ("Belarus", "Country")],
            [_rel("European Union", "SANCTIONS", "Belarus")],
        ),
        _gold_line(
            40,
            80,
            S2,
            [("Canada", "Country"), ("the Bahamas", "Country")],
            [
                _rel("the Bahamas", "MEETS", "Canada", modality="hedged"),
                _rel("Bahamas", "MEETS", "Canada"),  # the last listing's modality is the gold's
            ],
        ),
        _gold_line(
            82,
            124,
            S3,
            [("Alexander Lukashenko", "Leader"), ("Cote d\u2019Ivoire", "Country")],
            [_rel("Alexander Lukashenko", "MEETS", "Cote d\u2019Ivoire")],
        ),
    ]


def test_scoring_rule_names_articles_case_and_spaces(tmp_path: Path) -> None:
    preds = [
        _pred_rel("the  european union", "SANCTIONS", "BELARUS", (0, 38)),
        _pred_ent("The European Union", "Organization", 0, 18),
        _pred_ent("belarus", "Country", 30, 37),
    ]
    c = _both(tmp_path, _gold(), preds)
    assert c["relations"] == {"tp": 1, "fp": 0, "fn": 2}
    assert c["entities"]["tp"] == 2
    assert c["entities"]["fp"] == 0


def test_scoring_rule_aliases_and_apostrophes(tmp_path: Path) -> None:
    preds = [
        _pred_rel("lukashenko", "MEETS", "Cote d'Ivoire", (82, 124)),
        _pred_ent("Lukashenko", "Leader", 82, 92),
        _pred_ent("Cote d'Ivoire", "Country", 110, 123),
    ]
    c = _both(tmp_path, _gold(), preds)
    assert c["per_type"]["MEETS"] == (1, 0, 1)
    assert c["entities"]["tp"] == 2


def test_scoring_rule_normalised_alias_table(tmp_path: Path) -> None:
    # the table's variant "THE  Hague court" is normalised too: "hague court" -> "icc"
    gold = [_gold_line(0, 38, S1, [("ICC", "Organization")], [])]
    c = _both(tmp_path, gold, [_pred_ent("Hague Court", "Organization", 0, 5)])
    assert c["entities"] == {"tp": 1, "fp": 0, "fn": 0}


def test_scoring_rule_symmetric_either_order_after_normalising(tmp_path: Path) -> None:
    preds = [_pred_rel("Canada", "MEETS", "The Bahamas", (40, 80))]
    c = _both(tmp_path, _gold(), preds)
    assert c["per_type"]["MEETS"] == (1, 0, 1)


def test_scoring_rule_last_prediction_modality_counts(tmp_path: Path) -> None:
    preds = [
        _pred_rel("Canada", "MEETS", "Bahamas", (40, 80), modality="hedged"),
        _pred_rel("Bahamas", "MEETS", "Canada", (40, 80), modality="asserted"),
    ]
    c = _both(tmp_path, _gold(), preds)
    assert c["relations"]["tp"] == 1
    assert c["modality_accuracy"] == 1.0


def test_scoring_rule_earlier_prediction_modality_is_overridden(tmp_path: Path) -> None:
    preds = [
        _pred_rel("Bahamas", "MEETS", "Canada", (40, 80), modality="asserted"),
        _pred_rel("Canada", "MEETS", "the Bahamas", (40, 80), modality="hedged"),
    ]
    c = _both(tmp_path, _gold(), preds)
    assert c["relations"]["tp"] == 1
    assert c["modality_accuracy"] == 0.0


def test_scoring_rule_document_basename(tmp_path: Path) -> None:
    preds = [_pred_rel("European Union", "SANCTIONS", "Belarus", (0, 38), doc="wire/news.txt")]
    c = _both(tmp_path, _gold(), preds)
    assert c["relations"]["tp"] == 1


def test_scoring_rule_missing_negated_is_false(tmp_path: Path) -> None:
    preds = [
        _pred_rel("European Union", "SANCTIONS", "Belarus", (0, 38)),
        _pred_rel("Belarus", "CRITICIZES", "European Union", (0, 38), negated=True),
    ]
    c = _both(tmp_path, _gold(), preds)
    assert c["relations"]["tp"] == 1
    assert c["per_type"]["CRITICIZES"] == (0, 1, 0)


def test_scoring_rule_placement_first_gold_line_in_file_order(tmp_path: Path) -> None:
    # two gold lines share a span (a sentence annotated twice): the prediction goes to the
    # first, the second counts its relation as missed; the middle 19 lies in the span 0..38
    # and a span ending at the middle does not hold it
    line = _gold()[0]
    gold = [line, line, _gold_line(19, 19, "", [], [])]
    preds = [_pred_rel("European Union", "SANCTIONS", "Belarus", (10, 28))]
    c = _both(tmp_path, gold, preds)
    assert c["relations"] == {"tp": 1, "fp": 0, "fn": 1}
    assert c["sentences"] == 3


def test_scoring_rule_no_match_no_modality_accuracy(tmp_path: Path) -> None:
    c = _both(tmp_path, _gold(), [_pred_rel("Belarus", "ATTACKS", "Canada", (0, 38))])
    assert c["modality_accuracy"] is None
    assert c["relations"]["fp"] == 1


def test_scoring_rule_unplaced_and_unknown_documents_ignored(tmp_path: Path) -> None:
    preds = [
        _pred_rel("Belarus", "ATTACKS", "Canada", (200, 300)),
        _pred_rel("Belarus", "ATTACKS", "Canada", (0, 38), doc="other.txt"),
        {"doc": "news.txt", "kind": "document"},
    ]
    c = _both(tmp_path, _gold(), preds)
    assert c["relations"] == {"tp": 0, "fp": 0, "fn": 3}  # the twice-listed key once


# --- every visible gold set, both scorers on the same extraction -----------------------------

SETS = {
    "dev": ("gold", "corpus"),
    "plover": ("benchmarks/plover", "benchmarks/plover"),
    "voa": ("voa/gold", "voa/docs"),
}


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_scoring_rule_same_counts_as_score_py(name: str, nlp: Any, tmp_path: Path) -> None:
    gold_rel, docs_rel = SETS[name]
    gold_dir, docs_dir = SHARED / gold_rel, SHARED / docs_rel
    if not (SCORER.is_file() and gold_dir.is_dir() and docs_dir.is_dir()):
        pytest.skip(f"{SHARED}: score.py or the {name} gold set is not present")
    from geokg.extract.extractor import DocumentFailure, Extractor
    from geokg.extract.io import read_document

    gold = load_gold([gold_dir])
    pred = tmp_path / "pred.jsonl"
    records = []
    with pred.open("w", encoding="utf-8") as out:
        raws = [read_document(d, docs_dir / d) for d in gold.documents]
        for result in Extractor(nlp).extract(raws):
            assert not isinstance(result, DocumentFailure), result
            for record in result.records():
                records.append(record)
                out.write(record.model_dump_json(exclude_none=False) + "\n")
    theirs = _scorer_counts(gold_dir, pred, gold_dir / "aliases.json")
    assert _counts(score(gold, records)) == theirs
    assert _counts(score(gold, load_predictions(pred))) == theirs
    assert theirs["relations"]["tp"] > 0


def test_scoring_rule_cli_scores_a_predictions_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geokg.cli import app

    gdir = _write(tmp_path, _gold(), [_pred_rel("the Bahamas", "MEETS", "Canada", (40, 80))])
    result = CliRunner().invoke(
        app, ["evaluate", str(gdir), "--pred", str(tmp_path / "pred.jsonl"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["relations"]["tp"] == 1
    assert data["relations"]["fn"] == 2


def test_scoring_rule_cli_needs_docs_or_pred(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geokg.cli import app

    gdir = _write(tmp_path, _gold(), [])
    result = CliRunner().invoke(app, ["evaluate", str(gdir)])
    assert result.exit_code == 2
    assert "--docs" in result.output


def test_scoring_rule_bad_prediction_line_names_file(tmp_path: Path) -> None:
    from geokg.errors import EvaluationError

    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"doc": "a.txt", "kind": "relation", "source": "X"}\n', "utf-8")
    with pytest.raises(EvaluationError, match=r"pred\.jsonl:1: relation without"):
        load_predictions(bad)
