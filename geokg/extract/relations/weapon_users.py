"""The origin of weapons someone wants is not the party who would use them.

"Kenya wants more Turkish missiles to deter Somalia", "Kenya hopes Japanese drones will deter
Somalia", "Kenya ordered Chinese jets to deter Somalia": the subject of the clause (or the
object of the verb it complements) is a weapon noun whose only named party is its origin
modifier ("Turkish", "Japanese"), and the clause is the complement of a verb of wanting or
getting whose subject names a party. The party who would deter with the weapons is that
subject (Kenya), not the state the weapons come from: the relation is moved to it. A weapon
noun standing alone as the clause subject ("Turkish missiles struck Somalia") keeps its
origin as the party, and a reporting verb ("Kenya says Turkish drones hit Somalia") moves
nothing: the speaker does not use what it reports.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["weapon_users"]

_WEAPONS = frozenset(
    {
        "weapon", "arm", "arms", "missile", "rocket", "drone", "jet", "fighter", "tank",
        "warship", "submarine", "frigate", "helicopter", "artillery", "munition", "munitions",
        "ammunition", "system", "battery", "interceptor", "bomber", "howitzer", "launcher",
    }
)  # fmt: skip
# verbs of wanting or getting: their subject would hold and use the weapons
_USERS = frozenset(
    {
        "want", "need", "seek", "hope", "expect", "wish", "buy", "acquire", "purchase", "order",
        "obtain", "receive", "get", "deploy", "station", "field",
    }
)  # fmt: skip
_ORIGIN_DEPS = frozenset({"amod", "compound", "nmod"})


def _weapon_subject(ctx: SentenceContext, verb: Token, source: EntityAnnotation) -> bool:
    """Whether ``source`` is only the origin modifier of the weapon noun subject of ``verb``."""
    root = ctx.root_of(source)
    noun = root.head
    if root.dep_ not in _ORIGIN_DEPS or ctx.lemma(noun) not in _WEAPONS:
        return False
    if noun.dep_ == "dobj":  # "ordered Chinese jets to deter Y": the object read as controller
        return verb.dep_ == "xcomp" and noun.head.i == verb.head.i
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i


def weapon_users(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Move "X wants Turkish missiles to deter Y" from the weapons' origin to X.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates, each whose source is the origin of a wanted weapon given the wanting
        party as source instead (one per party it names).
    """
    out: list[Candidate] = []
    for c in found:
        verb = ctx.doc[c.trigger]
        matrix = verb.head
        if (
            verb.dep_ not in ("ccomp", "xcomp")
            or ctx.lemma(matrix) not in _USERS
            or not _weapon_subject(ctx, verb, c.source)
        ):
            out.append(c)
            continue
        agents, _ = ctx.subjects(matrix)
        users = [e for e in ctx.args_of(agents) if e.name not in (c.source.name, c.target.name)]
        out.extend(replace(c, source=u) for u in users)
    return out
