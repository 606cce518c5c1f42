"""People: a name becomes a Leader or a Person, and aliases of one person merge.

Names lose honorifics and titles; "the Maduro regime" is the state the leader runs; within a
Doc, short forms and spelling variants of a person join the text's fullest form.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.entities.candidates import TITLE_PERSON, Candidate, Resolved, as_country
from geokg.extract.entities.eponyms import eponym_modifier
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.names import (
    PersonMention,
    ascii_name,
    merge_people,
    name_words,
    spelled_out,
)
from geokg.extract.entities.syntax import lemma, strip_span
from geokg.extract.entities.titles import title_evidence
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["harmonize_people", "resolve_person"]


def resolve_person(doc: Doc, c: Candidate, lex: Lexicons) -> Resolved | None:
    """A person name: Leader on role evidence or the leader list, else Person."""
    span = doc[c.start : c.end]
    root = span.root
    leader_ids = c.ids if c.kind == "LEADER" else ()
    # "the Maduro regime" -> the state the leader runs (a name the parser read as an adjective
    # right before the noun, "the Orban government", too).
    modifier = root.dep_ == "compound" or (root.dep_ == "amod" and root.head.i == c.end)
    if modifier and lemma(root.head) in lex.wordset("leader_org_nouns_to_state"):
        for ident in leader_ids or (c.target,):
            info = lex.leader(ident)
            if info and info.country and info.country in lex.countries:
                return as_country(c, info.country, "leader_regime", lex)
    if eponym_modifier(doc, c.start, c.end):
        return None  # "Kennedy airport", "Queen Elizabeth Central Hospital": a facility
    evidence = title_evidence(doc, c.start, c.end, lex)
    # A listed alias may carry an honorific or title ("King Mohammed VI"): the name has none.
    first, last = strip_span(doc, c.start, c.end, lex) if leader_ids else (c.start, c.end)
    name_span = doc[first:last] if first < last else span
    # A spelled-out name keeps its letters as written ("Pedro Sánchez"), as news and its
    # annotators write them, listed or not; entity ids fold to ASCII, so the spellings share
    # one node.
    name = _clean_person_name(name_span.text)
    role = evidence[0].role if evidence else None
    if leader_ids and role is None:
        info = lex.leader(leader_ids[0])
        role = info.role if info else None
    label = EntityLabel.LEADER if (evidence or leader_ids) else EntityLabel.PERSON
    rule = "gazetteer" if leader_ids else ("title" if c.kind == TITLE_PERSON else "ner")
    ann = EntityAnnotation(c.start, c.end, c.start_char, c.end_char, label, name, None, rule, role)
    return Resolved(ann, bool(evidence), leader_ids)


def _clean_person_name(text: str) -> str:
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split()).strip(" ,.;:")


def _list_reading(r: Resolved, lex: Lexicons) -> str | None:
    """The one listed leader a gazetteer hit names (an ambiguous alias: its default, if any)."""
    if len(r.gaz_ids) == 1:
        return r.gaz_ids[0]
    if r.gaz_ids:
        return lex.alias_defaults.get(r.ann.name)
    return None


def _first_spellings(anns: list[EntityAnnotation]) -> dict[str, str]:
    """Each person name -> the Doc's first spelling of it up to diacritics.

    Wire copy spells one name with and without accents ("Jovenel Moïse", "Jovenel Moise");
    the spellings are one person, named as the Doc first writes it.
    """
    first: dict[str, str] = {}
    out: dict[str, str] = {}
    for ann in sorted(anns, key=lambda a: a.start):
        out[ann.name] = first.setdefault(ascii_name(ann.name), ann.name)
    return out


def harmonize_people(resolved: list[Resolved], lex: Lexicons) -> list[EntityAnnotation]:
    """Merge person aliases within the Doc and give every mention of a leader the Leader label.

    Name policy: where the text spells a person's name out (two words or more), the name is the
    text's own fullest form in the Doc (letters as written, no titles or honorifics), whatever
    the leader list writes; the list gives the name only of a bare surname or short form that
    the Doc never spells out ("Putin" -> "Vladimir Putin"), and joins the Doc's spelling
    variants ("Sarkozy" after "Nicolas Sarkosy").
    """
    person_names = [
        r.ann.name for r in resolved if r.ann.label in (EntityLabel.LEADER, EntityLabel.PERSON)
    ]
    surnames = {n.split()[-1] for n in person_names if len(n.split()) > 1}
    for r in resolved:
        # The small model tags a bare surname as a place ("says Papadakis").
        if r.ann.label is EntityLabel.PLACE and r.ann.rule == "ner" and r.ann.name in surnames:
            r.ann = replace(r.ann, label=EntityLabel.PERSON)
    people = [
        (i, r)
        for i, r in enumerate(resolved)
        if r.ann.label in (EntityLabel.LEADER, EntityLabel.PERSON)
    ]
    if not people:
        return [r.ann for r in resolved]
    readings = {r.ann.name: ident for _, r in people if (ident := _list_reading(r, lex))}
    doc_forms: dict[str, str] = {}
    for name, ident in readings.items():
        if spelled_out(name, ident):
            cur = doc_forms.get(ident)
            if cur is None or len(name_words(name)) > len(name_words(cur)):
                doc_forms[ident] = name
    canonical = {
        name: doc_forms.get(ident, ascii_name(ident))
        for name, ident in readings.items()
        if not spelled_out(name, ident)
    }
    spelling = _first_spellings([r.ann for _, r in people])
    mentions = [PersonMention(spelling[r.ann.name], r.ann.start) for _, r in people]
    merged = merge_people(mentions, canonical=canonical)
    listed_forms = set(doc_forms.values()) | {ascii_name(i) for i in readings.values()}
    # Leaders: role evidence in the text, the shipped list, or an ambiguous listed alias that
    # the document does not resolve ("Bush").
    leaders = {
        merged[k]
        for k, (_, r) in enumerate(people)
        if r.evidence
        or lex.leader(merged[k]) is not None
        or (r.gaz_ids and (merged[k] == r.ann.name or merged[k] in listed_forms))
    }
    out = [r.ann for r in resolved]
    for k, (i, r) in enumerate(people):
        name = merged[k]
        label = EntityLabel.LEADER if name in leaders else EntityLabel.PERSON
        role = r.ann.kind if (r.evidence or r.gaz_ids or lex.leader(name)) else None
        out[i] = replace(r.ann, name=name, label=label, kind=role)
    return out
