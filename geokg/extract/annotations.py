"""What the geokg spaCy components write on a ``Doc``: typed, spaCy-free dataclasses.

``doc._.geokg_entities`` holds :class:`EntityAnnotation` items (sorted by token start, not
overlapping) and ``doc._.geokg_relations`` holds :class:`RelationAnnotation` items. Offsets are
token indices and character offsets into ``doc.text`` (the *cleaned* text); turning them into
raw-file offsets is the job of :mod:`geokg.extract.records`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geokg.schema import EntityLabel, MemberStatus, Modality, RelationType, entity_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ENTITIES_ATTR",
    "RELATIONS_ATTR",
    "EntityAnnotation",
    "RelationAnnotation",
    "ensure_extensions",
    "entity_index",
    "get_entities",
    "get_relations",
    "unique_spans",
]

ENTITIES_ATTR = "geokg_entities"
RELATIONS_ATTR = "geokg_relations"


@dataclass(frozen=True, slots=True)
class EntityAnnotation:
    """One resolved entity mention in a Doc.

    Attributes:
        start: First token index.
        end: Token index one past the last token.
        start_char: Character offset of the mention in ``doc.text``; may lie inside a token
            (e.g. "Russia" in "pro-Russia" when the tokenizer keeps it whole).
        end_char: Character offset one past the mention's end.
        label: The entity label.
        name: The canonical name (SCHEMA.md canonical names).
        iso3: ISO 3166 alpha-3 for countries, where one exists.
        rule: What recognised the mention ("ner", "gazetteer", "demonym", "metonym", ...).
        kind: Optional subtype (e.g. "bloc", "party", "capital") for downstream use.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    label: EntityLabel
    name: str
    iso3: str | None = None
    rule: str = "ner"
    kind: str | None = None

    @property
    def id(self) -> str:
        """The stable entity id (label + canonical name)."""
        return entity_id(self.label, self.name)


@dataclass(frozen=True, slots=True)
class RelationAnnotation:
    """One relation mention in a Doc, between two resolved entities.

    Attributes:
        source: The source entity mention.
        type: The relation type.
        target: The target entity mention.
        trigger_start: Token index of the first trigger (cue) token.
        trigger_end: Token index one past the last trigger token.
        sent_start: Token index where the sentence starts.
        sent_end: Token index one past the sentence's end.
        negated: Whether the sentence denies the relation.
        modality: How the sentence commits to it.
        quoted: Whether the cue stands in quotes or quoted speech.
        year: A four-digit year attached to the event, if any.
        rule: The id of the rule that fired, e.g. ``"svo_active.v1"``.
        confidence: The rule's confidence in ``[0, 1]``.
        role: For ``LEADS``: the title ("President", "Prime Minister", ...).
        status: For ``MEMBER_OF``: member, applicant or former.
        context: True where an endpoint was resolved from outside the sentence.
        extra: Free-form debugging details (not exported).
    """

    source: EntityAnnotation
    type: RelationType
    target: EntityAnnotation
    trigger_start: int
    trigger_end: int
    sent_start: int
    sent_end: int
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    quoted: bool = False
    year: int | None = None
    rule: str = ""
    confidence: float = 0.5
    role: str | None = None
    status: MemberStatus | None = None
    context: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def ensure_extensions() -> None:
    """Register the ``doc._.geokg_*`` extensions once (idempotent, never ``force=True``)."""
    from spacy.tokens import Doc

    for attr in (ENTITIES_ATTR, RELATIONS_ATTR):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)


def get_entities(doc: Doc) -> list[EntityAnnotation]:
    """The entity annotations of a Doc (empty when the entity component has not run)."""
    ensure_extensions()
    value = getattr(doc._, ENTITIES_ATTR)
    return list(value) if value else []


def get_relations(doc: Doc) -> list[RelationAnnotation]:
    """The relation annotations of a Doc (empty when the relation component has not run)."""
    ensure_extensions()
    value = getattr(doc._, RELATIONS_ATTR)
    return list(value) if value else []


def entity_index(entities: list[EntityAnnotation]) -> dict[int, EntityAnnotation]:
    """Map every token index covered by an entity mention to that mention."""
    index: dict[int, EntityAnnotation] = {}
    for ent in entities:
        for i in range(ent.start, ent.end):
            index[i] = ent
    return index


def unique_spans(ents: Iterable[EntityAnnotation]) -> list[EntityAnnotation]:
    """The entities in order, each token span once (the first mention of a span wins)."""
    seen: set[tuple[int, int]] = set()
    out: list[EntityAnnotation] = []
    for e in ents:
        key = (e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
