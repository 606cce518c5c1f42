"""Role nouns and adjectives (``role_noun.v1``, ``adjectival.v1``).

Nouns naming a participant ("Norway, a NATO ally", "Iran's proxy Hezbollah"), fellow members
of an organization, and adjectives with a prepositional target ("hostile to", "close to").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.demonyms import demonym_states
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import (
    _COPULAS,
    _MOD_DEPS,
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


def _role(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """Participant nouns: the noun's referent stands in the relation to the noun's owner."""
    if (cue.requires_modifiers or cue.veto_modifiers) and not _modifiers_ok(ctx, n, cue):
        return []
    if cue.requires_prep_object and not _prep_object_ok(ctx, n, cue):
        return []
    referents: list[EntityAnnotation] = []
    at = n
    while at.dep_ == "conj" and (ctx.lemma(at.head) in cue.lemmas or _role_noun(ctx, at.head)):
        # "Ghana, an ally and Togo's biggest partner": the first conjunct's place, whichever
        # role the first conjunct names ("a staunch ally and Togo's biggest trading partner")
        at = at.head
    if at.dep_ == "pobj" and ctx.lemma(at.head) == "of" and ctx.lemma(at.head.head) in _PARTITIVES:
        at = at.head.head  # "Norway is one of Sweden's allies": the partitive is in the clause
    dep = at.dep_
    head = at.head
    gov_subjects: list[EntityAnnotation] = []
    stated_by: list[EntityAnnotation] = []
    if dep in ("attr", "acomp", "oprd") and ctx.lemma(head) in _COPULAS:
        agents, patients = ctx.subjects(head)
        referents = ctx.args_of(agents + patients)
    elif dep == "appos":
        # "Brazil, Mexico and even Norway, a member of NATO": the apposition's own head only
        own = _nearest_appos_holder(ctx, at, head) or ctx.entity(head)
        referents = [own] if own is not None else ctx.args(head)
        if n.tag_ in ("NNS", "NNPS") and own is not None:
            # "Chile and Peru, old friends, ...": a plural apposition covers the coordination
            referents = ctx.args(head)
    elif dep in ("compound", "nmod", "npadvmod", "amod") and head.i in ctx.ent_at:
        referents = [ctx.ent_at[head.i]]
    elif dep == "oprd" and head.pos_ in _VERB_POS and _owned_by_pronoun(n):
        # "Chile calls Peru its closest ally": the object holds the role the owner states
        referents = ctx.args_of(ctx.children(head, "dobj"))
        stated_by = ctx.args_of(ctx.subjects(head)[0], strict=True)
    elif dep == "pobj" and ctx.lemma(head) in ("as", "among") and head.head.pos_ in _VERB_POS:
        # "Tehran has used the militia as a proxy", "joined NATO as a member"; but "X, as a
        # member of Y, visited Z": an "as" phrase before the verb describes the subject
        gov = head.head
        objs = ctx.children(gov, "dobj") if head.i > gov.i else []
        agents, _ = ctx.subjects(gov)
        referents = ctx.args_of(objs) if objs else ctx.args_of(agents)
        if objs:
            gov_subjects = ctx.args_of(agents)
    if not referents:
        # "the two allies, Chile and Peru": an apposition and its conjuncts
        referents = [
            ctx.ent_at[a.i]
            for c in n.children
            if c.dep_ == "appos"
            for a in (c, *c.conjuncts)
            if a.i in ctx.ent_at
        ]
    if not referents and dep in _SPLIT_DEPS and n.i + 1 < len(ctx.doc):
        # "Moscow's ally Belarus hosted ...", "old friends Chile and Peru signed ...": the
        # parser may split the apposition into two arguments of one verb
        nxt = ctx.doc[n.i + 1]
        if nxt.i in ctx.ent_at and nxt.dep_ in (dep, "nsubj") and nxt.head.i == head.i:
            named = (nxt, *nxt.conjuncts) if n.tag_ == "NNS" else (nxt,)
            referents = [ctx.ent_at[t.i] for t in named if t.i in ctx.ent_at]
    if not referents and cue.type.value == "MEMBER_OF":
        return _fellow_members(ctx, n, cue)
    if not referents:
        referents = _modifier_holders(ctx, n, cue)  # "Russia's Syrian partners"
    if not referents:
        return []
    referents = referents + _ranked_before(ctx, n, cue, referents)
    ref_keys = {(e.start, e.end) for e in referents}
    others: list[EntityAnnotation] = []
    owners = list(n.children)
    if dep == "amod" and head.i in ctx.ent_at:
        owners.extend(c for c in head.children if c.dep_ == "poss")  # "Turkey's rival Greece"
    bloc_dropped = False
    owned = cue.type.value != "MEMBER_OF" and any(c.dep_ == "poss" for c in n.children)
    for c in owners:
        if c.dep_ == "poss":
            others.extend(ctx.args(c, strict=True))
        elif c.dep_ in _MOD_DEPS and c.i in ctx.ent_at:
            if _bloc_of_ally(ctx, n, cue, ctx.ent_at[c.i]):
                bloc_dropped = True  # "NATO allies Chile and Peru": no partners of NATO
                continue
            if owned:
                # "Turkey, its NATO ally": the bloc both are in, not the other side; "his
                # Chinese partner Li": the partner's nationality
                continue
            others.append(ctx.ent_at[c.i])
    # "a member of the Mercosur bloc": an organization may be named by a modifier of the object
    # "the largest buyer of Russian oil": the goods name their origin
    loose = cue.target_labels == _ORGANIZATION or bool(cue.requires_prep_object)
    for p, obj in ctx.prep_objects(n, {"of", "to", "in", "for", "with"}):
        if cue.type.value == "MEMBER_OF" and ctx.lemma(n) in _BLOC_ALLIES and p in ("of", "to"):
            continue  # "a close ally of NATO" is its partner, a "NATO ally" its member
        found = ctx.args(obj, strict=not loose)
        if (
            not found
            and ctx.lemma(obj) in ctx.lex.agent_via_of
            and cue.type.polarity.value != "structural"
        ):
            # "a key backer of Syria's government": the government stands for its state
            found = ctx.args(obj, strict=False)
        if p == "in":
            # "Kenya's closest partner in Africa": a place after "in" is where, not whose
            found = [e for e in found if e.label.value != "Place"]
        others.extend(found)
    if not others and not any(c.dep_ == "poss" for c in n.children):
        # "Ghana, a loyal ally and Togo's biggest partner": a coordinated role noun's owner
        for c in n.conjuncts:
            if ctx.lemma(c) in cue.lemmas:
                for g in c.children:
                    if g.dep_ == "poss":
                        others.extend(ctx.args(g, strict=True))
    if not others and not any(c.dep_ == "poss" for c in n.children):
        others = _poss_fallback(ctx, n)
    others = [o for o in others if (o.start, o.end) not in ref_keys]
    if not others and dep == "appos":
        others = [o for o in _appos_owner(ctx, n) if (o.start, o.end) not in ref_keys]
    if not others and gov_subjects and cue.referent == "target":
        others = gov_subjects
    if not others and stated_by:
        others = [o for o in stated_by if (o.start, o.end) not in ref_keys]
    if not others and bloc_dropped:
        return []  # "NATO allies Chile and Peru": members of NATO (member.role), no more
    if not others:
        if (cue.type.symmetric or cue.reciprocal) and len(referents) >= 2 and not gov_subjects:
            # but "Iran views Chile and Peru as rivals" is Iran's view of each (complements.py)
            # "Saudi Arabia and Iran remain bitter rivals"
            return _mutual(ctx, referents, cue, n, "role_noun.v1")
        return []
    said = head if stated_by else None  # "did not call Peru its ally": the verb's predicate
    if cue.referent == "target":
        return _pairs(ctx, others, referents, cue, n, "role_noun.v1", anchor=said)
    return _pairs(ctx, referents, others, cue, n, "role_noun.v1", both=cue.reciprocal, anchor=said)


_ORGANIZATION = frozenset({"Organization"})
# roles a state named by a demonym holds towards an owner: "its Syrian allies", "Assad's
# Russian backers", "Egypt's Saudi creditors", "Ukraine's Russian invaders"
_HELD_BY_STATES = frozenset({"PARTNERS_WITH", "SUPPORTS", "TRADES_WITH", "INVADES"})
# an apposition the parser split: "ally Belarus" as two subjects, "old friends A and B" as a
# bare-noun adverbial beside the subject
_SPLIT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "npadvmod"})
# "one of Sweden's allies", "some of its partners"
_PARTITIVES = frozenset({"one", "some", "many", "two", "three", "several", "few", "all", "most"})


# allies within a bloc: a bloc modifying "ally" names the allies' own bloc ("NATO allies")
_BLOC_ALLIES = frozenset({"ally", "allies"})


def _bloc_of_ally(ctx: SentenceContext, n: Token, cue: Cue, e: EntityAnnotation) -> bool:
    """An organization modifying an ally noun of a partnership cue: the bloc the allies
    belong to (a member, read by ``member.role``), or with "non-" the one they are outside;
    either way not the allies' partner."""
    return (
        cue.type.value == "PARTNERS_WITH"
        and e.label.value == "Organization"
        and ctx.lemma(n) in _BLOC_ALLIES
    )


_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th"})


def _ranked_before(
    ctx: SentenceContext, n: Token, cue: Cue, referents: list[EntityAnnotation]
) -> list[EntityAnnotation]:
    """ "Peru is Chile's second-biggest trading partner after Bolivia": a ranked role noun's
    "after" party ranks above the referent in the same role, so it holds the role too. Only
    with an ordinal on the superlative, and only a name as the object ("after the war",
    "the biggest partner after 2020" rank nothing)."""
    if cue.type.value != "TRADES_WITH":
        return []  # the ranking measures trade ("trading partner", "export market")
    ranked = any(
        m.tag_ == "JJS" and any(ctx.lemma(o) in _ORDINALS for o in m.children)
        for m in n.children
        if m.dep_ == "amod"
    )
    if not ranked:
        return []
    names = {e.name for e in referents}
    return [
        ctx.ent_at[o.i]
        for p, obj in ctx.prep_objects(n, ("after",))
        for o in (obj, *obj.conjuncts)
        if o.i in ctx.ent_at
        and ctx.ent_at[o.i].name not in names
        and ctx.ent_at[o.i].label.value in ("Country", "Organization")
    ]


def _role_noun(ctx: SentenceContext, n: Token) -> bool:
    """Whether ``n`` is the noun of a role cue (ally, partner, rival, backer ...)."""
    return any(c.pos == "role" for c in ctx.lex.lookup("noun", ctx.lemma(n)))


def _nearest_appos_holder(ctx: SentenceContext, n: Token, head: Token) -> EntityAnnotation | None:
    """The name right before the comma that opens a role apposition, where the parser hung
    the apposition on a name further back: in "Chile started a trade war with Peru, normally a
    close ally", the ally is Peru, not the subject Chile."""
    edge = n.left_edge.i
    if edge < 2 or ctx.doc[edge - 1].text != "," or head.i >= edge - 2:
        return None
    before = ctx.doc[edge - 2]
    near = ctx.ent_at.get(before.i)
    own = ctx.entity(head)
    if near is None or own is None or near.name == own.name:
        return None
    if before.dep_ != "pobj" or near.label.value not in ("Country", "Organization"):
        return None  # only the object of a phrase after the head names the nearer party
    return near


def _owned_by_pronoun(n: Token) -> bool:
    """ "its closest ally": a role noun whose owner is a possessive pronoun."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in n.children)


def _modifier_holders(ctx: SentenceContext, n: Token, cue: Cue) -> list[EntityAnnotation]:
    """ "Russia's Syrian and Iranian partners", "its Chinese rivals": states named by a
    demonym on an owned role noun hold the role towards the owner. Not the owned dependants
    ("Iran's Iraqi proxies" are militias, not Iraq) nor people ("Putin's Ukrainian critics"),
    and only with an owner."""
    if cue.referent != "source" or not any(c.dep_ == "poss" for c in n.children):
        return []
    if not (cue.reciprocal or cue.type.value in _HELD_BY_STATES):
        return []
    return demonym_states(ctx, n)


def _appos_owner(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """ "Germany sells cars to China, its biggest market": a possessive pronoun on an
    apposition that cannot mean the apposition's own head means the clause's subject."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in n.children):
        return []
    v = climb_to_verb(n.head, 4)
    if v.pos_ not in _VERB_POS:
        return []
    agents, _ = ctx.subjects(v)
    return ctx.args_of(agents, strict=True)


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
    compared = _compared_members(ctx, n)
    if compared is not None:
        # "like other members of the EU": the organization named on the "of" object
        orgs.extend(
            e
            for _, obj in ctx.prep_objects(n, {"of"})
            for e in ctx.args(obj, strict=True)
            if e.label.value == "Organization"
        )
    if not orgs:
        return []
    owners: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ == "poss":
            owners.extend(ctx.args(c, strict=True))
    if not owners and compared is not None:
        owners = compared
    return _pairs(ctx, owners, orgs, cue, n, "role_noun.v1")


# "like other EU members", "unlike fellow NATO members", "joined other EU members in ...":
# "other" and "fellow" make the one compared with them a member as well
_OTHER_WORDS = frozenset({"other", "fellow"})
_COMPARING_PREPS = frozenset({"like", "unlike"})


def _compared_members(ctx: SentenceContext, n: Token) -> list[EntityAnnotation] | None:
    """The states compared with, or joining, "other"/"fellow" members of an organization: the
    clause's subject, or the name the "like" phrase hangs on ("Chile, like other EU members,
    ..."). None when the member noun is not such a phrase."""
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in _OTHER_WORDS for c in n.children):
        return None
    head = n.head
    if n.dep_ == "pobj" and ctx.lemma(head) in _COMPARING_PREPS:
        holder = head.head
        if holder.i in ctx.ent_at:
            return [ctx.ent_at[holder.i]]
        verb = holder if holder.pos_ in _VERB_POS else climb_to_verb(holder, 3)
    elif n.dep_ == "dobj" and ctx.lemma(head) == "join":
        verb = head
    else:
        return None
    if verb.pos_ not in _VERB_POS:
        return None
    agents, _ = ctx.subjects(verb)
    return [e for e in ctx.args_of(agents, strict=True) if e.label.value == "Country"]


# ------------------------------------------------------------------------------- adjectives
def _adjective(ctx: SentenceContext, a: Token, cue: Cue) -> list[Candidate]:
    lem = ctx.lemma(a)
    tgt = _slot_targets(ctx, a, cue, lem)
    head = a.head
    holders: list[Token] = []
    dep = a.dep_
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children) or (
        # "Chile is opposed to Peru, officials said": a reported clause of its own
        dep == "ccomp" and any(c.dep_ in ("aux", "auxpass", "cop") for c in a.children)
    )
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
        elif dep == "advmod" and any(o.i < a.i for o in ctx.children(head, "dobj")):
            holders = _moved_party(ctx, head, a)  # "the war pushed Moscow closer to Beijing"
        if not tgt.tokens():
            tgt = _slot_targets(ctx, head, cue, lem)
    elif dep == "amod":
        holders = [head]
    elif dep == "ROOT" or head.i == a.i or a.pos_ in _VERB_POS:
        agents, patients = ctx.subjects(a)
        holders = agents + patients
    if cue.mutual and not tgt.tokens() and holders and _grown_closer(ctx, a):
        # "Russia and China have grown closer", "the two sides are closer than ever"
        return _mutual(ctx, ctx.args_of(holders, strict=cue.strict), cue, a, "mutual_subjects.v1")
    if not tgt.tokens() or not holders:
        return []
    sources = ctx.args_of(holders, strict=cue.strict)
    return _emit(ctx, sources, tgt, cue, a, "adjectival.v1", strict=cue.strict)


def _moved_party(ctx: SentenceContext, verb: Token, a: Token) -> list[Token]:
    """The party a causative verb moves, its object before the adjective that says where to
    ("pushed *Moscow* closer to Beijing", "drove *Iran* closer to Russia", "positioned
    *itself* closer to X"); a common noun ("moved its troops closer to X") is something
    placed, not a party, and its mover is none either."""
    return [
        o
        for o in ctx.children(verb, "dobj")
        if o.i < a.i and (o.i in ctx.ent_at or o.lower_ in _REFLEXIVES)
    ]


_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


# "closer to a deal", "closer to the border": a goal or a place, not the other party
_GOAL_PREPS = frozenset({"to", "toward", "towards", "with", "into"})


def _grown_closer(ctx: SentenceContext, a: Token) -> bool:
    """A comparative predicate of a mutual adjective with no goal phrase on it or its verb:
    the relation of its coordinated subjects has grown (SCHEMA.md PARTNERS_WITH "closer")."""
    if a.tag_ not in ("JJR", "RBR"):
        return False
    toks = [a, a.head] if a.dep_ != "ROOT" else [a]
    return not any(
        c.dep_ == "prep" and ctx.lemma(c) in _GOAL_PREPS for t in toks for c in t.children
    )
