"""Measures held out on a condition read as threats (``conditional_threat.v1``).

A punitive measure that one party says it will take if (or unless) another party acts is a
threat to that party (CAMEO 13: 131 threaten non-force, 1312 with sanctions, 1313 to break
relations, 138 with force; SCHEMA.md's news convention that a threatened tariff is
``THREATENS`` plus ``SANCTIONS`` hedged):

* "Chile will impose sanctions if Peru does not withdraw", "Chile would cut off gas supplies
  unless Peru pays", "Chile will strike if Peruvian troops cross the border": Chile
  THREATENS Peru, stated by the author (asserted), and the measure itself Chile -> Peru,
  hedged (it may never come). A measure with no patient of its own takes the conditioned
  party as its patient; one aimed at a third party gives nothing.
* "Sanctions could follow if Peru activates the system, a Chilean official said": a measure
  with no agent of its own is the speaker's (here Chile, through the demonym).
* "Chile warned of severe consequences if Peru tested the missiles", "Chile threatened
  sanctions if Peru refused to pay": a warning or threat verb with its content and a
  condition on the other party; the threat is Chile's on Peru (a typed measure in it is
  also stated, hedged).

The condition is then the threat's, not a supposition of the author's: its clause is
recorded in ``ctx.threat_conditions``, so it does not make the measure hypothetical
(:func:`~.polarity.own_markers`), and the threat anchored on its mark is asserted
(:func:`~.attributes.assess`). A condition without a measure ("if Peru agrees, talks will
start"), a negated measure ("will not impose sanctions if Peru withdraws": a promise), a
measure in the past or present tense, a condition with no named party ("if necessary", "if
the talks fail") and a speaker other than the measure's agent ("analysts said Chile would
strike if ...": a prediction) give nothing; a bare official ("officials said", "the minister
said": :func:`~.attributions.bare_official`) speaks for the agent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.attributions import bare_official
from geokg.extract.relations.polarity import negated_here
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.subjects import climb_to_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["conditional_threats", "warned_addressees"]

RULE = "conditional_threat.v1"
# the measures a threat holds out (CAMEO 131 sanctions, 1313 break relations, 138 force)
_MEASURES = frozenset({"SANCTIONS", "BREAKS_WITH", "ATTACKS", "INVADES"})
# an agentless measure noun comes, follows or is imposed ("sanctions could follow")
_ARRIVAL_VERBS = frozenset({"follow", "come", "ensue", "result", "await", "impose", "apply"})
# "will respond with sanctions": the measure a response takes
_RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer", "hit"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_SUBJ = ("nsubj", "nsubjpass")
# a pronoun subject of a warned measure is the warner: punishing is the warner's to do
_WARNER_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
_OBJECTS = frozenset({"dobj", "dative", "oprd", "xcomp", "ccomp"})


def conditional_threats(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """THREATENS (and the hedged measure) for each measure held out on another party's act.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The new candidates; the conditions read as threats are added to
        ``ctx.threat_conditions``.
    """
    lex = ctx.lex
    threat = lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(lex.condition_marks):
        return []
    out: list[Candidate] = []
    for cl in ctx.tokens():
        mark = _condition_mark(ctx, cl)
        if mark is None:
            continue
        parties = _conditioned(ctx, cl)
        if not parties:
            continue
        if _warning(ctx, cl.head, parties, threat, found, out) or _held_out(
            ctx, cl, parties, threat, mark, found, out
        ):
            ctx.threat_conditions.add(cl.i)
    return out


def warned_addressees(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Chile warned Peru that it would retaliate", "warned Peru it would impose sanctions",
    "warned Peru it would respond with force": a warning to a named party that the warner
    would take a measure threatens that party (``warned_measure.v1``). The measure's agent
    must be the warner; a measure with no patient of its own takes the addressee (hedged),
    one aimed at a third party gives no threat to the addressee.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        THREATENS from the warner to the addressee, anchored on the warning verb, and the
        patientless measures.
    """
    lex = ctx.lex
    threat = lex.cue("threaten.verb")
    if threat is None or not ctx.has_lemma(lex.threat_announcers):
        return []
    out: list[Candidate] = []
    general = _threat_objects(ctx)
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in lex.threat_announcers:
            continue
        addressees = ctx.args_of(d for d in v.children if d.dep_ == "dobj" and d.i in ctx.ent_at)
        warners = _agents(ctx, v, addressees)
        if not addressees or not warners or negated_here(v):
            continue
        names = {a.name for a in addressees}
        for clause in ctx.children(v, "ccomp"):
            if negated_here(clause) or not _future(ctx, clause):
                continue
            agents = {a.name for a in _agents(ctx, clause, addressees)}
            subj = ctx.children(clause, "nsubj")
            own = bool(subj) and subj[0].lower_ in _WARNER_PRONOUNS
            if own:
                agents = {w.name for w in warners}  # "warned Peru that it would strike"
            if not agents or not agents <= {w.name for w in warners}:
                continue  # "warned Peru that Bolivia would ...": another's act
            here = [c for c in found if c.type in _MEASURES and _in_clause(ctx, c, clause)]
            added: list[Candidate] = []
            if not here:
                added = _patientless(ctx, clause, addressees, warners if own else None)
            aimed = any(c.target.name in names for c in here + added)
            means = [o for _, o in ctx.prep_objects(clause, ("with",))]
            means += ctx.children(clause, "dobj")
            if not aimed and not (not here and any(ctx.lemma(m) in general for m in means)):
                continue
            rule = "warned_measure.v1"
            threats = _pairs(ctx, warners, addressees, threat, v, rule, anchor=v)
            # a warned penalty is also stated, a warned attack only threatened (threats.py)
            kinds = {t.value for t in lex.threat_content_types}
            out += _new(threats, found)
            out += [replace(c, rule=rule) for c in added if c.type in kinds]
    return out


def _in_clause(ctx: SentenceContext, c: Candidate, clause: Token) -> bool:
    return c.anchor == clause.i or climb_to_verb(ctx.doc[c.anchor], 4).i == clause.i


def _condition_mark(ctx: SentenceContext, cl: Token) -> Token | None:
    """The "if" / "unless" of an adverbial clause on a verb."""
    if cl.dep_ != "advcl" or cl.head.pos_ not in _VERB_POS:
        return None
    for m in cl.children:
        if m.dep_ == "mark" and m.lower_ in ctx.lex.condition_marks:
            return m
    return None


def _conditioned(ctx: SentenceContext, cl: Token) -> list[EntityAnnotation]:
    """The named party whose act the condition is: the clause's subject, or a passive
    clause's by-agent ("if attacked by Peru")."""
    agents, _ = ctx.subjects(cl)
    toks = [a for a in agents if a.dep_ in _SUBJ or a.i in ctx.ent_at]
    toks += [o for _, o in ctx.prep_objects(cl, ("by",)) if cl.tag_ == "VBN"]
    return ctx.args_of(toks, strict=False)


def _warning(
    ctx: SentenceContext,
    verb: Token,
    parties: list[EntityAnnotation],
    threat: Cue,
    found: list[Candidate],
    out: list[Candidate],
) -> bool:
    """ "warned of consequences if Y ...", "threatened sanctions if Y ...": the warner
    threatens Y; a typed measure named as the content is the warner's, hedged."""
    lex = ctx.lex
    if ctx.lemma(verb) not in lex.threat_announcers or negated_here(verb):
        return False
    contents = ctx.children(verb, "dobj") + [
        o for _, o in ctx.prep_objects(verb, ("of", "against", "with"))
    ]
    general = _threat_objects(ctx)
    typed = [(n, c) for n in contents for c in _measure_cues(ctx, n, "noun")]
    if not typed and not any(ctx.lemma(n) in general for n in contents):
        return False
    warners = _agents(ctx, verb, parties)
    if not warners:
        return False
    out += _new(_pairs(ctx, warners, parties, threat, verb, RULE, anchor=verb), found)
    for n, cue in typed:
        held = _pairs(ctx, warners, parties, cue, n, RULE, anchor=verb)
        out += [replace(c, hedge=True) for c in held]
    return True


def _held_out(
    ctx: SentenceContext,
    cl: Token,
    parties: list[EntityAnnotation],
    threat: Cue,
    mark: Token,
    found: list[Candidate],
    out: list[Candidate],
) -> bool:
    """ "will impose sanctions if Y ...": a future measure conditioned on Y's act."""
    lex = ctx.lex
    head = cl.head
    if ctx.lemma(head) in lex.neg_verbs and negated_here(head):
        # "will not hesitate to cut off the gas if Y ...": the complement is the measure
        head = next(iter(ctx.children(head, "xcomp")), head)
    if negated_here(head) or not _future(ctx, head) or _asked(ctx, head):
        return False
    names = {p.name for p in parties}
    # measures the ordinary cues found in this clause
    here = [
        c
        for c in found
        if c.type in _MEASURES
        and (c.anchor == head.i or climb_to_verb(ctx.doc[c.anchor], 4).i == head.i)
    ]
    # (their condition no longer makes them hypothetical: the modal hedges them)
    measures = [c for c in here if c.target.name in names and c.source.name not in names]
    added: list[Candidate] = []
    if not here:  # a measure aimed at a third party is no threat to the conditioned one
        measures = added = _patientless(ctx, head, parties)
    if not measures:
        return False
    givers = list({c.source.name: c.source for c in measures}.values())
    speech = _speech(ctx, head)
    if speech is not None:
        said_by = ctx.subjects(speech)[0]
        speakers = {s.name for s in ctx.args_of(said_by)}
        own = bool(said_by) and all(bare_official(ctx, s) for s in said_by)
        if not own and not speakers & {g.name for g in givers}:
            return False  # "analysts said Chile would strike if ...": a prediction
    threats = _pairs(ctx, givers, parties, threat, head, RULE, anchor=mark)
    if speech is not None and ctx.lemma(speech) in lex.threat_announcers:
        threats = [replace(c, anchor=speech.i) for c in threats]
        # a warned penalty is also stated, a warned attack only threatened (threats.py)
        kinds = {t.value for t in lex.threat_content_types}
        added = [c for c in added if c.type in kinds]
    out += _new(threats, found) + added
    return True


def _new(threats: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The threats no other rule found ("warned Peru of consequences if ...")."""
    seen = {(c.source.name, c.type, c.target.name) for c in found}
    return [c for c in threats if (c.source.name, c.type, c.target.name) not in seen]


def _patientless(
    ctx: SentenceContext,
    head: Token,
    parties: list[EntityAnnotation],
    agents: list[EntityAnnotation] | None = None,
) -> list[Candidate]:
    """A measure with no patient of its own: the verb itself ("will strike"), a light verb's
    measure noun ("will impose sanctions"), a response's means ("will respond with
    sanctions") or an agentless measure noun ("sanctions could follow"); the conditioned
    party is its patient."""
    found: list[tuple[Token, Cue, list[EntityAnnotation]]] = []
    if agents is None:
        agents = _agents(ctx, head, parties)
    agents = [a for a in agents if a.label.value != "Person"]
    alone = not any(c.dep_ in _OBJECTS for c in head.children)  # "will strike"
    for cue in _measure_cues(ctx, head, "verb"):
        if alone or cue.objects or cue.particle:  # or what it names ("cut off supplies")
            found.append((head, cue, agents))
    light = ctx.lemma(head) in ctx.lex.light_verbs
    answers = [
        o for _, o in ctx.prep_objects(head, ("with",)) if ctx.lemma(head) in _RESPONSE_VERBS
    ]
    for n in list(head.children) + answers:
        if n.pos_ not in _NOUN_POS or n.i in ctx.ent_at:
            continue
        if (n.dep_ == "dobj" and light) or (
            n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ == "with"
        ):
            givers = agents
        elif n.dep_ in _SUBJ and ctx.lemma(head) in _ARRIVAL_VERBS:
            owners = [m for m in n.children if m.dep_ in ("poss", "amod", "compound")]
            givers = ctx.args_of(owners) or _speaker(ctx, head)
            givers = [g for g in givers if g.label.value != "Person"]
        else:
            continue
        for cue in _measure_cues(ctx, n, "noun"):
            found.append((n, cue, givers))
    out: list[Candidate] = []
    for tok, cue, givers in found:
        held = _pairs(ctx, givers, parties, cue, tok, RULE, anchor=head)
        out += [replace(c, hedge=True) for c in held]
    return out


def _measure_cues(ctx: SentenceContext, tok: Token, kind: str) -> list[Cue]:
    """The measure cues of ``tok`` whose conditions hold without a patient."""
    out: list[Cue] = []
    lem = ctx.lemma(tok)
    mods = {ctx.lemma(m) for m in tok.children if m.dep_ in ("amod", "compound")}
    objs = {ctx.lemma(o) for o in ctx.children(tok, "dobj")}
    prts = {p.lower_ for p in ctx.children(tok, "prt")}
    for cue in ctx.lex.lookup(kind, lem):
        if cue.type.value not in _MEASURES or cue.requires_prep or cue.requires_governor:
            continue
        if cue.particle and not prts & cue.particle:
            continue
        if prts & cue.veto_particles or objs & cue.veto_objects or mods & cue.veto_modifiers:
            continue
        if (cue.objects and not objs & cue.objects) or (
            cue.requires_modifiers and not mods & cue.requires_modifiers
        ):
            continue
        out.append(cue)
    return out


def _threat_objects(ctx: SentenceContext) -> frozenset[str]:
    """The contents that make a warning a threat ("consequences", "retaliation", "action")."""
    cue = ctx.lex.cue("threaten_action.verb")
    return cue.objects if cue is not None else frozenset()


def _agents(
    ctx: SentenceContext, verb: Token, parties: list[EntityAnnotation]
) -> list[EntityAnnotation]:
    names = {p.name for p in parties}
    return [a for a in ctx.args_of(ctx.subjects(verb)[0]) if a.name not in names]


def _speech(ctx: SentenceContext, head: Token) -> Token | None:
    """The verb of saying, warning or threatening whose content ``head`` is ("said it would
    ...", "threatened to ...")."""
    lex = ctx.lex
    v = head
    while v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
        v = v.head
    if v.i != head.i and v.pos_ in _VERB_POS and ctx.lemma(v) in lex.threat_announcers:
        return v
    if v.dep_ != "ccomp":
        return None
    s = v.head
    lem = ctx.lemma(s)
    if s.pos_ in _VERB_POS and (lem in lex.report_verbs or lem in lex.threat_announcers):
        return s
    return None


def _speaker(ctx: SentenceContext, head: Token) -> list[EntityAnnotation]:
    speech = _speech(ctx, head)
    return ctx.args_of(ctx.subjects(speech)[0]) if speech is not None else []


def _asked(ctx: SentenceContext, head: Token) -> bool:
    """A measure in a question or a supposition of its own ("asked whether Chile would
    strike if ...", "if Chile would strike if ...")."""
    lex = ctx.lex
    v = head
    for _ in range(8):
        marks = {ctx.lemma(m) for m in ctx.children(v, "mark")}
        if marks & (lex.hypothetical_marks | lex.question_marks):
            return True
        if v.head.i == v.i:
            return False
        v = v.head
    return False


def _future(ctx: SentenceContext, verb: Token) -> bool:
    """A measure to come: a modal on the verb ("will", "could"), or the content of a threat
    or warning ("threatened to impose ...")."""
    v = verb
    while True:
        if any(a.dep_ == "aux" and ctx.lemma(a) in ctx.lex.hedge_modals for a in v.children):
            return True
        if v.dep_ == "xcomp" and ctx.lemma(v.head) in ctx.lex.threat_announcers:
            return True
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return False
        v = v.head
