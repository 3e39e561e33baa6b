"""Benchmark: the server time of every page of the viewer, in process (Flask's test client), on the real
graph and on synthetic graphs of its shape. Prints a Markdown table per size and writes it to
benchmarks/out/pages-<size>.md.

    .venv/bin/python benchmarks/pages.py [--sizes real 100000] [--repeat 15] [--profile] [--graph national]
        [--only / /partners ...]

`real` is a store built by `kg --store DIR build` from the project's data; a number is a synthetic
graph of about that many triples bulk-loaded into an on-disk store: of the real graph's shape
(benchmarks/synthetic.py, the default) or, with `--graph national`, the national graph of 311
collaborations (benchmarks/national.py; its own list of pages, NATIONAL_PAGES). For each
size a fresh app is created and every page is requested once in order: that first, cold request is
reported on its own (it compiles the page's templates and fills the caches that the app keeps per data
state: the graph drawing, the search index, the overviews) and is also the warm-up. Then `--repeat`
rounds request every page once each, interleaved, and the median and the minimum are reported.

Targets (flagged in the tables): median < 50 ms for every page on the real graph; home, goal page
(/sdg/3) and graph page (/network) < 300 ms at about 100k triples; the graph page with everything shown
(/network?all=1), its HTML plus the scripts it loads, < 2 MB. `--profile` profiles one warm request of
each page over its target (cProfile) and writes the top functions to benchmarks/out/pages-<size>-profile.txt.

A script, not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import platform
import pstats
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from kg.statecache import clear as clear_cache  # noqa: E402
from webapp import create_app  # noqa: E402

PAGES = [
    "/",
    "/goals",
    "/sdg/3",
    "/sdg/3.4",
    "/sdg/C030401",
    "/initiatives",
    "/partners",
    "/id/initiative/maltider-och-moten",
    "/id/organisation/samhallskontraktet",
    "/id/organisation/eskilstuna-kommun",
    "/id/focus-area/nara-vard",
    "/id/perspective/trygghet",
    "/id/event/oppen-verkstad-2024-03-15",
    "/overviews/initiatives-goals",
    "/overviews/partners-goals",
    "/overviews/gaps",
    "/overviews/budget",
    "/search?q=ensamhet",
    "/search?q=äldre",
    "/network",
    "/network/data.json",
    "/?lang=en",
    "/sdg/3?lang=en",
    "/network?lang=en",
]
SYNTHETIC_PAGES = ["/id/initiative/ini-1"]  # a generated initiative, only in synthetic graphs
NATIONAL_PAGES = [  # the pages of the national graph (benchmarks/national.py), as benchmarks/scale.py requests them
    "/",
    "/goals",
    "/sdg/3",
    "/sdg/3.4",
    "/initiatives",
    "/initiatives?page=20",
    "/partners",
    "/partners?page=2",
    "/id/initiative/syn-1",
    "/id/organisation/kommun-001",
    "/id/organisation/kommun-001-samverkan",
    "/id/focus-area/syn-01",
    "/overviews/initiatives-goals",
    "/overviews/partners-goals",
    "/overviews/partners-goals?page=2",
    "/overviews/gaps",
    "/overviews/gaps?page=2",
    "/overviews/budget",
    "/search?q=kommun",
    "/network",
    "/?lang=en",
    "/sdg/3?lang=en",
]
ALL_SHOWN = "/network?all=1"

REAL_MEDIAN_MS = 50.0  # every page, real graph
LARGE_MEDIAN_MS = 300.0  # home, goal page and graph page, at about 100k triples
LARGE_SIZE = 100_000  # sizes from this many triples on are held to LARGE_MEDIAN_MS
LARGE_PAGES = {"/", "/sdg/3", "/network"}  # in either language
WEIGHT_LIMIT = 2_000_000  # bytes: the graph page with everything shown, HTML + scripts

SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"")


@dataclass
class Row:
    url: str
    status: int
    cold_ms: float
    times_ms: list[float] = field(default_factory=list)
    size: int = 0
    target_ms: float | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def min_ms(self) -> float:
        return min(self.times_ms)

    @property
    def over(self) -> bool:
        return self.status != 200 or (self.target_ms is not None and self.median_ms >= self.target_ms)


@dataclass
class Weight:
    html: int
    scripts: list[tuple[str, int]]
    data_json: int  # /network/data.json?all=1
    draws_data: bool  # the page fetches that data (it does so only up to network.MAX_DRAWN nodes)
    nodes: int

    @property
    def total(self) -> int:
        return self.html + sum(size for _, size in self.scripts)


# ---------------------------------------------------------------- stores


def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg.cli"]


def prepare(size: str, folder: Path, graph: str = "synthetic") -> Path:
    """A store of the given size in `folder` (`graph`: synthetic.py's or national.py's generator)."""
    store = folder / "store"
    if size == "real":
        subprocess.run([*kg_command(), "--store", str(store), "build"], check=True, capture_output=True, cwd=ROOT)
    else:
        generate = importlib.import_module(graph).generate
        trig = generate(int(size), folder / f"{graph}-{size}.trig")
        writable = ox.Store(str(store))
        writable.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        writable.flush()
        del writable
    return store


# ---------------------------------------------------------------- measuring


def target_for(size: str, url: str) -> float | None:
    if url == ALL_SHOWN:
        return None  # held to the weight target (below the table), not to a time target
    if size == "real":
        return REAL_MEDIAN_MS
    path = url.split("?", 1)[0]
    if int(size) >= LARGE_SIZE and path in LARGE_PAGES and url in (path, path + "?lang=en"):
        return LARGE_MEDIAN_MS
    return None


def timed_get(client, url: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    response = client.get(url)
    body = response.get_data()
    elapsed = (time.perf_counter() - start) * 1000
    response.close()
    return elapsed, response.status_code, len(body)


def measure(client, size: str, urls: list[str], repeat: int) -> list[Row]:
    rows = []
    for url in urls:  # cold: the first request of each page, which is also its warm-up
        cold, status, length = timed_get(client, url)
        rows.append(Row(url, status, cold, size=length, target_ms=target_for(size, url)))
    for _ in range(repeat):  # interleaved, so that every page sees the same load on the machine
        for row in rows:
            elapsed, row.status, row.size = timed_get(client, row.url)
            row.times_ms.append(elapsed)
    return rows


def page_weight(client) -> Weight:
    """The graph page with everything shown: its HTML, the scripts it loads and the data they would fetch."""
    response = client.get(ALL_SHOWN)
    html = response.get_data(as_text=True)
    response.close()
    scripts = []
    for src in SCRIPT_SRC.findall(html):
        script = client.get(src)
        scripts.append((src.rsplit("/", 1)[-1], len(script.get_data())))
        script.close()
    data = client.get(ALL_SHOWN.replace("/network", "/network/data.json", 1))
    body = data.get_data()
    data.close()
    nodes = data.get_json()["counts"]["nodes"]
    return Weight(len(html.encode()), scripts, len(body), "data-src=" in html, nodes)


def profile(client, url: str, top: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    response = client.get(url)
    response.get_data()
    profiler.disable()
    response.close()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    text.write("\n")
    stats.sort_stats("tottime").print_stats(top)
    return f"=== {url}\n{text.getvalue()}"


# ---------------------------------------------------------------- report


def kb(n: int) -> str:
    return f"{n / 1e3:,.1f} kB" if n < 1_000_000 else f"{n / 1e6:,.2f} MB"


def verdict(row: Row) -> str:
    if row.status != 200:
        return f"**HTTP {row.status}**"
    if row.target_ms is None:
        return "–"
    return f"ok (< {row.target_ms:.0f})" if not row.over else f"**over** (≥ {row.target_ms:.0f})"


def render(
    size: str, triples: int, repeat: int, rows: list[Row], weight: Weight | None, graph: str = "synthetic"
) -> str:
    label = "real graph" if size == "real" else f"{graph}, {int(size):,} requested"
    lines = [
        f"## Pages, {label}: {triples:,} triples",
        "",
        f"Server time in process (Flask test client), ms. Cold = the first request of each page in a fresh app;"
        f" then {repeat} interleaved rounds: median and minimum. Python {platform.python_version()},"
        f" pyoxigraph {ox.__version__}.",
        "",
        "| page | status | cold ms | median ms | min ms | bytes | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| `{row.url}` | {row.status} | {row.cold_ms:.1f} | {row.median_ms:.1f} | {row.min_ms:.1f} |"
            f" {row.size:,} | {verdict(row)} |"
        )
    over = [row for row in rows if row.over]
    if weight is None:  # --only without the graph page
        return (
            "\n".join(
                [
                    *lines,
                    "",
                    "Over target: " + ", ".join(f"`{row.url}`" for row in over) + "." if over else "Every target met.",
                ]
            )
            + "\n"
        )
    lines += [
        "",
        f"Graph page with everything shown (`{ALL_SHOWN}`, {weight.nodes:,} nodes): HTML {kb(weight.html)}"
        + "".join(f" + {name} {kb(n)}" for name, n in weight.scripts)
        + f" = **{kb(weight.total)}** ({weight.total:,} bytes): "
        + ("ok (< 2 MB)" if weight.total < WEIGHT_LIMIT else "**over** (≥ 2 MB)")
        + f". The data it draws, `/network/data.json?all=1`: {kb(weight.data_json)}"
        + (" (fetched by the page)." if weight.draws_data else " (not fetched: more nodes than the page draws)."),
        "",
    ]
    if over or weight.total >= WEIGHT_LIMIT:
        names = [f"`{row.url}`" for row in over] + (["page weight"] if weight.total >= WEIGHT_LIMIT else [])
        lines.append("Over target: " + ", ".join(names) + ".")
    else:
        lines.append("Every target met.")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main


def bench_size(
    size: str, repeat: int, with_profile: bool, graph: str = "synthetic", only: list[str] | None = None
) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        store = prepare(size, Path(tmp), graph)
        triples = len(ox.Store.read_only(str(store)))
        clear_cache()
        # a key of its own (pages need none, but the app refuses to start without one) and no accounts file
        config = {
            "KG_STORE": str(store),
            "SECRET_KEY": secrets.token_urlsafe(32),
            "ACCOUNTS_FILE": str(Path(tmp) / "accounts.json"),
        }
        app = create_app(config)
        try:
            client = app.test_client(use_cookies=False)  # no language cookie: every page in its own language
            if graph == "national" and size != "real":
                urls = NATIONAL_PAGES + [ALL_SHOWN]
            else:
                urls = PAGES + ([] if size == "real" else SYNTHETIC_PAGES) + [ALL_SHOWN]
            if only:
                urls = [url for url in urls if url.split("?", 1)[0] in only]
            rows = measure(client, size, urls, repeat)
            weight = page_weight(client) if ALL_SHOWN in urls else None
            profiles = "".join(profile(client, row.url) for row in rows if row.over) if with_profile else ""
        finally:
            app.extensions["kg"].close()
    return render(size, triples, repeat, rows, weight, graph), profiles


def size_argument(value: str) -> str:
    if value == "real" or value.isdigit():
        return value
    raise argparse.ArgumentTypeError("a size is `real` or a number of triples")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=size_argument, nargs="+", default=["real", "100000"])
    parser.add_argument("--repeat", type=int, default=15, help="timed requests of each page after the cold one")
    parser.add_argument("--profile", action="store_true", help="profile one request of each page over target")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="PATH",
        help="request only these pages (paths without the query string, e.g. / /partners)",
    )
    parser.add_argument(
        "--graph",
        choices=["synthetic", "national"],
        default="synthetic",
        help="the generator of the numbered sizes: synthetic.py (one collaboration) or national.py",
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    OUT.mkdir(exist_ok=True)
    for size in args.sizes:
        table, profiles = bench_size(size, args.repeat, args.profile, args.graph, args.only)
        name = size if args.graph == "synthetic" or size == "real" else f"{args.graph}-{size}"
        (OUT / f"pages-{name}.md").write_text(table, encoding="utf-8")
        if profiles:
            (OUT / f"pages-{name}-profile.txt").write_text(profiles, encoding="utf-8")
        print("\n" + table, flush=True)


if __name__ == "__main__":
    main()
