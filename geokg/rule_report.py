"""The rule report: what each relation rule and cue entry fires on, and how often it is right.

The real extractor runs over one or more folders (the *corpus*, e.g. an unlabeled collection)
and, optionally, over gold sets (their documents). Every relation mention is counted under its
rule id (the family that found it, ``svo_active.v1``) and under its cue entry (the
``cues.jsonl`` entry whose lemma fired, ``sanction.verb``). Mentions of gold documents are
placed and matched exactly as :mod:`geokg.evaluate` scores (the gold sentence holding the
middle of the mention's sentence; key ``(source, type, target, negated)`` after name
normalisation and the set's aliases; symmetric types in either order), each mention on its own:
a key that two rules both find is a true positive of each.

Which cue entry fired is not part of the exported record; the report appends one component,
``geokg_rule_probe``, after the pipeline's own, which copies each relation annotation's cue id
and the lemma of its trigger into the rule string (``svo_active.v1|cue=sanction.verb|lemma=
sanction``) for the report to split again. Rules that are not driven by a ``cues.jsonl`` entry
(titles and appositions carry the cue id ``title``; "rejected an offer" carries
``rejected.offer``) are counted under that id and the trigger lemma, ``title:prime minister``,
or under the rule family and the lemma where they carry none.

A rule or cue entry that fires in gold sentences but never on the corpus is flagged
*gold-only*: nothing shows that it generalises. Example sentences are taken from the corpus
only, never from gold files, so a report can be pasted into docs without quoting gold.

Example:
    >>> report = build_report(["news/"], gold=[("gold/", "docs/")])  # doctest: +SKIP
    >>> [s.name for s in report.gold_only("cue")]  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from geokg.errors import EvaluationError
from geokg.evaluate import GoldMatcher, GoldSet, load_gold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from geokg.extract.extractor import TextDocument
    from geokg.schema import RelationMention

__all__ = [
    "PROBE",
    "Firing",
    "RuleReport",
    "RuleStats",
    "add_probe",
    "build_report",
    "report_markdown",
    "split_rule",
]

#: The name of the component that copies cue ids into the rule string.
PROBE = "geokg_rule_probe"
_SEP = "|cue="
_LEMMA = "|lemma="
_EXAMPLE_CHARS = 220

Kind = Literal["rule", "cue"]


def split_rule(rule: str, cue_ids: Container[str] = ()) -> tuple[str, str]:
    """Split a probed rule string into the rule id and the cue entry.

    Args:
        rule: The rule string written by the ``geokg_rule_probe`` component.
        cue_ids: The ids of the ``cues.jsonl`` entries; any other cue id (or none) is
            qualified by the trigger lemma.

    Example:
        >>> split_rule("svo_active.v1|cue=sanction.verb|lemma=sanction", {"sanction.verb"})
        ('svo_active.v1', 'sanction.verb')
        >>> split_rule("leads_title.v1|cue=title|lemma=prime minister")
        ('leads_title.v1', 'title:prime minister')
    """
    rule_id, _, rest = rule.partition(_SEP)
    cue, _, lemma = rest.partition(_LEMMA)
    if cue in cue_ids:
        return rule_id, cue
    base = cue or rule_id.rsplit(".v", 1)[0]
    return rule_id, f"{base}:{lemma}" if lemma else base


def _probe(doc: Doc) -> Doc:
    from geokg.extract.annotations import RELATIONS_ATTR, get_relations

    rels = get_relations(doc)
    if rels:
        out = []
        for r in rels:
            cue = r.extra.get("cue", "")
            words = doc[r.trigger_start : r.trigger_end]
            lemma = " ".join(t.lemma_.lower().replace("\u2019", "'") for t in words)
            out.append(dataclasses.replace(r, rule=f"{r.rule}{_SEP}{cue}{_LEMMA}{lemma}"))
        doc._.set(RELATIONS_ATTR, out)
    return doc


def add_probe(nlp: Language) -> Language:
    """Append the ``geokg_rule_probe`` component to ``nlp`` (once) and return it."""
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory(PROBE):
        SpacyLanguage.component(PROBE, func=_probe)
    if PROBE not in nlp.pipe_names:
        nlp.add_pipe(PROBE, last=True)
    return nlp


@dataclass(frozen=True, slots=True)
class Firing:
    """One relation mention as the report sees it.

    Attributes:
        record: The relation mention (its ``rule`` without the cue part).
        cue: The cue entry (or derived cue name) that fired.
        source: ``"corpus"`` or the label of the gold set whose document it came from.
        verdict: For gold documents: True (matches the gold sentence), False (a false
            positive), None (outside any annotated sentence, or a corpus document).
    """

    record: RelationMention
    cue: str
    source: str
    verdict: bool | None = None


@dataclass(slots=True)
class RuleStats:
    """Counts of one rule id or cue entry."""

    name: str
    kind: Kind
    types: Counter[str] = field(default_factory=Counter)
    firings: int = 0
    documents: set[str] = field(default_factory=set)
    examples: list[tuple[str, str]] = field(default_factory=list)
    gold_firings: int = 0
    gold_sentences: set[tuple[str, str, int]] = field(default_factory=set)
    gold_sets: Counter[str] = field(default_factory=Counter)
    tp: int = 0
    fp: int = 0
    listed: bool = False

    @property
    def gold_only(self) -> bool:
        """Fires in gold sentences and never on the corpus."""
        return self.gold_firings > 0 and self.firings == 0

    def as_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "name": self.name,
            "kind": self.kind,
            "types": dict(self.types.most_common()),
            "firings": self.firings,
            "documents": len(self.documents),
            "gold_firings": self.gold_firings,
            "gold_sentences": len(self.gold_sentences),
            "gold_sets": dict(sorted(self.gold_sets.items())),
            "tp": self.tp,
            "fp": self.fp,
            "gold_only": self.gold_only,
            "listed": self.listed,
            "examples": [{"doc": d, "sentence": s} for d, s in self.examples],
        }


@dataclass(slots=True)
class RuleReport:
    """Per-rule and per-cue counts over a corpus and gold sets."""

    corpus_documents: int = 0
    gold_sets: dict[str, int] = field(default_factory=dict)
    rules: dict[str, RuleStats] = field(default_factory=dict)
    cues: dict[str, RuleStats] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def table(self, kind: Kind) -> list[RuleStats]:
        """Rule ids or cue entries, most corpus firings first, then most gold firings."""
        rows = self.rules if kind == "rule" else self.cues
        return sorted(rows.values(), key=lambda s: (-s.firings, -s.gold_firings, s.name))

    def gold_only(self, kind: Kind) -> list[RuleStats]:
        """The rules or cue entries that fire in gold sentences but never on the corpus."""
        return [s for s in self.table(kind) if s.gold_only]

    def as_dict(self) -> dict[str, Any]:
        """The ``--json`` object of ``geokg rules``."""
        return {
            "corpus_documents": self.corpus_documents,
            "gold_sets": self.gold_sets,
            "rules": [s.as_dict() for s in self.table("rule")],
            "cues": [s.as_dict() for s in self.table("cue")],
            "gold_only": {
                "rules": [s.name for s in self.gold_only("rule")],
                "cues": [s.name for s in self.gold_only("cue")],
            },
            "failures": self.failures,
        }

    def add(self, firing: Firing, *, examples: int) -> None:
        """Count one firing under its rule id and its cue entry."""
        rec = firing.record
        if firing.source != "corpus" and firing.verdict is None:
            return  # in a gold document but outside its annotated sentences: not judged
        entries: tuple[tuple[Kind, str, dict[str, RuleStats]], ...] = (
            ("rule", rec.rule, self.rules),
            ("cue", firing.cue, self.cues),
        )
        for kind, name, rows in entries:
            stats = rows.get(name)
            if stats is None:
                stats = rows[name] = RuleStats(name, kind)
            stats.types[rec.type.value] += 1
            if firing.source == "corpus":
                stats.firings += 1
                stats.documents.add(rec.doc)
                sentence = " ".join(rec.sentence.text.split())
                if len(sentence) > _EXAMPLE_CHARS:
                    sentence = sentence[: _EXAMPLE_CHARS - 3] + "..."
                if len(stats.examples) < examples and all(s != sentence for _, s in stats.examples):
                    stats.examples.append((rec.doc, sentence))
            else:
                stats.gold_firings += 1
                stats.gold_sets[firing.source] += 1
                stats.gold_sentences.add((firing.source, rec.doc, rec.sentence.start))
                if firing.verdict:
                    stats.tp += 1
                else:
                    stats.fp += 1


def _label(path: Path) -> str:
    """A short label for a gold set: its last two path parts ("voa/gold")."""
    parts = path.resolve().parts
    return "/".join(parts[-2:]) if len(parts) >= 2 else str(path)


def _gold_documents(gold: GoldSet, docs_dir: Path) -> list[TextDocument]:
    from geokg.extract.io import read_document

    raws: list[TextDocument] = []
    for name in gold.documents:
        path = docs_dir / name
        if not path.is_file():
            raise EvaluationError(f"{path}: gold document not found in {docs_dir}")
        raws.append(read_document(name, path))
    return raws


def _firings(
    nlp: Language,
    docs: Iterable[TextDocument],
    *,
    source: str,
    failures: list[str],
    cue_ids: Container[str],
    matcher: GoldMatcher | None = None,
) -> Iterable[Firing]:
    from geokg.extract.extractor import DocumentFailure, Extractor

    for result in Extractor(nlp).extract(docs):
        if isinstance(result, DocumentFailure):
            failures.append(f"{result.name}: {result.reason}")
            continue
        for rec in result.relations:
            rule, cue = split_rule(rec.rule, cue_ids)
            rec = rec.model_copy(update={"rule": rule})
            verdict = matcher.judge(rec) if matcher is not None else None
            yield Firing(rec, cue, source, verdict)


def build_report(
    corpus: Sequence[str | Path],
    *,
    gold: Sequence[tuple[str | Path, str | Path]] = (),
    examples: int = 3,
    nlp: Language | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> RuleReport:
    """Run the extractor over a corpus and gold sets and count every rule and cue entry.

    Args:
        corpus: Files or folders (recursive) of text the rules were not written for.
        gold: ``(gold folder or file, documents folder)`` pairs.
        examples: How many distinct corpus sentences to keep per rule and cue entry.
        nlp: The pipeline (the default one when None); the probe component is appended.
        on_problem: Called with the message of each input that cannot be read.

    Returns:
        The report; every cue entry of the pipeline's rule data and every rule id with a base
        confidence appears, with zero counts where it never fired.

    Raises:
        EvaluationError: A gold file is bad or names a document missing from its folder.
    """
    from geokg.extract.io import InputProblem, iter_documents
    from geokg.extract.pipeline import load_nlp
    from geokg.extract.relations.component import RelationComponent

    pipeline = add_probe(nlp if nlp is not None else load_nlp())
    report = RuleReport()
    component = pipeline.get_pipe("geokg_relations")
    if not isinstance(component, RelationComponent):
        raise EvaluationError("the pipeline has no geokg_relations component")
    lexicon = component.lexicon
    cue_ids = frozenset(cue.id for cue in lexicon.cues)
    for cue in lexicon.cues:
        report.cues[cue.id] = RuleStats(cue.id, "cue", listed=True)
    for rule in lexicon.rule_confidence:
        if rule != "context.v1":  # a confidence factor, not a rule
            report.rules[rule] = RuleStats(rule, "rule", listed=True)

    def corpus_docs() -> Iterable[TextDocument]:
        for item in iter_documents(list(corpus)):
            if isinstance(item, InputProblem):
                report.failures.append(item.message)
                if on_problem is not None:
                    on_problem(item.message)
                continue
            report.corpus_documents += 1
            yield item

    if corpus:
        for firing in _firings(
            pipeline, corpus_docs(), source="corpus", failures=report.failures, cue_ids=cue_ids
        ):
            report.add(firing, examples=examples)
    for gold_path, docs_dir in gold:
        gold_set = load_gold([gold_path])
        label = _label(Path(gold_path))
        report.gold_sets[label] = len(gold_set)
        raws = _gold_documents(gold_set, Path(docs_dir))
        matcher = GoldMatcher(gold_set)
        for firing in _firings(
            pipeline,
            raws,
            source=label,
            failures=report.failures,
            cue_ids=cue_ids,
            matcher=matcher,
        ):
            report.add(firing, examples=examples)
    return report


def _md_rows(rows: list[RuleStats], gold: bool) -> list[str]:
    head = "| name | types | firings | documents |"
    rule = "|---|---|--:|--:|"
    if gold:
        head += " gold firings | gold sentences | tp | fp |"
        rule += "--:|--:|--:|--:|"
    out = [head, rule]
    for s in rows:
        types = ", ".join(t for t, _ in s.types.most_common())
        line = f"| `{s.name}` | {types} | {s.firings} | {len(s.documents)} |"
        if gold:
            line += f" {s.gold_firings} | {len(s.gold_sentences)} | {s.tp} | {s.fp} |"
        out.append(line)
    return out


def report_markdown(report: RuleReport, *, title: str = "Rule report") -> str:
    """The report as Markdown: both tables and the gold-only lists (no example sentences)."""
    gold = bool(report.gold_sets)
    lines = [f"# {title}", ""]
    sets = ", ".join(f"{k} ({v} sentences)" for k, v in report.gold_sets.items())
    lines.append(
        f"Corpus: {report.corpus_documents} documents." + (f" Gold: {sets}." if gold else "")
    )
    lines.append("")
    summaries = (
        ("Rule ids", report.table("rule")),
        ("Cue entries of cues.jsonl", [s for s in report.table("cue") if s.listed]),
    )
    for what, rows in summaries:
        fired = sum(1 for s in rows if s.firings)
        n_only = sum(1 for s in rows if s.gold_only)
        silent = sum(1 for s in rows if not s.firings and not s.gold_firings)
        lines.append(
            f"- {what}: {len(rows)}; {fired} fire on the corpus "
            f"({sum(s.firings for s in rows)} firings)"
            + (f", {n_only} only in gold sentences, {silent} nowhere" if gold else "")
            + "."
        )
    lines.append("")
    if gold:
        groups = (
            ("Rule ids", report.gold_only("rule")),
            ("Cue entries (cues.jsonl)", [s for s in report.gold_only("cue") if s.listed]),
            (
                "Other triggers (title words, structural rules: cue id and trigger lemma)",
                [s for s in report.gold_only("cue") if not s.listed],
            ),
        )
        for what, only in groups:
            lines.append(f"## {what} that fire only in gold sentences ({len(only)})")
            lines.append("")
            if not only:
                lines.append("None.")
            for s in only:
                where = ", ".join(f"{k} {v}" for k, v in sorted(s.gold_sets.items()))
                lines.append(
                    f"- `{s.name}` ({', '.join(s.types)}): {s.gold_firings} firings in "
                    f"{len(s.gold_sentences)} gold sentences ({where}); tp {s.tp}, fp {s.fp}"
                )
            lines.append("")
    lines += ["## Firings per rule id", "", *_md_rows(report.table("rule"), gold), ""]
    lines += ["## Firings per cue entry", "", *_md_rows(report.table("cue"), gold), ""]
    if report.failures:
        lines += ["## Inputs that failed", "", *(f"- {f}" for f in report.failures), ""]
    return "\n".join(lines)
