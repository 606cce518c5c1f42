"""The markers on one word, and the constructions that turn a negation around.

:func:`own_markers` reads what a word's own dependents say of its predication: negation,
hedging modals and adverbs, reporting adverbs, conditions. The modality walk of
:mod:`~geokg.extract.relations.attributes` calls it on every word whose markers reach the
relation. The constructions below are where the plain count of negators goes wrong
(SCHEMA.md "Properties": ``negated``):

* a negated linking verb with a bare comparative is a superlative claim, not a denial:
  "relations have never been better", "ties could not be closer", "has never looked stronger"
  (with a ``than``/``as`` standard it is a plain negation: "no better than before");
* "not without" cancels: a negation on a word that also carries a ``without`` phrase
  negates the phrase ("support that is not without limits", "did not leave without meeting");
* "has yet to / is yet to / has still to V": not (yet) done;
* negating adverbials before a gerund or clause: "far from V-ing", "instead of V-ing",
  "stopped short of V-ing", "rather than V" (the word pairs are ``polarity.adverbials``);
* a gerund object read as an adverbial clause: "ruled out recognizing X";
* a denied sign of an act: "there is no evidence that X armed Y", "found no sign that",
  "did not find any proof that" (the author's denial: negated; ``polarity.evidence_nouns``);
* "neither ... nor": on the predicate ("neither backed nor opposed") or on an argument
  ("Neither A nor B recognized C", "recognized neither A nor B").

The word lists are ``lexicon.json`` → ``polarity`` and the shared negator and hedge lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geokg.extract.relations.subjects import climbs_to

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "adverbial_clause",
    "argument_negated",
    "contrasted_conjunct",
    "copula_predicate",
    "degree_idiom",
    "denied_evidence",
    "extraposed",
    "gerund_object",
    "negated_here",
    "negating_adverbial",
    "not_yet",
    "own_markers",
]

_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
# "no longer", "no more", "not anymore": the negation hangs on the adverb
_NO_LONGER = frozenset({"long", "longer", "more", "anymore"})
_COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
# the standard of a comparison: "no better than before", "not as close as"
_STANDARDS = frozenset({"than", "as"})
# clause-level modifiers a predicate's negation does not reach through
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos"})


def negated_here(tok: Token) -> bool:
    """Whether a word carries a negator of its own ("not", "never", "no longer")."""
    return any(
        c.dep_ == "neg"
        or c.lower_ in ("no", "never")
        or (c.dep_ == "advmod" and c.lower_ in _NO_LONGER and negated_here(c))
        for c in tok.children
    )


def _bare_comparative(tok: Token) -> bool:
    """A comparative with no standard of comparison: "better", "closer", "more united"."""
    if tok.lower_ in _NO_LONGER:
        return False  # "is no longer an ally"
    comparative = tok.tag_ in _COMPARATIVE_TAGS or any(
        c.dep_ == "advmod" and c.lower_ == "more" for c in tok.children
    )
    return comparative and not any(c.lower_ in _STANDARDS for c in tok.subtree if c.i > tok.i)


def degree_idiom(ctx: SentenceContext, tok: Token) -> bool:
    """A negated linking verb whose predicate is a bare comparative ("have never been
    better", "could not be closer", "could hardly be stronger"): the negation claims the
    highest degree, it denies nothing."""
    if ctx.lemma(tok) not in ctx.lex.degree_verbs:
        return False
    if not negated_here(tok) and not any(
        c.dep_ == "advmod" and ctx.lemma(c) in ctx.lex.neg_adverbs for c in tok.children
    ):
        return False
    if any(c.lower_ in _STANDARDS for c in tok.children):
        return False
    return any(c.dep_ in _PREDICATE_DEPS and _bare_comparative(c) for c in tok.children)


def _without_adjunct(ctx: SentenceContext, tok: Token, came_from: Token | None) -> bool:
    """``tok`` carries a "without" phrase other than the one the walk came through."""
    return any(
        c.dep_ == "prep" and ctx.lemma(c) == "without" and (came_from is None or c.i != came_from.i)
        for c in tok.children
    )


def own_markers(
    ctx: SentenceContext,
    tok: Token,
    *,
    hedge_ok: bool,
    neg_ok: bool,
    came_from: Token | None = None,
) -> tuple[int, bool, bool, bool]:
    """Markers that are children of ``tok``: (negations, hedged, reported, hypothetical).

    Args:
        ctx: The sentence.
        tok: The word whose dependents are read.
        hedge_ok: Modals and hedging adverbs count.
        neg_ok: Negators count.
        came_from: The child the modality walk climbed from (its "without" is on the path).
    """
    lex = ctx.lex
    neg = 0
    hedged = reported = hyp = False
    idiom = degree_idiom(ctx, tok)
    if idiom or _without_adjunct(ctx, tok, came_from):
        # "have never been closer", "is not without limits"; "will not talk without
        # guarantees" talks only on a condition
        hyp = (
            not idiom
            and negated_here(tok)
            and any(c.dep_ == "aux" and ctx.lemma(c) in lex.hedge_modals for c in tok.children)
        )
        neg_ok = False
    if neg_ok and not_yet_here(ctx, tok):
        neg += 1
    for c in tok.children:
        dep = c.dep_
        lem = ctx.lemma(c)
        if (
            dep == "neg"
            or (dep == "det" and lem == "no")
            or (dep == "advmod" and lem in lex.neg_adverbs)
            or (dep == "advmod" and lem in _NO_LONGER and negated_here(c))
            or (dep == "preconj" and lem in lex.neither_words)
        ):
            if neg_ok:
                neg += 1
        elif dep == "aux" and lem in lex.hedge_modals:
            if (
                hedge_ok
                and not (lem == "can" and negated_here(tok))
                and not (idiom and lem in ("can", "could", "would"))
            ):
                hedged = True  # "could not be closer" is no hedge
        elif (dep in ("advmod", "amod") and lem in lex.hedge_adverbs) or (
            dep == "amod"
            and (lem in lex.hedge_adjectives or c.lower_ in lex.hedge_adjectives)
            and tok.pos_ in _NOUNS
        ):  # "planned" (lemma "plan"), "proposed", "upcoming"
            if hedge_ok:
                hedged = True
        elif (dep == "advmod" and lem in lex.report_adverbs) or (dep == "prep" and lem == "accord"):
            reported = True
        elif dep == "mark" and lem in lex.hypothetical_marks:
            hyp = True
        elif (
            dep == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in lex.condition_marks for m in c.children)
            and ctx.lemma(tok) not in lex.report_verbs
            and ctx.lemma(tok) not in lex.threat_words
            and c.i not in ctx.threat_conditions
        ):
            # "would meet X if she granted them a seat", "will strike unless": a conditional
            # act; "warned Y of consequences if ..." conditions what is said, not the saying,
            # and a threat's condition is the threat's ("will strike if Y ...")
            hyp = True
    return neg, hedged, reported, hyp


def copula_predicate(ctx: SentenceContext, cop: Token) -> tuple[int, bool]:
    """What a copula's adjective says of its subject's event, or of the clause it
    extraposes: ``(negations, hedged)``. "A deal with X is likely / unlikely", "It is
    possible that ...", "a truce remains elusive", "is far off" hedge; "It is not true that
    ..." ("untrue", "false") denies."""
    lex = ctx.lex
    neg = 0
    hedged = False
    for c in cop.children:
        if c.dep_ == "advmod" and c.lower_ in lex.doubted_predicates:
            hedged |= any(g.lower_ == "far" for g in c.children)  # "is far off"
        if c.dep_ not in ("acomp", "oprd"):  # "appears doubtful" is parsed as a predicate
            continue
        lem = ctx.lemma(c)
        if lem in lex.hedge_adjectives or lem in lex.doubted_predicates:
            hedged = True
        if lem in lex.predicate_negators:
            neg += 1
    return neg, hedged


def extraposed(ctx: SentenceContext, clause: Token) -> bool:
    """A "that"-clause extraposed after "it is ADJ" ("It is unlikely that X will ...")."""
    cop = clause.head
    return (
        clause.dep_ == "ccomp"
        and ctx.lemma(cop) in ("be", "seem", "appear", "look", "remain")
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in cop.children)
        and any(c.dep_ == "acomp" for c in cop.children)
        and not any(ctx.lemma(m) in ctx.lex.question_marks for m in ctx.children(clause, "mark"))
    )


def not_yet(ctx: SentenceContext, head: Token) -> bool:
    """ "has yet to recognize", "is yet to sign", "has still to ratify": the control verb of
    an infinitive that is not (yet) done. With an adverb before "yet" ("has reportedly still
    to ratify") the parser may make the adverb "still" the head, "has" its auxiliary."""
    lex = ctx.lex
    if ctx.lemma(head) in lex.not_yet_verbs:
        return any(c.dep_ == "advmod" and c.lower_ in lex.not_yet_adverbs for c in head.children)
    return head.lower_ in lex.not_yet_adverbs and _not_yet_aux(ctx, head, head.i)


def _not_yet_aux(ctx: SentenceContext, tok: Token, before: int) -> bool:
    """Whether ``tok`` has "has"/"is" as an auxiliary before position ``before``."""
    return any(
        c.dep_ == "aux" and c.i < before and ctx.lemma(c) in ctx.lex.not_yet_verbs
        for c in tok.children
    )


def not_yet_here(ctx: SentenceContext, tok: Token) -> bool:
    """ "has reportedly yet to recognize": an adverb between "has" and "yet" makes the parser
    hang "has", "yet" and "to" all on the infinitive, which is then not (yet) done."""
    if tok.tag_ != "VB":
        return False
    adverbs = [
        c for c in tok.children if c.dep_ == "advmod" and c.lower_ in ctx.lex.not_yet_adverbs
    ]
    return any(
        _not_yet_aux(ctx, tok, a.i)
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i > a.i for c in tok.children)
        for a in adverbs
    )


def negating_adverbial(ctx: SentenceContext, word: Token) -> bool:
    """A connective that with its adverb denies what it governs: "far *from* supporting",
    "stopped short *of* recognizing", "*instead* of sanctioning", "rather *than* attack".
    The adverb is the connective's head or its modifier (the parser does both)."""
    pairs = ctx.lex.negating_adverbials
    lem = ctx.lemma(word)
    return lem in pairs.get(ctx.lemma(word.head), ()) or any(
        c.dep_ == "advmod" and lem in pairs.get(ctx.lemma(c), ()) for c in word.children
    )


def denied_evidence(ctx: SentenceContext, clause: Token) -> tuple[int, Token] | None:
    """A content clause on a denied evidence noun: "there is *no evidence* that X armed Y",
    "found *no sign* that", "did *not* find any *proof* that", "it is *not* the *case* that"
    (a relative clause, "no evidence that X gathered", is not its content). The walk goes on
    at the noun's verb, whose own markers apply ("said there was no evidence": reported):
    ``(the noun's own negation, the verb)``; ``None`` for any other clause."""
    noun = clause.head
    if clause.dep_ == "ccomp" and (sign := _denying_subject(ctx, noun)) is not None:
        return sign
    verb = noun.head
    if ctx.lemma(noun) not in ctx.lex.evidence_nouns or verb.pos_ not in _VERBS:
        return None
    if noun.dep_ not in ("attr", "dobj", "nsubj", "nsubjpass"):
        return None
    # the parser reads some content clauses as relative ones: "it is not the case that X ..."
    # or, with no "that", when the clause lacks no object ("no proof X attacked Y", where
    # "no proof X gathered" is a relative clause)
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    if clause.dep_ != "acl" and not (clause.dep_ == "relcl" and (marked or _whole(clause))):
        return None
    if any(
        c.tag_ in ("WDT", "WP") or (c.lower_ == "that" and c.dep_ != "mark")
        for c in clause.children
    ):
        return None
    if clause.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") for c in clause.children
    ):
        return None  # "evidence showing ...", "evidence gathered by ..."
    own = any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in noun.children)
    return (1, verb) if own else ((0, verb) if negated_here(verb) else None)


def _whole(clause: Token) -> bool:
    """A clause with its subject and its object in place: no relative gap."""
    deps = {c.dep_ for c in clause.children}
    return "nsubj" in deps and "dobj" in deps


def _denying_subject(ctx: SentenceContext, verb: Token) -> tuple[int, Token] | None:
    """A verb of showing whose subject is a denied evidence noun or "nothing": "*no
    evidence* suggests that X armed Y", "*nothing* shows that" (the author's denial):
    ``(1, the verb)``; ``None`` otherwise."""
    if ctx.lemma(verb) not in ctx.lex.evidence_verbs or negated_here(verb):
        return None
    for subj in ctx.children(verb, "nsubj"):
        if subj.lower_ == "nothing" or (
            ctx.lemma(subj) in ctx.lex.evidence_nouns
            and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
        ):
            return 1, verb
    return None


def _object_predicate(word: Token) -> Token | None:
    """The verb of an object complement the parser read as the object's apposition: "did
    not call Peru its ally", "has never considered Chile a partner" (no comma between: with
    one, "attacked Peru, its ally", the apposition is presupposed)."""
    obj = word.head
    if word.dep_ != "appos" or obj.dep_ not in ("dobj", "oprd") or obj.head.pos_ not in _VERBS:
        return None
    if word.i < obj.i or any(t.is_punct for t in word.doc[obj.i + 1 : word.left_edge.i]):
        return None
    return obj.head


def gerund_object(ctx: SentenceContext, clause: Token, verb: Token) -> bool:
    """A gerund the parser hung as an adverbial clause on a verb that denies it, where it is
    the verb's object: "ruled out recognizing X", "has avoided criticizing X" (not a
    participle after a comma or with its own object before it: "rejected the plan, saying")."""
    if clause.tag_ != "VBG" or clause.i < verb.i or ctx.lemma(verb) not in ctx.lex.neg_verbs:
        return False
    if any(c.dep_ in ("mark", "nsubj") for c in clause.children):
        return False
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children):
        return False
    return not any(t.is_punct for t in verb.doc[verb.i + 1 : clause.left_edge.i])


def adverbial_clause(ctx: SentenceContext, word: Token) -> tuple[int, Token] | None:
    """Where the modality walk goes from a negating adverbial or a "without" phrase on a
    verb: ``(negations, the clause's verb)``; ``None`` for any other word. "stopped short
    of recognizing" climbs to "stopped" with one negation ("without" counted at its object).
    An object complement read as an apposition climbs to its verb ("did not call X its
    ally"), a clause on a denied evidence noun to the noun's verb (:func:`denied_evidence`)."""
    head = word.head
    if (verb := _object_predicate(word)) is not None:
        return 0, verb
    if (sign := denied_evidence(ctx, word)) is not None:
        return sign
    adverbial = word.dep_ in ("prep", "cc") and negating_adverbial(ctx, word)
    if not adverbial and not (
        word.dep_ == "prep" and ctx.lemma(word) == "without" and head.pos_ in _VERBS
    ):
        return None
    gov = head.head if ctx.lemma(head) in ctx.lex.negating_adverbials else head
    for _ in range(3):
        if gov.pos_ in _VERBS or gov.head.i == gov.i:
            break
        gov = gov.head
    return (1 if adverbial else 0), gov


def contrasted_conjunct(ctx: SentenceContext, head: Token, conj: Token) -> bool:
    """A conjunct after "nor" or a negating connective: "neither backed *nor* opposed",
    "chose to negotiate *rather than* sanction"."""
    return any(
        c.dep_ == "cc" and c.i < conj.i and (c.lower_ == "nor" or negating_adverbial(ctx, c))
        for c in head.children
    )


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def argument_negated(ctx: SentenceContext, anchor: Token, ends: Sequence[EntityAnnotation]) -> int:
    """Negations an argument brings to its predicate: "*Neither* A nor B recognized C",
    "recognized *neither* A nor B". Counted where the argument's clause is the predicate's
    own (not a relative clause on the way: "Neither A, which backs B, nor C ...")."""
    count = 0
    words = ctx.lex.neither_words
    for ent in ends:
        first = _first_conjunct(ctx.root_of(ent))
        if not any(c.dep_ in ("det", "preconj") and c.lower_ in words for c in first.children):
            continue
        gov = first.head
        while gov.dep_ in ("prep", "agent") or gov.pos_ == "ADP":
            if gov.head.i == gov.i:
                break
            gov = gov.head
        if climbs_to(anchor, gov, stop_deps=_CLAUSE_DEPS):
            count += 1
    return count
