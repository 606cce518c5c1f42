"""Demands for a penalty: the one demanding CRITICIZES the party to be penalised.

"Kenya called for sanctions against Uganda", "the senator urged an embargo on Iran", "Chile
pressed the EU to impose tariffs on Peru": a demand that a party be punished is an act of
disapproval towards that party (CAMEO 10 demand and 11 disapprove; the PLOVER set annotates a
call for sanctions as CRITICIZES). The penalty itself is only demanded, so it is no SANCTIONS
(the modality walk suppresses the content of a demand); the demand is stated, and its own
negation and modality apply ("did not call for sanctions" is negated). The verbs are
``lexicon.json`` -> ``penalty_demands``; the penalties are the nouns of the ``sanction.noun``
cue, and the penalised party is the noun's own "against/on/of" object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["demanded_penalties"]

_PENALTY_CUE = "sanction.noun"
_CRITICISM_CUE = "criticize.verb"
_PATIENT_PREPS = frozenset({"against", "on", "upon", "targeting", "of"})
# the addressee's act that applies the penalty: "urged the EU to impose sanctions on X"
_APPLYING_VERBS = frozenset({"impose", "slap", "levy", "adopt", "introduce", "apply", "enact"})
_RULE = "demanded_penalty.v1"


def _demand_verb(ctx: SentenceContext, noun: Token) -> Token | None:
    """The demand verb that asks for ``noun``: its object, its "for" phrase, or the object of
    the addressee's applying verb ("urged X to impose sanctions")."""
    lex = ctx.lex
    head = noun.head
    if noun.dep_ == "pobj" and ctx.lemma(head) == "for" and head.head.pos_ in _VERB_POS:
        verb = head.head
        return verb if ctx.lemma(verb) in lex.penalty_demand_for else None
    if noun.dep_ != "dobj" or head.pos_ not in _VERB_POS:
        return None
    lemma = ctx.lemma(head)
    if lemma in lex.penalty_demand_verbs and lemma not in lex.penalty_demand_for:
        return head
    if ctx.lemma(head) in _APPLYING_VERBS and head.dep_ in ("xcomp", "ccomp"):
        verb = head.head
        if verb.pos_ in _VERB_POS and ctx.lemma(verb) in lex.penalty_demand_verbs:
            return verb
    return None


def demanded_penalties(ctx: SentenceContext) -> list[Candidate]:
    """ "Kenya called for sanctions against Uganda": Kenya CRITICIZES Uganda.

    Args:
        ctx: The sentence.

    Returns:
        The criticisms, anchored on the demand verb.
    """
    lex = ctx.lex
    penalty = lex.cue(_PENALTY_CUE)
    criticism = lex.cue(_CRITICISM_CUE)
    if penalty is None or criticism is None or not ctx.has_lemma(lex.penalty_demand_verbs):
        return []
    if not ctx.has_lemma(penalty.lemmas):
        return []
    out: list[Candidate] = []
    for n in ctx.tokens():
        if n.pos_ not in _NOUN_POS or ctx.lemma(n) not in penalty.lemmas or n.i in ctx.ent_at:
            continue
        verb = _demand_verb(ctx, n)
        if verb is None:
            continue
        objects = [o for _, o in ctx.prep_objects(n, _PATIENT_PREPS)]
        if n.dep_ == "dobj" and n.head is not verb:
            # "urged the EU to impose sanctions on X": the PP hangs on the applying verb
            objects += [o for _, o in ctx.prep_objects(n.head, _PATIENT_PREPS - {"of"})]
        patients = ctx.args_of(objects, strict=True)
        if not patients:
            continue
        demanders = ctx.args_of(ctx.subjects(verb)[0], strict=True)
        out.extend(_pairs(ctx, demanders, patients, criticism, n, _RULE, anchor=verb))
    return out
