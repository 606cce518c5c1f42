"""A speaker who says a party cheats or exploits another accuses it (CAMEO 112, accuse;
PLOVER ACCUSE): "Chilean President X said Peru has been ripping off Chile", "Peru cheated
us for years, X said", "X complained that Peru was taking advantage of Chile", "X told
reporters that Chile was raising tariffs because Peru has been ripping it off" (the grievance
may stand a few clauses down the speech verb's content).

The speaker CRITICIZES the party said to cheat (the clause's subject), only where the speaker
is a named party (a state, a body, a leader): "the president said ..." with no state names
no one, and an analyst's words are commentary (SCHEMA.md: analysts are Persons). The act
itself, stated by the author alone ("Peru has been ripping off Chile"), is none of the
schema's types (it is no attack, sanction or stance of the victim) and gives nothing. The
cheated party must be named, or be the speaker's own side ("us", "our country"), so that
"Peru exploits its mines" is no grievance. A denied grievance ("said Peru had not cheated
Chile"), a hypothetical one or a denying speech verb gives nothing; the speech verb is the
relation's predicate (its modality), and a grievance said to be possible ("may have cheated")
makes the criticism hedged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import _VERB_POS, _pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import Candidate, SentenceContext

RULE = "grievance_speech.v1"

_GRIEVANCE_CUE = Cue.from_dict(
    {"id": "grievance.speech", "type": "CRITICIZES", "pos": "verb", "lemmas": ["cheat"],
     "conf": 0.6, "source": "CAMEO 112 (accuse); PLOVER ACCUSE: saying a party cheats, "
     "swindles or exploits another accuses it", "cameo": "112"}
)  # fmt: skip

# verbs of cheating and exploiting a party; "rip" only with its particle ("rip off")
_CHEAT_VERBS = frozenset(
    {
        "cheat",
        "swindle",
        "fleece",
        "defraud",
        "bilk",
        "exploit",
        "shortchange",
        "short-change",
        "hoodwink",
        "dupe",
        "scam",
        "rob",
        "plunder",
        "loot",
    }
)
_PARTICLE_VERBS = {"rip": "off"}
# asserting and complaining verbs of speech (belief verbs such as "think" or "fear" are not
# accusations, and "deny" is a denial)
_SPEECH = frozenset(
    {
        "say",
        "tell",
        "claim",
        "allege",
        "charge",
        "insist",
        "argue",
        "assert",
        "contend",
        "declare",
        "complain",
        "protest",
        "lament",
        "tweet",
        "write",
        "add",
        "warn",
        "stress",
        "reiterate",
        "maintain",
        "state",
    }
)
_OWN_SIDE = frozenset({"us", "we"})
# clauses the content of a speech verb may reach its grievance through
_CLIMB_DEPS = frozenset({"ccomp", "advcl", "conj", "xcomp"})
_MAX_CLIMB = 3
_OWN_POSS = frozenset({"our"})
_NOT_ACCUSERS = frozenset({"Person", "Place"})
_MAYBE = frozenset({"may", "might", "could"})


def cheated_in_speech(ctx: SentenceContext) -> list[Candidate]:
    """Speaker -> cheat pairs of every grievance clause a named speaker reports."""
    out: list[Candidate] = []
    for tok in ctx.tokens():
        if tok.pos_ not in _VERB_POS or not _grievance(ctx, tok):
            continue
        verb = _speech_verb(ctx, tok)
        if verb is None:
            continue
        if any(_denied(ctx, t) for t in (tok, verb)):
            continue
        if not _victim_named(ctx, tok):
            continue
        agents, _ = ctx.subjects(verb)
        speakers = [e for e in ctx.args_of(agents) if e.label.value not in _NOT_ACCUSERS]
        cheats = _cheats(ctx, tok)
        found = _pairs(ctx, speakers, cheats, _GRIEVANCE_CUE, tok, RULE, anchor=verb)
        if any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in tok.children):
            # "said Peru may have cheated Chile": a hedged accusation
            found = [replace(c, hedge=True) for c in found]
        out.extend(found)
    return out


def _speech_verb(ctx: SentenceContext, v: Token) -> Token | None:
    """The speech verb whose content holds the grievance clause: its head through a
    complement ("said Peru has been ripping off Chile") or up a few clauses of the content
    ("told reporters that Chile was raising tariffs because Peru has been cheating it")."""
    tok = v
    for _ in range(_MAX_CLIMB):
        if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
            return None
        head = tok.head
        if tok.dep_ == "ccomp" and head.pos_ in _VERB_POS and ctx.lemma(head) in _SPEECH:
            return head
        tok = head
    return None


def _grievance(ctx: SentenceContext, v: Token) -> bool:
    lem = ctx.lemma(v)
    particle = _PARTICLE_VERBS.get(lem)
    if particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in v.children):
        return True
    if lem == "take":
        # "taking advantage of Chile"
        return any(c.dep_ == "dobj" and ctx.lemma(c) == "advantage" for c in v.children)
    return lem in _CHEAT_VERBS


def _denied(ctx: SentenceContext, v: Token) -> bool:
    lex = ctx.lex
    return any(
        c.dep_ == "neg" or ctx.lemma(c) in lex.hypothetical_marks or c.lower_ == "whether"
        for c in v.children
    )


def _victims(v: Token) -> list[Token]:
    out = [c for c in v.children if c.dep_ == "dobj"]
    holders = [v, *out]
    out.extend(
        p
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    )
    return out


def _victim_named(ctx: SentenceContext, v: Token) -> bool:
    """Whether the cheated one is a named party or the speaker's side ("us", "our people")."""
    for o in _victims(v):
        if o.lower_ in _OWN_SIDE or any(
            c.dep_ == "poss" and c.lower_ in _OWN_POSS for c in o.children
        ):
            return True
        if ctx.args_of([o], strict=True):
            return True
    return False


def _cheats(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    return [e for e in ctx.args_of(subjects, strict=True) if e.label.value != "Place"]
