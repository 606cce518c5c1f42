"""Accusations stated as a clause: the accuser CRITICIZES the clause's agent (CAMEO 112).

"Lithuania alleged that Belarus had sent migrants across the border", "Kenya charged that
Uganda was arming the rebels", "an allegation by Chad that Sudan armed the rebels", "Kenya's
accusation that Uganda ...", "Kenyan allegations that ...": the accused is the agent of the
that-clause (its subject; in a passive clause the by-agent, never the one it happened to), the
accuser the speaker (the verb's subject; the noun's owner: possessive, demonym, "by"/"from",
or the subject of a verb that voices the accusation, ``lexicon.json`` ``accusations``). An
accusation that is denied was still made, so the criticism is asserted ("the allegation by
Chad that ... was denied"); the accused relation inside the clause is the ordinary rules'
business and comes out ``reported`` (``attributes.py``). A cue entry with ``content_target``
says which words accuse (``cues.jsonl``): a neutral verb of saying ("claimed that Y ...") is no
accusation. An accusation whose owner is named nowhere ("Uganda denied allegations that ...")
gives no criticism.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.subjects import claim_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = [
    "alleged_content",
    "blamed_in_speech",
    "clause_accused",
    "denied_in_apposition",
    "object_claim",
]

RULE = "alleged_content.v1"
_SUBJ = ("nsubj", "csubj")
# an analyst's or scholar's allegation is commentary (SCHEMA.md: analysts are Persons), and a
# place is no party to an accusation
_NOT_ACCUSERS = frozenset({"Person", "Place"})
_NOT_ACCUSED = frozenset({"Place"})
# "X said Y was responsible for / behind the attack" (``behind_act.adj``)
_BLAME_CUE = "behind_act.adj"
_CULPABLE = frozenset({"responsible", "culpable"})
_BLAME_WORDS = _CULPABLE | {"behind"}


def alleged_content(ctx: SentenceContext, tok: Token, cue: Cue) -> list[Candidate]:
    """The accuser -> accused pairs of an accusing verb or noun with a that-clause."""
    accused = clause_accused(ctx, tok, strict=cue.strict)
    if not accused and cue.pos == "noun":
        accused = _act_owners(ctx, tok)
    if not accused:
        return []
    if cue.pos == "verb":
        if ctx.is_passive(tok):
            # "it was alleged that ...", "Uganda was charged by Kenya ...": no named speaker
            accusers = ctx.args_of(
                g for c in tok.children if c.dep_ == "agent" for g in c.children
                if g.dep_ == "pobj"
            )  # fmt: skip
        else:
            agents, _ = ctx.subjects(tok)
            accusers = ctx.args_of(agents)
    else:
        accusers = _owners(ctx, tok)
    accusers = [e for e in accusers if e.label.value not in _NOT_ACCUSERS]
    gov = tok.head
    voiced = tok.dep_ == "dobj" and ctx.lemma(gov) in ctx.lex.voicing_verbs
    # "Kenya repeated its allegation that ...": the voicing verb is the speech act itself
    return _pairs(ctx, accusers, accused, cue, tok, RULE, anchor=gov if voiced else None)


def clause_accused(
    ctx: SentenceContext, tok: Token, *, strict: bool = False
) -> list[EntityAnnotation]:
    """The parties the that-clause of an accusing verb or noun names as its agent."""
    clause = _content_clause(tok)
    if clause is None:
        return []
    return [
        e
        for e in ctx.args_of(_clause_agents(clause), strict=strict)
        if e.label.value not in _NOT_ACCUSED
    ]


def _content_clause(tok: Token) -> Token | None:
    """The clause a verb or noun of accusing states: a verb's clausal complement ("alleged
    (that) Y ...", or the quote before it), a noun's that-clause ("the allegation that Y
    ...", :func:`~geokg.extract.relations.subjects.claim_clause`)."""
    if tok.pos_ not in _VERB_POS:
        return claim_clause(tok)
    for c in tok.children:
        if c.pos_ in _VERB_POS and c.dep_ == "ccomp":
            return c  # also quoted speech before the verb: "'Y armed them,' X charged"
    return None


def _clause_agents(clause: Token) -> list[Token]:
    """The agent of the clause: its subject, or the by-agent of a passive; never a climb to
    the accusing verb's own subject."""
    agents = [c for c in clause.children if c.dep_ in _SUBJ]
    agents.extend(g for c in clause.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj")  # fmt: skip
    if not agents and not any(c.dep_ == "nsubjpass" for c in clause.children):
        # "that Y *had* armed ...": the parser may hang the subject on the auxiliary
        for aux in clause.children:
            if aux.dep_ == "aux":
                agents.extend(c for c in aux.children if c.dep_ in _SUBJ)
    return agents


def _act_owners(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """Whom an accusation of an act accuses: the owner of the act its "of" phrase names
    ("allegations of Ugandan meddling", "of meddling by Uganda", "of Uganda's meddling")."""
    found: list[EntityAnnotation] = []
    for _, act in ctx.prep_objects(n, ("of",)):
        if act.i in ctx.ent_at or act.pos_ not in ("NOUN", "VERB"):
            continue
        for c in act.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < act.i):
                ent = ctx.ent_at.get(c.i)
                if ent is not None and ent.label.value not in _NOT_ACCUSED:
                    found.append(ent)
        for _, agent in ctx.prep_objects(act, ("by",)):
            found.extend(e for e in ctx.args(agent) if e.label.value not in _NOT_ACCUSED)
    return found


def _owners(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """Who made the accusation a noun names: its possessive ("Kenya's", "its"), a demonym or
    name modifying it ("Kenyan allegations"), its "by"/"from" phrase, else the subject of a
    verb that voices it ("Kenya repeated its allegation", "made allegations that ...")."""
    found: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ == "poss":
            found.extend(ctx.args(c))
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < n.i:
            ent = ctx.ent_at.get(c.i)
            if ent is not None and ent.label.value != "Place":
                found.append(ent)
    for _, obj in ctx.prep_objects(n, ("by", "from")):
        found.extend(ctx.args(obj))
    if found:
        return found
    gov = n.head
    if n.dep_ == "dobj" and gov.pos_ in _VERB_POS and ctx.lemma(gov) in ctx.lex.voicing_verbs:
        agents, _ = ctx.subjects(gov)
        return ctx.args_of(agents)
    return []


def denied_in_apposition(ctx: SentenceContext, clause: Token, head: Token) -> bool:
    """ "Kenya accused Uganda of arming the rebels, a charge Kampala denied": the parser may
    make the denial the root and the accusation its clausal complement. The denial is of the
    claim noun set off by a comma after the accusation, which the author states (asserted);
    the accused act inside it stays reported by its own verb."""
    if ctx.lemma(clause) not in ctx.lex.report_verbs:
        return False
    doc = ctx.doc
    for c in head.children:
        if (
            c.i > clause.i
            and c.dep_ in ("dobj", "nsubj", "nsubjpass", "npadvmod", "appos")
            and ctx.lemma(c) in ctx.lex.report_nouns
            and c.left_edge.i > ctx.start
            and doc[c.left_edge.i - 1].text == ","
        ):
            return True
    return False


def object_claim(ctx: SentenceContext, clause: Token, verb: Token) -> bool:
    """Whether a clausal complement of ``verb`` is really the that-clause of its object claim
    noun ("Uganda dismissed Kenya's allegation that it armed ...", where the parser hung the
    clause on the verb): the verb then denies or reports the claim's content."""
    return any(
        c.dep_ == "dobj"
        and ctx.lemma(c) in ctx.lex.report_nouns
        and getattr(claim_clause(c), "i", None) == clause.i
        for c in verb.children
    )


def blamed_in_speech(ctx: SentenceContext) -> list[Candidate]:
    """ "Kenya said Uganda was behind the attack", "... that Ugandan troops were responsible
    for the killings": a speaker who says a party did an act of violence (``accusations``
    ``blamed_acts``) blames it (CAMEO 112, BLAME * FOR ATTACK). The speech verb is the
    relation's predicate (negation, modality); a denial ("denied that Y was behind ...") or
    an act that is no wrongdoing ("responsible for security") gives nothing."""
    cue = ctx.lex.cue(_BLAME_CUE)
    if cue is None or not ctx.has_lemma(_BLAME_WORDS):
        return []  # no "behind" nor "responsible": the walk below would find nothing
    lex = ctx.lex
    out: list[Candidate] = []
    for tok in ctx.tokens():
        lem = ctx.lemma(tok)
        if lem == "behind" and tok.dep_ == "prep":
            acts = [c for c in tok.children if c.dep_ == "pobj"]
        elif lem in _CULPABLE and tok.dep_ == "acomp":
            acts = [o for _, o in ctx.prep_objects(tok, ("for",))]
        else:
            continue
        if not any(ctx.lemma(a) in lex.blamed_acts for a in acts):
            continue
        cop = tok.head
        verb = cop.head
        if cop.dep_ != "ccomp" or ctx.lemma(cop) != "be" or verb.i == cop.i:
            continue
        if any(c.dep_ == "neg" or ctx.lemma(c) in ctx.lex.hypothetical_marks for c in cop.children):
            continue  # "said Y was not behind it", "said that if Y was behind it ..."
        vlem = ctx.lemma(verb)
        if vlem not in lex.report_verbs or vlem in lex.denial_verbs:
            continue
        agents, _ = ctx.subjects(verb)
        speakers = [e for e in ctx.args_of(agents) if e.label.value not in _NOT_ACCUSERS]
        accused = [
            e
            for e in ctx.args_of(c for c in cop.children if c.dep_ == "nsubj")
            if e.label.value not in _NOT_ACCUSED
        ]
        out.extend(_pairs(ctx, speakers, accused, cue, tok, RULE, anchor=verb))
    return out
