"""Turn annotated spaCy Docs into the pydantic records of SCHEMA.md, with raw-file offsets."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geokg.extract.annotations import get_entities, get_relations
from geokg.schema import (
    DocumentRecord,
    EntityMention,
    RelationMention,
    SentenceRecord,
    TextSpan,
    document_id,
    sentence_id,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from geokg.extract.clean import CleanText
    from geokg.extract.meta import DocumentMeta

__all__ = [
    "DocumentExtraction",
    "chunk_records",
    "date_records",
    "link_sentences",
    "make_document_record",
]


@dataclass(slots=True)
class DocumentExtraction:
    """Everything extracted from one document, ready for ``graph/``."""

    document: DocumentRecord
    entities: list[EntityMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    sentences: list[SentenceRecord] = field(default_factory=list)

    def records(self) -> Iterator[EntityMention | RelationMention]:
        """Entity then relation records, in document order."""
        yield from self.entities
        yield from self.relations


def make_document_record(
    name: str, clean: CleanText, meta: DocumentMeta | None = None
) -> DocumentRecord:
    """The provenance record of one input document, with its date, title, source and url."""
    digest = hashlib.sha1(clean.raw.encode("utf-8", "surrogatepass")).hexdigest()
    return DocumentRecord(
        id=document_id(name),
        name=name,
        chars=len(clean.raw),
        sha1=digest,
        **(meta.as_dict() if meta is not None else {}),
    )


def date_records(
    entities: list[EntityMention], relations: list[RelationMention], date: str | None
) -> tuple[list[EntityMention], list[RelationMention]]:
    """The mentions with ``doc_date`` set to their document's date (unchanged without one)."""
    if date is None:
        return entities, relations
    update = {"doc_date": date}
    return (
        [e.model_copy(update=update) for e in entities],
        [r.model_copy(update=update) for r in relations],
    )


def _raw_span(clean: CleanText, start: int, end: int) -> TextSpan:
    rs, re_ = clean.raw_span(start, end)
    return TextSpan(start=rs, end=re_, text=clean.raw[rs:re_])


def chunk_records(
    doc: Doc, *, name: str, clean: CleanText, offset: int
) -> tuple[list[EntityMention], list[RelationMention], list[SentenceRecord]]:
    """Records of one parsed chunk of a document.

    Args:
        doc: The parsed chunk, annotated by the geokg components.
        name: The document name used in records.
        clean: The cleaned document the chunk was cut from.
        offset: Where the chunk starts in ``clean.text``.

    Returns:
        Entity mentions, relation mentions and the sentences that carry them.
    """
    doc_id = document_id(name)
    sentences: dict[int, SentenceRecord] = {}

    sent_of: dict[int, Span] = {}
    for parsed in doc.sents:
        for i in range(parsed.start, parsed.end):
            sent_of[i] = parsed
    spans: dict[int, TextSpan] = {}

    def sentence_of(token_i: int) -> TextSpan:
        sent = sent_of[token_i]
        span = spans.get(sent.start)
        if span is None:
            span = _raw_span(clean, offset + sent.start_char, offset + sent.end_char)
            spans[sent.start] = span
            sentences[sent.start] = SentenceRecord(
                id=sentence_id(name, span.start, span.end),
                doc=name,
                doc_id=doc_id,
                start=span.start,
                end=span.end,
                text=span.text,
            )
        return span

    entities: list[EntityMention] = []
    for ent in get_entities(doc):
        span = _raw_span(clean, offset + ent.start_char, offset + ent.end_char)
        sent = sentence_of(ent.start)
        entities.append(
            EntityMention(
                doc=name,
                name=ent.name,
                label=ent.label,
                start=span.start,
                end=span.end,
                text=span.text,
                id=ent.id,
                iso3=ent.iso3,
                sentence_start=sent.start,
                sentence_end=sent.end,
            )
        )

    relations: list[RelationMention] = []
    for rel in get_relations(doc):
        trig_start = doc[rel.trigger_start].idx
        last = doc[rel.trigger_end - 1]
        trig_end = last.idx + len(last.text)
        sent = sentence_of(rel.trigger_start)
        relations.append(
            RelationMention(
                doc=name,
                source=rel.source.name,
                source_id=rel.source.id,
                source_label=rel.source.label,
                type=rel.type,
                target=rel.target.name,
                target_id=rel.target.id,
                target_label=rel.target.label,
                negated=rel.negated,
                modality=rel.modality,
                quoted=rel.quoted,
                year=rel.year,
                sentence=sent,
                trigger=_raw_span(clean, offset + trig_start, offset + trig_end),
                rule=rel.rule,
                confidence=rel.confidence,
                role=rel.role,
                status=rel.status,
                context=rel.context,
            )
        )
    return entities, relations, [s for _, s in sorted(sentences.items())]


def link_sentences(
    sentences: Iterable[SentenceRecord],
    entities: Iterable[EntityMention],
    relations: Iterable[RelationMention],
) -> list[SentenceRecord]:
    """Fill each sentence's ``entity_ids`` with the entities mentioned in it (final names)."""
    by_start: dict[int, list[str]] = {}
    for ent in entities:
        if ent.sentence_start is not None:
            by_start.setdefault(ent.sentence_start, []).append(ent.id)
    for rel in relations:
        by_start.setdefault(rel.sentence.start, []).extend((rel.source_id, rel.target_id))
    unique: dict[str, SentenceRecord] = {}
    for sent in sentences:
        ids = tuple(dict.fromkeys(by_start.get(sent.start, [])))
        unique[sent.id] = sent.model_copy(update={"entity_ids": ids})
    return sorted(unique.values(), key=lambda s: s.start)
