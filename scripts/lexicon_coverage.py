"""Count how often each cue of the event lexicon occurs in a folder of news text.

Usage (from the repository root)::

    python scripts/lexicon_coverage.py                       # ../shared/voa/unlabeled, spaCy
    python scripts/lexicon_coverage.py --simple              # regular inflections, no model
    python scripts/lexicon_coverage.py --corpus DIR --out coverage.tsv

Writes one TSV row per lexicon row (``type pos lemma source count docs``) and prints a summary
per relation type to standard error. With spaCy (the pinned model, tagger and lemmatizer only)
a verb cue counts where a verb token has its lemma, a noun cue where a noun's lemma or text
matches, a phrase where its words follow each other with at most three tokens between; the
counts are occurrences of the word in the sense-blind way a trigger lookup would see them, so
they say what to prioritise, not what is correct.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LEXICON = REPO / "geokg" / "extract" / "patterns" / "relations" / "event_lexicon.tsv"
MAX_GAP = 3
NOUN_POS = {"NOUN", "PROPN"}
VERB_POS = {"VERB", "AUX"}


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon row, as far as counting needs it."""

    type: str
    pos: str
    lemma: str
    source: str
    note: str = ""

    def words(self, *, simple: bool) -> tuple[str, ...]:
        """The lemma's words; spaCy splits hyphenated words, so its matching does too."""
        if simple:
            return tuple(self.lemma.split())
        return tuple(self.lemma.replace("-", " - ").split())


@dataclass(frozen=True, slots=True)
class Token:
    """What matching needs of a token: its text, lemma and coarse part of speech."""

    lower: str
    lemma: str
    pos: str


def read_lexicon(path: Path) -> list[Cue]:
    """Read the event lexicon TSV.

    Args:
        path: The ``event_lexicon.tsv`` file.

    Returns:
        The cues, in file order.

    Raises:
        SystemExit: The file is missing or a row has the wrong number of fields.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise SystemExit(f"{path}: cannot read the lexicon ({e})") from e
    header = lines[0].split("\t")
    cues = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header):
            raise SystemExit(f"{path}:{number}: {len(fields)} fields, expected {len(header)}")
        row = dict(zip(header, fields, strict=True))
        cues.append(Cue(row["type"], row["pos"], row["lemma"], row["source"], row["note"]))
    return cues


def default_corpus() -> Path:
    """The unlabeled VOA folder beside the checkout, or beside a worktree's parent."""
    for base in (REPO.parent, REPO.parent.parent):
        folder = base / "shared" / "voa" / "unlabeled"
        if folder.is_dir():
            return folder
    return REPO.parent / "shared" / "voa" / "unlabeled"


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    """Read every ``*.txt`` file of a folder.

    Args:
        folder: The corpus folder.

    Returns:
        ``(file name, text)`` pairs, sorted by name; unreadable files are reported and skipped.

    Raises:
        SystemExit: The folder does not exist or holds no text file.
    """
    if not folder.is_dir():
        raise SystemExit(f"{folder}: corpus folder not found")
    docs = []
    for path in sorted(folder.glob("*.txt")):
        try:
            docs.append((path.name, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            print(f"{path}: skipped ({e})", file=sys.stderr)
    if not docs:
        raise SystemExit(f"{folder}: no .txt files")
    return docs


@cache
def _forms(word: str) -> frozenset[str]:
    """Regular inflections of one word (the no-model fallback)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(forms)


def simple_tokens(text: str) -> list[Token]:
    """Tokenise without a model: lowercase word tokens whose lemma is the token itself."""
    return [Token(w, w, "") for w in re.findall(r"[a-z]+(?:['\-][a-z]+)*", text.lower())]


def spacy_tokens(texts: Sequence[str]) -> list[list[Token]]:
    """Tag and lemmatise texts with the pinned model (parser and NER disabled for speed).

    Args:
        texts: The documents.

    Returns:
        One token list per document.
    """
    import spacy

    from geokg.extract.pipeline import MODEL_NAME

    nlp: Any = spacy.load(MODEL_NAME, disable=["parser", "ner"])
    return [
        [Token(t.lower_, t.lemma_.lower(), t.pos_) for t in doc if not t.is_space]
        for doc in nlp.pipe(texts)
    ]


def _word_matches(token: Token, word: str, *, simple: bool) -> bool:
    if simple:
        return token.lower in _forms(word)
    singular = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return token.lower == word or token.lemma in {word, singular}


def _pos_matches(token: Token, cue: Cue, *, simple: bool) -> bool:
    if simple or cue.pos == "adj":
        return True
    if cue.pos in {"verb", "phrase"}:
        return token.pos in VERB_POS
    return token.pos in NOUN_POS


def index_tokens(tokens: Sequence[Token]) -> dict[str, list[int]]:
    """Positions of each lowercase text and lemma in a document (to find first words fast)."""
    index: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        for key in {token.lower, token.lemma}:
            index.setdefault(key, []).append(i)
    return index


def count_cue(
    cue: Cue, tokens: Sequence[Token], index: dict[str, list[int]], *, simple: bool
) -> int:
    """Occurrences of one cue in one tokenised document.

    Args:
        cue: The lexicon row.
        tokens: The document's tokens.
        index: ``index_tokens(tokens)``.
        simple: Match regular inflections of the text instead of spaCy lemmas and tags.

    Returns:
        How many times the cue's first word starts a match.
    """
    words = cue.words(simple=simple)
    first = words[0]
    keys = _forms(first) if simple else {first, first[:-1] if first.endswith("s") else first}
    starts = sorted({i for key in keys for i in index.get(key, ())})
    found = 0
    for i in starts:
        token = tokens[i]
        if not _word_matches(token, first, simple=simple):
            continue
        if cue.pos != "noun" and not _pos_matches(token, cue, simple=simple):
            continue
        contiguous = cue.pos == "noun" or "-" in words
        if _rest_matches(words[1:], tokens, i, simple=simple, contiguous=contiguous):
            last = tokens[i + len(words) - 1] if cue.pos == "noun" else token
            if cue.pos != "noun" or len(words) > 1 or _pos_matches(last, cue, simple=simple):
                found += 1
    return found


def _rest_matches(
    words: Sequence[str], tokens: Sequence[Token], start: int, *, simple: bool, contiguous: bool
) -> bool:
    position = start
    for word in words:
        gap = 1 if contiguous else MAX_GAP + 1
        window = range(position + 1, min(len(tokens), position + 1 + gap))
        hit = next((j for j in window if _word_matches(tokens[j], word, simple=simple)), None)
        if hit is None:
            return False
        position = hit
    return True


def coverage(
    cues: Sequence[Cue], docs: Iterable[Sequence[Token]], *, simple: bool
) -> dict[Cue, tuple[int, int]]:
    """Count every cue over every document.

    Args:
        cues: The lexicon rows.
        docs: Tokenised documents.
        simple: Use the no-model matching.

    Returns:
        ``cue -> (occurrences, documents with at least one)``.
    """
    totals: Counter[Cue] = Counter()
    doc_counts: Counter[Cue] = Counter()
    for tokens in docs:
        index = index_tokens(tokens)
        for cue in cues:
            n = count_cue(cue, tokens, index, simple=simple)
            totals[cue] += n
            doc_counts[cue] += n > 0
    return {cue: (totals[cue], doc_counts[cue]) for cue in cues}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the count and write the report.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--corpus", type=Path, default=None, help="folder of .txt files")
    parser.add_argument("--out", type=Path, default=None, help="report TSV (default: stdout)")
    parser.add_argument("--simple", action="store_true", help="no spaCy: regular inflections")
    args = parser.parse_args(argv)

    cues = read_lexicon(args.lexicon)
    docs = read_corpus(args.corpus or default_corpus())
    texts = [text for _, text in docs]
    tokenised = [simple_tokens(t) for t in texts] if args.simple else spacy_tokens(texts)
    counts = coverage(cues, tokenised, simple=args.simple)

    lines = ["type\tpos\tlemma\tsource\tcount\tdocs"]
    lines += [f"{c.type}\t{c.pos}\t{c.lemma}\t{c.source}\t{n}\t{d}" for c, (n, d) in counts.items()]
    report = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)

    print(f"{len(docs)} documents, {len(cues)} cues", file=sys.stderr)
    # Rows sourced via another row carry that row's evidence; only the others must be seen.
    unseen = [
        c
        for c, (n, _) in counts.items()
        if c.source == "news-usage" and not n and "source via" not in c.note
    ]
    for cue in unseen:
        print(
            f"warning: news-usage cue not seen: {cue.type} {cue.pos} {cue.lemma}", file=sys.stderr
        )
    print("type\tcues\tcues seen\toccurrences", file=sys.stderr)
    for rtype in dict.fromkeys(c.type for c in cues):
        rows = [(n, d) for c, (n, d) in counts.items() if c.type == rtype]
        seen = sum(1 for n, _ in rows if n)
        print(f"{rtype}\t{len(rows)}\t{seen}\t{sum(n for n, _ in rows)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
