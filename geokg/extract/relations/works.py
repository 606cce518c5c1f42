"""Works funded or built by a state in another state: the funder SUPPORTS that state.

SCHEMA.md news conventions: giving loans or aid to a party is SUPPORTS (giver -> receiver);
CAMEO 07 (provide aid) / PLOVER AID. Development news states it through the works: a
participle of funding or building (``works_participles``: "Chinese-funded", "China-built",
"financed by Japan", "built with Japanese loans") on a works noun (``funded_works``: port,
railway, bridges, projects) whose funder is a named state. The receiver is the state the
works stand in:

* the works' possessor ("Kenya's Chinese-built railway");
* an "in" phrase naming a state or a place whose state the gazetteer knows ("the Japanese-funded
  bridge in Mombasa" -> Kenya), or a place naming the works ("the China-funded Gwadar port"
  -> Pakistan);
* else the subject of the clause that receives money for them ("Zambia got loans for
  Chinese-built roads": ``works_receiving_verbs`` with a ``works_receiving_nouns`` object).

A place itself is never the receiver (a region or a place the gazetteer does not place in a
state gives nothing), a company is never the funder, and works in the funder's own state ("the
Chinese-funded port in Shanghai") give nothing. Rule id ``participle.v1``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.domestic import place_states
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["funded_works", "works_participle"]

# the cue whose type and confidence the reading takes
_SUPPORT_CUE = "support.verb"
# modifiers of a participle that name its agent ("Chinese-funded", "China-built")
_FUNDER_DEPS = frozenset({"npadvmod", "compound", "amod", "nmod"})


def works_participle(ctx: SentenceContext, tok: Token) -> bool:
    """Whether ``tok`` is a participle of funding or building on a works noun ("the
    Chinese-funded port"): this module reads it, not the general participle rule."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("amod", "acl")
        and ctx.lemma(tok) in ctx.lex.works_participles
        and ctx.lemma(tok.head) in ctx.lex.funded_works
    )


def funded_works(ctx: SentenceContext) -> list[Candidate]:
    """ "the Chinese-funded port in Sri Lanka", "Kenya's China-built railway", "Zambia got
    loans for Chinese-built roads": the funding state SUPPORTS the state where the works are."""
    cue = ctx.lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(ctx.lex.works_participles):
        return []
    out: list[Candidate] = []
    for tok in ctx.tokens():
        if not works_participle(ctx, tok):
            continue
        funders = _funders(ctx, tok)
        if not funders:
            continue
        sites, anchor = _sites(ctx, tok, tok.head)
        out.extend(_pairs(ctx, funders, sites, cue, tok, "participle.v1", anchor=anchor))
    return out


def _funders(ctx: SentenceContext, part: Token) -> list[EntityAnnotation]:
    """The states named as the participle's agent: its demonym or name modifier, or its
    by-agent. A company or a person is no funder here (private investment is commerce)."""
    toks = [c for c in part.children if c.dep_ in _FUNDER_DEPS and c.i < part.i]
    toks.extend(o for c in part.children if c.dep_ == "agent" for o in ctx.children(c, "pobj"))
    # "built with Chinese loans", "financed with money from China": the money's giver
    for _, money in ctx.prep_objects(part, ("with",)):
        if ctx.lemma(money) in ctx.lex.works_receiving_nouns and money.i not in ctx.ent_at:
            toks.extend(c for c in money.children if c.dep_ in _FUNDER_DEPS and c.i < money.i)
            toks.extend(o for _, o in ctx.prep_objects(money, ("from",)))
    ents = [ctx.ent_at[t.i] for t in toks if t.i in ctx.ent_at]
    return [e for e in ents if e.label == EntityLabel.COUNTRY]


def _state(ent: EntityAnnotation) -> EntityAnnotation | None:
    """A state as itself; a place the gazetteer places in a state as that state."""
    if ent.label == EntityLabel.COUNTRY:
        return ent
    if ent.label == EntityLabel.PLACE:
        state = place_states().get(ent.name)
        if state is not None:
            from geokg.extract.entities.lexicon import default_lexicons

            info = default_lexicons().country(state)
            iso3 = info.iso3 if info is not None else None
            return replace(ent, label=EntityLabel.COUNTRY, name=state, iso3=iso3, rule="place")
    return None


def _sites(ctx: SentenceContext, part: Token, works: Token) -> tuple[list[EntityAnnotation], Token]:
    """The states where the works stand, and the token the modality walk starts from."""
    toks = [c for c in works.children if c.dep_ == "poss"]
    if not toks:
        # "the port in Mombasa", "the port at Mombasa", "built by China in Laos", "funded by
        # Japan in Cambodia"
        holders = [
            works,
            part,
            *(o for c in part.children if c.dep_ == "agent" for o in c.children),
        ]
        toks = [o for h in holders for _, o in ctx.prep_objects(h, ("in", "at"))]
    if not toks:
        toks = [c for c in works.children if c.dep_ in ("compound", "nmod") and c.i > part.i]
    sites = [s for t in toks if t.i in ctx.ent_at for s in [_state(ctx.ent_at[t.i])] if s]
    if sites or toks:
        return sites, part
    return _receivers(ctx, works, part)


def _receivers(
    ctx: SentenceContext, works: Token, part: Token
) -> tuple[list[EntityAnnotation], Token]:
    """ "Zambia received loans for Chinese-built roads", "Kenya hopes to get loans for ...":
    the subject of the verb receiving money "for" the works."""
    lex = ctx.lex
    prep = works.head
    if works.dep_ != "pobj" or ctx.lemma(prep) != "for":
        return [], part
    money = prep.head
    if ctx.lemma(money) not in lex.works_receiving_nouns or money.dep_ != "dobj":
        return [], part
    verb = money.head
    if verb.pos_ not in _VERB_POS or ctx.lemma(verb) not in lex.works_receiving_verbs:
        return [], part
    agents, _ = ctx.subjects(verb)
    ents = ctx.args_of(agents, strict=True)
    return [e for e in ents if e.label == EntityLabel.COUNTRY], verb
