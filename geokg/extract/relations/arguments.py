"""The entities an argument token stands for: :func:`args` and its helpers.

A rule hands :meth:`SentenceContext.args` the head token of an argument; this module follows
coordination, appositions, relative pronouns, modifiers ("Greek" in "Greek jets"), the "of"
phrase of a transparent noun ("the government of Chile"), rule nouns ("the Cuban regime"),
people standing for their states ("ministers from Chile and Peru") and named examples
("states such as Chile"). Pronouns and pair nominals are handed to
:mod:`~geokg.extract.relations.pronouns`, :mod:`~geokg.extract.relations.pairs` and
:mod:`~geokg.extract.relations.nominals`. The functions take the sentence's
:class:`~geokg.extract.relations.syntax.SentenceContext` as their first argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans
from geokg.extract.relations.act_agents import attack_agents
from geokg.extract.relations.demonyms import ALLY_LABELS, demonym_states
from geokg.extract.relations.nominals import definite_antecedent
from geokg.extract.relations.organs import state_organ
from geokg.extract.relations.pairs import pair_anaphor
from geokg.extract.relations.reciprocals import reciprocal, reciprocal_antecedents
from geokg.extract.relations.spokespeople import spoken_for
from geokg.extract.relations.subjects import _NOMINAL, _RELATIVE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["args"]


_MOD_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
_RELATIVE_ARG_DEPS = frozenset({"dobj", "pobj", "dative"})
# the wholes a member noun is part of ("an EU country"); an armed group's members are the group
_WHOLES = ("Organization", "Place")


def _own_entities(
    ctx: SentenceContext, tok: Token, strict: bool, depth: int
) -> list[EntityAnnotation]:
    ent = ctx.ent_at.get(tok.i)
    if ent is not None:
        if (
            ent.label.value == "Country"
            and tok.tag_ in ("NNS", "NNPS")
            and any(c.dep_ == "nummod" and c.i < tok.i for c in tok.children)
        ):
            return []  # "killed 12 Kenyans": counted individuals, not the state
        return [ent]
    out: list[EntityAnnotation] = []
    if tok.dep_ == "appos" and tok.head.i in ctx.ent_at:
        return [ctx.ent_at[tok.head.i]]
    for c in tok.children:
        if c.dep_ == "appos" and c.i in ctx.ent_at:
            out.append(ctx.ent_at[c.i])
    if out:
        return out
    after_role = _name_after_role(ctx, tok) or _displaced_apposition(ctx, tok)
    if after_role is not None:
        return [after_role]
    if reciprocal(tok):
        return reciprocal_antecedents(ctx, tok)
    pair = pair_anaphor(ctx, tok)
    if pair is not None:
        return pair
    if tok.pos_ == "PRON" or tok.tag_ == "WDT":
        if ctx.lemma(tok) in _RELATIVE and tok.dep_ in _RELATIVE_ARG_DEPS:
            return _relative_antecedent(ctx, tok, strict, depth)
        return ctx.pronoun(tok)
    named = definite_antecedent(ctx, tok)
    if named is not None:
        return named
    if strict and ctx.lemma(tok) in _ALLY_NOUNS:
        # "abandoned its Syrian allies", "its Kurdish allies": those states or peoples
        held = demonym_states(ctx, tok, ALLY_LABELS)
        if held:
            return held
    if strict and depth <= 2:
        # "Chilean and Peruvian officials" (spokespeople.py), "the Chilean government" (organs.py)
        return spoken_for(ctx, tok) or state_organ(ctx, tok)
    if strict or depth > 2:
        return out
    pos = tok.pos_
    if pos not in _NOMINAL and pos != "ADJ":
        return out
    lem = ctx.lemma(tok)
    if _listed(tok, lem, ctx.lex.private_nouns):
        # "Russian writers" are not Russia, but "minorities like the Uyghurs" name them
        return _examples(ctx, tok, depth)
    lex = ctx.lex
    if lem in lex.rule_nouns:
        # "the regime of Daniel Ortega in Nicaragua", "the Cuban government": the state
        states = _states_in_phrase(ctx, tok)
        if states:
            return states
    if lem in lex.former_part_nouns and any(c.lower_ in _FORMER for c in tok.children):
        # "the former Soviet republic joined the bloc": the demonym names the past whole, not
        # the republic; only "such as"/"including" examples name it (the "of" object below)
        out = []
        for p in _pobjs(ctx, tok, ("of",)):
            out.extend(ctx.args(p, strict=False, depth=depth + 1))
        return out or _examples(ctx, tok, depth)
    if lem in lex.of_first_nouns:
        # "the former Yugoslav republics of Croatia and Slovenia": the "of" object names them
        for p in _pobjs(ctx, tok, ("of",)):
            out.extend(ctx.args(p, strict=False, depth=depth + 1))
        if out:
            return out
    member_noun = lem in lex.member_nouns
    # "armed China's rivals", "Chinese rivals": China's other side, not China
    other_side = any(c.id in _OPPONENT_ROLES for c in lex.lookup("noun", lem))
    for c in tok.children:
        if c.dep_ in _MOD_DEPS and other_side:
            continue
        if c.dep_ in _MOD_DEPS:
            e = ctx.ent_at.get(c.i)
            if e and member_noun and e.label.value in _WHOLES and e.kind != "armed_group":
                continue  # "an EU country" is a member, not the EU; "Gulf states" not the Gulf
            if e is not None and ctx.stance_prefixed(c):
                continue  # "the pro-Chinese government" is not China
            if e is None and c.dep_ == "poss" and reciprocal(c):
                out.extend(reciprocal_antecedents(ctx, c))  # "expelled each other's envoys"
                continue
            if e is None and c.dep_ == "poss" and c.pos_ == "PRON":
                if _listed(tok, lem, lex.agent_via_of) or lem in lex.rule_nouns:
                    out.extend(ctx.pronoun(c))
                continue
            if e is None and c.dep_ == "poss" and c.lower_ == "whose":
                if _listed(tok, lem, lex.agent_via_of) or lem in lex.rule_nouns:
                    # "Chile, whose army fought Peru": the noun the relative clause modifies
                    out.extend(_relative_antecedent(ctx, c, strict, depth))
                continue
            if e is None and c.dep_ == "poss" and c.pos_ == "NOUN":
                # "the two countries' presidents", "the kingdom's forces"
                out.extend(pair_anaphor(ctx, c) or definite_antecedent(ctx, c) or [])
                continue
            if e is not None:
                out.append(e)
                for cc in c.conjuncts:
                    e2 = ctx.ent_at.get(cc.i)
                    if e2 is not None:
                        out.append(e2)
    if not out and _listed(tok, lem, lex.led_actor_nouns):
        out.extend(_leaders_of(ctx, tok))
    if out and lem in lex.goal_nouns:
        # "Peru's UN bid", "Peru's NATO membership": the owner bids, the organization is
        # what is sought (the parser may hang the owner on it: "Peru's" on "UN")
        mods = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.i in ctx.ent_at)]
        owners = [
            ctx.ent_at[c.i]
            for m in mods
            for c in m.children
            if c.dep_ == "poss" and c.i in ctx.ent_at
        ]
        out = owners or out
    if len(out) > 1:
        # "Kony's LRA militia": the nearest modifier names the actor
        near = [e for e in out if e.end == tok.i or e.end == tok.i - 1]
        if near and len(near) < len(out):
            # ... but "Chilean and Peruvian officials" are both
            coordinated = {c.i for e in near for c in ctx.doc[e.end - 1].conjuncts}
            out = [
                e
                for e in out
                if e in near or (e.end - 1) in coordinated or _listed_before(ctx, e, tok)
            ]
    if out:
        return out
    for c in tok.children:
        nominal = c.dep_ in ("compound", "amod", "nmod") and c.pos_ in _NOMINAL
        if nominal and c.i not in ctx.ent_at:
            out.extend(_own_entities(ctx, c, strict, depth + 1))
    if out:
        return out
    if _listed(tok, lem, lex.agent_via_of) or _listed(tok, lem, lex.transparent_nouns):
        for p in _pobjs(ctx, tok, ("of",)):
            out.extend(ctx.args(p, strict=False, depth=depth + 1))
    if out:
        return out
    if _listed(tok, lem, lex.agent_via_from):
        # "ministers from France, Germany and Italy": the people stand for their states
        for p in _pobjs(ctx, tok, ("from",)):
            out.extend(ctx.args(p, strict=True, depth=depth + 1))
    if out:
        return out
    # "airstrikes by the Somali army killed ...": the attack's agent (act_agents.py)
    return _examples(ctx, tok, depth) or attack_agents(ctx, tok, depth)


def _name_after_role(ctx: SentenceContext, tok: Token) -> EntityAnnotation | None:
    """ "his South Korean counterpart Yoon Suk Yeol", parsed as two sibling subjects: the role
    noun stands for the person named right after it, not for its demonym."""
    lem = ctx.lemma(tok)
    if tok.pos_ != "NOUN" or (lem != "counterpart" and lem not in ctx.lex.title_heads):
        return None
    nxt = ctx.ent_at.get(tok.i + 1)
    if nxt is None or nxt.start != tok.i + 1 or nxt.label.value not in ("Leader", "Person"):
        return None
    return nxt


def _displaced_apposition(ctx: SentenceContext, tok: Token) -> EntityAnnotation | None:
    """ "Chile's envoy to the UN, Juan Perez, said": a name the parser hung on the body the
    envoy is sent to is the role noun's (a person is no apposition of a body or a state)."""
    if tok.pos_ != "NOUN" or ctx.lemma(tok) not in ctx.lex.title_heads:
        return None
    for _, obj in ctx.prep_objects(tok, ("to", "at", "of", "for", "in")):
        own = ctx.ent_at.get(obj.i)
        for c in obj.children if own and own.label.value in ("Organization", "Country") else ():
            name = ctx.ent_at.get(c.i)
            if c.dep_ == "appos" and name is not None and name.label.value in ("Leader", "Person"):
                return name
    return None


def _listed(tok: Token, lem: str, words: frozenset[str]) -> bool:
    """Whether a noun is in a word list by its lemma or its own form: the lists name plurals
    ("troops", "soldiers") that the lemmatizer reduces ("troops from Chad" -> "troop")."""
    return lem in words or tok.lower_ in words


def _leaders_of(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """ "Saudi-led forces", "the Kenyan-led mission": forces led by a state act for it (the
    parser reads "led" as a modifier with the leader attached to it), and so do "forces loyal
    to" a leader or state. Only these: forces "backed" or "trained" by a state are not that
    state."""
    out: list[EntityAnnotation] = []
    for c in tok.children:
        if c.dep_ == "amod" and ctx.lemma(c) == "loyal":
            # "forces loyal to Haftar", "troops loyal to the junta": they act for their master;
            # "militias loyal to Iran" are its proxies, not its organs
            if ctx.lemma(tok) in ("militia", "militias"):
                continue
            for p in _pobjs(ctx, c, ("to",)):
                out.extend(ctx.args(p, strict=False, depth=1))
            continue
        if c.dep_ not in ("amod", "compound") or ctx.lemma(c) != "lead":
            continue
        for cc in c.children:
            e = ctx.ent_at.get(cc.i)
            if e is not None and cc.dep_ in _MOD_DEPS:
                out.append(e)
    return out


# role cues of the other side of a party (cues.jsonl): their owner or demonym is not the argument
_OPPONENT_ROLES = frozenset({"rival.role", "opponent.role", "critic.role"})
# partners named by their state's demonym stand for it even where a rule wants names only
_ALLY_NOUNS = frozenset({"ally", "allies", "partner", "partners"})


def _listed_before(ctx: SentenceContext, ent: EntityAnnotation, tok: Token) -> bool:
    """ "French, German and Italian ministers": only entities, commas and conjunctions
    stand between the modifier and its noun (the parser may not coordinate the first)."""
    doc = ctx.doc
    for i in range(ent.end, tok.i):
        t = doc[i]
        if i not in ctx.ent_at and t.pos_ not in ("PUNCT", "CCONJ"):
            return False
    return True


def _relative_antecedent(
    ctx: SentenceContext, tok: Token, strict: bool, depth: int
) -> list[EntityAnnotation]:
    """ "the officials *whom* the rebels took hostage", "states *which* betrayed Serbia": the
    noun the relative clause modifies (with its conjuncts)."""
    v = tok.head
    hops = 0
    while v.dep_ != "relcl" and v.head.i != v.i and hops < 3:
        v = v.head
        hops += 1
    if v.dep_ != "relcl" or depth > 2:
        return []
    head = v.head
    out = _own_entities(ctx, head, strict, depth + 1)
    for c in head.conjuncts:
        if c.i != head.i and ctx.in_sentence(c):
            out.extend(_own_entities(ctx, c, strict, depth + 1))
    return unique_spans(out)


_FORMER = frozenset({"former", "ex"})


def _examples(ctx: SentenceContext, tok: Token, depth: int) -> list[EntityAnnotation]:
    """ "minorities like the Uyghurs", "states including Chile": the named examples."""
    out: list[EntityAnnotation] = []
    doc = ctx.doc
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        cl = ctx.lemma(c)
        if cl in ("include", "like") or (
            cl == "as" and c.i > ctx.start and doc[c.i - 1].lower_ == "such"
        ):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(ctx.args(p, strict=False, depth=depth + 1))
    return out


def _pobjs(ctx: SentenceContext, tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [
        p
        for c in tok.children
        if c.dep_ == "prep" and ctx.lemma(c) in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _states_in_phrase(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """Country entities modifying a rule noun or in its "of"/"in" phrases."""
    out: list[EntityAnnotation] = []
    stack = [tok]
    seen = 0
    while stack and seen < 12:
        t = stack.pop()
        seen += 1
        for c in t.children:
            e = ctx.ent_at.get(c.i)
            if e is not None and ctx.stance_prefixed(c):
                continue
            if (
                e is not None
                and e.label.value == "Country"
                and c.dep_ in ("amod", "compound", "poss", "nmod", "pobj")
            ):
                out.append(e)
            elif c.dep_ in ("prep", "pobj") and (c.dep_ == "pobj" or ctx.lemma(c) in ("of", "in")):
                stack.append(c)
    return unique_spans(out)


def args(
    ctx: SentenceContext, tok: Token, *, strict: bool = False, depth: int = 0
) -> list[EntityAnnotation]:
    """The entities an argument token stands for, expanded over its conjuncts.

    Args:
        tok: The argument's head token.
        strict: Only entity tokens (and appositions, pronouns) count, not "Turkish" in
            "Turkish jets".
        depth: Recursion depth (internal).

    Returns:
        Distinct entity mentions, in order of discovery.
    """
    if not ctx.in_sentence(tok):
        return []
    found = _own_entities(ctx, tok, strict, depth)
    if depth == 0 or tok.dep_ == "pobj":
        for c in tok.conjuncts:
            if c.i != tok.i and ctx.in_sentence(c):
                found.extend(_own_entities(ctx, c, strict, depth + 1))
        found.extend(_listed_appositions(ctx, tok))
    if depth == 0 and tok.dep_ == "poss":
        found.extend(_joint_owners(ctx, tok))
    return unique_spans(found)


# heads the parser gives the first owner of "A and B's <noun>" (the noun is its conjunct)
_POSS_MARKS = frozenset({"'s", "’s", "'", "’"})
_JOINT_HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "ROOT"})


def _joint_owners(ctx: SentenceContext, poss: Token) -> list[EntityAnnotation]:
    """The first owners of a coordinated possessive the parser split: in "Chile and Peru's
    partnership" it reads "Chile" as the clause's argument with "partnership" its conjunct
    and "Peru" that noun's possessive; both own the noun.

    Only where nothing but "and" stands between the two names (a list "Chile, Peru and
    Bolivia's" adds the names coordinated with the first), and the first heads a subject,
    object or the sentence, never a prepositional object ("sanctions on Chile and Peru's
    support for X" joins two phrases).
    """
    owner = ctx.ent_at.get(poss.i)
    doc = ctx.doc
    if owner is not None and owner.start - 3 >= ctx.start:
        # "Chile's and Peru's support": the first possessive stands apart, whatever its parse
        before = ctx.ent_at.get(owner.start - 3)
        if (
            before is not None
            and doc[owner.start - 2].lower_ in _POSS_MARKS
            and doc[owner.start - 1].lower_ == "and"
        ):
            return [before]
    noun = poss.head
    first = noun.head
    top = first
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head  # "Chile, Peru and Bolivia's": the list's first name heads it
    head_ent = ctx.ent_at.get(first.i)
    if (
        noun.dep_ != "conj"
        or owner is None
        or head_ent is None
        or top.dep_ not in _JOINT_HEAD_DEPS
        or not ctx.in_sentence(top)
        or owner.start - head_ent.end != 1
        or ctx.doc[head_ent.end].lower_ != "and"
    ):
        return []
    listed = [t for t in (top, *top.conjuncts) if t.i < poss.i and t.i in ctx.ent_at]
    return [ctx.ent_at[t.i] for t in listed]


def _listed_appositions(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """ "Mali, Burkina Faso and Niger": the parser may read a list of states as an
    apposition with conjuncts; a state is no apposition of another state."""
    own = ctx.ent_at.get(tok.i)
    if own is None or own.label.value != "Country":
        return []
    out: list[EntityAnnotation] = []
    for c in tok.children:
        other = ctx.ent_at.get(c.i)
        if c.dep_ != "appos" or other is None or other.label != own.label:
            continue
        if not any(g.dep_ == "cc" for g in (c, *c.conjuncts) for g in g.children):
            continue  # "Burma, (now) Myanmar": no conjunction, maybe a real apposition
        out.append(other)
        out.extend(ctx.ent_at[g.i] for g in c.conjuncts if g.i in ctx.ent_at)
    return out
