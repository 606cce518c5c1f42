"""Metonymy: a capital or seat of government as its state, or as a location.

A capital or seat is the state when it acts (subject, object of a relational verb or
preposition, possessor of a non-place noun) and a ``Place`` (capitals) or nothing (seats) when
it is a location ("in Moscow", "to Moscow" after a motion verb).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import Candidate, Resolved, annotation, as_country
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.syntax import PLACE_DESCRIPTORS, lemma
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["resolve_metonym"]


def _is_place_use(tok: Token, lex: Lexicons, depth: int = 0) -> bool:
    """Whether a capital/seat token is used as a location rather than as an actor."""
    doc = tok.doc
    # "Basra, Iraq": a city followed by its country.
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].ent_type_ == "GPE":
        nxt = doc[tok.i + 2]
        if nxt.dep_ == "appos" or nxt.head.i == tok.i:
            return True
    if (
        tok.i >= 2
        and doc[tok.i - 1].lower_ == "of"
        and doc[tok.i - 2].lower_ in ("city", "capital", "town", "streets", "suburbs", "outskirts")
    ):
        return True
    if any(
        ch.dep_ in ("amod", "compound", "advmod") and ch.lower_ in lex.wordset("directions")
        for ch in tok.children
    ):
        return True
    dep = tok.dep_
    head = tok.head
    if dep in ("nsubj", "nsubjpass", "agent", "expl"):
        return False
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "–"):
        after = doc[tok.i + 2]
        # "a Lima-based group": the city where something sits.
        if after.lower_ in ("based", "born", "headquartered", "area"):
            return True
        # "the Lima-Quito talks": a pair of states.
        if after.pos_ == "PROPN" and after.text[:1].isupper():
            return False
    if tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].pos_ == "PROPN":
        return False
    if dep == "poss":
        return lemma(head) in lex.wordset("place_nouns")
    if dep in ("compound", "nmod", "amod"):
        return lemma(head) not in lex.wordset("state_agent_nouns")
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep in lex.wordset("locative_preps"):
            return True
        if prep in ("including", "like", "as") and lemma(gov) in PLACE_DESCRIPTORS | {
            "cities",
            "towns",
        }:
            return True
        if prep in ("to", "toward", "towards"):
            if prep == "to" and _visited(gov, lex):
                return False  # "Modi's visit to Beijing": the visited state is the host
            return lemma(gov) in lex.wordset("motion_verbs")
        if prep == "from":
            return not (
                lemma(gov) in lex.wordset("state_agent_nouns")
                or lemma(gov) in lex.wordset("from_actor_words")
            )
        if prep == "of":
            return lemma(gov) in lex.wordset("place_nouns") or lemma(gov) in (
                "city",
                "capital",
                "part",
                "center",
                "centre",
            )
        return False
    if dep in ("dobj", "obj"):
        if lemma(head) == "visit" and _actor_visitor(head, lex):
            return False  # "the Kenyan president visited Beijing": the state is the host
        if _left_in_the_lurch(head):
            return False  # "left X in the lurch": the one abandoned is an actor
        return lemma(head) in lex.wordset("place_verbs")
    if dep in ("conj", "appos") and depth < 4 and head.i != tok.i:
        return _is_place_use(head, lex, depth + 1)
    return dep == "appos"


def _left_in_the_lurch(verb: Token) -> bool:
    """ "left Yerevan in the lurch": the idiom (BETRAYS) makes the verb's object a party."""
    return lemma(verb) == "leave" and any(
        p.lower_ == "in" and any(o.lower_ == "lurch" for o in p.children) for p in verb.children
    )


_ACTOR_TYPES = frozenset({"PERSON", "GPE", "NORP"})


def _is_actor(tok: Token, lex: Lexicons) -> bool:
    """A leader or state: a person's or state's name, a listed leader, a name after a title
    ("Chancellor X"), a noun a state qualifies ("Canada's foreign minister") or an official an
    organization qualifies ("the EU's top diplomat"); a company or "tourists" is not."""
    if tok.ent_type_ in _ACTOR_TYPES or lex.leader_ids(tok.text):
        return True
    official = lex.is_title_word(tok.text)  # "the EU's top diplomat", "the UN envoy"
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("poss", "amod", "compound")
        and (
            c.ent_type_ in ("GPE", "NORP")
            or lex.is_title_word(c.text)
            or (official and c.ent_type_ == "ORG")
        )
        for c in tok.children
    )


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause a visit noun belongs to: "X paid a visit", "during a visit
    ..., X said", "X is on a visit"."""
    g = tok
    if g.dep_ == "pobj" and g.head.dep_ == "prep":
        g = g.head
    elif g.dep_ not in ("dobj", "attr"):
        return None
    verb = g.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _actor_visitor(gov: Token, lex: Lexicons) -> bool:
    """Whether a visit (noun or verb ``gov``) has a leader or state as its visitor."""
    if gov.pos_ in ("VERB", "AUX"):
        subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        return subj is not None and _is_actor(subj, lex)
    for c in gov.children:
        if c.dep_ == "poss" and c.tag_ != "PRP$":  # "his visit to X": the clause's subject
            return _is_actor(c, lex)
        if c.dep_ == "prep" and c.lower_ == "by":
            return any(_is_actor(o, lex) for o in c.children if o.dep_ == "pobj")
    subj = _clause_subject(gov)
    return subj is not None and _is_actor(subj, lex)


def _visited(gov: Token, lex: Lexicons) -> bool:
    """Whether ``to X`` under ``gov`` is the destination of a leader's or state's visit: a
    visit noun ("a visit to X", "X's trip to Y") or a motion verb with "for talks" whose
    talks name no other party ("travelled to X for talks")."""
    lem = lemma(gov)
    if lem in lex.wordset("visit_nouns") and gov.pos_ in ("NOUN", "PROPN"):
        return _actor_visitor(gov, lex)
    if lem in lex.wordset("motion_verbs") and gov.pos_ in ("VERB", "AUX"):
        talks = [
            o
            for p in gov.children
            if p.dep_ == "prep" and p.lower_ == "for"
            for o in p.children
            if o.dep_ == "pobj" and o.lower_ in lex.wordset("visit_talk_nouns")
        ]
        if talks and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
            for t in talks
            for c in t.children
        ):
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
            # "A and B travel to C for talks" meet each other in C
            one = (
                subj is not None
                and not subj.conjuncts
                and not any(c.dep_ == "conj" for m in subj.children for c in m.children)
            )
            return one and _actor_visitor(gov, lex)
    return False


def resolve_metonym(doc: Doc, c: Candidate, lex: Lexicons) -> Resolved | None:
    """A capital or seat: its state when it acts, else a Place (capital) or nothing (seat)."""
    tok = doc[c.start : c.end].root
    head = tok.head
    if (
        tok.dep_ == "compound"
        and head.text[:1].isupper()
        and head.lower_ in lex.wordset("document_heads")
    ):
        # "the Lima Declaration": part of a document's or event's name.
        return None
    place = _is_place_use(tok, lex)
    if c.kind == "SEAT":
        if place and tok.dep_ == "pobj":
            return None
        i = c.start - 1
        if i > 0 and doc[i].tag_ == "POS":
            i -= 1
        if i >= 0 and lex.state_of_form(doc[i].text) not in (None, c.target):
            # "the Philippine (or Canada's) Department of Justice": another state's organ.
            return None
        return (
            as_country(c, c.target, "metonym", lex) if c.target in lex.countries else _org(c, lex)
        )
    if place:
        return Resolved(
            annotation(c, EntityLabel.PLACE, doc[c.start : c.end].text, "capital_place", lex)
        )
    if c.target in lex.countries:
        return Resolved(annotation(c, EntityLabel.COUNTRY, c.target, "metonym", lex, "capital"))
    return _org(c, lex)


def _org(c: Candidate, lex: Lexicons) -> Resolved:
    return Resolved(
        annotation(
            c, EntityLabel.ORGANIZATION, c.target, "metonym", lex, lex.org_kinds.get(c.target)
        )
    )
