"""The rule report counts firings per rule id and cue entry, and judges gold firings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geokg.evaluate import GoldMatcher, load_gold
from geokg.rule_report import Firing, RuleReport, RuleStats, report_markdown, split_rule
from geokg.schema import Modality, RelationMention, RelationType, TextSpan


def _rec(
    doc: str, source: str, rtype: str, target: str, sent: tuple[int, int, str], rule: str
) -> RelationMention:
    start, end, text = sent
    return RelationMention(
        doc=doc,
        source=source,
        source_id="country:" + source.lower(),
        type=RelationType(rtype),
        target=target,
        target_id="country:" + target.lower(),
        modality=Modality.ASSERTED,
        sentence=TextSpan(start=start, end=end, text=text),
        trigger=TextSpan(start=start, end=start + 1, text=text[:1]),
        rule=rule,
        confidence=0.8,
    )


A1 = (0, 36, "Canada imposed sanctions on Belarus.")
A2 = (37, 76, "Japan criticized North Korea on Monday.")
B1 = (0, 28, "Brazil criticized Argentina.")


def test_rule_report_split_rule_keeps_cue_entries_and_qualifies_the_rest() -> None:
    ids = {"sanction.noun"}
    assert split_rule("nominal.v1|cue=sanction.noun|lemma=sanction", ids) == (
        "nominal.v1",
        "sanction.noun",
    )
    assert split_rule("leads_title.v1|cue=title|lemma=president", ids) == (
        "leads_title.v1",
        "title:president",
    )
    assert split_rule("member_verb.v1|cue=|lemma=join", ids) == (
        "member_verb.v1",
        "member_verb:join",
    )
    assert split_rule("svo_active.v1") == ("svo_active.v1", "svo_active")


def test_rule_report_counts_corpus_firings_documents_and_examples() -> None:
    report = RuleReport()
    for rec, cue in (
        (
            _rec("a.txt", "Japan", "CRITICIZES", "North Korea", A2, "svo_active.v1"),
            "criticize.verb",
        ),
        (_rec("b.txt", "Brazil", "CRITICIZES", "Argentina", B1, "svo_active.v1"), "criticize.verb"),
        (_rec("b.txt", "Brazil", "CRITICIZES", "Argentina", B1, "svo_active.v1"), "criticize.verb"),
        (_rec("a.txt", "Canada", "SANCTIONS", "Belarus", A1, "nominal.v1"), "sanction.noun"),
    ):
        report.add(Firing(rec, cue, "corpus"), examples=1)
    svo = report.rules["svo_active.v1"]
    assert svo.firings == 3
    assert len(svo.documents) == 2
    assert svo.types == {"CRITICIZES": 3}
    assert svo.examples == [("a.txt", A2[2])]  # one example asked for
    crit = report.cues["criticize.verb"]
    assert crit.firings == 3
    assert crit.gold_firings == 0
    assert not crit.gold_only
    assert [s.name for s in report.table("rule")] == ["svo_active.v1", "nominal.v1"]


def test_rule_report_examples_are_distinct_sentences() -> None:
    report = RuleReport()
    rec = _rec("b.txt", "Brazil", "CRITICIZES", "Argentina", B1, "svo_active.v1")
    for _ in range(3):
        report.add(Firing(rec, "criticize.verb", "corpus"), examples=3)
    assert report.rules["svo_active.v1"].examples == [("b.txt", B1[2])]


def test_rule_report_gold_firings_tp_fp_and_gold_only_flag() -> None:
    report = RuleReport()
    gold_rec = _rec(
        "g.txt", "Peru", "ATTACKS", "Chile", (0, 20, "Peru attacked Chile."), "svo_active.v1"
    )
    report.add(Firing(gold_rec, "attack.verb", "voa/gold", True), examples=3)
    report.add(Firing(gold_rec, "attack.verb", "shared/gold", False), examples=3)
    report.add(Firing(gold_rec, "attack.verb", "shared/gold", None), examples=3)  # unplaced
    corpus_rec = _rec("a.txt", "Japan", "CRITICIZES", "North Korea", A2, "svo_active.v1")
    report.add(Firing(corpus_rec, "criticize.verb", "corpus"), examples=3)
    attack = report.cues["attack.verb"]
    assert attack.types == {"ATTACKS": 2}  # the unplaced firing is not counted at all
    assert (attack.gold_firings, attack.tp, attack.fp) == (2, 1, 1)
    assert len(attack.gold_sentences) == 2  # the same text in two gold sets
    assert attack.gold_sets == {"voa/gold": 1, "shared/gold": 1}
    assert attack.examples == []  # gold sentences are never examples
    assert attack.gold_only
    assert not report.rules["svo_active.v1"].gold_only  # it fires on the corpus too
    assert [s.name for s in report.gold_only("cue")] == ["attack.verb"]
    assert report.gold_only("rule") == []


def test_rule_report_markdown_lists_gold_only_without_sentences() -> None:
    report = RuleReport(corpus_documents=2, gold_sets={"voa/gold": 1})
    report.cues["attack.verb"] = RuleStats("attack.verb", "cue", listed=True)
    gold_rec = _rec(
        "g.txt", "Peru", "ATTACKS", "Chile", (0, 20, "Peru attacked Chile."), "svo_active.v1"
    )
    report.add(Firing(gold_rec, "attack.verb", "voa/gold", True), examples=3)
    corpus_rec = _rec("a.txt", "Japan", "CRITICIZES", "North Korea", A2, "svo_active.v1")
    report.add(Firing(corpus_rec, "criticize.verb", "corpus"), examples=3)
    text = report_markdown(report)
    assert "## Cue entries (cues.jsonl) that fire only in gold sentences (1)" in text
    assert "(title words, structural rules: cue id and trigger lemma) that fire only" in text
    assert (
        "- `attack.verb` (ATTACKS): 1 firings in 1 gold sentences (voa/gold 1); tp 1, fp 0" in text
    )
    assert "Peru attacked Chile." not in text
    assert "Japan criticized" not in text
    assert "| `svo_active.v1` | ATTACKS, CRITICIZES | 1 | 1 | 1 | 1 | 1 | 0 |" in text
    data = json.loads(json.dumps(report.as_dict()))
    assert data["gold_only"] == {"rules": [], "cues": ["attack.verb"]}


def _gold_dir(tmp_path: Path, sentences: list[dict[str, Any]]) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "g.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sentences), "utf-8")
    return gold


def test_rule_report_gold_matcher_judges_like_the_scorer(tmp_path: Path) -> None:
    gold = _gold_dir(
        tmp_path,
        [
            {
                "doc": "g.txt",
                "start": 0,
                "end": 20,
                "text": "Peru attacked Chile.",
                "relations": [
                    {"source": "Peru", "type": "ATTACKS", "target": "Chile"},
                    {"source": "the Chile", "type": "MEETS", "target": "Peru"},
                ],
            }
        ],
    )
    matcher = GoldMatcher(load_gold([gold]))
    sent = (0, 20, "Peru attacked Chile.")
    assert matcher.judge(_rec("g.txt", "Peru", "ATTACKS", "Chile", sent, "r")) is True
    assert matcher.judge(_rec("g.txt", "Chile", "ATTACKS", "Peru", sent, "r")) is False
    assert matcher.judge(_rec("sub/g.txt", "PERU", "MEETS", "Chile", sent, "r")) is True
    assert matcher.judge(_rec("g.txt", "Peru", "ATTACKS", "Chile", (30, 40, "x"), "r")) is None
    assert matcher.judge(_rec("h.txt", "Peru", "ATTACKS", "Chile", sent, "r")) is None


def test_rule_report_cli_pairs_docs_with_gold(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geokg.cli import app

    args = ["rules", "--gold", str(tmp_path), "--gold", str(tmp_path), "--docs", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "1 --docs for 2 --gold" in result.output
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 2


# --- the real pipeline on a constructed corpus and gold set ----------------------------------


@pytest.mark.model
def test_rule_report_on_constructed_corpus(nlp: Any, tmp_path: Path) -> None:
    from geokg.extract.extractor import Extractor
    from geokg.extract.io import iter_documents
    from geokg.rule_report import build_report

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"{A1[2]}\n\n{A2[2]}\n", "utf-8")
    (corpus / "b.txt").write_text(f"{B1[2]}\n", "utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    g1, g2 = "Kenya signed a trade agreement with Ghana.", "Peru attacked Chile."
    (docs / "g.txt").write_text(f"{g1}\n\n{g2}\n", "utf-8")
    s2 = len(g1) + 2
    gold = _gold_dir(
        tmp_path,
        [
            {
                "doc": "g.txt",
                "start": 0,
                "end": len(g1),
                "text": g1,
                "relations": [{"source": "Kenya", "type": "AGREES_WITH", "target": "Ghana"}],
            },
            {
                "doc": "g.txt",
                "start": s2,
                "end": s2 + len(g2),
                "text": g2,
                "relations": [{"source": "Peru", "type": "ATTACKS", "target": "Chile"}],
            },
        ],
    )
    plain = sum(len(r.relations) for r in Extractor(nlp).extract(iter_documents([corpus])))
    report = build_report([corpus], gold=[(gold, docs)], nlp=nlp)
    assert report.corpus_documents == 2
    assert sum(s.firings for s in report.rules.values()) == plain == 3
    assert sum(s.firings for s in report.cues.values()) == plain
    svo = report.rules["svo_active.v1"]
    assert (svo.firings, len(svo.documents)) == (2, 2)
    assert (svo.gold_firings, svo.tp, svo.fp) == (1, 1, 0)
    crit = report.cues["criticize.verb"]
    assert (crit.firings, len(crit.documents)) == (2, 2)
    attack = report.cues["attack.verb"]
    assert attack.gold_only
    assert (attack.tp, attack.fp) == (1, 0)
    # "signed a trade agreement with" gives AGREES_WITH (gold) and TRADES_WITH (not in gold)
    light = report.rules["nominal_light_verb.v1"]
    assert light.gold_firings == 2
    assert (light.tp, light.fp) == (1, 1)
    assert report.cues["meet.verb"].firings == 0  # listed although it never fired
