"""``geokg build``: extract, aggregate and load into the graph database."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from geokg.cli._common import (
    DB_DIR_OPTION,
    DEFAULT_DB_DIR,
    META_OPTION,
    console,
    err_console,
    fail_on_error,
    warn,
)
from geokg.cli._output import CSV_OPTION, JSON_OPTION, Format, output_format, print_json, print_rows
from geokg.runner import RunSummary

__all__ = ["register"]


def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: Annotated[str, typer.Option("--graph", help="Graph name.")] = "geokg",
    neo4j_uri: Annotated[
        str | None,
        typer.Option("--neo4j-uri", envvar="NEO4J_URI", help="Load into Neo4j at this Bolt URI."),
    ] = None,
    neo4j_user: Annotated[
        str | None, typer.Option("--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.")
    ] = None,
    neo4j_database: Annotated[
        str | None, typer.Option("--neo4j-database", help="Neo4j database name.")
    ] = None,
    batch_docs: Annotated[
        int, typer.Option("--batch-docs", min=1, help="Documents aggregated per load.")
    ] = 50,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Processes that parse in parallel (same output)."),
    ] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    meta: META_OPTION = None,
    as_json: JSON_OPTION = False,
    as_csv: CSV_OPTION = False,
) -> None:
    """Extract the documents, aggregate the graph and load it (idempotent: re-runs change nothing).

    Exit code 0 when every input was processed, 1 when some were skipped or failed (every
    good document is loaded), 2 on a fatal error (for example the database is unreachable).
    Neo4j's password comes from NEO4J_PASSWORD.
    """
    from geokg.extract.extractor import Extractor
    from geokg.extract.meta import load_sidecar
    from geokg.graph.build import GraphBuilder
    from geokg.graph.registry import open_store
    from geokg.runner import RunSummary, iter_extractions

    fmt = output_format(as_json, as_csv)
    summary = RunSummary()
    started = time.perf_counter()
    entities_by_label: Counter[str] = Counter()
    relations_by_type: Counter[str] = Counter()
    with fail_on_error():
        sidecar = load_sidecar(meta) if meta is not None else None
        store = open_store(
            db_dir=db_dir,
            graph=graph,
            neo4j_uri=neo4j_uri,
            neo4j_user=neo4j_user,
            neo4j_database=neo4j_database,
        )
        with store:
            store.ensure_schema()
            extractor = Extractor(workers=workers)
            builder = GraphBuilder()
            pending = 0
            progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[doc]}", markup=False),  # file names are not markup
                console=err_console,
                transient=True,
                disable=not err_console.is_terminal,  # no stray blank line in logs and pipes
            )
            with progress:
                task = progress.add_task("building", total=None, doc="")
                for result in iter_extractions(
                    paths,
                    extractor=extractor,
                    summary=summary,
                    strict=strict,
                    on_problem=lambda m: warn(m, out=progress.console),
                    meta=sidecar,
                ):
                    builder.add_extraction(
                        document=result.document,
                        entities=result.entities,
                        relations=result.relations,
                        sentences=result.sentences,
                    )
                    entities_by_label.update(e.label.value for e in result.entities)
                    relations_by_type.update(r.type.value for r in result.relations)
                    pending += 1
                    progress.update(task, advance=1, doc=result.document.name)
                    if pending >= batch_docs:
                        store.load(builder.batch())
                        builder.clear()
                        pending = 0
                if pending:
                    store.load(builder.batch())
                    builder.clear()
            counts = store.counts()
    elapsed = time.perf_counter() - started
    if fmt == "table":
        _print_summary(summary, entities_by_label, relations_by_type, counts, elapsed)
    else:
        _print_machine_summary(fmt, summary, entities_by_label, relations_by_type, counts, elapsed)
    raise typer.Exit(code=summary.exit_code)


def _print_summary(
    summary: RunSummary,
    entities_by_label: Counter[str],
    relations_by_type: Counter[str],
    counts: dict[str, object],
    elapsed: float,
) -> None:
    console.print(
        f"documents: processed {summary.processed}, skipped {summary.skipped}, "
        f"failed {summary.failed} in {elapsed:.1f}s"
    )
    console.print(f"dated documents: {summary.dated} of {summary.processed}")
    table = Table(title="this run", title_justify="left")
    table.add_column("entity mentions")
    table.add_column("", justify="right")
    table.add_column("relation mentions")
    table.add_column("", justify="right")
    _add_pairs(table, entities_by_label.most_common(), relations_by_type.most_common())
    console.print(table)
    table = Table(title="graph now", title_justify="left")
    table.add_column("nodes")
    table.add_column("", justify="right")
    table.add_column("relationships")
    table.add_column("", justify="right")
    _add_pairs(table, _as_counts(counts.get("nodes")), _as_counts(counts.get("relationships")))
    table.add_section()
    table.add_row(
        "total",
        str(counts.get("total_nodes", "")),
        "total",
        str(counts.get("total_relationships", "")),
    )
    console.print(table)


def _print_machine_summary(
    fmt: Format,
    summary: RunSummary,
    entities_by_label: Counter[str],
    relations_by_type: Counter[str],
    counts: dict[str, object],
    elapsed: float,
) -> None:
    """``--json``: one object; ``--csv``: ``section,name,count`` rows."""
    documents = {
        "processed": summary.processed,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "dated": summary.dated,
    }
    graph_nodes = dict(_as_counts(counts.get("nodes")))
    graph_rels = dict(_as_counts(counts.get("relationships")))
    if fmt == "json":
        print_json(
            {
                "documents": documents,
                "seconds": round(elapsed, 3),
                "this_run": {
                    "entity_mentions": dict(entities_by_label.most_common()),
                    "relation_mentions": dict(relations_by_type.most_common()),
                },
                "graph": {
                    "nodes": graph_nodes,
                    "relationships": graph_rels,
                    "total_nodes": counts.get("total_nodes"),
                    "total_relationships": counts.get("total_relationships"),
                },
                "problems": summary.problems,
            }
        )
        return
    rows: list[list[object]] = [["documents", k, v] for k, v in documents.items()]
    rows += [["entity_mentions", k, v] for k, v in entities_by_label.most_common()]
    rows += [["relation_mentions", k, v] for k, v in relations_by_type.most_common()]
    rows += [["graph_nodes", k, v] for k, v in graph_nodes.items()]
    rows += [["graph_relationships", k, v] for k, v in graph_rels.items()]
    rows.append(["graph_total", "nodes", counts.get("total_nodes")])
    rows.append(["graph_total", "relationships", counts.get("total_relationships")])
    print_rows(["section", "name", "count"], rows, fmt=fmt)


def _add_pairs(
    table: Table, left: Sequence[tuple[str, object]], right: Sequence[tuple[str, object]]
) -> None:
    """Rows of two (name, count) columns side by side."""
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", "")
        b = right[i] if i < len(right) else ("", "")
        table.add_row(a[0], str(a[1]), b[0], str(b[1]))


def _as_counts(value: object) -> list[tuple[str, object]]:
    if isinstance(value, dict):
        return sorted(((str(k), v) for k, v in value.items()), key=lambda kv: kv[0])
    return []


def register(app: typer.Typer) -> None:
    """Add the ``build`` command to ``app``."""
    app.command("build")(build)
