"""The state that owns a territory noun: "two Peruvian provinces", "the territory of Peru".

As the object of an annexing verb (the ``strict_place`` cues, ``annex.verb``) such a noun
stands for its owner: "Chile annexed two Peruvian provinces" is Chile ANNEXES Peru, as "annexed
Peru's provinces" would be. Only territory nouns (``lexicon.json`` ``ownership_claims``
``territory_nouns``: territory, region, province, island ...) carry the owner this way: a town
or village captured in a war is no part taken from a state ("captured a Peruvian village" gives
nothing), and a stance-prefixed modifier names no owner ("pro-Peruvian regions"). A territory
named in the noun phrase is itself the target, not its owner ("annexed Peru's Tacna region":
Tacna, as "annexed the region from Peru" takes the region alone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["owned_territory"]

_OWNER_DEPS = frozenset({"amod", "compound", "nmod"})


def owned_territory(ctx: SentenceContext, toks: list[Token]) -> list[EntityAnnotation]:
    """ "two Peruvian provinces", "the territory of Peru": the state that owns a territory
    noun (``ownership_claims`` ``territory_nouns``), named by a demonym or an "of" phrase."""
    out: list[EntityAnnotation] = []
    seen: set[tuple[int, int]] = set()
    for tok in toks:
        for t in (tok, *tok.conjuncts):
            if ctx.lemma(t) not in ctx.lex.territory_nouns:
                continue
            mods = [c for c in t.children if c.dep_ in _OWNER_DEPS or c.dep_ == "poss"]
            places = [ctx.ent_at[c.i] for c in mods if c.i in ctx.ent_at]
            places = [e for e in places if e.label.value == "Place"]
            found: list[EntityAnnotation] = list(places)
            owners: list[Token] = []
            if not places:  # "Peru's Tacna region": the region, not Peru
                owners = [*mods, *(o for _, o in ctx.prep_objects(t, {"of"}))]
            for c in owners:
                e = ctx.ent_at.get(c.i)
                if e is None or e.label.value != "Country" or ctx.stance_prefixed(c):
                    continue
                found.append(e)
            for e in found:
                if (e.start, e.end) not in seen:
                    seen.add((e.start, e.end))
                    out.append(e)
    return out
