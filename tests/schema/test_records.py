"""Records round-trip through JSON and reject what the contract forbids."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from geokg.schema import (
    EntityMention,
    GoldSentence,
    MemberStatus,
    MentionRecord,
    Modality,
    RelationEdge,
    RelationMention,
    RelationType,
    TextSpan,
)

ENTITY = {
    "doc": "002.txt",
    "kind": "entity",
    "name": "Russia",
    "label": "Country",
    "start": 1234,
    "end": 1240,
    "text": "Moscow",
    "id": "country:russia",
    "iso3": "RUS",
}
RELATION = {
    "doc": "002.txt",
    "kind": "relation",
    "source": "Russia",
    "source_id": "country:russia",
    "type": "OPPOSES",
    "target": "Turkey",
    "target_id": "country:turkey",
    "negated": False,
    "modality": "asserted",
    "quoted": False,
    "year": None,
    "sentence": {"start": 1234, "end": 1301, "text": "Moscow and Ankara have clashed ..."},
    "trigger": {"start": 1256, "end": 1263, "text": "clashed"},
    "rule": "clash_subj_conj.v1",
    "confidence": 0.9,
}


@pytest.mark.parametrize("model,data", [(EntityMention, ENTITY), (RelationMention, RELATION)])
def test_records_round_trip_schema_example(model: type, data: dict[str, object]) -> None:
    record = model.model_validate(data)
    again = model.model_validate_json(record.model_dump_json())
    assert again == record
    dumped = json.loads(record.model_dump_json())
    for key, value in data.items():
        assert dumped[key] == value


def test_records_relation_enums_are_typed() -> None:
    record = RelationMention.model_validate(RELATION)
    assert record.type is RelationType.OPPOSES
    assert record.modality is Modality.ASSERTED


@pytest.mark.parametrize(
    "change",
    [
        {"type": "LIKES"},
        {"modality": "certain"},
        {"confidence": 1.5},
        {"unexpected": 1},
    ],
)
def test_records_reject_invalid_relation(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        RelationMention.model_validate({**RELATION, **change})


def test_records_reject_unknown_label() -> None:
    with pytest.raises(ValidationError):
        EntityMention.model_validate({**ENTITY, "label": "Planet"})


def test_records_text_span_rejects_reversed_span() -> None:
    with pytest.raises(ValidationError):
        TextSpan(start=5, end=2, text="")


def test_records_entity_mention_is_frozen() -> None:
    record = EntityMention.model_validate(ENTITY)
    with pytest.raises(ValidationError):
        record.name = "Turkey"  # type: ignore[misc]


def test_records_gold_sentence_reads_schema_example() -> None:
    line = (
        '{"doc": "002.txt", "start": 1234, "end": 1301, "text": "Moscow and Ankara clashed.",'
        ' "entities": [{"text": "Moscow", "label": "Country", "name": "Russia"}],'
        ' "relations": [{"source": "Russia", "type": "OPPOSES", "target": "Turkey",'
        ' "negated": false, "modality": "asserted", "context": true}]}'
    )
    gold = GoldSentence.model_validate_json(line)
    assert gold.relations[0].type is RelationType.OPPOSES
    assert gold.relations[0].context is True
    assert gold.entities[0].context is False


def test_records_relation_edge_round_trip() -> None:
    edge = RelationEdge(
        source_id="country:russia",
        type=RelationType.SUPPORTS,
        target_id="country:syria",
        mentions=2,
        asserted=2,
        doc_count=1,
        first_year=2015,
        last_year=2016,
        cues=["backs"],
    )
    assert RelationEdge.model_validate_json(edge.model_dump_json()) == edge


def test_records_mention_record_round_trip() -> None:
    mention = MentionRecord(
        id="m:1",
        type=RelationType.MEMBER_OF,
        source_id="country:canada",
        target_id="organization:nato",
        sentence_id="sent:1",
        doc_id="doc:1",
        modality=Modality.HEDGED,
        year=2015,
        trigger="joined",
        rule="member.v1",
        confidence=0.7,
        status=MemberStatus.APPLICANT,
    )
    assert MentionRecord.model_validate_json(mention.model_dump_json()) == mention
