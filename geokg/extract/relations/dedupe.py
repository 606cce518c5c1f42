"""The default overlap policy of the relation component: one mention per sentence and relation.

A sentence may state one relation through several cues ("Chile and Peru signed a pact and
agreed to cooperate"); :func:`dedupe_per_sentence` keeps the mention a reader would take.
"""

from __future__ import annotations

from typing import Any

from geokg.extract.annotations import RelationAnnotation
from geokg.schema import MemberStatus

__all__ = ["dedupe_per_sentence"]


def dedupe_per_sentence(relations: list[RelationAnnotation]) -> list[RelationAnnotation]:
    """Keep one mention per sentence and ``(source, type, target, negated)``.

    Symmetric types count once per unordered pair. Among duplicates the mention in the
    author's own voice wins (lowest modality rank), then a membership's changed status
    ("former", "applicant") over a plain one, then the higher confidence, then the earlier
    trigger: one sentence that states a relation plainly and also as a hedge states it.
    """
    best: dict[tuple[Any, ...], RelationAnnotation] = {}
    order: list[tuple[Any, ...]] = []
    for rel in relations:
        a, b = rel.source.name, rel.target.name
        ends: tuple[str, ...] = tuple(sorted((a, b))) if rel.type.symmetric else (a, b)
        key = (rel.sent_start, rel.type, ends, rel.negated)
        cur = best.get(key)
        if cur is None:
            best[key] = rel
            order.append(key)
            continue
        if _rank(rel) < _rank(cur):
            best[key] = rel
    return [best[k] for k in order]


def _rank(rel: RelationAnnotation) -> tuple[int, bool, float, int]:
    plain = rel.status == MemberStatus.MEMBER  # "former" or "applicant" says more
    return (rel.modality.rank, plain, -rel.confidence, rel.trigger_start)
