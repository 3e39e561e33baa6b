"""Benchmark: the network analysis (kg.analysis) at real size and on synthetic graphs of the same shape.

    .venv/bin/python benchmarks/analysis.py [--sizes real 100000] [--repeat 5]

For each size a store is built (`real` = `kg build`; a number = benchmarks/synthetic.py bulk-loaded, see
pages.py `prepare`). Reported, medians over `--repeat` runs (ms): the whole analysis as the cache computes it once
per state of the data (`kg.analysis.compute`), and its parts: the five page queries (`read_facts`), the partner
network, the four goal and target networks with their bridges; the size of each network; then the pages
/analysis/partners and /analysis/goals through Flask's test client once the analysis is cached (what a visitor
waits for), cold (first request: computes the analysis) and warm. Written to benchmarks/out/analysis-<size>.md.

A script, not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from pages import prepare  # noqa: E402

from kg.analysis import compute  # noqa: E402
from kg.analysis.measures import build_network  # noqa: E402
from kg.analysis.model import _served  # noqa: E402
from kg.analysis.reading import read_facts  # noqa: E402
from kg.statecache import clear as clear_cache  # noqa: E402
from webapp import create_app  # noqa: E402

PAGES = ["/analysis/", "/analysis/partners", "/analysis/goals", "/analysis/goals?level=targets"]


def timed(action: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The median time of `action` in ms, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def bench(size: str, repeat: int) -> str:
    with tempfile.TemporaryDirectory(prefix="kg-bench-analysis-") as folder:
        path = prepare(size, Path(folder))
        store = ox.Store.read_only(str(path))
        triples = len(store)
        whole, analysis = timed(lambda: compute(store), repeat)
        reading, facts = timed(lambda: read_facts(store), repeat)
        partners = {i: dict.fromkeys(m, True) for i, m in facts.participation.items()}
        partner_ms, _ = timed(lambda: build_network("partners", facts.organisations, partners), repeat)
        goals_ms, _ = timed(
            lambda: build_network("goals", facts.goals, _served(facts, "goals", False), always=tuple(facts.goals)),
            repeat,
        )
        targets_ms, _ = timed(lambda: build_network("targets", facts.targets, _served(facts, "targets", False)), repeat)
        rows = [
            ("the whole analysis (`compute`, once per state of the data)", whole),
            ("the five page queries (`read_facts`)", reading),
            ("partner network with measures and picture", partner_ms),
            ("goal network (confirmed and proposed)", goals_ms),
            ("target network (confirmed and proposed)", targets_ms),
        ]
        sizes = [
            (
                name,
                len(net.nodes),
                len(net.edges),
                len([c for c in net.communities if len(c) > 1]),
                "exact",
            )
            for name, net in (
                ("partners", analysis.partners),
                ("goals", analysis.goal_network("goals")),
                ("targets", analysis.goal_network("targets")),
            )
        ]
        clear_cache()
        app = create_app(
            {
                "KG_STORE": str(path),
                "SECRET_KEY": secrets.token_urlsafe(32),
                "ACCOUNTS_FILE": str(Path(folder) / "accounts.json"),
            }
        )
        try:
            client = app.test_client(use_cookies=False)
            pages = []
            for url in PAGES:
                cold, _ = timed(lambda url=url: client.get(url).get_data(), 1)
                warm, _ = timed(lambda url=url: client.get(url).get_data(), max(repeat * 3, 5))
                pages.append((url, cold, warm))
        finally:
            app.extensions["kg"].close()
            clear_cache()

    label = "real graph" if size == "real" else f"synthetic, {int(size):,} requested"
    lines = [
        f"## Network analysis, {label}: {triples:,} triples",
        "",
        f"Medians of {repeat} runs, ms. Python {platform.python_version()}, networkx {nx.__version__}, "
        f"pyoxigraph {ox.__version__}.",
        "",
        "| step | ms |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {ms:.1f} |" for name, ms in rows]
    lines += ["", "| network | nodes | ties | groups (2+) | betweenness |", "|---|---:|---:|---:|---|"]
    lines += [f"| {name} | {n:,} | {e:,} | {g} | {s} |" for name, n, e, g, s in sizes]
    lines += [
        "",
        "Pages (Flask test client, in process; cold = first request in a fresh app, which computes the "
        "analysis if the page is the first to need it):",
        "",
        "| page | cold ms | warm median ms |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{url}` | {cold:.1f} | {warm:.1f} |" for url, cold, warm in pages]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["real", "100000"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    for size in args.sizes:
        table = bench(size, max(1, args.repeat))
        (OUT / f"analysis-{size}.md").write_text(table, encoding="utf-8")
        print("\n" + table, flush=True)


if __name__ == "__main__":
    main()
