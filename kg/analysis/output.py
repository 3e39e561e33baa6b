"""The analysis as the command line prints it: tables of text under the questions they answer, JSON, or one CSV
(a `table` column says which table a row belongs to: nodes, ties, bridges)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from kg.analysis.measures import Network
from kg.analysis.model import Analysis, Bridge
from kg.analysis.questions import question
from kg.analysis.reading import display
from kg.csvsafe import neutralise

SECTIONS = ("partners", "goals", "all")
_HEAD = {
    "name": {"sv": "namn", "en": "name"},
    "initiatives": {"sv": "initiativ", "en": "initiatives"},
    "degree": {"sv": "grad", "en": "degree"},
    "strength": {"sv": "viktad grad", "en": "weighted degree"},
    "betweenness": {"sv": "mellanhet", "en": "betweenness"},
    "community": {"sv": "grupp", "en": "group"},
    "a": {"sv": "den ena", "en": "one"},
    "b": {"sv": "den andra", "en": "the other"},
    "weight": {"sv": "gemensamma initiativ", "en": "shared initiatives"},
    "confirmed": {"sv": "varav bekräftade", "en": "of which confirmed"},
    "goals": {"sv": "mål", "en": "goals"},
    "targets": {"sv": "delmål", "en": "targets"},
    "pairs": {"sv": "målpar", "en": "goal pairs"},
    "only_tie": {"sv": "målpar bara via detta", "en": "goal pairs only via this"},
    "members": {"sv": "medlemmar", "en": "members"},
}


def networks_of(analysis: Analysis, section: str, confirmed_only: bool) -> list[Network]:
    chosen = []
    if section in ("partners", "all"):
        chosen.append(analysis.partners)
    if section in ("goals", "all"):
        chosen += [analysis.goal_network(level, confirmed_only) for level in ("goals", "targets")]
    return chosen


def label(analysis: Analysis, iri: str, lang: str) -> str:
    """A goal by number and short name, a target by code, anything else by name (kg.analysis.reading.display)."""
    thing = analysis.thing(iri)
    return display(thing, lang) if thing is not None else iri


def node_rows(analysis: Analysis, network: Network, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "network": network.kind,
            "iri": n.iri,
            "code": n.code,
            "name": label(analysis, n.iri, lang),
            "initiatives": n.initiatives,
            "degree": n.degree,
            "strength": n.strength,
            "betweenness": n.betweenness,
            "community": n.community,
        }
        for n in network.nodes
    ]


def tie_rows(analysis: Analysis, network: Network, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "network": network.kind,
            "a": label(analysis, e.source, lang),
            "b": label(analysis, e.target, lang),
            "source": e.source,
            "target": e.target,
            "weight": e.weight,
            "confirmed": e.confirmed if network.kind != "partners" else None,
            "shared": [analysis.name_of(i)[lang] for i in e.initiatives],
        }
        for e in network.edges
    ]


def bridge_rows(analysis: Analysis, bridges: tuple[Bridge, ...], lang: str) -> list[dict[str, Any]]:
    codes = {iri: thing.code for iri, thing in analysis.facts.goals.items()}
    return [
        {
            "network": "bridges",
            "iri": b.initiative,
            "name": b.names[lang],
            "status": b.status,
            "goals": [codes[g] for g in b.goals],
            "confirmed_goals": [codes[g] for g in b.confirmed_goals],
            "targets": b.targets,
            "pairs": b.pairs,
            "only_tie": b.only_tie,
        }
        for b in bridges
    ]


def as_data(analysis: Analysis, section: str, lang: str, confirmed_only: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"lang": lang, "confirmed_only": confirmed_only, "networks": []}
    for network in networks_of(analysis, section, confirmed_only):
        data["networks"].append(
            {
                "kind": network.kind,
                "questions": {
                    aspect: question(f"{network.kind}.{aspect}", lang) for aspect in ("ties", "central", "groups")
                },
                "nodes": node_rows(analysis, network, lang),
                "ties": tie_rows(analysis, network, lang),
                "communities": [
                    {"number": i, "members": list(c), "names": [label(analysis, m, lang) for m in c]}
                    for i, c in enumerate(network.communities, 1)
                ],
                "modularity": network.modularity,
                "density": network.density,
                "components": network.components,
            }
        )
    if section in ("goals", "all"):
        data["bridges"] = {
            "question": question("bridges", lang),
            "initiatives": bridge_rows(analysis, analysis.bridges[confirmed_only], lang),
        }
    return data


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[("" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)) for v in row] for row in rows]
    widths = [min(50, max([len(h)] + [len(r[i]) for r in cells])) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:  # the last column is never cut
        cut = [
            v if len(v) <= w or i == len(values) - 1 else v[: w - 1] + "…"
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ]
        return "  ".join(v.ljust(w) for v, w in zip(cut, widths, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, cells)])


def as_text(analysis: Analysis, section: str, lang: str, confirmed_only: bool) -> str:
    data = as_data(analysis, section, lang, confirmed_only)
    h = {key: value[lang] for key, value in _HEAD.items()}
    out = []
    for net in data["networks"]:
        q, partners = net["questions"], net["kind"] == "partners"
        heads = [h["a"], h["b"], h["weight"]] + ([] if partners else [h["confirmed"]])
        ties = [[t["a"], t["b"], t["weight"]] + ([] if partners else [t["confirmed"]]) for t in net["ties"]]
        out += [f"== {q['ties']}", _table(heads, ties), ""]
        heads = [h["name"], h["initiatives"], h["degree"], h["strength"], h["betweenness"], h["community"]]
        nodes = [
            [n["name"], n["initiatives"], n["degree"], n["strength"], n["betweenness"], n["community"]]
            for n in net["nodes"]
        ]
        out += [f"== {q['central']}", _table(heads, nodes), ""]
        groups = [[c["number"], "; ".join(c["names"])] for c in net["communities"] if len(c["members"]) > 1]
        out += [
            f"== {q['groups']}",
            _table([h["community"], h["members"]], groups),
            f"modularity {net['modularity']}, density {net['density']}, components {net['components']}",
            "",
        ]
    if "bridges" in data:
        heads = [h["name"], h["goals"], h["targets"], h["pairs"], h["only_tie"]]
        rows = [
            [b["name"], " ".join(b["goals"]), b["targets"], b["pairs"], b["only_tie"]]
            for b in data["bridges"]["initiatives"]
        ]
        out += [f"== {data['bridges']['question']}", _table(heads, rows), ""]
    return "\n".join(out)


CSV_COLUMNS = [
    "table",
    "network",
    "iri",
    "code",
    "name",
    "initiatives",
    "degree",
    "strength",
    "betweenness",
    "community",
    "source",
    "target",
    "a",
    "b",
    "weight",
    "confirmed",
    "shared",
    "goals",
    "targets",
    "pairs",
    "only_tie",
]


def as_csv(analysis: Analysis, section: str, lang: str, confirmed_only: bool) -> str:
    data = as_data(analysis, section, lang, confirmed_only)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()

    def write(row: dict) -> None:  # a name that a spreadsheet would run as a formula gets a ' (kg.csvsafe)
        writer.writerow({key: neutralise(value) for key, value in row.items()})

    for net in data["networks"]:
        for row in net["nodes"]:
            write({"table": "nodes", **row})
        for row in net["ties"]:
            write({"table": "ties", **row, "shared": "; ".join(row["shared"])})
    for row in data.get("bridges", {}).get("initiatives", []):
        write({"table": "bridges", **row, "goals": " ".join(row["goals"])})
    return buffer.getvalue()


def render(analysis: Analysis, section: str, fmt: str, lang: str, confirmed_only: bool) -> str:
    if fmt == "json":
        return json.dumps(as_data(analysis, section, lang, confirmed_only), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return as_csv(analysis, section, lang, confirmed_only)
    return as_text(analysis, section, lang, confirmed_only)
