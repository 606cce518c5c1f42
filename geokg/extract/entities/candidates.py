"""Entity candidates and resolved mentions: the types every rule family shares.

A :class:`Candidate` is a possible mention before the overlap policy (gazetteer hit, NER span or
rule proposal); :func:`longest_first` is the default overlap policy; :class:`Resolved` is a kept
candidate turned into an :class:`~geokg.extract.annotations.EntityAnnotation` with the evidence
the people rules need. Pure, no spaCy import at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.entities.lexicon import Lexicons
from geokg.schema import EntityLabel

__all__ = [
    "ACRONYM",
    "COMPOSITE",
    "EAST_BLOC",
    "INTRA",
    "LEADER_STATE",
    "NER_ORG",
    "NER_PERSON",
    "NER_PLACE",
    "STATE_COMPANY",
    "SURNAME",
    "TITLE_PERSON",
    "WEST",
    "Candidate",
    "OverlapPolicy",
    "Resolved",
    "SurfaceIndex",
    "annotation",
    "as_country",
    "fold",
    "longest_first",
]


# Candidate kinds beyond the gazetteer pattern labels.
NER_PERSON = "NER_PERSON"
NER_ORG = "NER_ORG"
NER_PLACE = "NER_PLACE"
TITLE_PERSON = "TITLE_PERSON"
WEST = "WEST"
EAST_BLOC = "EAST_BLOC"
INTRA = "INTRA"
COMPOSITE = "GROUP_COMPOSITE"
ACRONYM = "ACRONYM"
LEADER_STATE = "LEADER_STATE"
SURNAME = "SURNAME"
STATE_COMPANY = "STATE_COMPANY"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible entity mention before resolution.

    Attributes:
        start: First token index.
        end: One past the last token.
        start_char: Character start (may lie inside a token).
        end_char: Character end.
        kind: The pattern label or rule kind (``COUNTRY_ADJ``, ``NER_PERSON``, ...).
        target: The canonical name proposed (gazetteer id) or the surface text.
        priority: Higher wins ties in the overlap policy.
        ids: All gazetteer ids for an ambiguous surface form.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    kind: str
    target: str
    priority: int
    ids: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        """Length in tokens."""
        return self.end - self.start


OverlapPolicy = Callable[[Sequence[Candidate]], list[Candidate]]


def longest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset: longest span first, then priority, then leftmost.

    Overlap is decided on tokens (an annotation may cover part of a token by characters, but
    two annotations never share a token).
    """
    taken: set[int] = set()
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start, c.end_char)):
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.start_char))
    return kept


def fold(words: Sequence[str]) -> str:
    """A name's letters and digits in lower case ("Zanu PF", "ZANU-PF" -> "zanupf")."""
    return "".join(ch for w in words for ch in w.lower() if ch.isalnum())


@dataclass(slots=True)
class SurfaceIndex:
    """Gazetteer surface forms keyed by their token texts, per pattern label."""

    by_key: dict[tuple[str, tuple[str, ...]], list[str]] = field(default_factory=dict)
    single: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    folded: dict[str, list[str]] = field(default_factory=dict)

    def add(self, label: str, words: tuple[str, ...], ident: str) -> None:
        """Register one tokenised surface form (organization names also by :func:`fold`)."""
        ids = self.by_key.setdefault((label, words), [])
        if ident not in ids:
            ids.append(ident)
        if label == "ORG":
            folded = self.folded.setdefault(fold(words), [])
            if ident not in folded:
                folded.append(ident)
        if len(words) == 1:
            pair = (label, ident)
            lst = self.single.setdefault(words[0], [])
            if pair not in lst:
                lst.append(pair)

    def ids(self, label: str, words: tuple[str, ...]) -> list[str]:
        """Gazetteer ids for a surface form under a label."""
        return self.by_key.get((label, words), [])


@dataclass(slots=True)
class Resolved:
    """A resolved mention, with whether role evidence was found and its leader-list ids."""

    ann: EntityAnnotation
    evidence: bool = False
    gaz_ids: tuple[str, ...] = ()


def annotation(
    c: Candidate, label: EntityLabel, name: str, rule: str, lex: Lexicons, kind: str | None = None
) -> EntityAnnotation:
    """The entity annotation of a candidate (a Country gets its ISO code and non-state kind)."""
    iso3 = None
    if label is EntityLabel.COUNTRY:
        info = lex.country(name)
        iso3 = info.iso3 if info else None
        if kind is None and info is not None and info.kind != "state":
            kind = info.kind
    return EntityAnnotation(c.start, c.end, c.start_char, c.end_char, label, name, iso3, rule, kind)


def as_country(c: Candidate, name: str, rule: str, lex: Lexicons) -> Resolved:
    """A candidate resolved to the state ``name``."""
    return Resolved(annotation(c, EntityLabel.COUNTRY, name, rule, lex))
