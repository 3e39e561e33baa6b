"""Benchmark: build and every named query on Oxigraph (the project's store) and on rdflib's
in-memory store, on synthetic graphs of the real graph's shape. Prints medians and ratios.

    .venv/bin/python benchmarks/run.py --sizes 100000 1000000 [--repeat 5] [--rdflib-timeout 120]

A script, not a test: timings depend on the machine. rdflib queries run in a forked child that
is stopped after --rdflib-timeout seconds (rdflib has no query timeout of its own).
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

from kg.namespaces import sparql_prologue  # noqa: E402
from kg.queries import named_queries  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def bench_oxigraph(trig: Path, repeat: int) -> tuple[float, int, dict[str, float]]:
    folder = Path(tempfile.mkdtemp(prefix="bench-ox-"))
    try:
        start = time.perf_counter()
        store = ox.Store(str(folder / "store"))
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        store.flush()
        build = time.perf_counter() - start
        size = len(store)
        results = {}
        for name, query in named_queries().items():
            text = sparql_prologue() + query.text
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                result = store.query(text, use_default_graph_as_union=True)
                rows = list(result)
                times.append(time.perf_counter() - start)
            results[name] = median_ms(times)
            results[name + ":rows"] = len(rows)
        del store
        return build, size, results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _rdflib_query(dataset: rdflib.Dataset, text: str, repeat: int, conn) -> None:
    times = []
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            rows = list(dataset.query(text))
            times.append(time.perf_counter() - start)
    except Exception as err:  # noqa: BLE001 - any rdflib failure is a result to report, not a crash
        conn.send((None, f"error: {err}"))
        return
    conn.send((median_ms(times), len(rows)))


def bench_rdflib(trig: Path, repeat: int, timeout: float) -> tuple[float, dict[str, float | None]]:
    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(trig, format="trig")
    build = time.perf_counter() - start
    results: dict[str, float | None] = {}
    fork = multiprocessing.get_context("fork")
    for name, query in named_queries().items():
        parent, child = fork.Pipe()
        process = fork.Process(target=_rdflib_query, args=(dataset, sparql_prologue() + query.text, repeat, child))
        process.start()
        child.close()  # so that a child that dies makes poll() return instead of waiting out the timeout
        if parent.poll(timeout):
            try:
                results[name], results[name + ":rows"] = parent.recv()
            except EOFError:
                results[name], results[name + ":rows"] = None, "error: the rdflib process died"
        else:
            results[name] = None
        process.kill()
        process.join()
    return build, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    for size in args.sizes:
        trig = generate(size, OUT / f"synthetic-{size}.trig")
        build_ox, triples, ox_results = bench_oxigraph(trig, args.repeat)
        if args.no_rdflib:
            build_rdf, rdf_results = float("nan"), {}
        else:
            build_rdf, rdf_results = bench_rdflib(trig, max(1, args.repeat // 2), args.rdflib_timeout)
        print(f"\n## {triples:,} triples ({size:,} requested)\n")
        print("| step | Oxigraph | rdflib (memory) | rdflib / Oxigraph |\n|---|---:|---:|---:|")
        print(f"| build (load {trig.name}) | {build_ox:.2f} s | {build_rdf:.2f} s | {build_rdf / build_ox:.0f}× |")
        for name in named_queries():
            ox_ms = ox_results[name]
            rdf_ms = rdf_results.get(name)
            if args.no_rdflib:
                rdf_text, ratio = "–", "–"
            elif rdf_ms is None and isinstance(rdf_results.get(name + ":rows"), str):
                rdf_text, ratio = str(rdf_results[name + ":rows"]), "–"
            elif rdf_ms is None:
                rdf_text = f"> {args.rdflib_timeout:.0f} s (stopped)"
                ratio = f"> {args.rdflib_timeout * 1000 / ox_ms:.0f}×"
            else:
                rdf_text, ratio = f"{rdf_ms:.1f} ms", f"{rdf_ms / ox_ms:.0f}×"
            print(f"| {name} ({ox_results[name + ':rows']} rows) | {ox_ms:.1f} ms | {rdf_text} | {ratio} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
