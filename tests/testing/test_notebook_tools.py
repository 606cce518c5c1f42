"""The helpers that make the executed notebook fit to commit (no kernel needed)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")

from geokg.testing.notebook import (  # noqa: E402
    drop_large_outputs,
    empty_sections,
    machine_paths,
    strip_machine_paths,
)


def _nb(*cells: Any) -> Any:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def _code(text: str) -> Any:
    cell = nbformat.v4.new_code_cell("print('x')")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    return cell


def test_notebook_strip_machine_paths(tmp_path: Path) -> None:
    repo = tmp_path / "checkout"
    tmp = Path(tempfile.gettempdir()).resolve()
    cell = _code(f"corpus {repo}/examples\ndb {tmp}/gknb123/db\n")
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    nb = _nb(cell)
    assert machine_paths(nb)
    strip_machine_paths(nb, repo)
    assert nb.cells[0].outputs[0]["text"] == "corpus examples\ndb <tmp>/gknb123/db\n"
    assert "execution" not in nb.cells[0].metadata
    assert machine_paths(nb) == []


def test_notebook_machine_paths_ignores_urls_and_relative_paths() -> None:
    nb = _nb(_code("see https://example.org/home/a and notebooks/explore.ipynb ~/x <tmp>/y"))
    assert machine_paths(nb) == []


def test_notebook_empty_sections() -> None:
    silent = nbformat.v4.new_code_cell("x = 1")
    nb = _nb(
        nbformat.v4.new_markdown_cell("## 1. First"),
        _code("one"),
        nbformat.v4.new_markdown_cell("## 2. Second"),
        silent,
        nbformat.v4.new_markdown_cell("## 3. Third"),
    )
    assert empty_sections(nb) == ["2. Second", "3. Third"]


def test_notebook_drop_large_outputs() -> None:
    cell = nbformat.v4.new_code_cell("viz")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": "<script>" + "x" * 2000}),
        nbformat.v4.new_output("display_data", data={"text/html": "<p>small</p>"}),
    ]
    assert drop_large_outputs(_nb(cell), limit=1000) == 1
    assert "left out of the committed notebook" in cell.outputs[0]["data"]["text/plain"]
    assert cell.outputs[1]["data"]["text/html"] == "<p>small</p>"
