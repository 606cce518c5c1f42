"""Aggregation: one node per entity id, one edge per (source, type, target), evidence kept."""

from __future__ import annotations

from geokg.graph.build import GraphBuilder, edge_key
from geokg.schema import (
    DocumentRecord,
    EntityMention,
    Modality,
    RelationMention,
    RelationType,
    SentenceRecord,
    TextSpan,
    sentence_id,
)


def rel(
    source: str,
    rtype: RelationType,
    target: str,
    *,
    doc: str = "a.txt",
    sent_start: int = 0,
    trigger: int = 3,
    modality: Modality = Modality.ASSERTED,
    negated: bool = False,
    year: int | None = None,
) -> RelationMention:
    return RelationMention(
        doc=doc,
        source=source.title(),
        source_id=f"country:{source}",
        source_label="Country",
        type=rtype,
        target=target.title(),
        target_id=f"country:{target}",
        target_label="Country",
        negated=negated,
        modality=modality,
        year=year,
        sentence=TextSpan(start=sent_start, end=sent_start + 20, text="x" * 20),
        trigger=TextSpan(start=trigger, end=trigger + 4, text="back"),
        rule="t.v1",
        confidence=0.8,
    )


def test_build_edge_key_sorts_symmetric_endpoints() -> None:
    assert edge_key("country:turkey", RelationType.MEETS, "country:russia") == (
        "country:russia",
        RelationType.MEETS,
        "country:turkey",
    )
    assert edge_key("country:turkey", RelationType.SUPPORTS, "country:russia")[0] == (
        "country:turkey"
    )


def test_build_collapses_symmetric_mentions_into_one_edge() -> None:
    b = GraphBuilder()
    b.add_relation(rel("russia", RelationType.PARTNERS_WITH, "turkey", trigger=1))
    b.add_relation(rel("turkey", RelationType.PARTNERS_WITH, "russia", trigger=9))
    edges = b.batch().relations
    assert len(edges) == 1
    assert edges[0].mentions == 2
    assert len(b.batch().mentions) == 2


def test_build_keeps_directed_edges_apart() -> None:
    b = GraphBuilder()
    b.add_relation(rel("russia", RelationType.OPPOSES, "turkey"))
    b.add_relation(rel("turkey", RelationType.OPPOSES, "russia"))
    assert len(b.batch().relations) == 2


def test_build_repeated_mention_counts_once() -> None:
    b = GraphBuilder()
    m = rel("russia", RelationType.SUPPORTS, "syria")
    b.add_relation(m)
    b.add_relation(m)
    (edge,) = b.batch().relations
    assert edge.mentions == 1
    assert len(b.batch().mentions) == 1


def test_build_tracks_modality_negation_year_and_evidence() -> None:
    b = GraphBuilder()
    b.add_relation(rel("russia", RelationType.SUPPORTS, "syria", year=2015))
    b.add_relation(
        rel("russia", RelationType.SUPPORTS, "syria", doc="b.txt", modality=Modality.HEDGED)
    )
    b.add_relation(rel("russia", RelationType.SUPPORTS, "syria", sent_start=40, negated=True))
    batch = b.batch()
    (edge,) = batch.relations
    assert edge.mentions == 3
    assert edge.asserted == 2
    assert edge.hedged == 1
    assert edge.negated == 1
    assert (edge.first_year, edge.last_year) == (2015, 2015)
    assert edge.doc_count == 2
    assert edge.cues == ["back"]
    assert {m.sentence_id for m in batch.mentions} == {
        sentence_id("a.txt", 0, 20),
        sentence_id("b.txt", 0, 20),
        sentence_id("a.txt", 40, 60),
    }
    # A mention's sentence becomes a node even when no sentence record was given.
    assert {s.id for s in batch.sentences} == {m.sentence_id for m in batch.mentions}


def test_build_relationship_size_is_constant_in_its_mentions() -> None:
    b = GraphBuilder()
    for i in range(300):
        b.add_relation(
            rel(
                "russia",
                RelationType.SUPPORTS,
                "syria",
                doc=f"d{i % 7}.txt",
                trigger=i,
                year=1990 + i % 30,
            )
        )
    b.add_relation(rel("russia", RelationType.SUPPORTS, "syria", doc="d0.txt", trigger=0))
    (edge,) = b.batch().relations
    assert edge.mentions == 300
    assert edge.doc_count == 7
    assert (edge.first_year, edge.last_year) == (1990, 2019)
    small = GraphBuilder()
    small.add_relation(rel("russia", RelationType.SUPPORTS, "syria"))
    (one,) = small.batch().relations
    assert len(edge.model_dump_json()) - len(one.model_dump_json()) < 20  # digits only


def test_build_entities_merge_by_id_with_aliases() -> None:
    b = GraphBuilder()
    for text in ("Russia", "Moscow", "Russian", "Moscow"):
        b.add_entity(
            EntityMention(
                doc="a.txt",
                name="Russia",
                label="Country",
                start=0,
                end=len(text),
                text=text,
                id="country:russia",
                iso3="RUS",
            )
        )
    (node,) = b.batch().entities
    assert node.mentions == 4
    assert node.aliases == ["Moscow", "Russian"]
    assert node.iso3 == "RUS"


def test_build_relation_endpoints_become_nodes() -> None:
    b = GraphBuilder()
    b.add_relation(rel("russia", RelationType.ATTACKS, "ukraine"))
    assert {n.id for n in b.batch().entities} == {"country:russia", "country:ukraine"}


def test_build_to_networkx_multigraph_keyed_by_type() -> None:
    b = GraphBuilder()
    b.add_relation(rel("russia", RelationType.SUPPORTS, "syria"))
    b.add_relation(rel("russia", RelationType.ATTACKS, "syria", trigger=12))
    g = b.to_networkx()
    assert g.number_of_nodes() == 2
    assert set(g["country:russia"]["country:syria"]) == {"SUPPORTS", "ATTACKS"}
    assert g["country:russia"]["country:syria"]["ATTACKS"]["polarity"] == "conflictual"


def test_build_sentences_merge_entity_ids_and_clear_resets() -> None:
    b = GraphBuilder()
    doc = DocumentRecord(id="doc:1", name="a.txt", chars=10, sha1="0" * 40)
    s1 = SentenceRecord(
        id="s", doc="a.txt", doc_id="doc:1", start=0, end=5, text="x", entity_ids=("a",)
    )
    s2 = s1.model_copy(update={"entity_ids": ("b", "a")})
    b.add_extraction(document=doc, entities=[], relations=[], sentences=[s1, s2])
    batch = b.batch()
    assert batch.sentences[0].entity_ids == ("a", "b")
    assert batch.documents == [doc]
    b.clear()
    assert len(b.batch()) == 0
