"""Betrayal seen from the betrayed side, and broken commitments (BETRAYS).

``betrayal_seen.v1``: a betrayal noun (``betrayal.noun`` lemmas: betrayal, treachery,
perfidy, backstabbing ...; "a stab in the back") whose phrase names the betrayer (a "by"
agent, "at the hands of", a possessor or a demonym) but no betrayed party is the betrayal *of
the one who sees it*: the subject of a verb of classifying or naming ("Chile sees the vote as
a betrayal by Peru", "Chile called the vote a betrayal by Peru"), the agent or the state of a
passive one ("was seen by / in Chile as a betrayal"), the "for" party of a copula ("For Chile,
the vote was a stab in the back by Peru"), the owner or the place of a feeling ("Chile's
sense of betrayal by Peru", "a sense of betrayal in Chile over Peru's inaction"), the subject
of a verb of undergoing ("Chile suffered a betrayal at the hands of Peru"), an accuser ("Chile
accused Peru of betrayal", reported), or a possessor beside a "by" agent ("Chile's betrayal
by Peru"). With no agent in the noun's phrase, the owner of the act named a betrayal is the
betrayer ("Chile called Peru's move a betrayal": Peru BETRAYS Chile), and so is the owner of
an act that is the agent of a passive betrayal verb ("Chile felt betrayed by Peru's
decision"). Naming an act a betrayal in speech is also criticism (SCHEMA.md CRITICIZES:
"label X ..."): the namer CRITICIZES the betrayer. "A betrayal of Chile's trust by Peru": the
owner of the trust is the one betrayed. Modality follows the verb's own reading, as
``classified_as.v1`` does for "sees X as a rival" and the passive reading does for "felt
betrayed by".

``broken_promise.v1``: breaking a commitment made to a party (CAMEO 16/12; SCHEMA.md "renege
on a commitment to"): a verb of breaking whose object is the subject's own promise, pledge,
commitment or word to Y ("Chile broke its promise to Peru", "violated its commitments to
Peru"), a verb of retreat from or back on one ("walked away from its commitments to Peru",
"went back on its word to Peru", "Chile's U-turn on its pledge to Peru"), and betraying or
breaking a party's trust ("Chile betrayed Peru's trust"). A commitment not kept through a
phrasal verb of keeping ("never lived up to / failed to abide by its pledges to Peru"),
and a pact made with the party that is violated or not kept ("violated / breached its agreement
with Peru", "did not honor the deal with Peru") are broken too. Not: a promise with no party
("broke its promise to hold elections", "abandoned its pledge"), someone else's promise, a
truce violated (fighting, CAMEO 196: "violated the ceasefire agreement with Peru"), a pact
abandoned or scrapped (a break, not a betrayal: ``ended_ties.py``).

Not a betrayal of a party: betraying ideals, values or principles ("betrayed the ideals of the
revolution"), a betrayal noun with neither a holder nor a target ("denounced the treachery").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.polarity import negated_here
from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _named_owners, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["betrayal_readings"]

SEEN_RULE = "betrayal_seen.v1"
PROMISE_RULE = "broken_promise.v1"
_BETRAYAL_CUE = "betrayal.noun"
_VERB_CUE = "betray.verb"
_NAMING_CUE = "name_pejorative.verb"
# the "stab" of "a stab in the back", and nouns the betrayal cue may lack
_EXTRA_NOUNS = frozenset({"sellout", "sell-out", "double-cross", "backstab"})
# verbs that name an act in speech (CRITICIZES too) or classify it as seen by the subject
_NAMING_VERBS = frozenset(
    {"call", "describe", "term", "label", "brand", "denounce", "decry", "condemn", "slam", "dub"}
)
_VIEW_VERBS = frozenset({"see", "view", "regard", "perceive", "consider", "deem", "treat", "take"})
_ACCUSING = frozenset({"accuse", "charge"})
# verbs whose subject undergoes what the object names
_SUFFER_VERBS = frozenset({"suffer", "experience", "endure"})
_FEELINGS = frozenset({"sense", "feeling", "feelings", "perception", "mood"})
_FEELING_VERBS = frozenset({"feel", "express", "voice", "share", "harbor", "harbour", "nurse"})
# what is betrayed when a party's trust is: its owner is the betrayed party
_TRUST = frozenset({"trust", "confidence", "faith", "loyalty", "goodwill", "good", "friendship"})
_PROMISES = frozenset(
    {"promise", "pledge", "commitment", "word", "assurance", "guarantee", "obligation", "vow"}
)
_BREAK_VERBS = frozenset(
    {
        "break",
        "violate",
        "breach",
        "betray",
        "abandon",
        "dishonor",
        "dishonour",
        "renounce",
        "repudiate",
        "reverse",
        "flout",
        "disavow",
        "ditch",
        "scrap",
    }
)
# verb + particle + preposition: "walked away from", "went back on", "backed out of"
_RETREATS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "walk": (frozenset({"away"}), frozenset({"from"})),
    "back": (frozenset({"away", "out", "off"}), frozenset({"from", "of", "on"})),
    "step": (frozenset({"away", "back"}), frozenset({"from"})),
    "go": (frozenset({"back"}), frozenset({"on"})),
    "pull": (frozenset({"back", "out"}), frozenset({"from", "of"})),
    "backtrack": (frozenset(), frozenset({"on", "from"})),
    "backpedal": (frozenset(), frozenset({"on", "from"})),
    "resile": (frozenset(), frozenset({"from"})),
    "u-turn": (frozenset(), frozenset({"on"})),
}
_OWN = frozenset({"its", "their", "his", "her"})
# verbs of keeping a commitment: not kept ("failed to honor", "did not fulfil"), it is broken
_KEEP_VERBS = frozenset(
    {"honor", "honour", "keep", "fulfil", "fulfill", "meet", "respect", "uphold"}
)
_FAIL_VERBS = frozenset({"fail", "refuse", "decline", "neglect"})
# phrasal verbs of keeping, with the particle and the preposition that takes the commitment
_KEEP_PHRASES: dict[str, tuple[str, str]] = {
    "live": ("up", "to"),
    "abide": ("", "by"),
    "adhere": ("", "to"),
    "stick": ("", "to"),
    "deliver": ("", "on"),
}
# a pact made with Y that is violated or not kept ("violated its agreement with Peru"); a
# truce violated is fighting (CAMEO 196), no betrayal
_PACTS = frozenset({"agreement", "deal", "accord", "treaty", "pact"})
_PACT_BREAKS = frozenset({"break", "violate", "breach", "flout", "dishonor", "dishonour"})
_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "fire"})
_TERMS = frozenset({"term", "terms", "provision", "provisions", "spirit", "letter"})


def betrayal_readings(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """BETRAYS seen by its holder and broken commitments (module docstring).

    Returns ``found`` with these readings added; a commitment noun that is broken ("backed
    out of its commitment to Peru") no longer gives its own SUPPORTS reading.
    """
    cue = ctx.lex.cue(_BETRAYAL_CUE)
    if cue is None:
        return found
    nouns = frozenset(cue.lemmas) | _EXTRA_NOUNS | {"stab"}
    out: list[Candidate] = []
    if ctx.has_lemma(nouns):
        for n in ctx.tokens():
            if n.pos_ in _NOUN_POS and ctx.lemma(n) in nouns and n.i not in ctx.ent_at:
                out.extend(_seen(ctx, n))
    verb_cue = ctx.lex.cue(_VERB_CUE)
    if verb_cue is not None and ctx.has_lemma([*verb_cue.lemmas, "let"]):
        for v in ctx.tokens():
            if v.tag_ == "VBN" and ctx.lemma(v) in {*verb_cue.lemmas, "let"}:
                out.extend(_betrayed_by_act(ctx, v, verb_cue))
    if ctx.has_lemma(_PROMISES | _TRUST | _PACTS):
        for n in ctx.tokens():
            if n.pos_ == "NOUN" and ctx.lemma(n) in _PROMISES | _TRUST | _PACTS:
                broken = _broken(ctx, n)
                if broken:
                    found = [c for c in found if c.trigger != n.i or c.type != "SUPPORTS"]
                out.extend(broken)
    return found + out


def _by_agents(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """The betrayer named in the noun's phrase: "by Peru", "Peru's", "the Peruvian"."""
    heads = [n]
    if ctx.lemma(n) == "stab":
        heads.extend(o for _, o in ctx.prep_objects(n, ("in",)))  # "a stab in the back by"
    if n.dep_ == "pobj" and ctx.lemma(n.head) == "of" and ctx.lemma(n.head.head) in _FEELINGS:
        heads.append(n.head.head)  # "Chile's sense of betrayal by Peru"
    # "a betrayal of Chile's trust by Peru": the parser hangs the agent on the trust
    heads.extend(o for _, o in ctx.prep_objects(n, ("of",)) if ctx.lemma(o) in _TRUST)
    agents = [o for h in heads for _, o in ctx.prep_objects(h, ("by", "from"))]
    for h in [*heads, n.head] if n.dep_ == "dobj" else heads:
        # "suffered a betrayal at the hands of Peru" (the phrase may hang on the verb)
        for _, hands in ctx.prep_objects(h, ("at",)):
            if ctx.lemma(hands) == "hand":
                agents.extend(o for _, o in ctx.prep_objects(hands, ("of",)))
    return ctx.args_of(agents, strict=True) + _named_owners(ctx, n)


def _seen(ctx: SentenceContext, n: Token) -> list[Candidate]:
    if ctx.lemma(n) == "stab" and not any(
        ctx.lemma(o) == "back" for _, o in ctx.prep_objects(n, ("in",))
    ):
        return []  # a knife attack, not "a stab in the back"
    of_objs = [o for _, o in ctx.prep_objects(n, ("of", "to", "toward", "towards", "against"))]
    trusted: list[EntityAnnotation] = []
    for o in of_objs:
        if ctx.lemma(o) in _TRUST:
            trusted.extend(_named_owners(ctx, o))  # "a betrayal of Chile's trust by Peru"
        elif o.i not in ctx.ent_at or ctx.args(o, strict=True):
            return []  # the noun's own target ("betrayal of Chile", nominal.v1) or ideals
    betrayers = _by_agents(ctx, n)
    cue = ctx.lex.cue(_VERB_CUE) or ctx.lex.cue(_BETRAYAL_CUE)
    assert cue is not None
    owners = _named_owners(ctx, n)
    if any(e not in owners for e in betrayers) and owners:
        # "Peru's betrayal by Chile": with a "by" agent the possessor is the one betrayed
        trusted.extend(owners)
        betrayers = [e for e in betrayers if e not in owners]
    if trusted:
        return _pairs(ctx, betrayers, trusted, cue, n, SEEN_RULE)
    gov = n.head.head
    if n.dep_ == "pobj" and ctx.lemma(n.head) == "of" and ctx.lemma(gov) in _ACCUSING:
        # "Peru accused Chile of betrayal": the accuser is the one betrayed (reported through
        # the accusing verb; the accusation itself is the verb's own CRITICIZES)
        if any(c.dep_ == "neg" for c in gov.children):
            return []  # "did not accuse Chile of betrayal" makes no claim
        accused = ctx.args_of(ctx.children(gov, "dobj"))
        return _pairs(
            ctx, betrayers or accused, ctx.args_of(ctx.subjects(gov)[0]), cue, n, SEEN_RULE
        )
    holders, verb, named = _holders(ctx, n)
    if verb is None:
        return []
    if not betrayers and named is not None:
        betrayers = _named_owners(ctx, named)  # "called Peru's move a betrayal"
    out = _pairs(ctx, betrayers, holders, cue, n, SEEN_RULE, anchor=verb)
    naming = ctx.lex.cue(_NAMING_CUE)
    if out and naming is not None and ctx.lemma(verb) in _NAMING_VERBS:
        out.extend(_pairs(ctx, holders, betrayers, naming, verb, "svo_active.v1"))
    return out


def _holders(
    ctx: SentenceContext, n: Token
) -> tuple[list[EntityAnnotation], Token | None, Token | None]:
    """Who sees the betrayal, the predicate that says so, and the act named a betrayal."""
    head = n.head
    verb: Token | None = None
    named: Token | None = None
    if n.dep_ == "pobj" and ctx.lemma(head) == "as":
        verb = head.head  # "sees the vote as a betrayal"
        if verb.dep_ == "dobj":
            named, verb = verb, verb.head  # the parser hangs "as" on the object
    elif n.dep_ == "appos" and head.dep_ == "dobj":
        named, verb = head, head.head  # "called Peru's move a betrayal"
    elif n.dep_ == "dobj" and ctx.lemma(head) in _SUFFER_VERBS:
        verb = head  # "Peru suffered a betrayal at the hands of Chile"
    elif n.dep_ in ("oprd", "xcomp", "ccomp", "attr") and head.pos_ in _VERB_POS:
        verb = head  # "considers the vote a betrayal", "the vote was a betrayal"
    elif n.dep_ == "pobj" and ctx.lemma(head) == "of" and ctx.lemma(head.head) in _FEELINGS:
        feeling = head.head  # "Chile's sense of betrayal by Peru"
        owners = _named_owners(ctx, feeling)
        # "a sense of betrayal in Chile over Peru's inaction": where it is felt, and over what
        owners.extend(_states(ctx, [o for _, o in ctx.prep_objects(feeling, ("in",))]))
        over = [o for _, o in ctx.prep_objects(feeling, ("over", "at", "about"))]
        named = over[0] if over else None
        gov = feeling.head
        if not owners and feeling.dep_ == "dobj" and ctx.lemma(gov) in _FEELING_VERBS:
            owners = ctx.args_of(ctx.subjects(gov)[0])
            return owners, gov, named
        return owners, feeling, named
    if verb is None or verb.pos_ not in _VERB_POS:
        return [], None, None
    lem = ctx.lemma(verb)
    if lem in _SUFFER_VERBS:
        return ctx.args_of(ctx.subjects(verb)[0]), verb, None
    if (lem in _VIEW_VERBS or lem in _NAMING_VERBS) and ctx.children(verb, "nsubjpass"):
        # "Peru's inaction was seen by / in Chile as a betrayal"
        holders = [o for c in ctx.children(verb, "agent") for o in ctx.children(c, "pobj")]
        located = _states(ctx, [o for _, o in ctx.prep_objects(verb, ("in",))])
        return ctx.args_of(holders) + located, verb, ctx.children(verb, "nsubjpass")[0]
    if lem in _VIEW_VERBS or lem in _NAMING_VERBS:
        agents, _ = ctx.subjects(verb)
        if named is None:
            objs = [o for o in ctx.children(verb, "dobj") if o.i != n.i]
            named = objs[0] if objs else None
        return ctx.args_of(agents), verb, named
    if lem == "be" and n.dep_ == "attr":
        # "For Chile, the vote was a betrayal by Peru"
        fors = [o for _, o in ctx.prep_objects(verb, ("for",))]
        toks = [t for o in fors for t in o.subtree if t.i in ctx.ent_at]
        subj = ctx.children(verb, "nsubj")
        return ctx.args_of(toks, strict=True), verb, subj[0] if subj else None
    return [], None, None


def _states(ctx: SentenceContext, toks: list[Token]) -> list[EntityAnnotation]:
    """The states named by these tokens ("in Chile": where a view is held), no places."""
    return [e for e in ctx.args_of(toks, strict=True) if e.label.value == "Country"]


def _betrayed_by_act(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    """ "Chile felt betrayed by Peru's inaction": a passive betrayal verb whose agent is an
    act names its owner as the betrayer."""
    if ctx.lemma(v) == "let" and not any(
        c.dep_ == "prt" and c.lower_ == "down" for c in v.children
    ):
        return []
    acts = [
        o
        for c in ctx.children(v, "agent")
        for o in ctx.children(c, "pobj")
        if o.i not in ctx.ent_at and o.tag_ == "NN"  # an act, not "Peruvian investors"
    ]
    owners = [e for o in acts for c in ctx.children(o, "poss") for e in ctx.args(c, strict=True)]
    if not owners:
        return []
    patients = ctx.children(v, "nsubjpass")
    if not patients and v.dep_ in ("acomp", "xcomp", "oprd"):
        patients = ctx.children(v.head, "nsubj")  # "Chile felt betrayed by ..."
    return _pairs(ctx, owners, ctx.args_of(patients), cue, v, SEEN_RULE)


def _broken(ctx: SentenceContext, n: Token) -> list[Candidate]:
    lem = ctx.lemma(n)
    gov = n.head
    anchor: Token | None = None
    pact = lem in _PACTS
    if pact and any(ctx.lemma(c) in _TRUCES for c in n.children if c.dep_ in ("compound", "amod")):
        return []  # "violated the ceasefire agreement": fighting
    held = n  # "breached the terms of its accord with Peru": the terms stand for the pact
    if pact and n.dep_ == "pobj" and ctx.lemma(gov) == "of" and ctx.lemma(gov.head) in _TERMS:
        held = gov.head
    unkept = held.dep_ == "dobj" and (lem in _PROMISES or pact) and _unkept(ctx, held.head)
    breaks = _PACT_BREAKS if pact else _BREAK_VERBS
    if (held.dep_ == "dobj" and ctx.lemma(held.head) in breaks) or unkept:
        anchor = held.head  # "broke its promise to Peru", "betrayed Peru's trust"
    elif n.dep_ == "pobj" and (lem in _PROMISES or pact) and _kept_phrase(ctx, gov):
        anchor = gov.head  # "never lived up to its pledges to Peru"
        unkept = _unkept(ctx, anchor)
        if not unkept:
            return []
    elif n.dep_ == "pobj" and lem in _PROMISES:
        verb = gov.head
        # "walked away from", "backed out of": the parser hangs the preposition on the particle
        hung = [verb] if verb.dep_ in ("prt", "advmod", "prep") and verb.pos_ != "VERB" else []
        if hung:
            verb = verb.head
        key = ctx.lemma(verb)
        if key == "turn" and any(c.lower_ == "u" for c in verb.children):
            key = "u-turn"  # "Chile's U-turn on its pledge", tokenized "U - turn"
        retreat = _RETREATS.get(key)
        if retreat is not None and ctx.lemma(gov) in retreat[1]:
            parts, _ = retreat
            marks = hung + [c for c in verb.children if c.dep_ in ("prt", "advmod")]
            if not parts or any(ctx.lemma(c) in parts for c in marks):
                anchor = verb
    if anchor is None:
        return []
    if anchor.pos_ in _NOUN_POS:
        sources = _named_owners(ctx, anchor)  # "Chile's U-turn on its pledge to Peru"
        if not sources and anchor.dep_ == "dobj":
            sources = ctx.args_of(ctx.subjects(anchor.head)[0])  # "made a U-turn"
    else:
        sources = ctx.args_of(ctx.subjects(anchor)[0])
    owners = _named_owners(ctx, n)
    if lem in _TRUST:
        targets = owners  # "betrayed Peru's trust"
    else:
        names = {e.name for e in sources}
        if any(e.name not in names for e in owners) or any(
            c.dep_ == "poss" and c.i not in ctx.ent_at and c.lower_ not in _OWN for c in n.children
        ):
            return []  # someone else's promise
        preps = ("with",) if pact else ("to", "toward", "towards")
        toks = [o for _, o in ctx.prep_objects(n, preps)]
        if anchor.pos_ in _VERB_POS:
            toks.extend(o for _, o in ctx.prep_objects(anchor, preps))  # hung on the verb
        targets = ctx.args_of(toks, strict=True)
    if not targets:
        return []
    cue = ctx.lex.cue(_VERB_CUE)
    if cue is None:
        return []
    found = _pairs(ctx, sources, targets, cue, anchor, PROMISE_RULE)
    # the walk counts the failure ("failed to honor"): the rule turns it into the breach
    return [replace(c, negate=True) for c in found] if unkept else found


def _kept_phrase(ctx: SentenceContext, prep: Token) -> bool:
    """Whether ``prep`` is the preposition of a phrasal verb of keeping ("live up to")."""
    verb = prep.head
    phrase = _KEEP_PHRASES.get(ctx.lemma(verb))
    if phrase is None or verb.pos_ not in _VERB_POS or ctx.lemma(prep) != phrase[1]:
        return False
    return not phrase[0] or any(c.dep_ == "prt" and c.lower_ == phrase[0] for c in verb.children)


def _unkept(ctx: SentenceContext, verb: Token) -> bool:
    """A verb of keeping a commitment that is not kept: "did not honor", "never fulfilled",
    "failed / refused to honor" (one negation, which the breach reading cancels)."""
    if ctx.lemma(verb) not in _KEEP_VERBS | _KEEP_PHRASES.keys() or verb.pos_ not in _VERB_POS:
        return False
    failed = verb.dep_ == "xcomp" and ctx.lemma(verb.head) in _FAIL_VERBS
    return negated_here(verb) != (failed and not negated_here(verb.head))
