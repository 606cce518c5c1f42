"""``geokg show NAME``: an actor's profile in one screen.

Labels and aliases, roles held (``LEADS``, ``MEMBER_OF``), the strongest partners and
opponents with their mention counts, and the latest evidence sentences with their documents'
dates. Everything comes from three named queries of the library (``profile``,
``profile_relations``, ``profile_evidence``), which read only stable properties: node name,
labels and aliases, relationship type and ``mentions``, sentence text, document name and date.

Examples::

    geokg show Russia
    geokg show Moscow --limit 5 --json
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from geokg.cli._common import DB_DIR_OPTION, DEFAULT_DB_DIR, console, fail_on_error
from geokg.cli._output import CSV_OPTION, JSON_OPTION, output_format, print_json, print_rows
from geokg.cli.db import GRAPH_OPTION, NEO4J_DATABASE_OPTION, NEO4J_URI_OPTION, NEO4J_USER_OPTION
from geokg.errors import ConfigError
from geokg.schema import Polarity, RelationType

if TYPE_CHECKING:
    from geokg.graph.store import GraphStore

__all__ = ["Profile", "build_profile", "register"]

_ROLE_TYPES = {RelationType.LEADS.value, RelationType.MEMBER_OF.value}
_ROLE_WORDS = {
    ("LEADS", "out"): "leads",
    ("LEADS", "in"): "led by",
    ("MEMBER_OF", "out"): "member of",
    ("MEMBER_OF", "in"): "has member",
}


@dataclass(slots=True)
class Profile:
    """What ``geokg show`` prints about one actor."""

    name: str
    labels: list[str]
    aliases: list[str]
    sentences: int
    also: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    partners: list[dict[str, Any]] = field(default_factory=list)
    opponents: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The ``--json`` object."""
        return {
            "name": self.name,
            "labels": self.labels,
            "aliases": self.aliases,
            "sentences": self.sentences,
            "also_matches": self.also,
            "roles": self.roles,
            "partners": self.partners,
            "opponents": self.opponents,
            "evidence": self.evidence,
        }


def _counterparts(
    rows: list[dict[str, Any]], polarity: Polarity, limit: int
) -> list[dict[str, Any]]:
    """Counterparts of one polarity, their types and summed mentions, strongest first."""
    by_other: dict[str, dict[str, Any]] = {}
    for row in rows:
        try:
            rtype = RelationType(row["type"])
        except ValueError:
            continue  # a relationship outside the schema (raw Cypher loaded it): not ours
        if rtype.polarity is not polarity:
            continue
        entry = by_other.setdefault(
            row["other"],
            {"name": row["other"], "label": row["other_label"], "types": [], "mentions": 0},
        )
        if rtype.value not in entry["types"]:
            entry["types"].append(rtype.value)
        entry["mentions"] += row["mentions"] or 0
    ranked = sorted(by_other.values(), key=lambda e: (-e["mentions"], e["name"]))
    return ranked[:limit]


def build_profile(store: GraphStore, name: str, *, limit: int = 10) -> Profile:
    """An actor's profile from the named queries.

    Args:
        store: An open graph store.
        name: A name or alias (case-insensitive); the best-evidenced match is profiled.
        limit: Rows per section (roles, partners, opponents, evidence).

    Raises:
        ConfigError: No entity has that name or alias.
    """
    from geokg.graph.queries import run_query

    found = run_query(store, "profile", {"name": name}).records()
    if not found:
        raise ConfigError(
            f"no actor named {name!r} in the graph "
            "(`geokg query most_connected` lists actors; names and aliases both work)"
        )
    top = found[0]
    canonical = top["name"]
    profile = Profile(
        name=canonical,
        labels=list(top["labels"] or []),
        aliases=sorted(top["aliases"] or [], key=str.lower),
        sentences=top["sentences"] or 0,
        also=[f"{r['name']} ({', '.join(r['labels'] or [])})" for r in found[1:]],
    )
    rows = run_query(store, "profile_relations", {"name": canonical}).records()
    for row in rows:
        if row["type"] in _ROLE_TYPES and len(profile.roles) < limit:
            profile.roles.append(
                {
                    "role": _ROLE_WORDS[row["type"], row["direction"]],
                    "type": row["type"],
                    "other": row["other"],
                    "mentions": row["mentions"],
                }
            )
    profile.partners = _counterparts(rows, Polarity.COOPERATIVE, limit)
    profile.opponents = _counterparts(rows, Polarity.CONFLICTUAL, limit)
    evidence = run_query(store, "profile_evidence", {"name": canonical, "limit": limit})
    profile.evidence = [
        {
            "date": r["date"],
            "document": r["document"],
            "sentence": " ".join((r["sentence"] or "").split()),
            "others": r["others"],
        }
        for r in evidence.records()
    ]
    return profile


def _csv_rows(p: Profile) -> list[list[Any]]:
    rows: list[list[Any]] = [["actor", p.name, ", ".join(p.labels), p.sentences, "", "", ""]]
    rows += [["alias", alias, "", "", "", "", ""] for alias in p.aliases]
    rows += [["role", r["other"], r["role"], r["mentions"], "", "", ""] for r in p.roles]
    for section, entries in (("partner", p.partners), ("opponent", p.opponents)):
        rows += [
            [section, e["name"], ", ".join(e["types"]), e["mentions"], "", "", ""] for e in entries
        ]
    rows += [
        ["evidence", ", ".join(e["others"]), "", "", e["date"], e["document"], e["sentence"]]
        for e in p.evidence
    ]
    return rows


def _print_profile(p: Profile) -> None:
    head = Text(p.name, style="bold")
    head.append(f"  {', '.join(p.labels)}", style="cyan")
    head.append(f"  ({p.sentences} evidence sentences)", style="dim")
    console.print(head, soft_wrap=True)
    if p.aliases:
        console.print(Text("aliases: ", style="bold") + Text(", ".join(p.aliases)), soft_wrap=True)
    if p.also:
        console.print(Text("also matches: ", style="dim") + Text("; ".join(p.also)), soft_wrap=True)
    if p.roles:
        console.print()
        console.print(Text("Roles", style="bold underline"))
        for r in p.roles:
            console.print(Text(f"  {r['role']} {r['other']} ({r['mentions']})"), soft_wrap=True)
    for title, entries in (
        ("Strongest partners (cooperative)", p.partners),
        ("Strongest opponents (conflictual)", p.opponents),
    ):
        console.print()
        console.print(Text(title, style="bold underline"))
        if not entries:
            console.print(Text("  none", style="dim"))
            continue
        print_rows(
            ["name", "label", "types", "mentions"],
            [[e["name"], e["label"], e["types"], e["mentions"]] for e in entries],
            footer=False,
        )
    console.print()
    console.print(Text("Latest evidence", style="bold underline"))
    if not p.evidence:
        console.print(Text("  none", style="dim"))
    for e in p.evidence:
        where = Text(f"{e['date'] or 'undated'}  ", style="bold") + Text(e["document"], style="dim")
        console.print(where, soft_wrap=True)
        console.print(Text(f"  {e['sentence']}"), soft_wrap=True, highlight=False)


def show(
    name: Annotated[str, typer.Argument(help="Name or alias of the actor (case-insensitive).")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows per section.")] = 10,
    as_json: JSON_OPTION = False,
    as_csv: CSV_OPTION = False,
    db_dir: DB_DIR_OPTION = DEFAULT_DB_DIR,
    graph: GRAPH_OPTION = "geokg",
    neo4j_uri: NEO4J_URI_OPTION = None,
    neo4j_user: NEO4J_USER_OPTION = None,
    neo4j_database: NEO4J_DATABASE_OPTION = None,
) -> None:
    """An actor's profile: labels, aliases, roles, strongest partners and opponents, evidence."""
    from geokg.graph.registry import open_store

    fmt = output_format(as_json, as_csv)
    with (
        fail_on_error(),
        open_store(
            db_dir=db_dir,
            graph=graph,
            neo4j_uri=neo4j_uri,
            neo4j_user=neo4j_user,
            neo4j_database=neo4j_database,
        ) as store,
    ):
        profile = build_profile(store, name, limit=limit)
    if fmt == "json":
        print_json(profile.as_dict())
    elif fmt == "csv":
        columns = ["section", "name", "detail", "count", "date", "document", "sentence"]
        print_rows(columns, _csv_rows(profile), fmt="csv")
    else:
        _print_profile(profile)


def register(app: typer.Typer) -> None:
    """Add the ``show`` command to ``app``."""
    app.command("show")(show)
