"""The ontology enums and their metadata follow SCHEMA.md."""

from __future__ import annotations

import pytest

from geokg.schema import (
    RELATION_META,
    EntityLabel,
    Modality,
    Polarity,
    RelationType,
    is_allowed,
)


def test_ontology_has_six_labels_and_seventeen_types() -> None:
    assert {label.value for label in EntityLabel} == {
        "Country",
        "Leader",
        "Person",
        "Organization",
        "Group",
        "Place",
    }
    assert len(RelationType) == 17
    assert set(RELATION_META) == set(RelationType)


@pytest.mark.parametrize(
    "rtype,symmetric",
    [
        (RelationType.PARTNERS_WITH, True),
        (RelationType.MEETS, True),
        (RelationType.AGREES_WITH, True),
        (RelationType.TRADES_WITH, True),
        (RelationType.SUPPORTS, False),
        (RelationType.OPPOSES, False),
        (RelationType.LEADS, False),
        (RelationType.BETRAYS, False),
    ],
)
def test_ontology_symmetric_types(rtype: RelationType, symmetric: bool) -> None:
    assert rtype.symmetric is symmetric


@pytest.mark.parametrize(
    "rtype,polarity",
    [
        (RelationType.LEADS, Polarity.STRUCTURAL),
        (RelationType.MEMBER_OF, Polarity.STRUCTURAL),
        (RelationType.SUPPORTS, Polarity.COOPERATIVE),
        (RelationType.RECOGNIZES, Polarity.COOPERATIVE),
        (RelationType.SANCTIONS, Polarity.CONFLICTUAL),
        (RelationType.BETRAYS, Polarity.CONFLICTUAL),
    ],
)
def test_ontology_polarity(rtype: RelationType, polarity: Polarity) -> None:
    assert rtype.polarity is polarity


def test_ontology_cameo_roots_for_event_types() -> None:
    assert RelationType.SANCTIONS.meta.cameo == ("163",)
    assert all(RELATION_META[t].cameo for t in RelationType if t.polarity != Polarity.STRUCTURAL)


def test_ontology_modality_precedence_outermost_wins() -> None:
    ranks = [m.rank for m in (Modality.ASSERTED, Modality.HEDGED, Modality.REPORTED)]
    assert ranks == sorted(ranks)
    assert Modality.HYPOTHETICAL.rank > Modality.REPORTED.rank


@pytest.mark.parametrize(
    "source,rtype,target,allowed",
    [
        (EntityLabel.LEADER, RelationType.LEADS, EntityLabel.COUNTRY, True),
        (EntityLabel.COUNTRY, RelationType.LEADS, EntityLabel.ORGANIZATION, True),
        (EntityLabel.PLACE, RelationType.LEADS, EntityLabel.COUNTRY, False),
        (EntityLabel.LEADER, RelationType.LEADS, EntityLabel.LEADER, False),
        (EntityLabel.COUNTRY, RelationType.MEMBER_OF, EntityLabel.ORGANIZATION, True),
        (EntityLabel.COUNTRY, RelationType.MEMBER_OF, EntityLabel.COUNTRY, False),
        (EntityLabel.COUNTRY, RelationType.ANNEXES, EntityLabel.PLACE, True),
    ],
)
def test_ontology_allowed_triples(
    source: EntityLabel, rtype: RelationType, target: EntityLabel, allowed: bool
) -> None:
    assert is_allowed(source, rtype, target) is allowed
