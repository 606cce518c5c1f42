"""Forces sent to a state to help it: the sender SUPPORTS the state (``deployed_help.v1``).

"Chile deployed troops to Peru to help fight the insurgents", "Chile sent soldiers into Peru
to help the government restore order", "Chilean troops were dispatched to Peru to assist the
army": CAMEO 074 (provide military protection or peacekeeping) and SCHEMA.md (SUPPORTS:
"defend", "in support of") make the sender a supporter of the state its forces go to help.
The help verb names no party of its own there (the receiver is the destination), or only a
state organ ("the government", "the army"). Not: a deployment with no purpose of help ("sent
troops to Peru", "deployed troops to Peru to fight the insurgents" leaves open whose side
they fight on), a deployment against a state ("deployed troops against Peru"), help for
someone else ("to help the rebels", "to help evacuate its citizens"), a destination that is
a place ("to the border"). The help is predicated with the deployment: "will deploy troops
to Peru to help ..." is hedged, "deployed" asserted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.transfers import _parties

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["deployed_help", "help_not_invasion"]

_SUPPORT_CUE = "support.verb"
_SENDING = frozenset({"deploy", "send", "dispatch", "despatch", "station", "airlift", "rush"})
_DESTINATION = ("to", "into", "in")
# verbs of a purpose clause that help the destination
_HELPING = frozenset({"help", "assist", "aid", "support", "back", "bolster", "reinforce"})
# what the helped destination does with the help ("to help fight", "to help restore order")
_HELPED_ACTS = frozenset({"fight", "combat", "defeat", "battle", "counter", "repel", "secure"}) | {
    "stabilize",
    "stabilise",
    "restore",
    "protect",
    "defend",
    "guard",
    "patrol",
    "train",
    "rebuild",
    "contain",
    "police",
    "maintain",
    "keep",
    "quell",
    "suppress",
    "crush",
    "tackle",
    "confront",
    "push",
    "drive",
    "retake",
    "recapture",
    "reclaim",
}
# a state organ the help may name instead of the state ("to help the government fight")
_ORGANS = frozenset({"government", "army", "military", "authorities", "force", "forces"}) | {
    "troops",
    "police",
    "security",
    "administration",
    "regime",
}


def _purpose(ctx: SentenceContext, v: Token) -> Token | None:
    """The help verb of a purpose infinitive of ``v`` or of its object ("deployed troops to
    Peru *to help* ...")."""
    heads = [v, *ctx.children(v, "dobj")]
    for h in heads:
        for c in h.children:
            if (
                c.dep_ in ("advcl", "xcomp", "acl", "relcl")
                and c.pos_ in _VERB_POS
                and ctx.lemma(c) in _HELPING
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ):
                return c
    return None


def _helps_destination(ctx: SentenceContext, help_verb: Token) -> bool:
    """Whether the help verb leaves its receiver to the destination: no object but a helped
    act ("to help fight"), or a state organ ("to help the army", "to assist local forces")."""
    objs = ctx.children(help_verb, "dobj")
    if any(o.i in ctx.ent_at for o in objs):
        return False  # "to help Bolivia": the help verb's own relation
    if objs:
        return all(ctx.lemma(o) in _ORGANS and not ctx.args(o, strict=False) for o in objs)
    acts = ctx.children(help_verb, "xcomp", "ccomp")
    return any(ctx.lemma(a) in _HELPED_ACTS for a in acts)


def deployed_help(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile deployed troops to Peru to help fight the insurgents": Chile SUPPORTS Peru."""
    cue = ctx.lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(_SENDING) or not ctx.has_lemma(_HELPING):
        return []
    forces = ctx.lex.led_actor_nouns
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _SENDING:
            continue
        agents, patients = ctx.subjects(v)
        sent = patients if ctx.is_passive(v) else ctx.children(v, "dobj")
        if not any(ctx.lemma(t) in forces for t in sent):
            continue
        help_verb = _purpose(ctx, v)
        if help_verb is None or not _helps_destination(ctx, help_verb):
            continue
        places = [o for _, o in ctx.prep_objects(v, _DESTINATION)]
        receivers = [e for e in ctx.args_of(places, strict=True) if e.label.value == "Country"]
        if ctx.is_passive(v):
            givers = _parties(ctx.args_of(agents + sent, strict=False))
        else:
            givers = _parties(ctx.args_of(agents, strict=True))
        out.extend(_pairs(ctx, givers, receivers, cue, help_verb, "deployed_help.v1", anchor=v))
    return out


def help_not_invasion(ctx: SentenceContext, out: list[Candidate]) -> list[Candidate]:
    """Forces sent into a state to help it do not invade it (SCHEMA.md INVADES: troops sent
    in against its government): "sent soldiers into Peru to help the government restore
    order" gives SUPPORTS alone."""
    helped = {(c.source.name, c.target.name) for c in out if c.rule == "deployed_help.v1"}
    if not helped:
        return out
    return [
        c
        for c in out
        if not (
            c.type == "INVADES"
            and (c.source.name, c.target.name) in helped
            and ctx.lemma(ctx.doc[c.trigger]) in _SENDING
        )
    ]
