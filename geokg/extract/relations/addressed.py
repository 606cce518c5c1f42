"""Acts addressed to a party: received, refused or helped acts and ultimatums.

"Kenya accepted Japan's offer of aid" (the act reaches the subject that receives it), "Iran
rejected an American ultimatum" (a refused act is still stated), "The EU urged Belarus to free
the prisoners or face sanctions" (a demand with a penalty as its alternative is a threat).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.allegations import clause_accused
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.subjects import climb_to_verb
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.threats import penalty_threat

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ADDRESSED_VIA", "addressed", "help_phrase", "helped", "or_face"]


# "accepted Japan's offer of aid", "relies on loans from China": the act reaches the subject
ADDRESSED_VIA = frozenset({"dobj", "nsubjpass", "pobj:on", "pobj:upon"})


def or_face(
    ctx: SentenceContext,
    face: Token,
    recipients: list[EntityAnnotation],
    cue: Cue,
    n: Token,
) -> list[Candidate]:
    """ "The EU urged Belarus to free the prisoners or face sanctions": a demand with a
    penalty as its alternative is a threat by whoever makes it (asserted), and the penalty
    is theirs too, but only hedged (it may never come)."""
    if face.dep_ != "conj" or not any(c.lower_ == "or" for c in face.head.children):
        return []
    demand = face.head
    if demand.dep_ not in ("xcomp", "ccomp") or demand.head.pos_ not in _VERB_POS:
        return []
    return penalty_threat(ctx, demand.head, recipients, cue, n)


def addressed(
    ctx: SentenceContext, gov: Token, cue: Cue, sources: list[EntityAnnotation], n: Token
) -> list[Candidate]:
    """An act owned by one party and received or refused by the subject of ``gov`` ("Iran
    rejected an American ultimatum", "Kenya accepted Japan's offer of aid"): the act was
    addressed to that subject. Only for acts that have a recipient; a refused act counts only
    where refusing cannot undo it (a threat, sanctions, criticism), not aid or recognition,
    which a refusal may mean never happened. A refused act is presupposed ("may reject the
    ultimatum" still states it); a received one takes the clause's modality ("could face
    Japan's sanctions")."""
    lex = ctx.lex
    glem = ctx.lemma(gov)
    if cue.type not in lex.recipient_types:
        return []
    received = glem in lex.recipient_verbs
    refused = (glem in lex.rejection_verbs or glem in lex.denial_verbs) and (
        cue.type.polarity.value == "conflictual"
    )
    if not received and not refused:
        return []
    agents, _ = ctx.subjects(gov)
    owners = {(e.start, e.end) for e in sources}
    to = [e for e in ctx.args_of(agents, strict=cue.strict) if (e.start, e.end) not in owners]
    if refused and cue.type.value == "CRITICIZES":
        # "Chad rejected Sudan's allegation that Libya armed the rebels": the allegation names
        # whom it accuses, and the one rejecting it is not that party
        accused = {e.name for e in clause_accused(ctx, n)} - {e.name for e in sources}
        if accused:
            to = [e for e in to if e.name in accused]
    found = _pairs(ctx, sources, to, cue, n, "nominal_light_verb.v1", anchor=gov) if to else []
    return found if received else [replace(c, structural=True) for c in found]


# participles whose "by" phrase is help the clause's subject acts on: "emboldened by X's backing"
_HELPED_BY = frozenset({"embolden", "buoy", "bolster", "encourage", "strengthen", "hearten"})
# verbs whose "with" phrase is a party dealt with, not a help ("disagreed with Japanese support")
_WITH_PARTNER_VERBS = frozenset(
    {"disagree", "agree", "compete", "clash", "break", "cooperate", "deal", "interfere"}
) | {"meddle", "side", "concur", "align", "engage", "reckon", "struggle", "grapple"}
# organs that name their state as a helper (SCHEMA.md: a state's organs acting for it)
_STATE_ORGANS = frozenset({"government", "administration", "military", "army", "authorities"})
# words after the help noun that say it is absent or ending: "with Russian help withdrawn"
_ABSENT_DEPS = frozenset({"acl", "relcl", "amod", "acomp", "advmod", "neg"})


def help_phrase(ctx: SentenceContext, n: Token) -> bool:
    """Whether a help noun heads a circumstance of its clause: "with X's help", "thanks to
    Russian support", "emboldened by Turkish backing" (the clause's subject is helped)."""
    if n.dep_ != "pobj" or ctx.prep_objects(n, ("to", "for")):
        return False  # "with Japanese aid to Peru": the aid's own recipient
    prep = ctx.lemma(n.head)
    outer = n.head.head
    if prep == "with":
        return ctx.lemma(outer) not in _WITH_PARTNER_VERBS
    if prep == "to":
        return outer.lower_ == "thanks"
    return prep == "by" and outer.tag_ == "VBN" and ctx.lemma(outer) in _HELPED_BY


def _helped_clause(ctx: SentenceContext, n: Token) -> tuple[Token, list[EntityAnnotation]] | None:
    """The verb of the clause a help phrase belongs to, and the parties it helps."""
    outer = n.head.head
    if outer.tag_ == "VBN" and ctx.lemma(n.head) == "by":
        if outer.dep_ == "acl":  # "Chile, emboldened by Peruvian backing, ..."
            return outer, ctx.args(outer.head)
        outer = outer.head  # "Emboldened by Peruvian backing, Chile ..."
    v = climb_to_verb(outer, 4)
    if v.pos_ not in _VERB_POS:
        return None
    agents, patients = ctx.subjects(v)
    return v, ctx.args_of(agents + (patients if ctx.is_passive(v) else []))


def helped(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """ "NATO will tighten the blockade with Albania's help", "with the backing of Iran",
    "thanks to Russian support", "emboldened by Turkish backing": the helper supports the
    subject of the clause the phrase belongs to. A helper named by a demonym or name before
    the noun counts ("with *Iranian* help"), never a place ("with *Geneva* help" is no state),
    and not where a word after the noun says the help is absent or ending ("with Russian
    help withdrawn", "with Iranian help unlikely")."""
    helpers: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ == "poss":
            helpers.extend(ctx.args(c, strict=True))
    for _, obj in ctx.prep_objects(n, {"of", "from"}):
        found = ctx.args(obj, strict=True)
        if not found and ctx.lemma(obj) in _STATE_ORGANS:
            # "with support from the British government", "the backing of the Chilean army"
            found = [e for e in ctx.args(obj) if e.label.value == "Country"]
        helpers.extend(found)
    if not helpers and not any(c.dep_ in _ABSENT_DEPS and c.i > n.i for c in n.children):
        # "with Iranian help", "thanks to NATO support"
        helpers.extend(
            ent
            for c in n.children
            if c.dep_ in ("amod", "compound")
            and c.i < n.i
            and (ent := ctx.ent_at.get(c.i)) is not None
            and ent.label.value in ("Country", "Organization")
        )
    if not helpers:
        return []
    clause = _helped_clause(ctx, n)
    if clause is None:
        return []
    v, helped_parties = clause
    # the help is predicated with the clause: "would tighten ... with X's help" is hedged
    return _pairs(ctx, helpers, helped_parties, cue, n, "nominal_light_verb.v1", anchor=v)
