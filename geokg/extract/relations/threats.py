"""Announced penalties read as threats (``announced_threat.v1``).

A party that warns that it could, would or will impose a punitive measure on another ("Lima
warned that it would impose tariffs on Chilean fruit", "Tokyo warned it could retaliate with
duties on Vietnamese steel") threatens that party: CAMEO 13 (the WARN block of the CAMEO verb
dictionary is coded threaten) and 1312 (threaten with sanctions, boycott or embargo), and
SCHEMA.md's news convention that a threatened tariff is THREATENS plus SANCTIONS hedged. The
warning verbs are ``lexicon.json`` -> ``threat_content.announcers``. The measure itself is
found by the ordinary cue families; this module only adds the threat, for the speaker that is
also the measure's agent. A plain report ("said it would impose tariffs") is an announcement,
not read as a threat here.
"""

from __future__ import annotations

from dataclasses import replace

from geokg.extract.relations.subjects import climb_to_verb
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["announced_threats"]


def announced_threats(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """THREATENS for each penalty (a threat-content type) that its own agent announces with a
    warning verb and a modal ("warned that it would impose ...").

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The threats, anchored on the warning verb (its negation and modality apply).
    """
    lex = ctx.lex
    threat = lex.cue("threaten.verb")
    if threat is None or not lex.threat_announcers:
        return []
    types = {t.value for t in lex.threat_content_types}
    out: list[Candidate] = []
    for c in found:
        if c.type not in types or c.hedge:
            continue
        clause = climb_to_verb(ctx.doc[c.anchor], 4)
        if clause.dep_ != "ccomp" or not any(
            a.dep_ == "aux" and ctx.lemma(a) in lex.hedge_modals for a in clause.children
        ):
            continue
        speech = clause.head
        if ctx.lemma(speech) not in lex.threat_announcers:
            continue
        speakers = ctx.args_of(ctx.subjects(speech)[0])
        if not any(s.name == c.source.name for s in speakers):
            continue
        out.append(
            replace(
                c,
                type=threat.type.value,
                trigger=speech.i,
                trigger_end=-1,
                anchor=speech.i,
                rule="announced_threat.v1",
                confidence=threat.conf * 0.8,
                cue=threat.id,
            )
        )
    return out
