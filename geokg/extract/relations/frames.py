"""Where an event noun stands: its governor, the clause that supplies its agent, its context.

The verb or preposition governing the noun ("imposed sanctions", "in support of"), the relative
clause or shared possessor that supplies its agent ("the aid which Canada sent to Ghana"), and
whether its context is positive ("Norway's support for Ukraine").
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.circumstances import CIRCUMSTANCE_PREPS, circumstance_prep, clause_of
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import (
    _COPULAS,
    _NOUN_POS,
    _VERB_POS,
    _modifier_lemmas,
    _pairs,
    _poss_fallback,
    _slot_targets,
    _Targets,
)
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token


_GOVERNING_PREPS = frozenset({"in", "into", "at", "to", "under", "on", "as"})
_NEAR = frozenset({"close", "closer", "near", "nearer"})


def near_word(tok: Token) -> bool:
    """Whether a token is "close", "closer", "near" or "nearer" as the complement or
    adverb of a verb ("are close to a deal", "edged closer to an agreement")."""
    return tok.lower_ in _NEAR and tok.dep_ in ("acomp", "oprd", "advmod")


def _undone(ctx: SentenceContext, halt: Token) -> bool:
    """Whether a halt noun is the object of a verb that undoes it ("lift the freeze on aid"):
    the halted thing is then restored, and its relation holds with that verb's subject."""
    return (
        halt.dep_ in ("dobj", "nsubjpass")
        and halt.head.pos_ in _VERB_POS
        and ctx.lemma(halt.head) in ctx.lex.halt_undoers
    )


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
            and (head.head.pos_ in _NOUN_POS or ctx.lemma(head.head) in lex.quantity_nouns)
        ):  # "$2 billion in aid": the parser may read "billion" as a number
            outer = head.head
            ol = ctx.lemma(outer)
            if (
                ol in lex.quantity_nouns
                or ol in lex.container_nouns
                or any(c.dep_ == "nummod" for c in outer.children)
                or (ol in lex.halting_nouns and _undone(ctx, outer))
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
        prep = circumstance_prep(head) or ctx.lemma(head)
        gov = clause_of(head)
        if (
            prep in ("in", "into")
            and gov.pos_ == "ADJ"
            and gov.dep_ in ("acomp", "oprd")
            and gov.head.pos_ in _VERB_POS
            and gov.lower_ in lex.involvement_states
        ):
            # "A and B remain locked in a rivalry", "Chile is embroiled in a feud with Peru":
            # the participle the parser read as an adjective says the subject takes part
            gov = gov.head
        elif prep == "to" and near_word(gov) and gov.head.pos_ in _VERB_POS:
            gov = gov.head  # "A and B are close to a deal": the subject nears it (hedged)
        if gov.pos_ in _VERB_POS:
            if prep in _GOVERNING_PREPS:
                return gov, "pobj:" + prep
            if prep in ("for", "of", "over") and ctx.children(gov, "dobj"):
                return gov, "pobj:" + prep
            if prep == "for" and (
                ctx.lemma(gov) in lex.hedge_verbs or ctx.lemma(gov) in lex.motion_verbs
            ):
                return gov, "pobj:" + prep
            if prep in CIRCUMSTANCE_PREPS:
                # "A and B signed a truce after months of fighting", "following talks with Y,
                # X said": the clause's subject took part in a mutual event (only reciprocal
                # or mutual cues read them: nouns._noun; circumstances.py)
                return gov, "pobj:" + prep
            if prep == "with" and ctx.lemma(gov) in lex.instrument_verbs:
                # "retaliated with tariffs on X": the subject wields the instrument
                return gov, "pobj:" + prep
    return None, dep


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
            if ctx.children(v, "mark"):
                continue  # "told Y in a call that X would ...": a content clause misread
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
# "relations are in a deep freeze", "... on the mend": a state, not a setting ("after the war")
_PREDICATE_PREPS = frozenset({"in", "on", "at"})
# "A-B ties sank *to* a new low", "... fell *into* crisis": where a verb takes them
_GOAL_PREPS = frozenset({"to", "into"})


def _context_words(
    ctx: SentenceContext, n: Token, gov: Token | None, via: str, cue: Cue
) -> Token | None:
    """Neutral words ("relations") count only with a modifier, governor or predicate that says
    what happens to them (``requires_context``): "closer ties", "normalize relations" for a
    partnership, "ties collapsed", "the end of A-B relations" for a rupture.

    Returns:
        The token that says it (``n`` itself for a modifier, the copula for a predicate
        adjective or phrase), or ``None``.
    """
    wanted = cue.requires_context
    if _modifier_lemmas(ctx, n) & wanted:
        return n
    if _predicate_words(ctx, n) & wanted:
        return n.head  # "A-B relations are good", "... are in a deep freeze"
    node = n
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "prep" and head.pos_ in _VERB_POS:
            break  # "broke with tradition in its relations with Y": a setting of the verb
        if node.dep_ == "prep" and ctx.lemma(node) == "over":
            break  # "cut ties with A over its ties with B": the reason, not what is cut
        if node.dep_ == "pobj" and _comma_between(ctx, head, node):
            break  # "After the collapse of the junta, A-B relations ...": a misread fronted phrase
        if node.pos_ in _VERB_POS and node.dep_ != "xcomp":
            break  # "the war ended, and A-B ties improved": another clause's predicate
        if ctx.lemma(head) in wanted:
            return head
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "conj", "xcomp", "compound"):
            node = head
            continue
        break
    if gov is not None and not via.startswith("pobj:") and ctx.lemma(gov) in wanted:
        return gov
    return None


def _predicate_words(ctx: SentenceContext, n: Token) -> set[str]:
    """What the predicate says of its subject ``n``, as lemmas (and lowercase words): a copula's
    adjective or noun ("A-B ties are *strained*", "... may grow *warmer*"), a state phrase after
    a copula ("... are in a deep *freeze*", "... at their *lowest* point"), or a verb's object
    or goal ("... hit rock *bottom*", "... sank to a new *low*", "... got a *boost*")."""
    if n.dep_ != "nsubj" or n.head.pos_ not in _VERB_POS:
        return set()
    out: set[str] = set()
    v = n.head
    copula = ctx.lemma(v) in _COPULAS
    preps = _PREDICATE_PREPS if copula else _GOAL_PREPS
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ in ("acomp", "attr") and copula:
            filled = [g for _, g in ctx.prep_objects(c, ("of",))] if c.dep_ == "acomp" else []
            if filled:  # "A-B ties are full of mistrust": what fills them says it, not "full"
                out.update(ctx.lemma(g) for g in filled)
            else:
                out.update((ctx.lemma(c), c.lower_))
        elif c.dep_ == "dobj" and not copula:
            out.add(ctx.lemma(c))
            out.update(ctx.lemma(a) for a in c.children if a.dep_ == "amod")
        elif c.dep_ == "prep" and ctx.lemma(c) in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.add(ctx.lemma(g))
                    out.update(ctx.lemma(a) for a in g.children if a.dep_ == "amod")
    return out


def _head_noun(ctx: SentenceContext, n: Token) -> Token | None:
    """The event noun a noun is the ``of``/``in`` object of: "the *collapse* of A-B ties",
    "a *rupture* in relations", "the *end* of the relationship"."""
    h = n.head
    if (
        n.dep_ == "pobj"
        and h.dep_ == "prep"
        and ctx.lemma(h) in ("of", "in")
        and h.head.pos_ in _NOUN_POS
        and h.head.i < n.i
        and not _comma_between(ctx, h, n)
    ):
        return h.head
    return None


def _comma_between(ctx: SentenceContext, a: Token, b: Token) -> bool:
    """Whether a comma separates two tokens (a preposition and the object the parser gave it)."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == "," for t in ctx.doc[lo + 1 : hi])


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


def _located_elsewhere(ctx: SentenceContext, n: Token) -> bool:
    """ "the war *in Somalia*", "the fighting in the Sahel": an event noun placed by an "in"
    phrase naming an entity is a particular conflict of that place, so the coordinated
    subjects taking part in it ("A and B are involved in the war in Somalia") are not its
    two sides. "A and B fought a war in Kashmir", "held talks in Seoul" say where their own
    event took place, and are not asked."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in n.children):
        return False
    for _, obj in ctx.prep_objects(n, {"in", "inside"}):
        if obj.i in ctx.ent_at or ctx.args(obj):
            return True
    return False


def _named_body(ctx: SentenceContext, n: Token) -> bool:
    """A joint-body noun that is the head of a proper name ("the Kenya-Japan Business
    Council"): an organization named after the pair, not a body the two share. A Title
    Case headline is parsed in sentence case, so only a name keeps its capitals there."""
    return (
        n.i > ctx.start
        and n.tag_ in ("NNP", "NNPS")
        and n.text[:1].isupper()
        and any(
            c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") and c.i not in ctx.ent_at
            for c in n.children
        )
    )


def _onset_between(ctx: SentenceContext, n: Token, cue: Cue, lem: str) -> list[Token]:
    """The "between" pair of the verb a mutual event noun is the subject of, where the
    parser hangs it ("war broke out between A and B", "clashes erupted between A and B",
    "tensions rose between A and B"): the pair whose event it is. A verb with an object of
    its own ("the dispute hurt trade between A and B") keeps its pair."""
    if (
        n.dep_ != "nsubj"
        or n.head.pos_ not in _VERB_POS
        or not (cue.mutual or cue.reciprocal)
        or any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in n.head.children)
    ):
        return []
    return _slot_targets(ctx, n.head, cue, lem).between


def _hyphen_joined(ctx: SentenceContext, toks: list[Token]) -> list[EntityAnnotation]:
    """The entities named by ``toks`` that a hyphen joins to another one ("U.S.-Japan", also
    inside one token: "U.K.-U.S.")."""
    doc = ctx.doc
    at = {t.i for t in toks}
    ordered = sorted(
        (e for e in ctx.entities if any(i in at for i in range(e.start, e.end))),
        key=lambda e: (e.start, e.end),
    )
    keep: dict[str, EntityAnnotation] = {}
    for a, b in pairwise(ordered):
        if a.name == b.name:
            continue
        apart = b.start == a.end + 1 and doc[a.end].text == "-"
        one_token = (a.start, a.end) == (b.start, b.end) and "-" in doc[a.start].text
        if apart or one_token:
            keep.setdefault(a.name, a)
            keep.setdefault(b.name, b)
    return list(keep.values())
