"""Verb cues: subject, object and prepositional targets of a verb.

Rule ids ``svo_active.v1``, ``svo_passive.v1``, ``participle.v1``, ``mutual_objects.v1`` and
``mutual_subjects.v1``: "Canada backs Ukraine", "was intercepted by Greek jets", "the Chad-led
force", "brought together A and B", "Chile and Peru have clashed"; particles and idioms
("shoot down", "keep X at bay"), naming verbs ("called X a threat") and the entities of a
clausal complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.held_responsible import complement_objects
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.naming import _act_owner, _naming
from geokg.extract.relations.noun_verbs import noun_read_clause
from geokg.extract.relations.slots import (
    _OWN_POSSESSIVES,
    _RECIPROCAL_OBJECTS,
    _THREAT_PREPS,
    _VERB_POS,
    _economic_patients,
    _emit,
    _modifier_tokens,
    _mutual,
    _pairs,
    _participle_agents,
    _prep_object_ok,
    _resolves,
    _slot_targets,
    _Targets,
    _word_in,
)
from geokg.extract.relations.subjects import misread_acl_clause, misread_clause
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

_JOINTLY = frozenset({"together", "jointly", "closely", "side", "hand"})


def _verb(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(v)
    if cue.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and ctx.lemma(c) in cue.particle for c in v.children
    ):
        return []
    if cue.veto_particles and any(
        c.dep_ == "prt" and ctx.lemma(c) in cue.veto_particles for c in v.children
    ):
        return []  # "war broke out between A and B" is no break with anyone
    misread = misread_clause(ctx, v)
    noun_read = noun_read_clause(ctx, v) if misread is None else None
    if noun_read is not None:
        misread = noun_read  # "Kenya sanctions Ugandan officials" (noun_verbs.py)
    passive = ctx.is_passive(v) and misread is None
    obj_tokens = ctx.children(v, "dobj") if misread is None else [misread[1]]
    if not obj_tokens and misread is None and not passive:
        # "did not betray Armenia", "let down Peru", "met Chilean President X": the parser may
        # read the name after the verb (and particle) as an adverbial; "let Peru down": as the
        # particle's subject
        prts = [c for c in v.children if c.dep_ == "prt"]
        nxt = v.i + 1 + sum(1 for c in prts if c.i == v.i + 1)
        adv = [c for c in v.children if c.dep_ == "npadvmod" and c.left_edge.i == nxt]
        adv += [s for c in prts for s in c.children if s.dep_ == "nsubj"]
        obj_tokens = [c for c in adv if c.i in ctx.ent_at]
    if cue.mutual_objects:
        # "the summit brought together leaders from A, B and C": the gathered meet each other
        near = ("close", "closer", "near", "nearer")
        if any(ctx.lemma(g) in near for c in v.children for g in (c, *c.children)):
            return []  # "brought A and B closer": a rapprochement, not a meeting
        pool = obj_tokens or (ctx.subjects(v)[1] if passive else [])
        gathered = ctx.args_of(pool)
        return _mutual(ctx, gathered, cue, v, "mutual_objects.v1") if len(gathered) >= 2 else []
    if cue.intransitive and any(ctx.lemma(o) not in ctx.lex.reflexives for o in obj_tokens):
        return []
    if cue.requires_pejorative:
        return _naming(ctx, v, cue)
    if cue.type.value == "ATTACKS" and _measure_instrument(ctx, v):
        return []  # "hit Mexico with tariffs": the instrument's own cue says what the act is
    # a passive's subject is its object for the vetoes ("X's claims were rejected by Y")
    veto_pool = obj_tokens or (ctx.subjects(v)[1] if passive else [])
    if cue.veto_objects and any(
        _word_in(ctx, o, cue.veto_objects)
        and not _ownership_claim(ctx, o)
        and not _held_positions(ctx, o)
        for o in veto_pool
    ):
        if cue.type.value != "CRITICIZES":
            return []
        # "slammed Washington's decision", "condemned the Russian invasion": the act's owner
        owners = [_act_owner(ctx, o) for o in veto_pool]
        if not all(owners):
            return []
        agents, _ = ctx.subjects(v)
        sources = ctx.args_of(agents)
        targets = [e for group in owners for e in group]
        return _pairs(ctx, sources, targets, cue, v, "svo_active.v1")
    if cue.type.value == "MEETS" and any(_stated_act(ctx, o) for o in veto_pool):
        return []  # "welcomed Peru's refusal to sanction X": an act is welcomed, not a party
    if cue.requires_prep and not any(
        c.dep_ == "prep" and ctx.lemma(c) in cue.requires_prep
        for t in [v, *obj_tokens]
        for c in t.children
    ):
        return []
    if cue.requires_prep_object and not _prep_object_ok(ctx, v, cue):
        return []
    if cue.requires_complement:  # "held Peru *responsible*" (held_responsible.py)
        if (held_objs := complement_objects(ctx, v, cue, obj_tokens)) is None:
            return []
        obj_tokens = held_objs
    if cue.requires_prep_gerund and not any(
        c.dep_ == "prep"
        and ctx.lemma(c) in cue.requires_prep_gerund
        and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for t in (v, *obj_tokens)
        for c in t.children
    ):
        return []  # "stopped NATO from bombing": from doing something
    agents, patients = ctx.subjects(v) if misread is None else ([misread[0]], [])
    required_obj: Token | None = None
    if cue.objects:
        pool = obj_tokens or (patients if passive else [])
        for o in pool:
            if _word_in(ctx, o, cue.objects) or any(
                _word_in(ctx, c, cue.objects) for c in o.conjuncts
            ):
                required_obj = o
                break
            inner = [p for _, p in ctx.prep_objects(o, ("of",))]
            if any(_word_in(ctx, p, cue.objects) for p in inner):
                required_obj = o
                break
        if required_obj is None or _ownership_claim(ctx, required_obj):
            return []  # "rejected Peru's claim to the islands" contests land, not speech
        if cue.veto_modifiers & {m.lower_ for m in required_obj.subtree if m is not required_obj}:
            return []  # "received *arms* shipments": a word of the object's phrase vetoes it
        if passive and required_obj in patients:
            patients = [p for p in patients if p is not required_obj]
    if cue.objects_or_entity and not any(
        _word_in(ctx, o, cue.objects_or_entity) or o.i in ctx.ent_at
        for o in obj_tokens or (patients if passive else [])
    ):
        return []
    if cue.objects_or_prep:
        hit = any(ctx.lemma(o) in cue.objects_or_prep for o in obj_tokens) or any(
            ctx.lemma(o) in cue.objects_or_prep for _, o in ctx.prep_objects(v, cue.target_preps)
        )
        if not hit:
            return []

    strict = cue.strict
    tgt = _Targets()
    extra_targets: list[EntityAnnotation] = []
    for slot in cue.target:
        if slot == "dobj":
            if not obj_tokens and required_obj is None and not passive:
                # "to condemn and isolate Belarus": the last conjunct's object is shared; not
                # one with its own subject ("A and B met, and both condemned C")
                for c in v.children:
                    if c.dep_ == "conj" and c.pos_ in _VERB_POS and c.i > v.i:
                        if ctx.children(c, "nsubj", "nsubjpass"):
                            break
                        tgt.mutual.extend(ctx.children(c, "dobj"))
                        break
            if required_obj is not None:
                # "whom the rebels took *hostage*": the other object is the target
                tgt.mutual.extend(o for o in obj_tokens if o.i != required_obj.i)
            else:
                tgt.mutual.extend(o for o in obj_tokens if o.pos_ != "PRON" or o.i in ctx.ent_at)
                tgt.mutual.extend(
                    o
                    for o in obj_tokens
                    if o.pos_ == "PRON"
                    and (ctx.lemma(o) not in ctx.lex.reflexives or ctx.referring_object(o))
                    and o.i not in ctx.ent_at
                )
            if passive:
                tgt.mutual.extend(patients)
            if not obj_tokens and not passive and cue.type.value == "SUPPORTS":
                # "helped Kenya build a port": the helped one is the clause's subject
                for c in v.children:
                    if c.dep_ in ("ccomp", "xcomp") and c.pos_ in _VERB_POS:
                        tgt.mutual.extend(ctx.children(c, "nsubj"))
        elif slot == "dative":
            tgt.directed.extend(ctx.children(v, "dative"))
        elif slot == "objowner" and required_obj is not None:
            # "summoned Peru's ambassador Juan Perez": the envoy's state, not the envoy
            tgt.directed.extend(
                c for c in required_obj.children if c.dep_ in ("poss", "amod", "compound")
            )
            tgt.directed.extend(o for _, o in ctx.prep_objects(required_obj, {"of"}))
        elif slot == "objmod" and required_obj is not None:
            tgt.directed.append(required_obj)
            # "banned imports of Georgian wine": the goods' origin
            tgt.directed.extend(p for _, p in ctx.prep_objects(required_obj, ("of",)))
            # "denied the claims made by Peru": the by-agent of a participle on the object
            tgt.directed.extend(_participle_agents(ctx, required_obj))
        elif slot == "xcomp_args" and not obj_tokens:
            extra_targets.extend(_clause_entities(ctx, v))
    tgt.extend(_slot_targets(ctx, v, cue, lem))
    if noun_read is not None and noun_read[1] is not required_obj:
        # "Peru halts aid to Chile": the parser hung the verb's PPs on its object
        tgt.extend(_slot_targets(ctx, noun_read[1], cue, lem))
    if cue.particle:
        # "pull Armenia away from Russia": the parser may hang the target on the particle
        for c in v.children:
            if c.dep_ in ("prt", "advmod") and ctx.lemma(c) in cue.particle:
                tgt.extend(_slot_targets(ctx, c, cue, lem))
    held = [required_obj] if required_obj is not None else obj_tokens if cue.object_preps else []
    for o in held:  # "imports beef from Y": the parser may hang the target PP on the goods
        tgt.extend(_slot_targets(ctx, o, cue, lem))
    if cue.target_through:
        # "reneged on its promise to Kyiv": the party the commitment was made to
        through = _Targets()
        for p, obj in ctx.prep_objects(v, cue.target_through):
            through_preps = cue.target_through[p]
            through.directed.extend(o for _, o in ctx.prep_objects(obj, through_preps))
            # the parser often hangs "to Kyiv" on the verb
            through.directed.extend(o for _, o in ctx.prep_objects(v, through_preps))
        tgt = through

    source_toks = agents
    if cue.source_is_object:
        # "detach Russia from Europe": the object is the one that breaks away; but "distance
        # it from our ports": the agent breaks with the object
        objs = [
            o
            for o in obj_tokens
            if ctx.lemma(o) not in ctx.lex.reflexives or ctx.referring_object(o)
        ]
        if objs:
            own = {e.name for e in ctx.args_of(agents)}
            away = {e.name for e in ctx.args_of(tgt.tokens())}
            # "distance it from *our* ports": the agent's own things
            owned = bool(tgt.tokens()) and all(
                any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in t.children)
                for t in tgt.tokens()
            )
            if own and ((away and away <= own) or (not away and owned)):
                tgt = _Targets()
                tgt.directed.extend(objs)
            else:
                source_toks = objs
                tgt.mutual = [t for t in tgt.mutual if t not in objs]
    rule = "svo_passive.v1" if passive else "svo_active.v1"
    participle = v.dep_ in ("amod", "acl") and v.tag_ == "VBN"
    if participle and misread is None and not misread_acl_clause(v):
        rule = "participle.v1"
    if cue.reverse_members:
        # "a group composed of A, B and C", "NATO includes Turkey": members -> the organization
        orgs = ctx.args_of(agents + patients, strict=False)
        members = ctx.args_of(tgt.tokens(), strict=True)
        return _pairs(ctx, members, orgs, cue, v, "member_verb.v1")
    if cue.source_heads:
        # "Russian troops poured into X": a named party or an armed body, not its money or goods
        source_toks = [
            t for t in source_toks if t.i in ctx.ent_at or _word_in(ctx, t, cue.source_heads)
        ]
    sources = ctx.args_of(source_toks, strict=strict)
    if not sources and cue.objmod_source and required_obj is not None:
        # "the pipeline carries Russian gas to Turkey": the goods' origin sells them
        sources = [
            ctx.ent_at[c.i] for c in _modifier_tokens(ctx, required_obj) if c.i in ctx.ent_at
        ]
    out: list[Candidate] = []
    if tgt.between:
        mutual = ctx.args_of(tgt.between, strict=strict)
        if cue.each_target or sources:
            extra_targets.extend(mutual)
        elif len(mutual) >= 2:
            out.extend(_mutual(ctx, mutual, cue, v, "nominal_mutual.v1"))
    if (
        required_obj is not None
        and (sources or _resolves(ctx, tgt, cue))
        and not _held_out(ctx, cue, required_obj)
    ):
        ctx.consumed.add(required_obj.i)
        # "halted *arms* sales to X": the object's compounds are read with it, not alone
        ctx.consumed.update(c.i for c in required_obj.children if c.dep_ == "compound")
    if extra_targets and sources:
        out.extend(_pairs(ctx, sources, extra_targets, cue, v, rule))
    if sources and required_obj is not None and any(t.i == required_obj.i for t in tgt.directed):
        # "A and B recalled their envoys from C": the owners of the object are no targets
        # when another party is named
        others = [t for t in tgt.tokens() if t.i != required_obj.i]
        if ctx.args_of(others, strict=strict or cue.strict_place):
            tgt.directed = [t for t in tgt.directed if t.i != required_obj.i]
    target_ents = ctx.args_of(tgt.tokens(), strict=strict or cue.strict_place)
    if not target_ents:
        target_ents = _economic_patients(ctx, tgt.tokens(), cue)
    if sources and target_ents:
        out.extend(_emit(ctx, sources, tgt, cue, v, rule, strict=strict or cue.strict_place))
    elif (
        (cue.mutual or cue.reciprocal)
        and not target_ents
        and not extra_targets
        and len(sources) >= 2
        and (
            not obj_tokens
            or all(ctx.lemma(o) in _RECIPROCAL_OBJECTS for o in obj_tokens)
            or required_obj is not None
        )
        # "A and B worked to deepen ties with C" is no cooperation between them; "worked
        # together", "worked closely" is
        and (lem != "work" or any(ctx.lemma(c) in _JOINTLY for c in v.children))
    ):
        # "Chile and Peru have clashed", "A and B met"; "each other" objects too
        out.extend(_mutual(ctx, sources, cue, v, "mutual_subjects.v1"))
    elif passive and cue.mutual and required_obj is not None and not sources:
        # "A-B ties were severed": an agentless passive of a mutual act on the pair's ties
        # ("Chile's ties with Peru were suspended": the owner and the partner)
        holders = [
            ctx.ent_at[c.i] for c in _modifier_tokens(ctx, required_obj) if c.i in ctx.ent_at
        ]
        hosts = [t for t in tgt.directed if t.i != required_obj.i]
        if hosts and not tgt.mutual:
            # "the Chilean envoy to Peru was recalled": the owner acts on the host
            holders = holders + ctx.args_of([required_obj], strict=strict)
            out.extend(_pairs(ctx, holders, ctx.args_of(hosts, strict=strict), cue, v, rule))
            return out
        pair = target_ents + holders
        if not pair:
            # "Contact was severed on both sides", "by both sides": the pair named before
            pair = ctx.args_of([o for _, o in ctx.prep_objects(v, ("on", "by"))])
        if len({e.name for e in pair}) == 2:
            out.extend(_mutual(ctx, pair, cue, v, "nominal_mutual.v1"))
    return out


def _clause_entities(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    """Targets of a threat: the arguments of the threatened act ("threatened to halt
    gas supplies to X", "to break off relations with X") and the subject of its condition
    ("... if Hamas ran"). Places where the act would happen are not targets."""
    out: list[EntityAnnotation] = []
    for c in v.children:
        if c.dep_ not in ("xcomp", "ccomp", "advcl"):
            continue
        if c.dep_ == "advcl":
            if any(ctx.lemma(m) in ("if", "unless") for m in ctx.children(c, "mark")):
                agents, _ = ctx.subjects(c)
                out.extend(ctx.args_of(agents))
            continue
        args: list[Token] = []
        for a in c.children:
            if a.dep_ in ("dobj", "dative"):
                args.append(a)
                args.extend(p for _, p in ctx.prep_objects(a, _THREAT_PREPS))
            elif a.dep_ == "prep" and ctx.lemma(a) in _THREAT_PREPS:
                args.extend(p for p in a.children if p.dep_ == "pobj")
            elif a.dep_ == "advcl" and any(
                ctx.lemma(m) in ("if", "unless") for m in ctx.children(a, "mark")
            ):
                agents, _ = ctx.subjects(a)
                out.extend(ctx.args_of(agents))
        for e in ctx.args_of(args):
            if e.label.value != "Place" or any(
                ctx.lemma(t.head) != "in" for t in args if t.i in range(e.start, e.end)
            ):
                out.append(e)
    seen: set[int] = set()
    uniq: list[EntityAnnotation] = []
    for e in out:
        if e.start not in seen:
            seen.add(e.start)
            uniq.append(e)
    return uniq


def _ownership_claim(ctx: SentenceContext, obj: Token) -> bool:
    """ "China's claims to the reef", "Chile's territorial claim": a named owner's claim to
    territory, which contesting verbs oppose (a claim *that* something happened is speech)."""
    lex = ctx.lex
    if ctx.lemma(obj) not in lex.claim_nouns and obj.lower_ not in lex.claim_nouns:
        return False
    if not any(c.dep_ == "poss" and ctx.args(c, strict=True) for c in obj.children):
        return False
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in obj.children):
        return False  # "Peru's claim that Chile shelled ...", "the claims it made"
    for c in obj.children:
        if c.dep_ in ("amod", "compound") and ctx.lemma(c) in lex.claim_modifiers:
            return True
        if c.dep_ == "prep" and ctx.lemma(c) in lex.claim_preps:
            return True
        if c.dep_ == "prep" and ctx.lemma(c) == "in":
            # "claims in the Aegean", not "claims in a statement"
            places = [o for o in c.children if o.dep_ == "pobj" and o.i in ctx.ent_at]
            if any(ctx.ent_at[o.i].label.value in _TERRITORY for o in places):
                return True
    return False


_TERRITORY = frozenset({"Place", "Country"})

# what a stance is held on ("attacked Chile's positions on trade")
_STANCE_PREPS = frozenset({"on", "regarding", "toward", "towards", "about", "over", "concerning"})


def _held_positions(ctx: SentenceContext, obj: Token) -> bool:
    """ "attacked Eritrean positions", "attacked rebel positions near the border": a plural
    transparent noun (positions, bases, lines) with its owner as a modifier names places the
    owner holds, not a stance; a possessive ("attacked Peru's positions") or what the stance
    is on ("positions on trade") keeps the stance reading."""
    if obj.tag_ not in ("NNS", "NNPS") or obj.lower_ not in ctx.lex.transparent_nouns:
        return False
    return not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and ctx.lemma(c) in _STANCE_PREPS)
        for c in obj.children
    )


def _held_out(ctx: SentenceContext, cue: Cue, obj: Token) -> bool:
    """Whether a threat's object is a penalty that is stated too ("threatened tariffs on X":
    THREATENS, and SANCTIONS hedged), so the object keeps its own reading."""
    types = ctx.lex.threat_content_types
    return cue.type.value == "THREATENS" and any(
        c.type in types for c in ctx.lex.lookup("noun", ctx.lemma(obj))
    )


def _measure_instrument(ctx: SentenceContext, v: Token) -> bool:
    """Whether an instrument verb's "with" object or its subject is a punitive measure ("hit
    Mexico with tariffs", "American sanctions hit Iran"), so the act is that measure, not
    force."""
    if ctx.lemma(v) not in ctx.lex.instrument_verbs:
        return False
    means = [obj for _, obj in ctx.prep_objects(v, ("with",))] + ctx.children(v, "nsubj")
    # "targeted Venezuelan exports with penalties": the parser may hang "with" on the object
    means += [m for o in ctx.children(v, "dobj") for _, m in ctx.prep_objects(o, ("with",))]
    return any(
        c.type.value == "SANCTIONS" for m in means for c in ctx.lex.lookup("noun", ctx.lemma(m))
    )


def _stated_act(ctx: SentenceContext, o: Token) -> bool:
    """Whether an object names an act or intent of a party rather than the party: a refusal,
    failure, plan or attempt noun (``negators``/``hedges`` nouns in ``lexicon.json``) with an
    owner or an infinitive ("Peru's refusal", "the plan to ..."), or a thing a state hosts
    (``hosted_things``: "hosts NATO radar", "hosts Russian troops")."""
    lex = ctx.lex
    lem = ctx.lemma(o)
    if o.pos_ == "NOUN" and (lem in lex.hosted_things or o.lower_ in lex.hosted_things):
        return True  # "hosts NATO radar", "hosts Russian troops": a thing placed, not a party
    if o.pos_ != "NOUN" or (lem not in lex.neg_nouns and lem not in lex.hedge_nouns):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "acl" and c.tag_ == "VB") for c in o.children)
