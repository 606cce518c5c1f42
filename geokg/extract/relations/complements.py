"""Classifying a party by an object complement (``classified_as.v1``).

"Chile considers Peru a strategic partner", "Chile views Peru as its main rival", "Chile regards
Peru as a threat", "Chile views Peru in adversarial terms": a verb of classifying
(``lexicon.json`` ``classifying`` ``verbs``: consider, view, see, regard, perceive, treat, deem,
count, designate ...) whose object is a party Y and whose complement is a role noun gives the
subject X the relation that noun carries as a role cue (``cues.jsonl`` ``pos: role``: ally,
partner, friend -> PARTNERS_WITH; rival, enemy, adversary, foe -> OPPOSES; "trading partner"
-> TRADES_WITH), or an adjective cue in "in ... terms" or after "as" (hostile, adversarial,
friendly). A threat noun (``classifying`` ``threats``: threat, menace, danger) is a stance
against Y: OPPOSES. The stance is the subject's: X -> Y, with the classifying verb as the
predicate for negation and modality ("does not see Y as a threat", "may see Y as a rival"); a
denial of a qualified complement denies the quality, not the role ("does not see Y as a
reliable partner": nothing). A passive with a "by" agent is the same stance ("Y is seen as a
threat by X"); one without it has no holder and gives nothing. Naming in speech ("called Y a
dear friend", "hailed Y as a partner") is praise, not a stated stance, and gives nothing here.

Not a classification of a party: an object that is no entity ("considers the offer a good
deal", "described the talks as frank", "sees Y's growth as a challenge"), a complement that is
no role of the subject's ("named Y as its new ambassador"), or a role owned by someone else
("sees Y as an ally of Z": the role noun's own reading, ``roles.py``). A pejorative complement
("called Y a terrorist state") is criticism, read by ``naming.py``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _modifiers_ok, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["classified_parties"]

RULE = "classified_as.v1"
# the stances a classification states (a membership or a trade role is no stance: "welcomed
# Y as a member" is MEMBER_OF's own reading)
_TYPES = frozenset({"PARTNERS_WITH", "OPPOSES"})
# the role cue that carries a threat noun's OPPOSES
_THREAT_CUE = "rival.role"
_OWN = frozenset({"its", "their", "his", "her", "our", "my"})


def classified_parties(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Chile views Peru as a rival": Chile OPPOSES Peru (module docstring).

    Returns ``found`` with the classifications added; a complement's own noun reading with
    the classifying verb as its light verb ("sees Peru as a threat": Chile THREATENS) is the
    holder's stance, not an act of the holder's, and is dropped.
    """
    verbs = ctx.lex.classifying_verbs
    if not ctx.has_lemma(verbs):
        return found
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in verbs:
            continue
        if any(c.dep_ == "prt" for c in v.children):
            continue  # "called on Peru as a partner to ...": another verb
        agents, patients = ctx.subjects(v)
        for obj, comp in _object_complements(ctx, v, patients):
            cue = _complement_cue(ctx, comp)
            if cue is None:
                continue
            if _denied(v) and any(c.dep_ in ("amod", "compound") for c in comp.children):
                # "does not see Peru as a reliable partner": the denial is of the quality
                continue
            holders = agents
            if patients:
                # "Peru is seen as a threat by Chile" (the parser may hang the agent on the
                # complement); "Peru is seen as a threat": nobody's stance
                holders = [a for c in comp.children if c.lower_ == "by" for a in c.children]
                holders = [a for a in holders if a.dep_ == "pobj"] + [
                    a for c in v.children if c.dep_ == "agent" for a in c.children
                ]
            named = ctx.args_of([obj], strict=True)
            pred = _predicate(v)
            found_here = _pairs(ctx, ctx.args_of(holders), named, cue, comp, RULE, anchor=pred)
            if _hedged(ctx, comp):
                found_here = [replace(c, hedge=True) for c in found_here]
            out.extend(found_here)
    read = {(c.trigger, c.source.name) for c in out}
    kept = [
        c
        for c in found
        if not (c.rule.startswith("nominal") and (c.trigger, c.source.name) in read)
    ]
    return kept + out


def _predicate(v: Token) -> Token:
    """The predicate for negation and modality: an infinitive the parser hung on a modal
    raising verb as a clause of its own ("may come to see Y as a rival") takes that verb's."""
    if (
        v.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        and any(c.tag_ == "MD" for c in v.head.children)
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in v.head.children)
    ):
        return v.head  # but "sent envoys to see Y as a partner" is a purpose
    return v


def _denied(v: Token) -> bool:
    """Whether a verb is negated by a particle on it or on its adverb ("no longer")."""
    return any(c.dep_ == "neg" for c in v.children) or any(
        g.dep_ == "neg" for c in v.children if c.dep_ == "advmod" for g in c.children
    )


def _object_complements(
    ctx: SentenceContext, v: Token, patients: list[Token]
) -> list[tuple[Token, Token]]:
    """``(object, complement)`` pairs of a classifying verb, in the shapes the parser gives:
    "called Y a friend" (``oprd``, or a second ``dobj``), "sees Y as a rival" ("as" on the
    verb or on the object), "considers Y a partner" (a small clause: the complement a
    ``ccomp``/``xcomp`` with Y its subject, or "Y to be a partner"), "views Y in hostile
    terms", "counts Y among its allies"."""
    out: list[tuple[Token, Token]] = []
    objs = ctx.children(v, "dobj")
    if patients:
        # "Y was deemed a threat": the passive subject is the one classified, an object left
        # on the verb its complement
        out.extend((patients[0], c) for c in objs)
        objs = patients[:1]
    elif len(objs) > 1:
        out.append((objs[0], objs[-1]))
        objs = objs[:1]
    for o in objs:
        out.extend((o, c) for c in ctx.children(v, "oprd"))
        for p, c in ctx.prep_objects(v, ("as", "among", "in")) + ctx.prep_objects(o, ("as",)):
            if p == "in":
                # "views Y in adversarial terms": the terms' adjective is the complement
                if ctx.lemma(c) == "term":
                    out.extend((o, a) for a in c.children if a.dep_ == "amod")
                continue
            out.append((o, c))
        for prep in (*v.children, *o.children):
            # "sees Y as hostile": the parser hangs an adjective on "as" as a modifier
            if prep.dep_ == "prep" and prep.lower_ == "as":
                out.extend((o, a) for a in prep.children if a.dep_ in ("amod", "acomp"))
    for c in ctx.children(v, "ccomp", "xcomp"):
        subj = ctx.children(c, "nsubj")
        if not subj:
            continue
        if ctx.lemma(c) == "be":
            out.extend((subj[0], a) for a in ctx.children(c, "attr"))
        else:
            out.append((subj[0], c))
    return out


def _complement_cue(ctx: SentenceContext, comp: Token) -> Cue | None:
    """The stance cue of a complement or of one of its conjuncts ("as a friend and a
    brother"): a role noun of PARTNERS_WITH/OPPOSES, a threat noun, a stance adjective, or a
    party noun with a stance adjective ("as a hostile state", "as a friendly nation")."""
    for c in (comp, *comp.conjuncts):
        if c.i in ctx.ent_at or not _own_role(ctx, c):
            continue
        lem = ctx.lemma(c)
        kind = "noun" if c.pos_ in _NOUN_POS else "adj"
        if kind == "noun" and lem in ctx.lex.threat_complements:
            return ctx.lex.cue(_THREAT_CUE)
        cue = _stance_cue(ctx, c, kind, lem)
        if cue is None and kind == "noun" and "Country" in ctx.lex.pair_nouns.get(lem, ()):
            # "regards Peru as a hostile state": the party noun's adjective says the stance
            for a in c.children:
                if a.dep_ == "amod":
                    cue = cue or _stance_cue(ctx, a, "adj", ctx.lemma(a))
        if cue is not None:
            return cue
    return None


def _stance_cue(ctx: SentenceContext, c: Token, kind: str, lem: str) -> Cue | None:
    """The role or adjective cue of a stance type that ``c`` carries, if any."""
    cues = [cue for cue in ctx.lex.lookup(kind, lem) if cue.pos in ("role", "adj")]
    for cue in cues:
        if cue.requires_modifiers and _modifiers_ok(ctx, c, cue):
            # "sees Y as its main trading partner": the modified role is what is meant
            return cue if cue.type.value == "TRADES_WITH" else None
    for cue in cues:
        if cue.type.value not in _TYPES:
            continue
        if cue.requires_modifiers or cue.requires_prep_object or cue.target_labels:
            continue  # "member": a role that is no stance
        if cue.veto_modifiers and (
            not _modifiers_ok(ctx, c, cue)
            or any(m.lower_ in cue.veto_modifiers for m in c.children)
        ):
            continue  # "sparring partner" (lemma "spar": the form is the veto)
        return cue
    return None


def _hedged(ctx: SentenceContext, comp: Token) -> bool:
    """ "sees Peru as a potential partner": a hedging adjective on the complement."""
    return any(
        a.dep_ == "amod"
        and (ctx.lemma(a) in ctx.lex.hedge_adjectives or a.lower_ in ctx.lex.hedge_adjectives)
        for c in (comp, *comp.conjuncts)
        for a in c.children
    )


def _own_role(ctx: SentenceContext, c: Token) -> bool:
    """Whether a complement is the subject's own role: no named owner ("Z's ally"), no "of"
    or "to" party ("an ally of Z", "a threat to Z's borders" is still the subject's, but a
    named party after "of" owns the role)."""
    for ch in c.children:
        if ch.dep_ == "poss" and ch.lower_ not in _OWN:
            return False
    return not any(ctx.args(o, strict=True) for _, o in ctx.prep_objects(c, ("of",)))
