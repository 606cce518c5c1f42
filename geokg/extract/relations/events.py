"""Event rule families: a cue token plus a walk from it to the entity tokens.

Families (rule ids):

* ``svo_active.v1`` / ``svo_passive.v1``: verb cues with subject and object or prepositional
  target ("Russia backs Assad", "was shot down by Turkish F-16s", "cooperate with").
* ``participle.v1``: participles modifying a noun ("Syrian-backed militia", "the Russia-led CSTO").
* ``mutual_subjects.v1``: coordinated subjects of a reciprocal or symmetric cue with no
  object ("Moscow and Ankara have clashed").
* ``nominal.v1`` / ``nominal_light_verb.v1`` / ``nominal_mutual.v1``: nominalisations with
  arguments inside the noun phrase ("Russia's annexation of Crimea", "war between A and B",
  "Russian-Turkish relations"), or the subject of a light verb ("impose sanctions on",
  "reach a deal with", "in support of").
* ``adjectival.v1``: adjectives with a prepositional target ("hostile to", "close to").
* ``role_noun.v1``: nouns naming a participant ("Turkey, a NATO ally", "Iran's proxy Hezbollah").
* ``anti_stance.v1``: "anti-X" stances of a named holder ("Russia's anti-Western policy").
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


def event_candidates(ctx: SentenceContext) -> list[Candidate]:
    """All event-relation candidates of one sentence."""
    out: list[Candidate] = []
    lex = ctx.lex
    doc = ctx.doc
    for tok in ctx.tokens():
        lem = ctx.lemma(tok)
        if lem not in lex.cue_lemmas:
            if lem == "anti" or tok.lower_.startswith("anti-"):
                out.extend(_anti_stance(ctx, tok))
            continue
        pos = tok.pos_
        if pos in _VERB_POS:
            kind = "verb"
        elif pos in _NOUN_POS:
            kind = "noun"
        elif pos in _ADJ_POS:
            kind = "adj"
        else:
            continue
        cues = list(lex.lookup(kind, lem))
        if tok.i >= 2 and doc[tok.i - 1].text == "-":
            first = ctx.lemma(doc[tok.i - 2])
            cues.extend(c for f, c in lex.lookup_hyphen(kind, lem) if f == first)
        if kind == "verb" and tok.tag_ == "VBN":
            cues.extend(lex.lookup("adj", lem))
        if kind == "adj" or (kind == "verb" and tok.tag_ == "VBN"):
            pass
        for cue in cues:
            if cue.pos == "verb":
                out.extend(_verb(ctx, tok, cue))
            elif cue.pos == "noun":
                out.extend(_noun(ctx, tok, cue))
            elif cue.pos == "role":
                out.extend(_role(ctx, tok, cue))
            elif cue.pos == "adj":
                out.extend(_adjective(ctx, tok, cue))
    return out


# ------------------------------------------------------------------------------- helpers
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
    for s in sources:
        for t in targets:
            if s.name == t.name:
                continue
            if cue.target_labels and t.label.value not in cue.target_labels:
                continue
            if cue.strict_place and t.label.value not in ctx.lex.word_data.get(
                "strict_place_labels", ()
            ):
                continue
            a = (anchor or tok).i
            out.append(
                Candidate(s, cue.type.value, t, tok.i, a, rule, conf, cue.id, cue.role,
                          cue.status.value if cue.status else None)
            )  # fmt: skip
            if both or cue.reciprocal:
                out.append(
                    Candidate(t, cue.type.value, s, tok.i, a, rule, conf, cue.id, cue.role,
                              cue.status.value if cue.status else None)
                )  # fmt: skip
    return out


def _mutual(
    ctx: SentenceContext, ents: list[EntityAnnotation], cue: Cue, tok: Token, rule: str,
    anchor: Token | None = None,
) -> list[Candidate]:
    """Every pair of coordinated entities, both directions for directed types."""
    out: list[Candidate] = []
    both = not cue.type.symmetric
    for i, a in enumerate(ents):
        for b in ents[i + 1 :]:
            out.extend(_pairs(ctx, [a], [b], cue, tok, rule, both=both, anchor=anchor))
    return out


def _modifier_lemmas(ctx: SentenceContext, tok: Token) -> set[str]:
    lems = {ctx.lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
    doc = ctx.doc
    # "free-trade pact": the hyphen splits the modifier into several tokens before the noun
    i = tok.i - 1
    while i >= ctx.start and i >= tok.i - 4 and doc[i].dep_ in ("compound", "amod", "punct", "nmod"):
        lems.add(ctx.lemma(doc[i]))
        i -= 1
    return lems


def _modifiers_ok(ctx: SentenceContext, tok: Token, cue: Cue) -> bool:
    if not cue.requires_modifiers and not cue.veto_modifiers:
        return True
    lems = _modifier_lemmas(ctx, tok)
    if cue.requires_modifiers and not (lems & cue.requires_modifiers):
        return False
    return not (cue.veto_modifiers and lems & cue.veto_modifiers)


def _slot_targets(
    ctx: SentenceContext, tok: Token, cue: Cue, lem: str, *, skip_from: bool = False
) -> tuple[list[Token], list[Token]]:
    """Prepositional target tokens of a cue token: ``(targets, between-objects)``."""
    preps = set(cue.target_preps)
    excluded = cue.exclude_lemma_target.get(lem)
    if excluded:
        preps -= excluded
    if skip_from:
        preps.discard("from")
    targets: list[Token] = []
    between: list[Token] = []
    for p, obj in ctx.prep_objects(tok, preps | {"between", "among"}):
        allowed = cue.target_prep_constraints.get(p)
        if allowed is not None and lem not in allowed:
            continue
        if p in ("between", "among"):
            if cue.mutual or cue.reciprocal or cue.each_target:
                between.append(obj)
            continue
        targets.append(obj)
    return targets, between


# ------------------------------------------------------------------------------- verbs
def _verb(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(v)
    if cue.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and ctx.lemma(c) in cue.particle for c in v.children
    ):
        return []
    passive = ctx.is_passive(v)
    dobjs = ctx.children(v, "dobj")
    if passive and not dobjs:
        obj_tokens: list[Token] = []
    else:
        obj_tokens = dobjs
    if cue.veto_objects and any(ctx.lemma(o) in cue.veto_objects for o in obj_tokens):
        return []
    if cue.requires_prep and not any(
        c.dep_ == "prep" and ctx.lemma(c) in cue.requires_prep
        for t in [v, *obj_tokens]
        for c in t.children
    ):
        return []
    if cue.requires_prep_object:
        ok = False
        for c in v.children:
            allowed = cue.requires_prep_object.get(ctx.lemma(c)) if c.dep_ == "prep" else None
            if allowed and any(ctx.lemma(p) in allowed for p in c.children if p.dep_ == "pobj"):
                ok = True
        if not ok:
            return []
    agents, patients = ctx.subjects(v)
    required_obj: Token | None = None
    if cue.objects:
        pool = obj_tokens or (patients if passive else [])
        for o in pool:
            if ctx.lemma(o) in cue.objects:
                required_obj = o
                break
        if required_obj is None:
            return []
        if passive and required_obj in patients:
            patients = [p for p in patients if p is not required_obj]
    if cue.objects_or_entity:
        if not any(
            ctx.lemma(o) in cue.objects_or_entity or o.i in ctx.ent_at for o in obj_tokens
        ):
            return []
    if cue.objects_or_prep:
        hit = any(ctx.lemma(o) in cue.objects_or_prep for o in obj_tokens) or any(
            ctx.lemma(o) in cue.objects_or_prep
            for _, o in ctx.prep_objects(v, cue.target_preps)
        )
        if not hit:
            return []

    strict = cue.strict
    target_toks: list[Token] = []
    between: list[Token] = []
    xcomp_targets: list[EntityAnnotation] = []
    for slot in cue.target:
        if slot == "dobj":
            if required_obj is None:
                target_toks.extend(o for o in obj_tokens if o.pos_ != "PRON" or o.i in ctx.ent_at)
            if passive:
                target_toks.extend(patients)
        elif slot == "dative":
            target_toks.extend(ctx.children(v, "dative"))
        elif slot == "objmod" and required_obj is not None:
            target_toks.append(required_obj)
        elif slot == "xcomp_args" and not obj_tokens:
            xcomp_targets.extend(_clause_entities(ctx, v))
    tt, bt = _slot_targets(ctx, v, cue, lem)
    target_toks.extend(tt)
    between.extend(bt)
    if required_obj is not None:
        tt, bt = _slot_targets(ctx, required_obj, cue, lem)
        target_toks.extend(tt)
        between.extend(bt)
    if cue.requires_prep:
        for o in obj_tokens:
            if o.pos_ == "PRON" and o.i not in ctx.ent_at:
                continue

    # "detach Russia from Europe": the object is the one that breaks away
    source_toks = agents
    if cue.source_is_object:
        objs = [o for o in obj_tokens if ctx.lemma(o) not in ctx.lex.reflexives]
        if objs:
            source_toks = objs
            target_toks = [t for t in target_toks if t not in objs]
    sources = ctx.args_of(source_toks, strict=strict)
    targets = ctx.args_of(target_toks, strict=strict or cue.strict_place) + xcomp_targets
    rule = "svo_passive.v1" if passive else "svo_active.v1"
    if v.dep_ in ("amod", "acl") and v.tag_ == "VBN":
        rule = "participle.v1"
    out: list[Candidate] = []
    if cue.each_target and between:
        targets += ctx.args_of(between, strict=strict)
        between = []
    if between:
        mutual = ctx.args_of(between, strict=strict)
        if len(mutual) >= 2 and not sources:
            out.extend(_mutual(ctx, mutual, cue, v, "nominal_mutual.v1"))
        else:
            targets += mutual
    if sources and targets:
        out.extend(_pairs(ctx, sources, targets, cue, v, rule))
    elif (cue.mutual or cue.reciprocal) and not targets and len(sources) >= 2:
        # "Moscow and Ankara have clashed", "A and B met"; "each other" objects too
        if not obj_tokens or all(ctx.lemma(o) in _RECIPROCAL_OBJECTS for o in obj_tokens) or (
            required_obj is not None
        ):
            out.extend(_mutual(ctx, sources, cue, v, "mutual_subjects.v1"))
    return out


def _clause_entities(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    """Entities in the complement of a verb like "threaten": the objects of the threatened act."""
    out: list[EntityAnnotation] = []
    for c in v.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            if c.dep_ == "advcl" and not any(
                ctx.lemma(m) in ("if", "unless") for m in ctx.children(c, "mark")
            ):
                continue
            for t in c.subtree:
                if t.i in ctx.ent_at and t.dep_ not in ("nsubj",) or (
                    c.dep_ == "advcl" and t.i in ctx.ent_at
                ):
                    out.append(ctx.ent_at[t.i])
                elif t.dep_ in ("dobj", "pobj") and t.i not in ctx.ent_at:
                    out.extend(ctx.args(t))
    seen: set[int] = set()
    uniq: list[EntityAnnotation] = []
    for e in out:
        if e.start not in seen:
            seen.add(e.start)
            uniq.append(e)
    return uniq


# ------------------------------------------------------------------------------- nouns
def _governor(ctx: SentenceContext, n: Token) -> tuple[Token | None, str]:
    """The verb a nominal cue is an argument of, directly or through a preposition."""
    g = n
    hops = 0
    while g.dep_ == "conj" and g.head.pos_ in _NOUN_POS and hops < 5:
        g = g.head
        hops += 1
    dep = g.dep_
    head = g.head
    if dep in ("dobj", "attr", "oprd", "nsubjpass", "appos", "npadvmod") and head.pos_ in _VERB_POS:
        return head, dep
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        prep = ctx.lemma(head)
        gov = head.head
        if prep in ("in", "into", "at", "to", "for", "under", "on") and gov.pos_ in _VERB_POS:
            return gov, "pobj:" + prep
    return None, dep


def _noun(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(n)
    if not _modifiers_ok(ctx, n, cue):
        return []
    lex = ctx.lex
    gov, via = _governor(ctx, n)
    if cue.veto_governors:
        if gov is not None and ctx.lemma(gov) in cue.veto_governors:
            return []
        if any(ctx.lemma(c) in cue.veto_modifiers for c in n.children if c.dep_ == "amod"):
            return []
    if cue.veto_predicates and n.dep_ in ("nsubj", "nsubjpass") and ctx.lemma(n.head) in (
        cue.veto_predicates
    ):
        return []
    source_slots = cue.source_slots
    target_preps = cue.target_preps
    skip_from = "from" in target_preps
    targets_tok, between = _slot_targets(ctx, n, cue, lem)
    strict = cue.strict or cue.strict_place
    targets = ctx.args_of(targets_tok, strict=strict)
    if "mod" in cue.target:
        for c in n.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.ent_at:
                targets.append(ctx.ent_at[c.i])
    target_keys = {(e.start, e.end) for e in targets}

    # sources inside the noun phrase
    mods: list[EntityAnnotation] = []
    sources: list[EntityAnnotation] = []
    for c in n.children:
        dep = c.dep_
        if dep == "poss" and "poss" in source_slots:
            sources.extend(ctx.args(c, strict=cue.strict))
        elif dep in ("amod", "compound", "nmod", "npadvmod") and (
            "mod" in source_slots or "amod" in source_slots
        ):
            if dep != "amod" and "mod" not in source_slots:
                continue
            mods.extend(ctx.args(c, strict=True))
    for p, obj in ctx.prep_objects(n, {"by", "from", "for"}):
        if p == "from" and (skip_from or "prep:from" not in source_slots):
            continue
        if p == "by" and "prep:by" not in source_slots:
            continue
        if p == "for" and "prep:for" not in source_slots:
            continue
        sources.extend(ctx.args(obj, strict=cue.strict))
    mods = [m for m in mods if (m.start, m.end) not in target_keys]
    out: list[Candidate] = []
    light = False
    rule = "nominal.v1"
    if between:
        pair = ctx.args_of(between, strict=cue.strict)
        if len(pair) >= 2:
            out.extend(_mutual(ctx, pair, cue, n, "nominal_mutual.v1"))
            return out
        targets.extend(pair)
    if not targets and not sources and len(mods) >= 2 and (cue.mutual or cue.reciprocal):
        # "Russian-Turkish relations", "the Azerbaijan-Russia alliance"
        return _mutual(ctx, mods, cue, n, "nominal_mutual.v1")
    if targets and "of" in target_preps and len(targets) >= 2 and not sources and not mods:
        of_objs = [o for p, o in ctx.prep_objects(n, {"of"})]
        if of_objs and (cue.mutual or cue.reciprocal) and cue.type.symmetric:
            return _mutual(ctx, targets, cue, n, "nominal_mutual.v1")
    sources = sources + mods
    anchor = n
    if not sources and gov is not None:
        glem = ctx.lemma(gov)
        if glem in lex.light_verbs or via.startswith("pobj:"):
            agents, patients = ctx.subjects(gov)
            agent_toks = agents + (patients if ctx.is_passive(gov) and via != "nsubjpass" else [])
            sources = ctx.args_of(agent_toks, strict=cue.strict)
            if not targets:
                tt, bt = _slot_targets(ctx, gov, cue, lem, skip_from=not skip_from)
                targets = ctx.args_of(tt, strict=strict)
                if bt:
                    pair = ctx.args_of(bt, strict=cue.strict)
                    if len(pair) >= 2 and not sources:
                        return _mutual(ctx, pair, cue, n, "nominal_mutual.v1", anchor=n)
                    targets += pair
            light = True
            rule = "nominal_light_verb.v1"
            if not targets and len(sources) >= 2 and (cue.mutual or cue.reciprocal):
                return _mutual(ctx, sources, cue, n, "mutual_subjects.v1")
        elif glem in lex.recipient_verbs and cue.type in lex.recipient_types:
            agents, _ = ctx.subjects(gov)
            recipients = ctx.args_of(agents, strict=cue.strict)
            givers: list[EntityAnnotation] = []
            for p, obj in ctx.prep_objects(gov, {"from", "by"}):
                givers.extend(ctx.args(obj, strict=cue.strict))
            if recipients and givers:
                return _pairs(ctx, givers, recipients, cue, n, "nominal_light_verb.v1")
    if cue.requires_target_prep and not targets_tok and not between:
        return out
    if cue.requires_target_or_light and not targets and not light:
        return out
    if sources and targets:
        out.extend(_pairs(ctx, sources, targets, cue, n, rule, anchor=anchor))
    return out


# ------------------------------------------------------------------------------- roles
def _role(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """Participant nouns: the noun's referent stands in the relation to the noun's owner."""
    if cue.requires_modifiers or cue.veto_modifiers:
        if not _modifiers_ok(ctx, n, cue):
            return []
    referents: list[EntityAnnotation] = []
    dep = n.dep_
    head = n.head
    if dep in ("attr", "acomp", "oprd") and ctx.lemma(head) in _COPULAS:
        agents, patients = ctx.subjects(head)
        referents = ctx.args_of(agents + patients)
    elif dep == "appos":
        referents = ctx.args(head)
    elif dep in ("compound", "nmod", "npadvmod", "amod") and head.i in ctx.ent_at:
        referents = [ctx.ent_at[head.i]]
    elif dep == "pobj" and ctx.lemma(head) == "as" and head.head.pos_ in _VERB_POS:
        # "Ankara has used the Turkmen as a proxy", "joined NATO as a member"
        gov = head.head
        objs = ctx.children(gov, "dobj")
        referents = ctx.args_of(objs) if objs else ctx.args_of(ctx.subjects(gov)[0])
    if not referents:
        referents = [ctx.ent_at[c.i] for c in n.children if c.dep_ == "appos" and c.i in ctx.ent_at]
    if not referents:
        return []
    ref_keys = {(e.start, e.end) for e in referents}
    others: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ in ("poss",):
            others.extend(ctx.args(c, strict=True))
        elif c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i in ctx.ent_at:
            others.append(ctx.ent_at[c.i])
    for _, obj in ctx.prep_objects(n, {"of", "to", "in", "for", "with"}):
        others.extend(ctx.args(obj, strict=True))
    others = [o for o in others if (o.start, o.end) not in ref_keys]
    if not others:
        if cue.type.symmetric and len(referents) >= 2:
            return _mutual(ctx, referents, cue, n, "role_noun.v1")
        return []
    if cue.referent == "target":
        return _pairs(ctx, others, referents, cue, n, "role_noun.v1")
    return _pairs(ctx, referents, others, cue, n, "role_noun.v1")


# ------------------------------------------------------------------------------- adjectives
def _adjective(ctx: SentenceContext, a: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(a)
    targets_tok, _ = _slot_targets(ctx, a, cue, lem)
    head = a.head
    holders: list[Token] = []
    dep = a.dep_
    if dep in ("acomp", "oprd", "advmod", "attr", "xcomp", "ccomp", "conj") and head.pos_ in _VERB_POS:
        agents, patients = ctx.subjects(head)
        holders = agents + patients
        if dep == "oprd":
            holders = ctx.children(head, "dobj") or holders
        if not targets_tok:
            targets_tok, _ = _slot_targets(ctx, head, cue, lem)
    elif dep == "amod":
        holders = [head]
    elif dep == "ROOT" or head.i == a.i or a.pos_ in _VERB_POS:
        agents, patients = ctx.subjects(a)
        holders = agents + patients
    if not targets_tok or not holders:
        return []
    sources = ctx.args_of(holders, strict=cue.strict)
    targets = ctx.args_of(targets_tok, strict=cue.strict)
    return _pairs(ctx, sources, targets, cue, a, "adjectival.v1")


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
    # the phrase the stance word modifies ("policy", "tenor") or the stance noun itself
    ent_toks = set(range(target.start, target.end)) | {tok.i}
    node = target_tok
    hops = 0
    while node.head.i in ent_toks or (node.i != node.head.i and node.head.text in ("-",)):
        if node.head.i == node.i or hops > 4:
            break
        node = node.head
        hops += 1
    n = node
    if n.dep_ in ("amod", "compound", "npadvmod", "nmod") or n.i in ent_toks:
        if n.dep_ in ("amod", "compound", "nmod"):
            n = n.head
    holders: list[EntityAnnotation] = []
    for c in n.children:
        if c.i in ent_toks:
            continue
        if c.dep_ == "poss":
            holders.extend(ctx.args(c))
        elif c.dep_ in ("amod", "compound") and c.i in ctx.ent_at:
            holders.append(ctx.ent_at[c.i])
    if not holders:
        for _, obj in ctx.prep_objects(n, {"of", "in", "among"}):
            if obj.i not in ent_toks:
                holders.extend(ctx.args(obj))
    if not holders and n.dep_ in ("acomp", "attr", "oprd") and n.head.pos_ in _VERB_POS:
        agents, patients = ctx.subjects(n.head)
        holders = ctx.args_of(agents + patients)
    holders = [h for h in holders if h.name != target.name]
    cue = _ANTI_CUE
    return _pairs(ctx, holders, [target], cue, tok, "anti_stance.v1", anchor=n)


_ANTI_CUE = Cue.from_dict(
    {"id": "anti.stance", "type": "OPPOSES", "pos": "adj", "lemmas": ["anti"], "conf": 0.65}
)
