"""``geokg evaluate``: score the extractor against sentence-level gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from geokg.cli._common import console, fail_on_error, warn
from geokg.cli._output import output_format, print_rows

__all__ = ["register"]


def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold .jsonl files or folders of them.")],
    docs: Annotated[
        Path | None,
        typer.Option("--docs", help="Folder with the documents the gold names (extracted now)."),
    ] = None,
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred", help="Score this predictions file (geokg extract output) instead of --docs."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Print the precision/recall table as CSV.")
    ] = False,
    details: Annotated[
        Path | None,
        typer.Option("--details", help="Write per-sentence differences (JSON Lines) here."),
    ] = None,
) -> None:
    """Score relations and entities against gold (micro P/R/F1, per type, modality accuracy).

    Matching follows SCHEMA.md "Scoring" exactly as shared/tools/score.py does.
    """
    from geokg.errors import EvaluationError
    from geokg.evaluate import (
        evaluate_documents,
        format_counts,
        load_gold,
        load_predictions,
        score,
    )

    fmt = output_format(as_json, as_csv)
    with fail_on_error():
        if (docs is None) == (pred is None):
            raise EvaluationError("give either --docs (extract now) or --pred (a predictions file)")
        gold_set = load_gold(gold)
        if pred is not None:
            report = score(gold_set, load_predictions(pred), keep_details=details is not None)
        else:
            assert docs is not None
            report = evaluate_documents(gold_set, docs, keep_details=details is not None)
    if details is not None:
        with details.open("w", encoding="utf-8") as fh:
            for row in report.details:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if fmt == "json":
        print(json.dumps(report.as_dict()))
        return
    if fmt == "csv":
        rows: list[list[object]] = []
        for scope, counts in (
            ("overall", {"relations": report.relations, "entities": report.entities}),
            ("type", report.per_type),
            ("label", report.per_label),
        ):
            rows.extend([scope, *line] for line in format_counts(counts))
        print_rows(["scope", "name", "precision", "recall", "f1", "tp", "fp", "fn"], rows, fmt=fmt)
        for err in report.errors:
            warn(f"failed: {err}")
        return
    table = Table(title=f"geokg evaluate ({report.sentences} gold sentences)")
    for col in ("", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col else "left")
    for line in format_counts({"relations": report.relations, "entities": report.entities}):
        table.add_row(*map(str, line), style="bold")
    for line in format_counts(report.per_type):
        table.add_row(*map(str, line))
    table.add_section()
    for line in format_counts(report.per_label):
        table.add_row(*map(str, line))
    console.print(table)
    accuracy = f"{report.modality_accuracy:.3f}" if report.modality_matched else "n/a"
    console.print(f"modality accuracy: {accuracy} over {report.modality_matched} matched relations")
    for err in report.errors:
        warn(f"failed: {err}")


def register(app: typer.Typer) -> None:
    """Add the ``evaluate`` command to ``app``."""
    app.command("evaluate")(evaluate)
