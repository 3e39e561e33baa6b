"""Benchmark: readers in memory and the search's text index (issue 13, item 5), on the synthetic national graph.

    .venv/bin/python benchmarks/readers.py --size 1000000 [--repeat 5] [--store DIR]

For one size: generate the TriG file (national.py) and bulk-load it into a store on disk (or use `--store DIR`, a
store built before), then measure, each in this process, one after the other:

- copying the store into memory: `kg.store.memory_copy` from RocksDB (what the first reader of a snapshot does), the
  other ways tried (N-Quads dump + load; iterating into `Store.extend`), writing the image (`Store.dump`), and
  loading the image (`kg.store.load_image`, what later readers and workers do); seconds and the growth of RSS;
- every named query without parameters and with its parameter bound (BOUND), on disk (`Store.read_only`) and in
  memory: medians of `--repeat` runs after a first one, and disk / memory;
- the search: building the index (the three queries, the documents, the FTS5 trigram index) and the median of each
  query in SEARCHES with the index and comparing every document (the code before the index).

Results go to benchmarks/out/readers-<size>.json and a table to benchmarks/out/readers-<size>.md. A script, not a
test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from national import generate  # noqa: E402

from kg.namespaces import ID, SDG  # noqa: E402
from kg.queries import named_queries, run_named  # noqa: E402
from kg.search import SearchIndex  # noqa: E402
from kg.store import load_image, memory_copy  # noqa: E402

#: a value for each parameter of the named queries, in the national graph
BOUND = {
    "goal": SDG + "3",
    "target": SDG + "3.4",
    "focusArea": ID + "focus-area/syn-01",
    "perspective": ID + "perspective/syn-01",
    "initiative": ID + "initiative/syn-1",
}
SEARCHES = ["initiativ", "kommun", "omsorg", "skola", "psykisk hälsa", "äldre ensamhet", "3.4", "sk"]


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(run: Callable[[], object], repeat: int) -> dict:
    times = []
    for _ in range(1 + repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return {"first": times[0], "median": statistics.median(times[1:] or times)}


def copies(disk: ox.Store, folder: Path) -> tuple[dict, ox.Store]:
    found: dict = {}
    for name, make in (
        ("memory_copy (bulk_extend from RocksDB)", lambda: memory_copy(disk)),
        (
            "N-Quads dump + Store.load",
            lambda: _loaded(disk.dump(format=ox.RdfFormat.N_QUADS)),
        ),
    ):
        before, start = rss_mb(), time.perf_counter()
        copy = make()
        found[name] = {"seconds": time.perf_counter() - start, "rss_growth_mb": rss_mb() - before}
        del copy
    copy = memory_copy(disk)
    image = folder / "image.nq"
    start = time.perf_counter()
    copy.dump(str(image), format=ox.RdfFormat.N_QUADS)
    found["write the image (Store.dump from memory)"] = {
        "seconds": time.perf_counter() - start,
        "file_mb": image.stat().st_size / 1e6,
    }
    before, start = rss_mb(), time.perf_counter()
    again = load_image(image)
    found["load_image (Store.load of the N-Quads)"] = {
        "seconds": time.perf_counter() - start,
        "rss_growth_mb": rss_mb() - before,
    }
    del again
    image.unlink()
    return found, copy


def _loaded(data: bytes) -> ox.Store:
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    return store


def queries(disk: ox.Store, memory: ox.Store, repeat: int) -> dict:
    found: dict = {}
    for name, query in named_queries().items():
        runs = [(name, {})] + [
            (f"{name} {p.name}=…/{BOUND[p.name].rsplit('/', 1)[-1]}", {p.name: ox.NamedNode(BOUND[p.name])})
            for p in query.parameters
            if p.name in BOUND
        ]
        for label, bindings in runs:
            on_disk = timed(lambda n=name, b=bindings: run_named(disk, n, b), repeat)
            in_memory = timed(lambda n=name, b=bindings: run_named(memory, n, b), repeat)
            found[label] = {
                "rows": len(run_named(memory, name, bindings)),
                "disk": on_disk,
                "memory": in_memory,
            }
    return found


def searches(memory: ox.Store, repeat: int) -> dict:
    before, start = rss_mb(), time.perf_counter()
    index = SearchIndex.load(memory)
    built = {"seconds": time.perf_counter() - start, "rss_growth_mb": rss_mb() - before}
    full = SearchIndex.__new__(SearchIndex)
    full.documents, full._ordered, full.text_index = index.documents, index._ordered, None
    found: dict = {"build": built, "documents": len(index.documents), "queries": {}}
    for query in SEARCHES:
        found["queries"][query] = {
            "hits": index.search(query).total,
            "index": timed(lambda q=query: index.search(q), repeat),
            "every document": timed(lambda q=query: full.search(q), repeat),
        }
    return found


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def table(record: dict) -> str:
    lines = [
        f"# Readers in memory and the search index, {record['triples']:,} quads ({record['date']}, load average "
        f"{record['load'][0]:.2f}, {record['repeat']} timed runs after a first one)",
        "",
        "| copy into memory | s | RSS growth / file |",
        "|---|---:|---:|",
    ]
    for name, r in record["copies"].items():
        extra = f"{r['rss_growth_mb']:.0f} MB" if "rss_growth_mb" in r else f"{r['file_mb']:.0f} MB file"
        lines.append(f"| {name} | {r['seconds']:.2f} | {extra} |")
    lines += ["", "| named query | rows | disk | memory | disk / memory |", "|---|---:|---:|---:|---:|"]
    for name, r in record["queries"].items():
        d, m = r["disk"]["median"], r["memory"]["median"]
        lines.append(f"| `{name}` | {r['rows']:,} | {ms(d)} | {ms(m)} | {d / m:.1f}× |")
    s = record["search"]
    lines += [
        "",
        f"Search index: {s['documents']:,} documents, built in {s['build']['seconds']:.1f} s "
        f"(+{s['build']['rss_growth_mb']:.0f} MB RSS).",
        "",
        "| search | hits | with the index | every document | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for query, r in s["queries"].items():
        a, b = r["index"]["median"], r["every document"]["median"]
        lines.append(f"| `{query}` | {r['hits']:,} | {ms(a)} | {ms(b)} | {b / a:.1f}× |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", type=Path, help="a store built before (else one is generated and built)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as tmp:
        folder = Path(tmp)
        where = args.store
        if where is None:
            trig = generate(args.size, folder / "national.trig")
            where = folder / "store"
            built = ox.Store(str(where))
            built.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
            built.flush()
            del built
            trig.unlink()
        disk = ox.Store.read_only(str(where))
        record: dict = {
            "size": args.size,
            "triples": len(disk),
            "date": datetime.now(UTC).isoformat(timespec="minutes"),
            "load": os.getloadavg(),
            "repeat": args.repeat,
            "pyoxigraph": ox.__version__,
        }
        record["copies"], memory = copies(disk, folder)
        record["queries"] = queries(disk, memory, args.repeat)
        record["search"] = searches(memory, args.repeat)
    (OUT / f"readers-{args.size}.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    text = table(record)
    (OUT / f"readers-{args.size}.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
