"""Pydantic records shared by every stage: extractor output, graph records and gold lines.

One model per record. ``graph/`` consumes these via ``model_dump()`` and never sees spaCy.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from geokg.schema.ontology import EntityLabel, MemberStatus, Modality, RelationType

__all__ = [
    "MAX_CUES",
    "DocumentRecord",
    "EntityMention",
    "EntityNode",
    "ExtractionRecord",
    "GoldEntity",
    "GoldRelation",
    "GoldSentence",
    "MentionRecord",
    "RelationEdge",
    "RelationMention",
    "SentenceRecord",
    "TextSpan",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class TextSpan(_Record):
    """A span of the raw document: ``raw[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> TextSpan:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class EntityMention(_Record):
    """One entity mention, as ``geokg extract`` writes it (SCHEMA.md "The extractor's output")."""

    doc: str
    kind: Literal["entity"] = "entity"
    name: str
    label: EntityLabel
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    id: str
    iso3: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    doc_date: str | None = None


class RelationMention(_Record):
    """One relation mention with its provenance (SCHEMA.md "The extractor's output")."""

    doc: str
    kind: Literal["relation"] = "relation"
    source: str
    source_id: str
    source_label: EntityLabel | None = None
    type: RelationType
    target: str
    target_id: str
    target_label: EntityLabel | None = None
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    quoted: bool = False
    year: int | None = None
    sentence: TextSpan
    trigger: TextSpan
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)
    role: str | None = None
    status: MemberStatus | None = None
    context: bool = False
    doc_date: str | None = None


ExtractionRecord = EntityMention | RelationMention


class DocumentRecord(_Record):
    """A document that was processed: its name (relative path), id and size.

    ``date`` (ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), ``title``, ``source`` and
    ``url`` come from the input (its metadata or a ``--meta`` sidecar), never from the file's
    mtime; each is None when the input does not say.
    """

    id: str
    name: str
    chars: int = Field(ge=0)
    sha1: str
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    title: str | None = None
    source: str | None = None
    url: str | None = None


class SentenceRecord(_Record):
    """A sentence that carries at least one entity or relation mention (provenance node)."""

    id: str
    doc: str
    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    entity_ids: tuple[str, ...] = ()


class EntityNode(BaseModel):
    """An aggregated entity node of the graph."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: EntityLabel
    name: str
    aliases: list[str] = Field(default_factory=list)
    iso3: str | None = None
    mentions: int = 0


MAX_CUES = 5
"""How many distinct cue words (and roles, statuses) a relationship keeps: a sample, never
every cue of the corpus, so a relationship's size does not grow with its mentions."""


class RelationEdge(BaseModel):
    """An aggregated relationship ``(source)-[type]->(target)``: counts of constant size.

    The evidence itself lives one hop away, in :class:`MentionRecord` nodes; a relationship
    keeps only how many mentions it has (by modality, negated, quoted), from how many
    documents, the first and last year stated, and up to :data:`MAX_CUES` cue words, roles
    (``LEADS``) and statuses (``MEMBER_OF``). A store derives these counts from the mention
    nodes it creates, so loading a mention twice never counts it twice.

    Time: ``first_date``/``last_date`` are the earliest and latest document date (ISO text as
    the documents give it) among the mentions of dated documents; ``doc_years`` (ascending)
    and ``doc_year_counts`` are parallel lists, the number of mentions whose document is dated
    to each year. Their length is bounded by the span of years, not by the mentions.
    """

    model_config = ConfigDict(extra="forbid")

    source_id: str
    type: RelationType
    target_id: str
    mentions: int = 0
    asserted: int = 0
    hedged: int = 0
    reported: int = 0
    hypothetical: int = 0
    negated: int = 0
    quoted: int = 0
    doc_count: int = 0
    first_year: int | None = None
    last_year: int | None = None
    first_date: str | None = None
    last_date: str | None = None
    doc_years: list[int] = Field(default_factory=list)
    doc_year_counts: list[int] = Field(default_factory=list)
    cues: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    statuses: list[str] = Field(default_factory=list)


class MentionRecord(_Record):
    """One relation mention as a graph node: the evidence of a relationship, one hop away.

    ``(:Mention)-[:SOURCE]->(:Entity)``, ``-[:TARGET]->(:Entity)`` and ``-[:IN]->(:Sentence)``;
    ``source_id``/``target_id`` are those of the aggregated relationship (symmetric types have
    them sorted), ``id`` is :func:`~geokg.schema.mention_id`. ``doc_date`` is its document's
    date (None for an undated document), so any count over time can be recomputed from the
    mentions.
    """

    id: str
    type: RelationType
    source_id: str
    target_id: str
    sentence_id: str
    doc_id: str
    doc_date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    modality: Modality = Modality.ASSERTED
    negated: bool = False
    quoted: bool = False
    year: int | None = None
    trigger: str
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)
    role: str | None = None
    status: MemberStatus | None = None
    context: bool = False


class GoldEntity(BaseModel):
    """An entity entry of a gold line."""

    model_config = ConfigDict(extra="ignore")

    text: str
    label: EntityLabel
    name: str
    iso3: str | None = None
    context: bool = False


class GoldRelation(BaseModel):
    """A relation entry of a gold line."""

    model_config = ConfigDict(extra="ignore")

    source: str
    type: RelationType
    target: str
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    quoted: bool = False
    year: int | None = None
    context: bool = False
    role: str | None = None
    status: str | None = None


class GoldSentence(BaseModel):
    """One annotated sentence of a gold file (SCHEMA.md "Gold files")."""

    model_config = ConfigDict(extra="ignore")

    doc: str
    start: int
    end: int
    text: str
    entities: list[GoldEntity] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)
