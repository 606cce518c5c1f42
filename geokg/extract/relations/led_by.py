"""LEADS of a state whose government is "led by" a person (``leads_led_rule.v1``).

"Peru's government, led by Prime Minister Ana Ruiz, resigned", "the Chilean cabinet headed by
Tomas Varga", "a Peruvian coalition government led by Ana Ruiz": a rule noun (government,
cabinet, administration, regime, junta) that names its state by a possessive, a demonym or a
compound, and a "led by" / "headed by" participle whose agent is the person. SCHEMA.md
gives "led by" in the sense of rule as a LEADS cue; the state's organ names the state (news
conventions). The role is the title before the name, else "head of government" and the like.
A definite description with no name of its own stands for the one entity named before it: "The
coalition government led by X" the state of the previous sentence (its subject, of several),
"The organization, led by X," or "The militia was headed by X" (a passive subject) an
organization named there; in its own sentence only the owner
of a coordinated noun ("Peru's cabinet and the government led by X") or the scene ("In Peru,
...") counts, since "Peru's envoy met the government led by X" is another state's.

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
    if ctx.lemma(verb) not in _LEAD_VERBS:
        return []
    # "The militia has been headed by X since May": a description as the passive subject
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subjects:
        if len(subjects) != 1 or subjects[0].i in ctx.ent_at:
            return []
        noun = subjects[0]
    elif verb.dep_ in ("acl", "relcl"):
        noun = verb.head
    else:
        return []
    if ctx.lemma(noun) not in ctx.lex.rule_nouns and noun.lower_ not in _BODY_NOUNS:
        return []
    states = {e.name: e for e in _named_states(ctx, noun)}
    if not states and noun.i not in ctx.ent_at:
        states = {e.name: e for e in _described(ctx, noun, person)}
    if len(states) != 1:
        return []
    (led,) = states.values()
    if led.name == person.name:
        return []
    title = _title(ctx, person)
    role = _role_text(ctx, title) if title else "head of " + ctx.lemma(noun)
    return [_make(ctx, person, led, verb.i, verb.i + 1, "leads_led_rule.v1", role)]


# descriptions of an organization that a "led by" participle may follow: "The organization,
# led by X, ..." (a rule noun stands for a state: "the coalition government led by X")
_BODY_NOUNS = frozenset(
    {"organization", "organisation", "alliance", "bloc", "coalition", "movement", "group",
     "militia", "faction", "network"}
)  # fmt: skip
# body nouns that also name a mere gathering ("a group of students", "a network of friends")
_LOOSE_NOUNS = frozenset({"group", "network"})


def _described(
    ctx: SentenceContext, noun: Token, person: EntityAnnotation
) -> list[EntityAnnotation]:
    """The entity a definite description with no name of its own stands for ("the coalition
    government", "the organization"): the one state (rule nouns) or organization (body nouns)
    that its sentence names before it as the owner of a coordinated noun or the scene of its
    clause, else, where its sentence names none before it, the one in the previous sentence of
    the paragraph (or that sentence's subject, of several). Nothing with a name, possessive or
    demonym in the description's phrase, nor for an indefinite one ("a government led by X")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return []
    if any(c.dep_ in _STATE_DEPS and c.i < noun.i for c in noun.children if c.i in ctx.ent_at):
        return []
    if noun.lower_ in _LOOSE_NOUNS and any(c.lower_ == "of" for c in noun.children):
        return []  # "the group of students led by X" is a gathering, no organization
    label = EntityLabel.ORGANIZATION if noun.lower_ in _BODY_NOUNS else EntityLabel.COUNTRY
    start = min(t.i for t in noun.subtree)
    after_name = (
        start >= 2 and ctx.doc[start - 1].text == "," and ctx.doc[start - 2].pos_ == "PROPN"
    )
    if noun.dep_ == "appos" or after_name:
        # "Unity Bloc, the alliance led by X": the description is the name's before it (also
        # where the parser did not hang it there), named or not
        head = ctx.ent_at.get(noun.head.i if noun.dep_ == "appos" else start - 2)
        return [head] if head is not None and head.label == label else []
    before = [
        e for e in ctx.entities if e.end <= noun.i and e.label == label and e.name != person.name
    ]
    if before:
        # in its own sentence only a state that owns the noun the description is coordinated
        # with ("Peru's cabinet and the government led by X") or that sets the scene of its
        # clause ("In Peru, the government led by X ..."); "Peru's envoy met the government led
        # by X" is another state's government
        found = {e.name: e for e in _scene_or_conjunct(ctx, noun) if e.label == label}
        return list(found.values()) if len(found) == 1 else []
    disc = ctx.discourse
    if disc is None or not 0 < ctx.index < len(disc.sents) or disc.paragraph_break(ctx.index):
        return []
    earlier = [e for e in disc.entities_in(ctx.index - 1) if e.label == label]
    if len({e.name for e in earlier}) > 1:
        subjects = {e.name for _, ents in disc.subjects(ctx.index - 1) for e in ents}
        earlier = [e for e in earlier if e.name in subjects]
    return earlier[-1:] if len({e.name for e in earlier}) == 1 else []


def _scene_or_conjunct(ctx: SentenceContext, noun: Token) -> list[EntityAnnotation]:
    """The entities that own the noun a description is coordinated with, or that an "in"
    phrase of the description's own verb names before it."""
    out: list[EntityAnnotation] = []
    if noun.dep_ == "conj":
        out.extend(_named_states(ctx, noun.head))
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ in ("nsubj", "nsubjpass"):
        for _, obj in ctx.prep_objects(first.head, {"in"}):
            if obj.i < noun.i and obj.i in ctx.ent_at:
                out.append(ctx.ent_at[obj.i])
    return out


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
