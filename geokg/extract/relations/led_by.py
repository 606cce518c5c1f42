"""LEADS of a state whose government is "led by" a person (``leads_led_rule.v1``).

"Peru's government, led by Prime Minister Ana Ruiz, resigned", "the Chilean cabinet headed by
Tomas Varga", "a Peruvian coalition government led by Ana Ruiz": a rule noun (government,
cabinet, administration, regime, junta) that names its state by a possessive, a demonym or a
compound, and a "led by" / "headed by" participle whose agent is the person. SCHEMA.md
gives "led by" in the sense of rule as a LEADS cue; the state's organ names the state (news
conventions). The role is the title before the name, else "head of government" and the like.

``leads_named_body.v1``: a person who leads, heads, runs or commands a body named on its kind
noun ("Ana Ruiz leads the Popular Force party", "X, who heads the Barrio Verde gang"): the
verb's object is the kind noun, not the organization, so the verb cue alone misses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import _is_title_token, _make, _named_inside, _role_text
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["led_named_body", "led_rule_noun"]

_LEAD_VERBS = frozenset({"lead", "head"})
_STATE_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def led_rule_noun(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """The person leads the state whose rule noun a "led by" participle modifies.

    Args:
        ctx: The sentence context.
        person: A Leader or Person mention.

    Returns:
        At most one LEADS candidate (person -> the one state the rule noun names).
    """
    root = ctx.root_of(person)
    if root.dep_ != "pobj" or root.head.lower_ != "by":
        return []
    verb = root.head.head
    if ctx.lemma(verb) not in _LEAD_VERBS or verb.dep_ not in ("acl", "relcl"):
        return []
    noun = verb.head
    if ctx.lemma(noun) not in ctx.lex.rule_nouns:
        return []
    states = {e.name: e for e in _named_states(ctx, noun)}
    if len(states) != 1:
        return []
    (led,) = states.values()
    if led.name == person.name:
        return []
    title = _title(ctx, person)
    role = _role_text(ctx, title) if title else "head of " + ctx.lemma(noun)
    return [_make(ctx, person, led, verb.i, verb.i + 1, "leads_led_rule.v1", role)]


def _named_states(ctx: SentenceContext, noun: Token) -> list[EntityAnnotation]:
    """The states a rule noun names inside its phrase ("Peru's", "Peruvian", "the Peru")."""
    out: list[EntityAnnotation] = []
    for c in noun.children:
        if c.dep_ not in _STATE_DEPS or c.i > noun.i or ctx.stance_prefixed(c):
            continue
        e = ctx.ent_at.get(c.i)
        if e is not None and e.label == EntityLabel.COUNTRY:
            out.append(e)
    return out


def _title(ctx: SentenceContext, person: EntityAnnotation) -> list[Token]:
    """The title words right before the name, or at the start of its span."""
    doc = ctx.doc
    inside = []
    k = person.start
    while k < person.end - 1 and _is_title_token(ctx, doc[k])[0]:
        inside.append(doc[k])
        k += 1
    if inside:
        return inside
    before: list[Token] = []
    i = person.start - 1
    while i >= ctx.start and i not in ctx.ent_at and _is_title_token(ctx, doc[i])[0]:
        before.insert(0, doc[i])
        i -= 1
    return before if any(_is_title_token(ctx, t)[1] for t in before) else []


_RUN_VERBS = frozenset({"lead", "head", "run", "command", "chair", "helm"})


def led_named_body(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """The person leads the organization named on the object of a verb of leading.

    Args:
        ctx: The sentence context.
        person: A Leader or Person mention.

    Returns:
        At most one LEADS candidate (person -> the organization named in "the X party").
    """
    root = ctx.root_of(person)
    verbs: list[Token] = []
    if root.dep_ == "nsubj" and ctx.lemma(root.head) in _RUN_VERBS:
        verbs.append(root.head)
    for child in root.children:
        if (
            child.dep_ == "relcl"
            and ctx.lemma(child) in _RUN_VERBS
            and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in child.children)
        ):
            verbs.append(child)
    for verb in verbs:
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.i in ctx.ent_at:
                continue
            org = _named_inside(ctx, obj)
            if org is not None and org.name != person.name:
                return [
                    _make(ctx, person, org, verb.i, verb.i + 1, "leads_named_body.v1", "leader")
                ]
    return []
