"""People who speak for a state or body stand for it, even where a cue takes named parties
only ("strict" cues): "Chilean and Peruvian officials traded accusations", "the leaders of
Chile and Peru exchanged barbs", "representatives from Chile and Peru".

SCHEMA.md ("Conventions settled while annotating news"): officials, ministers, envoys and
spokespeople are the state's voice; a strict cue still refuses soldiers, jets, fans or
writers ("Russian and Ukrainian fans traded insults" names no state), since those nouns are
not in ``lexicon.json`` ``agent_via_from``; and only their words count: "NATO expelled
Russian diplomats" is done to people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

_SPEAKING_FOR = frozenset({"Country", "Organization"})
_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})
# what officials say is their state's word; what is done to them is done to people
_SPEECH_TYPES = frozenset({"CRITICIZES", "OPPOSES", "THREATENS"})


def spoken_for(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The states or bodies an official noun speaks for: its demonym, name or possessive
    modifiers and their conjuncts ("Chilean and Peruvian officials"), else its "of" or "from"
    objects ("the leaders of Chile and Peru"). Empty for any other noun, for an official
    noun modified by a stance prefix ("pro-Russian officials") or by nothing named, and for
    any but the subject of a verb of conflictual speech (a ``CRITICIZES``, ``OPPOSES`` or
    ``THREATENS`` verb cue)."""
    lex = ctx.lex
    if ctx.lemma(tok) not in lex.agent_via_from and tok.lower_ not in lex.agent_via_from:
        return []
    if tok.dep_ != "nsubj" or not any(
        c.type.value in _SPEECH_TYPES for c in lex.lookup("verb", ctx.lemma(tok.head))
    ):
        return []  # "NATO expelled eight Russian diplomats": the people, not their state
    out: list[EntityAnnotation] = []
    for c in tok.children:
        if c.dep_ not in _MODIFIERS:
            continue
        for m in (c, *c.conjuncts):
            e = ctx.ent_at.get(m.i)
            if e is not None and e.label.value in _SPEAKING_FOR and not ctx.stance_prefixed(m):
                out.append(e)
    if out:
        return unique_spans(out)
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("of", "from"):
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            for m in (p, *p.conjuncts):
                e = ctx.ent_at.get(m.i)
                if e is not None and e.label.value in _SPEAKING_FOR:
                    out.append(e)
    return unique_spans(out)
