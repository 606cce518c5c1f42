"""Execute ``notebooks/explore.ipynb`` and make its outputs fit to commit.

The notebook is committed **with** its outputs, so that a reader on a code host sees the
tables and charts without running anything. :func:`execute_notebook` runs it top to bottom
with nbclient (a private database folder, the bundled ``examples/`` unless told otherwise,
matplotlib charts as PNG), and :func:`strip_machine_paths` replaces the folders of the
machine that ran it (the checkout, the temporary folders, the home folder, the Python
installation) by neutral names, so outputs never hold machine paths. :func:`machine_paths`
finds any left; :func:`empty_sections` lists the numbered sections (``## N. ...``) none of
whose code cells produced output. ``scripts/run-notebook.py`` is the command line around
them; the slow test ``tests/notebooks/test_explore_notebook.py`` re-executes the notebook
with the same functions.

nbformat, nbclient, ipykernel and matplotlib are development dependencies.

Example:
    >>> nb = execute_notebook(NOTEBOOK)  # doctest: +SKIP
    >>> strip_machine_paths(nb, REPO)  # doctest: +SKIP
    >>> machine_paths(nb)  # doctest: +SKIP
    []
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_OUTPUT_CHARS",
    "NOTEBOOK",
    "REPO",
    "drop_large_outputs",
    "empty_sections",
    "execute_notebook",
    "machine_paths",
    "strip_machine_paths",
]

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "explore.ipynb"

# An absolute path of a typical machine, as it would show in an output.
_MACHINE_PATH = re.compile(
    r"(?<![\w.:/~<>-])/(?:home|tmp|work|Users|root|var|private|opt|usr|mnt|srv)/[^\s\"'<>)]+"
)
_SECTION = re.compile(r"^##\s+\d+\.", re.MULTILINE)
#: The largest rich output kept in the committed notebook (an interactive graph bundles
#: megabytes of JavaScript that no code host renders).
MAX_OUTPUT_CHARS = 500_000


def _nbformat() -> Any:
    return importlib.import_module("nbformat")


def execute_notebook(
    path: Path = NOTEBOOK,
    *,
    corpus: Path | None = None,
    meta: Path | None = None,
    timeout: int = 300,
) -> Any:
    """Run a notebook top to bottom in a fresh kernel and return it with its outputs.

    Args:
        path: The notebook.
        corpus: The folder of articles (``GEOKG_CORPUS``); default the repository's
            ``examples/``.
        meta: A ``--meta`` sidecar for the corpus (``GEOKG_META``), if any.
        timeout: Seconds a cell may take.

    Returns:
        The executed notebook (an ``nbformat`` node); the file is not written.

    Raises:
        nbclient.exceptions.CellExecutionError: A cell failed.
    """
    nbformat = _nbformat()
    nbclient = importlib.import_module("nbclient")
    from geokg.graph.falkor import FalkorServer

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="gknb") as tmp:
        db_dir = Path(tmp) / "db"
        env = {
            "GEOKG_NOTEBOOK_DB": str(db_dir),
            "GEOKG_CORPUS": str((corpus or REPO / "examples").resolve()),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
        if meta is not None:
            env["GEOKG_META"] = str(meta.resolve())
        saved = {k: os.environ.get(k) for k in (*env, "GEOKG_FOCUS")}
        os.environ.update(env)
        os.environ.pop("GEOKG_FOCUS", None)
        try:
            client = nbclient.NotebookClient(
                nb,
                timeout=timeout,
                kernel_name="python3",
                record_timing=False,
                resources={"metadata": {"path": str(path.parent)}},
            )
            client.execute()
        finally:
            FalkorServer(db_dir).stop()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return nb


def _outputs(nb: Any) -> Iterator[tuple[Any, dict[str, Any], str]]:
    """``(cell, container, key)`` of every text held by a code cell's outputs."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if "text" in output:
                yield cell, output, "text"
            for mime in list(output.get("data", {})):
                if mime.startswith("text/") or mime.endswith(("json", "javascript")):
                    yield cell, output["data"], mime


def _as_text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def strip_machine_paths(nb: Any, repo: Path = REPO) -> None:
    """Replace the running machine's folders in every text output by neutral names (in place).

    The checkout becomes a relative path, the temporary folder ``<tmp>``, the home folder
    ``~``, the Python installation ``<python>``. Execution timing metadata is dropped.
    """
    roots = {
        str(repo.resolve()) + os.sep: "",
        str(repo.resolve()): ".",
        str(Path(sys.prefix).resolve()): "<python>",
        str(Path(sys.base_prefix).resolve()): "<python>",
        str(Path(tempfile.gettempdir()).resolve()): "<tmp>",
        str(Path.home()): "~",
    }
    ordered = sorted(roots.items(), key=lambda kv: -len(kv[0]))
    for cell, container, key in _outputs(nb):
        text = _as_text(container[key])
        for root, name in ordered:
            if root and root not in ("/", os.sep):
                text = text.replace(root, name)
        container[key] = text
        cell.get("metadata", {}).pop("execution", None)


def drop_large_outputs(nb: Any, limit: int = MAX_OUTPUT_CHARS) -> int:
    """Replace rich outputs larger than ``limit`` characters by a short note (in place).

    Returns:
        How many outputs were replaced.
    """
    dropped = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            size = sum(len(_as_text(v)) for v in data.values())
            if size <= limit:
                continue
            note = (
                f"interactive output of {size // 1000:,} kB left out of the committed "
                "notebook; run the cell to see it"
            )
            output["data"] = {"text/html": f"<p><em>{note}</em></p>", "text/plain": note}
            dropped += 1
    return dropped


def machine_paths(nb: Any) -> list[str]:
    """Absolute paths of a machine found in the outputs (empty when the outputs are clean)."""
    found: list[str] = []
    for _cell, container, key in _outputs(nb):
        found.extend(m.group() for m in _MACHINE_PATH.finditer(_as_text(container[key])))
    return found


def empty_sections(nb: Any) -> list[str]:
    """The numbered sections (``## N. title``) whose code cells produced no output."""
    empty: list[str] = []
    title: str | None = None
    produced = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = _SECTION.search(_as_text(cell.source))
            if m:
                if title is not None and not produced:
                    empty.append(title)
                line = _as_text(cell.source)[m.start() :].splitlines()[0]
                title, produced = line.lstrip("# ").strip(), False
        elif cell.cell_type == "code" and cell.get("outputs"):
            produced = True
    if title is not None and not produced:
        empty.append(title)
    return empty
