"""``geokg rules``: what each relation rule and cue entry fires on (docs/rule-report.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from geokg.cli._common import console, fail_on_error, warn

__all__ = ["register"]


def rules(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Corpus files or folders (recursive), e.g. unlabeled articles."),
    ] = None,
    gold: Annotated[
        list[Path] | None,
        typer.Option("--gold", help="A gold folder or file (repeatable)."),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option(
            "--docs",
            help="The documents of each --gold, in the same order (default: the gold's folder).",
        ),
    ] = None,
    examples: Annotated[
        int, typer.Option("--examples", min=0, help="Corpus sentences shown per rule and cue.")
    ] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print Markdown tables (no example sentences).")
    ] = False,
) -> None:
    """Per rule id and per cue entry: firings, documents, examples; with gold, tp and fp.

    Flags the rules and cue entries that fire in gold sentences but never on the corpus.
    """
    from geokg.errors import EvaluationError
    from geokg.rule_report import build_report, report_markdown

    corpus = paths or []
    golds = gold or []
    folders = docs or []
    with fail_on_error():
        if not corpus and not golds:
            raise EvaluationError("give corpus folders, --gold sets, or both")
        if folders and len(folders) != len(golds):
            raise EvaluationError(
                f"{len(folders)} --docs for {len(golds)} --gold: give one --docs per --gold "
                "or none (documents next to the gold)"
            )
        pairs = [
            (g, folders[i] if folders else (g if g.is_dir() else g.parent))
            for i, g in enumerate(golds)
        ]
        report = build_report(corpus, gold=pairs, examples=examples, on_problem=warn)
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    if markdown:
        print(report_markdown(report))
        return
    has_gold = bool(report.gold_sets)
    for kind, title in (("rule", "rule id"), ("cue", "cue entry")):
        table = Table(
            title=f"geokg rules: per {title} ({report.corpus_documents} corpus documents)"
        )
        cols = ["", "types", "firings", "docs"]
        if has_gold:
            cols += ["gold", "tp", "fp", "flag"]
        for col in cols:
            table.add_column(col, justify="left" if col in ("", "types", "flag") else "right")
        rows = report.table("rule") if kind == "rule" else report.table("cue")
        for s in rows:
            row = [s.name, ",".join(s.types), str(s.firings), str(len(s.documents))]
            if has_gold:
                flag = "gold-only" if s.gold_only else ""
                row += [str(s.gold_firings), str(s.tp), str(s.fp), flag]
            table.add_row(*row)
        console.print(table)
    if examples:
        for s in report.table("cue"):
            if s.examples:
                console.print(f"[bold]{s.name}[/]", highlight=False)
                for doc, sentence in s.examples:
                    console.print(f"  {doc}: {sentence}", highlight=False, markup=False)
    if has_gold:
        for kind, what in (("rule", "rule ids"), ("cue", "cue entries")):
            only = report.gold_only("rule") if kind == "rule" else report.gold_only("cue")
            names = ", ".join(s.name for s in only) or "none"
            console.print(f"{what} firing only in gold sentences ({len(only)}): {names}")
    for failure in report.failures:
        warn(f"failed: {failure}")


def register(app: typer.Typer) -> None:
    """Add the ``rules`` command to ``app``."""
    app.command("rules")(rules)
