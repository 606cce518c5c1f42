"""Build the entity gazetteer files from the curated tables (run after editing a table).

Usage::

    python -m geokg.extract.resources.build_resources

Reads (hand-curated, see README.md):
    country_curation.tsv, organizations.jsonl, places.tsv, groups.tsv, leaders.tsv, lexicon.json
and pycountry (ISO 3166-1 and ISO 3166-3), and writes (committed, loaded at run time):
    countries.jsonl          one line per state: name, iso3, kind, aliases, adjectives, people,
                             capitals (pycountry official names merged into the aliases)
    leaders.jsonl            one line per leader: name, aliases, country, role
    ../patterns/entities.jsonl
                             phrase patterns in spaCy EntityRuler format
                             (``{"label": ..., "pattern": ..., "id": <canonical name>}``), the
                             surface forms the entity component's PhraseMatcher looks for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PATTERNS = HERE.parent / "patterns" / "entities.jsonl"

# Pattern labels (the kind of surface form; the component decides the final entity label).
COUNTRY_NAME = "COUNTRY_NAME"
COUNTRY_ADJ = "COUNTRY_ADJ"
COUNTRY_PEOPLE = "COUNTRY_PEOPLE"
CAPITAL = "CAPITAL"
SEAT = "SEAT"
LEGISLATURE = "LEGISLATURE"
ORG = "ORG"
PLACE = "PLACE"
PLACE_ADJ = "PLACE_ADJ"
GROUP = "GROUP"
GROUP_ADJ = "GROUP_ADJ"
RELIGION_ADJ = "RELIGION_ADJ"
LEADER = "LEADER"
EVENT = "EVENT"


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def _rows(path: Path, ncols: int) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (ncols - len(cells))
        yield cells[:ncols]


def build_countries() -> list[dict[str, Any]]:
    """Curated country rows, with pycountry's official names added as aliases."""
    import pycountry

    out: list[dict[str, Any]] = []
    for iso3, name, aliases, adjs, people, capitals, kind in _rows(
        HERE / "country_curation.tsv", 7
    ):
        alias_list = _split(aliases)
        code: str | None = None if iso3 == "-" else iso3
        if code is not None:
            rec = pycountry.countries.get(alpha_3=code)
            if rec is None:
                rec = pycountry.historic_countries.get(alpha_3=code)
            if rec is None:
                raise SystemExit(f"unknown ISO 3166 alpha-3 code {code} for {name}")
            for attr in ("name", "official_name", "common_name"):
                value = getattr(rec, attr, None)
                if value and "," not in value and value != name and value not in alias_list:
                    alias_list.append(value)
        out.append(
            {
                "name": name,
                "iso3": code,
                "kind": kind,
                "aliases": alias_list,
                "adjectives": _split(adjs),
                "people": _split(people),
                "capitals": _split(capitals),
            }
        )
    return out


def build_leaders() -> list[dict[str, Any]]:
    """Leader rows from leaders.tsv."""
    out: list[dict[str, Any]] = []
    for name, aliases, country, role in _rows(HERE / "leaders.tsv", 4):
        alias_list = _split(aliases)
        out.append(
            {
                "name": name,
                "aliases": [a.lstrip("!") for a in alias_list],
                "default_for": [a[1:] for a in alias_list if a.startswith("!")],
                "country": None if country in ("", "-") else country,
                "role": role or None,
            }
        )
    return out


def _variants(surface: str) -> list[str]:
    """Typographic variants of one surface form (apostrophes, article)."""
    forms = [surface]
    if surface.startswith("the "):
        forms = [surface[4:]]
    extra: list[str] = []
    for f in forms:
        if "'" in f:
            extra.append(f.replace("'", "’"))
        if "’" in f:
            extra.append(f.replace("’", "'"))
    return forms + extra


def build_patterns(
    countries: list[dict[str, Any]], leaders: list[dict[str, Any]]
) -> list[dict[str, str]]:
    """All phrase patterns (EntityRuler format) from every table."""
    lex = json.loads((HERE / "lexicon.json").read_text(encoding="utf-8"))
    seats = set(lex["seats"])
    pats: list[dict[str, str]] = []

    def add(label: str, surface: str, ident: str, *, upper: bool = False) -> None:
        for form in _variants(surface):
            pats.append({"label": label, "pattern": form, "id": ident})
            if upper and len(form) > 3 and form.upper() != form:
                pats.append({"label": label, "pattern": form.upper(), "id": ident})

    for c in countries:
        name = c["name"]
        for s in [name, *c["aliases"]]:
            add(COUNTRY_NAME, s, name, upper=True)
        for s in c["adjectives"]:
            add(COUNTRY_ADJ, s, name)
        for s in c["people"]:
            add(COUNTRY_PEOPLE, s, name)
        for s in c["capitals"]:
            add(SEAT if s in seats else CAPITAL, s, name)
    for s, target in lex["capital_org_of"].items():
        add(CAPITAL, s, target)
    for s, target in lex["legislatures"].items():
        add(LEGISLATURE, s, target)
    for line in (HERE / "organizations.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        o = json.loads(line)
        for s in [o["name"], *o["aliases"]]:
            add(ORG, s, o["name"], upper=len(s) > 4)
    for name, aliases, adjs, _kind in _rows(HERE / "places.tsv", 4):
        for s in [name, *_split(aliases)]:
            add(PLACE, s, name)
        for s in _split(adjs):
            add(PLACE_ADJ, s, name)
    for name, aliases, adjs, kind in _rows(HERE / "groups.tsv", 4):
        for s in [name, *_split(aliases)]:
            add(GROUP, s, name)
        for s in _split(adjs):
            add(RELIGION_ADJ if kind == "religious" else GROUP_ADJ, s, name)
    for ldr in leaders:
        for s in [ldr["name"], *ldr["aliases"]]:
            add(LEADER, s, ldr["name"])
    for s in lex["event_names"]:
        add(EVENT, s, s)
    seen: set[tuple[str, str, str]] = set()
    unique: list[dict[str, str]] = []
    for p in pats:
        key = (p["label"], p["pattern"], p["id"])
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    """Rebuild countries.jsonl, leaders.jsonl and patterns/entities.jsonl."""
    countries = build_countries()
    leaders = build_leaders()
    _write_jsonl(HERE / "countries.jsonl", countries)
    _write_jsonl(HERE / "leaders.jsonl", leaders)
    PATTERNS.parent.mkdir(parents=True, exist_ok=True)
    patterns = build_patterns(countries, leaders)
    _write_jsonl(PATTERNS, [dict(p) for p in patterns])
    print(f"{len(countries)} countries, {len(leaders)} leaders, {len(patterns)} patterns")


if __name__ == "__main__":
    main()
