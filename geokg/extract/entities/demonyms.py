"""Demonyms: when an adjective or a nationality noun names its state.

An adjective names the state unless its head noun is a private person ("Russian writers") or a
language; a nationality noun ("Palestinians") names the state only as a collective actor ("the
Palestinians", subject of a state act).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import Candidate, Resolved, as_country
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.syntax import between_modifiers, head_noun, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["resolve_demonym_adj", "resolve_demonym_people"]


def _private_head(tok: Token, head: Token, lex: Lexicons) -> bool:
    private = lex.wordset("private_people_nouns")
    if lemma(head) in private or head.lower_ in private or head.lower_.endswith("ologist"):
        return True
    return any(
        lemma(t) in private
        for t in between_modifiers(tok, head)
        if t.pos_ in ("NOUN", "ADJ") and t.text[:1].islower()
    )


def resolve_demonym_adj(doc: Doc, c: Candidate, lex: Lexicons) -> Resolved | None:
    """A demonym adjective names its state unless it describes private people or a language."""
    last = doc[c.end - 1]
    head, via_verb = head_noun(last)
    if head is None:
        # "the British", "the French": the nation as a collective actor.
        if (
            c.start > 0
            and doc[c.start - 1].lower_ == "the"
            and last.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj")
        ):
            return as_country(c, c.target, "demonym", lex)
        if last.dep_ in ("amod", "compound", "nmod", "npadvmod") or last.pos_ == "ADJ":
            return as_country(c, c.target, "demonym", lex)
        return None
    if via_verb:
        return as_country(c, c.target, "demonym", lex)
    if _private_head(last, head, lex):
        return None
    if lemma(head) in lex.wordset("language_nouns"):
        return None
    return as_country(c, c.target, "demonym", lex)


def resolve_demonym_people(doc: Doc, c: Candidate, lex: Lexicons) -> Resolved | None:
    """A nationality noun names its state only as a collective actor ("the Poles")."""
    tok = doc[c.end - 1]
    surface = doc[c.start : c.end].text
    if surface in lex.wordset("people_as_state") or surface.lower() in lex.wordset(
        "people_as_state"
    ):
        return as_country(c, c.target, "demonym_people", lex)
    mods = [
        t
        for t in tok.children
        if t.dep_ in ("amod", "nummod", "compound", "quantmod", "relcl", "acl")
    ]
    dets = [t for t in tok.children if t.dep_ == "det"]
    if mods:
        return None
    if dets and all(d.lower_ == "the" for d in dets):
        return as_country(c, c.target, "demonym_people", lex)
    if (
        tok.dep_ in ("nsubj",)
        and lemma(tok.head) in lex.wordset("state_subject_verbs")
        and not dets
    ):
        return as_country(c, c.target, "demonym_people", lex)
    return None
