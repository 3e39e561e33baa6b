"""`kg import`: the core team's work read back from a file of `kg export --curated` (kg.backup), without losing it.

- `read_curated` parses the whole file and checks it before the store is opened, so a bad file changes nothing:
  not RDF, triples outside graph/curation and graph/history, no triples at all, cut off (a statement left open
  at the end, or a last line without its line break), or a curation whose states lack their decisions in the
  history (the invariants of kg.curation.rebuild: a file cut off at a line boundary).
- `import_curated` replaces both graphs in ONE transaction (one `Store.update`: drop both graphs, delete the
  shipped quads the new curation supersedes (the rule `kg build` follows: kg.curation.rebuild.superseded), insert
  the file's quads). Before that it writes the curation it replaces to `backups/curation-<UTC time>.trig` beside
  the store (`save_curation`, sorted TriG as `kg export --curated`). Needs the store's lock: refused while a
  server (CurationStore) has it open.
- `plan_import` (`kg import --dry-run`) says what an import would change (`Changes`), changing nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg import snapshots
from kg.backends import RemoteConfig
from kg.backup import CURATED_GRAPHS, BackupError, export_curated
from kg.curation.model import CURATION, HISTORY
from kg.curation.rebuild import incomplete_history, superseded, undecided_states
from kg.export import FORMATS
from kg.layout import default_store_path
from kg.store import open_store

BACKUPS = "backups"  # the folder beside the store where `kg import` keeps the curation it replaces


@dataclass(frozen=True)
class Changes:
    """What an import changes: quads added and removed per graph (IRI), and how many curated things (links,
    selections, initiatives) get another state in graph/curation (added, changed or gone)."""

    added: dict[str, int]
    removed: dict[str, int]
    states: int


@dataclass(frozen=True)
class Imported:
    curation: int  # quads now in graph/curation
    history: int  # quads now in graph/history
    generation: int | None  # the snapshot published afterwards, None when the store has no snapshots
    changes: Changes
    backup: Path | None  # the curation replaced, as sorted TriG; None when the store had none


def read_curated(path: Path | str, fmt: str | None = None) -> list[ox.Quad]:
    """Parse a whole file and check it: RDF to its end, some quads, every one in graph/curation or graph/history,
    and each curated state with its decision in the history. Raises BackupError."""
    path = Path(path)
    rdf_format = FORMATS[fmt] if fmt else ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if rdf_format is None or not rdf_format.supports_datasets:
        raise BackupError(
            f"{path.name}: okänt format; filen ska vara TriG (.trig) eller N-Quads (.nq).",
            f"{path.name}: unknown format; the file must be TriG (.trig) or N-Quads (.nq).",
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BackupError(f"{path.name} kan inte läsas: {err}", f"{path.name} cannot be read: {err}") from None
    quads = _parse(path.name, data, rdf_format)
    _check_whole(path.name, data, quads)
    _check_graphs(path.name, quads)
    _check_decisions(path.name, quads)
    return quads


def _parse(name: str, data: bytes, rdf_format: ox.RdfFormat) -> list[ox.Quad]:
    """Every quad of `data`: the parser reads to the end, and a statement left open there is a cut-off file."""
    try:
        return list(ox.parse(data, format=rdf_format))
    except SyntaxError as err:
        detail = err.args[0] if err.args else err
        if (err.lineno or 0) >= data.count(b"\n") + (not data.endswith(b"\n")):  # on the last line: cut off
            raise BackupError(
                f"{name} är inte giltig RDF: filen slutar mitt i ett påstående och är troligen avkortad ({detail}); "
                "ingenting lästes in.",
                f"{name} is not valid RDF: the file ends in the middle of a statement and is probably cut off "
                f"({detail}); nothing was imported.",
            ) from None
        raise BackupError(f"{name} är inte giltig RDF: {detail}", f"{name} is not valid RDF: {detail}") from None
    except ValueError as err:
        raise BackupError(f"{name} kan inte läsas: {err}", f"{name} cannot be read: {err}") from None


def _check_whole(name: str, data: bytes, quads: list[ox.Quad]) -> None:
    """Refuse a file with no quads (it would empty both graphs) and one whose last line has no line break (every
    file `kg export --curated` writes ends with one; a file cut after a whole statement has not)."""
    if not quads:
        raise BackupError(
            f"{name} innehåller inga tripplar; att läsa in den skulle tömma graph/curation och graph/history. "
            "Ingenting lästes in.",
            f"{name} contains no triples; importing it would empty graph/curation and graph/history. "
            "Nothing was imported.",
        )
    if not data.endswith(b"\n"):
        raise BackupError(
            f"{name} slutar inte med en radbrytning och är troligen avkortad (`kg export --curated` avslutar "
            "varje fil med en); ingenting lästes in.",
            f"{name} does not end with a line break and is probably cut off (`kg export --curated` ends every "
            "file with one); nothing was imported.",
        )


def _check_decisions(name: str, quads: list[ox.Quad]) -> None:
    """Refuse a curation whose states lack their decisions, or a history with decisions and versions apart (the
    invariants of kg.curation.rebuild): a file cut off at a line boundary, or history lost."""
    undecided = undecided_states(quads)
    if undecided:
        raise BackupError(
            f"{name}: {len(undecided)} kurerade saker saknar sitt beslut i graph/history (till exempel "
            f"<{undecided[0]}>); filen är ofullständig, kanske avkortad. Ingenting lästes in.",
            f"{name}: {len(undecided)} curated things lack their decision in graph/history (for example "
            f"<{undecided[0]}>); the file is incomplete, perhaps cut off. Nothing was imported.",
        )
    incomplete = incomplete_history(quads)
    if incomplete:
        raise BackupError(
            f"{name}: graph/history är ofullständig: {len(incomplete)} beslut utan sina versioner eller versioner "
            f"utan sitt beslut (till exempel <{incomplete[0]}>); filen är ofullständig, kanske avkortad. Ingenting "
            "lästes in.",
            f"{name}: graph/history is incomplete: {len(incomplete)} decisions without their versions or versions "
            f"without their decision (for example <{incomplete[0]}>); the file is incomplete, perhaps cut off. "
            "Nothing was imported.",
        )


def _check_graphs(name: str, quads: list[ox.Quad]) -> None:
    allowed = {ox.NamedNode(g) for g in CURATED_GRAPHS}
    outside = [q for q in quads if q.graph_name not in allowed]
    if outside:
        where = "standardgrafen" if isinstance(outside[0].graph_name, ox.DefaultGraph) else str(outside[0].graph_name)
        where_en = "the default graph" if isinstance(outside[0].graph_name, ox.DefaultGraph) else where
        raise BackupError(
            f"{name}: {len(outside)} tripplar ligger utanför <{CURATION}> och <{HISTORY}> (till exempel i "
            f"{where}); ingenting lästes in.",
            f"{name}: {len(outside)} triples are outside <{CURATION}> and <{HISTORY}> (for example in "
            f"{where_en}); nothing was imported.",
        )


def _replace_update(quads: list[ox.Quad], gone: list[ox.Quad]) -> str:
    """One SPARQL update that replaces both curated graphs with `quads` and deletes `gone` (the shipped quads the
    new curation supersedes). Only terms serialised by pyoxigraph (N-Triples forms, escaped) reach the text."""
    operations = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in CURATED_GRAPHS]
    exact = [q for q in gone if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))]
    for graph in sorted({q.graph_name.value for q in exact}):  # one DELETE DATA per graph (see kg.curation.core)
        operations.append("DELETE DATA {\n" + _quads_text([q for q in exact if q.graph_name.value == graph]) + "}")
    for q in gone:  # DELETE DATA takes no blank nodes: match those by position (none in the shipped data)
        if isinstance(q.object, ox.BlankNode) and isinstance(q.subject, ox.NamedNode):
            operations.append(
                f"DELETE {{ GRAPH {q.graph_name} {{ {q.subject} {q.predicate} ?o }} }} WHERE "
                f"{{ GRAPH {q.graph_name} {{ {q.subject} {q.predicate} ?o }} FILTER(isBlank(?o)) }}"
            )
    if quads:
        operations.append("INSERT DATA {\n" + _quads_text(quads) + "}")
    return " ;\n".join(operations)


def _quads_text(quads: list[ox.Quad]) -> str:
    return "".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}\n" for q in quads)


def changes(store: ox.Store, quads: list[ox.Quad], gone: list[ox.Quad] | None = None) -> Changes:
    """What replacing the store's curated graphs with `quads` changes; `gone`: the shipped quads the new curation
    supersedes (`superseded`, read from `store` when not given)."""
    old = {g: set(store.quads_for_pattern(None, None, None, ox.NamedNode(g))) for g in CURATED_GRAPHS}
    new = {g: {q for q in quads if q.graph_name.value == g} for g in CURATED_GRAPHS}
    added = {g: len(new[g] - old[g]) for g in CURATED_GRAPHS}
    removed = {g: len(old[g] - new[g]) for g in CURATED_GRAPHS}
    for q in superseded(store, quads) if gone is None else gone:
        removed[q.graph_name.value] = removed.get(q.graph_name.value, 0) + 1
    return Changes(added, removed, _states_changed(old[CURATION], new[CURATION]))


def _states_changed(old: set[ox.Quad], new: set[ox.Quad]) -> int:
    """How many things of graph/curation have other statements in `new` than in `old` (added or gone too)."""
    before, after = _by_thing(old), _by_thing(new)
    return sum(1 for thing in before.keys() | after.keys() if before.get(thing) != after.get(thing))


def _by_thing(quads: set[ox.Quad]) -> dict[ox.Term, set[tuple[ox.Term, ox.Term]]]:
    found: dict[ox.Term, set[tuple[ox.Term, ox.Term]]] = {}
    for q in quads:
        found.setdefault(q.subject, set()).add((q.predicate, q.object))
    return found


def plan_import(store_path: Path | str | RemoteConfig, path: Path | str, fmt: str | None = None) -> Changes:
    """What `import_curated` would change, changing nothing (also while a server runs: then against its newest
    snapshot). Raises BackupError (the file would be refused), StoreMissing."""
    quads = read_curated(path, fmt)
    return changes(snapshots.SnapshotReader(store_path).store, quads)


def import_curated(store_path: Path | str | RemoteConfig, path: Path | str, fmt: str | None = None) -> Imported:
    """Replace graph/curation and graph/history of the store with a file's content, in one transaction, then
    publish a snapshot if readers use them. The curation replaced is saved first (`save_curation` in
    `backups_dir`). Raises BackupError (nothing changed), StoreMissing."""
    quads = read_curated(path, fmt)
    store = _open_writer(store_path)
    try:  # what is superseded is read first; nobody else can change the store while we hold its lock
        gone = superseded(store, quads)
        difference = changes(store, quads, gone)
        saved = save_curation(store, backups_dir(store_path))
        store.update(_replace_update(quads, gone))
        store.flush()
        generation = None
        if not isinstance(store_path, RemoteConfig) and snapshots.snapshots_dir(store_path).is_dir():
            generation = snapshots.publish(store, store_path)
        counts = {g: sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(g))) for g in CURATED_GRAPHS}
    finally:
        del store
    return Imported(counts[CURATION], counts[HISTORY], generation, difference, saved)


def backups_dir(store_path: Path | str | RemoteConfig) -> Path:
    """Where `kg import` keeps the curation it replaces: `backups/` beside the store's folder (var/backups for
    var/store); for a remote store, beside the default store folder."""
    folder = default_store_path() if isinstance(store_path, RemoteConfig) else Path(store_path)
    return folder.parent / BACKUPS


def save_curation(store: ox.Store, folder: Path) -> Path | None:
    """Write the store's curation as `kg export --curated` does (sorted TriG) to a new file
    `folder`/curation-<UTC time>.trig, synced to disk; None when the store has none. Raises BackupError."""
    if not any(next(iter(store.quads_for_pattern(None, None, None, ox.NamedNode(g))), None) for g in CURATED_GRAPHS):
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target, n = folder / f"curation-{stamp}.trig", 1
        while target.exists():  # two imports within a second (the store's lock orders them)
            n += 1
            target = folder / f"curation-{stamp}-{n}.trig"
        part = target.with_name(target.name + ".part")
        with part.open("wb") as handle:
            export_curated(store, "trig", handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, target)
    except OSError as err:
        raise BackupError(
            f"Den nuvarande kureringen kunde inte sparas i {folder} ({err}); ingenting lästes in.",
            f"The current curation could not be saved in {folder} ({err}); nothing was imported.",
        ) from None
    return target


def _open_writer(store_path: Path | str | RemoteConfig) -> ox.Store:
    try:
        return open_store(store_path if isinstance(store_path, RemoteConfig) else Path(store_path), read_only=False)
    except OSError as err:
        raise BackupError(
            f"Grafen i {store_path} används av en annan process (till exempel `kg serve`, som tar emot ändringar); "
            f"stoppa den först. ({err})",
            f"The graph in {store_path} is in use by another process (for example `kg serve`, which takes "
            f"changes); stop it first. ({err})",
        ) from None
