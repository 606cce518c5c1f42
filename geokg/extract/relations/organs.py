"""A state's organs stand for it, even where a cue takes named parties only ("strict" cues).

SCHEMA.md ("Conventions settled while annotating news"): a state's government,
administration, foreign ministry, army or authorities acting for it name the state, so "the
Chilean government traded barbs with Peru" is read as "Chile traded barbs with Peru". Only a
state (a ``Country`` entity) owns an organ here: "the company's government relations office",
"Acme's administration" or "the rebel army" name no state, and private people ("Chilean
writers", "the diplomats' families") are no organ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["not_own_bodies", "owning_states", "state_organ"]

# the bodies through which a state acts (lemmas and plural forms)
_ORGAN_NOUNS = frozenset(
    {
        "government",
        "administration",
        "regime",
        "cabinet",
        "junta",
        "authorities",
        "ministry",
        "army",
        "military",
        "navy",
    }
)
_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})


def _states(ctx: SentenceContext, tokens: list[Token]) -> list[EntityAnnotation]:
    out: list[EntityAnnotation] = []
    for t in tokens:
        for m in (t, *t.conjuncts):
            e = ctx.ent_at.get(m.i)
            if e is not None and e.label.value == "Country" and not ctx.stance_prefixed(m):
                out.append(e)
    return out


def state_organ(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The states an organ noun acts for: its demonym, name or possessive modifiers and
    their conjuncts ("the Chilean government", "Chile's foreign ministry"), else its "of"
    objects ("the government of Chile"). Empty for any other noun and for an organ no state
    owns ("the rebel army", "the pro-Chilean government")."""
    if ctx.lemma(tok) not in _ORGAN_NOUNS and tok.lower_ not in _ORGAN_NOUNS:
        return []
    return owning_states(ctx, tok)


def owning_states(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The states (``Country`` entities) a noun's demonym, name or possessive modifiers
    name, else its "of" objects: "the Chilean government", "Peru's ambassador", "the
    ambassador of Peru"."""
    out = _states(ctx, [c for c in tok.children if c.dep_ in _MODIFIERS])
    if out:
        return unique_spans(out)
    objs = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return unique_spans(_states(ctx, objs))


def not_own_bodies(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Drop a state's trade with a body its own demonym or name modifies: "Chile will invest
    in the Chilean National Police (CNP)" is spending at home, not trade; "invest in the
    Peruvian oil company" stays."""
    out: list[Candidate] = []
    for c in found:
        if c.type == "TRADES_WITH" and c.target.label.value == "Organization":
            root = ctx.root_of(c.target)
            heads = (root, root.head) if root.dep_ == "appos" else (root,)
            owners = {
                ctx.ent_at[m.i].name
                for h in heads
                for m in h.children
                if m.dep_ in _MODIFIERS and m.i in ctx.ent_at
            }
            if c.source.name in owners:
                continue
        out.append(c)
    return out
