"""How long a core team change takes: the transaction, the snapshot for the readers, and the first read after it.

    .venv/bin/python benchmarks/curation.py --sizes real 100000 --changes 50

For each size: a store is built (real data, or the synthetic generator's), a CurationStore opens it, and
`--changes` edits of one link's rationale are made one after another. Reported (medians, ms): the whole change as
the member waits for it (`edit_link`: transaction + `Store.backup` snapshot), the snapshot alone, and a query
worker's first read after a change (reopening the new snapshot read-only + one ASK). Also the disk used by the
snapshots. Written to benchmarks/out/curation.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from pages import prepare  # noqa: E402

from kg import snapshots  # noqa: E402
from kg.curation import CurationStore, agent_iri  # noqa: E402

LINK = "https://w3id.org/samhallskontraktet/id/link/maltider-och-moten--3.4"


def du(path: Path) -> int:
    """Bytes on disk (hard-linked files counted once), as `du -sb` reports them."""
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0])


def bench(size: str, changes: int) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="kg-bench-curation-") as folder:
        store_path = prepare(size, Path(folder))
        cur = CurationStore(store_path)
        triples = len(cur.store)
        version = cur.state(LINK).version
        whole, publish, reopen = [], [], []
        for i in range(changes):
            started = time.perf_counter()
            version = cur.edit_link(
                LINK, ("primary", "secondary")[i % 2], f"Motivering {i}.", agent_iri("bench"), version
            ).version
            whole.append(time.perf_counter() - started)
            started = time.perf_counter()
            snapshots.publish(cur.store, store_path)
            publish.append(time.perf_counter() - started)
            started = time.perf_counter()
            reader = ox.Store.read_only(str(snapshots.current_snapshot(store_path)))
            reader.query(f"ASK {{ GRAPH ?g {{ <{LINK}> ?p ?o }} }}")
            reopen.append(time.perf_counter() - started)
            del reader
        cur.close()
        store_bytes, snap_bytes = du(store_path), du(snapshots.snapshots_dir(store_path))

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.1f}"

    return [
        f"| {size} | {triples:,} | {changes} | {ms(whole)} | {ms(publish)} | {ms(reopen)} | "
        f"{store_bytes / 1e6:.1f} MB | {snap_bytes / 1e6:.1f} MB |"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["real"])
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args()
    lines = [
        "| size | triples | changes | change (ms) | snapshot alone (ms) | reader's first read (ms) | store | "
        "snapshots |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size in args.sizes:
        lines += bench(size, args.changes)
        print(lines[-1], flush=True)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "curation.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
