"""``geokg distributed``: extract on a Dask cluster, then load or bulk-export the result."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geokg.cli._common import (
    DB_DIR_OPTION,
    DEFAULT_DB_DIR,
    META_OPTION,
    console,
    err_console,
    fail_on_error,
)

__all__ = ["distributed_app", "register"]

distributed_app = typer.Typer(
    help="Extract on a Dask cluster (JSON Lines per partition); load or export the result.",
    no_args_is_help=True,
)


@distributed_app.command("extract")
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (recursive), visible to every worker.")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for part-NNNNN.jsonl files.")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address; default: a local cluster."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")
    ] = 2,
    partition_mb: Annotated[
        float, typer.Option("--partition-mb", min=0.001, help="Input megabytes per task.")
    ] = 2.0,
    meta: META_OPTION = None,
) -> None:
    """Extract entity and relation mentions on a Dask cluster.

    Concatenated in order, the part-NNNNN.jsonl files hold what ``geokg extract`` writes
    for the same inputs. Exit code 0 when every input was processed, 1 when some were
    skipped or failed, 2 on a fatal error.
    """
    from geokg.distributed import extract_distributed
    from geokg.extract.meta import load_sidecar

    with fail_on_error():
        sidecar = load_sidecar(meta) if meta is not None else None
        summary = extract_distributed(
            paths,
            output,
            scheduler=scheduler,
            n_workers=workers,
            partition_bytes=int(partition_mb * 1_000_000),
            meta=sidecar,
        )
    for message in summary.problems:
        err_console.print(f"[yellow]{message}[/]", highlight=False)
    console.print(
        f"processed {summary.documents}, skipped {summary.skipped}, failed {summary.failed}: "
        f"{summary.relations} relation mentions in {len(summary.partitions)} partitions "
        f"under {output}"
    )
    raise typer.Exit(code=1 if summary.skipped or summary.failed else 0)


@distributed_app.command("load")
def load(
    parts: Annotated[Path, typer.Argument(help="Output folder of 'geokg distributed extract'.")],
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: Annotated[str, typer.Option("--graph", help="Graph name.")] = "geokg",
    batch_docs: Annotated[
        int, typer.Option("--batch-docs", min=1, help="Documents aggregated per load.")
    ] = 500,
) -> None:
    """Aggregate the partitions and load them into the embedded database (idempotent)."""
    from geokg.distributed import load_partitions
    from geokg.graph.registry import open_store

    with fail_on_error(), open_store(db_dir=db_dir, graph=graph) as store:
        store.ensure_schema()
        documents, relations = load_partitions(parts, store, batch_docs=batch_docs)
    console.print(f"loaded {documents} documents, {relations} relationship rows into {db_dir}")


@distributed_app.command("neo4j-import")
def neo4j_import(
    parts: Annotated[Path, typer.Argument(help="Output folder of 'geokg distributed extract'.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the neo4j-admin CSV files.")
    ],
) -> None:
    """Write the neo4j-admin import folder (CSV, schema.cypher, README with the command)."""
    from geokg.distributed import export_neo4j_import

    with fail_on_error():
        folder = export_neo4j_import(parts, output)
    console.print(f"wrote {folder}; see {folder / 'README.md'} for the neo4j-admin command")


def register(app: typer.Typer) -> None:
    """Add the ``distributed`` command group to ``app``."""
    app.add_typer(distributed_app, name="distributed")
