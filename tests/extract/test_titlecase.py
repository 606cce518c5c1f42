"""Title Case lines are parsed in sentence case; offsets never move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from geokg.extract.titlecase import TitleCaseNormaliser, is_title_case, normaliser_for

COMMON = {
    "and",
    "agree",
    "to",
    "restore",
    "tie",
    "sign",
    "defense",
    "pact",
    "with",
    "old",
    "friend",
}
NAMES = {"Iran", "Egypt", "Japan", "Philippines", "the West", "Defense Pact Organization"}


@pytest.fixture()
def norm() -> TitleCaseNormaliser:
    return TitleCaseNormaliser(common=COMMON, names=NAMES, verbs={"sign", "agree", "restore"})


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Iran, Egypt Agree To Restore Ties", True),
        ("Japan Signs Defense Pact With Philippines", True),
        ("Japan signed a defense pact with the Philippines on Monday.", False),
        ("Iran Egypt", False),  # too short to tell
    ],
)
def test_titlecase_detects_title_case(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Iran, Egypt Agree To Restore Ties", "Iran, Egypt agree to restore ties"),
        ("Japan Signs Defense Pact With Philippines", "Japan signs defense pact with Philippines"),
        # a multiword name keeps all its words
        (
            "Japan Signs Defense Pact Organization Treaty With Iran",
            "Japan signs Defense Pact Organization Treaty with Iran",
        ),
        # a name's leading article is not part of the match: "West" stays, "The" is a function word
        ("Old Friends Egypt And The West Sign Pact", "Old friends Egypt and the West sign pact"),
        # an unknown capitalised word is a name, and the noun before it stays too; a verb
        # before a name does not
        ("Old Friend Zorbanu Signs Pact With Egypt", "Old Friend Zorbanu signs pact with Egypt"),
        (
            "Egypt And Iran Sign Zorbanu Pact With Japan",
            "Egypt and Iran sign Zorbanu pact with Japan",
        ),
        # acronyms keep their case
        ("NATO Signs Defense Pact With Japan Today", "NATO signs defense pact with Japan Today"),
    ],
)
def test_titlecase_sentence_case(norm: TitleCaseNormaliser, line: str, expected: str) -> None:
    assert norm(line) == expected


def test_titlecase_keeps_length_and_other_lines(norm: TitleCaseNormaliser) -> None:
    text = "Iran, Egypt Agree To Restore Ties\n\nThe two countries Agree on little.\n"
    out = norm(text)
    assert len(out) == len(text)
    assert out.split("\n")[2] == "The two countries Agree on little."
    assert [i for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b] == [
        text.index("Agree"),
        text.index("To "),
        text.index("Restore"),
        text.index("Ties"),
    ]


def test_titlecase_pipeline_without_lemma_index_is_identity() -> None:
    from spacy.lang.en import English

    assert normaliser_for(English())("Iran, Egypt Agree To Restore Ties") == (
        "Iran, Egypt Agree To Restore Ties"
    )


@pytest.mark.model
def test_titlecase_headline_relations_with_raw_offsets(tmp_path: Path, nlp: Any) -> None:
    from dataclasses import dataclass

    from geokg.extract.extractor import Extractor

    @dataclass
    class TextDocument:
        name: str
        text: str

    raw = "Kenya, Uganda Agree To Restore Ties\n\nThe two leaders met in Nairobi on Monday.\n"
    with Extractor(nlp=nlp) as ex:
        result = ex.extract_one(TextDocument(name="h.txt", text=raw))
    rels = {(r.source, r.type.value, r.target) for r in result.relations}
    assert ("Uganda", "AGREES_WITH", "Kenya") in rels or ("Kenya", "AGREES_WITH", "Uganda") in rels
    trigger = next(r for r in result.relations if r.type.value == "AGREES_WITH").trigger
    assert raw[trigger.start : trigger.end] == trigger.text == "Agree"


@pytest.mark.parametrize(
    "line,expected",
    [
        # three words are enough when all of them are long and capitalised
        ("Chile Joins NATO", True),
        ("By Ana Torres", False),
        ("Chile joins NATO", False),
        # few long words: every word must be capitalised
        ("US Halts Aid To Qatar", True),
        ("US halts aid to Qatar", False),
    ],
)
def test_titlecase_short_headlines(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


def test_titlecase_keeps_code_names_with_digits() -> None:
    norm = TitleCaseNormaliser(common={"back", "m", "g", "meet", "as"}, names=set(), verbs={"back"})
    assert norm("Egypt Backs M23 As G7 Meets") == "Egypt backs M23 as G7 meets"


def test_titlecase_keeps_possessive_names() -> None:
    norm = TitleCaseNormaliser(common={"block", "bid", "iran"}, names={"Iran"}, verbs={"block"})
    assert norm("Egypt Blocks Iran's Membership Bid") == "Egypt blocks Iran's Membership bid"


def test_titlecase_spaced_hyphen_is_a_dash_in_headlines_only(norm: TitleCaseNormaliser) -> None:
    text = (
        "Japan Signs Defense Pact With Philippines - Officials\n\n"
        "Iran and Egypt agree to restore ties - officials\n\n"
        "Japan signed the pact - a first - on Monday.\n"
        "The text runs on - without a stop\nand ends here.\n"
    )
    out = norm(text)
    assert len(out) == len(text)
    lines = out.split("\n")
    assert lines[0] == "Japan signs defense pact with Philippines \u2014 Officials"
    assert (
        lines[2] == "Iran and Egypt agree to restore ties \u2014 officials"
    )  # a paragraph of its own
    assert lines[4] == "Japan signed the pact - a first - on Monday."  # running text
    assert lines[5] == "The text runs on - without a stop"  # a line inside a paragraph


# constructed headlines through the whole extractor (normalisation, parse, rules)
HEADLINES = [
    ("Sweden Joins NATO", ("Sweden", "MEMBER_OF", "NATO", "asserted")),
    ("Ghana Raps Togo Over Refugee Policy", ("Ghana", "CRITICIZES", "Togo", "asserted")),
    ("Kenya To Host Somalia Peace Talks", ("Kenya", "MEETS", "Somalia", "hedged")),
    ("Experts: Chile Backing Houthis", ("Chile", "SUPPORTS", "Houthis", "reported")),
    ("Analysis: Chile Backing Houthis", ("Chile", "SUPPORTS", "Houthis", "asserted")),
    (
        "Chile Preparing Attack On Peru - Bolivian Officials",
        ("Chile", "ATTACKS", "Peru", "reported"),
    ),
    ("Chile Backing Houthis, Says Peru", ("Chile", "SUPPORTS", "Houthis", "reported")),
    ("Can Chile And Peru Mend Ties?", ("Chile", "PARTNERS_WITH", "Peru", "hypothetical")),
    ("Chile In Talks With Peru Over Gas", ("Chile", "MEETS", "Peru", "asserted")),
]


@pytest.mark.model
@pytest.mark.parametrize("raw,expected", HEADLINES)
def test_titlecase_headlines_end_to_end(
    nlp: Any, raw: str, expected: tuple[str, ...] | None
) -> None:
    from dataclasses import dataclass

    from geokg.extract.extractor import Extractor

    @dataclass
    class TextDocument:
        name: str
        text: str

    with Extractor(nlp=nlp) as ex:
        result = ex.extract_one(TextDocument(name="h.txt", text=raw + "\n"))
    rels = {(r.source, r.type.value, r.target, r.modality.value) for r in result.relations}
    s, t, o, m = expected
    assert (s, t, o, m) in rels or (t in ("MEETS", "PARTNERS_WITH") and (o, t, s, m) in rels)
    # the speaker of an attribution is never an argument
    assert all("Bolivia" not in (r.source, r.target) for r in result.relations)


def test_titlecase_function_words_and_quotes_keep_no_capital() -> None:
    norm = TitleCaseNormaliser(
        common={"sign", "deal", "call", "remark", "reckless", "tension"},
        names={"Chile", "Peru"},
        verbs={"sign", "call"},
    )
    # "Amid" is no common word of the index but never part of a name, so "Deal" before it
    # is no name either; a closing quotation mark is no part of the word
    assert norm("Chile, Peru Sign Deal Amid Tensions") == "Chile, Peru sign deal amid tensions"
    assert norm("Chile Calls Peru's Remarks 'Reckless'") == "Chile calls Peru's remarks 'reckless'"


def test_titlecase_doubled_consonants_and_leading_numbers() -> None:
    norm = TitleCaseNormaliser(
        common={"admit", "plan", "attack", "soldier", "kill", "in", "gunman"},
        names={"Chile", "Peru"},
        verbs={"admit", "plan", "kill"},
    )
    assert norm("Chile Admitted To Peru Pact") == "Chile admitted to Peru Pact"
    assert norm("Chile Planning Attack On Peru") == "Chile planning attack on Peru"
    # a number opens the line: the word after it is no first word
    assert norm("12 Soldiers Killed In Peru") == "12 soldiers killed in Peru"


@pytest.mark.parametrize(
    "line,expected",
    [("Chad Leaves OAS", True), ("Chad Leaves Oas", False), ("By AP Staff", False)],
)
def test_titlecase_three_words_with_an_acronym(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


def test_titlecase_word_after_an_initial_is_a_name() -> None:
    norm = TitleCaseNormaliser(
        common={"korea", "threaten", "strike", "force", "target"},
        names=set(),
        verbs={"threaten", "strike"},
    )
    assert norm("N. Korea Threatens S. Korea") == "N. Korea threatens S. Korea"
    # "U.S." is no initial: the word after it is lowercased
    assert norm("U.S. Forces Strike Targets") == "U.S. forces strike targets"


@pytest.mark.parametrize(
    "line,expected",
    [
        # function words kept small do not count against Title Case
        ("Chile Recalls Ambassador from Peru over Border Row", True),
        ("Chile Breaks Ties with Peru after Aid Row", True),
        ("Chile recalls ambassador from Peru over border row", False),
        ("US Halts Aid to Qatar", True),
    ],
)
def test_titlecase_small_function_words(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


@pytest.mark.model
def test_titlecase_relation_cues_are_common_words(nlp: Any) -> None:
    """A cue word the lemmatizer's index lacks ("ceasefire", "cyberattack") is no name."""
    norm = normaliser_for(nlp)
    assert norm("Chile, Peru Agree Ceasefire Deal") == "Chile, Peru agree ceasefire deal"
    assert norm("Chile Launches Cyberattack On Peru") == "Chile launches cyberattack on Peru"


def test_titlecase_plural_in_men() -> None:
    norm = TitleCaseNormaliser(
        common={"gunman", "kill", "in", "say"}, names={"Peru"}, verbs={"kill", "say"}
    )
    assert norm("Peru Says Gunmen Killed 12 In Lima") == "Peru says gunmen killed 12 in Lima"


@pytest.mark.model
def test_titlecase_irregular_verb_before_a_name_is_lowercased(nlp: Any) -> None:
    """An irregular past ("Met", "Fled") is a verb, not the start of the name after it."""
    norm = normaliser_for(nlp)
    assert norm("Zorbanu Met Qelvani In Lima") == "Zorbanu met Qelvani in Lima"


def test_titlecase_names_with_small_words_keep_their_spelling() -> None:
    # a headline capitalises the name's "of"; the name keeps its capitals and its small "of"
    norm = TitleCaseNormaliser(
        common={"form", "join", "of", "states", "american", "alliance", "organization"},
        names={"Alliance of Sahel States", "Organization of American States"},
        verbs={"form", "join"},
    )
    assert norm.line("Mali, Niger Form Alliance Of Sahel States") == (
        "Mali, Niger form Alliance of Sahel States"
    )
    assert norm.line("Peru Joins Organization Of American States") == (
        "Peru joins Organization of American States"
    )
