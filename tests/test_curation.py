"""The durable storage layer of the core team's curation (kg.curation, kg.snapshots)."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.curation import CURATION, HISTORY, Conflict, CurationError, CurationStore, agent_iri
from kg.curation.model import MAPPINGS
from kg.layout import PROJECT_ROOT
from kg.namespaces import ID, SKK
from kg.snapshots import KEEP, current_generation, current_snapshot, snapshots_dir

LINK = ID + "link/maltider-och-moten--2.2"
INITIATIVE = ID + "initiative/maltider-och-moten"
AREA = ID + "focus-area/nara-vard"
ANNA, BO = agent_iri("anna"), agent_iri("bo")
PROV = "http://www.w3.org/ns/prov#"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("curation-built") / "store"
    build(path)
    return path


@pytest.fixture
def path(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture
def cur(path: Path):
    store = CurationStore(path)
    yield store
    store.close()


def status(store: ox.Store, link: str = LINK) -> list[str]:
    """Every status the union default graph shows for a link."""
    return [
        q.object.value.removeprefix(SKK)
        for q in store.quads_for_pattern(ox.NamedNode(link), ox.NamedNode(SKK + "linkStatus"), None)
    ]


def history_of(store: ox.Store, decision: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(ox.NamedNode(decision), None, None, ox.NamedNode(HISTORY)):
        found.setdefault(q.predicate.value.rsplit("#", 1)[-1], []).append(q.object.value)
    return found


def graph_size(store: ox.Store) -> int:
    return len(store)


# ---------------------------------------------------------------- operations and their history


def test_confirm_a_proposal_moves_it_to_curation_with_history(cur: CurationStore) -> None:
    assert cur.state(LINK).version == 0 and cur.state(LINK).graph == MAPPINGS
    change = cur.set_link_status(LINK, "confirmed", ANNA, "Stämmer med initiativets syfte.", 0)
    assert change.version == 1
    state = cur.state(LINK)
    assert state.graph == CURATION and state.value(SKK + "linkStatus").value == SKK + "confirmed"
    assert status(cur.store) == ["confirmed"]  # one status in the union: the proposal was moved, not copied
    decision = history_of(cur.store, change.decision)
    assert decision["type"] == [SKK + "Decision"]
    assert decision["wasAssociatedWith"] == [ANNA]
    assert decision["reason"] == ["Stämmer med initiativets syfte."]
    assert decision["used"] == [LINK + "#v0"] and decision["generated"] == [LINK + "#v1"]
    assert decision["endedAtTime"]
    old = {q.predicate.value: q.object for q in cur.store.quads_for_pattern(ox.NamedNode(LINK + "#v0"), None, None)}
    assert PROV + "invalidatedAtTime" in old and "proposed" in old[PROV + "value"].value


def test_reject_edit_remove_and_add(cur: CurationStore) -> None:
    v1 = cur.set_link_status(LINK, "rejected", ANNA, "Passar inte.", 0).version
    v2 = cur.edit_link(LINK, "secondary", "Ny motivering.", BO, v1).version
    state = cur.state(LINK)
    assert (v1, v2) == (1, 2)
    assert state.value(SKK + "relevance").value == SKK + "secondary"
    assert state.value(SKK + "rationale").value == "Ny motivering."
    assert state.value(SKK + "linkStatus").value == SKK + "rejected"
    assert state.value(PROV + "wasAttributedTo").value == BO
    removed = cur.remove_link(LINK, ANNA, "Dubblett.", v2)
    assert not cur.state(LINK).active and status(cur.store) == []
    assert not list(cur.store.quads_for_pattern(ox.NamedNode(LINK), ox.NamedNode(SKK + "target"), None))
    assert history_of(cur.store, removed.decision)["used"] == [LINK + "#v2"]
    added = cur.add_link(INITIATIVE, "1.1", "primary", "Måltider motverkar fattigdom.", BO)
    link = ID + "link/maltider-och-moten--1.1"
    assert added.iri == link and status(cur.store, link) == ["confirmed"]
    assert "used" not in history_of(cur.store, added.decision)
    with pytest.raises(CurationError):
        cur.add_link(INITIATIVE, "1.1", "primary", "Igen.", BO)


def test_select_and_deselect_a_target(cur: CurationStore) -> None:
    chosen = cur.select_target("3.4", "Psykisk hälsa hos äldre.", AREA, ANNA)
    selection = ID + "selection/3.4"
    state = cur.state(selection)
    assert state.active and state.value(SKK + "target").value == "http://metadata.un.org/sdg/3.4"
    assert state.value(SKK + "focusArea").value == AREA
    assert state.value(SKK + "selectedBy") is not None
    assert history_of(cur.store, chosen.decision)["wasAssociatedWith"] == [ANNA]
    ended = cur.deselect_target("http://metadata.un.org/sdg/3.4", "Inte längre prioriterat.", BO)
    assert not cur.state(selection).active and cur.state(selection).value(PROV + "invalidatedAtTime")
    assert history_of(cur.store, ended.decision)["reason"] == ["Inte längre prioriterat."]
    with pytest.raises(CurationError):
        cur.deselect_target("3.4", "Igen.", BO)


def test_undo_restores_the_previous_state(cur: CurationStore) -> None:
    before = cur.state(LINK).statements
    confirmed = cur.set_link_status(LINK, "confirmed", ANNA, "Ja.", 0)
    undone = cur.undo(confirmed.decision, BO)
    assert cur.state(LINK).statements == before and cur.state(LINK).version == 2
    assert status(cur.store) == ["proposed"]
    assert history_of(cur.store, undone.decision)["wasInformedBy"] == [confirmed.decision]
    removed = cur.remove_link(LINK, ANNA, "Fel.", 2)
    cur.undo(removed.decision, ANNA)
    assert cur.state(LINK).statements == before and status(cur.store) == ["proposed"]
    added = cur.add_link(INITIATIVE, "1.1", "primary", "Motivering.", BO)
    cur.undo(added.decision, BO)
    assert not cur.state(added.iri).active
    with pytest.raises(Conflict):  # the link was changed after the decision: undoing it would overwrite that
        cur.undo(confirmed.decision, BO)
    with pytest.raises(CurationError):
        cur.undo(ID + "decision/none", BO)


# ---------------------------------------------------------------- conflicts and bad input change nothing


def test_stale_version_is_a_conflict_and_changes_nothing(cur: CurationStore) -> None:
    cur.set_link_status(LINK, "confirmed", ANNA, "Ja.", 0)
    size = graph_size(cur.store)
    with pytest.raises(Conflict) as raised:
        cur.set_link_status(LINK, "rejected", BO, "Nej.", 0)
    assert raised.value.current.version == 1
    assert raised.value.current.value(SKK + "linkStatus").value == SKK + "confirmed"
    assert "version 1" in str(raised.value)
    for change in (lambda: cur.edit_link(LINK, "primary", "X", BO, 0), lambda: cur.remove_link(LINK, BO, "X", 5)):
        with pytest.raises(Conflict):
            change()
    assert graph_size(cur.store) == size and status(cur.store) == ["confirmed"]


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.select_target("18.1", "Skäl.", AREA, ANNA),
        lambda c: c.select_target("3.4 } ; DROP ALL", "Skäl.", AREA, ANNA),
        lambda c: c.select_target("3", "Skäl.", AREA, ANNA),  # a goal, not a target
        lambda c: c.select_target("3.4", "   ", AREA, ANNA),
        lambda c: c.select_target("3.4", "Skäl.", ID + "focus-area/finns-inte", ANNA),
        lambda c: c.set_link_status(LINK, "confirmed", ANNA, "", 0),
        lambda c: c.set_link_status(LINK, "maybe", ANNA, "Skäl.", 0),
        lambda c: c.set_link_status(LINK, "proposed", ANNA, "Ingen ändring.", 0),
        lambda c: c.set_link_status(ID + "link/finns-inte", "confirmed", ANNA, "Skäl.", 0),
        lambda c: c.add_link(INITIATIVE, "99.99", "primary", "Motivering.", ANNA),
        lambda c: c.add_link(ID + "initiative/finns-inte", "1.1", "primary", "Motivering.", ANNA),
        lambda c: c.add_link(INITIATIVE, "1.1", "tertiary", "Motivering.", ANNA),
        lambda c: c.add_link(INITIATIVE, "1.1", "primary", "x" * 1_000_000, ANNA),
        lambda c: c.add_link(INITIATIVE, "1.1", "primary", "\n\t ", ANNA),
        lambda c: c.edit_link(LINK, "primary", "x" * 4001, ANNA, 0),
        lambda c: c.add_link(INITIATIVE, "1.1", "primary", "Motivering.", "not an iri"),
        lambda c: c.set_link_status(LINK, "confirmed", ANNA, "Ring Anna på 070-123 45 67.", 0),
        lambda c: c.add_link(INITIATIVE, "1.1", "primary", "Kontakt: anna.a@vasteras.se", ANNA),
    ],
    ids=[
        "unknown-target",
        "injected-code",
        "goal",
        "blank-reason",
        "unknown-area",
        "empty-reason",
        "unknown-status",
        "no-change",
        "unknown-link",
        "unknown-target-code",
        "unknown-initiative",
        "unknown-relevance",
        "1MB-rationale",
        "blank-rationale",
        "4001-rationale",
        "bad-agent",
        "phone-in-reason",
        "email-in-rationale",
    ],
)
def test_bad_input_is_refused_in_both_languages_and_changes_nothing(cur: CurationStore, change) -> None:
    size, generation = graph_size(cur.store), current_generation(cur.path)
    with pytest.raises(CurationError) as raised:
        change(cur)
    assert " / " in str(raised.value) and raised.value.sv and raised.value.en
    assert graph_size(cur.store) == size and current_generation(cur.path) == generation


def test_markup_in_a_rationale_is_stored_as_plain_text(cur: CurationStore) -> None:
    text = '<script>alert("x")</script> \\u0022 } ; DROP ALL ; # """ \' \n& <b>fet</b>'
    change = cur.edit_link(LINK, "primary", text, ANNA, 0)
    assert cur.state(LINK).value(SKK + "rationale") == ox.Literal(text.strip(), language="sv")
    assert change.version == 1 and len(list(cur.store.quads_for_pattern(None, None, None, ox.NamedNode(MAPPINGS))))


# ---------------------------------------------------------------- concurrency


def test_two_threads_changing_the_same_link_one_conflict_nothing_lost(cur: CurationStore) -> None:
    barrier, outcomes = threading.Barrier(2), []

    def change(who: str, status_: str) -> None:
        barrier.wait()
        try:
            outcomes.append(("ok", cur.set_link_status(LINK, status_, who, f"{who} bestämmer.", 0)))
        except Conflict as conflict:
            outcomes.append(("conflict", conflict))

    threads = [
        threading.Thread(target=change, args=(ANNA, "confirmed")),
        threading.Thread(target=change, args=(BO, "rejected")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    winner = next(change for kind, change in outcomes if kind == "ok")
    loser = next(conflict for kind, conflict in outcomes if kind == "conflict")
    assert loser.current.version == 1 == cur.state(LINK).version
    assert len(status(cur.store)) == 1
    decisions = list(cur.store.quads_for_pattern(None, ox.NamedNode(PROV + "generated"), ox.NamedNode(LINK + "#v1")))
    assert [q.subject.value for q in decisions] == [winner.decision]


# ---------------------------------------------------------------- rebuild keeps curation


def test_a_rebuild_keeps_curated_changes(path: Path) -> None:
    cur = CurationStore(path)
    cur.set_link_status(LINK, "confirmed", ANNA, "Ja.", 0)
    removed = ID + "link/maltider-och-moten--3.4"
    cur.remove_link(removed, ANNA, "Fel.", 0)
    added = cur.add_link(INITIATIVE, "1.1", "primary", "Motivering.", BO)
    cur.select_target("3.4", "Skäl.", AREA, ANNA)
    with pytest.raises(OSError):  # the store is owned by a running CurationStore: a build is refused
        build(path)
    cur.close()
    generation = current_generation(path)
    build(path, PROJECT_ROOT)
    assert current_generation(path) == generation + 1  # readers get the rebuilt store
    store = ox.Store.read_only(str(current_snapshot(path)))
    assert status(store) == ["confirmed"] and status(store, added.iri) == ["confirmed"]
    assert status(store, removed) == []
    assert store.contains_named_graph(ox.NamedNode(HISTORY))
    every = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(SKK + "linkStatus"), None):
        every.setdefault(q.subject.value, []).append(q.object.value)
    assert every and all(len(values) == 1 for values in every.values())
    assert len(list(store.quads_for_pattern(None, ox.NamedNode(PROV + "wasAssociatedWith"), None))) == 4
    del store
    again = CurationStore(path)
    assert again.state(LINK).version == 1 and again.state(ID + "selection/3.4").active
    again.close()


# ---------------------------------------------------------------- snapshots for readers


def test_snapshots_generation_visibility_and_pruning(path: Path) -> None:
    assert current_snapshot(path) == path  # nothing published yet
    cur = CurationStore(path)
    first = current_generation(path)
    version = 0
    for i in range(KEEP + 1):
        version = cur.edit_link(LINK, "primary", f"Motivering {i}.", ANNA, version).version
        assert current_generation(path) == first + i + 1
        reader = ox.Store.read_only(str(current_snapshot(path)))
        rationale = next(reader.quads_for_pattern(ox.NamedNode(LINK), ox.NamedNode(SKK + "rationale"), None))
        assert rationale.object.value == f"Motivering {i}."
        del reader
    kept = sorted(int(p.name) for p in snapshots_dir(path).iterdir() if p.name.isdigit())
    assert kept == [first + 2 + i for i in range(KEEP)]  # the newest KEEP generations
    cur.close()


# ---------------------------------------------------------------- durability: kill -9 in a burst of changes

BURST = textwrap.dedent("""
    import sys
    from kg.curation import CurationStore, agent_iri
    cur = CurationStore(sys.argv[1])
    link, version = sys.argv[2], cur.state(sys.argv[2]).version
    for i in range(100000):
        version = cur.edit_link(link, ("primary", "secondary")[i % 2], f"burst {sys.argv[3]} {i}",
                                agent_iri("burst"), version).version
        print(i, version, flush=True)
""")


def test_changes_reported_as_committed_survive_kill_9(path: Path) -> None:
    rng = random.Random()
    for round_ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-c", BURST, str(path), LINK, str(round_)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=PROJECT_ROOT,
        )
        wanted = rng.randint(3, 25)
        reported = []
        for line in process.stdout:
            reported.append(tuple(int(x) for x in line.split()))
            if len(reported) >= wanted:
                break
        threading.Event().wait(rng.uniform(0, 0.2))  # die at a random moment, usually inside a change
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate(timeout=30)
        reported += [tuple(int(x) for x in line.split()) for line in rest.splitlines() if line.strip()]
        assert process.returncode == -signal.SIGKILL and len(reported) >= wanted

        reader = ox.Store.read_only(str(current_snapshot(path)))  # the published snapshot opens cleanly
        assert len(reader) > 0
        del reader
        cur = CurationStore(path)
        assert cur.state(LINK).version >= reported[-1][1]
        for i, version in reported:
            snap = ox.NamedNode(f"{LINK}#v{version}")
            value = next(cur.store.quads_for_pattern(snap, ox.NamedNode(PROV + "value"), None, ox.NamedNode(HISTORY)))
            assert f'"burst {round_} {i}"@sv' in value.object.value
        assert len(status(cur.store)) == 1
        cur.close()


def test_each_version_is_described_once_in_the_history(cur: CurationStore) -> None:
    """A version is written when it is made; replacing it later adds only its end, never a second prov:value."""
    version = 0
    for i in range(12):
        version = cur.edit_link(LINK, ("primary", "secondary")[i % 2], f"Motivering {i}.", ANNA, version).version
    values = list(cur.store.quads_for_pattern(None, ox.NamedNode(PROV + "value"), None, ox.NamedNode(HISTORY)))
    subjects = [q.subject for q in values]
    assert len(subjects) == len(set(subjects)) == 13  # the shipped proposal and 12 versions
