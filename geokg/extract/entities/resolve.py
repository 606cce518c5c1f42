"""Resolution: each kept candidate becomes a typed, canonical entity annotation.

:func:`resolve_all` dispatches each candidate to its rule family (demonyms, metonymy, the West,
people, groups) and then harmonises the people of the Doc.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.entities.candidates import (
    ACRONYM,
    COMPOSITE,
    EAST_BLOC,
    INTRA,
    LEADER_STATE,
    NER_ORG,
    NER_PERSON,
    NER_PLACE,
    STATE_COMPANY,
    SURNAME,
    TITLE_PERSON,
    WEST,
    Candidate,
    Resolved,
    annotation,
    as_country,
)
from geokg.extract.entities.companies import org_kind, org_name
from geokg.extract.entities.demonyms import resolve_demonym_adj, resolve_demonym_people
from geokg.extract.entities.groups import people_plural
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.metonymy import resolve_metonym
from geokg.extract.entities.names import american_spelling
from geokg.extract.entities.people import harmonize_people, resolve_person
from geokg.extract.entities.syntax import head_noun, lemma
from geokg.extract.entities.west import resolve_west
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["resolve_all", "resolve_one"]


def resolve_all(doc: Doc, kept: Sequence[Candidate], lex: Lexicons) -> list[EntityAnnotation]:
    """Resolve the kept candidates into entity annotations (sorted, non-overlapping).

    Args:
        doc: The parsed Doc.
        kept: Non-overlapping candidates (after the overlap policy).
        lex: The lexicons.
    """
    resolved: list[Resolved] = []
    for c in kept:
        r = resolve_one(doc, c, lex)
        if r is not None:
            resolved.append(r)
    return harmonize_people(resolved, lex)


def resolve_one(doc: Doc, c: Candidate, lex: Lexicons) -> Resolved | None:
    """Resolve one kept candidate by its kind (``None``: not an entity here)."""
    kind = c.kind
    if kind == "EVENT":
        return None
    if kind in ("COUNTRY_NAME", INTRA, "LEGISLATURE"):
        return as_country(c, c.target, "gazetteer" if kind != INTRA else "intra_token", lex)
    if (
        kind in ("COUNTRY_ADJ", "COUNTRY_PEOPLE")
        and c.start > 0
        and doc[c.start - 1].lower_ == "ethnic"
    ):
        return Resolved(
            annotation(
                c,
                EntityLabel.GROUP,
                "ethnic " + people_plural(doc[c.start : c.end].text),
                "ethnic",
                lex,
            )
        )
    if kind == "COUNTRY_ADJ":
        return resolve_demonym_adj(doc, c, lex)
    if kind == "COUNTRY_PEOPLE":
        return resolve_demonym_people(doc, c, lex)
    if kind in ("CAPITAL", "SEAT"):
        return resolve_metonym(doc, c, lex)
    if kind in ("ORG", ACRONYM):
        return Resolved(
            annotation(
                c,
                EntityLabel.ORGANIZATION,
                c.target,
                "gazetteer" if kind == "ORG" else "acronym",
                lex,
                lex.org_kinds.get(c.target),
            )
        )
    if kind == NER_ORG:
        name = american_spelling(org_name(c.target, lex))
        org = org_kind(doc, c.start, c.end, lex)
        return Resolved(annotation(c, EntityLabel.ORGANIZATION, name, "ner", lex, org))
    if kind == STATE_COMPANY:
        return Resolved(
            annotation(c, EntityLabel.ORGANIZATION, c.target, "state_company", lex, "company")
        )
    if kind == LEADER_STATE:
        return as_country(c, c.target, "leader_regime", lex)
    if kind == EAST_BLOC:
        return Resolved(annotation(c, EntityLabel.ORGANIZATION, c.target, "west", lex, "bloc"))
    if kind == "PLACE":
        return Resolved(annotation(c, EntityLabel.PLACE, c.target, "gazetteer", lex))
    if kind == "PLACE_ADJ":
        head, _ = head_noun(doc[c.end - 1])
        if head is not None and lemma(head) in lex.wordset("language_nouns"):
            return None
        return Resolved(annotation(c, EntityLabel.PLACE, c.target, "place_adjective", lex))
    if kind == NER_PLACE:
        return Resolved(annotation(c, EntityLabel.PLACE, c.target, "ner", lex))
    if kind in ("GROUP", COMPOSITE):
        return Resolved(
            annotation(
                c,
                EntityLabel.GROUP,
                c.target,
                "gazetteer" if kind == "GROUP" else "group_composite",
                lex,
            )
        )
    if kind == "GROUP_ADJ":
        head, _ = head_noun(doc[c.end - 1])
        if head is None or lemma(head) in lex.wordset("language_nouns"):
            return None
        kin = lex.words.get("kin_states", {}).get(c.target)
        if kin and (
            lemma(head) in lex.wordset("state_agent_nouns")
            or head.lower_ in lex.wordset("state_agent_nouns")
        ):
            return as_country(c, kin, "demonym", lex)
        return Resolved(annotation(c, EntityLabel.GROUP, c.target, "group_adjective", lex))
    if kind == "RELIGION_ADJ":
        return None
    if kind == WEST:
        return resolve_west(doc, c, lex)
    if kind in ("LEADER", NER_PERSON, TITLE_PERSON, SURNAME):
        return resolve_person(doc, c, lex)
    return None
