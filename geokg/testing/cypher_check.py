"""Validate Cypher with Neo4j's own Cypher front end, without a Neo4j server.

The checking is done by ``tools/cypher-check/check.mjs``, a small node script around the
npm package ``@neo4j-cypher/language-support`` (Neo4j's parser plus the Neo4j 5 semantic
analysis compiled to JavaScript). One node process checks every statement of a call.

Install its dependencies once per checkout (CI does this too)::

    npm ci --prefix tools/cypher-check

What is checked, for Neo4j 5 (``CYPHER 5``): syntax errors, semantic errors (undefined
variables, type errors, forms removed in Neo4j 5 such as ``exists(n.prop)`` or
``size((a)--())``), deprecations (as warnings, e.g. ``id(n)`` or ``CALL { WITH x ... }``),
several statements in one string, and, with the default ``registry="neo4j"``, unknown or
misspelt functions and procedures. The database schema is always taken as empty and
unknown: labels, relationship types and property keys are never reported, and every
``$parameter`` counts as declared.

Example:
    >>> assert_valid_neo4j_cypher(["MATCH (n:Entity {id: $id}) RETURN n"])  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

__all__ = [
    "INSTALL_COMMAND",
    "CypherCheckResult",
    "Registry",
    "assert_valid_neo4j_cypher",
    "check_cypher",
    "cypher_check_available",
    "cypher_check_dir",
    "find_node",
]

Registry = Literal["none", "neo4j", "neo4j+plugins"]
"""Which functions and procedures count as existing.

``"none"``: no registry, unknown function/procedure names are not reported.
``"neo4j"``: the built-in functions and procedures of Neo4j 5 (no plugins).
``"neo4j+plugins"``: the built-ins plus APOC and GDS.
"""

INSTALL_COMMAND = "npm ci --prefix tools/cypher-check"
"""The command (run from the repository root) that installs the checker's node modules."""

_PACKAGE = "@neo4j-cypher/language-support"
_REGISTRIES: tuple[str, ...] = ("none", "neo4j", "neo4j+plugins")
_DIR_ENV = "GEOKG_CYPHER_CHECK_DIR"

_Key = tuple[str, str]
_Problems = tuple[tuple[str, ...], tuple[str, ...]]
_CACHE: dict[_Key, _Problems] = {}


@dataclass(frozen=True)
class CypherCheckResult:
    """What the checker reported for one statement.

    Attributes:
        statement: The statement as it was given.
        errors: Errors, each as ``"line:column: message"`` (1-based, within the statement).
        warnings: Warnings (deprecations and the like), in the same format.
    """

    statement: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is neither an error nor a warning."""
        return not self.errors and not self.warnings


def cypher_check_dir() -> Path:
    """Return the directory of the node checker.

    It is ``tools/cypher-check`` under the repository root (the parent of the ``geokg``
    package directory), unless the environment variable ``GEOKG_CYPHER_CHECK_DIR`` names
    another one.

    Returns:
        The directory holding ``check.mjs`` and ``package.json``.
    """
    override = os.environ.get(_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "tools" / "cypher-check"


def find_node() -> str | None:
    """Return the path of the ``node`` executable on ``PATH``, or None when there is none."""
    return shutil.which("node")


def _installed(directory: Path) -> bool:
    return (directory / "node_modules" / _PACKAGE / "package.json").is_file()


def cypher_check_available() -> bool:
    """Tell whether :func:`check_cypher` can run: node is on PATH and the modules are installed.

    Returns:
        True when ``node`` is found and ``npm ci --prefix tools/cypher-check`` has been run.
    """
    directory = cypher_check_dir()
    return find_node() is not None and (directory / "check.mjs").is_file() and _installed(directory)


def _require_runtime() -> tuple[str, Path]:
    directory = cypher_check_dir()
    node = find_node()
    if node is None:
        raise RuntimeError(
            "Cypher checking needs Node.js (>= 18.18) on PATH, and its modules installed "
            f"with `{INSTALL_COMMAND}` (run from the repository root)."
        )
    script = directory / "check.mjs"
    if not script.is_file():
        raise RuntimeError(f"Cypher checker not found: {script} does not exist.")
    if not _installed(directory):
        raise RuntimeError(
            f"Cypher checker is not installed: {directory / 'node_modules'} has no {_PACKAGE}. "
            f"Run `{INSTALL_COMMAND}` from the repository root."
        )
    return node, script


def _format(diag: object) -> str:
    if not isinstance(diag, dict):
        raise RuntimeError(f"Cypher checker returned a malformed diagnostic: {diag!r}")
    d = cast(dict[str, object], diag)
    return f"{d.get('line')}:{d.get('column')}: {d.get('message')}"


def _run(statements: list[str], registry: str) -> list[_Problems]:
    node, script = _require_runtime()
    timeout = 120 + 2 * len(statements)
    try:
        proc = subprocess.run(
            [node, str(script), f"--registry={registry}"],
            input=json.dumps(statements),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"Cypher checker timed out after {timeout} s") from exc
    if proc.returncode != 0:
        raise RuntimeError(
            f"Cypher checker failed (exit {proc.returncode}): {proc.stderr.strip()}\n"
            f"If its modules are missing or stale, run `{INSTALL_COMMAND}`."
        )
    try:
        raw: object = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"Cypher checker printed no JSON: {proc.stdout[:500]!r}") from exc
    if not isinstance(raw, list) or len(raw) != len(statements):
        raise RuntimeError(f"Cypher checker returned a malformed result: {proc.stdout[:500]!r}")
    out: list[_Problems] = []
    for i, item in enumerate(cast(list[object], raw)):
        if not isinstance(item, dict):
            raise RuntimeError(f"Cypher checker returned a malformed entry: {item!r}")
        entry = cast(dict[str, object], item)
        errors, warnings = entry.get("errors"), entry.get("warnings")
        if (
            entry.get("index") != i
            or not isinstance(errors, list)
            or not isinstance(warnings, list)
        ):
            raise RuntimeError(f"Cypher checker returned a malformed entry: {entry!r}")
        out.append(
            (
                tuple(_format(d) for d in cast(list[object], errors)),
                tuple(_format(d) for d in cast(list[object], warnings)),
            )
        )
    return out


def check_cypher(
    statements: Sequence[str], *, registry: Registry = "neo4j"
) -> list[CypherCheckResult]:
    """Check Cypher statements with Neo4j's own parser and Neo4j 5 semantic analysis.

    All statements not checked before in this process go to one node process. Each
    string must be one query, as a Neo4j driver would send it (a trailing ``;`` is fine,
    two statements are an error).

    Args:
        statements: The Cypher statements, one query per string.
        registry: Which functions and procedures exist (see :data:`Registry`). The default
            ``"neo4j"`` reports unknown names, so APOC or GDS calls are errors there.

    Returns:
        One result per statement, in the same order.

    Raises:
        TypeError: If ``statements`` is a single string or holds a non-string.
        ValueError: If ``registry`` is not one of the known registries.
        RuntimeError: If node or the checker's node modules are missing (run
            ``npm ci --prefix tools/cypher-check``) or the checker failed.
    """
    if isinstance(statements, str):
        raise TypeError("check_cypher() takes a sequence of statements, not one string")
    items = list(statements)
    for s in items:
        if not isinstance(s, str):
            raise TypeError(f"Cypher statements must be strings, got {type(s).__name__}")
    if registry not in _REGISTRIES:
        raise ValueError(f"registry must be one of {_REGISTRIES}, got {registry!r}")
    _require_runtime()  # fail the same way whether or not the answers are cached

    todo = list(dict.fromkeys(s for s in items if (registry, s) not in _CACHE))
    if todo:
        for statement, problems in zip(todo, _run(todo, registry), strict=True):
            _CACHE[(registry, statement)] = problems
    results = []
    for s in items:
        errors, warnings = _CACHE[(registry, s)]
        results.append(CypherCheckResult(statement=s, errors=list(errors), warnings=list(warnings)))
    return results


def assert_valid_neo4j_cypher(
    statements: Sequence[str],
    *,
    allow_warnings: Sequence[str] = (),
    registry: Registry = "neo4j",
) -> None:
    """Assert that every statement is clean Neo4j 5 Cypher.

    Args:
        statements: The Cypher statements, one query per string.
        allow_warnings: Substrings; a warning containing any of them is tolerated.
        registry: Which functions and procedures exist (see :func:`check_cypher`).

    Raises:
        AssertionError: Listing every statement that has an error or a warning not
            matched by ``allow_warnings``, with its problems.
        RuntimeError: If the checker cannot run (see :func:`check_cypher`).
    """
    if isinstance(allow_warnings, str):
        allow_warnings = (allow_warnings,)
    results = check_cypher(statements, registry=registry)
    failures: list[str] = []
    for i, result in enumerate(results):
        warnings = [w for w in result.warnings if not any(a in w for a in allow_warnings)]
        if not result.errors and not warnings:
            continue
        lines = [f"[{i}] {result.statement}"]
        lines += [f"    error {e}" for e in result.errors]
        lines += [f"    warning {w}" for w in warnings]
        failures.append("\n".join(lines))
    if failures:
        raise AssertionError(
            f"{len(failures)} of {len(results)} Cypher statements are not clean Neo4j 5 Cypher:\n"
            + "\n".join(failures)
        )
