"""Synthetic graphs of the same shape as the real one, at any size.

The real graphs (ontology, SDG framework, collaboration, mappings) are included as they are; more
collaboration data and target links are generated beside them: organisations with administrations,
initiatives of every kind and status with participants, focus areas, perspectives, budget lines,
proposed, confirmed and rejected links to real SDG targets, and target selections.
Deterministic for a given size and seed.
"""

from __future__ import annotations

import random
from pathlib import Path

from kg.layout import PROJECT_ROOT, dataset_files
from kg.namespaces import GRAPHS, PREFIXES

KINDS = ["Project", "Pilot", "Programme", "Education", "ResearchInitiative", "Idea", "Testbed"]
STATUSES = ["idea", "planned", "ongoing", "completed"]
LINK_STATUSES = ["proposed", "proposed", "confirmed", "rejected"]
PERSPECTIVES = [
    "partnerskap-och-samproduktion",
    "innovation-i-offentlig-sektor",
    "tvarvetenskaplighet",
    "utga-fran-invanaren",
    "tillitsskapande",
    "proaktiva-insatser",
    "trygghet",
    "digital-teknik",
    "okad-brukartid",
]
TRIPLES_PER_INITIATIVE = 28  # measured on this generator's output; used to pick the number of initiatives
BASE_TRIPLES = 5900  # the real graphs


def real_targets() -> list[str]:
    """The codes of the real targets, read from the project's own data."""
    text = (PROJECT_ROOT / "data" / "sdg" / "targets.ttl").read_text(encoding="utf-8")
    return [line.split()[0][4:] for line in text.splitlines() if line.startswith("sdg:") and " a sdgo:Target" in line]


def _real_graphs() -> tuple[dict[str, str], list[str]]:
    """The prefixes and the graph blocks of the real dataset's files."""
    prefixes: dict[str, str] = {}
    blocks = []
    for source in dataset_files(PROJECT_ROOT):
        body = []
        for line in source.path.read_text(encoding="utf-8").splitlines():
            if line.startswith("@prefix"):
                name, iri = line.split()[1], line.split()[2]
                prefixes[name] = iri
            else:
                body.append(line)
        blocks.append(f"<{source.graph}> {{\n" + "\n".join(body) + "\n}")
    return prefixes, blocks


def generate(triples: int, out: Path, seed: int = 2030) -> Path:
    """Write a TriG file of about `triples` triples: the real graphs plus generated data."""
    rng = random.Random(seed)
    targets = real_targets()
    n_initiatives = max(10, (triples - BASE_TRIPLES) // TRIPLES_PER_INITIATIVE)
    n_orgs = max(5, n_initiatives // 20)
    prefixes, blocks = _real_graphs()
    prefixes.update({f"{name}:": f"<{iri}>" for name, iri in PREFIXES.items()})
    lines = [f"@prefix {name} {iri} ." for name, iri in sorted(prefixes.items())]
    lines.extend(blocks)
    add = lines.append

    add(f"<{GRAPHS['collaboration']}> {{")
    add('source:synthetic a skk:SourceDocument ; dcterms:title "Syntetisk källa"@sv ; skk:seedFile "synthetic" .')
    for o in range(n_orgs):
        add(
            f"organisation:org-{o} a skk:{'Municipality' if o % 3 else 'Region'} ; "
            f'skos:prefLabel "Organisation {o}"@sv, "Organisation {o}"@en ; dcterms:source source:synthetic ; '
            f"skk:partner organisation:org-{rng.randrange(n_orgs)} ; org:hasSubOrganization organisation:org-{o}-adm ."
        )
        add(
            f'organisation:org-{o}-adm a skk:Administration ; skos:prefLabel "Förvaltning {o}"@sv ; '
            "dcterms:source source:synthetic ."
        )
    for i in range(n_initiatives):
        add(
            f"initiative:ini-{i} a skk:{rng.choice(KINDS)} ;\n"
            f'  skos:prefLabel "Initiativ {i} om äldres hälsa"@sv, "Initiative {i} on older people\'s health"@en ;\n'
            f"  skk:status skk:{rng.choice(STATUSES)} ;\n"
            f'  schema:startDate "{rng.randint(2015, 2025)}"^^xsd:gYear ;\n'
            f"  skk:participant organisation:org-{rng.randrange(n_orgs)}, organisation:org-{rng.randrange(n_orgs)} ;\n"
            f"  skk:focusArea focusarea:{rng.choice(['skolresultat', 'nara-vard'])} ;\n"
            f"  skk:perspective perspective:{rng.choice(PERSPECTIVES)} ;\n"
            "  dcterms:source source:synthetic ."
        )
        if i % 4 == 0:
            add(
                f'budget:b-{i} a skk:BudgetLine ; skos:prefLabel "Post {i}"@sv ; '
                f'schema:value {rng.randrange(10, 900) * 1000}.0 ; schema:currency "SEK" ; '
                f"skk:status skk:{rng.choice(STATUSES)} ; skk:budgetFor initiative:ini-{i} ; "
                "dcterms:source source:synthetic ."
            )
    add("}")

    add(f"<{GRAPHS['mappings']}> {{")
    for i in range(n_initiatives):
        for k, target in enumerate(rng.sample(targets, 2)):
            add(
                f"link:ini-{i}--{target} a skk:TargetLink ; skk:initiative initiative:ini-{i} ;"
                f" skk:target sdg:{target} ; skk:relevance skk:{'primary' if k == 0 else 'secondary'} ;"
                f' skk:rationale "Syntetisk motivering {i}"@sv ; skk:linkStatus skk:{rng.choice(LINK_STATUSES)} ;'
                " prov:wasAttributedTo agent:kunskapsgrafprojektet ;"
                ' prov:generatedAtTime "2026-11-22T12:00:00Z"^^xsd:dateTime .'
            )
    for target in rng.sample(targets, 20):
        add(f'selection:s-{target} a skk:TargetSelection ; skk:target sdg:{target} ; skk:reason "Vald"@sv .')
    add("}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
