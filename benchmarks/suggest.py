"""How fast target suggestions are: building the index (once per data state) and one query.

    .venv/bin/python benchmarks/suggest.py [--store DIR] [--repeat 5]

Without --store the real dataset is built into a temporary store. Measured: the index build the first time in
the process (the stemmers' memo empty) and again (as after a curation change in a running server), then every
description of data/evaluation/target-suggestions.tsv (or a few built-in ones when the file is absent) as a
query, `--repeat` times, and every initiative's own suggestions (the curation view). Medians and 95th
percentiles in ms. A script, not a test: timings depend on the machine. Written to benchmarks/out/suggest.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.build import build  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.suggest import SuggestionIndex, for_initiative, suggest  # noqa: E402

EVALUATION = HERE.parent / "data" / "evaluation" / "target-suggestions.tsv"
TEXTS = [
    ("Gemensamma måltider och träffpunkter mot ofrivillig ensamhet bland äldre i äldreomsorgen.", "sv"),
    ("Trygghetslarm och fallprevention för äldre i hemtjänstområdet, tillsammans med civilsamhället.", "sv"),
    ("Volunteers from civil society visit lonely older people and share meals to prevent malnutrition.", "en"),
]


def texts() -> list[tuple[str, str | None]]:
    if not EVALUATION.is_file():
        return TEXTS
    from kg.suggest.evaluate import read_items

    return [(item.text, item.lang) for item in read_items(EVALUATION)]


def ms(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.store
        if path is None:
            path = Path(folder) / "store"
            build(path)
        store = open_store(path)
        first = timed(lambda: SuggestionIndex(store))
        again = [timed(lambda: SuggestionIndex(store)) for _ in range(3)]
        index = SuggestionIndex(store)
        queries = texts()
        times = [
            timed(lambda t=text, lang=lang: suggest(index, [(t, lang)], 10))
            for _ in range(args.repeat)
            for text, lang in queries
        ]
        words = statistics.median(len(text.split()) for text, _ in queries)
        initiatives = [
            timed(lambda i=iri: for_initiative(index, i, 5)) for _ in range(args.repeat) for iri in index.initiatives
        ]
    rows = [
        ("index build, first in the process", first * 1000, first * 1000, 1),
        ("index build again (after a change)", *ms(again), len(again)),
        (f"one query (suggest, k = 10; median {words:.0f} words)", *ms(times), len(times)),
        ("an initiative's suggestions (curation view)", *ms(initiatives), len(initiatives)),
    ]
    table = ["| what | median ms | p95 ms | runs |", "|---|---:|---:|---:|"]
    table += [f"| {name} | {median:.1f} | {p95:.1f} | {n} |" for name, median, p95, n in rows]
    text = "\n".join(table)
    print(text)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "suggest.md").write_text(f"# kg suggest\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
