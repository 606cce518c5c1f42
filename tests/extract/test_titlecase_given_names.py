"""A surname that is a common word keeps its capital after an unknown given name in a headline.

The model's word index holds many surnames as common words (famous people and plain nouns:
"graham", "store", "banks"), so a Title Case line lost them: "Senator Lindsey Graham Said ..."
became "Senator Lindsey graham said ..." and the person was "Lindsey". After an unknown
capitalised word (a given name the gazetteer does not list) a common word stays a name unless it
is a function word, a head noun that a name modifies ("Aide", "Fighters", "Government") or a
verb; a verb stays a name only when a comma or "and" closes it. Days of the week keep their
capital in any line, and so does the head of a company named with a state ("Kenya Airways").
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract.titlecase import TitleCaseNormaliser, normaliser_for

COMMON = {
    "say", "said", "bill", "would", "pass", "graham", "store", "bank", "visit", "aide", "kill",
    "government", "cut", "aid", "who", "is", "prime", "minister", "object", "wins", "win",
    "vote", "monday", "sign", "deal", "senator", "ally", "airways", "overnight", "shell", "port",
}  # fmt: skip
NAMES = {"Chile", "Peru", "Lima"}


@pytest.fixture()
def norm() -> TitleCaseNormaliser:
    return TitleCaseNormaliser(
        common=COMMON,
        names=NAMES,
        verbs={
            "say",
            "shell",
            "pass",
            "store",
            "bank",
            "visit",
            "kill",
            "cut",
            "object",
            "win",
            "sign",
        },
        verb_forms={"said"},
        head_nouns={"aide", "government", "ally", "minister", "senator", "overnight"},
        company_heads={"airways"},
    )


@pytest.mark.parametrize(
    "line,expected",
    [
        # a surname that is a common noun, after a given name the gazetteer does not list
        (
            "Senator Tomas Graham Said the Bill Would Pass",
            "Senator Tomas Graham said the bill would pass",
        ),
        # a surname that is also a verb, closed by a comma or "and"
        (
            "Anders Hovland Store, Who Is Prime Minister, Visited Peru",
            "Anders Hovland Store, who is prime minister, visited Peru",
        ),
        ("Tomas Banks and Ana Ruiz Objected", "Tomas Banks and Ana Ruiz objected"),
        # a verb after a name is the headline's verb
        ("Tomas Ruiz Visits Chile", "Tomas Ruiz visits Chile"),
        ("Ana Ruiz Said Chile Would Pass the Bill", "Ana Ruiz said Chile would pass the bill"),
        # a head noun the name modifies is no surname
        ("Zelinski Aide Killed in Lima", "Zelinski aide killed in Lima"),
        ("Ruiz Government Cuts Aid to Peru", "Ruiz government cuts aid to Peru"),
        ("Ruiz Ally Wins Vote", "Ruiz ally wins vote"),
        # an adverb, or a place after a preposition, gives no surname
        ("Peru Shelled the Port of Tacna Overnight", "Peru shelled the port of Tacna overnight"),
        ("Peru Shelled Tacna Overnight", "Peru shelled Tacna overnight"),
        # after a known name or a common word the rule does not apply
        ("Chile Bank Signs Deal", "Chile bank signs deal"),
        # a company named with a state
        ("Chile Airways Signs Deal with Peru", "Chile Airways signs deal with Peru"),
        # days keep their capital
        ("Chile Signs Deal with Peru on Monday", "Chile signs deal with Peru on Monday"),
    ],
)  # fmt: skip
def test_given_name_keeps_its_surname(norm: TitleCaseNormaliser, line: str, expected: str) -> None:
    assert norm(line) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "line,person",
    [
        ("Republican Senator Tobias Graham Said the Bill Would Pass", "Tobias Graham"),
        ("Opposition Leader Ravi Gandhi Criticized Chile", "Ravi Gandhi"),
        ("Tomas Banks and Ana Ruiz Objected", "Tomas Banks"),
    ],
)
def test_given_name_surname_in_pipeline(nlp: Any, line: str, person: str) -> None:
    from geokg.extract.annotations import get_entities

    doc = nlp(normaliser_for(nlp)(line))
    assert person in {e.name for e in get_entities(doc)}
