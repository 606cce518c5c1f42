"""Nominal cues (``nominal.v1``, ``nominal_light_verb.v1``, ``nominal_mutual.v1``).

Event nouns with their arguments inside the noun phrase or on a light verb ("Peru's annexation
of Tacna", "war between A and B", "impose sanctions on", "in support of").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.frames import (
    _CIRCUMSTANTIAL_PREPS,
    _context_words,
    _governor,
    _head_noun,
    _patient_noun,
    _predicate_words,
    _relative_frame,
    _shared_possessor,
)
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import (
    _NOUN_POS,
    _VERB_POS,
    _emit,
    _modifier_tokens,
    _modifiers_ok,
    _mutual,
    _pairs,
    _poss_fallback,
    _prep_object_ok,
    _slot_targets,
)
from geokg.extract.relations.subjects import climb_to_verb
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token


def _noun(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    if not _modifiers_ok(ctx, n, cue):
        return []
    if cue.veto_heads and n.dep_ == "compound" and ctx.lemma(n.head) in cue.veto_heads:
        return []  # "war games", "war crimes": the compound names something else
    if cue.requires_prep_object and not _prep_object_ok(ctx, n, cue):
        return []
    gov, via = _governor(ctx, n)
    if gov is None and cue.type.value == "MEETS":
        gov, via = _visit_governor(ctx, n, cue, gov, via)
    if via[5:] in _CIRCUMSTANTIAL_PREPS and not (cue.mutual or cue.reciprocal):
        gov = None
    if cue.veto_governors:
        if gov is not None and ctx.lemma(gov) in cue.veto_governors:
            return []
        outer = _head_noun(ctx, n)
        if outer is not None and ctx.lemma(outer) in cue.veto_governors:
            return []  # "the collapse of A-B ties": the noun the ties are the object of
        if any(ctx.lemma(c) in cue.veto_modifiers for c in n.children if c.dep_ == "amod"):
            return []
    if (
        cue.veto_predicates
        and n.dep_ in ("nsubj", "nsubjpass")
        and ctx.lemma(n.head) in cue.veto_predicates
    ):
        return []
    if (cue.veto_predicates or cue.veto_modifiers) and _predicate_words(ctx, n) & (
        cue.veto_predicates | cue.veto_modifiers
    ):
        return []  # "A-B ties remain frozen", "... are at their lowest point"
    said: Token | None = None
    if cue.requires_context:
        said = _context_words(ctx, n, gov, via, cue)
        if said is None:
            return []
    out = _noun_frame(ctx, n, cue, gov, via)
    if said is not None and said.i != n.i and _predicates(ctx, n, said):
        # "A-B ties did not collapse", "... could collapse", "the end of A-B ties": the word
        # that says what happens to the ties is the relation's predicate, for negation and
        # modality; a verb the ties are the object of keeps its own reading ("keen to
        # deepen relations" presupposes them)
        out = [replace(c, anchor=said.i) for c in out]
    return out


def _visit_governor(
    ctx: SentenceContext, n: Token, cue: Cue, gov: Token | None, via: str
) -> tuple[Token | None, str]:
    """ "During a visit to X, Y said", "on a trip to X, Y met ...": the clause's subject is
    the visitor, when the meeting noun names its own counterpart; "A joined B for talks
    with C" with "for talks" read on the object: the joining verb governs the talks."""
    h = n.head
    if (
        n.dep_ == "pobj"
        and h.dep_ == "prep"
        and ctx.lemma(h) == "for"
        and h.head.dep_ == "dobj"
        and ctx.lemma(h.head.head) in ctx.lex.companion_verbs
    ):
        return h.head.head, "pobj:for"
    if (
        n.dep_ == "pobj"
        and h.dep_ == "prep"
        and ctx.lemma(h) in ("during", "on")
        and h.head.pos_ in _VERB_POS
        and (ctx.lemma(h) == "during" or ctx.lemma(n) in ctx.lex.visit_nouns)
        and ctx.args_of(_slot_targets(ctx, n, cue, ctx.lemma(n)).tokens())
    ):
        return h.head, "pobj:" + ctx.lemma(h)
    return gov, via


def _predicates(ctx: SentenceContext, n: Token, said: Token) -> bool:
    """Whether ``said`` predicates of ``n``: ``n`` is its subject, or its "of"/"in" object."""
    if n.dep_ in ("nsubj", "nsubjpass") and said.i == n.head.i:
        return True
    outer = _head_noun(ctx, n)
    return outer is not None and outer.i == said.i


def _noun_frame(
    ctx: SentenceContext, n: Token, cue: Cue, gov: Token | None, via: str
) -> list[Candidate]:
    """The arguments of an event noun that passed its cue's checks (see :func:`_noun`)."""
    lem = ctx.lemma(n)
    lex = ctx.lex
    if cue.poss_is_target:
        return _patient_noun(ctx, n, cue, gov, via)
    if cue.helper_with and n.dep_ == "pobj" and ctx.lemma(n.head) == "with":
        helped = _helped(ctx, n, cue)
        if helped:
            return helped
    source_slots = cue.source_slots
    target_preps = cue.target_preps
    skip_from = "from" in target_preps
    strict = cue.strict or cue.strict_place
    tgt = _slot_targets(ctx, n, cue, lem)
    if n.dep_ == "compound" and n.head.pos_ in _NOUN_POS and not tgt.tokens() and not tgt.between:
        tgt.extend(_slot_targets(ctx, n.head, cue, lem))
    if cue.requires_prep_object and not tgt.tokens() and not tgt.between:
        # "a suspension of rail links with Moldova", "the sale of weapons to Syria"
        for p, obj in ctx.prep_objects(n, cue.requires_prep_object):
            if ctx.lemma(obj) in cue.requires_prep_object[p]:
                tgt.extend(_slot_targets(ctx, obj, cue, lem))
    # "the war (that is) raging between A and B", "the alliance formed with B"
    if not tgt.tokens() and not tgt.between:
        for c in n.children:
            if c.dep_ in ("relcl", "acl") and c.pos_ in _VERB_POS:
                tgt.extend(_slot_targets(ctx, c, cue, lem))
    target_ents = ctx.args_of(tgt.tokens(), strict=strict)
    if "mod" in cue.target:
        for c in n.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.ent_at:
                target_ents.append(ctx.ent_at[c.i])
                tgt.directed.append(c)
    target_keys = {(e.start, e.end) for e in target_ents}

    # sources inside the noun phrase
    mods: list[EntityAnnotation] = []
    sources: list[EntityAnnotation] = []
    for c in n.children:
        dep = c.dep_
        if dep == "poss" and "poss" in source_slots:
            sources.extend(ctx.args(c, strict=cue.strict))
    if "mod" in source_slots or "amod" in source_slots:
        for c in _modifier_tokens(ctx, n):
            if c.dep_ != "amod" and "mod" not in source_slots:
                continue
            ent = ctx.ent_at.get(c.i)
            if ent is not None and ent.label.value != "Place" and not ctx.stance_prefixed(c):
                # "Astana ties", "Geneva talks": a place named in a modifier is where, not
                # who; "anti-Western collaboration": the West is what it is against
                mods.append(ent)
    for p, obj in ctx.prep_objects(n, {"by", "from", "for", "of"}):
        if p == "from" and (skip_from or "prep:from" not in source_slots):
            continue
        if p == "by" and "prep:by" not in source_slots:
            continue
        if p == "for" and "prep:for" not in source_slots:
            continue
        if p == "of":
            if "ofmod" in source_slots:
                sources.extend(ctx.args(obj, strict=False))
            continue
        sources.extend(ctx.args(obj, strict=cue.strict))
    if not sources and "poss" in source_slots and not any(c.dep_ == "poss" for c in n.children):
        sources = _poss_fallback(ctx, n)
    if not sources and not mods and "poss" in source_slots:
        sources = _shared_possessor(ctx, n)
    if not sources and not mods:
        frame = _relative_frame(ctx, n, cue, lem)
        if frame is not None:
            sources, rel_tgt = frame
            if not target_ents:
                tgt.extend(rel_tgt)
                target_ents = ctx.args_of(tgt.tokens(), strict=strict)
                target_keys = {(e.start, e.end) for e in target_ents}
    mods = [m for m in mods if (m.start, m.end) not in target_keys]
    sources = [s for s in sources if (s.start, s.end) not in target_keys]
    out: list[Candidate] = []
    light = False
    rule = "nominal.v1"
    if tgt.between:
        pair = ctx.args_of(tgt.between, strict=cue.strict)
        if len(pair) >= 2 and not cue.each_target:
            return _mutual(ctx, pair, cue, n, "nominal_mutual.v1")
        tgt.mutual.extend(tgt.between)
        target_ents = ctx.args_of(tgt.tokens(), strict=strict)
    if not target_ents and not sources and len(mods) >= 2 and (cue.mutual or cue.reciprocal):
        # "Chilean-Peruvian relations", "the Azerbaijan-Russia alliance"
        return _mutual(ctx, mods, cue, n, "nominal_mutual.v1")
    if (
        len(target_ents) >= 2
        and not sources
        and not mods
        and cue.type.symmetric
        and any(p == "of" for p, _ in ctx.prep_objects(n, {"of"}))
    ):
        return _mutual(ctx, target_ents, cue, n, "nominal_mutual.v1")
    sources = sources + mods
    if not target_ents and len(sources) >= 2 and (cue.mutual or cue.reciprocal) and not light:
        # "their dispute" with "their" = "Chile and Peru"
        return _mutual(ctx, sources, cue, n, "nominal_mutual.v1")
    if (
        not sources
        and gov is not None
        and any(c.dep_ == "poss" and c.lower_ in ("their", "our") for c in n.children)
        and (cue.mutual or cue.reciprocal)
    ):
        # "Chile and Peru resolve their dispute": the coordinated subject holds it mutually
        agents, _ = ctx.subjects(gov)
        pair = ctx.args_of(agents)
        if len(pair) >= 2 and not target_ents:
            return _mutual(ctx, pair, cue, n, "nominal_mutual.v1")
    if not sources and gov is not None:
        glem = ctx.lemma(gov)
        if via == "pobj:as":
            # "used the militia as an army against ...": the user and the used
            objs = ctx.children(gov, "dobj")
            agents, _ = ctx.subjects(gov)
            sources = ctx.args_of(objs + agents, strict=cue.strict)
            rule = "nominal_light_verb.v1"
            light = True
        elif (
            via in ("pobj:for", "pobj:of", "pobj:over")
            and ctx.children(gov, "dobj")
            and glem not in lex.preparation_verbs
        ):
            # "rebuked Peru for the seizure of the border post": the object did it
            if glem in lex.companion_verbs:
                # "A will join B for talks with C": both take part
                agents, _ = ctx.subjects(gov)
                sources = ctx.args_of(agents + ctx.children(gov, "dobj"), strict=cue.strict)
                rule = "nominal_light_verb.v1"
                light = True
            elif glem in lex.object_control:
                sources = ctx.args_of(ctx.children(gov, "dobj"), strict=cue.strict)
                rule = "nominal_light_verb.v1"
                light = True
        elif glem in lex.light_verbs or glem in lex.presupposing_verbs or via.startswith("pobj:"):
            agents, patients = ctx.subjects(gov)
            agent_toks = agents + (patients if ctx.is_passive(gov) and via != "nsubjpass" else [])
            if via == "nsubj":
                agent_toks = []
            sources = ctx.args_of(agent_toks, strict=cue.strict)
            if not target_ents:
                gt = _slot_targets(ctx, gov, cue, lem, skip_from=not skip_from)
                if gt.between:
                    pair = ctx.args_of(gt.between, strict=cue.strict)
                    if len(pair) >= 2 and not sources:
                        return _mutual(ctx, pair, cue, n, "nominal_mutual.v1", anchor=n)
                    gt.mutual.extend(gt.between)
                tgt.extend(gt)
                if (
                    via == "pobj:for"
                    and cue.type.value == "MEETS"
                    and glem in lex.motion_verbs
                    and len(sources) == 1
                    and not ctx.prep_objects(n, {"with", "between", "among"})
                ):
                    # "travelled to Tokyo for talks": the host is where one visitor's talks
                    # are held; "A and B travel to C for talks" meet each other there
                    tgt.directed.extend(o for _, o in ctx.prep_objects(gov, ("to",)))
                target_ents = ctx.args_of(tgt.tokens(), strict=strict)
            light = True
            rule = "nominal_light_verb.v1"
            if (
                not target_ents
                and not any(_party_like(t) for t in tgt.tokens())
                and len(sources) >= 2
                and (cue.mutual or cue.reciprocal)
            ):
                # "A and B ended their dispute"; but not "... a dispute with the union": the
                # other party is named, though not as an entity
                return _mutual(ctx, sources, cue, n, "mutual_subjects.v1")
        elif glem in lex.recipient_verbs and cue.type in lex.recipient_types:
            agents, _ = ctx.subjects(gov)
            recipients = ctx.args_of(agents, strict=cue.strict)
            givers: list[EntityAnnotation] = []
            for _, obj in ctx.prep_objects(gov, {"from", "by"}):
                givers.extend(ctx.args(obj, strict=cue.strict))
            if recipients and givers:
                # "Iran could face sanctions from the EU": the receiving clause's modality
                return _pairs(ctx, givers, recipients, cue, n, "nominal_light_verb.v1", anchor=gov)
            if recipients and cue.type.polarity.value == "conflictual":
                return _or_face(ctx, gov, recipients, cue, n)
    if not sources and not target_ents and gov is None and (cue.mutual or cue.reciprocal):
        # "Chile and Peru will not step back from the standoff": the coordinated
        # subject of the verb the mutual noun is the source of holds it mutually
        h = n.head
        if (
            n.dep_ == "pobj"
            and h.dep_ == "prep"
            and ctx.lemma(h) == "from"
            and h.head.pos_ in _VERB_POS
        ):
            agents, _ = ctx.subjects(h.head)
            pair = ctx.args_of(agents)
            if len(pair) >= 2:
                return _mutual(ctx, pair, cue, n, "mutual_subjects.v1")
    if cue.requires_target_prep and not tgt.tokens():
        return out
    if cue.requires_target_or_light and not target_ents and not light:
        return out
    if sources and not target_ents and gov is not None and via == "dobj":
        addressed = _addressed(ctx, gov, cue, sources, n)
        if addressed:
            return addressed
    if sources and target_ents:
        # "might respond with tariffs on X": the clause's modality reaches the instrument
        anchor = n
        if (
            light
            and gov is not None
            and (
                via in ("pobj:with", "pobj:during")
                or (via in ("pobj:after", "pobj:following") and cue.type.value == "MEETS")
                or ctx.lemma(gov) in lex.companion_verbs
                or (via == "pobj:on" and ctx.lemma(n) in lex.visit_nouns)
            )
        ):
            # "will join B for talks with C", "said during a visit to X": the governing
            # clause's modality (the visit itself is not what is said)
            anchor = gov
        out.extend(_emit(ctx, sources, tgt, cue, n, rule, strict=strict, anchor=anchor))
    return out


def _or_face(
    ctx: SentenceContext,
    face: Token,
    recipients: list[EntityAnnotation],
    cue: Cue,
    n: Token,
) -> list[Candidate]:
    """ "The EU urged Belarus to free the prisoners or face sanctions": a demand with a
    penalty as its alternative is a threat by whoever makes it (asserted), and the penalty
    is theirs too, but only hedged (it may never come)."""
    if face.dep_ != "conj" or not any(c.lower_ == "or" for c in face.head.children):
        return []
    demand = face.head
    if demand.dep_ not in ("xcomp", "ccomp") or demand.head.pos_ not in _VERB_POS:
        return []
    demanding = demand.head
    agents, _ = ctx.subjects(demanding)
    givers = ctx.args_of(agents, strict=cue.strict)
    threat = ctx.lex.cue("threaten.verb")
    if not givers or threat is None:
        return []
    out = _pairs(ctx, givers, recipients, threat, n, "ultimatum.v1", anchor=demanding)
    penalties = _pairs(ctx, givers, recipients, cue, n, "ultimatum.v1", anchor=demanding)
    return out + [replace(c, hedge=True) for c in penalties]


def _addressed(
    ctx: SentenceContext, gov: Token, cue: Cue, sources: list[EntityAnnotation], n: Token
) -> list[Candidate]:
    """An act owned by one party and received or refused by the subject of ``gov`` ("Iran
    rejected an American ultimatum", "Kenya accepted Japan's offer of aid"): the act was
    addressed to that subject. Only for acts that have a recipient; a refused act counts only
    where refusing cannot undo it (a threat, sanctions, criticism), not aid or recognition,
    which a refusal may mean never happened. A refused act is presupposed ("may reject the
    ultimatum" still states it); a received one takes the clause's modality ("could face
    Japan's sanctions")."""
    lex = ctx.lex
    glem = ctx.lemma(gov)
    if cue.type not in lex.recipient_types:
        return []
    received = glem in lex.recipient_verbs
    refused = glem in lex.rejection_verbs and cue.type.polarity.value == "conflictual"
    if not received and not refused:
        return []
    agents, _ = ctx.subjects(gov)
    owners = {(e.start, e.end) for e in sources}
    to = [e for e in ctx.args_of(agents, strict=cue.strict) if (e.start, e.end) not in owners]
    found = _pairs(ctx, sources, to, cue, n, "nominal_light_verb.v1", anchor=gov) if to else []
    return found if received else [replace(c, structural=True) for c in found]


def _party_like(tok: Token) -> bool:
    """Whether an unresolved argument still names a party ("the bloc", "its neighbours",
    "them"), unlike a bare noun in an idiom ("with an eye on")."""
    if tok.pos_ in ("PROPN", "PRON"):
        return True
    return any(c.dep_ in ("det", "poss") for c in tok.children)


def _helped(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """ "NATO will tighten the blockade with Albania's help", "with the backing of Iran": the
    helper supports the subject of the clause the phrase belongs to."""
    helpers: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ == "poss":
            helpers.extend(ctx.args(c, strict=True))
    for _, obj in ctx.prep_objects(n, {"of", "from"}):
        helpers.extend(ctx.args(obj, strict=True))
    if not helpers:
        return []
    v = climb_to_verb(n.head.head, 4)
    if v.pos_ not in _VERB_POS:
        return []
    agents, patients = ctx.subjects(v)
    helped = ctx.args_of(agents + (patients if ctx.is_passive(v) else []))
    # the help is predicated with the clause: "would tighten ... with X's help" is hedged
    return _pairs(ctx, helpers, helped, cue, n, "nominal_light_verb.v1", anchor=v)
