"""Announced penalties read as threats (``announced_threat.v1``).

A party that warns that it could, would or will impose a punitive measure on another ("Lima
warned that it would impose tariffs on Chilean fruit", "Tokyo warned it could retaliate with
duties on Vietnamese steel") threatens that party: CAMEO 13 (the WARN block of the CAMEO verb
dictionary is coded threaten) and 1312 (threaten with sanctions, boycott or embargo), and
SCHEMA.md's news convention that a threatened tariff is THREATENS plus SANCTIONS hedged. The
warning verbs are ``lexicon.json`` -> ``threat_content.announcers``. The measure itself is
found by the ordinary cue families; this module only adds the threat, for the speaker that is
also the measure's agent. A plain report ("said it would impose tariffs") is an announcement,
not read as a threat here. :func:`warned_face` reads the other side of a warning, "X warned Y
could face sanctions", as an ultimatum (``ultimatum.v1``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.circumstances import CIRCUMSTANCE_PREPS
from geokg.extract.relations.lexicon import Cue, RelationLexicon
from geokg.extract.relations.slots import _pairs
from geokg.extract.relations.subjects import climb_to_verb
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "announced_threats",
    "dative_threats",
    "demanding_threats",
    "faced_reprisals",
    "not_warned_of_risks",
    "penalty_threat",
    "threat_contents",
    "threatened_act",
    "threatened_penalties",
    "warned_face",
]

# a reprisal still to come that a party faces or risks ("faces retaliation from Chile")
_REPRISALS = frozenset({"retaliation", "reprisal", "reprisals", "retribution", "revenge"})
_REPRISALS |= {"punishment", "countermeasure", "countermeasures", "consequence", "consequences"}
_FACING = frozenset({"face", "risk"})
# "gave Peru an ultimatum": verbs that hand a threat to their indirect object
_HANDING = frozenset({"give", "send", "deliver", "issue", "hand", "serve", "present"})
_HANDED = frozenset({"ultimatum", "warning", "threat"})
# "an ultimatum demanding that Peru withdraw": what a threat noun demands, and of whom
_DEMANDING = frozenset({"demand", "order", "require", "insist", "tell", "urge", "call"})
_SERIES = frozenset({"series", "string", "barrage", "flurry", "round", "number", "set"})
# "warned Peru of the risks of inflation": a warning of a danger, not of a measure
_DANGERS = frozenset({"risk", "danger", "peril", "hazard", "pitfall", "cost", "effect", "impact"})
_DANGERS |= {"risks", "dangers", "perils", "hazards", "pitfalls", "costs", "effects"}
# verbs that carry a threat out ("executed its threat")
_FULFILLING = frozenset({"execute", "fulfil", "fulfill", "implement", "enact"})
_NOT_PAST = frozenset({"VB", "VBZ", "VBP", "VBG"})


def announced_threats(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """THREATENS for each penalty (a threat-content type) that its own agent announces with a
    warning verb and a modal ("warned that it would impose ...").

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The threats, anchored on the warning verb (its negation and modality apply).
    """
    lex = ctx.lex
    threat = lex.cue("threaten.verb")
    if threat is None or not lex.threat_announcers:
        return []
    types = {t.value for t in lex.threat_content_types}
    out: list[Candidate] = []
    for c in found:
        if c.type not in types or c.hedge:
            continue
        clause = climb_to_verb(ctx.doc[c.anchor], 4)
        if clause.dep_ != "ccomp" or not any(
            a.dep_ == "aux" and ctx.lemma(a) in lex.hedge_modals for a in clause.children
        ):
            continue
        speech = clause.head
        if ctx.lemma(speech) not in lex.threat_announcers:
            continue
        speakers = ctx.args_of(ctx.subjects(speech)[0])
        if not any(s.name == c.source.name for s in speakers):
            continue
        conf = lex.confidence("announced_threat.v1", 0.6)
        out.append(_threat_at(c, threat, speech, "announced_threat.v1", conf))
    return out


def _threat_at(c: Candidate, threat: Cue, tok: Token, rule: str, conf: float) -> Candidate:
    """A penalty re-read as the threat of it that ``tok`` states (a warning verb, a threat
    noun): THREATENS between the same parties, triggered and anchored there, not hedged."""
    return replace(
        c,
        type=threat.type.value,
        trigger=tok.i,
        trigger_end=-1,
        anchor=tok.i,
        rule=rule,
        confidence=conf,
        cue=threat.id,
        hedge=False,
    )


def warned_face(
    ctx: SentenceContext,
    face: Token,
    recipients: list[EntityAnnotation],
    cue: Cue,
    n: Token,
) -> list[Candidate]:
    """ "Chile warned Peru (that it) could face sanctions": a warning that the other party
    faces a penalty is a threat by the warner (asserted), and the penalty is the warner's,
    hedged (it may never come), as in an ultimatum."""
    lex = ctx.lex
    if face.dep_ != "ccomp" or ctx.lemma(face.head) not in lex.threat_announcers:
        return []
    if cue.type not in lex.threat_content_types:
        return []
    return penalty_threat(ctx, face.head, recipients, cue, n)


def penalty_threat(
    ctx: SentenceContext, speech: Token, recipients: list[EntityAnnotation], cue: Cue, n: Token
) -> list[Candidate]:
    """A penalty held out to ``recipients`` by the subject of ``speech`` (a warning, or a
    demand with the penalty as its alternative): the speaker THREATENS them (asserted), and
    the penalty is theirs too, hedged (it may never come); rule ``ultimatum.v1``."""
    agents, _ = ctx.subjects(speech)
    givers = ctx.args_of(agents, strict=cue.strict)
    threat = ctx.lex.cue("threaten.verb")
    if not givers or threat is None:
        return []
    out = _pairs(ctx, givers, recipients, threat, n, "ultimatum.v1", anchor=speech)
    penalties = _pairs(ctx, givers, recipients, cue, n, "ultimatum.v1", anchor=speech)
    return out + [replace(c, hedge=True) for c in penalties]


def threatened_act(lex: RelationLexicon, verb: str, cue: Cue, via: str = "") -> bool:
    """ "threatened Peru with war": the act a threat verb names is the threat's content, not
    an act done; only a threatened penalty (``threat_content`` types) is also stated, hedged.
    A time phrase (``via`` "pobj:after" ...) is no content: "After talks with Peru, Chile
    threatened to ..." states the talks (:mod:`.circumstances`)."""
    if verb in lex.objection_verbs:
        # "Chile and Peru objected to the deal": what a party objects to is none of its own
        # acts, and objecting together states no tie between the objectors either
        return True
    if via[5:] in CIRCUMSTANCE_PREPS:
        return False
    return verb in lex.threat_words and cue.type not in lex.threat_content_types


def faced_reprisals(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Peru faces retaliation from Chile", "could face reprisals", "is facing punishment
    from Chile": a reprisal a party faces is still to come, a threat by the one who would
    take it (CAMEO 13; ``faced_reprisal.v1``), not an attack or a sanction done. "faced
    retaliation" (past) and "faces attacks" keep their own reading.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates, each faced reprisal read as THREATENS anchored on the facing verb.
    """
    threat = ctx.lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(_FACING):
        return found
    out: list[Candidate] = []
    for c in found:
        n = ctx.doc[c.trigger]
        v = n.head
        if (
            c.type in ("ATTACKS", "SANCTIONS")
            and n.dep_ == "dobj"
            and ctx.lemma(v) in _FACING
            and v.tag_ in _NOT_PAST
            and ctx.lemma(n) in _REPRISALS
            and not any(a.dep_ == "aux" and ctx.lemma(a) == "have" for a in v.children)
        ):
            c = replace(
                c,
                type=threat.type.value,
                anchor=v.i,
                rule="faced_reprisal.v1",
                cue=threat.id,
                confidence=threat.conf,
            )
        out.append(c)
    return out


def threatened_penalties(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "the threat of U.S. sanctions on Peru", "Peru faces the threat of Chilean tariffs": a
    penalty named as the content of a threat is held out, not imposed (CAMEO 1312, threaten
    with sanctions, boycott or embargo; SCHEMA.md: a threatened tariff is THREATENS plus
    SANCTIONS hedged). Its agent THREATENS its target (``threatened_penalty.v1``), anchored on
    the threat noun; with no target in the penalty's phrase, the party that faces or risks the
    threat, or acts "despite" it, is the target, and the penalty is added hedged.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The threats (and the hedged penalties a faced threat names).
    """
    lex = ctx.lex
    threat = lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(_HANDED):
        return []
    penalties = {t.value for t in lex.threat_content_types}
    out: list[Candidate] = []
    for n in ctx.tokens():
        if ctx.lemma(n) != "threat" or n.pos_ != "NOUN":
            continue
        for _, m in ctx.prep_objects(n, ("of",)):
            made = [c for c in found if c.trigger == m.i and c.type in penalties]
            if made:
                out += [
                    _threat_at(c, threat, n, "threatened_penalty.v1", threat.conf) for c in made
                ]
                continue
            # "Peru faces the threat of ...", "Peru went ahead despite threats of ..."
            verb = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "despite" else n.head
            if (n.dep_ != "dobj" or ctx.lemma(verb) not in _FACING) and verb is n.head:
                continue
            cues = [c for c in lex.lookup("noun", ctx.lemma(m)) if c.type.value in penalties]
            owners = [c for c in m.children if c.dep_ in ("poss", "amod", "compound")]
            owners += [o for t in (n, m) for _, o in ctx.prep_objects(t, ("from", "by"))]
            givers = ctx.args_of(owners, strict=True)
            faced = ctx.args_of(ctx.subjects(verb)[0])
            if not cues or not givers or not faced:
                continue
            out += _pairs(ctx, givers, faced, threat, n, "threatened_penalty.v1", anchor=verb)
            held = _pairs(ctx, givers, faced, cues[0], m, "threatened_penalty.v1", anchor=verb)
            out += [replace(c, hedge=True) for c in held]
    return out


def dative_threats(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile gave Peru an ultimatum", "sent Peru a final warning": a threat noun handed to
    an indirect object is a threat to it (CAMEO 13; ``dative_threat.v1``), as "issued an
    ultimatum to Peru" is. Only a named recipient counts ("gave its citizens a warning" is
    no threat to a party).

    Args:
        ctx: The sentence.

    Returns:
        THREATENS from the handing verb's subjects to its indirect object, anchored on the
        verb.
    """
    threat = ctx.lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(_HANDED) or not ctx.has_lemma(_HANDING):
        return []
    out: list[Candidate] = []
    for n in ctx.tokens():
        v = n.head
        if n.dep_ != "dobj" or ctx.lemma(n) not in _HANDED or ctx.lemma(v) not in _HANDING:
            continue
        recipients = ctx.args_of(d for d in ctx.children(v, "dative") if d.i in ctx.ent_at)
        givers = ctx.args_of(ctx.subjects(v)[0])
        if recipients and givers:
            out.extend(_pairs(ctx, givers, recipients, threat, n, "dative_threat.v1", anchor=v))
    return out


def demanding_threats(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile issued an ultimatum demanding that Peru withdraw", "sent an ultimatum
    ordering Peru to pull back", "repeated warnings demanding that Peru change course":
    a threat noun whose demand names its addressee is a threat to it (CAMEO 13, 139 give
    ultimatum; ``ultimatum_demand.v1``). The threatener is the noun's owner ("Chile's
    ultimatum") or the subject of the verb that issues it; a demand made of no named party
    ("a warning demanding that citizens leave") gives nothing.

    Args:
        ctx: The sentence.

    Returns:
        THREATENS from the threatener to each party the demand is made of, anchored on the
        issuing verb (else the noun).
    """
    threat = ctx.lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(_HANDED) or not ctx.has_lemma(_DEMANDING):
        return []
    out: list[Candidate] = []
    for d in ctx.tokens():
        n = d.head
        if d.dep_ != "acl" or ctx.lemma(d) not in _DEMANDING or ctx.lemma(n) not in _HANDED:
            continue
        addressed = [o for o in ctx.children(d, "dobj") if o.i in ctx.ent_at]
        addressed += [o for _, o in ctx.prep_objects(d, ("on",)) if o.i in ctx.ent_at]
        for clause in ctx.children(d, "ccomp"):
            addressed += [a for a in ctx.subjects(clause)[0] if a.i in ctx.ent_at]
        recipients = ctx.args_of(addressed)
        owners = [c for c in n.children if c.dep_ in ("poss", "amod", "compound")]
        givers = ctx.args_of(o for o in owners if o.i in ctx.ent_at)
        anchor = n
        held = n
        if held.dep_ == "pobj" and ctx.lemma(held.head.head) in _SERIES:
            held = held.head.head  # "a series of warnings"
        if not givers and held.dep_ == "dobj" and ctx.lemma(held.head) in _HANDING:
            anchor = held.head
            givers = ctx.args_of(ctx.subjects(anchor)[0])
        if recipients and givers:
            rule = "ultimatum_demand.v1"
            out.extend(_pairs(ctx, givers, recipients, threat, n, rule, anchor=anchor))
    return out


def not_warned_of_risks(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Chile warned Peru of the risks of inflation", "of the dangers of relying on gas": a
    warning of a danger is advice, not a threat (SCHEMA.md THREATENS: "warn of force"), so
    the ``warn.verb`` reading is dropped where its only "of" content is a danger noun."""
    if not ctx.has_lemma(_DANGERS):
        return found
    out: list[Candidate] = []
    for c in found:
        v = ctx.doc[c.trigger]
        if c.cue == "warn.verb":
            contents = ctx.prep_objects(v, ("of", "against", "about"))
            if not contents:  # "of the risks" hung on the warned party
                for obj in v.children:
                    if obj.dep_ == "dobj":
                        contents = ctx.prep_objects(obj, ("of", "about"))
            if contents and all(
                p == "of" and (ctx.lemma(o) in _DANGERS or o.lower_ in _DANGERS)
                for p, o in contents
            ):
                continue
        out.append(c)
    return out


def threat_contents(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Chile renewed its threat to invade Peru", "Chile's threat to impose tariffs on
    Peru", "dismissed Peru's threat to attack Bolivia": the act a threat noun's infinitive
    names is threatened, not done (``threat_content.v1``). Its owner (possessive or demonym,
    else the subject of the verb that issues or renews the threat) THREATENS the act's
    target; the act itself is dropped, except a penalty (``threat_content`` types), which
    is kept hedged, as for the verb ("threatened tariffs on X"). The noun's other readings
    aimed elsewhere are dropped ("Peru's threat to attack Bolivia" is no threat to the
    speaker who dismissed it).

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates with the threatened acts read as threats.
    """
    lex = ctx.lex
    threat = lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(_HANDED):
        return found
    penalties = {t.value for t in lex.threat_content_types}
    out = list(found)
    for n in ctx.tokens():
        if ctx.lemma(n) not in _HANDED or n.pos_ not in ("NOUN", "PROPN"):
            continue
        contents = [
            a
            for a in n.children
            if a.dep_ in ("acl", "relcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)
        ]
        if not contents:
            continue
        acts = [c for c in out if c.trigger != n.i and _within(ctx, c.anchor, contents)]
        done = _fulfilled(ctx, n)  # "carried out its threat to bomb Peru": the act is done
        mods = [c for c in n.children if c.dep_ in ("poss", "amod", "compound")]
        owners = ctx.args_of(mods)
        anchor = mods[0] if owners else n  # "dismissed Peru's threat": made all the same
        if not owners and n.dep_ == "dobj":
            owners = ctx.args_of(ctx.subjects(n.head)[0])
            anchor = n.head  # "did not issue a threat to ...": denied
        targets = {c.target.name: c.target for c in acts if c.source.name in _names(owners)}
        keep = [
            c
            for c in out
            if not (c.trigger == n.i and c.type == threat.type.value and targets)
            and not (c in acts and c.type not in penalties and not done)
        ]
        out = [replace(c, hedge=True) if c in acts and not done else c for c in keep]
        made = _pairs(ctx, owners, list(targets.values()), threat, n, "threat_content.v1")
        out += [replace(c, anchor=anchor.i) for c in made]
    return out


def _fulfilled(ctx: SentenceContext, n: Token) -> bool:
    """A threat carried out ("carried out / followed through on / made good on its
    threat"): the verb governing the noun, directly or through a preposition."""
    v = n.head.head if n.dep_ == "pobj" else n.head
    deps = ("prt", "acomp", "advmod", "dobj", "oprd")
    words = {ctx.lemma(c) for c in v.children if c.dep_ in deps}
    lem = ctx.lemma(v)
    return (
        lem in _FULFILLING
        or (lem == "carry" and "out" in words)
        or (lem in ("make", "follow") and bool(words & {"good", "through"}))
    )


def _names(ents: list[EntityAnnotation]) -> set[str]:
    return {e.name for e in ents}


def _within(ctx: SentenceContext, anchor: int, clauses: list[Token]) -> bool:
    """Whether the token ``anchor`` lies in one of the clauses (their subtrees)."""
    tok = ctx.doc[anchor]
    return any(c.left_edge.i <= tok.i <= c.right_edge.i for c in clauses)
