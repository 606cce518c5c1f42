"""Aid whose receiver stands outside the aid noun's own phrase (SUPPORTS, giver -> receiver).

CAMEO 07 (provide aid) and SCHEMA.md's news convention (giving loans or aid to a party is
SUPPORTS) name a giver and a receiver; news often names the receiver outside the phrase of
the aid noun, which then has no "to"/"for" party of its own:

* ``owned_aid.v1``: the possessor of an aid noun with a lender modifier receives it
  ("Peru's IMF loan", "Kenya's World Bank credit program", "Chile's Japanese loans"): the
  modifier names the lender, the possessor the one who owes or holds the aid.
* ``valued_aid.v1``: the party an aid is vital for ("Chile's support is vital for Peru",
  "Japanese aid is crucial for Laos to finish the railway").
* ``received_aid.v1``: the subject of a verb of receiving or losing receives the aid its
  object names by its giver only, directly or through a halting or change noun ("Peru
  secured Chilean aid", "Peru lost Chilean aid", "Peru won an increase in Chilean aid"), and
  so does the subject that undoes a halt of it ("Peru wants to end the suspension of Chilean
  aid"). A paused, cut or resumed aid still names the aid relation, as "Chile halted its aid
  to Peru" does (SCHEMA.md: a relation the sentence presupposes is stated and asserted,
  whatever the modality of the verb that undoes or ends it). Verbs of asking or needing make
  it hedged (SCHEMA.md: sought relations are hedged). Verbs that any party may use of another's aid
  ("welcomed", "criticized") name no receiver.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.transfers import _AID_CUE, _parties

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue

__all__ = ["aid_receivers", "received_not_given"]

# the subject receives or loses the aid ("secured Chilean aid", "lost Japanese loans")
_RECEIVING = frozenset({"receive", "get", "obtain", "win", "secure", "accept", "enjoy"}) | {
    "lose",
    "regain",
    "take",
    "borrow",
}
# the subject asks for or needs the aid: hedged ("needs Chilean aid", "seeks Japanese loans")
_ASKING = frozenset({"need", "seek", "request", "ask", "want", "solicit", "await", "expect"})
# the aid noun's own party: "Chilean aid to Peru" names its receiver itself
_OWN_RECEIVER = ("to", "for", "toward", "towards")
# the nouns of an aid's phase or amount that pass it to the verb ("the resumption of", "an
# increase in", "a tranche of"); halting nouns come from the lexicon
_PHASE_NOUNS = frozenset({"resumption", "restoration", "increase", "flow", "tranche", "release"})
_PHASE_NOUNS |= {"disbursement", "delivery", "deliveries", "share", "continuation", "return"}
_PARTY_LABELS = frozenset({"Country", "Group", "Organization"})
# what an aid is for its receiver ("Chile's support is vital for Peru")
_COPULAS = frozenset({"be", "remain", "prove", "seem"})
_VALUED = frozenset({"vital", "crucial", "key", "essential", "critical", "indispensable"}) | {
    "necessary",
    "instrumental",
    "important",
    "decisive",
}


def _givers(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """The parties an aid noun names as its givers before it: a possessive, demonym or name
    ("Chile's aid", "Chilean aid", "IMF loans"); a "from" giver ("received loans from the
    IMF", "sought loans from Japan") is the receiving or seeking verb's own reading."""
    toks = [c for c in n.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < n.i]
    return _parties(ctx.args_of(toks, strict=True))


def _own_receiver(ctx: SentenceContext, *toks: Token) -> bool:
    """Whether a "to"/"for" phrase of these tokens names a party ("Chilean aid to Peru"); an
    amount or purpose ("a loan for up to $8 billion", "aid for schools") is none."""
    objs = [o for t in toks for _, o in ctx.prep_objects(t, _OWN_RECEIVER)]
    return bool(ctx.args_of(objs, strict=False))


def _aid_word(ctx: SentenceContext, n: Token, aid: Cue) -> bool:
    return n.pos_ in _NOUN_POS and n.i not in ctx.ent_at and ctx.lemma(n) in aid.lemmas


def _owned(ctx: SentenceContext, n: Token, aid: Cue) -> list[Candidate]:
    """ "Peru's IMF loan (program)": the lender modifier supports the possessor."""
    phrase = n.head if n.dep_ == "compound" and n.head.pos_ in _NOUN_POS else n
    if _own_receiver(ctx, phrase, n):
        return []
    owners = [
        e
        for c in phrase.children
        if c.dep_ == "poss"
        for e in ctx.args(c, strict=True)
        if e.label.value in ("Country", "Group")
    ]
    if not owners:
        return []
    mods = [c for c in (*n.children, *phrase.children) if c.dep_ in ("amod", "compound", "nmod")]
    lenders = [
        e
        for e in _parties(ctx.args_of([c for c in mods if c.i < n.i], strict=True))
        if e.label.value in ("Country", "Organization")
    ]
    owner_names = {e.name for e in owners}
    lenders = [e for e in lenders if e.name not in owner_names]
    if not lenders:
        return []
    return _pairs(ctx, lenders, owners, aid, n, "owned_aid.v1", anchor=phrase)


def _receiving_verb(ctx: SentenceContext, n: Token) -> tuple[Token, str] | None:
    """The verb whose subject receives the aid noun ``n``, and how it takes the aid: "asked"
    (hedged), "presupposed" (a halt undone or aid lost: the aid stands whatever the verb's
    modality) or "received"."""
    lex = ctx.lex
    h = n
    halted = False
    if n.dep_ == "pobj" and ctx.lemma(n.head) in ("in", "of", "on") and n.head.head.i != n.i:
        outer = n.head.head
        olem = ctx.lemma(outer)
        if outer.pos_ not in _NOUN_POS or outer.i in ctx.ent_at:
            return None
        halted = olem in lex.halting_nouns
        if not halted and olem not in _PHASE_NOUNS:
            return None
        h = outer
    if h.dep_ != "dobj" or h.head.pos_ not in _VERB_POS:
        return None
    v = h.head
    if _own_receiver(ctx, h, v):
        return None  # "end the suspension of Chilean aid to Peru": the aid's own receiver
    vlem = ctx.lemma(v)
    if (halted and vlem in lex.halt_undoers) or vlem == "lose":
        return v, "presupposed"
    if vlem in _RECEIVING:
        return v, "received"
    if vlem in _ASKING:
        return v, "asked"
    return None


def _received(ctx: SentenceContext, n: Token, aid: Cue) -> list[Candidate]:
    """ "Peru secured Chilean aid", "Peru wants to end the suspension of Chilean aid"."""
    if _own_receiver(ctx, n):
        return []
    found = _receiving_verb(ctx, n)
    if found is None:
        return []
    v, how = found
    givers = _givers(ctx, n)
    if not givers:
        return []
    agents, _ = ctx.subjects(v)
    names = {e.name for e in givers}
    receivers = [
        e
        for e in ctx.args_of(agents, strict=True)
        if e.label.value in _PARTY_LABELS and e.name not in names
    ]
    # a presupposed aid is predicated by its giver's own word ("*Chilean* aid"), so the verb
    # that ends or loses it neither negates nor hedges it
    mods = [c for c in n.children if c.i < n.i and c.i in ctx.ent_at]
    anchor = (mods[0] if mods else n) if how == "presupposed" else v
    out = _pairs(ctx, givers, receivers, aid, n, "received_aid.v1", anchor=anchor)
    return [replace(c, hedge=True) for c in out] if how == "asked" else out


def _valued(ctx: SentenceContext, n: Token, aid: Cue) -> list[Candidate]:
    """ "Chile's support is vital for Peru (to secure the loan)": what the aid is vital for is
    its receiver, the "for" party of the adjective or the subject of its "for ... to" clause."""
    if n.dep_ != "nsubj" or ctx.lemma(n.head) not in _COPULAS or _own_receiver(ctx, n):
        return []
    adjs = [c for c in n.head.children if c.dep_ == "acomp" and ctx.lemma(c) in _VALUED]
    fors = [o for a in adjs for _, o in ctx.prep_objects(a, ("for",))]
    for a in [*adjs, n.head] if adjs else []:
        for clause in ctx.children(a, "advcl"):
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
                fors.extend(ctx.children(clause, "nsubj"))  # "for Peru to secure ..."
    receivers = [e for e in ctx.args_of(fors, strict=True) if e.label.value in _PARTY_LABELS]
    givers = _givers(ctx, n) + _parties(
        ctx.args_of([o for _, o in ctx.prep_objects(n, ("from",))], strict=True)
    )
    return _pairs(ctx, givers, receivers, aid, n, "valued_aid.v1", anchor=n.head)


def aid_receivers(ctx: SentenceContext) -> list[Candidate]:
    """SUPPORTS from aid nouns whose receiver is the possessor or the receiving subject."""
    aid = ctx.lex.cue(_AID_CUE)
    if aid is None or not ctx.has_lemma(aid.lemmas):
        return []
    out: list[Candidate] = []
    for n in ctx.tokens():
        if _aid_word(ctx, n, aid):
            out.extend(_owned(ctx, n, aid))
            out.extend(_received(ctx, n, aid))
            out.extend(_valued(ctx, n, aid))
    return out


def _path_to_verb(n: Token) -> set[int]:
    """The aid noun and its heads up to the first verb ("aid" -> "suspension" -> "end")."""
    out = {n.i}
    t = n
    while t.pos_ not in _VERB_POS and t.head.i != t.i and len(out) < 6:
        t = t.head
        out.add(t.i)
    return out


def received_not_given(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The receiver of an aid does not give it nor break with its giver by receiving, losing
    or unfreezing it: "Peru wants to end the suspension of Chilean aid" is Chile SUPPORTS
    Peru, not Peru SUPPORTS or BREAKS_WITH Chile on the words of that phrase."""
    received = [c for c in found if c.rule == "received_aid.v1"]
    if not received:
        return found
    drop: set[tuple[str, str, int]] = set()
    for c in received:
        for i in _path_to_verb(ctx.doc[c.trigger]):
            drop.add((c.target.name, c.source.name, i))
    return [
        c
        for c in found
        if c.type not in ("SUPPORTS", "BREAKS_WITH")
        or (c.source.name, c.target.name, c.trigger) not in drop
    ]
