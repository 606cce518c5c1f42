"""A possessive "his"/"her" that stands for the state of an untitled-name title before it.

In "Chile's president said his forces had repelled an attack by Peru" no person is named:
the subject is a title that names its state ("Chile's president", "the Chilean president",
"the president of Chile"), and "his forces" are that state's forces. The sentence rules already
read such a titled subject as its state ("Chile's president criticized Peru": Chile), so
"his" on a noun for a state's forces or government ("his troops", "his government", "his
country") takes the same state. Only a title that is the subject of the clause holding the
pronoun counts, only when it is the one such title, and only when it names exactly one state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["titled_owner"]

_OWNED_STATE_NOUNS = frozenset({"country", "nation", "state", "administration"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_STATE_MODS = frozenset({"poss", "amod", "compound", "nmod"})


def _title_states(ctx: SentenceContext, title: Token) -> list[EntityAnnotation]:
    """The countries a title names: "Chile's", "Chilean", "of Chile", "the Chilean army
    chief"."""
    out: list[EntityAnnotation] = []
    # "the Kenyan army chief": the demonym may hang on the title's compound
    heads = [title, *(c for c in title.children if c.dep_ == "compound" and c.i not in ctx.ent_at)]
    for h in heads:
        for c in h.children:
            e = ctx.ent_at.get(c.i)
            if c.dep_ in _STATE_MODS and e is not None and not ctx.stance_prefixed(c):
                out.append(e)
    for _, obj in ctx.prep_objects(title, {"of"}):
        e = ctx.ent_at.get(obj.i)
        if e is not None:
            out.append(e)
    return out


def titled_owner(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The state of the title "his"/"her" refers to (see the module docstring), or ``[]``.

    Args:
        ctx: The pronoun's sentence.
        tok: A possessive "his"/"her" with no person named before it in the sentence.
    """
    if tok.lower_ not in ("his", "her") or tok.dep_ != "poss":
        return []
    lex = ctx.lex
    lem = ctx.lemma(tok.head)
    owned = lex.led_actor_nouns | lex.rule_nouns | _OWNED_STATE_NOUNS
    if lem not in owned:
        return []  # "his remarks", "his ally": not the state's
    titles = [
        ctx.doc[i]
        for i in range(ctx.start, tok.i)
        if ctx.doc[i].pos_ == "NOUN"
        and i not in ctx.ent_at
        and ctx.doc[i].tag_ == "NN"
        and ctx.lemma(ctx.doc[i]) in lex.title_heads
    ]
    if len(titles) != 1 or titles[0].dep_ not in _SUBJ:
        return []
    title = titles[0]
    verb = title.head
    if not (verb.left_edge.i <= tok.i <= verb.right_edge.i):
        return []
    states = [e for e in _title_states(ctx, title) if e.label.value == "Country"]
    return states[:1] if len({e.name for e in states}) == 1 else []
