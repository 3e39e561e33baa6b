"""Benchmark: the interactive graph's page (/network) and data (/network/data.json), server time.

    .venv/bin/python benchmarks/network_page.py [--store DIR] [--sizes 100000 ...] [--repeat 10]

Without --sizes it measures the real dataset (built into a temporary store unless --store names one);
each size adds a synthetic graph of the real graph's shape (benchmarks/synthetic.py). For each: the
first request (which computes the graph's data once: kg.network caches it per data change) and the
median of the following requests, which only select from that cache. A script, not a test: timings
depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kg.build import build  # noqa: E402
from kg.statecache import clear as clear_cache  # noqa: E402
from webapp import create_app  # noqa: E402

URLS = [
    "/network",
    "/network/data.json",
    "/network?goal=3",
    "/network/data.json?goal=3",
    "/network/data.json?status=idea",
    "/network/data.json?partner=eskilstuna-kommun",
    "/network?node=/sdg/3.4&depth=2",
    "/network/data.json?node=/id/initiative/maltider-och-moten&depth=3",
    "/network/data.json?all=1",
]


def measure(store_path: Path, repeat: int) -> list[tuple[str, float, float, int, int]]:
    clear_cache()
    app = create_app({"KG_STORE": str(store_path), "TESTING": True, "SECRET_KEY": "benchmark"})
    client = app.test_client()
    rows = []
    try:
        for url in URLS:
            start = time.perf_counter()
            response = client.get(url)
            first = time.perf_counter() - start
            assert response.status_code == 200, (url, response.status_code)
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            data_url = url if "data.json" in url else url.replace("/network", "/network/data.json", 1)
            nodes = json.loads(client.get(data_url).get_data())["counts"]["nodes"]
            rows.append((url, first * 1000, statistics.median(times) * 1000, len(response.get_data()), nodes))
    finally:
        app.extensions["kg"].close()
    return rows


def report(title: str, size: int, rows: list[tuple[str, float, float, int, int]]) -> None:
    print(f"\n### {title} ({size:,} quads)\n")
    print("| request | first (ms) | then, median (ms) | bytes | nodes |")
    print("|---|---:|---:|---:|---:|")
    for url, first, median, size_bytes, nodes in rows:
        print(f"| `{url}` | {first:.1f} | {median:.1f} | {size_bytes:,} | {nodes:,} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="an already built store of the real data")
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="synthetic graph sizes (triples)")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-network-"))
    try:
        store_path = args.store
        if store_path is None:
            store_path = work / "real"
            build(store_path)
        size = len(ox.Store.read_only(str(store_path)))
        report("real data", size, measure(store_path, args.repeat))
        if args.sizes:
            from synthetic import generate

            for triples in args.sizes:
                trig = generate(triples, work / f"synthetic-{triples}.trig")
                path = work / f"synthetic-{triples}"
                store = ox.Store(str(path))
                store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
                store.flush()
                size = len(store)
                del store
                report(f"synthetic {triples:,}", size, measure(path, max(1, args.repeat // 3)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
