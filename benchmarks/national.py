"""A SYNTHETIC national-scale graph in the project's model, for performance tests. Not facts about any real place.

    .venv/bin/python benchmarks/national.py --triples 1000000 [--out benchmarks/out/national-1000000.trig]

290 municipalities ("Kommun 001" …) and 21 regions ("Region 01" …) with clearly made-up names, universities
("Lärosäte 01" …) and civil-society organisations ("Förening 001" …). Every place has a collaboration shaped like
Samhällskontraktet (a skk:Collaboration with parties, partners, a core team, functions, focus areas and
perspectives); the collaborations run initiatives of every kind and status with participants from places,
universities and civil society, budget lines, target links to the REAL 169 targets (proposed, confirmed, rejected,
each with a rationale), target selections by the core teams, and curation history in graph/curation and
graph/history in the shape `kg.curation` writes (kg/curation/core.py `_commit`: the new state with skk:version in
graph/curation, a skk:Decision and prov:Entity snapshots in graph/history). The real ontology and SDG graphs are
included as they are (benchmarks/synthetic.py `_real_graphs`).

Every generated resource carries `dcterms:source source:synthetic` (where the model allows a source) and
`skos:editorialNote "Syntetiska data för prestandatester"@sv`. Deterministic for a given size and seed: decisions
have counted ids and fixed times, not uuid4 and the clock. The number of initiatives is chosen for `--triples`
(the fixed part, the real graphs and the places, is about 20k triples).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synthetic import KINDS, STATUSES, _real_graphs, real_targets  # noqa: E402

from kg.curation.model import _ntriples, _snapshot_iri  # noqa: E402
from kg.namespaces import GRAPH, GRAPHS, ID, PREFIXES  # noqa: E402

MUNICIPALITIES, REGIONS, UNIVERSITIES, ASSOCIATIONS = 290, 21, 30, 200
FOCUS_AREAS, PERSPECTIVES, CHALLENGES_PER_AREA = 24, 12, 2
ALL_KINDS = [*KINDS, "LearningEnvironment"]
LINK_STATUSES = ["proposed", "proposed", "proposed", "confirmed", "rejected"]
NOTE = 'skos:editorialNote "Syntetiska data för prestandatester"@sv'
SYN = f"dcterms:source source:synthetic ; {NOTE}"
SHIPPED = "2026-01-15T09:00:00Z"  # when the generated proposals were made
# measured on this generator's output (`--count`); used to pick the number of initiatives
TRIPLES_PER_INITIATIVE = 66
TRIPLES_PER_PLACE = 115  # a place, its collaboration and their selections with history
BASE_TRIPLES = 6_000  # the real ontology and SDG graphs and the shared concepts
CURATION, HISTORY = GRAPH + "curation", GRAPH + "history"


def places(municipalities: int = MUNICIPALITIES, regions: int = REGIONS) -> list[tuple[str, str, str]]:
    """(local id, class, Swedish name) of every synthetic place: the municipalities, then the regions."""
    found = [(f"kommun-{m:03d}", "Municipality", f"Kommun {m:03d}") for m in range(1, municipalities + 1)]
    return found + [(f"region-{r:02d}", "Region", f"Region {r:02d}") for r in range(1, regions + 1)]


def _header() -> list[str]:
    prefixes, blocks = _real_graphs()
    prefixes.update({f"{name}:": f"<{iri}>" for name, iri in PREFIXES.items()})
    lines = ["# SYNTHETIC DATA for performance tests (benchmarks/national.py). Not facts about any real place:"]
    lines.append("# every name is made up; the ontology and SDG graphs are the project's real ones.")
    lines += [f"@prefix {name} {iri} ." for name, iri in sorted(prefixes.items())]
    wanted = (f"<{GRAPHS['ontology']}> {{", f"<{GRAPHS['sdg']}> {{")
    return lines + [block for block in blocks if block.startswith(wanted)]


def _shared() -> Iterator[str]:
    """The source, the national sets of focus areas (with challenges) and perspectives, universities and
    civil-society organisations."""
    yield (
        'source:synthetic a skk:SourceDocument ; dcterms:title "Syntetiska data för prestandatester"@sv, '
        f'"Synthetic data for performance tests"@en ; skk:seedFile "synthetic" ; {NOTE} .'
    )
    yield f'scheme:synthetic-focus-areas a skos:ConceptScheme ; skos:prefLabel "Syntetiska fokusområden"@sv ; {SYN} .'
    for f in range(1, FOCUS_AREAS + 1):
        challenges = ", ".join(f"challenge:syn-{f:02d}-{c}" for c in range(1, CHALLENGES_PER_AREA + 1))
        yield (
            f'focusarea:syn-{f:02d} a skk:FocusArea ; skos:prefLabel "Fokusområde {f:02d}"@sv, '
            f'"Focus area {f:02d}"@en ; skos:inScheme scheme:synthetic-focus-areas ; skk:challenge {challenges} ;'
            f" {SYN} ."
        )
        for c in range(1, CHALLENGES_PER_AREA + 1):
            yield (
                f'challenge:syn-{f:02d}-{c} a skk:Challenge ; skos:prefLabel "Utmaning {f:02d}.{c}"@sv ; '
                f"skos:broader focusarea:syn-{f:02d} ; {SYN} ."
            )
    for p in range(1, PERSPECTIVES + 1):
        yield (
            f'perspective:syn-{p:02d} a skk:PriorityPerspective ; skos:prefLabel "Perspektiv {p:02d}"@sv, '
            f'"Perspective {p:02d}"@en ; skos:notation "{p}" ; {SYN} .'
        )
    for u in range(1, UNIVERSITIES + 1):
        yield (
            f'organisation:larosate-{u:02d} a skk:University ; skos:prefLabel "Lärosäte {u:02d}"@sv, '
            f'"University {u:02d}"@en ; {SYN} .'
        )
    for a in range(1, ASSOCIATIONS + 1):
        yield (f'organisation:forening-{a:03d} a skk:SocietalSector ; skos:prefLabel "Förening {a:03d}"@sv ; {SYN} .')


def _place(rng: random.Random, local: str, cls: str, name: str) -> Iterator[str]:
    """A place with an administration, and its collaboration (with a core team and functions)."""
    collab = f"organisation:{local}-samverkan"
    university = f"organisation:larosate-{rng.randrange(UNIVERSITIES) + 1:02d}"
    yield (
        f'organisation:{local} a skk:{cls} ; skos:prefLabel "{name}"@sv ; '
        f"org:hasSubOrganization organisation:{local}-forvaltning ; {SYN} ."
    )
    yield (
        f'organisation:{local}-forvaltning a skk:Administration ; skos:prefLabel "Förvaltning i {name}"@sv ; {SYN} .'
    )
    areas = ", ".join(f"focusarea:syn-{f + 1:02d}" for f in rng.sample(range(FOCUS_AREAS), 2))
    views = ", ".join(f"perspective:syn-{p + 1:02d}" for p in rng.sample(range(PERSPECTIVES), 3))
    partners = ", ".join(f"organisation:forening-{a + 1:03d}" for a in rng.sample(range(ASSOCIATIONS), 2))
    functions = [f"function:{local}-forum", f"function:{local}-labb"]
    yield (
        f'{collab} a skk:Collaboration ; skos:prefLabel "Samverkan {name}"@sv, "Collaboration {name}"@en ; '
        f'skk:vision "Syntetisk vision för {name}."@sv ; skk:party organisation:{local}, {university} ; '
        f"skk:partner {partners} ; skk:function {', '.join(functions)} ; skk:coreTeam {collab}-core-team ; "
        f"skk:focusArea {areas} ; skk:perspective {views} ; {SYN} ."
    )
    yield (
        f'{collab}-core-team a skk:CoreTeam ; skos:prefLabel "Core team, samverkan {name}"@sv ; '
        f'org:unitOf {collab} ; skk:task "Väljer delmål (syntetiskt)."@sv ; {SYN} .'
    )
    for function, label in zip(functions, ("Forum", "Labb"), strict=True):
        yield (
            f'{function} a skk:Function ; skos:prefLabel "{label}, samverkan {name}"@sv ; org:unitOf {collab} ; '
            f'skk:task "Syntetisk uppgift."@sv ; {SYN} .'
        )


def _initiative(rng: random.Random, i: int, owner: str, org_ids: list[str]) -> tuple[list[str], list[str]]:
    """An initiative and its budget line (graph collaboration), and its proposed focus area, perspectives and
    function (graph mappings, as the real proposals are)."""
    ini = f"initiative:syn-{i}"
    who = {f"organisation:{owner}-samverkan", f"organisation:{owner}"}
    who.update(rng.sample(org_ids, rng.randint(1, 4)))
    year = rng.randint(2016, 2026)
    extra = f' ; schema:endDate "{year + rng.randint(1, 4)}"^^xsd:gYear' if i % 3 == 0 else ""
    extra += f" ; skk:funder organisation:{owner}" if i % 5 == 0 else ""
    extra += f" ; skk:partOf initiative:syn-{i - 1}" if i % 11 == 10 else ""
    collab = [
        f'{ini} a skk:{ALL_KINDS[i % len(ALL_KINDS)]} ; skos:prefLabel "Initiativ {i}"@sv, '
        f'"Initiative {i}"@en ; dcterms:description "Syntetiskt initiativ nummer {i}."@sv ; '
        f"skk:status skk:{STATUSES[(i // len(ALL_KINDS)) % len(STATUSES)]} ; "
        f'schema:startDate "{year}"^^xsd:gYear{extra} ; skk:participant {", ".join(sorted(who))} ; {SYN} .'
    ]
    if i % 3 == 0:
        collab.append(
            f'budget:syn-{i} a skk:BudgetLine ; skos:prefLabel "Budgetpost {i}"@sv ; '
            f'schema:value {rng.randrange(10, 900) * 1000}.0 ; schema:currency "SEK" ; '
            f"skk:fundingSource skk:{'pilotBudget' if i % 2 else 'ordinaryBudget'} ; "
            f"skk:status skk:{rng.choice(STATUSES)} ; skk:budgetFor {ini} ; {SYN} ."
        )
    proposal = [
        f"{ini} skk:focusArea focusarea:syn-{rng.randrange(FOCUS_AREAS) + 1:02d} ; "
        f"skk:perspective perspective:syn-{rng.randrange(PERSPECTIVES) + 1:02d} ; "
        f"skk:inFunction function:{owner}-{'forum' if i % 2 else 'labb'} ."
    ]
    return collab, proposal


class Writer:
    """Streams the TriG file graph by graph; graph/curation and graph/history are collected and written last."""

    def __init__(self, out: Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        self.file = out.open("w", encoding="utf-8")
        self.curation: list[str] = []
        self.history: list[str] = []

    def lines(self, lines) -> None:
        for line in lines:
            self.file.write(line + "\n")

    def graph(self, iri: str, lines) -> None:
        self.file.write(f"<{iri}> {{\n")
        self.lines(lines)
        self.file.write("}\n")


def _term(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return f"<{PREFIXES[prefix]}{local}>"


def _decision(
    w: Writer,
    n: int,
    agent: str,
    iri: str,
    version: int,
    new: list[tuple[str, str]],
    old: list[tuple[str, str]] | None,
    reason: str,
    when: str,
) -> None:
    """The history `_commit` writes for one change of `iri` to `new` (statements as N-Triples terms), made by
    `agent` (a core team member's agent, whose public role is written once by the caller)."""
    decision, snap = f"<{ID}decision/synthetic-{n:07d}>", f"<{_snapshot_iri(iri, version)}>"
    at = f'"{when}"^^<{PREFIXES["xsd"]}dateTime>'
    value = _literal(_ntriples(iri, new))
    w.history += [
        f"{decision} a skk:Decision ; prov:wasAssociatedWith {agent} ; prov:endedAtTime {at} ; "
        f'prov:generated {snap} ; skk:reason "{reason}"@sv ; {NOTE} .',
        f"{snap} a prov:Entity ; prov:specializationOf <{iri}> ; skk:version {version} ; prov:value {value} ;"
        f" prov:generatedAtTime {at} ; prov:wasGeneratedBy {decision} .",
    ]
    if old is not None:
        prev = f"<{_snapshot_iri(iri, version - 1)}>"
        w.history += [
            f"{decision} prov:used {prev} .",
            f"{prev} prov:invalidatedAtTime {at} ; prov:wasInvalidatedBy {decision} .",
            f"{snap} prov:wasRevisionOf {prev} .",
            f"{prev} a prov:Entity ; prov:specializationOf <{iri}> ; skk:version {version - 1} ; "
            f"prov:value {_literal(_ntriples(iri, old))} .",
        ]
    w.curation.append(f"<{iri}> " + " ; ".join(f"{p} {o}" for p, o in new) + f" ; skk:version {version} .")


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


MARKS = [
    (_term("dcterms:source"), _term("source:synthetic")),
    (_term("skos:editorialNote"), '"Syntetiska data för prestandatester"@sv'),
]


def _link(ini: int, target: str, k: int) -> list[tuple[str, str]]:
    return [
        (_term("rdf:type"), _term("skk:TargetLink")),
        (_term("skk:initiative"), _term(f"initiative:syn-{ini}")),
        (_term("skk:target"), f"<{PREFIXES['sdg']}{target}>"),
        (_term("skk:relevance"), _term(f"skk:{'primary' if k == 0 else 'secondary'}")),
        (_term("skk:rationale"), f'"Syntetisk motivering för initiativ {ini} och delmål {target}."@sv'),
        *MARKS,
    ]


def generate(
    triples: int, out: Path, seed: int = 2030, municipalities: int = MUNICIPALITIES, regions: int = REGIONS
) -> Path:
    """Write a synthetic national TriG file of about `triples` triples to `out` (fewer places only for tests)."""
    rng = random.Random(seed)
    targets = real_targets()
    all_places = places(municipalities, regions)
    fixed = BASE_TRIPLES + TRIPLES_PER_PLACE * len(all_places)
    n_initiatives = max(len(all_places), (triples - fixed) // TRIPLES_PER_INITIATIVE)
    owners = [local for local, _, _ in all_places]
    org_ids = (
        [f"organisation:{o}" for o in owners]
        + [f"organisation:larosate-{u:02d}" for u in range(1, UNIVERSITIES + 1)]
        + [f"organisation:forening-{a:03d}" for a in range(1, ASSOCIATIONS + 1)]
    )
    w = Writer(out)
    w.lines(_header())
    mappings: list[str] = []
    w.file.write(f"<{GRAPHS['collaboration']}> {{\n")
    w.lines(_shared())
    for local, cls, name in all_places:
        w.lines(_place(rng, local, cls, name))
    for i in range(n_initiatives):
        collab, proposal = _initiative(rng, i, owners[i % len(owners)], org_ids)
        w.lines(collab)
        mappings += proposal
    w.file.write("}\n")

    w.file.write(f"<{GRAPHS['mappings']}> {{\n")
    w.lines(mappings)
    del mappings
    shipped = f'"{SHIPPED}"^^<{PREFIXES["xsd"]}dateTime>'
    proposer = _term("agent:synthetic-proposals")
    w.file.write(f'agent:synthetic-proposals a prov:Agent ; skos:prefLabel "Syntetiska förslag"@sv ; {NOTE} .\n')
    members = {local: _term(f"agent:synthetic-member-{local}") for local in owners}
    decisions = 0
    for i in range(n_initiatives):
        owner = owners[i % len(owners)]
        for k, target in enumerate(rng.sample(targets, rng.randint(1, 4))):
            link = f"{ID}link/syn-{i}--{target}"
            statements = _link(i, target, k)
            status = LINK_STATUSES[(i + k) % len(LINK_STATUSES)]
            shipped_state = [
                *statements,
                (_term("skk:linkStatus"), _term("skk:proposed")),
                (_term("prov:wasAttributedTo"), proposer),
                (_term("prov:generatedAtTime"), shipped),
            ]
            if status == "proposed":
                w.file.write(f"<{link}> " + " ; ".join(f"{p} {o}" for p, o in shipped_state) + " .\n")
                continue
            decisions += 1
            when = f"2026-{1 + decisions % 12:02d}-{1 + decisions % 28:02d}T10:{decisions % 60:02d}:00Z"
            new = [
                *statements,
                (_term("skk:linkStatus"), _term(f"skk:{status}")),
                (_term("prov:wasAttributedTo"), members[owner]),
                (_term("prov:generatedAtTime"), f'"{when}"^^<{PREFIXES["xsd"]}dateTime>'),
            ]
            reason = "Bekräftad av core team (syntetiskt)" if status == "confirmed" else "Avvisad (syntetiskt)"
            _decision(w, decisions, members[owner], link, 1, new, shipped_state, reason, when)
    w.file.write("}\n")

    for local, _, name in all_places:  # each core team selects a few targets, with a reason and a focus area
        team, area = f"organisation:{local}-samverkan-core-team", f"focusarea:syn-{rng.randrange(FOCUS_AREAS) + 1:02d}"
        for target in rng.sample(targets, 3):
            decisions += 1
            when = f"2026-{1 + decisions % 12:02d}-{1 + decisions % 28:02d}T11:{decisions % 60:02d}:00Z"
            reason = f"Vald av core team i {name} (syntetiskt)"
            new = [
                (_term("rdf:type"), _term("skk:TargetSelection")),
                (_term("skk:target"), f"<{PREFIXES['sdg']}{target}>"),
                (_term("skk:reason"), f'"{reason}"@sv'),
                (_term("skk:focusArea"), _term(area)),
                (_term("skk:selectedBy"), _term(team)),
                *MARKS,
                (_term("prov:wasAttributedTo"), members[local]),
                (_term("prov:generatedAtTime"), f'"{when}"^^<{PREFIXES["xsd"]}dateTime>'),
            ]
            _decision(w, decisions, members[local], f"{ID}selection/syn-{local}-{target}", 0, new, None, reason, when)
    for local, agent in members.items():  # the agent's public role, as kg.curation's _agent_role writes it
        w.history.append(
            f'{agent} a prov:Agent ; skos:prefLabel "Medlem i core team"@sv, "Member of the core team"@en'
            f" ; prov:actedOnBehalfOf organisation:{local}-samverkan-core-team ; {NOTE} ."
        )
    w.graph(CURATION, w.curation)
    w.graph(HISTORY, w.history)
    w.file.close()
    return out


def count(path: Path) -> int:
    """The number of distinct quads in a generated file (parsed into an in-memory store)."""
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return len(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--count", action="store_true", help="parse the file and print the number of quads")
    args = parser.parse_args()
    out = generate(args.triples, args.out or HERE / "out" / f"national-{args.triples}.trig", args.seed)
    print(out)
    if args.count:
        print(f"{count(out):,} quads")


if __name__ == "__main__":
    main()
