"""Tests for geokg.extract.clean: cleaning with an exact map back to raw offsets."""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from geokg.errors import ConfigError
from geokg.extract.clean import CleanText, clean_text, split_paragraphs

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CORPUS = REPO.parent / "shared" / "corpus"
GOLD = REPO.parent / "shared" / "gold"
EXAMPLES = REPO / "examples"

DOCUMENTS = [
    *sorted(CORPUS.glob("*.txt")),
    *sorted(EXAMPLES.glob("*.txt")),
    *sorted(DATA.glob("*.txt")),
]

# What a word token's raw slice may hold besides the word: a hyphen and line break, spaces.
_BROKEN = re.compile(r"[-\u2010][ \t\u00a0]*(?:\r\n|[\n\r\f\v\u2028\u2029])\s*")
_INVISIBLE = re.compile(r"[\s\u00ad\u200b\u2060\ufeff]")
_INSERTABLE = " \n"

SYNTHETIC = [
    "",
    "plain",
    "One paragraph.\n\nAnother one.",
    "  leading and trailing  \n\n\n",
    "pre-\ndicted and Nagorno-\nKarabakh and anti-\nwar",
    "A line that ends mid\nsentence and goes on.",
    "widen its fishing\n\nfleet along the northern coast",
    "for the ministry\n\n, leaving them to decide",
    "April\u2013\nMay 2018 and power\u2014\ncontests it",
    "non\u00a0breaking\u00a0\u00a0space, soft\u00adhyphen, zero\u200bwidth, tab\there",
    "Windows\r\nline\r\n\r\nendings\rand old Mac ones",
    "Caption repeated here\nCaption repeated here\n\nBody text.",
    "Title Of The Piece\n\nTitle Of The Piece. Body starts. Ends here. Title Of The Piece",
    "Text.\n\n245 Comments\n  1. Pingback: Something | Blog\n\nLeave a Reply",
    "x-\n" * 50 + "end",
    "\n\n\n\n",
    "\u00ad\u200b \u00a0",
    "word -\nnext and U.S.-\nled and F-\n16 and 2008-\n09",
]


def assert_invariants(raw: str, clean: CleanText) -> None:
    """The offsets contract of SCHEMA.md, checked character by character."""
    text, offsets = clean.text, clean.offsets
    assert clean.raw is raw
    assert offsets.typecode == "q"
    assert len(offsets) == len(text) + 1
    assert offsets[len(text)] == len(raw)
    assert all(offsets[i] <= offsets[i + 1] for i in range(len(text)))
    for i, ch in enumerate(text):
        source = raw[offsets[i]]
        if ch != source:
            # Only inserted spaces and paragraph breaks differ, and they stand for whitespace.
            assert ch in _INSERTABLE, (i, ch, source)
            assert _INVISIBLE.match(source), (i, ch, source)
    for m in re.finditer(r"\w+", text):
        piece = clean.raw_text(m.start(), m.end())
        assert _INVISIBLE.sub("", _BROKEN.sub("", piece)) == m.group(), (m.group(), piece)
    assert text == text.strip()
    assert "  " not in text
    assert "\n\n\n" not in text
    assert re.search(r"(?<!\n)\n(?!\n)", text) is None, "lines inside a paragraph"


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize(
    "options",
    [{}, {"drop_furniture": False}, {"drop_duplicates": False}],
    ids=["default", "keep_furniture", "keep_duplicates"],
)
def test_clean_offsets_invariants_on_documents(path: Path, options: dict[str, bool]) -> None:
    raw = read(path)
    clean = clean_text(raw, **options)
    assert_invariants(raw, clean)
    again = clean_text(raw, **options)
    assert again.text == clean.text
    assert again.offsets == clean.offsets


@pytest.mark.parametrize("raw", SYNTHETIC)
def test_clean_offsets_invariants_on_synthetic_text(raw: str) -> None:
    assert_invariants(raw, clean_text(raw))
    assert_invariants(raw, clean_text(raw, drop_furniture=False, drop_duplicates=False))


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "Russia and Turkey signed a deal.",
        "What the envoy wants\n\nCanada's mission in Haiti is driven by aid.",
        "Turkey, a member of NATO, bought the S-400.\n\nThe United States imposed sanctions.",
        "Caf\u00e9 talks in Z\u00fcrich \u2014 \u201cquoted\u201d text\u2026 ok?",
    ],
)
def test_clean_leaves_clean_text_unchanged(raw: str) -> None:
    clean = clean_text(raw)
    assert clean.text == raw
    assert list(clean.offsets) == list(range(len(raw) + 1))


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("were pre-\ndicted by many", "were predicted by many"),
        ("the Nagorno-\nKarabakh conflict", "the Nagorno-Karabakh conflict"),
        ("a pro-\nWestern turn", "a pro-Western turn"),
        ("an anti-\nwar movement", "an anti-war movement"),
        ("the Russia-\nled bloc", "the Russia-led bloc"),
        ("a consensus-\nbased policy", "a consensus-based policy"),
        ("in 2008-\n09 and the F-\n16", "in 2008-09 and the F-16"),
        ("Westerniza-\n tion rhetoric", "Westernization rhetoric"),
        ("relations with Tur-\n\nkey, which", "relations with Turkey, which"),
        # The document's own spelling decides: hyphenated elsewhere keeps the hyphen ...
        (
            "co-operation grew. More co-\noperation followed.",
            "co-operation grew. More co-operation followed.",
        ),
        # ... and written solid elsewhere drops it.
        (
            "cooperation grew. More co-\noperation followed.",
            "cooperation grew. More cooperation followed.",
        ),
        ("neo-imperial aims and neo-impe-\nrial talk", "neo-imperial aims and neo-imperial talk"),
        ("soft\u00adhyphen", "softhyphen"),
        ("the U.S.-\nled coalition", "the U.S.-led coalition"),
    ],
)
def test_clean_hyphenated_line_breaks(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


WRAPPED = (
    "Shifting Ground\n"
    "After the elections held in the republic in March\u2013\n"
    "April 2019, many analysts predicted a chill in ties \n"
    "with Ottawa. The predictions were largely based on the \n"
    "record of earlier upheavals in neighbouring states.\n"
    "\n"
    "During the campaign, the premier and the coalition that she led \n"
    "\n"
    "voted against joining the Pacific Trade \n"
    "Council."
)

BLANK_WRAPPED = (
    "Ottawa had planned to use the northern harbour to extend its fishing\n\n"
    "fleet in the Arctic and build trade. That plan\n\n"
    "now looks to be in doubt. Admitting the delays could dent\n\n"
    "Carney\u2019s standing, a cost the cabinet will not accept.\n\n"
    "The likely setback is especially painful for Canada\n\n"
    "Canada\u2019s present difficulty recalls the troubles of an earlier decade."
)


@pytest.mark.parametrize(
    "raw,expected_paragraphs",
    [
        (
            WRAPPED,
            [
                "Shifting Ground",
                "After the elections held in the republic in March\u2013April 2019, many analysts"
                " predicted a chill in ties with Ottawa. The predictions were largely based on"
                " the record of earlier upheavals in neighbouring states.",
                "During the campaign, the premier and the coalition that she led voted against"
                " joining the Pacific Trade Council.",
            ],
        ),
        (
            BLANK_WRAPPED,
            [
                "Ottawa had planned to use the northern harbour to extend its fishing fleet in"
                " the Arctic and build trade. That plan now looks to be in doubt. Admitting the"
                " delays could dent Carney\u2019s standing, a cost the cabinet will not accept.",
                "The likely setback is especially painful for Canada",
                "Canada\u2019s present difficulty recalls the troubles of an earlier decade.",
            ],
        ),
        ("for the Kremlin\n\n, forcing them", ["for the Kremlin, forcing them"]),
        (
            "Chilean President Gabriel Boric [AP]\nBoric's visit to Lima [AP]",
            ["Chilean President Gabriel Boric [AP]", "Boric's visit to Lima [AP]"],
        ),
        ("a pause at a line end,\nthen more", ["a pause at a line end, then more"]),
        ("One.\n\n\n\nTwo.", ["One.", "Two."]),
    ],
)
def test_clean_joins_hard_wraps_and_keeps_paragraphs(
    raw: str, expected_paragraphs: list[str]
) -> None:
    assert clean_text(raw).text.split("\n\n") == expected_paragraphs


def test_clean_joined_line_maps_space_to_the_line_break() -> None:
    raw = "expand its naval\n\ninfluence"
    clean = clean_text(raw)
    assert clean.text == "expand its naval influence"
    space = clean.text.index(" influence")
    assert raw[clean.offsets[space]] == "\n"
    assert clean.raw_text(space - 5, space + 10) == "naval\n\ninfluence"


ARTICLE = "Russia and Turkey signed a gas deal on Monday after long talks in Sochi."


@pytest.mark.parametrize(
    "tail",
    [
        "\n\n245 Comments\n  1. Pingback: Somewhere | Blog\n\n  2. Pingback: Elsewhere\n\n"
        "Leave a Reply",
        "\n\nLeave a Reply\n\nGreat piece! I agree with every word of it.",
        "\n\nPrint Friendly, PDF & Email",
        "\n\nShare this:\nTwitter\nFacebook\n\nRelated",
        "\n\nSource: https://example.com/news/1\n\nAbout Us\n\nWe publish news.\n\n"
        "\u00a9 2024 Example. All rights reserved.",
        "\n\nDISCLAIMER: The author writes in a private capacity.",
        "\n\nThe views expressed here belong to the writer alone.",
        "\n\nPage 3 of 10",
        "\n\n* * *",
    ],
)
def test_clean_drops_page_furniture(tail: str) -> None:
    raw = ARTICLE + tail
    assert clean_text(raw).text == ARTICLE
    kept = clean_text(raw, drop_furniture=False).text
    assert kept.startswith(ARTICLE)
    assert len(kept) > len(ARTICLE)


def test_clean_keeps_article_text_after_a_furniture_line() -> None:
    raw = f"Also read: Ten things to know\n\n{ARTICLE}\n\nSource: https://example.com/x\n\n" + (
        "A long article paragraph goes on after the source line. " * 10
    )
    text = clean_text(raw).text
    assert not text.startswith("Also read")
    assert ARTICLE in text
    assert "A long article paragraph goes on" in text
    assert "Source:" not in text


@pytest.mark.parametrize(
    "raw,expected",
    [
        # A repeated caption, modulo apostrophe style.
        (
            "Turkey's President with Putin [REUTERS]\nTurkey\u2019s President with Putin [REUTERS]",
            "Turkey's President with Putin [REUTERS]",
        ),
        # A repeated pull quote, modulo punctuation.
        (
            "Back in the frozen years, when it counted.\n\nBody.\n\n"
            "Back in the frozen years when it counted.",
            "Back in the frozen years, when it counted.\n\nBody.",
        ),
        # A headline repeated at the start and the end of later paragraphs.
        (
            "Will the Break Be Permanent?\n\n"
            "Will the Break Be Permanent?. The war began in 2014. It goes on.\n\n"
            "Sanctions followed. Will the Break Be Permanent?",
            "Will the Break Be Permanent?\n\nThe war began in 2014. It goes on.\n\n"
            "Sanctions followed.",
        ),
        # Short repeated lines are not duplicates worth dropping.
        ("Yes.\n\nNo.\n\nYes.", "Yes.\n\nNo.\n\nYes."),
    ],
)
def test_clean_drops_repeated_headlines_and_captions(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_clean_keeps_duplicates_when_asked() -> None:
    raw = "A caption about Putin here\nA caption about Putin here"
    assert clean_text(raw, drop_duplicates=False).text == (
        "A caption about Putin here\n\nA caption about Putin here"
    )


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("non\u00a0breaking", "non breaking"),
        ("two  spaces and\ttab", "two spaces and tab"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("\ufeffWith a BOM", "With a BOM"),
        ("a \u200b b", "a b"),
        ("crlf\r\nline\r\n\r\nNext", "crlf line\n\nNext"),
    ],
)
def test_clean_normalises_whitespace(raw: str, expected: str) -> None:
    clean = clean_text(raw)
    assert clean.text == expected
    assert_invariants(raw, clean)


def test_clean_footnote_inside_a_sentence_is_set_aside() -> None:
    raw = (
        "The committee met on Monday and the members of the\n"
        "delegation agreed that the talks with the other side\n"
        "\n"
        "1 The talks were held in Geneva.\n"
        "\n"
        "should continue in the spring, officials said.\n"
    )
    assert clean_text(raw).text == (
        "The committee met on Monday and the members of the delegation agreed that the talks"
        " with the other side should continue in the spring, officials said."
    )


@pytest.mark.parametrize(
    "start,end,expected",
    [(0, 0, (0, 0)), (4, 13, (4, 15)), (0, 3, (0, 3))],
)
def test_clean_raw_span(start: int, end: int, expected: tuple[int, int]) -> None:
    clean = clean_text("the pre-\ndicted end")
    assert clean.text == "the predicted end"
    assert clean.raw_span(start, end) == expected
    assert clean.raw_text(4, 13) == "pre-\ndicted"


@pytest.mark.parametrize("start,end", [(-1, 2), (3, 2), (0, 99)])
def test_clean_raw_span_rejects_spans_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(IndexError):
        clean_text("short text").raw_span(start, end)


def test_clean_corpus_keeps_article_text_and_drops_furniture(corpus_dir: Path) -> None:
    """The real documents, checked by their structure instead of quoting them (STYLE.md 18)."""
    raws = {p.name[:3]: read(p) for p in corpus_dir.glob("*.txt")}
    text = {key: clean_text(raw).text for key, raw in raws.items()}
    # Every sentence of the visible gold sets survives cleaning.
    for gold in sorted(GOLD.glob("*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            assert " ".join(json.loads(line)["text"].split()) in text[gold.name[:3]], gold.name
    # 004 wraps its sentences over blank lines: they are joined, no paragraph starts mid-sentence.
    assert re.search(r"\n[ \t]*\n\s*[a-z]", raws["004"])
    assert [p[:20] for p in text["004"].split("\n\n") if p[:1].islower()] == []
    # 001 hyphenates words over line breaks: each is rejoined, solid or with its own hyphen.
    breaks = re.findall(r"([A-Za-z]+)[-\u2010][ \t]*\n\s*([A-Za-z]+)", raws["001"])
    solid = [a + b for a, b in breaks if re.search(rf"\b{a}{b}\b", text["001"])]
    hyphenated = [f"{a}-{b}" for a, b in breaks if re.search(rf"\b{a}-{b}\b", text["001"])]
    assert solid
    assert hyphenated
    assert len(solid) + len(hyphenated) >= len(breaks)
    # 003 repeats its headline through the text: it is kept once.
    title = next(line.strip() for line in raws["003"].splitlines() if line.strip())
    assert raws["003"].count(title) > 1
    assert text["003"].count(title) == 1
    # 000 repeats a photo caption: it is kept once.
    lines = Counter(line.strip() for line in raws["000"].splitlines() if len(line.split()) >= 4)
    repeated = [line for line, count in lines.items() if count > 1]
    assert repeated
    for line in repeated:
        assert text["000"].count(line) == 1
    # Page furniture goes.
    assert "The CSS Point" not in text["003"]
    for furniture in ("Pingback", "245 Comments", "Leave a Reply", "Print Friendly", "DISCLAIMER"):
        assert furniture not in text["000"]


def test_clean_gold_sentences_map_back_exactly(corpus_dir: Path) -> None:
    gold_files = sorted(GOLD.glob("*.jsonl"))
    if not gold_files:
        pytest.skip("../shared/gold is not present")
    for gold in gold_files:
        raw = read(corpus_dir / f"{gold.stem}.txt")
        clean = clean_text(raw)
        starts = {o: i for i, o in reversed(list(enumerate(clean.offsets[:-1])))}
        for line in gold.read_text(encoding="utf-8").splitlines():
            sentence = json.loads(line)
            i = starts.get(sentence["start"])
            assert i is not None, (gold.name, sentence["text"])
            expected = " ".join(sentence["text"].split())
            assert clean.text[i : i + len(expected)] == expected
            assert clean.raw_span(i, i + len(expected)) == (sentence["start"], sentence["end"])


def test_clean_is_linear_on_a_5mb_single_line() -> None:
    raw = "Moscow and Ankara clashed over Syria,\u00a0 and  sanctions\tfollowed. " * 80_000
    assert len(raw) > 5_000_000
    started = time.perf_counter()
    clean = clean_text(raw)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0
    assert len(clean.offsets) == len(clean.text) + 1
    assert "  " not in clean.text
    assert clean.raw_text(0, 6) == "Moscow"


@pytest.mark.parametrize(
    "raw,max_chars,expected",
    [
        ("", 10, []),
        ("Aa.\n\nBb.\n\nCc.", 100, ["Aa.\n\nBb.\n\nCc."]),
        ("Aa.\n\nBb.\n\nCc.", 8, ["Aa.\n\nBb.", "Cc."]),
        ("Aa.\n\nBb.\n\nCc.", 3, ["Aa.", "Bb.", "Cc."]),
        # One long paragraph: at the last sentence end that fits ...
        ("One two. Three four. Five.", 21, ["One two. Three four.", "Five."]),
        # ... else at the last space ...
        ("one two three four five", 10, ["one two", "three four", "five"]),
        # ... else hard.
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_clean_split_paragraphs(raw: str, max_chars: int, expected: list[str]) -> None:
    clean = clean_text(raw)
    spans = split_paragraphs(clean, max_chars=max_chars)
    assert [clean.text[a:b] for a, b in spans] == expected
    assert all(b - a <= max_chars for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_split_paragraphs_covers_every_word(path: Path) -> None:
    clean = clean_text(read(path))
    spans = split_paragraphs(clean, max_chars=500)
    assert all(0 < b - a <= 500 for a, b in spans)
    assert " ".join(clean.text[a:b] for a, b in spans).split() == clean.text.split()


def test_clean_split_paragraphs_rejects_a_bad_size() -> None:
    with pytest.raises(ConfigError):
        split_paragraphs(clean_text("text"), max_chars=0)
