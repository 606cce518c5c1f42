"""LEADS from a state's delegation listing its officials by title.

* ``leads_delegation.v1``: "The Kenyan delegation includes Foreign Minister A; Defense Minister
  B", "Kenya's team included Trade Minister A and army chief B": the list is explicitly of one
  state's officials, so a member whose title names no entity of its own leads that state (role:
  the title). A member whose title names its own entity ("Ugandan envoy C") is left to the
  title rules, and a list that is not a named state's delegation ("The talks included Foreign
  Minister A") gives nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import _is_title_token, _led_before, _make, _role_text
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["delegation_candidates"]

_DELEGATION_NOUNS = frozenset({"delegation", "team", "contingent", "entourage"})
_LIST_VERBS = frozenset({"include", "comprise"})
_RULE = "leads_delegation.v1"


def delegation_candidates(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """LEADS for a titled member of a named state's delegation list.

    Args:
        ctx: The sentence.
        person: A Leader or Person mention.

    Returns:
        At most one candidate: the person leads the delegation's state.
    """
    title = _title(ctx, person)
    if not title:
        return []
    item = ctx.root_of(person)
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head  # "A; B; and C": the later items hang on an earlier one
    if item.dep_ != "dobj" or ctx.lemma(item.head) not in _LIST_VERBS:
        return []
    state = _delegation_state(ctx, item.head)
    if state is None or state.name == person.name:
        return []
    role = _role_text(ctx, title)
    return [_make(ctx, person, state, title[0].i, title[-1].i + 1, _RULE, role)]


def _title(ctx: SentenceContext, person: EntityAnnotation) -> list[Token]:
    """The title words just before the name ("Defense Minister"), if they have a head word and
    no led entity of their own ("Kenyan Defense Minister" is the title rules')."""
    doc = ctx.doc
    toks: list[Token] = []
    has_head = False
    i = person.start - 1
    while i >= ctx.start and i not in ctx.ent_at:
        part, head = _is_title_token(ctx, doc[i])
        if not part:
            break
        has_head = has_head or head
        toks.insert(0, doc[i])
        i -= 1
    if not has_head:
        return []
    led, _ = _led_before(ctx, i)
    return [] if led is not None else toks


def _delegation_state(ctx: SentenceContext, verb: Token) -> EntityAnnotation | None:
    """The one state naming the delegation that is the verb's subject ("the Kenyan delegation",
    "Kenya's team", "the delegation from Kenya")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or ctx.lemma(subj) not in _DELEGATION_NOUNS:
        return None
    found: list[EntityAnnotation] = []
    for c in subj.children:
        if c.dep_ in ("amod", "poss", "compound", "nmod") and c.i in ctx.ent_at:
            found.append(ctx.ent_at[c.i])
    for _, obj in ctx.prep_objects(subj, {"from", "of"}):
        if obj.i in ctx.ent_at:
            found.append(ctx.ent_at[obj.i])
    states = {e.name: e for e in found if e.label == EntityLabel.COUNTRY}
    return next(iter(states.values())) if len(states) == 1 else None
