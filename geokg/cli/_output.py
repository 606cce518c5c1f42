"""How commands print results: a table, a record layout when a table would not fit, JSON or CSV.

Every command that prints results takes ``--json`` and ``--csv`` (:data:`JSON_OPTION`,
:data:`CSV_OPTION`; :func:`output_format` checks they are not both given). Without them,
:func:`print_rows` prints a table when the rows fit the terminal at their natural width, and
otherwise a record layout: one block per row, one ``field: value`` line per field, each value
whole on its line (the terminal wraps it; nothing is cut or squeezed into a narrow column).

Example:
    >>> print_rows(["a", "b"], [[1, "x"]], fmt="csv")  # doctest: +SKIP
    a,b
    1,x
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from geokg.cli._common import console

__all__ = [
    "CSV_OPTION",
    "JSON_OPTION",
    "Format",
    "format_cell",
    "natural_width",
    "output_format",
    "print_json",
    "print_records",
    "print_rows",
]

Format = Literal["table", "json", "csv"]

JSON_OPTION = Annotated[bool, typer.Option("--json", help="Print the results as JSON.")]
CSV_OPTION = Annotated[bool, typer.Option("--csv", help="Print the results as CSV.")]


def output_format(as_json: bool, as_csv: bool) -> Format:
    """The format chosen by ``--json`` / ``--csv`` (a table when neither is given).

    Raises:
        typer.BadParameter: Both were given.
    """
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")
    return "json" if as_json else "csv" if as_csv else "table"


def format_cell(value: Any) -> str:
    """A value for a table cell or a CSV field: lists joined, maps as JSON, null empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(format_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@contextmanager
def _closed_pipe_is_quiet() -> Iterator[None]:
    """A reader that closed stdout (``| head``) ends the command quietly with code 141."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=141) from None


def print_json(value: Any) -> None:
    """``value`` as indented JSON on stdout (plain text: no markup, no wrapping)."""
    with _closed_pipe_is_quiet():
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=str) + "\n")


def _print_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with _closed_pipe_is_quiet():
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([format_cell(v) for v in row])


def natural_width(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """The width a rich table needs to show every cell on one line (borders and padding)."""
    widths = [len(c) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            longest = max((len(line) for line in cell.splitlines()), default=0)
            widths[i] = max(widths[i], longest)
    return sum(widths) + 3 * len(columns) + 1


def print_records(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    out: Console | None = None,
) -> None:
    """The record layout: a numbered block per row, one ``field: value`` line per field."""
    out = out or console
    if title:
        out.print(Text(title, style="bold"), soft_wrap=True)
    pad = max((len(c) for c in columns), default=0)
    for n, row in enumerate(rows, 1):
        out.print(Text(f"-- {n} --", style="dim"), soft_wrap=True)
        for column, cell in zip(columns, row, strict=True):
            line = Text(f"{column.rjust(pad)}: ", style="bold")
            line.append(" ".join(cell.split("\n")))
            out.print(line, soft_wrap=True, highlight=False)


def print_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    fmt: Format = "table",
    title: str | None = None,
    footer: bool = True,
) -> None:
    """Print result rows in the chosen format.

    Args:
        columns: Column names.
        rows: One sequence of values per row.
        fmt: ``table`` (or the record layout when too wide), ``json`` (a list of objects) or
            ``csv`` (a header line, then one line per row).
        title: Shown above a table or record layout.
        footer: Print ``N row(s)`` after a table or record layout.
    """
    if fmt == "json":
        print_json([dict(zip(columns, row, strict=True)) for row in rows])
        return
    if fmt == "csv":
        _print_csv(columns, rows)
        return
    cells = [[format_cell(v) for v in row] for row in rows]
    if natural_width(columns, cells) <= console.width:
        table = Table(title=Text(title) if title else None)
        for column in columns:
            table.add_column(Text(column), overflow="fold")
        for row in cells:
            table.add_row(*(Text(c) for c in row))
        console.print(table)
    else:
        print_records(columns, cells, title=title)
    if footer:
        console.print(f"{len(rows)} row(s)", style="dim")
