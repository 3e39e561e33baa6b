"""Benchmark: how each cost grows with the size of the graph, on the synthetic national graph (national.py).

    .venv/bin/python benchmarks/scale.py --sizes 100000 1000000 5000000 [--backend oxigraph] [--repeat 5]
        [--timeout 60] [--seconds 10] [--clients 4]
    .venv/bin/python benchmarks/scale.py --table          # only write the table again from the stored results

For each size: generate the TriG file (national.py), build the store from it in a child process (its time and the
peak memory of that process, ru_maxrss), run every named query as `kg query NAME` runs it (no parameters bound:
kg.queries.run_query), and again with its parameter bound (BOUND), in a worker process that reads the store as the
query workers do (kg.snapshots.SnapshotReader with the app's default READ_IN_MEMORY bound), request the main pages
through Flask's test client in a worker process (as pages.py does, but on pages of the national graph), and then
start `kg serve` on a free loopback port, wait until it is idle (it fills its caches in the background at start) and
measure the SPARQL endpoint with `--clients` concurrent clients for `--seconds` (http_endpoint.py's throughput run)
over the named queries that answered within the time limit (unbound). A run (one query, one request) that takes
longer than `--timeout` seconds stops its worker and is reported as "> T s"; the worker starts again for the next one.

Results are kept per backend and size in benchmarks/out/scale-<backend>-<size>.json, so that a size can be run in
another session; the table of every stored size, with medians and the ratio from each size to the next, goes to
benchmarks/out/scale.md (oxigraph) or scale-<backend>.md. `--backend` chooses the store: `oxigraph` (the embedded
store) or `virtuoso` (a fresh private Virtuoso per size, virtuoso_server.py, loaded with its bulk loader and reached
through kg.backends.RemoteStore; see the class Virtuoso); with `virtuoso` the table beside Oxigraph's, with the ratio
at each size, goes to benchmarks/out/scale-compare.md.

A script, not a test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
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

    def __init__(self, timeout: float = 60.0):
        self.timeout = timeout

    def build(self, trig: Path, folder: Path) -> dict:
        """Build in a child process: seconds, triples, the child's peak RSS and the store's size on disk."""
        store = folder / "store"
        code = (
            "import json, resource, sys, time\nimport pyoxigraph as ox\nstart = time.perf_counter()\n"
            "s = ox.Store(sys.argv[2]); s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.TRIG); s.flush()\n"
            "elapsed = time.perf_counter() - start\n"
            "print(json.dumps({'seconds': elapsed, 'triples': len(s),"
            " 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(trig), str(store)], check=True, capture_output=True, text=True
        )
        result = json.loads(done.stdout)
        result["disk_mb"] = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6
        result["store"] = str(store)
        return result

    def open(self, built: dict) -> ox.Store:
        """As the query workers read it: kg.snapshots.SnapshotReader with the app's default READ_IN_MEMORY bound
        (an in-memory copy up to READ_IN_MEMORY_MAX_TRIPLES quads, else on disk)."""
        from kg.snapshots import SnapshotReader
        from webapp import DEFAULTS
        from webapp.services import in_memory_limit

        return SnapshotReader(built["store"], in_memory=in_memory_limit(DEFAULTS)).store

    def app_config(self, built: dict, folder: Path) -> dict:
        return {
            "KG_STORE": built["store"],
            "SECRET_KEY": secrets.token_urlsafe(32),
            "ACCOUNTS_FILE": str(folder / "accounts.json"),
            "PROPAGATE_EXCEPTIONS": True,
        }

    def server(self, built: dict, folder: Path, timeout: float) -> Server:
        command = [
            sys.executable,
            "-m",
            "kg.cli",
            "--store",
            built["store"],
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
        ]
        env = {
            "KG_SPARQL_TIMEOUT": str(timeout),
            "KG_SPARQL_MAX_ROWS": "1000000",
            "KG_SECRET_KEY": secrets.token_urlsafe(32),
            "KG_ACCOUNTS": str(folder / "accounts.json"),
        }
        return Server("kg serve", command, folder / "kg.log", env)

    def server_pids(self, built: dict) -> list[int]:
        """Processes besides `kg serve` that do the store's work (none: the store is embedded)."""
        return []

    def after_timeout(self, built: dict) -> None:
        """Nothing to stop: the killed worker took its query with it."""

    def close(self, built: dict) -> None:
        """Nothing to stop."""


class Virtuoso(Oxigraph):
    """A fresh private Virtuoso server per size (virtuoso_server.py: tests/virtuoso.py's server with a 1.3 GB buffer
    pool and a query time limit of --timeout s), reached as the product reaches it: kg.backends.RemoteStore with
    tests/backends.py's configuration; `kg --store FILE.toml serve` with the password in KG_STORE_PASSWORD.

    The build is Virtuoso's bulk loader (ld_dir + rdf_loader_run + checkpoint), as a Virtuoso user loads millions
    of triples; up to GSP_MAX triples the product's own path (the TriG file parsed by pyoxigraph, then
    RemoteStore.replace_graphs: one Graph Store protocol PUT per graph, as `kg build --store FILE.toml` does) is
    timed too, into a second fresh server that is stopped again. Peak memory = the virtuoso-t process's VmHWM."""

    name = "virtuoso"
    GSP_MAX = 1_000_000

    def build(self, trig: Path, folder: Path) -> dict:
        import virtuoso_server as vs

        from kg.backends.remote import RemoteStore
        from tests.backends import remote_config

        result: dict = {}
        if trig.stat().st_size < self.GSP_MAX * 140:  # the TriG file has ~130 bytes a triple
            result.update(self._gsp_build(trig, folder / "virtuoso-gsp"))
        where = folder / "virtuoso"
        server = vs.start(where, self.timeout, {"DirsAllowed": f"., {where}, {trig.parent}"})
        try:
            version = re.search(r"Version (\S+)", vs.isql(server, "SELECT 1;\n"))
            result["virtuoso"] = version.group(1) if version else "?"
            result["rss_at_start_mb"] = vs.rss_mb(server)
            start = time.perf_counter()
            vs.bulk_load(server, trig)
            result["seconds"] = time.perf_counter() - start
        except BaseException:
            vs.stop_virtuoso(server)
            raise
        result["peak_rss_mb"] = vs.peak_rss_mb(server)
        result["disk_mb"] = vs.database_mb(server)
        config = replace(remote_config(server), timeout=self.timeout + 30)
        result["triples"] = len(RemoteStore(config))  # not kg.store's shared one: the workers fork from here
        result["_server"], result["_config"] = server, config
        return result

    def _gsp_build(self, trig: Path, where: Path) -> dict:
        import virtuoso_server as vs

        from kg.backends.remote import RemoteStore
        from tests.backends import remote_config

        server = vs.start(where, self.timeout)
        try:
            store = RemoteStore(replace(remote_config(server), timeout=3600))
            start = time.perf_counter()
            quads = ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
            store.replace_graphs(quads, [])
            vs.isql(server, "checkpoint;\n")
            return {
                "gsp_seconds": time.perf_counter() - start,
                "gsp_peak_rss_mb": vs.peak_rss_mb(server),
                "gsp_triples": len(store),
            }
        except Exception as err:  # noqa: BLE001 - a failed load is a result to report
            return {"gsp_error": f"{type(err).__name__}: {err}"[:200]}
        finally:
            vs.stop_virtuoso(server)
            shutil.rmtree(where, ignore_errors=True)

    def open(self, built: dict):
        from kg.backends.remote import RemoteStore

        return RemoteStore(built["_config"])

    def app_config(self, built: dict, folder: Path) -> dict:
        return {**super().app_config({**built, "store": None}, folder), "KG_STORE": built["_config"]}

    def server(self, built: dict, folder: Path, timeout: float) -> Server:
        from tests.backends import config_file

        path, env = config_file(built["_config"], folder)
        with path.open("a", encoding="utf-8") as file:
            file.write(f"timeout = {timeout + 30:g}\n")
        command = [
            sys.executable,
            "-m",
            "kg.cli",
            "--store",
            str(path),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
        ]
        env = {
            **env,
            "KG_SPARQL_TIMEOUT": str(timeout),
            "KG_SPARQL_MAX_ROWS": "1000000",
            "KG_SECRET_KEY": secrets.token_urlsafe(32),
            "KG_ACCOUNTS": str(folder / "accounts.json"),
        }
        return Server("kg serve", command, folder / "kg.log", env)

    def server_pids(self, built: dict) -> list[int]:
        return [built["_server"].process.pid]

    def peak_rss_mb(self, built: dict) -> float:
        import virtuoso_server as vs

        return vs.peak_rss_mb(built["_server"])

    def after_timeout(self, built: dict) -> None:
        """The server goes on with a query whose client is gone: stop every transaction (txn_killall) and wait until
        it is idle, so that the next measurement does not share the machine with it."""
        import virtuoso_server as vs

        try:
            vs.isql(built["_server"], "txn_killall(1);\n", timeout_s=60)
        except (RuntimeError, subprocess.TimeoutExpired) as err:
            print(f"txn_killall: {err}"[:300], flush=True)
        wait_until_idle([built["_server"].process.pid])

    def close(self, built: dict) -> None:
        import virtuoso_server as vs

        vs.stop_virtuoso(built["_server"])


BACKENDS = {"oxigraph": Oxigraph, "virtuoso": Virtuoso}


# ---------------------------------------------------------------- runs with a time limit, in worker processes


def _worker(
    setup: Callable[[], object], run: Callable[[object, str], tuple[float, object]], items: list[str], runs: int, conn
) -> None:
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


def timed_runs(
    setup: Callable[[], object],
    run: Callable[[object, str], tuple[float, object]],
    items: list[str],
    runs: int,
    timeout: float,
    setup_timeout: float = 600.0,
    after_timeout: Callable[[], None] | None = None,
) -> tuple[dict[str, dict], float]:
    """`runs` runs of each item in a forked worker; a run over `timeout` s stops the worker (reported as
    {"timeout": T}), `after_timeout` is called (a server may go on with the query) and a new worker goes on with
    the next item. Returns the results and the workers' peak RSS."""
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
                if after_timeout is not None and results[item].get("timeout"):
                    after_timeout()
                break
        else:
            if parent.poll(timeout):
                _, rss, _ = parent.recv()
                peak = max(peak, rss)
        process.join()
    return results, peak


def _query_setup(backend: Oxigraph, built: dict) -> Callable[[], object]:
    return lambda: backend.open(built)


#: the value each named query's parameter is bound to in the runs with a parameter (`NAME param=value`)
BOUND = {
    "goal": "http://metadata.un.org/sdg/3",
    "target": "http://metadata.un.org/sdg/3.4",
    "focusArea": "https://w3id.org/samhallskontraktet/id/focus-area/syn-01",
    "perspective": "https://w3id.org/samhallskontraktet/id/perspective/syn-01",
    "initiative": "https://w3id.org/samhallskontraktet/id/initiative/syn-1",
}


def query_items() -> list[str]:
    """Every named query without parameters (as `kg query NAME` runs it), then each with its parameter bound."""
    items = list(named_queries())
    for name, query in named_queries().items():
        items += [f"{name} {p.name}={BOUND[p.name]}" for p in query.parameters if p.name in BOUND]
    return items


def _run_query(store: ox.Store, item: str) -> tuple[float, int]:
    name, *bound = item.split(" ")
    bindings = {k: ox.NamedNode(v) for k, v in (b.split("=", 1) for b in bound)}
    start = time.perf_counter()
    rows = len(list(run_query(store, name, bindings)))
    return time.perf_counter() - start, rows


def _page_setup(config: dict) -> Callable[[], object]:
    def setup():
        from webapp import create_app

        app = create_app(config)
        _ = app.extensions["kg"].store  # opened (copied into memory) at start, as `kg serve` does
        return app.test_client(use_cookies=False)

    return setup


def _run_page(client, url: str) -> tuple[float, int]:
    elapsed_ms, status, _ = timed_get(client, url)
    return elapsed_ms / 1000, status


def wait_until_idle(pids: list[int]) -> float:
    """Seconds until the server processes (and their children) used less than IDLE_CPU_S of CPU in IDLE_WINDOW_S."""
    start, processes = time.monotonic(), [psutil.Process(pid) for pid in pids]

    def cpu() -> float:
        total = 0.0
        for p in [x for process in processes for x in [process, *process.children(recursive=True)]]:
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
    """Generate, build, measure; the backend's server (if any) is stopped at the end."""
    record: dict = {
        "backend": backend.name,
        "size": size,
        "date": datetime.now(UTC).isoformat(timespec="minutes"),
        "load_before": os.getloadavg(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pyoxigraph": ox.__version__,
        "repeat": args.repeat,
        "timeout": args.timeout,
    }
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        trig = generate(size, folder / f"national-{size}.trig")
        record["generate_s"] = time.perf_counter() - start
        record["trig_mb"] = trig.stat().st_size / 1e6
        built = backend.build(trig, folder)
        trig.unlink()
        try:
            _measure(backend, built, folder, record, args)
        finally:
            backend.close(built)
    return record


def _measure(backend: Oxigraph, built: dict, folder: Path, record: dict, args: argparse.Namespace) -> None:
    size, after_timeout = record["size"], (lambda: backend.after_timeout(built))
    record["build"] = {k: v for k, v in built.items() if k != "store" and not k.startswith("_")}
    record["load_after"] = os.getloadavg()
    save(record)
    print(f"[{size}] built: {record['build']}", flush=True)

    queries, rss = timed_runs(
        _query_setup(backend, built),
        _run_query,
        query_items(),
        1 + args.repeat,
        args.timeout,
        after_timeout=after_timeout,
    )
    record["queries"] = {name: summary(r) for name, r in queries.items()}
    record["queries_rss_mb"] = rss
    record["load_after"] = os.getloadavg()
    save(record)
    print(f"[{size}] queries done", flush=True)

    pages, rss = timed_runs(
        _page_setup(backend.app_config(built, folder)),
        _run_page,
        PAGES,
        1 + args.repeat,
        args.timeout,
        after_timeout=after_timeout,
    )
    record["pages"] = {url: summary(r) for url, r in pages.items()}
    record["pages_rss_mb"] = rss
    record["load_after"] = os.getloadavg()
    save(record)
    print(f"[{size}] pages done", flush=True)

    prologue = sparql_prologue()
    answered = [name for name, r in record["queries"].items() if "median" in r]
    mix = [prologue + named_queries()[name].text for name in answered if name in named_queries()]  # unbound
    server = backend.server(built, folder, args.timeout)
    start = time.perf_counter()
    server.start()
    try:
        record["serve_start_s"] = time.perf_counter() - start
        record["serve_idle_s"] = wait_until_idle([server.process.pid, *backend.server_pids(built)])
        t = measure_throughput(server.url, mix, args.clients, args.seconds, args.timeout)
        rss = sum(
            p.memory_info().rss
            for p in [psutil.Process(server.process.pid), *psutil.Process(server.process.pid).children(recursive=True)]
        )
        store_rss = sum(psutil.Process(pid).memory_info().rss for pid in backend.server_pids(built))
    finally:
        server.stop()
    record["endpoint"] = {
        "clients": args.clients,
        "seconds": args.seconds,
        "queries": len(mix),
        "requests_per_s": t.requests_per_s,
        "median_ms": t.median_ms,
        "answered": t.answered,
        "errors": t.errors,
        "wall_s": t.wall_s,
        "rss_mb_after": rss / 1e6,
    }
    if backend.server_pids(built):
        record["endpoint"]["store_rss_mb_after"] = store_rss / 1e6
        record["store_peak_rss_mb"] = backend.peak_rss_mb(built)
    record["load_after"] = os.getloadavg()


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
        return _short_error(result["error"]), None
    value, info = result[key], result.get("info")
    if status:
        if info != 200:  # an error page's time is not a cost to compare
            return f"{_fmt_s(value)} (HTTP {info})", None
        suffix = ""
    else:
        suffix = f" ({info:,} rows)" if key == "median" and isinstance(info, int) else ""
    return _fmt_s(value) + suffix, value


def _short_error(text: str) -> str:
    """An error for a table cell: a store's own code and message (e.g. Virtuoso's `SR478: …`) when it gave one."""
    if text == "not run":
        return text
    found = re.search(r"Error (\w+: [^\n]*)", text)
    return "error " + (found.group(1) if found else text.removeprefix("error: ")).replace("|", "\\|")[:70]


NOT_RUN = {"error": "not run"}


def _mb(value: float | None) -> tuple[str, float | None]:
    if value == 0:  # every worker that reported its memory was stopped at a time limit
        return "–", None
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
    return f"{b / a:.2f}×" if b / a < 0.1 else f"{b / a:.1f}×"


Cells = list[tuple[str, float | None]]


def _header(r: dict) -> str:
    build = r["build"]
    store = f"; Virtuoso {build['virtuoso']}" if "virtuoso" in build else ""
    return (
        f"- {r['backend']} {r['size']:,} requested: {build['triples']:,} triples; measured {r['date']} on "
        f"{r['cores']} cores, load average {r['load_before'][0]:.2f} before and {r['load_after'][0]:.2f} after; "
        f"Python {r['python']}, pyoxigraph {r['pyoxigraph']}{store}; {r['repeat']} timed runs after a cold one; "
        f"time limit {r['timeout']:g} s."
    )


def table_rows(records: list[dict]) -> list[tuple[str, Cells]]:
    """(label, one cell per record) for every cost; a cell is (text, value or None)."""
    rows: list[tuple[str, Cells]] = []

    def row(label: str, cells: Cells) -> None:
        rows.append((label, cells))

    def build(key: str, cell: Callable[[float], str]) -> Cells:
        values = [r["build"].get(key) for r in records]
        return [
            (cell(v), v) if isinstance(v, int | float) else (r["build"].get("gsp_error", "not run")[:60], None)
            for v, r in zip(values, records, strict=True)
        ]

    row("triples", [(f"{r['build']['triples']:,}", r["build"]["triples"]) for r in records])
    row("TriG file", [(f"{r['trig_mb']:.0f} MB", r["trig_mb"]) for r in records])
    row("build (bulk load)", build("seconds", _fmt_s))
    row("build: peak memory", build("peak_rss_mb", lambda v: f"{v:.0f} MB"))
    if any("virtuoso" in r["build"] for r in records):
        row("build via Graph Store PUT (RemoteStore.replace_graphs)", build("gsp_seconds", _fmt_s))
        row("build via Graph Store PUT: peak memory", build("gsp_peak_rss_mb", lambda v: f"{v:.0f} MB"))
    row("store on disk", build("disk_mb", lambda v: f"{v:.0f} MB"))
    for name in query_items():
        label = name.replace("http://metadata.un.org/sdg/", "sdg:").replace("https://w3id.org/samhallskontraktet/", "")
        row(f"query `{label}`", [_cell(r.get("queries", {}).get(name, NOT_RUN)) for r in records])
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
    row(
        f"endpoint, {clients} clients: requests/s",
        [(f"{x['requests_per_s']:.2f}", x["requests_per_s"]) if x else ("not run", None) for x in e],
    )
    row("endpoint: median latency", [_secs(x["median_ms"] / 1000 if x else None) for x in e])
    row("endpoint: errors / answers", [(f"{x['errors']} / {x['answered']}" if x else "not run", None) for x in e])
    row("`kg serve` memory after the load (all processes)", [_mb(x.get("rss_mb_after")) for x in e])
    if any("store_peak_rss_mb" in r for r in records):
        row("store server memory after the load", [_mb(x.get("store_rss_mb_after")) for x in e])
        row("store server: peak memory over the whole run", [_mb(r.get("store_peak_rss_mb")) for r in records])
    return rows


def render(records: list[dict]) -> str:
    sizes = [r["size"] for r in records]
    pairs = [f"{b:,} / {a:,}" for a, b in zip(sizes, sizes[1:], strict=False)]
    head = "| cost | " + " | ".join([*(f"{s:,}" for s in sizes), *pairs]) + " |"
    rule = "|---|" + "---:|" * (len(sizes) + len(pairs))
    lines = [f"# How each cost grows with the graph ({records[0]['backend']})", ""]
    lines += [_header(r) for r in records]
    lines += ["", head, rule]
    for label, cells in table_rows(records):
        ratios = [_ratio(a[1], b[1]) for a, b in zip(cells, cells[1:], strict=False)]
        lines.append(f"| {label} | " + " | ".join([*(c[0] for c in cells), *ratios]) + " |")
    lines += [
        "",
        'Times are medians of the timed runs ("cold" = the first run in a fresh worker). A ratio is the '
        "later size's cost over the earlier one's; the size ratio itself is in the `triples` row.",
    ]
    return "\n".join(lines) + "\n"


def compare(base: list[dict], other: list[dict]) -> str:
    """Two backends side by side at the sizes both have: each one's cost, other/base at each size, and each one's
    growth from one size to the next."""
    sizes = sorted({r["size"] for r in base} & {r["size"] for r in other})
    base = [r for r in base if r["size"] in sizes]
    other = [r for r in other if r["size"] in sizes]
    a, b = base[0]["backend"], other[0]["backend"]
    columns = [f"{x} {s:,}" for s in sizes for x in (a, b, f"{b} / {a}")]
    pairs = [f"{x} {s2:,} / {s1:,}" for x in (a, b) for s1, s2 in zip(sizes, sizes[1:], strict=False)]
    lines = [
        f"# {b} and {a}: costs, {b}/{a} at each size, and growth",
        "",
        *map(_header, base + other),
        "",
        "| cost | " + " | ".join(columns + pairs) + " |",
        "|---|" + "---:|" * (len(columns) + len(pairs)),
    ]
    rows_a, rows_b = dict(table_rows(base)), dict(table_rows(other))
    for label, cells_b in table_rows(other):
        cells_a = rows_a.get(label, [("–", None)] * len(sizes))
        side = [text for ca, cb in zip(cells_a, cells_b, strict=True) for text in (ca[0], cb[0], _ratio(ca[1], cb[1]))]
        growth = [
            _ratio(x[1], y[1]) for cells in (cells_a, rows_b[label]) for x, y in zip(cells, cells[1:], strict=False)
        ]
        lines.append(f"| {label} | " + " | ".join(side + growth) + " |")
    lines += ["", f'Medians; "{b} / {a}" above 1 means {b} takes longer (or, for requests/s, serves more).']
    return "\n".join(lines) + "\n"


def stored(backend: str) -> list[dict]:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in OUT.glob(f"scale-{backend}-*.json")]
    return sorted(records, key=lambda r: r["size"])


def write_table(backend: str) -> str:
    """out/scale.md (oxigraph) or out/scale-<backend>.md, and for another backend out/scale-compare.md (it beside
    oxigraph at the sizes both have)."""
    table = render(stored(backend))
    (OUT / ("scale.md" if backend == "oxigraph" else f"scale-{backend}.md")).write_text(table, encoding="utf-8")
    if backend != "oxigraph" and stored("oxigraph"):
        (OUT / "scale-compare.md").write_text(compare(stored("oxigraph"), stored(backend)), encoding="utf-8")
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
    backend = BACKENDS[args.backend](args.timeout)
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
