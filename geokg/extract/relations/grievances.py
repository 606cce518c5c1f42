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

Reported wrongs (``wrong_speech.v1``, CAMEO 112 accuse, PLOVER ACCUSE): a named speaker who
says a party violated, breached or flouted something, tried to sabotage it, or failed to do
what it should ("Chile said Peru had violated the ceasefire", "Chile's envoy said Lima was
failing to rein in the smugglers", "'Peru has tried to sabotage the talks,' the Chilean
president said") accuses that party in the same way (``lexicon.json`` ``accusations``
``wrong_verbs``). A failing is no wrong where what failed is an outcome sought
(``unfailed_acts``: "said Peru failed to reach a deal / win a seat"), and no victim need be
named. A wrong said to be likely ("said Peru would violate the truce") is hedged.
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

WRONG_RULE = "wrong_speech.v1"

_WRONG_CUE = Cue.from_dict(
    {"id": "wrong.speech", "type": "CRITICIZES", "pos": "verb", "lemmas": ["violate"],
     "conf": 0.6, "source": "CAMEO 112 (accuse) and its code 1123 (accuse of aggression or "
     "violation); PLOVER ACCUSE (informal accusation): saying a party violated an agreement "
     "or failed its duty accuses it", "cameo": "112"}
)  # fmt: skip

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
# a wrong is the speech's own content: a clause coordinated with it may be the author's
# ("X says that it respects borders, and Y has violated them")
_WRONG_CLIMB_DEPS = frozenset({"ccomp", "xcomp"})
_MAX_CLIMB = 3
_OWN_POSS = frozenset({"our"})
_NOT_ACCUSERS = frozenset({"Person", "Place"})
_MAYBE = frozenset({"may", "might", "could"})
# a wrong to come is a prediction: hedged as a possible one is
_FUTURE = frozenset({"will", "would", "wo", "'ll"})


def cheated_in_speech(ctx: SentenceContext) -> list[Candidate]:
    """Speaker -> cheat pairs of every grievance clause a named speaker reports."""
    out: list[Candidate] = []
    for tok in ctx.tokens():
        if tok.pos_ not in _VERB_POS:
            continue
        wrong = _wrong(ctx, tok)
        if not wrong and not _grievance(ctx, tok):
            continue
        verb = _speech_verb(ctx, tok, _WRONG_CLIMB_DEPS if wrong else _CLIMB_DEPS)
        if verb is None:
            continue
        if any(_denied(ctx, t) for t in (tok, verb)):
            continue
        if not wrong and not _victim_named(ctx, tok):
            continue
        agents, _ = ctx.subjects(verb)
        if wrong:
            agents = [a for a in agents if not _titled_anaphor(ctx, a)]
        speakers = [e for e in ctx.args_of(agents) if e.label.value not in _NOT_ACCUSERS]
        if wrong:
            found = _pairs(ctx, speakers, _wrongdoers(ctx, tok), _WRONG_CUE, tok, WRONG_RULE,
                           anchor=verb)  # fmt: skip
        else:
            cheats = _cheats(ctx, tok)
            found = _pairs(ctx, speakers, cheats, _GRIEVANCE_CUE, tok, RULE, anchor=verb)
        maybe = _MAYBE | _FUTURE if wrong else _MAYBE
        if any(c.dep_ == "aux" and c.lower_ in maybe for c in tok.children):
            # "said Peru may have cheated Chile": a hedged accusation
            found = [replace(c, hedge=True) for c in found]
        out.extend(found)
    return out


def _wrong(ctx: SentenceContext, v: Token) -> bool:
    """A verb of wrongdoing: "violated the truce", "tried to sabotage the talks", "was failing
    to rein in the militants" (not "failed to reach a deal": an outcome sought)."""
    lex = ctx.lex
    lem = ctx.lemma(v)
    if lem not in lex.wrong_verbs or (v.tag_ == "VBN" and ctx.is_passive(v)):
        return False
    if lem != "fail":
        return True
    duties = [c for c in v.children if c.dep_ == "xcomp" and c.pos_ in _VERB_POS]
    return any(ctx.lemma(d) not in lex.unfailed_acts and not _denied(ctx, d) for d in duties)


def _titled_anaphor(ctx: SentenceContext, tok: Token) -> bool:
    """ "the Chilean envoy said": a definite title that names its person before, not the
    state of its demonym (an unresolved one stands for no one; "a Chilean official said"
    speaks for the state)."""
    if tok.i in ctx.ent_at or ctx.lemma(tok) not in ctx.lex.title_heads:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _wrongdoers(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    """The party said to do the wrong: the verb's subject, or the controller of "tried to
    sabotage" (a subject of its own clause only, never the speech verb's). A pronoun or a
    pronoun's own side ("it had failed", "his government failed") is the speaker's own
    failing as often as another's: no one is accused."""
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    cur = v
    while not subjects and cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
    subjects = [
        s
        for s in subjects
        if s.pos_ != "PRON" and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)
    ]
    return [e for e in ctx.args_of(subjects, strict=True) if e.label.value != "Place"]


def _speech_verb(ctx: SentenceContext, v: Token, climb: frozenset[str]) -> Token | None:
    """The speech verb whose content holds the grievance clause: its head through a
    complement ("said Peru has been ripping off Chile") or up a few clauses of the content
    ("told reporters that Chile was raising tariffs because Peru has been cheating it")."""
    tok = v
    for _ in range(_MAX_CLIMB):
        if tok.dep_ not in climb or tok.head.i == tok.i:
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
