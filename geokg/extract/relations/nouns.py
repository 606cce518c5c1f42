"""Nominal cues (``nominal.v1``, ``nominal_light_verb.v1``, ``nominal_mutual.v1``).

Event nouns with their arguments inside the noun phrase or on a light verb ("Peru's annexation
of Tacna", "war between A and B", "impose sanctions on", "in support of").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.acquisitions import goods_origins
from geokg.extract.relations.addressed import ADDRESSED_VIA, addressed, help_phrase, helped, or_face
from geokg.extract.relations.causes import acting, passive_actors
from geokg.extract.relations.circumstances import CIRCUMSTANCE_PREPS, addressees, circumstance_agent
from geokg.extract.relations.frames import (
    _context_words,
    _governor,
    _head_noun,
    _hyphen_joined,
    _located_elsewhere,
    _named_body,
    _onset_between,
    _patient_noun,
    _predicate_words,
    _relative_frame,
    _shared_possessor,
    _undone,
)
from geokg.extract.relations.headlines import halted_by_modifier, verbless_holders
from geokg.extract.relations.hosting import hosts_of
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.plural_owners import held_together, named_pair, reason_phrase
from geokg.extract.relations.slots import (
    _NOUN_POS,
    _VERB_POS,
    _economic_patients,
    _emit,
    _is_state,
    _modifier_tokens,
    _modifiers_ok,
    _mutual,
    _pairs,
    _poss_fallback,
    _prep_object_ok,
    _slot_targets,
)
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.threats import threatened_act, warned_face
from geokg.extract.relations.visits import _visit_governor, lends_slots

if TYPE_CHECKING:
    from spacy.tokens import Token


def _noun(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    named = ctx.ent_at.get(n.i)
    if named is not None and named.label.value == "Organization" and named.end - named.start > 1:
        return []  # "founded the Alliance of Democracies": a word of a name is no event
    gov, via = _governor(ctx, n)
    lex = ctx.lex
    if gov is not None and ctx.lemma(gov) in lex.repair_verbs:
        # "Chile moved to mend its strained ties with Peru": the damage is the state the
        # repair undoes, not the relation's kind ("repair trade ties" stays vetoed), and the
        # sentence is about the repair, not the damage
        if cue.type.polarity.value == "conflictual":
            return []
        cue = replace(cue, veto_modifiers=cue.veto_modifiers - lex.damaged_states)
    if not _modifiers_ok(ctx, n, cue) or halted_by_modifier(ctx, n):
        return []
    if cue.veto_heads and n.dep_ == "compound" and ctx.lemma(n.head) in cue.veto_heads:
        return []  # "war games", "war crimes": the compound names something else
    if cue.requires_prep_object and not _prep_object_ok(ctx, n, cue):
        return []
    if cue.requires_prep and not (n.dep_ == "pobj" and ctx.lemma(n.head) in cue.requires_prep):
        return []  # "at odds", "on good terms": the noun is a state only after its preposition
    if gov is None and cue.type.value == "MEETS":
        gov, via = _visit_governor(ctx, n, cue, gov, via)
    if via[5:] in CIRCUMSTANCE_PREPS and not circumstance_agent(via[5:], cue):
        gov = None
    if cue.veto_governors:
        if gov is not None and ctx.lemma(gov) in cue.veto_governors and not reason_phrase(via):
            return []  # but "cut ties with A over its ties with B": the reason stays
        outer = _head_noun(ctx, n)
        if outer is not None and ctx.lemma(outer) in cue.veto_governors:
            return []  # "the collapse of A-B ties": the noun the ties are the object of
        topic = n.head.head if n.dep_ == "pobj" and ctx.lemma(n.head) in ("on", "about") else n
        if topic.i != n.i and topic.pos_ in _NOUN_POS and ctx.lemma(topic) in cue.veto_governors:
            return []  # "an expert on A-B ties": the ties are a topic, not stated
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
    if cue.helper_with and help_phrase(ctx, n):
        with_help = helped(ctx, n, cue)
        if with_help:
            return with_help
    source_slots = cue.source_slots
    target_preps = cue.target_preps
    skip_from = "from" in target_preps
    strict = cue.strict or cue.strict_place
    tgt = _slot_targets(ctx, n, cue, lem)
    if n.dep_ == "compound" and n.head.pos_ in _NOUN_POS and not tgt.tokens() and not tgt.between:
        tgt.extend(_slot_targets(ctx, n.head, cue, lem))
    if (
        not tgt.tokens()
        and not tgt.between
        and n.dep_ == "pobj"
        and ctx.lemma(n.head) in ("of", "in")
    ):
        # "years of hostility between A and B": the parser may hang the frame on the span
        outer = n.head.head
        olem = ctx.lemma(outer)
        if olem in lex.quantity_nouns or olem in lex.container_nouns or olem in lex.halting_nouns:
            tgt.extend(_slot_targets(ctx, outer, cue, lem))
    if cue.requires_prep_object and not tgt.tokens() and not tgt.between:
        # "a suspension of rail links with Moldova", "the sale of weapons to Syria"
        for p, obj in ctx.prep_objects(n, cue.requires_prep_object):
            if ctx.lemma(obj) in cue.requires_prep_object[p]:
                tgt.extend(_slot_targets(ctx, obj, cue, lem))
    for _, amount in ctx.prep_objects(n, {"of"}):
        # "tariffs of 25 percent on Canada": the parser hangs the patient on the amount
        if any(c.dep_ == "nummod" for c in amount.children):
            tgt.extend(_slot_targets(ctx, amount, cue, lem))
    for _, agent in [] if tgt.tokens() else ctx.prep_objects(n, {"by"}):
        # "an attack by Chadian troops on Boko Haram": the parser hangs the patient on the agent
        moved = _slot_targets(ctx, agent, cue, lem).directed
        tgt.directed.extend(t for t in moved if ctx.lemma(t.head) != "of")
    # "the war (that is) raging between A and B", "the alliance formed with B"
    if not tgt.tokens() and not tgt.between:
        for c in n.children:
            if c.dep_ in ("relcl", "acl") and c.pos_ in _VERB_POS:
                tgt.extend(_slot_targets(ctx, c, cue, lem))
                if c.tag_ == "VBG" and c.lower_ in cue.target_preps:
                    # "sanctions targeting Russia": the parser read the preposition as a verb
                    tgt.directed.extend(ctx.children(c, "dobj"))
        tgt.between.extend(_onset_between(ctx, n, cue, lem))  # "war broke out between A and B"
    tgt.directed.extend(goods_origins(ctx, n, cue))
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
            return _mutual(ctx, pair, cue, n, "nominal_mutual.v1") + hosts_of(ctx, n, pair, cue)
        tgt.mutual.extend(tgt.between)
        target_ents = ctx.args_of(tgt.tokens(), strict=strict)
    if cue.hyphen_pair:
        # "a Kenya-Japan consultative body", never "Kenyan and Japanese bases" nor a name
        mods = _hyphen_joined(ctx, _modifier_tokens(ctx, n))
        if _named_body(ctx, n) or (not tgt.between and (len(mods) < 2 or target_ents or sources)):
            return out
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
    if not target_ents and held_together(ctx, sources, cue, gov, via):
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
    if not sources and gov is not None and not cue.own_agent_only:
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
        elif (
            glem in lex.light_verbs
            or glem in lex.presupposing_verbs
            or (via.startswith("pobj:") and not threatened_act(lex, glem, cue, via))
            or (glem in lex.threat_words and cue.type in lex.threat_content_types)
        ):
            agents, patients = ctx.subjects(gov)
            agent_toks = agents + (patients if passive_actors(ctx, gov, via, cue) else [])
            if via == "nsubj":
                agent_toks = []
            sources = ctx.args_of(acting(ctx, gov, agent_toks), strict=cue.strict)
            # "sided with Iran in the war": a cue verb's own slots belong to its own relation
            own_cue = (
                via.startswith("pobj:")
                and glem not in lex.light_verbs
                and glem not in lex.presupposing_verbs
                and not lends_slots(ctx, cue, gov, via)
                and bool(lex.lookup("verb", glem))
            )
            if not target_ents and not own_cue:
                gt = _slot_targets(ctx, gov, cue, lem, skip_from=not skip_from)
                if gt.between:
                    pair = ctx.args_of(gt.between, strict=cue.strict)
                    if len(pair) >= 2 and not sources:
                        return _mutual(ctx, pair, cue, n, "nominal_mutual.v1", anchor=n)
                    gt.mutual.extend(gt.between)
                if via == "pobj:with" and cue.type.polarity.value == "conflictual":
                    # "hit Mexico with tariffs": the instrument verb's object undergoes it
                    gt.directed.extend(ctx.children(gov, "dobj"))
                gt.directed.extend(addressees(ctx, n, gov, via, cue))  # "told X in a call"
                tgt.extend(gt)
                if (
                    via == "pobj:for"
                    and cue.type.value == "MEETS"
                    and glem in lex.motion_verbs
                    and len(sources) == 1
                    and not ctx.prep_objects(n, {"with", "between", "among"})
                ):
                    # "travelled to Tokyo / arrived in Japan for talks": the host of the talks
                    arrived = ctx.prep_objects(gov, ("to", "in", "at"))
                    tgt.directed.extend(o for p, o in arrived if p == "to" or _is_state(ctx, o))
                target_ents = ctx.args_of(tgt.tokens(), strict=strict)
            light = True
            rule = "nominal_light_verb.v1"
            if (
                not target_ents
                and not any(_party_like(ctx, t, cue) for t in tgt.tokens())
                and len(sources) >= 2
                and (cue.mutual or cue.reciprocal)
                and not (via in ("pobj:in", "pobj:into") and _located_elsewhere(ctx, n))
            ):
                # "A and B ended their dispute"; not "a dispute with the union" (a party, no entity)
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
                return or_face(ctx, gov, recipients, cue, n) or warned_face(
                    ctx, gov, recipients, cue, n
                )
    if not sources and gov is None and (held := verbless_holders(ctx, n)):
        sources = ctx.args_of(held, strict=cue.strict)  # "Chile, Peru in row over fishing"
        if len(sources) >= 2 and not target_ents and (cue.mutual or cue.reciprocal):
            return _mutual(ctx, sources, cue, n, "mutual_subjects.v1")
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
    if sources and not target_ents and via == "dobj" and gov is not None and _supports(ctx, gov):
        # "Canada lifted its tariffs on Mexican steel": the parser hung the patient on the verb
        tgt.extend(_slot_targets(ctx, gov, cue, lem, skip_from=not skip_from))
        target_ents = ctx.args_of(tgt.tokens(), strict=strict)
    pair = [] if sources or target_ents else named_pair(ctx, n, cue)
    if pair:  # "bilateral ties have improved": the pair named before
        return _mutual(ctx, pair, cue, n, "nominal_mutual.v1")
    if cue.requires_target_prep and not tgt.tokens():
        return out
    # "relies on loans from China": the subject that relies on the act receives it
    received = (
        gov is not None
        and via in ("pobj:on", "pobj:upon")
        and ctx.lemma(gov) in lex.recipient_verbs
    )
    if cue.requires_target_or_light and not target_ents and not light and not received:
        return out
    if sources and not target_ents and gov is not None and via in ADDRESSED_VIA:
        to_subject = addressed(ctx, gov, cue, sources, n)
        if to_subject:
            return to_subject
    if not target_ents:
        target_ents = _economic_patients(ctx, tgt.tokens(), cue)
    if sources and target_ents:
        anchor = n
        if (
            light
            and gov is not None
            and (
                via == "pobj:with"
                or ctx.lemma(gov) in lex.companion_verbs
                or (via == "pobj:on" and ctx.lemma(n) in lex.visit_nouns)
            )
        ):
            # "might respond with tariffs on X", "will join B for talks with C", "said on a
            # visit to X": the governing clause's modality (the visit itself is not what is
            # said); a time phrase passes its clause's markers itself (circumstances.py)
            anchor = gov
        halt = n.head.head if n.dep_ == "pobj" else n
        if gov is not None and ctx.lemma(halt) in lex.halting_nouns and _undone(ctx, halt):
            # "promised to lift the freeze on its aid": the undoing verb is the predicate
            anchor = gov
        found = _emit(ctx, sources, tgt, cue, n, rule, strict=strict, anchor=anchor)
        held_out = ctx.lemma(anchor) in lex.threat_words and cue.type in lex.threat_content_types
        if anchor is gov and held_out:
            # "threatened Peru with tariffs": a penalty held out, not imposed
            found = [replace(c, hedge=True) for c in found]
        out.extend(found)
    return out


def _supports(ctx: SentenceContext, verb: Token) -> bool:
    """Whether a verb is a support verb of its object noun (light or presupposing), and not
    one that may undo it ("lost its claims to X")."""
    lex = ctx.lex
    lem = ctx.lemma(verb)
    if lem in lex.negating_object_verbs:
        return False
    return lem in lex.light_verbs or lem in lex.presupposing_verbs


def _party_like(ctx: SentenceContext, tok: Token, cue: Cue) -> bool:
    """Whether an unresolved argument still names a party ("the bloc", "its neighbours",
    "them"), unlike a bare noun in an idiom ("with an eye on") or a relation of the cue's own
    type as the goal of a change ("elevated ties *to a strategic partnership*")."""
    goal = tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into")
    if goal and any(c.type == cue.type for c in ctx.lex.lookup("noun", ctx.lemma(tok))):
        return False
    if tok.pos_ in ("PROPN", "PRON"):
        return True
    # "ties with Indian Ocean countries": a kind of party, though unnamed and bare
    party = ctx.lemma(tok) in ctx.lex.pair_nouns
    return party or any(c.dep_ in ("det", "poss") for c in tok.children)
