"""Document-level alias merging (coref.harmonize_document) and the name helpers it uses."""

from __future__ import annotations

import pytest

from geokg.extract.coref import harmonize_document
from geokg.extract.entities.names import (
    PersonMention,
    american_spelling,
    ascii_name,
    is_short_form,
    merge_people,
    spelled_out,
)
from geokg.schema import (
    EntityLabel,
    EntityMention,
    RelationMention,
    RelationType,
    TextSpan,
    entity_id,
)


def mention(
    name: str, start: int, label: EntityLabel = EntityLabel.PERSON, text: str | None = None
) -> EntityMention:
    text = text or name
    return EntityMention(
        doc="d.txt",
        name=name,
        label=label,
        start=start,
        end=start + len(text),
        text=text,
        id=entity_id(label, name),
    )


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Putin", "Vladimir Putin", True),
        ("Tayyip Erdogan", "Recep Tayyip Erdogan", True),
        ("Erdoğan", "Recep Tayyip Erdogan", True),
        ("Assad", "Bashar al-Assad", True),
        ("Aliyev", "Ilham Aliyev", True),
        ("Ilham Aliyev", "Heydar Aliyev", False),
        ("Vladimir", "Vladimir Putin", False),
        ("Putin", "Putin", False),
    ],
)
def test_coref_short_form(short: str, full: str, expected: bool) -> None:
    assert is_short_form(short, full) is expected


def test_coref_merge_people_prefers_recent_full_name() -> None:
    mentions = [
        PersonMention("Heydar Aliyev", 0),
        PersonMention("Aliyev", 10),
        PersonMention("Ilham Aliyev", 20),
        PersonMention("Aliyev", 30),
    ]
    assert merge_people(mentions) == {
        0: "Heydar Aliyev",
        1: "Heydar Aliyev",
        2: "Ilham Aliyev",
        3: "Ilham Aliyev",
    }


def test_coref_merge_people_given_name_used_alone() -> None:
    # names used by their first word: a Malay given name, a Korean family name
    mentions = [
        PersonMention("Anwar", 0),
        PersonMention("Anwar Ibrahim", 10),
        PersonMention("Moon Jae-in", 20),
        PersonMention("Moon", 30),
    ]
    assert merge_people(mentions) == {
        0: "Anwar Ibrahim",
        1: "Anwar Ibrahim",
        2: "Moon Jae-in",
        3: "Moon Jae-in",
    }


def test_coref_merge_people_given_name_ambiguous_stays() -> None:
    # two full names start with it: left as written; one ends with it: the surname reading
    two = [PersonMention("Donald Trump", 0), PersonMention("Donald Tusk", 5)]
    assert merge_people([*two, PersonMention("Donald", 9)])[2] == "Donald"
    ends = [PersonMention("Ali Khan", 0), PersonMention("Imran Ali", 5)]
    assert merge_people([*ends, PersonMention("Ali", 9)])[2] == "Imran Ali"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Collective Security Treaty Organisation", "Collective Security Treaty Organization"),
        ("World Food Programme", "World Food Program"),
        ("Labour Party", "Labour Party"),
    ],
)
def test_coref_american_spelling(name: str, expected: str) -> None:
    assert american_spelling(name) == expected


def test_coref_merges_aliases_across_chunks() -> None:
    ents = [
        mention("Vladimir Putin", 0, EntityLabel.LEADER),
        mention("Putin", 500),
        mention("Emmanuel Papadakis", 900),
        mention("Papadakis", 50),
    ]
    out, _ = harmonize_document(ents, [])
    assert [(e.name, e.label, e.id) for e in out] == [
        ("Vladimir Putin", EntityLabel.LEADER, "leader:vladimir-putin"),
        ("Vladimir Putin", EntityLabel.LEADER, "leader:vladimir-putin"),
        ("Emmanuel Papadakis", EntityLabel.PERSON, "person:emmanuel-papadakis"),
        ("Emmanuel Papadakis", EntityLabel.PERSON, "person:emmanuel-papadakis"),
    ]


def test_coref_never_merges_different_people_sharing_a_surname() -> None:
    ents = [
        mention("Heydar Aliyev", 0, EntityLabel.LEADER),
        mention("Ilham Aliyev", 100, EntityLabel.LEADER),
    ]
    out, _ = harmonize_document(ents, [])
    assert [e.name for e in out] == ["Heydar Aliyev", "Ilham Aliyev"]


def test_coref_bare_shared_surname_defaults_without_full_name() -> None:
    out, _ = harmonize_document([mention("Aliyev", 0, EntityLabel.LEADER)], [])
    assert [e.name for e in out] == ["Ilham Aliyev"]


def test_coref_relation_endpoints_follow_renames() -> None:
    ents = [mention("Recep Tayyip Erdogan", 0, EntityLabel.LEADER), mention("Erdogan", 300)]
    span = TextSpan(start=290, end=330, text="x" * 40)
    rel = RelationMention(
        doc="d.txt",
        source="Erdogan",
        source_id=entity_id(EntityLabel.PERSON, "Erdogan"),
        source_label=EntityLabel.PERSON,
        type=RelationType.CRITICIZES,
        target="Russia",
        target_id="country:russia",
        target_label=EntityLabel.COUNTRY,
        sentence=span,
        trigger=span,
        rule="test",
        confidence=0.5,
    )
    _, rels = harmonize_document(ents, [rel])
    assert (rels[0].source, rels[0].source_id, rels[0].source_label) == (
        "Recep Tayyip Erdogan",
        "leader:recep-tayyip-erdogan",
        EntityLabel.LEADER,
    )
    assert rels[0].target_id == "country:russia"


def test_coref_leaves_other_labels_alone() -> None:
    ents = [
        mention("Russia", 0, EntityLabel.COUNTRY),
        mention("NATO", 10, EntityLabel.ORGANIZATION),
    ]
    out, rels = harmonize_document(ents, [])
    assert out == ents
    assert rels == []


@pytest.mark.parametrize(
    ("name", "listed", "expected"),
    [
        ("Nicolas Sarkosy", "Nicolas Sarkozy", True),
        ("Omar El Bashir", "Omar al-Bashir", True),
        ("F.W. de Klerk", "F. W. de Klerk", True),
        ("Mohammad Zia-Ul-Haq", "Mohammad Zia-ul-Haq", True),
        ("Putin", "Vladimir Putin", False),
        ("de Klerk", "F. W. de Klerk", False),
        ("Tayyip Erdogan", "Recep Tayyip Erdogan", False),
    ],
)
def test_coref_spelled_out_names_keep_the_text(name: str, listed: str, expected: bool) -> None:
    assert spelled_out(name, listed) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("François Mitterrand", "Francois Mitterrand"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ],
)
def test_coref_ascii_name_keeps_case(text: str, expected: str) -> None:
    assert ascii_name(text) == expected


def test_coref_short_form_takes_the_documents_spelling() -> None:
    # One chunk saw only "Mitterrand" (named by the list), another spells him out.
    ents = [
        mention("Francois Mitterrand", 0, EntityLabel.LEADER),
        mention("François Mitterrand", 500, EntityLabel.LEADER, text="Mitterrand"),
    ]
    out, _ = harmonize_document(ents, [])
    assert [e.name for e in out] == ["Francois Mitterrand", "Francois Mitterrand"]


def test_coref_spelled_out_variants_are_not_rewritten() -> None:
    ents = [
        mention("Laurent Gbago", 0, EntityLabel.LEADER),
        mention("Laurent Gbagbo", 500, EntityLabel.LEADER),
    ]
    out, _ = harmonize_document(ents, [])
    assert [e.name for e in out] == ["Laurent Gbago", "Laurent Gbagbo"]
