"""Subjects the parser hangs away from the verb's subject slot (``subjects.py`` asks here).

Co-agents named between the subject and its verb: "Chile, along with Peru, objected", "Chile,
together with Peru, ...", "Chile, alongside Peru, ...". Distributed subjects: in "On Tuesday,
Chile and Peru each accused the other" the parser may make "each" the subject and hang the
names before it elsewhere; the names right before a bare "each", "both" or "all" subject are
the subjects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["co_agents"]

_DISTRIBUTIVE = frozenset({"each", "both", "all"})


def co_agents(ctx: SentenceContext, v: Token, subj: Token) -> list[Token]:
    """Further subjects of ``v`` beside its parsed subject ``subj`` (module docstring)."""
    return _with_agents(ctx, v, subj) + _distributed(ctx, subj)


def _distributed(ctx: SentenceContext, subj: Token) -> list[Token]:
    """The coordinated names right before a bare distributive subject ("A and B each")."""
    if subj.lower_ not in _DISTRIBUTIVE or subj.dep_ != "nsubj" or subj.n_lefts or subj.n_rights:
        return []
    prev = ctx.doc[subj.i - 1]
    if subj.i - 1 < ctx.start or prev.i not in ctx.ent_at:
        return []
    root = prev
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    names = [root, *(t for t in root.subtree if t.dep_ == "conj" and t.i < subj.i)]
    return [t for t in names if t.i in ctx.ent_at]


_CO_AGENT_PREPS = frozenset({"along", "together"})


def _with_agents(ctx: SentenceContext, v: Token, subj: Token) -> list[Token]:
    """Co-agents named between the subject and its verb: "Chile, along with Peru, objected",
    "Chile, together with Peru, ...", "Chile, alongside Peru, ...". Each is a subject too.
    Only a phrase before the verb counts: after it ("signed a deal with X along with Y")
    the phrase may belong to the object."""
    out: list[Token] = []
    for head in (v, subj):
        for prep in head.children:
            if prep.dep_ != "prep" or not (subj.i < prep.i < v.i):
                continue
            low = prep.lower_
            if low == "alongside":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
            elif low in _CO_AGENT_PREPS:
                withs = [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"]
                objs = [c for w in withs for c in w.children if c.dep_ == "pobj"]
            elif low == "with" and any(
                c.dep_ == "advmod" and c.lower_ in _CO_AGENT_PREPS for c in prep.children
            ):
                # "together(advmod) with(prep) Y"
                objs = [c for c in prep.children if c.dep_ == "pobj"]
            else:
                continue
            out.extend(o for o in objs if o.i in ctx.ent_at)
    return out
