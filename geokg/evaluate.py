"""Score extraction records against sentence-level gold (SCHEMA.md "Scoring").

A predicted relation mention is placed in the gold sentence whose span contains the middle of
its own sentence span; a predicted entity mention by the middle of its own span. Per gold
sentence the predicted set of ``(source, type, target, negated)`` is compared with the gold
set (symmetric types in either order); duplicates count once; precision, recall and F1 are
micro-averaged over all annotated sentences and also reported per type. Entities are scored
the same way on ``(name, label)``; gold entity entries with ``context: true`` are not scored.
Modality is scored as accuracy over matched relations.

The matching is exactly that of the independent scorer ``shared/tools/score.py`` (a test
checks both give the same counts on every visible gold set):

- names are compared after :func:`normalize_name` (NFKC, typographic apostrophe, case, a
  leading "the ", runs of spaces), then looked up once in the alias table, whose variants and
  canonical names are normalised the same way;
- symmetric types are keyed with the two normalised names in sorted order;
- a prediction's document is its file name (``Path(doc).name``), so predictions made on a
  folder (``sub/x.txt``) meet gold that names ``x.txt``;
- a prediction goes to the first gold line (in file order) of its document whose span holds
  its middle;
- where one sentence has several predictions of one key, the last one's modality is scored;
  where the gold lists one key twice, the last listing's modality is the gold's.
"""

from __future__ import annotations

import json
import unicodedata
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
    "GoldMatcher",
    "GoldSet",
    "load_gold",
    "load_predictions",
    "normalize_name",
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
        """The ``--json`` object of ``geokg evaluate`` (modality accuracy None when nothing
        matched, as the independent scorer writes it)."""
        return {
            "relations": self.relations.as_dict(),
            "entities": self.entities.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "per_label": {k: v.as_dict() for k, v in sorted(self.per_label.items())},
            "modality_accuracy": (
                round(self.modality_accuracy, 4) if self.modality_matched else None
            ),
            "modality_matched": self.modality_matched,
            "sentences": self.sentences,
            "errors": self.errors,
        }


def _gold_files(path: Path) -> list[Path]:
    if path.is_dir():  # recursive and sorted, as shared/tools/score.py reads a folder
        return sorted(p for p in path.rglob("*.jsonl") if p.is_file())
    if path.is_file():
        return [path]
    raise EvaluationError(f"{path}: no such gold file or folder")


def load_gold(paths: Sequence[str | Path]) -> GoldSet:
    """Read gold JSON Lines files (or folders of them) and their ``aliases.json`` tables.

    Sentences keep their file order (placement takes the first gold line that holds a
    prediction, as the independent scorer does).

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
    return gold


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read predicted mentions (JSON Lines, SCHEMA.md "The extractor's output").

    Only the fields scoring reads are required, so the output of any system in that format
    can be scored: ``doc`` and ``kind``; for relations ``source``, ``type``, ``target`` and
    ``sentence`` (``start``, ``end``); for entities ``name``, ``label``, ``start``, ``end``.
    Lines of other kinds are kept and ignored by :func:`score`.

    Raises:
        EvaluationError: The file is missing or a line is not such an object; the message
            names the file and line.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{file}: cannot read predictions: {e}") from e
    out: list[dict[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            raise EvaluationError(f"{file}:{lineno}: not JSON: {e}") from e
        if not isinstance(row, dict):
            raise EvaluationError(f"{file}:{lineno}: not a JSON object")
        kind = row.get("kind")
        need: tuple[str, ...] = ("doc",)
        if kind == "relation":
            need = ("doc", "source", "type", "target", "sentence")
        elif kind == "entity":
            need = ("doc", "name", "label")
        missing = [k for k in need if k not in row]
        if missing:
            raise EvaluationError(f"{file}:{lineno}: {kind or 'mention'} without {missing}")
        if kind == "relation" and not isinstance(row["sentence"], dict):
            raise EvaluationError(f"{file}:{lineno}: 'sentence' is not an object")
        out.append(row)
    return out


def normalize_name(name: str) -> str:
    """The form in which scoring compares names.

    NFKC, the typographic apostrophe as ``'``, lower case, one leading "the " removed and runs
    of white space collapsed: "The  European Union" and "european union" compare equal.
    """
    s = unicodedata.normalize("NFKC", name or "").replace("\u2019", "'").strip().lower()
    if s.startswith("the "):
        s = s[len("the ") :]
    return " ".join(s.split())


RelKey = tuple[str, str, str, bool]
Prediction = EntityMention | RelationMention | Mapping[str, Any]

_SYMMETRIC = frozenset(t.value for t in RelationType if t.symmetric)


class _Names:
    """Normalised names through the alias table (one lookup, as the independent scorer)."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self.table = {normalize_name(k): normalize_name(v) for k, v in aliases.items()}

    def __call__(self, name: str) -> str:
        n = normalize_name(name)
        return self.table.get(n, n)

    def key(self, source: str, rtype: str, target: str, negated: bool) -> RelKey:
        s, t = self(source), self(target)
        if rtype in _SYMMETRIC and t < s:
            s, t = t, s
        return s, rtype, t, bool(negated)


@dataclass(frozen=True, slots=True)
class _Pred:
    """What scoring reads of one prediction."""

    doc: str
    relation: bool
    mid: float
    key: RelKey | tuple[str, str]
    modality: str = Modality.ASSERTED.value


def _pred(rec: Prediction, names: _Names) -> _Pred | None:
    """The scored view of a record or a prediction line (None for other kinds)."""
    if isinstance(rec, RelationMention):
        return _Pred(
            Path(rec.doc).name,
            True,
            (rec.sentence.start + rec.sentence.end) / 2,
            names.key(rec.source, rec.type.value, rec.target, rec.negated),
            rec.modality.value,
        )
    if isinstance(rec, EntityMention):
        key = (names(rec.name), rec.label.value)
        return _Pred(Path(rec.doc).name, False, (rec.start + rec.end) / 2, key)
    kind = rec.get("kind")
    doc = Path(str(rec.get("doc", ""))).name
    if kind == "relation":
        sent = rec.get("sentence") or {}
        mid = (sent.get("start", 0) + sent.get("end", 0)) / 2
        rkey = names.key(
            str(rec["source"]), str(rec["type"]), str(rec["target"]), rec.get("negated", False)
        )
        return _Pred(doc, True, mid, rkey, str(rec.get("modality", Modality.ASSERTED.value)))
    if kind == "entity":
        mid = (rec.get("start", 0) + rec.get("end", 0)) / 2
        return _Pred(doc, False, mid, (names(str(rec["name"])), str(rec["label"])))
    return None


def _place(sentences: list[GoldSentence], mid: float) -> int | None:
    """The first gold line (file order) whose span holds ``mid``."""
    for i, sent in enumerate(sentences):
        if sent.start <= mid < sent.end:
            return i
    return None


class GoldMatcher:
    """Judge single relation mentions against a gold set, as :func:`score` matches them.

    Example:
        >>> matcher = GoldMatcher(load_gold(["gold/"]))  # doctest: +SKIP
        >>> matcher.judge(mention)  # doctest: +SKIP
        True
    """

    def __init__(self, gold: GoldSet) -> None:
        self.gold = gold
        self.names = _Names(gold.aliases)
        self.keys: dict[tuple[str, int], set[RelKey]] = {
            (doc, i): {
                self.names.key(r.source, r.type.value, r.target, r.negated) for r in s.relations
            }
            for doc, sents in gold.sentences.items()
            for i, s in enumerate(sents)
        }

    def judge(self, rec: RelationMention | Mapping[str, Any]) -> bool | None:
        """True where the gold sentence holding the mention lists its key, False where it
        does not, None where the mention falls in no annotated sentence."""
        p = _pred(rec, self.names)
        if p is None or not p.relation or p.doc not in self.gold.sentences:
            return None
        i = _place(self.gold.sentences[p.doc], p.mid)
        if i is None:
            return None
        return p.key in self.keys[(p.doc, i)]


def score(
    gold: GoldSet,
    records: Iterable[Prediction],
    *,
    keep_details: bool = False,
) -> EvaluationReport:
    """Score predicted records against the gold.

    Args:
        gold: The gold sentences and alias table.
        records: Predicted entity and relation mentions (raw offsets): records, or the
            objects :func:`load_predictions` reads.
        keep_details: Keep per-sentence false positives/negatives in ``details``.

    Returns:
        The report.
    """
    names = _Names(gold.aliases)
    pred_rel: dict[tuple[str, int], dict[RelKey, str]] = defaultdict(dict)
    pred_ent: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for rec in records:
        p = _pred(rec, names)
        if p is None or p.doc not in gold.sentences:
            continue
        i = _place(gold.sentences[p.doc], p.mid)
        if i is None:
            continue
        if p.relation:
            assert len(p.key) == 4
            pred_rel[(p.doc, i)][p.key] = p.modality  # the last prediction's modality
        else:
            assert len(p.key) == 2
            pred_ent[(p.doc, i)].add(p.key)

    relations, entities = Counts(), Counts()
    per_type: dict[str, Counts] = defaultdict(Counts)
    per_label: dict[str, Counts] = defaultdict(Counts)
    matched = correct = 0
    details: list[dict[str, Any]] = []
    n = 0
    for doc, sents in gold.sentences.items():
        for i, sent in enumerate(sents):
            n += 1
            gold_rel: dict[RelKey, str] = {
                names.key(r.source, r.type.value, r.target, r.negated): r.modality.value
                for r in sent.relations
            }
            predicted = pred_rel.get((doc, i), {})
            relations.add(set(predicted), set(gold_rel))
            for rtype in {k[1] for k in predicted} | {k[1] for k in gold_rel}:
                per_type[rtype].add(
                    {k for k in predicted if k[1] == rtype},
                    {k for k in gold_rel if k[1] == rtype},
                )
            for key, modality in gold_rel.items():
                if key in predicted:
                    matched += 1
                    correct += int(predicted[key] == modality)
            gold_ent = {(names(e.name), e.label.value) for e in sent.entities if not e.context}
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
        per_type={k: v for k, v in sorted(per_type.items()) if v.tp + v.fp + v.fn},
        per_label=dict(sorted(per_label.items())),
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
