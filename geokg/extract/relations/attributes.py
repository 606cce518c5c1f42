"""Negation and modality of a relation mention (SCHEMA.md "Properties").

The modality walk starts at the relation's predicate (the cue verb, or the nominal cue) and
climbs the dependency tree to the root, collecting markers on the way:

* through control complements (``xcomp``: "declined to meet", "seeks to isolate") every marker
  of the governing word applies: negation, modals, hedging and reporting verbs;
* through clausal complements (``ccomp``) and adverbial clauses (``advcl``) only the *outer*
  modalities pass: reporting ("Lima claims Santiago shelled ...") and hypotheticals ("if",
  "whether"); the governing clause's own "not" or "will" does not;
* a party's own denial or claim is reported ("denied arming", "claims to have shot down");
  denying a claim noun negates its content ("dismissed allegations that it armed ..."),
  while the claim itself was made ("rejected Peru's accusations against Chile" keeps Peru's
  criticism asserted); only the author's own denial is asserted (SCHEMA.md "modality");
* a nominal argument of a light verb ("did not sign a deal", "will impose sanctions") takes the
  verb's markers; a nominal argument of any other predicate is presupposed ("Canada would
  need to end its support for Haiti") and the walk stops: the relation is asserted.

Precedence when markers stack: hypothetical > reported > hedged > asserted (outermost wins).
Negation counts parity ("did not decline to meet" is not negated).

Markers and the constructions that turn a negation around: :mod:`.polarity`; quoted speech
(reported): :mod:`.speech`; quotation marks and year: :mod:`.surface`; time and setting phrases
("After meeting X, Y said ..." is asserted): :mod:`.circumstances`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.allegations import denied_in_apposition, object_claim
from geokg.extract.relations.circumstances import circumstance
from geokg.extract.relations.headlines import headline_future
from geokg.extract.relations.polarity import (
    adverbial_clause,
    argument_negated,
    contrasted_conjunct,
    copula_predicate,
    extraposed,
    gerund_object,
    negated_here,
    not_yet,
    own_markers,
)
from geokg.extract.relations.presupposed import demanded_halt, presupposed_object, presupposed_step
from geokg.extract.relations.speech import own_statement, sentence_attribution
from geokg.extract.relations.subjects import is_purpose_clause, rather_than
from geokg.extract.relations.syntax import SentenceContext
from geokg.schema import Modality, RelationType

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation

__all__ = ["Assessment", "assess"]


_NOUNS = frozenset({"NOUN", "PROPN"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "look"})
_VERBS = frozenset({"VERB", "AUX"})
_ARG_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "npadvmod",
                       "dative", "agent", "prep", "pcomp", "compound", "amod", "poss", "nmod",
                       "acomp", "csubj"})  # fmt: skip
# hedge verbs that hedge only in the progressive ("going to", "is negotiating a deal")
_PROGRESSIVE_ONLY = frozenset({"go", "negotiate"})


class Assessment:
    """The outcome of the modality walk.

    Attributes:
        negated: Odd number of negations on the relation's predication.
        modality: The outermost modality.
        suppressed: The relation is the content of a threat ("threatened to cut ties"): not
            annotated (the THREATENS relation is).
    """

    __slots__ = ("modality", "negated", "suppressed")

    def __init__(self, negated: bool, modality: Modality, suppressed: bool = False) -> None:
        self.negated = negated
        self.modality = modality
        self.suppressed = suppressed


_SUPPRESSED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "acl", "relcl-none", "attr"})
_GOVERNING_PREPS = frozenset({"in", "into", "at", "to", "for", "under", "on", "upon", "from",
                              "with", "of", "against", "toward", "towards"})  # fmt: skip
# prepositions whose object is an argument of any verb ("intervene in support of")
_ARGUMENT_PREPS = frozenset({"in", "into", "at", "under"})


class _Step:
    __slots__ = ("apply_head", "hedged", "hyp", "neg", "outer", "reported", "suppressed")

    def __init__(self) -> None:
        self.neg = 0
        self.hedged = False
        self.reported = False
        self.hyp = False
        self.outer = False
        self.apply_head = False
        self.suppressed = False


def _step(
    ctx: SentenceContext,
    cur: Token,
    head: Token,
    hl: str,
    dep: str,
    full: bool,
    intent_ok: bool,
    threat_ok: bool = False,
    presup: bool = False,
) -> _Step | None:
    """What climbing from ``cur`` to its head adds; ``None`` where the walk stops
    (the relation is presupposed by the predicate above it)."""
    lex = ctx.lex
    st = _Step()
    if (seen := circumstance(ctx, cur, head)) is not None:  # "After meeting X, Y said ..."
        st.outer, st.hedged, st.reported = True, full and intent_ok and seen[0], seen[1]
        return st
    hpos = head.pos_
    # "is going to attack" hedges; "the rule goes for its alliance too" does not
    hedge_verb = hl in lex.hedge_verbs and (hl not in _PROGRESSIVE_ONLY or head.tag_ == "VBG")
    # a participle read as an adjective of intent: "is poised to invade", "is supposed to"
    hedge_verb |= head.tag_ == "VBN" and head.lower_ in lex.hedge_adjectives
    if threat_ok and hl in lex.threat_words and dep in ("dobj", "prep", "xcomp"):
        # "threatened tariffs on X", "the threat of sanctions on X": a named penalty is stated,
        # hedged (SCHEMA.md news conventions); other threatened clauses stay suppressed below
        st.hedged = True
        st.apply_head = True
        return st
    marks = ctx.children(cur, "mark")  # a question, or the demander's role ("As a member ...")
    kept = ctx.lemma(cur) == "as" or any(ctx.lemma(m) in lex.question_marks for m in marks)
    if full and hl in lex.suppressors and dep in _SUPPRESSED_DEPS and not kept:
        # the content of a threat, demand or call is not stated ("threatened to cut ties")
        st.suppressed = True
        return st
    if any(ctx.lemma(m) in lex.hypothetical_marks for m in marks):
        st.hyp = True
    if dep == "ccomp" and extraposed(ctx, cur):
        # "It is unlikely that X will back Y", "It is not true that X armed Y"
        n, h = copula_predicate(ctx, head)
        st.neg += n if full else 0
        st.hedged = full and intent_ok and h
        st.apply_head = True
        return st
    # "has not ruled out sanctions": the act is left open
    st.hedged = full and intent_ok and hl in lex.open_possibility_verbs and negated_here(head)
    if dep == "xcomp" or (dep == "ccomp" and hpos == "ADJ"):
        if hl in lex.suppressors and not presup:  # presup: "urged X to end its aid"
            st.suppressed = True
            return st
        if full and (hl in lex.neg_verbs or hl in lex.neg_adjectives or not_yet(ctx, head)):
            st.neg += 1
        # "is expected to", "is likely to" predict: they hedge stances too (not only aims)
        epistemic = hl in lex.epistemic_words or head.lower_ in lex.epistemic_words
        if full and (intent_ok or epistemic) and (hedge_verb or hl in lex.hedge_adjectives):
            st.hedged = True
        if hl in lex.report_verbs and hl not in lex.factive_verbs and ctx.is_passive(head):
            st.reported = True  # "is said to have bombed"
        if hl in lex.claiming_control:
            st.reported = True  # "denied arming", "claims to have shot down": its own claim
        st.apply_head = True
        return st
    claimed = dep in ("ccomp", "advcl") and object_claim(ctx, cur, head)  # "denied X's claim that"
    if dep in ("ccomp", "parataxis", "csubj") or claimed:
        if dep == "ccomp" and denied_in_apposition(ctx, cur, head):
            return None  # "X accused Y of ..., a charge Y denied": the accusation is stated
        if (hl in lex.report_verbs or claimed) and hl not in lex.factive_verbs:
            st.reported = True
            if hl in lex.denial_verbs and full and not negated_here(head):
                st.neg += 1  # "did not deny that it had armed ...": no denial
        elif full and intent_ok and hedge_verb:
            st.hedged = True
        st.outer = True
        return st
    if dep == "advcl" and full and gerund_object(ctx, cur, head):
        st.neg, st.apply_head = 1, True  # "ruled out recognizing X": what is ruled out
        return st
    if dep == "advcl":
        if full and rather_than(ctx, cur):
            st.neg += 1  # "negotiated rather than attack", "instead of attacking"
        if full and intent_ok and is_purpose_clause(cur):
            st.hedged = True  # a purpose clause: "moved troops to encircle Kyiv" is intended
        st.outer = True
        return st
    if dep in ("relcl", "acl"):
        if hpos in _NOUNS or hpos == "PRON":
            if dep == "acl" and cur.tag_ == "VBG" and hl in lex.speech_documents:
                return st  # "issued a report accusing X": the document is the speech act
            if hl in lex.report_nouns:
                st.reported = st.outer = True
                return st
            if hl in lex.suppressors and full:
                st.suppressed = True
                return st
            if full and hl in lex.neg_nouns:
                st.neg += 1
                return st
            if hl in lex.hedge_nouns:
                st.hedged |= full and intent_ok
                return st
        return None
    if dep in ("prep", "agent"):
        pl = ctx.lemma(cur)
        if hpos in _VERBS:
            if hl in lex.report_verbs and hl not in lex.factive_verbs and hl not in lex.light_verbs:
                st.reported = True  # "accused Russia of bombing ..."
                st.outer = True
                return st
            if (
                pl == "for"
                and hl in lex.motion_verbs
                and any(
                    c.dep_ in ("prep", "advmod")
                    and ctx.lemma(c) in ("to", "in", "into", "at", "here", "there", "home")
                    for c in head.children
                )
            ):
                # "return to Geneva for talks": the purpose of the trip, intended
                if full and intent_ok:
                    st.hedged = True
                st.apply_head = True
                return st
            if pl in _GOVERNING_PREPS and (
                hl in lex.light_verbs
                or hl in lex.negating_object_verbs
                or hedge_verb
                or hl in lex.neg_verbs
                or pl in _ARGUMENT_PREPS
            ):
                if full and (hl in lex.negating_object_verbs or hl in lex.neg_verbs):
                    st.neg += 1
                if full and intent_ok and hedge_verb:
                    st.hedged = True
                st.apply_head = True
                return st
            return None
        if hpos in _NOUNS:
            if hl in lex.report_nouns:
                st.reported = st.outer = True
                return st
            if (hl in lex.container_nouns or hl in lex.quantity_nouns) and pl in ("of", "on", "in"):
                st.hedged = full and intent_ok and hl in lex.hedge_nouns  # "the prospect of war"
                return st  # "a charter of cooperation", "euros of aid": the container's predicate
            if full and hl in lex.neg_nouns:
                st.neg += 1
                return st
            if hl in lex.hedge_nouns:
                st.hedged |= full and intent_ok
                return st
            return None
        if hpos == "ADJ":
            if full and hl in lex.neg_adjectives:
                st.neg += 1
            elif full and intent_ok and hl in lex.hedge_adjectives:
                st.hedged = True
            st.apply_head = True
            return st
        return None
    if dep in _ARG_DEPS and hpos in _VERBS:
        denied_claim = hl in lex.denial_verbs and ctx.lemma(cur) in lex.report_nouns
        if (
            dep in ("dobj", "nsubjpass")
            and full
            and ctx.lemma(cur) in lex.report_nouns
            and (denied_claim or hl in lex.rejection_verbs)
        ):
            # "rejected Peru's accusations against Chile": the accusation was made; what a
            # party rejects is what it claims (presupposed, still reported above)
            st.outer = True
            return st
        if dep == "dobj" and not full and denied_claim:
            # "denied claims that it had armed ...": the claimed content, denied (the claim
            # noun itself, "rejected Israel's accusations", is reached in full mode: kept)
            st.neg += 0 if negated_here(head) else 1
            st.reported = True
            st.outer = True
            return st
        # "abandoned its plan to buy ...": an abandoned plan is not carried out (negated),
        # while "abandoned its support for" presupposes the support
        dropped_aim = hl in lex.negating_object_verbs and ctx.lemma(cur) in lex.hedge_nouns
        if dep in ("dobj", "nsubjpass") and hl in lex.presupposing_verbs and not dropped_aim:
            # "pledged to continue food aid", "lift the ban on": presupposed, but the
            # whole may still be reported
            st.outer = True
            return st
        if (
            dep in ("dobj", "attr", "oprd", "nsubjpass", "dative", "acomp")
            and hl in lex.light_verbs
        ) or (
            dep in ("dobj", "attr", "oprd")
            and (hl in lex.negating_object_verbs or hedge_verb or hl in lex.neg_verbs)
        ):
            if full and (hl in lex.negating_object_verbs):
                st.neg += 1
            if full and intent_ok and hedge_verb:
                st.hedged = True
            st.apply_head = True
            return st
        if (
            dep == "nsubj"
            and hl in _COPULAS
            and not any(
                c.dep_ in ("attr", "acomp") and c.i != cur.i
                for c in head.children
                if c.pos_ == "VERB"
            )
        ):
            # "the rivalry ... may be a lasting feature": the copula's modals apply, and
            # its adjective ("a deal with X is likely", "an alliance is unlikely"; "reports
            n, h = copula_predicate(ctx, head)  # that X armed Y are false" deny the content)
            st.neg += n if full or ctx.lemma(cur) in lex.report_nouns else 0
            st.hedged = full and intent_ok and h
            st.apply_head = True
            return st
        if dep == "dobj" and hl in lex.report_verbs and hl not in lex.factive_verbs:
            st.reported = st.outer = True
            return st
        return None
    if dep in ("acomp", "attr") and hpos == "ADJ":
        st.apply_head = True
        return st
    return None


def assess(
    ctx: SentenceContext,
    anchor: Token,
    rtype: RelationType,
    *,
    structural: bool = False,
    ends: Sequence[EntityAnnotation] = (),
) -> Assessment:
    """Negation and modality of the relation predicated at ``anchor``.

    Args:
        ctx: The sentence.
        anchor: The predicate token of the relation (verb, nominal or adjective cue).
        rtype: The relation type (stance types are not hedged by aims and efforts).
        structural: LEADS/MEMBER_OF: never hedged.
        ends: The relation's source and target ("*Neither* A nor B recognized C").

    Returns:
        The assessment.
    """
    if anchor.dep_ == "mark" and anchor.head.i in ctx.threat_conditions:
        return Assessment(False, Modality.ASSERTED)  # the threat itself (conditionals.py)
    lex = ctx.lex
    intent_ok = not structural and rtype not in lex.hedge_exempt_types
    threat_ok = not structural and rtype in lex.threat_content_types
    modal_ok = not structural
    neg_count = argument_negated(ctx, anchor, ends)
    hedged = reported = hyp = False

    n, h, r, y = own_markers(ctx, anchor, hedge_ok=modal_ok, neg_ok=True)
    neg_count += n
    hedged |= h
    reported |= r
    hyp |= y
    mode = "full"  # full: every marker applies; outer: only reported/hypothetical
    cur = anchor
    steps = 0
    while cur.head.i != cur.i and steps < 40:
        steps += 1
        dep = cur.dep_
        head = cur.head
        hl = ctx.lemma(head)
        full = mode == "full"
        if dep in ("pobj", "pcomp") and (head.pos_ == "ADP" or head.dep_ in ("prep", "agent")):
            if hl in ("without", "instead") and full:
                neg_count += 1
            cur = head
            continue
        if dep == "compound" and not structural and hl in lex.container_nouns:
            cur = head  # "a trade deal": the compound shares its head noun's predication
            continue
        climbed = adverbial_clause(ctx, cur)
        if climbed is not None:
            # "far from supporting", "stopped short of", "left without meeting": the clause
            # the adverbial modifies lends its own markers ("did not leave without meeting")
            came, cur = cur, climbed[1]
            neg_count += climbed[0] if full else 0
            n, h, r, y = own_markers(
                ctx, cur, hedge_ok=modal_ok and full, neg_ok=full, came_from=came
            )
            neg_count += n
            hedged |= h
            reported |= r
            hyp |= y
            continue
        if dep == "conj":
            if full and contrasted_conjunct(ctx, head, cur):
                neg_count += 1  # "neither backed nor opposed", "negotiate rather than attack"
            if (
                head.pos_ in _VERBS
                and cur.pos_ in _VERBS
                and not any(c.dep_ == "aux" for c in cur.children)
            ):
                # shared auxiliaries: "will attack and annex"
                _, h, _, _ = own_markers(ctx, head, hedge_ok=modal_ok and full, neg_ok=False)
                hedged |= h
            cur = head
            continue
        step = (
            None
            if (full and demanded_halt(ctx, cur, head)) or presupposed_step(ctx, cur, head, rtype)
            else _step(ctx, cur, head, hl, dep, full, intent_ok, threat_ok, mode == "presup")
        )
        if step is None:
            mode = "block"
            break
        if step.suppressed:
            return Assessment(False, Modality.ASSERTED, suppressed=True)
        neg_count += step.neg
        hedged |= step.hedged
        reported |= step.reported
        hyp |= step.hyp
        if step.outer and mode != "presup":
            mode = "presup" if presupposed_object(ctx, cur, head) else "outer"
        cur = head
        n, h, r, y = own_markers(
            ctx,
            cur,
            hedge_ok=modal_ok and mode == "full" and step.apply_head,
            neg_ok=mode == "full" and step.apply_head,
        )
        neg_count += n
        hedged |= h
        reported |= r
        hyp |= y
    r, y = sentence_attribution(ctx, anchor, cur, blocked=mode == "block", structural=structural)
    reported = (reported or r) and not own_statement(ctx, anchor, ends, symmetric=rtype.symmetric)
    hyp |= y
    hedged |= intent_ok and headline_future(ctx, anchor)  # "Chile to attack Peru"
    if hyp:
        modality = Modality.HYPOTHETICAL
    elif reported:
        modality = Modality.REPORTED
    elif hedged:
        modality = Modality.HEDGED
    else:
        modality = Modality.ASSERTED
    return Assessment(neg_count % 2 == 1, modality)
