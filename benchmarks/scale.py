"""Benchmark: how each cost grows with the size of the graph, on the synthetic national graph (national.py).

    .venv/bin/python benchmarks/scale.py --sizes 100000 1000000 5000000 [--backend oxigraph] [--repeat 5]
        [--timeout 60] [--seconds 10] [--clients 4]
    .venv/bin/python benchmarks/scale.py --table          # only write the table again from the stored results

For each size: generate the TriG file (national.py), build the store from it in a child process (its time and
the peak memory of that process, ru_maxrss), run every named query as `kg query NAME` runs it (no parameters
bound: kg.queries.run_query) in a worker process, request the main pages through Flask's test client in a worker
process (as pages.py does, but on pages of the national graph), and then start `kg serve` on a free loopback port,
wait until it is idle (it fills its caches in the background at start) and measure the SPARQL endpoint with
`--clients` concurrent clients for `--seconds` (http_endpoint.py's throughput run) over the named queries that
answered within the time limit. A run (one query, one request) that takes longer than `--timeout` seconds stops
its worker and is reported as "> T s"; the worker starts again for the next one.

Results are kept per backend and size in benchmarks/out/scale-<backend>-<size>.json, so that a size can be run in
another session; the table of every stored size, with medians and the ratio from each size to the next, goes to
benchmarks/out/scale.md. `--backend` chooses the store: only `oxigraph` (the embedded store) exists now; a remote
backend adds a class with the same four methods to BACKENDS.

A script, not a test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import psutil
import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from http_endpoint import Server, measure_throughput  # noqa: E402
from national import generate  # noqa: E402
from pages import timed_get  # noqa: E402

from kg.namespaces import sparql_prologue  # noqa: E402
from kg.queries import named_queries, run_query  # noqa: E402

PAGES = [
    "/",
    "/goals",
    "/sdg/3",
    "/sdg/3.4",
    "/sdg/C030401",
    "/initiatives",
    "/partners",
    "/id/initiative/syn-1",
    "/id/organisation/kommun-001",
    "/id/organisation/kommun-001-samverkan",
    "/id/focus-area/syn-01",
    "/id/perspective/syn-01",
    "/overviews/initiatives-goals",
    "/overviews/partners-goals",
    "/overviews/gaps",
    "/overviews/budget",
    "/search?q=initiativ",
    "/search?q=kommun",
    "/network",
    "/network/data.json",
    "/analysis/",
    "/report",
    "/?lang=en",
    "/sdg/3?lang=en",
    "/network?lang=en",
]
IDLE_CPU_S = 0.05  # the server counts as idle when it used less CPU than this in IDLE_WINDOW_S
IDLE_WINDOW_S = 2.0
IDLE_LIMIT_S = 300.0  # waited at most; the table then says "> 300 s"


# ---------------------------------------------------------------- backends


class Oxigraph:
    """The embedded store: a pyoxigraph.Store on disk, bulk-loaded; `kg serve --store DIR`."""

    name = "oxigraph"

    def build(self, trig: Path, folder: Path) -> dict:
        """Build in a child process: seconds, triples, the child's peak RSS and the store's size on disk."""
        store = folder / "store"
        code = ("import json, resource, sys, time\nimport pyoxigraph as ox\nstart = time.perf_counter()\n"
                "s = ox.Store(sys.argv[2]); s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.TRIG); s.flush()\n"
                "elapsed = time.perf_counter() - start\n"
                "print(json.dumps({'seconds': elapsed, 'triples': len(s),"
                " 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n")
        done = subprocess.run([sys.executable, "-c", code, str(trig), str(store)], check=True, capture_output=True,
                              text=True)
        result = json.loads(done.stdout)
        result["disk_mb"] = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6
        result["store"] = str(store)
        return result

    def open(self, built: dict) -> ox.Store:
        return ox.Store.read_only(built["store"])

    def app_config(self, built: dict, folder: Path) -> dict:
        return {"KG_STORE": built["store"], "SECRET_KEY": secrets.token_urlsafe(32),
                "ACCOUNTS_FILE": str(folder / "accounts.json"), "PROPAGATE_EXCEPTIONS": True}

    def server(self, built: dict, folder: Path, timeout: float) -> Server:
        command = [sys.executable, "-m", "kg.cli", "--store", built["store"], "serve", "--host", "127.0.0.1",
                   "--port", "{port}"]
        env = {"KG_SPARQL_TIMEOUT": str(timeout), "KG_SPARQL_MAX_ROWS": "1000000",
               "KG_SECRET_KEY": secrets.token_urlsafe(32), "KG_ACCOUNTS": str(folder / "accounts.json")}
        return Server("kg serve", command, folder / "kg.log", env)


BACKENDS = {"oxigraph": Oxigraph}


# ---------------------------------------------------------------- runs with a time limit, in worker processes


def _worker(setup: Callable[[], object], run: Callable[[object, str], tuple[float, object]], items: list[str],
            runs: int, conn) -> None:
    context = setup()
    conn.send(("ready", None, None))
    for item in items:
        for _ in range(runs):
            try:
                seconds, info = run(context, item)
            except Exception as err:  # noqa: BLE001 - a failure is a result to report
                conn.send((item, None, f"error: {err}"[:120]))
                break
            conn.send((item, seconds, info))
    conn.send(("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, None))


def timed_runs(setup: Callable[[], object], run: Callable[[object, str], tuple[float, object]], items: list[str],
               runs: int, timeout: float, setup_timeout: float = 600.0) -> tuple[dict[str, dict], float]:
    """`runs` runs of each item in a forked worker; a run over `timeout` s stops the worker (reported as
    {"timeout": T}) and a new one goes on with the next item. Returns the results and the workers' peak RSS."""
    fork = multiprocessing.get_context("fork")
    results: dict[str, dict] = {}
    todo, peak = list(items), 0.0
    while todo:
        parent, child = fork.Pipe()
        process = fork.Process(target=_worker, args=(setup, run, todo, runs, child))
        process.start()
        child.close()
        if not parent.poll(setup_timeout):
            raise RuntimeError("the worker did not start")
        parent.recv()
        while todo:
            item = todo[0]
            times: list[float] = []
            while len(times) < runs:
                if not parent.poll(timeout):
                    results[item] = {"timeout": timeout, "times": times}
                    break
                try:
                    got, seconds, info = parent.recv()
                except EOFError:
                    seconds, info = None, "error: the worker died"
                if seconds is None:
                    results[item] = {"error": info}
                    break
                times.append(seconds)
                results[item] = {"times": times, "info": info}
            todo.pop(0)
            if results[item].get("timeout") or results[item].get("error") == "error: the worker died":
                process.kill()
                break
        else:
            if parent.poll(timeout):
                _, rss, _ = parent.recv()
                peak = max(peak, rss)
        process.join()
    return results, peak


def _query_setup(backend: Oxigraph, built: dict) -> Callable[[], object]:
    return lambda: backend.open(built)


def _run_query(store: ox.Store, name: str) -> tuple[float, int]:
    start = time.perf_counter()
    rows = len(list(run_query(store, name)))  # as `kg query NAME` runs it: no parameters bound
    return time.perf_counter() - start, rows


def _page_setup(config: dict) -> Callable[[], object]:
    def setup():
        from webapp import create_app

        return create_app(config).test_client(use_cookies=False)

    return setup


def _run_page(client, url: str) -> tuple[float, int]:
    elapsed_ms, status, _ = timed_get(client, url)
    return elapsed_ms / 1000, status


def wait_until_idle(pid: int) -> float:
    """Seconds until the server process (and its children) used less than IDLE_CPU_S of CPU in IDLE_WINDOW_S."""
    start, process = time.monotonic(), psutil.Process(pid)

    def cpu() -> float:
        total = 0.0
        for p in [process, *process.children(recursive=True)]:
            try:
                times = p.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    before = cpu()
    while time.monotonic() - start < IDLE_LIMIT_S:
        time.sleep(IDLE_WINDOW_S)
        now = cpu()
        if now - before < IDLE_CPU_S:
            return time.monotonic() - start
        before = now
    return float("inf")


# ---------------------------------------------------------------- one size


def summary(result: dict) -> dict:
    """{"cold": first run s, "median": of the others, "info": …} or {"timeout": T} / {"error": …}."""
    if "error" in result or result.get("timeout"):
        return {k: v for k, v in result.items() if k != "times"}
    times = result["times"]
    rest = times[1:] or times
    return {"cold": times[0], "median": statistics.median(rest), "info": result.get("info")}


def save(record: dict) -> None:
    """Kept after every phase, so that a run cut short still shows what it measured ("not run" for the rest)."""
    path = OUT / f"scale-{record['backend']}-{record['size']}.json"
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")


def bench_size(backend: Oxigraph, size: int, args: argparse.Namespace) -> dict:
    record: dict = {"backend": backend.name, "size": size, "date": datetime.now(UTC).isoformat(timespec="minutes"),
                    "load_before": os.getloadavg(), "cores": os.cpu_count(), "python": platform.python_version(),
                    "pyoxigraph": ox.__version__, "repeat": args.repeat, "timeout": args.timeout}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        trig = generate(size, folder / f"national-{size}.trig")
        record["generate_s"] = time.perf_counter() - start
        record["trig_mb"] = trig.stat().st_size / 1e6
        built = backend.build(trig, folder)
        trig.unlink()
        record["build"] = {k: v for k, v in built.items() if k != "store"}
        record["load_after"] = os.getloadavg()
        save(record)
        print(f"[{size}] built: {record['build']}", flush=True)

        queries, rss = timed_runs(_query_setup(backend, built), _run_query, list(named_queries()), 1 + args.repeat,
                                  args.timeout)
        record["queries"] = {name: summary(r) for name, r in queries.items()}
        record["queries_rss_mb"] = rss
        record["load_after"] = os.getloadavg()
        save(record)
        print(f"[{size}] queries done", flush=True)

        pages, rss = timed_runs(_page_setup(backend.app_config(built, folder)), _run_page, PAGES, 1 + args.repeat,
                                args.timeout)
        record["pages"] = {url: summary(r) for url, r in pages.items()}
        record["pages_rss_mb"] = rss
        record["load_after"] = os.getloadavg()
        save(record)
        print(f"[{size}] pages done", flush=True)

        prologue = sparql_prologue()
        answered = [name for name, r in record["queries"].items() if "median" in r]
        mix = [prologue + named_queries()[name].text for name in answered]
        server = backend.server(built, folder, args.timeout)
        start = time.perf_counter()
        server.start()
        try:
            record["serve_start_s"] = time.perf_counter() - start
            record["serve_idle_s"] = wait_until_idle(server.process.pid)
            t = measure_throughput(server.url, mix, args.clients, args.seconds, args.timeout)
            rss = sum(p.memory_info().rss for p in [psutil.Process(server.process.pid),
                                                    *psutil.Process(server.process.pid).children(recursive=True)])
        finally:
            server.stop()
        record["endpoint"] = {"clients": args.clients, "seconds": args.seconds, "queries": len(mix),
                              "requests_per_s": t.requests_per_s, "median_ms": t.median_ms, "answered": t.answered,
                              "errors": t.errors, "wall_s": t.wall_s, "rss_mb_after": rss / 1e6}
        record["load_after"] = os.getloadavg()
    return record


# ---------------------------------------------------------------- the table


def _fmt_s(value: float) -> str:
    if value >= 10:
        return f"{value:.0f} s"
    if value >= 1:
        return f"{value:.1f} s"
    ms = value * 1000
    return f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def _cell(result: dict, key: str = "median", status: bool = False) -> tuple[str, float | None]:
    """A time, with the rows of a query (when `key` is the median) or the HTTP status of a page other than 200."""
    if result.get("timeout"):
        return f"> {result['timeout']:g} s", None
    if "error" in result:
        return result["error"].replace("|", "\\|")[:60], None
    value, info = result[key], result.get("info")
    if status:
        suffix = f" (HTTP {info})" if info != 200 else ""
    else:
        suffix = f" ({info:,} rows)" if key == "median" and isinstance(info, int) else ""
    return _fmt_s(value) + suffix, value


NOT_RUN = {"error": "not run"}


def _mb(value: float | None) -> tuple[str, float | None]:
    return ("not run", None) if value is None else (f"{value:.0f} MB", value)


def _secs(value: float | None) -> tuple[str, float | None]:
    if value is None:
        return "not run", None
    if value == float("inf"):
        return f"> {IDLE_LIMIT_S:g} s", None
    return _fmt_s(value), value


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or a == 0:
        return "–"
    return f"{b / a:.1f}×"


def render(records: list[dict]) -> str:
    sizes = [r["size"] for r in records]
    pairs = [f"{b:,} / {a:,}" for a, b in zip(sizes, sizes[1:], strict=False)]
    head = "| cost | " + " | ".join([*(f"{s:,}" for s in sizes), *pairs]) + " |"
    rule = "|---|" + "---:|" * (len(sizes) + len(pairs))
    lines = [f"# How each cost grows with the graph ({records[0]['backend']})", ""]
    for r in records:
        lines.append(f"- {r['size']:,} requested: {r['build']['triples']:,} triples; measured {r['date']} on "
                     f"{r['cores']} cores, load average {r['load_before'][0]:.2f} before and "
                     f"{r['load_after'][0]:.2f} after; Python {r['python']}, pyoxigraph {r['pyoxigraph']}; "
                     f"{r['repeat']} timed runs after a cold one; time limit {r['timeout']:g} s.")
    lines += ["", head, rule]

    def row(label: str, cells: list[tuple[str, float | None]]) -> None:
        ratios = [_ratio(a[1], b[1]) for a, b in zip(cells, cells[1:], strict=False)]
        lines.append(f"| {label} | " + " | ".join([*(c[0] for c in cells), *ratios]) + " |")

    row("triples", [(f"{r['build']['triples']:,}", r["build"]["triples"]) for r in records])
    row("TriG file", [(f"{r['trig_mb']:.0f} MB", r["trig_mb"]) for r in records])
    row("build (bulk load)", [(_fmt_s(r["build"]["seconds"]), r["build"]["seconds"]) for r in records])
    row("build: peak memory", [(f"{r['build']['peak_rss_mb']:.0f} MB", r["build"]["peak_rss_mb"]) for r in records])
    row("store on disk", [(f"{r['build']['disk_mb']:.0f} MB", r["build"]["disk_mb"]) for r in records])
    for name in named_queries():
        row(f"query `{name}`", [_cell(r.get("queries", {}).get(name, NOT_RUN)) for r in records])
    row("query worker: peak memory", [_mb(r.get("queries_rss_mb")) for r in records])
    for url in PAGES:
        results = [r.get("pages", {}).get(url, NOT_RUN) for r in records]
        row(f"page `{url}`", [_cell(x, status=True) for x in results])
        row(f"page `{url}`, cold", [_cell(x, "cold", status=True) for x in results])
    row("page worker: peak memory", [_mb(r.get("pages_rss_mb")) for r in records])
    row("`kg serve`: start to answering", [_secs(r.get("serve_start_s")) for r in records])
    row("`kg serve`: start to idle (caches warm)", [_secs(r.get("serve_idle_s")) for r in records])
    e = [r.get("endpoint", {}) for r in records]
    clients = next((x["clients"] for x in e if x), "")
    row(f"endpoint, {clients} clients: requests/s", [(f"{x['requests_per_s']:.2f}", x["requests_per_s"])
                                                     if x else ("not run", None) for x in e])
    row("endpoint: median latency", [_secs(x["median_ms"] / 1000 if x else None) for x in e])
    row("endpoint: errors / answers", [(f"{x['errors']} / {x['answered']}" if x else "not run", None) for x in e])
    row("`kg serve` memory after the load (all processes)", [_mb(x.get("rss_mb_after")) for x in e])
    lines += ["", "Times are medians of the timed runs (\"cold\" = the first run in a fresh worker). A ratio is the "
              "later size's cost over the earlier one's; the size ratio itself is in the `triples` row."]
    return "\n".join(lines) + "\n"


def stored(backend: str) -> list[dict]:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in OUT.glob(f"scale-{backend}-*.json")]
    return sorted(records, key=lambda r: r["size"])


def write_table(backend: str) -> str:
    table = render(stored(backend))
    (OUT / "scale.md").write_text(table, encoding="utf-8")
    return table


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="oxigraph")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query and page after a cold one")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one run may take")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of the endpoint's throughput run")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients in the throughput run")
    parser.add_argument("--table", action="store_true", help="only write the table from the stored results")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    backend = BACKENDS[args.backend]()
    if not args.table:
        for size in args.sizes:
            start = time.perf_counter()
            record = bench_size(backend, size, args)
            record["total_s"] = time.perf_counter() - start
            save(record)
            print(f"[{size}] done in {record['total_s']:.0f} s", flush=True)
    print(write_table(backend.name))


if __name__ == "__main__":
    main()
