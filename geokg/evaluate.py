"""Score extraction records against sentence-level gold (SCHEMA.md "Scoring").

A predicted relation mention is placed in the gold sentence whose span contains the middle of
its own sentence span; a predicted entity mention by the middle of its own span. Per gold
sentence the predicted set of ``(source, type, target, negated)`` is compared with the gold
set (symmetric types in either order); duplicates count once; precision, recall and F1 are
micro-averaged over all annotated sentences and also reported per type. Entities are scored
the same way on ``(name, label)``; gold entity entries with ``context: true`` are not scored.
Modality is scored as accuracy over matched relations.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from geokg.errors import EvaluationError
from geokg.schema import (
    EntityMention,
    GoldSentence,
    Modality,
    RelationMention,
    RelationType,
)

__all__ = [
    "Counts",
    "EvaluationReport",
    "GoldSet",
    "load_gold",
    "score",
]


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when the gold is empty."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        """Count one sentence's predicted set against its gold set."""
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def as_dict(self) -> dict[str, float | int]:
        """The JSON form: precision, recall, f1 (rounded to 4 places), tp, fp, fn."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class GoldSet:
    """Gold sentences grouped by document, with the alias table that scoring applies."""

    sentences: dict[str, list[GoldSentence]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def documents(self) -> list[str]:
        """The document names the gold refers to."""
        return sorted(self.sentences)

    def __len__(self) -> int:
        return sum(len(v) for v in self.sentences.values())


@dataclass(slots=True)
class EvaluationReport:
    """The scores of one evaluation run."""

    relations: Counts
    entities: Counts
    per_type: dict[str, Counts]
    per_label: dict[str, Counts]
    modality_matched: int
    modality_correct: int
    sentences: int
    errors: list[str] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def modality_accuracy(self) -> float:
        """Share of matched relations whose predicted modality equals the gold's."""
        return self.modality_correct / self.modality_matched if self.modality_matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The ``--json`` object of ``geokg evaluate``."""
        return {
            "relations": self.relations.as_dict(),
            "entities": self.entities.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "per_label": {k: v.as_dict() for k, v in sorted(self.per_label.items())},
            "modality_accuracy": round(self.modality_accuracy, 4),
            "modality_matched": self.modality_matched,
            "sentences": self.sentences,
            "errors": self.errors,
        }


def _gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.jsonl") if p.is_file())
    if path.is_file():
        return [path]
    raise EvaluationError(f"{path}: no such gold file or folder")


def load_gold(paths: Sequence[str | Path]) -> GoldSet:
    """Read gold JSON Lines files (or folders of them) and their ``aliases.json`` tables.

    Raises:
        EvaluationError: A file is missing or a line is not a valid gold sentence; the
            message names the file and line.
    """
    gold = GoldSet()
    for given in paths:
        path = Path(given)
        alias_dir = path if path.is_dir() else path.parent
        alias_file = alias_dir / "aliases.json"
        if alias_file.is_file():
            try:
                table = json.loads(alias_file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise EvaluationError(f"{alias_file}: not a JSON object: {e}") from e
            if not isinstance(table, dict):
                raise EvaluationError(f"{alias_file}: not a JSON object of variant -> canonical")
            gold.aliases.update({str(k): str(v) for k, v in table.items()})
        for file in _gold_files(path):
            with file.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        sent = GoldSentence.model_validate_json(line)
                    except ValidationError as e:
                        raise EvaluationError(f"{file}:{lineno}: not a gold sentence: {e}") from e
                    gold.sentences.setdefault(sent.doc, []).append(sent)
    for sents in gold.sentences.values():
        sents.sort(key=lambda s: s.start)
    return gold


RelKey = tuple[str, str, str, bool]


def _rel_key(source: str, rtype: RelationType, target: str, negated: bool) -> RelKey:
    if rtype.symmetric and target < source:
        source, target = target, source
    return source, rtype.value, target, negated


class _Placer:
    """Find the gold sentence containing a character offset."""

    def __init__(self, sentences: list[GoldSentence]) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def find(self, offset: float) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None


def score(
    gold: GoldSet,
    records: Iterable[EntityMention | RelationMention],
    *,
    keep_details: bool = False,
) -> EvaluationReport:
    """Score predicted records against the gold.

    Args:
        gold: The gold sentences and alias table.
        records: Predicted entity and relation mentions (raw offsets).
        keep_details: Keep per-sentence false positives/negatives in ``details``.

    Returns:
        The report.
    """
    aliases = gold.aliases

    def norm(name: str) -> str:
        return aliases.get(name, name)

    placers = {doc: _Placer(sents) for doc, sents in gold.sentences.items()}
    pred_rel: dict[tuple[str, int], dict[RelKey, list[Modality]]] = defaultdict(dict)
    pred_ent: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for rec in records:
        placer = placers.get(rec.doc)
        if placer is None:
            continue
        if isinstance(rec, RelationMention):
            i = placer.find((rec.sentence.start + rec.sentence.end) / 2)
            if i is None:
                continue
            key = _rel_key(norm(rec.source), rec.type, norm(rec.target), rec.negated)
            pred_rel[(rec.doc, i)].setdefault(key, []).append(rec.modality)
        else:
            i = placer.find((rec.start + rec.end) / 2)
            if i is None:
                continue
            pred_ent[(rec.doc, i)].add((norm(rec.name), rec.label.value))

    relations, entities = Counts(), Counts()
    per_type: dict[str, Counts] = defaultdict(Counts)
    per_label: dict[str, Counts] = defaultdict(Counts)
    matched = correct = 0
    details: list[dict[str, Any]] = []
    n = 0
    for doc, sents in gold.sentences.items():
        for i, sent in enumerate(sents):
            n += 1
            gold_rel: dict[RelKey, Modality] = {}
            for r in sent.relations:
                key = _rel_key(norm(r.source), r.type, norm(r.target), r.negated)
                gold_rel.setdefault(key, r.modality)
            predicted = pred_rel.get((doc, i), {})
            relations.add(set(predicted), set(gold_rel))
            for t in RelationType:
                per_type[t.value].add(
                    {k for k in predicted if k[1] == t.value},
                    {k for k in gold_rel if k[1] == t.value},
                )
            for key, modality in gold_rel.items():
                if key in predicted:
                    matched += 1
                    correct += int(predicted[key][0] == modality)
            gold_ent = {(norm(e.name), e.label.value) for e in sent.entities if not e.context}
            pred = pred_ent.get((doc, i), set())
            entities.add(pred, gold_ent)
            for label in {lab for _, lab in gold_ent | pred}:
                per_label[label].add(
                    {e for e in pred if e[1] == label}, {e for e in gold_ent if e[1] == label}
                )
            if keep_details and (set(predicted) != set(gold_rel) or pred != gold_ent):
                details.append(
                    {
                        "doc": doc,
                        "start": sent.start,
                        "text": sent.text,
                        "relations_fp": sorted(map(list, set(predicted) - set(gold_rel))),
                        "relations_fn": sorted(map(list, set(gold_rel) - set(predicted))),
                        "entities_fp": sorted(map(list, pred - gold_ent)),
                        "entities_fn": sorted(map(list, gold_ent - pred)),
                    }
                )
    return EvaluationReport(
        relations=relations,
        entities=entities,
        per_type={k: v for k, v in per_type.items() if v.tp + v.fp + v.fn},
        per_label=dict(per_label),
        modality_matched=matched,
        modality_correct=correct,
        sentences=n,
        details=details,
    )


def evaluate_documents(
    gold: GoldSet,
    docs_dir: Path,
    *,
    extract: Any = None,
    keep_details: bool = False,
) -> EvaluationReport:
    """Extract the gold's documents from ``docs_dir`` and score them.

    Args:
        gold: The gold set.
        docs_dir: The folder holding the documents the gold names.
        extract: An :class:`~geokg.extract.extractor.Extractor` (a default one when None).
        keep_details: Keep per-sentence differences.

    Raises:
        EvaluationError: A gold document is missing from ``docs_dir``.
    """
    from geokg.extract.extractor import DocumentFailure, Extractor
    from geokg.extract.io import read_document

    extractor = extract if extract is not None else Extractor()
    raws = []
    for name in gold.documents:
        path = docs_dir / name
        if not path.is_file():
            raise EvaluationError(f"{path}: gold document not found in {docs_dir}")
        raws.append(read_document(name, path))
    records: list[EntityMention | RelationMention] = []
    errors: list[str] = []
    for result in extractor.extract(raws):
        if isinstance(result, DocumentFailure):
            errors.append(f"{result.name}: {result.reason}")
            continue
        records.extend(result.records())
    report = score(gold, records, keep_details=keep_details)
    report.errors = errors
    return report


def format_counts(counts: Mapping[str, Counts]) -> list[tuple[str, str, str, str, int, int, int]]:
    """Rows for a table: name, P, R, F1, tp, fp, fn."""
    return [
        (k, f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}", v.tp, v.fp, v.fn)
        for k, v in counts.items()
    ]
