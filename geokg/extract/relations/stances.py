"""Stances and refusals: "anti-X" stances, verbless "X with Y" captions, rejected offers.

* ``anti_stance.v1``: "anti-X" stances of a named holder ("Russia's anti-Western policy",
  "officials in Serbia have become anti-Western"); after a naming verb the object holds the
  stance, not the speaker ("Chile called the bill anti-Peruvian" gives nothing).
* ``caption_with.v1``: verbless captions "X with Y at the summit" (two people: MEETS).
* ``evaluative_speech.v1``: a speaker's pejorative words about a party or its acts inside
  what the speaker says ('Chile said Peru's reckless provocations must stop', '"Peru, the
  brutal aggressor, ...," the Chilean president said'): the speaker CRITICIZES that party.
* ``rejected_offer.v1``: "Chile rejected an offer from Peru for talks": the cooperative act,
  negated, towards the proposer; a rejected or vetoed proposal with no cooperative content
  ("vetoed a resolution drafted by Peru") opposes the proposer, and so does a demand to end a
  relation or to hold one with a third party ("rejected Peru's demand to end / curb its ties
  with Bolivia" proposes no relation with Peru).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.owners import proposal_owners
from geokg.extract.relations.slots import (
    _NOUN_POS,
    _VERB_POS,
    _modifiers_ok,
    _named_owners,
    _pairs,
    _poss_fallback,
)
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token


_PEOPLE = frozenset({"Leader", "Person"})


_COOPERATIVE = frozenset({"MEETS", "AGREES_WITH", "SUPPORTS", "PARTNERS_WITH", "TRADES_WITH",
                          "RECOGNIZES"})  # fmt: skip


_DEMANDS = frozenset({"demand", "demands", "call", "calls", "appeal", "plea", "request"})
_UNDOING_CUE = "break_ties.verb"  # verbs that end a relation ("end", "sever", "cut")


def _third_party(ctx: SentenceContext, t: Token, proposers: list[EntityAnnotation]) -> bool:
    """Whether a demanded relation noun names its own party other than the demander."""
    named = ctx.args_of(o for _, o in ctx.prep_objects(t, {"with", "between", "to"}))
    return any(e.name not in {d.name for d in proposers} for e in named)


def _claim_clause(ctx: SentenceContext, noun: Token) -> bool:
    """A noun both of proposing and of claiming ("suggestion", "idea") whose "that"-clause
    states a fact, not a proposal: "rejected suggestions that it was arming X" (a tensed
    verb or an auxiliary), where "the suggestion that X join the talks" proposes."""
    if ctx.lemma(noun) not in ctx.lex.report_nouns:
        return False
    return any(
        c.dep_ in ("acl", "relcl")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and (c.tag_ in ("VBD", "VBZ") or any(a.dep_ in ("aux", "auxpass") for a in c.children))
        and not any(ctx.lemma(a) in ("should", "must") for a in c.children)
        for c in noun.children
    )


def _rejected_offer(ctx: SentenceContext, v: Token) -> list[Candidate]:
    """ "rejected an offer from X for direct talks": the cooperative act, negated, towards X.

    The proposal noun's owner ("X's proposal", "an offer from X", "calls by X") is the target,
    the rejecter the source, and the first cooperative cue inside the proposal gives the type.
    """
    lex = ctx.lex
    out: list[Candidate] = []
    undoing_cue = lex.cue(_UNDOING_CUE)
    undoing = undoing_cue.lemmas if undoing_cue is not None else frozenset()
    objs = [
        o
        for o in ctx.children(v, "dobj")
        if ctx.lemma(o) in lex.proposal_nouns and not _claim_clause(ctx, o)
    ]
    if not objs and ctx.lemma(v) == "turn" and not any(ctx.lemma(c) == "down" for c in v.children):
        return out
    for p in objs:
        # "X's plan", "an offer from X", "a resolution drafted by X"
        proposers = proposal_owners(ctx, p)
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
            if c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ in _VERB_POS and c.tag_ != "VBN":
                content.append(c)  # "a plan sponsored by X" says who, not what
        rtype = None
        # a demand that a relation be ended or held with a third party proposes no relation
        # with the one who demands it ("rejected X's demand to end its alliance with Y")
        demand = ctx.lemma(p) in _DEMANDS
        for t in content:
            lem = ctx.lemma(t)
            kind = "verb" if t.pos_ in _VERB_POS else "noun" if t.pos_ in _NOUN_POS else None
            if kind is None:
                continue
            if kind == "verb" and lem in lex.light_verbs and lem not in undoing:
                content.extend(ctx.children(t, "dobj"))  # "an offer to host peace talks"
            if kind == "noun" and demand and _third_party(ctx, t, proposers):
                continue  # "rejected X's demand to curb its ties with Y": Y's, not X's
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
        objects = ctx.children(n.head, "dobj")
        if n.dep_ == "oprd" and objects:
            # "Chile called the bill anti-Peruvian": the stance is the object's, not the
            # speaker's (an object naming no entity holds it alone)
            agents, patients = objects, []
        holders = ctx.args_of(agents + patients)
        if not holders:
            holders = _officials_in(ctx, agents + patients)
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


def _officials_in(ctx: SentenceContext, nouns: list[Token]) -> list[EntityAnnotation]:
    """ "lawmakers in Hungary", "officials in Chile": a state's officials, named by "in"."""
    out: list[EntityAnnotation] = []
    for noun in nouns:
        if (
            ctx.lemma(noun) not in ctx.lex.agent_via_from
            and noun.lower_ not in ctx.lex.agent_via_from
        ):
            continue
        for _, obj in ctx.prep_objects(noun, {"in"}):
            ent = ctx.ent_at.get(obj.i)
            if ent is not None and ent.label.value == "Country":
                out.append(ent)
    return out


_SPEECH_CUE = Cue.from_dict(
    {"id": "evaluative.speech", "type": "CRITICIZES", "pos": "adj", "lemmas": ["pejorative"],
     "conf": 0.6}
)  # fmt: skip


def _evaluative_speech(ctx: SentenceContext) -> list[Candidate]:
    """A pejorative adjective (``lexicon.json`` ``pejoratives``) on a party named in apposition
    ("Peru, the brutal aggressor") or on a party's act ("Peru's reckless provocations": an
    event noun, a claim or an ``evaluated_acts`` noun), inside the clause a reporting verb
    reports: the verb's subject criticizes the party (CAMEO 111). The author's own adjectives
    report no one's criticism, and the speech act's own negation and modality apply."""
    lex = ctx.lex
    out: list[Candidate] = []
    for tok in ctx.tokens():
        if tok.dep_ in ("acomp", "attr"):
            owners, noun = _predicated(ctx, tok), tok.head
        elif tok.dep_ != "amod" or (
            ctx.lemma(tok) not in lex.pejoratives and tok.lower_ not in lex.pejoratives
        ):
            continue
        else:
            noun = tok.head
            if noun.pos_ not in _NOUN_POS or noun.i in ctx.ent_at:
                continue
            owners = _evaluated(ctx, noun)
        verb = _reporting_head(ctx, noun, owners) if owners else None
        if verb is None:
            continue
        agents, _ = ctx.subjects(verb)
        out.extend(
            _pairs(ctx, ctx.args_of(agents), owners, _SPEECH_CUE, tok, "evaluative_speech.v1",
                   anchor=verb)
        )  # fmt: skip
    return out


def _predicated(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The party a pejorative predicate evaluates: "said Peru's remarks were irresponsible",
    "said the claims by Peru were baseless", "said Peru was reckless", "said the move was a
    provocation". The copula must be affirmative ("were not irresponsible" gives nothing)."""
    lex = ctx.lex
    words = lex.pejoratives
    cop = tok.head
    if ctx.lemma(cop) != "be" or any(c.dep_ == "neg" for c in cop.children):
        return []
    if not (
        ctx.lemma(tok) in words
        or tok.lower_ in words
        or (
            tok.dep_ == "attr" and any(c.dep_ == "amod" and c.lower_ in words for c in tok.children)
        )
    ):
        return []
    out: list[EntityAnnotation] = []
    for subj in ctx.children(cop, "nsubj"):
        if subj.i in ctx.ent_at:
            out.append(ctx.ent_at[subj.i])
        elif ctx.lemma(subj) in lex.evaluated_acts or ctx.lemma(subj) in lex.report_nouns:
            # an act or claim noun: its owner, or its "by" agent ("the remarks by Peru")
            out.extend(_named_owners(ctx, subj))
            out.extend(e for _, a in ctx.prep_objects(subj, {"by"}) for e in ctx.args(a))
        else:
            out.extend(_evaluated(ctx, subj))
    return out


def _evaluated(ctx: SentenceContext, noun: Token) -> list[EntityAnnotation]:
    """The party a pejoratively modified noun evaluates: the entity it is in apposition to,
    or the owner (possessive, demonym) of an act noun."""
    lex = ctx.lex
    if noun.dep_ == "appos" and noun.head.i in ctx.ent_at:
        return [ctx.ent_at[noun.head.i]]
    lem = ctx.lemma(noun)
    act = (
        lem in lex.evaluated_acts
        or lem in lex.report_nouns
        or any(
            c.pos == "noun" and not c.poss_is_target and _modifiers_ok(ctx, noun, c)
            for c in lex.lookup("noun", lem)
        )
    )
    if not act or ctx.prep_objects(noun, {"by"}):
        return []  # "Peru's brutal defeat", "Peru's occupation by Chile": Peru suffers it
    return _named_owners(ctx, noun)


def _reporting_head(
    ctx: SentenceContext, tok: Token, owners: list[EntityAnnotation]
) -> Token | None:
    """The reporting verb whose clausal complement holds ``tok`` ("said ...", "tweeted ...");
    none where a clause on the way has another party as its subject ("said that Bolivia had
    condemned Peru's illegal blockade": the words may be Bolivia's)."""
    lex = ctx.lex
    own = {e.name for e in owners}
    cur = tok
    for _ in range(12):
        head = cur.head
        if head.i == cur.i or head.pos_ not in (*_VERB_POS, *_NOUN_POS, "ADJ", "ADP"):
            return None
        hl = ctx.lemma(head)
        if (
            cur.dep_ in ("ccomp", "parataxis")
            and head.pos_ in _VERB_POS
            and hl in lex.report_verbs
            and hl not in lex.factive_verbs
        ):
            return head
        if head.pos_ in _VERB_POS and cur.dep_ not in ("nsubj", "nsubjpass"):
            named = [a for a in ctx.subjects(head)[0] if a.pos_ != "PRON"]  # not "it is time"
            if any(e.name not in own for e in ctx.args_of(named)):
                return None
        cur = head
    return None
