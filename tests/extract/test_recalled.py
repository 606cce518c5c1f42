"""An act named again without its agent takes the one agent stated for it earlier
(``recalled_agent.v1``, ``recalled.py``), on frozen parses of constructed two-sentence texts."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.annotations import get_relations
from geokg.extract.relations import RelationComponent
from tests.extract.test_relations import CASES, build_doc

RULE = "recalled_agent.v1"
_BY_ID = {case["id"]: case for case in CASES}


def _recalled(vocab: Any, case_id: str) -> list[tuple[str, str, str, bool, bool]]:
    doc = build_doc(vocab, _BY_ID[case_id])
    RelationComponent()(doc)
    return [
        (r.source.name, r.type.value, r.target.name, r.context, r.confidence < 0.7)
        for r in get_relations(doc)
        if r.rule == RULE
    ]


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        ("recalled_invasion", ("Peru", "INVADES", "Ecuador")),
        ("recalled_annexation", ("Morocco", "ANNEXES", "Western Sahara")),
    ],
)
def test_an_agentless_act_takes_the_agent_stated_before(
    case_id: str, expected: tuple[str, str, str]
) -> None:
    from spacy.vocab import Vocab

    [(source, rtype, target, context, weaker)] = _recalled(Vocab(), case_id)
    assert (source, rtype, target) == expected
    assert context and weaker  # a discourse inference: context, lower confidence


@pytest.mark.parametrize(
    "case_id",
    [
        "recalled_two_agents_nothing",  # two agents stated: ambiguous
        "recalled_denied_nothing",  # the act was denied
        "recalled_later_nothing",  # stated only after the noun
        "recalled_own_agent",  # the noun names its own agent
        "recalled_hedged_nothing",  # the act was only possible
    ],
)
def test_no_agent_is_recalled_without_one_stated_act(case_id: str) -> None:
    from spacy.vocab import Vocab

    assert _recalled(Vocab(), case_id) == []
