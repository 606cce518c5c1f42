"""Event rule families: a cue token plus a walk from it to the entity tokens.

Families (rule ids):

* ``svo_active.v1`` / ``svo_passive.v1``: verb cues with subject and object or prepositional
  target ("Canada backs Ukraine", "was intercepted by Greek jets", "cooperate with").
* ``participle.v1``: participles modifying a noun ("Rwandan-backed militia", "the Chad-led force").
* ``mutual_objects.v1``: coordinated objects of a gathering verb ("brought together A and B").
* ``mutual_subjects.v1``: coordinated subjects of a reciprocal or symmetric cue with no
  object ("Chile and Peru have clashed").
* ``nominal.v1`` / ``nominal_light_verb.v1`` / ``nominal_mutual.v1``: nominalisations with
  arguments inside the noun phrase ("Peru's annexation of Tacna", "war between A and B",
  "Chilean-Peruvian relations"), or the subject of a light verb ("impose sanctions on",
  "reach a deal with", "in support of").
* ``adjectival.v1``: adjectives with a prepositional target ("hostile to", "close to").
* ``role_noun.v1``: nouns naming a participant ("Norway, a NATO ally", "Iran's proxy Hezbollah").
* ``anti_stance.v1``: "anti-X" stances of a named holder ("Russia's anti-Western policy").
* ``caption_with.v1``: verbless captions "X with Y at the summit" (two people: MEETS).

Direction: a directed type stated mutually ("war between A and B", "A and B clashed", "war
with B") is produced in both directions; "war against B" only one way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["event_candidates"]

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ADJ_POS = frozenset({"ADJ", "ADV"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay", "look", "grow"})
_RECIPROCAL_OBJECTS = frozenset({"other", "another"})
# targets reached through these keep a reciprocal cue mutual ("war with", "clash with")
_MUTUAL_PREPS = frozenset({"with", "between", "among"})
_MOD_DEPS = ("amod", "compound", "nmod", "npadvmod")
_POSS_MARKS = frozenset({"'s", "’s", "'", "’"})
_PEOPLE = frozenset({"Leader", "Person"})


def event_candidates(ctx: SentenceContext) -> list[Candidate]:
    """All event-relation candidates of one sentence."""
    out: list[Candidate] = []
    lex = ctx.lex
    doc = ctx.doc
    positions = ctx.cue_positions
    tokens = (doc[i] for i in positions) if positions is not None else ctx.tokens()
    for tok in tokens:
        pos = tok.pos_
        lem = ctx.lemma(tok)
        if lem not in lex.cue_lemmas:
            if lem == "anti":
                out.extend(_anti_stance(ctx, tok))
            continue
        if pos in _VERB_POS:
            kind = "verb"
        elif pos in _NOUN_POS:
            kind = "noun"
        elif pos in _ADJ_POS:
            kind = "adj"
        else:
            continue
        cues = list(lex.lookup(kind, lem))
        if kind == "adj" and tok.dep_ == "amod" and tok.head.i in ctx.ent_at:
            # "Turkey's rival Greece": the parser may read a role noun as an adjective
            cues.extend(c for c in lex.lookup("noun", lem) if c.pos == "role")
        if tok.i >= 2 and doc[tok.i - 1].text == "-":
            first = ctx.lemma(doc[tok.i - 2])
            cues.extend(c for f, c in lex.lookup_hyphen(kind, lem) if f == first)
        if kind == "verb" and tok.tag_ == "VBN":
            cues.extend(lex.lookup("adj", tok.lower_))
            if tok.lower_ != lem:
                cues.extend(lex.lookup("adj", lem))
        if kind == "verb" and lem in lex.rejection_verbs:
            out.extend(_rejected_offer(ctx, tok))
        for cue in cues:
            if cue.pos == "verb":
                out.extend(_verb(ctx, tok, cue))
            elif cue.pos == "noun":
                out.extend(_noun(ctx, tok, cue))
            elif cue.pos == "role":
                out.extend(_role(ctx, tok, cue))
            elif cue.pos == "adj":
                out.extend(_adjective(ctx, tok, cue))
    out = _idioms_first(out, ctx)
    if not ctx.has_verb:
        out.extend(_caption_with(ctx))
    if ctx.consumed:
        out = [
            c
            for c in out
            if not (c.trigger in ctx.consumed and c.rule.startswith(("nominal", "mutual")))
        ]
    rejected = [c for c in out if c.rule == "rejected_offer.v1"]
    if ctx.rejected_spans:
        # the rejected proposal's own content is not stated, and the rejection is not OPPOSES
        spans = ctx.rejected_spans
        triggers = {c.trigger for c in rejected}
        out = [
            c
            for c in out
            if c.rule == "rejected_offer.v1"
            or not (
                any(lo <= c.anchor < hi for lo, hi in spans)
                or (c.trigger in triggers and c.type == "OPPOSES")
            )
        ]
    return out


def _idioms_first(out: list[Candidate], ctx: SentenceContext) -> list[Candidate]:
    """An idiom read on a verb ("left X in the lurch", "kept X at bay") is what the verb means
    there: the verb's literal cues ("leave" an organization) give nothing beside it."""
    idiom_triggers = set()
    for c in out:
        cue = ctx.lex.cue(c.cue)
        if cue is not None and cue.pos == "verb" and cue.requires_prep_object:
            idiom_triggers.add(c.trigger)
    if not idiom_triggers:
        return out
    kept = []
    for c in out:
        cue = ctx.lex.cue(c.cue)
        if c.trigger in idiom_triggers and cue is not None and not cue.requires_prep_object:
            continue
        kept.append(c)
    return kept


_COOPERATIVE = frozenset({"MEETS", "AGREES_WITH", "SUPPORTS", "PARTNERS_WITH", "TRADES_WITH",
                          "RECOGNIZES"})  # fmt: skip


def _rejected_offer(ctx: SentenceContext, v: Token) -> list[Candidate]:
    """ "rejected an offer from X for direct talks": the cooperative act, negated, towards X.

    The proposal noun's owner ("X's proposal", "an offer from X", "calls by X") is the target,
    the rejecter the source, and the first cooperative cue inside the proposal gives the type.
    """
    lex = ctx.lex
    out: list[Candidate] = []
    objs = [o for o in ctx.children(v, "dobj") if ctx.lemma(o) in lex.proposal_nouns]
    if not objs and ctx.lemma(v) == "turn" and not any(ctx.lemma(c) == "down" for c in v.children):
        return out
    for p in objs:
        proposers: list[EntityAnnotation] = []
        for c in p.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in ctx.ent_at:
                proposers.append(ctx.ent_at[c.i])
            elif c.dep_ == "poss":
                proposers.extend(ctx.args(c))
        for _, obj in ctx.prep_objects(p, {"from", "by"}):
            proposers.extend(ctx.args(obj))
        ctx.rejected_spans.append((p.left_edge.i, p.right_edge.i + 1))
        if not proposers:
            continue
        # the proposal's content: "offer for talks", "proposal of a truce", "offer to mediate"
        content: list[Token] = []
        holders = [p, *(c for c in p.children if c.pos_ in _NOUN_POS)]
        holders.extend(o for _, o in ctx.prep_objects(p, {"from", "by"}))
        for holder in holders:
            content.extend(o for _, o in ctx.prep_objects(holder, {"for", "of", "on"}))
        for c in p.children:
            if c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ in _VERB_POS:
                content.append(c)
        rtype = None
        for t in content:
            lem = ctx.lemma(t)
            kind = "verb" if t.pos_ in _VERB_POS else "noun" if t.pos_ in _NOUN_POS else None
            if kind is None:
                continue
            if kind == "verb" and lem in lex.light_verbs:
                content.extend(ctx.children(t, "dobj"))  # "an offer to host peace talks"
            cues = list(lex.lookup(kind, lem))
            if t.i >= 2 and ctx.doc[t.i - 1].text == "-":
                first = ctx.lemma(ctx.doc[t.i - 2])
                cues.extend(c for f, c in lex.lookup_hyphen(kind, lem) if f == first)
            types = [
                c.type.value
                for c in cues
                if c.type.value in _COOPERATIVE
                and c.pos in ("noun", "verb")
                and not (c.objects or c.requires_prep_object or c.requires_prep)
            ]
            if types:
                rtype = types[0]
                break
        agents, _ = ctx.subjects(v)
        negate = True
        if rtype is None:
            # "rejected X's proposal/appeal/ultimatum" with no cooperative content: OPPOSES X
            rtype = "OPPOSES"
            negate = False
        sources = ctx.args_of(agents)
        for src in sources:
            for dst in proposers:
                if src.name != dst.name:
                    out.append(
                        Candidate(src, rtype, dst, v.i, v.i, "rejected_offer.v1", 0.65,
                                  "rejected.offer", negate=negate)
                    )  # fmt: skip
    return out


# ------------------------------------------------------------------------------- helpers
def _resolves(ctx: SentenceContext, tgt: _Targets, cue: Cue) -> bool:
    """Whether any target token resolves to an entity."""
    return bool(ctx.args_of([*tgt.tokens(), *tgt.between], strict=cue.strict))


def _word_in(ctx: SentenceContext, tok: Token, words: frozenset[str]) -> bool:
    """The token's lemma or its lowercase form is listed ("troops" and "troop" both match)."""
    return ctx.lemma(tok) in words or tok.lower_ in words


def _pairs(
    ctx: SentenceContext,
    sources: list[EntityAnnotation],
    targets: list[EntityAnnotation],
    cue: Cue,
    tok: Token,
    rule: str,
    *,
    both: bool = False,
    anchor: Token | None = None,
) -> list[Candidate]:
    out: list[Candidate] = []
    if cue.reverse:
        sources, targets = targets, sources
    conf = cue.conf
    status = cue.status.value if cue.status else None
    a = (anchor or tok).i
    place_ok = ctx.lex.strict_place_labels
    for s in sources:
        for t in targets:
            if s.name == t.name:
                continue
            if cue.target_labels and t.label.value not in cue.target_labels:
                continue
            if cue.source_labels and s.label.value not in cue.source_labels:
                continue
            if cue.strict_place and t.label.value not in place_ok:
                continue
            out.append(
                Candidate(s, cue.type.value, t, tok.i, a, rule, conf, cue.id, cue.role, status)
            )
            if both:
                out.append(
                    Candidate(t, cue.type.value, s, tok.i, a, rule, conf, cue.id, cue.role, status)
                )
    return out


def _mutual(
    ctx: SentenceContext,
    ents: list[EntityAnnotation],
    cue: Cue,
    tok: Token,
    rule: str,
    anchor: Token | None = None,
) -> list[Candidate]:
    """Every pair of coordinated entities, both directions for directed types."""
    out: list[Candidate] = []
    both = not cue.type.symmetric
    for i, a in enumerate(ents):
        for b in ents[i + 1 :]:
            if _own_side(ctx, b):
                continue  # "President X and his party agreed": one side, not two
            out.extend(_pairs(ctx, [a], [b], cue, tok, rule, both=both, anchor=anchor))
    return out


def _own_side(ctx: SentenceContext, ent: EntityAnnotation) -> bool:
    """A conjunct owned by the one before it: "X and his party", "Y and its allies"."""
    doc = ctx.doc
    for i in range(ent.start, ent.end):
        t = doc[i]
        if ent.start <= t.head.i < ent.end:
            continue
        return t.dep_ == "conj" and any(
            c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in t.children
        )
    return False


def _modifier_tokens(ctx: SentenceContext, tok: Token) -> list[Token]:
    """Modifiers of a noun, including hyphen-joined ones ("Chilean-Peruvian relations")."""
    mods: list[Token] = []
    for c in tok.children:
        if c.dep_ in _MOD_DEPS:
            mods.append(c)
            for g in c.children:
                if g.dep_ in _MOD_DEPS and g.i < c.i:
                    mods.append(g)
            # "military and economic ties", "its defense, trade and investment ties"
            mods.extend(g for g in c.conjuncts if g.i < tok.i and g not in mods)
    return mods


def _coordinated_premodifiers(ctx: SentenceContext, tok: Token) -> set[str]:
    """ "its energy, investment and arms *ties* with X": bare nouns coordinated before a head
    noun that has the complement are its premodifiers."""
    if tok.dep_ != "conj" or not any(c.dep_ == "prep" for c in tok.children):
        return set()
    return {
        ctx.lemma(c)
        for c in tok.conjuncts
        if c.i < tok.i and c.pos_ == "NOUN" and not any(g.dep_ == "prep" for g in c.children)
    }


def _modifier_lemmas(ctx: SentenceContext, tok: Token) -> set[str]:
    """Lemmas of a noun's modifiers; words of an entity's name ("the European common market")
    are names, not modifiers."""
    ent_at = ctx.ent_at
    lems = {ctx.lemma(c) for c in _modifier_tokens(ctx, tok) if c.i not in ent_at}
    lems |= _coordinated_premodifiers(ctx, tok)
    doc = ctx.doc
    # "free-trade deal": the hyphen splits the modifier into several tokens before the noun
    i = tok.i - 1
    while (
        i >= ctx.start and i >= tok.i - 4 and doc[i].dep_ in ("compound", "amod", "punct", "nmod")
    ):
        if i not in ent_at:
            lems.add(ctx.lemma(doc[i]))
        i -= 1
    return lems


def _modifiers_ok(ctx: SentenceContext, tok: Token, cue: Cue) -> bool:
    if not cue.requires_modifiers and not cue.veto_modifiers:
        return True
    lems = _modifier_lemmas(ctx, tok)
    if cue.requires_modifiers and not (lems & cue.requires_modifiers):
        return False
    if not (cue.veto_modifiers and lems & cue.veto_modifiers):
        return True
    if not (lems - _coordinated_premodifiers(ctx, tok)) & cue.veto_modifiers:
        return True  # "investment and arms ties": only a coordinated premodifier vetoes
    # "military and economic ties": a vetoed modifier coordinated with another kind
    for c in tok.children:
        if c.dep_ not in _MOD_DEPS or not c.conjuncts:
            continue
        group = {ctx.lemma(g) for g in (c, *c.conjuncts)}
        if group & cue.veto_modifiers and group - cue.veto_modifiers:
            return True
    return False


def _prep_object_ok(ctx: SentenceContext, tok: Token, cue: Cue) -> bool:
    """``requires_prep_object``: a preposition of ``tok`` whose object has one of the lemmas."""
    if not cue.requires_prep_object:
        return True
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        allowed = cue.requires_prep_object.get(ctx.lemma(c))
        if allowed and any(
            ctx.lemma(p) in allowed for p in c.children if p.dep_ in ("pobj", "pcomp")
        ):
            return True
    return False


class _Targets:
    """Target tokens of a cue, split by how they were reached."""

    __slots__ = ("between", "directed", "mutual")

    def __init__(self) -> None:
        self.mutual: list[Token] = []  # dobj, "with": reciprocal cues go both ways
        self.directed: list[Token] = []  # "against", "on", "to" ...: one way
        self.between: list[Token] = []  # "between A and B"

    def extend(self, other: _Targets) -> None:
        self.mutual.extend(other.mutual)
        self.directed.extend(other.directed)
        self.between.extend(other.between)

    def tokens(self) -> list[Token]:
        return self.mutual + self.directed


def _slot_targets(
    ctx: SentenceContext, tok: Token, cue: Cue, lem: str, *, skip_from: bool = False
) -> _Targets:
    """Prepositional target tokens of a cue token."""
    preps = set(cue.target_preps)
    excluded = cue.exclude_lemma_target.get(lem)
    if excluded:
        preps -= excluded
    if skip_from:
        preps.discard("from")
    out = _Targets()
    for p, obj in ctx.prep_objects(tok, preps | {"between", "among"}):
        allowed = cue.target_prep_constraints.get(p)
        if allowed is not None and lem not in allowed:
            continue
        if p in ("between", "among"):
            if cue.mutual or cue.reciprocal or cue.each_target:
                out.between.append(obj)
            continue
        if p in _MUTUAL_PREPS:
            out.mutual.append(obj)
        else:
            out.directed.append(obj)
    return out


def _emit(
    ctx: SentenceContext,
    sources: list[EntityAnnotation],
    tgt: _Targets,
    cue: Cue,
    tok: Token,
    rule: str,
    *,
    strict: bool,
    anchor: Token | None = None,
) -> list[Candidate]:
    """Source x target pairs; reciprocal cues go both ways unless the target is "against" X."""
    out: list[Candidate] = []
    mutual = ctx.args_of(tgt.mutual, strict=strict)
    directed = ctx.args_of(tgt.directed, strict=strict)
    if sources:
        out.extend(_pairs(ctx, sources, mutual, cue, tok, rule, both=cue.reciprocal, anchor=anchor))
        out.extend(_pairs(ctx, sources, directed, cue, tok, rule, anchor=anchor))
    return out


def _poss_fallback(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """An entity + 's right before the noun (or before its adjectives) the parser did not attach."""
    doc = ctx.doc
    i = n.i - 1
    hops = 0
    while i > ctx.start and hops < 3 and doc[i].pos_ in ("ADJ", "ADV") and doc[i].head.i == n.i:
        i -= 1
        hops += 1
    if i > ctx.start and doc[i].text in _POSS_MARKS and (i - 1) in ctx.ent_at:
        ent = ctx.ent_at[i - 1]
        if doc[i - 1].head.i != n.i:
            return [ent]
    return []


# ------------------------------------------------------------------------------- verbs
def _verb(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(v)
    if cue.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and ctx.lemma(c) in cue.particle for c in v.children
    ):
        return []
    passive = ctx.is_passive(v)
    obj_tokens = ctx.children(v, "dobj")
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
    if cue.veto_objects and any(_word_in(ctx, o, cue.veto_objects) for o in obj_tokens):
        if cue.type.value != "CRITICIZES":
            return []
        # "slammed Washington's decision", "condemned the Russian invasion": the act's owner
        owners = [_act_owner(ctx, o) for o in obj_tokens]
        if not all(owners):
            return []
        agents, _ = ctx.subjects(v)
        sources = ctx.args_of(agents)
        targets = [e for group in owners for e in group]
        return _pairs(ctx, sources, targets, cue, v, "svo_active.v1")
    if cue.requires_prep and not any(
        c.dep_ == "prep" and ctx.lemma(c) in cue.requires_prep
        for t in [v, *obj_tokens]
        for c in t.children
    ):
        return []
    if cue.requires_prep_object and not _prep_object_ok(ctx, v, cue):
        return []
    if cue.requires_prep_gerund and not any(
        c.dep_ == "prep"
        and ctx.lemma(c) in cue.requires_prep_gerund
        and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for t in (v, *obj_tokens)
        for c in t.children
    ):
        return []  # "stopped NATO from bombing": from doing something
    agents, patients = ctx.subjects(v)
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
        if required_obj is None:
            return []
        if passive and required_obj in patients:
            patients = [p for p in patients if p is not required_obj]
    if cue.objects_or_entity and not any(
        _word_in(ctx, o, cue.objects_or_entity) or o.i in ctx.ent_at for o in obj_tokens
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
                # "to condemn and isolate Belarus": the last conjunct's object is shared
                for c in v.children:
                    if c.dep_ == "conj" and c.pos_ in _VERB_POS and c.i > v.i:
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
        elif slot == "objmod" and required_obj is not None:
            tgt.directed.append(required_obj)
        elif slot == "xcomp_args" and not obj_tokens:
            extra_targets.extend(_clause_entities(ctx, v))
    tgt.extend(_slot_targets(ctx, v, cue, lem))
    if cue.particle:
        # "pull Armenia away from Russia": the parser may hang the target on the particle
        for c in v.children:
            if c.dep_ in ("prt", "advmod") and ctx.lemma(c) in cue.particle:
                tgt.extend(_slot_targets(ctx, c, cue, lem))
    if required_obj is not None:
        tgt.extend(_slot_targets(ctx, required_obj, cue, lem))
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
    if v.dep_ in ("amod", "acl") and v.tag_ == "VBN":
        rule = "participle.v1"
    if cue.reverse_members:
        # "a group composed of A, B and C", "NATO includes Turkey": members -> the organization
        orgs = ctx.args_of(agents + patients, strict=False)
        members = ctx.args_of(tgt.tokens(), strict=True)
        return _pairs(ctx, members, orgs, cue, v, "member_verb.v1")
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
    if required_obj is not None and (sources or _resolves(ctx, tgt, cue)):
        ctx.consumed.add(required_obj.i)
    if extra_targets and sources:
        out.extend(_pairs(ctx, sources, extra_targets, cue, v, rule))
    target_ents = ctx.args_of(tgt.tokens(), strict=strict or cue.strict_place)
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
    ):
        # "Chile and Peru have clashed", "A and B met"; "each other" objects too
        out.extend(_mutual(ctx, sources, cue, v, "mutual_subjects.v1"))
    return out


def _act_owner(ctx: SentenceContext, o: Token) -> list[EntityAnnotation]:
    """The entity that owns an act noun: "Washington's decision", "the Israeli strikes"."""
    out: list[EntityAnnotation] = []
    for c in o.children:
        if c.dep_ == "poss":
            out.extend(ctx.args(c, strict=True))
        elif c.dep_ in ("amod", "compound") and c.i in ctx.ent_at and not ctx.stance_prefixed(c):
            out.append(ctx.ent_at[c.i])
    return out


def _naming(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    """Calling someone names: "called Netanyahu a war criminal", "presented the West as
    decadent", "branded the leader a traitor". The complement must be a pejorative
    (``lexicon.json`` ``pejoratives``); the one named is the target."""
    objs = ctx.children(v, "dobj", "dative")
    complements = ctx.children(v, "oprd", "acomp", "xcomp")
    complements.extend(o for _, o in ctx.prep_objects(v, {"as"}))
    if len(objs) > 1:
        complements.append(objs[-1])
        objs = objs[:-1]
    for o in objs:
        complements.extend(c for c in o.children if c.dep_ == "appos")
        # "called the claims baseless" parsed with the adjective after its noun
        complements.extend(c for c in o.children if c.dep_ == "amod" and c.i > o.i)
    if not objs or not any(_pejorative(ctx, c) for c in complements):
        return []
    named = [o for o in objs if o not in complements]
    agents, _ = ctx.subjects(v)
    sources = ctx.args_of(agents)
    targets = ctx.args_of(named, strict=True)
    if not targets:
        # "called Kenya's claims baseless": the one whose act is named
        targets = [e for o in named for e in _act_owner(ctx, o)]
    return _pairs(ctx, sources, targets, cue, v, "svo_active.v1")


def _pejorative(ctx: SentenceContext, tok: Token) -> bool:
    words = ctx.lex.pejoratives
    if ctx.lemma(tok) in words or tok.lower_ in words:
        return True
    return any(
        c.dep_ in ("amod", "compound", "conj") and (ctx.lemma(c) in words or c.lower_ in words)
        for c in tok.children
    )


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


_THREAT_PREPS = frozenset({"to", "with", "against", "on", "from", "at", "into", "for"})


# ------------------------------------------------------------------------------- nouns
_GOVERNING_PREPS = frozenset({"in", "into", "at", "to", "under", "on", "as"})
# "A and B signed a truce after months of fighting", "despite hours of talks": the
# subject took part in a mutual event (only reciprocal or mutual cues read them)
_CIRCUMSTANTIAL_PREPS = frozenset({"after", "following", "despite", "amid"})


def _governor(ctx: SentenceContext, n: Token) -> tuple[Token | None, str]:
    """The verb a nominal cue is an argument of, directly or through a preposition.

    Climbs through coordination, compounds ("mediation mission"), quantities ("40 million
    euros of aid") and containers ("a charter of cooperation").
    """
    lex = ctx.lex
    g = n
    hops = 0
    while hops < 6:
        hops += 1
        head = g.head
        if head.i == g.i:
            break
        if g.dep_ == "conj" and head.pos_ in _NOUN_POS:
            g = head
            continue
        if g.dep_ == "compound" and head.pos_ in _NOUN_POS:
            g = head
            continue
        if (
            g.dep_ == "pobj"
            and head.dep_ == "prep"
            and ctx.lemma(head) in ("of", "on", "in")
            and head.head.pos_ in _NOUN_POS
        ):
            outer = head.head
            ol = ctx.lemma(outer)
            if (
                ol in lex.quantity_nouns
                or ol in lex.container_nouns
                or any(c.dep_ == "nummod" for c in outer.children)
            ):
                g = outer
                continue
        break
    dep = g.dep_
    head = g.head
    if dep in ("dobj", "attr", "oprd", "nsubjpass", "appos", "npadvmod") and head.pos_ in _VERB_POS:
        return head, dep
    if dep == "nsubj" and head.pos_ in _VERB_POS and ctx.lemma(head) in _COPULAS:
        return head, dep
    if dep in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
        prep = ctx.lemma(head)
        gov = head.head
        if gov.pos_ in _VERB_POS:
            if prep in _GOVERNING_PREPS:
                return gov, "pobj:" + prep
            if prep in ("for", "of", "over") and ctx.children(gov, "dobj"):
                return gov, "pobj:" + prep
            if prep == "for" and (
                ctx.lemma(gov) in lex.hedge_verbs or ctx.lemma(gov) in lex.motion_verbs
            ):
                return gov, "pobj:" + prep
            if prep in _CIRCUMSTANTIAL_PREPS:
                return gov, "pobj:" + prep
            if prep == "with" and ctx.lemma(gov) in lex.instrument_verbs:
                # "retaliated with tariffs on X": the subject wields the instrument
                return gov, "pobj:" + prep
    return None, dep


def _noun(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(n)
    if not _modifiers_ok(ctx, n, cue):
        return []
    if cue.veto_heads and n.dep_ == "compound" and ctx.lemma(n.head) in cue.veto_heads:
        return []  # "war games", "war crimes": the compound names something else
    if cue.requires_prep_object and not _prep_object_ok(ctx, n, cue):
        return []
    lex = ctx.lex
    gov, via = _governor(ctx, n)
    if via[5:] in _CIRCUMSTANTIAL_PREPS and not (cue.mutual or cue.reciprocal):
        gov = None
    if cue.veto_governors:
        if gov is not None and ctx.lemma(gov) in cue.veto_governors:
            return []
        if any(ctx.lemma(c) in cue.veto_modifiers for c in n.children if c.dep_ == "amod"):
            return []
    if (
        cue.veto_predicates
        and n.dep_ in ("nsubj", "nsubjpass")
        and ctx.lemma(n.head) in cue.veto_predicates
    ):
        return []
    if cue.requires_positive and not _positive_context(ctx, n, gov, cue):
        return []
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
            if ent is not None and ent.label.value != "Place":
                # "Astana ties", "Geneva talks": a place named in a modifier is where, not who
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
            if glem in lex.object_control:
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
                return _pairs(ctx, givers, recipients, cue, n, "nominal_light_verb.v1")
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
    if sources and target_ents:
        # "might respond with tariffs on X": the clause's modality reaches the instrument
        anchor = gov if light and gov is not None and via == "pobj:with" else n
        out.extend(_emit(ctx, sources, tgt, cue, n, rule, strict=strict, anchor=anchor))
    return out


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
    v = n.head.head
    hops = 0
    while v.pos_ not in _VERB_POS and v.head.i != v.i and hops < 4:
        v = v.head
        hops += 1
    if v.pos_ not in _VERB_POS:
        return []
    agents, patients = ctx.subjects(v)
    helped = ctx.args_of(agents + (patients if ctx.is_passive(v) else []))
    # the help is predicated with the clause: "would tighten ... with X's help" is hedged
    return _pairs(ctx, helpers, helped, cue, n, "nominal_light_verb.v1", anchor=v)


def _shared_possessor(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """A later conjunct without a determiner of its own shares the first one's possessor:
    "its energy, investment and arms *ties* with Qatar", "Peru's occupation of Tacna
    and *blockade* of Arica"."""
    if n.dep_ != "conj" or any(c.dep_ in ("det", "poss") for c in n.children):
        return []
    first = n
    hops = 0
    while first.dep_ == "conj" and first.head.pos_ in _NOUN_POS and hops < 6:
        first = first.head
        hops += 1
    if first is n or first.i > n.i:
        return []
    out: list[EntityAnnotation] = []
    for c in first.children:
        if c.dep_ == "poss":
            out.extend(ctx.args(c, strict=True))
    return out


def _relative_frame(
    ctx: SentenceContext, n: Token, cue: Cue, lem: str
) -> tuple[list[EntityAnnotation], _Targets] | None:
    """Participants from a relative clause with a light verb: "the partnership (that) Russia
    forged with Turkey", "the deals ... are those which Canada has reached with Mexico",
    or from a participle with its agent: "the sanctions imposed by Canada on Belarus".

    Returns:
        The relative clause's subject entities and its target slots, or ``None``.
    """
    holders = [n]
    if n.dep_ == "nsubj" and ctx.lemma(n.head) in _COPULAS:
        holders.extend(c for c in n.head.children if c.dep_ == "attr" and c.i > n.i)
    lex = ctx.lex
    for h in holders:
        for v in h.children:
            if v.pos_ not in _VERB_POS or v.dep_ not in ("relcl", "acl"):
                continue
            vl = ctx.lemma(v)
            if vl not in lex.light_verbs and vl not in lex.presupposing_verbs:
                continue
            if v.dep_ == "acl":
                # "the sanctions imposed by Washington on Tehran": a participle with its agent
                by = [o for _, o in ctx.prep_objects(v, {"by"})]
                by += [g for c in v.children if c.dep_ == "agent" for g in c.children]
                sources = ctx.args_of(by, strict=cue.strict)
                if sources and v.tag_ == "VBN":
                    return sources, _slot_targets(ctx, v, cue, lem)
                continue
            objs = ctx.children(v, "dobj")
            if objs and not all(ctx.lemma(o) in _RELATIVE_WORDS for o in objs):
                continue  # the clause's object is something else, not the noun
            agents = [a for a in ctx.children(v, "nsubj") if ctx.lemma(a) not in _RELATIVE_WORDS]
            sources = ctx.args_of(agents, strict=cue.strict)
            if sources:
                return sources, _slot_targets(ctx, v, cue, lem)
    return None


_RELATIVE_WORDS = frozenset({"which", "that", "who", "whom"})
_OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})


def _positive_context(ctx: SentenceContext, n: Token, gov: Token | None, cue: Cue) -> bool:
    """Neutral words ("relations") count only with a positive modifier, governor or predicate."""
    wanted = cue.requires_positive
    if _modifier_lemmas(ctx, n) & wanted:
        return True
    if n.dep_ == "nsubj" and ctx.lemma(n.head) in _COPULAS:
        # "A-B relations are good", "... may grow warmer": the predicate adjective
        for c in n.head.children:
            if c.dep_ in ("acomp", "attr") and (ctx.lemma(c) in wanted or c.lower_ in wanted):
                return True
    node = n
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if ctx.lemma(head) in wanted:
            return True
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "conj", "xcomp", "compound"):
            node = head
            continue
        break
    return gov is not None and ctx.lemma(gov) in wanted


def _patient_noun(
    ctx: SentenceContext, n: Token, cue: Cue, gov: Token | None, via: str
) -> list[Candidate]:
    """ "aiming for Russia's defeat": the possessor undergoes it, the aimer is the source."""
    if gov is None:
        return []
    targets: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ == "poss":
            targets.extend(ctx.args(c, strict=True))
    for _, obj in ctx.prep_objects(n, {"of"}):
        targets.extend(ctx.args(obj, strict=True))
    if not targets:
        targets = _poss_fallback(ctx, n)
    if not targets:
        return []
    glem = ctx.lemma(gov)
    if not (glem in ctx.lex.light_verbs or glem in ctx.lex.hedge_verbs or via.startswith("pobj:")):
        return []
    agents, _ = ctx.subjects(gov)
    sources = ctx.args_of(agents)
    return _pairs(ctx, sources, targets, cue, n, "nominal_light_verb.v1")


# ------------------------------------------------------------------------------- roles
def _role(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """Participant nouns: the noun's referent stands in the relation to the noun's owner."""
    if (cue.requires_modifiers or cue.veto_modifiers) and not _modifiers_ok(ctx, n, cue):
        return []
    if cue.requires_prep_object and not _prep_object_ok(ctx, n, cue):
        return []
    referents: list[EntityAnnotation] = []
    dep = n.dep_
    head = n.head
    gov_subjects: list[EntityAnnotation] = []
    if dep in ("attr", "acomp", "oprd") and ctx.lemma(head) in _COPULAS:
        agents, patients = ctx.subjects(head)
        referents = ctx.args_of(agents + patients)
    elif dep == "appos":
        # "Brazil, Mexico and even Norway, a member of NATO": the apposition's own head only
        own = ctx.entity(head)
        referents = [own] if own is not None else ctx.args(head)
        if n.tag_ in ("NNS", "NNPS") and own is not None:
            # "Chile and Peru, old friends, ...": a plural apposition covers the coordination
            referents = ctx.args(head)
    elif dep in ("compound", "nmod", "npadvmod", "amod") and head.i in ctx.ent_at:
        referents = [ctx.ent_at[head.i]]
    elif dep == "pobj" and ctx.lemma(head) == "as" and head.head.pos_ in _VERB_POS:
        # "Tehran has used the militia as a proxy", "joined NATO as a member"; but "X, as a
        # member of Y, visited Z": an "as" phrase before the verb describes the subject
        gov = head.head
        objs = ctx.children(gov, "dobj") if head.i > gov.i else []
        agents, _ = ctx.subjects(gov)
        referents = ctx.args_of(objs) if objs else ctx.args_of(agents)
        if objs:
            gov_subjects = ctx.args_of(agents)
    if not referents:
        referents = [ctx.ent_at[c.i] for c in n.children if c.dep_ == "appos" and c.i in ctx.ent_at]
    if not referents and cue.type.value == "MEMBER_OF":
        return _fellow_members(ctx, n, cue)
    if not referents:
        return []
    ref_keys = {(e.start, e.end) for e in referents}
    others: list[EntityAnnotation] = []
    owners = list(n.children)
    if dep == "amod" and head.i in ctx.ent_at:
        owners.extend(c for c in head.children if c.dep_ == "poss")  # "Turkey's rival Greece"
    for c in owners:
        if c.dep_ == "poss":
            others.extend(ctx.args(c, strict=True))
        elif c.dep_ in _MOD_DEPS and c.i in ctx.ent_at:
            others.append(ctx.ent_at[c.i])
    # "a member of the Mercosur bloc": an organization may be named by a modifier of the object
    # "the largest buyer of Russian oil": the goods name their origin
    loose = cue.target_labels == _ORGANIZATION or bool(cue.requires_prep_object)
    for _, obj in ctx.prep_objects(n, {"of", "to", "in", "for", "with"}):
        others.extend(ctx.args(obj, strict=not loose))
    if not others and not any(c.dep_ == "poss" for c in n.children):
        others = _poss_fallback(ctx, n)
    others = [o for o in others if (o.start, o.end) not in ref_keys]
    if not others and gov_subjects and cue.referent == "target":
        others = gov_subjects
    if not others:
        if (cue.type.symmetric or cue.reciprocal) and len(referents) >= 2:
            # "Saudi Arabia and Iran remain bitter rivals"
            return _mutual(ctx, referents, cue, n, "role_noun.v1")
        return []
    if cue.referent == "target":
        return _pairs(ctx, others, referents, cue, n, "role_noun.v1")
    return _pairs(ctx, referents, others, cue, n, "role_noun.v1", both=cue.reciprocal)


_ORGANIZATION = frozenset({"Organization"})


def _fellow_members(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """ "Turkey's NATO allies", "its EU partners": the possessor belongs to the organization too."""
    if n.tag_ not in ("NNS", "NNPS"):
        return []
    # a named organization ("NATO allies", "EU partners"), not an adjective ("Western partners")
    orgs = [
        ctx.ent_at[c.i]
        for c in _modifier_tokens(ctx, n)
        if c.i in ctx.ent_at
        and ctx.ent_at[c.i].label.value == "Organization"
        and (c.dep_ == "compound" or c.tag_ in ("NNP", "NNPS"))
    ]
    if not orgs:
        return []
    owners: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ == "poss":
            owners.extend(ctx.args(c, strict=True))
    return _pairs(ctx, owners, orgs, cue, n, "role_noun.v1")


# ------------------------------------------------------------------------------- adjectives
def _adjective(ctx: SentenceContext, a: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(a)
    tgt = _slot_targets(ctx, a, cue, lem)
    head = a.head
    holders: list[Token] = []
    dep = a.dep_
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)
    if own_subject:
        # "Chile is opposed to Brazilian mediation, an aide said": its own subject
        agents, patients = ctx.subjects(a)
        holders = agents + patients
    elif dep in ("acomp", "oprd", "advmod", "attr", "xcomp", "ccomp", "conj") and (
        head.pos_ in _VERB_POS
    ):
        agents, patients = ctx.subjects(head)
        holders = agents + patients
        if dep == "oprd":
            holders = ctx.children(head, "dobj") or holders
        if not tgt.tokens():
            tgt = _slot_targets(ctx, head, cue, lem)
    elif dep == "amod":
        holders = [head]
    elif dep == "ROOT" or head.i == a.i or a.pos_ in _VERB_POS:
        agents, patients = ctx.subjects(a)
        holders = agents + patients
    if not tgt.tokens() or not holders:
        return []
    sources = ctx.args_of(holders, strict=cue.strict)
    return _emit(ctx, sources, tgt, cue, a, "adjectival.v1", strict=cue.strict)


# ------------------------------------------------------------------------------- anti-X
def _anti_stance(ctx: SentenceContext, tok: Token) -> list[Candidate]:
    """``anti-X`` with a named holder: "Russia's anti-Western policy" -> Russia OPPOSES the West."""
    doc = ctx.doc
    if tok.lower_.startswith("anti-") and tok.i in ctx.ent_at:
        target_tok = tok
    else:
        j = tok.i + 1
        if j < ctx.end and doc[j].text in ("-", "‑"):
            j += 1
        if j >= ctx.end or j not in ctx.ent_at:
            return []
        target_tok = doc[j]
    target = ctx.ent_at[target_tok.i]
    ent_toks = set(range(target.start, target.end)) | {tok.i}
    if tok.i + 1 < ctx.end:
        ent_toks.add(tok.i + 1)
    # the phrase the stance word belongs to ("policy", "tenor", "anti-Westernism")
    n = target_tok
    hops = 0
    while (
        n.head.i != n.i
        and hops < 4
        and (n.head.i in ent_toks or n.dep_ in ("amod", "compound", "nmod", "punct"))
    ):
        n = n.head
        hops += 1
    holders: list[EntityAnnotation] = []
    for c in n.children:
        if c.i in ent_toks:
            continue
        if c.dep_ == "poss":
            holders.extend(ctx.args(c))
        elif c.dep_ in ("amod", "compound") and c.i in ctx.ent_at:
            holders.append(ctx.ent_at[c.i])
    if not holders:
        # "her fierce anti-Americanism" split into three tokens: the possessive may hang on any
        for i in sorted(ent_toks):
            holders.extend(e for c in ctx.doc[i].children if c.dep_ == "poss" for e in ctx.args(c))
    if not holders and not any(c.dep_ == "poss" for c in n.children):
        holders = _poss_fallback(ctx, n)
    if not holders:
        for _, obj in ctx.prep_objects(n, {"of", "among"}):
            if obj.i in ent_toks:
                continue
            holders.extend(ctx.args(obj))
            holders.extend(
                ctx.ent_at[c.i]
                for c in obj.children
                if c.dep_ in ("amod", "compound") and c.i in ctx.ent_at
            )
    if not holders and n.dep_ in ("acomp", "attr", "oprd", "conj") and n.head.pos_ in _VERB_POS:
        agents, patients = ctx.subjects(n.head)
        holders = ctx.args_of(agents + patients)
    holders = [h for h in holders if h.name != target.name]
    return _pairs(ctx, holders, [target], _ANTI_CUE, tok, "anti_stance.v1", anchor=n)


_ANTI_CUE = Cue.from_dict(
    {"id": "anti.stance", "type": "OPPOSES", "pos": "adj", "lemmas": ["anti"], "conf": 0.65}
)
_CAPTION_CUE = Cue.from_dict(
    {"id": "caption.with", "type": "MEETS", "pos": "noun", "lemmas": ["with"], "conf": 0.55}
)


def _caption_with(ctx: SentenceContext) -> list[Candidate]:
    """Verbless captions "X with Y at the summit": two people pictured together meet."""
    out: list[Candidate] = []
    for tok in ctx.tokens():
        if tok.dep_ != "prep" or ctx.lemma(tok) != "with":
            continue
        left = ctx.args(tok.head, strict=True)
        if not left and tok.head.i not in ctx.ent_at:
            left = [
                ctx.ent_at[c.i]
                for c in tok.head.children
                if c.dep_ == "appos" and c.i in ctx.ent_at
            ]
        right = ctx.args_of((p for p in tok.children if p.dep_ == "pobj"), strict=True)
        left = [e for e in left if e.label.value in _PEOPLE]
        right = [e for e in right if e.label.value in _PEOPLE]
        out.extend(_pairs(ctx, left, right, _CAPTION_CUE, tok, "caption_with.v1"))
    return out
