"""Benchmark: the edge under attack (issue 12): memory of the whole `kg serve` process group under two parallel
CONSTRUCTs that concatenate 50,000 characters onto every object, and the fair share of the query workers with
eight clients that keep runaway queries in flight while a visitor opens `/` and another client asks a small query.

    .venv/bin/python benchmarks/edge.py [--store var/store] [--seconds 60] [--warmup 20] [--clients 8]

Starts `kg serve` as the README does (a secret key in the environment, a temporary accounts file, default
settings) on a free loopback port, in a process group of its own, and stops it at the end. Each client talks
from its own loopback address (127.0.0.2, 127.0.0.3, …: `source_address`), so per-client limits see distinct
clients. Memory is the sum over the group's processes of resident memory (RSS) and of proportional memory (PSS,
shared pages divided among the processes that share them), read from /proc every 50 ms. Prints the figures.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SMALL = "SELECT ?g WHERE { ?g a <http://example.org/nothing> } LIMIT 1"
BIG = 'CONSTRUCT { ?s ?p ?big } WHERE { ?s ?p ?o BIND(CONCAT(STR(?o), "' + "x" * 50_000 + '") AS ?big) }'
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                pids.append(int(entry))
    return pids


def group_memory(pgid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes summed over the process group."""
    rss = pss = 0
    for pid in group_pids(pgid):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss, pss


class Sampler(threading.Thread):
    def __init__(self, pgid: int):
        super().__init__(daemon=True)
        self.pgid, self.peak_rss, self.peak_pss, self.running = pgid, 0, 0, True

    def run(self) -> None:
        while self.running:
            rss, pss = group_memory(self.pgid)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            time.sleep(0.05)


def request(port: int, source: str, method: str, path: str, body: str | None = None, timeout: float = 60.0):
    """One request from `source`; (status, seconds, body bytes, headers)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    headers = {"Accept": "application/sparql-results+json, text/turtle;q=0.9, text/html;q=0.8"}
    data = None
    if body is not None:
        data = urlencode({"query": body}).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    started = time.perf_counter()
    try:
        conn.request(method, path, body=data, headers=headers)
        answer = conn.getresponse()
        content = answer.read()
        return (
            answer.status,
            time.perf_counter() - started,
            len(content),
            {k.lower(): v for k, v in answer.getheaders()},
        )
    except (OSError, http.client.HTTPException):
        return 0, time.perf_counter() - started, 0, {}
    finally:
        conn.close()


def start(store: Path, folder: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "KG_SECRET_KEY": "benchmark-edge-key", "KG_ACCOUNTS": str(folder / "accounts.json")}
    command = [str(ROOT / ".venv/bin/kg"), "--store", str(store), "serve", "--port", str(port)]
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if request(port, "127.0.0.1", "GET", "/", timeout=5)[0] == 200:
            return process, port
        if process.poll() is not None:
            break
        time.sleep(0.3)
    process.kill()
    raise SystemExit("kg serve did not start: " + (folder / "server.log").read_text(errors="replace"))


def settle(pgid: int, seconds: float = 3.0) -> tuple[int, int]:
    time.sleep(seconds)
    return group_memory(pgid)


def memory_run(port: int, pgid: int) -> None:
    idle = settle(pgid)
    sampler = Sampler(pgid)
    sampler.start()
    answers: list = [None, None]

    def attack(index: int) -> None:
        answers[index] = request(port, f"127.0.0.{2 + index}", "POST", "/sparql", BIG)

    threads = [threading.Thread(target=attack, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sampler.running = False
    sampler.join()
    after = settle(pgid)
    print("## Memory: two parallel CONSTRUCTs with 50,000 characters on every object\n")
    for status, seconds, size, headers in answers:
        flag = headers.get("x-sparql-truncated", "-")
        print(f"- answer {status}, {size / MB:.1f} MB in {seconds:.1f} s, X-SPARQL-Truncated: {flag}")
    print("\n| process group | RSS MB | PSS MB |\n|---|---|---|")
    print(f"| idle before | {idle[0] / MB:.0f} | {idle[1] / MB:.0f} |")
    print(f"| peak during | {sampler.peak_rss / MB:.0f} | {sampler.peak_pss / MB:.0f} |")
    print(f"| after (3 s) | {after[0] / MB:.0f} | {after[1] / MB:.0f} |")
    print(f"| after / idle | {after[0] / idle[0]:.2f} | {after[1] / idle[1]:.2f} |\n")


def fairness_run(port: int, clients: int, warmup: float, seconds: float) -> None:
    stop = threading.Event()
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def runaway(source: str) -> None:
        while not stop.is_set():
            status = request(port, source, "POST", "/sparql", RUNAWAY, timeout=120)[0]
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=runaway, args=(f"127.0.0.{2 + i}",), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(warmup)
    with lock:
        statuses.clear()
    pages: list[float] = []
    small: list[tuple[int, float]] = []

    def visitor() -> None:
        while not stop.is_set():
            status, took, _, _ = request(port, "127.0.0.200", "GET", "/")
            if status == 200:
                pages.append(took)
            time.sleep(0.2)

    def researcher() -> None:
        while not stop.is_set():
            status, took, _, _ = request(port, "127.0.0.201", "POST", "/sparql", SMALL)
            small.append((status, took))
            time.sleep(0.5)

    measuring = [threading.Thread(target=f, daemon=True) for f in (visitor, researcher)]
    for thread in measuring:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in measuring:
        thread.join(timeout=70)
    answered = sorted(took for status, took in small if status == 200)
    within = sum(1 for status, took in small if status == 200 and took <= 1.0)
    p95 = answered[int(0.95 * (len(answered) - 1))] if answered else float("nan")
    print(f"## Fair share: {clients} clients with runaway queries, {seconds:g} s after {warmup:g} s warm-up\n")
    print("| measure | value |\n|---|---|")
    print(f"| `/` median ms ({len(pages)} requests) | {1000 * statistics.median(pages):.0f} |")
    print(f"| `/` p95 ms | {1000 * sorted(pages)[int(0.95 * (len(pages) - 1))]:.0f} |")
    print(f"| small query: answered 200 | {len(answered)} of {len(small)} |")
    print(f"| small query: within 1 s | {100 * within / max(1, len(small)):.0f}% |")
    print(f"| small query p95 ms | {1000 * p95:.0f} |")
    print(f"| small query answers by status | {dict(sorted(Counter(status for status, _ in small).items()))} |")
    print(f"| runaway clients' answers by status | {dict(sorted(statuses.items()))} |\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=ROOT / "var" / "store")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--skip", choices=["memory", "fairness"], action="append", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-edge-") as folder:
        process, port = start(args.store, Path(folder))
        try:
            if "memory" not in args.skip:
                memory_run(port, process.pid)
            if "fairness" not in args.skip:
                fairness_run(port, args.clients, args.warmup, args.seconds)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
