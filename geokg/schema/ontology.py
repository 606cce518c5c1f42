"""The ontology: entity labels, relation types and their metadata, as closed enums plus data.

Every stage reads labels and relation types from here; Cypher labels and relationship types
are only ever taken from these enums.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ALLOWED_TRIPLES",
    "RELATION_META",
    "EntityLabel",
    "MemberStatus",
    "Modality",
    "Polarity",
    "RelationMeta",
    "RelationType",
    "is_allowed",
]


class EntityLabel(StrEnum):
    """The six node labels of SCHEMA.md."""

    COUNTRY = "Country"
    LEADER = "Leader"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    GROUP = "Group"
    PLACE = "Place"


class RelationType(StrEnum):
    """The 17 relationship types of SCHEMA.md."""

    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    PARTNERS_WITH = "PARTNERS_WITH"
    MEETS = "MEETS"
    AGREES_WITH = "AGREES_WITH"
    TRADES_WITH = "TRADES_WITH"
    SUPPORTS = "SUPPORTS"
    RECOGNIZES = "RECOGNIZES"
    OPPOSES = "OPPOSES"
    CRITICIZES = "CRITICIZES"
    THREATENS = "THREATENS"
    SANCTIONS = "SANCTIONS"
    BREAKS_WITH = "BREAKS_WITH"
    ATTACKS = "ATTACKS"
    INVADES = "INVADES"
    ANNEXES = "ANNEXES"
    BETRAYS = "BETRAYS"

    @property
    def meta(self) -> RelationMeta:
        """This type's metadata (symmetry, polarity, CAMEO roots)."""
        return RELATION_META[self]

    @property
    def symmetric(self) -> bool:
        """Whether the type is stored once per unordered pair."""
        return RELATION_META[self].symmetric

    @property
    def polarity(self) -> Polarity:
        """Structural, cooperative or conflictual."""
        return RELATION_META[self].polarity


class Polarity(StrEnum):
    """Whether a relation type is structural, cooperative or conflictual."""

    STRUCTURAL = "structural"
    COOPERATIVE = "cooperative"
    CONFLICTUAL = "conflictual"


class Modality(StrEnum):
    """How the sentence commits to a relation; precedence: hypothetical > reported > hedged."""

    ASSERTED = "asserted"
    HEDGED = "hedged"
    REPORTED = "reported"
    HYPOTHETICAL = "hypothetical"

    @property
    def rank(self) -> int:
        """Precedence when cues stack: the outermost (highest rank) wins."""
        return _MODALITY_RANK[self]


_MODALITY_RANK = {
    Modality.ASSERTED: 0,
    Modality.HEDGED: 1,
    Modality.REPORTED: 2,
    Modality.HYPOTHETICAL: 3,
}


class MemberStatus(StrEnum):
    """Status carried by MEMBER_OF."""

    MEMBER = "member"
    APPLICANT = "applicant"
    FORMER = "former"


@dataclass(frozen=True, slots=True)
class RelationMeta:
    """Metadata of one relation type."""

    symmetric: bool
    polarity: Polarity
    cameo: tuple[str, ...]


_S, _C, _X = Polarity.STRUCTURAL, Polarity.COOPERATIVE, Polarity.CONFLICTUAL

RELATION_META: dict[RelationType, RelationMeta] = {
    RelationType.LEADS: RelationMeta(False, _S, ()),
    RelationType.MEMBER_OF: RelationMeta(False, _S, ()),
    RelationType.PARTNERS_WITH: RelationMeta(True, _C, ("03", "05", "06")),
    RelationType.MEETS: RelationMeta(True, _C, ("04",)),
    RelationType.AGREES_WITH: RelationMeta(True, _C, ("057",)),
    RelationType.TRADES_WITH: RelationMeta(True, _C, ("061",)),
    RelationType.SUPPORTS: RelationMeta(False, _C, ("05", "07")),
    RelationType.RECOGNIZES: RelationMeta(False, _C, ("054",)),
    RelationType.OPPOSES: RelationMeta(False, _X, ("11", "12")),
    RelationType.CRITICIZES: RelationMeta(False, _X, ("11", "112")),
    RelationType.THREATENS: RelationMeta(False, _X, ("13",)),
    RelationType.SANCTIONS: RelationMeta(False, _X, ("163",)),
    RelationType.BREAKS_WITH: RelationMeta(False, _X, ("16",)),
    RelationType.ATTACKS: RelationMeta(False, _X, ("18", "19")),
    RelationType.INVADES: RelationMeta(False, _X, ("19",)),
    RelationType.ANNEXES: RelationMeta(False, _X, ("19",)),
    RelationType.BETRAYS: RelationMeta(False, _X, ("16", "12")),
}

_ACTORS = frozenset(
    {
        EntityLabel.COUNTRY,
        EntityLabel.LEADER,
        EntityLabel.PERSON,
        EntityLabel.ORGANIZATION,
        EntityLabel.GROUP,
    }
)
_ANY = frozenset(EntityLabel)
_PEOPLE = frozenset({EntityLabel.LEADER, EntityLabel.PERSON})

# Allowed (source labels, target labels) per type. Structural types are narrow; event types
# accept any endpoints because places and collectives do act in real text (a region that
# recognizes a state, rebels that attack a town).
ALLOWED_TRIPLES: dict[RelationType, tuple[frozenset[EntityLabel], frozenset[EntityLabel]]] = {
    RelationType.LEADS: (
        _PEOPLE | {EntityLabel.COUNTRY},
        _ANY - _PEOPLE,
    ),
    RelationType.MEMBER_OF: (
        _ACTORS,
        frozenset({EntityLabel.ORGANIZATION}),
    ),
}
for _type in RelationType:
    ALLOWED_TRIPLES.setdefault(_type, (_ANY, _ANY))


def is_allowed(source: EntityLabel, rtype: RelationType, target: EntityLabel) -> bool:
    """Whether the ontology allows ``(source)-[rtype]->(target)``."""
    sources, targets = ALLOWED_TRIPLES[rtype]
    return source in sources and target in targets
