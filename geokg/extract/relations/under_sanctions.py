"""Sanctions a party lives under: "Chile has been under Peruvian sanctions since 2019".

A sanctions noun (a SANCTIONS noun cue) in an "under" phrase of a verb of being or coming
("is under", "came under", "remains under", "fell under": ``received_attack`` verbs with
"under"), or of a party it describes ("Chile, under Peruvian sanctions since 2019, ..."), names
the one sanctioned: the verb's subject or the described party, when it is a party or an armed
body standing for one. The sanctioner is the noun's own source (demonym, possessive, compound:
"US sanctions") or its or the verb's "from"/"by" phrase. CAMEO 163 (impose embargo, boycott
or sanctions) seen from the sanctioned side; SCHEMA.md SANCTIONS (``under_sanctions.v1``).
A subject that names no party ("the company is under US sanctions") gives nothing; a sanction
faced, threatened or feared is the light-verb and threat readings', not this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.under_attack import _attacked, _attackers, _receiving_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue

__all__ = ["under_sanctions"]

_RULE = "under_sanctions.v1"


def under_sanctions(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """``under_sanctions.v1``: the sanctioner SANCTIONS the party under its sanctions."""
    if cue.type.value != "SANCTIONS" or n.dep_ != "pobj" or ctx.lemma(n.head) != "under":
        return []
    v = _receiving_verb(ctx, n)
    if v is None:
        return []
    targets = _attacked(ctx, v)
    conf = ctx.lex.rule_confidence.get(_RULE, cue.conf)
    return [
        Candidate(s, "SANCTIONS", t, n.i, v.i, _RULE, conf, cue.id)
        for s in _attackers(ctx, n, v)
        for t in targets
        if s.name != t.name
    ]
