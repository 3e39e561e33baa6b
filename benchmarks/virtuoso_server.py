"""A private Virtuoso for the benchmarks: tests/virtuoso.py's server with settings for 1M+ triples.

`start(folder, settings)` writes tests/virtuoso.py's virtuoso.ini with the values in `settings` replaced (default
BENCH_SETTINGS: a 1.3 GB buffer pool instead of 80 MB, and a query time limit of `timeout` seconds instead of 20),
launches `virtuoso-t` with tests/virtuoso.py's code (free loopback ports, a random dba password, waits until
/sparql answers). `bulk_load(server, trig)` loads a TriG file with Virtuoso's bulk loader (ld_dir +
rdf_loader_run + checkpoint), as a Virtuoso user loads millions of triples. `peak_rss_mb(server)` is the
server process's peak resident memory (VmHWM).
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.virtuoso import _INI, PASSWORD_VARIABLE, Virtuoso, _launch, _wait, stop_virtuoso  # noqa: E402, F401

#: NumberOfBuffers 170000 x 8 kB pages = 1.3 GB (Virtuoso's guide: ~2/3 of the memory it may use);
#: MaxDirtyBuffers about 3/4 of it
BENCH_SETTINGS = {"NumberOfBuffers": "170000", "MaxDirtyBuffers": "130000", "ServerThreads": "20"}


def ini_text(folder: Path, sql_port: int, http_port: int, settings: dict[str, str]) -> str:
    """tests/virtuoso.py's virtuoso.ini with each `Name = value` of `settings` replaced (in every section)."""
    text = _INI.format(folder=folder, sql_port=sql_port, http_port=http_port)
    for name, value in settings.items():
        text, found = re.subn(rf"(?m)^{name} = .*$", f"{name} = {value}", text)
        if not found:
            raise KeyError(f"{name} is not in tests/virtuoso.py's virtuoso.ini")
    return text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(folder: Path, timeout_s: float, settings: dict[str, str] | None = None) -> Virtuoso:
    """A fresh Virtuoso with its database in `folder`; queries over `timeout_s` are stopped by the server."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = _free_port(), _free_port()
    while http_port == sql_port:
        http_port = _free_port()
    chosen = {**BENCH_SETTINGS, "MaxQueryExecutionTime": str(int(timeout_s)), **(settings or {})}
    (folder / "virtuoso.ini").write_text(ini_text(folder, sql_port, http_port, chosen), encoding="utf-8")
    password = os.environ.get(PASSWORD_VARIABLE) or secrets.token_hex(16)
    server = Virtuoso(folder, sql_port, http_port, password, _launch(folder))
    _wait(server, 120)
    server.isql(f"USER_SET_PASSWORD('dba', '{password}');\n", password="dba")
    return server


def isql(server: Virtuoso, sql: str, timeout_s: float = 3600) -> str:
    """SQL statements through isql-vt (stdin), with a time limit fit for a bulk load."""
    command = ["isql-vt", f"127.0.0.1:{server.sql_port}", "dba", server.password]
    done = subprocess.run(command, input=sql, capture_output=True, text=True, timeout=timeout_s)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql-vt failed: {done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done.stdout


def bulk_load(server: Virtuoso, trig: Path) -> None:
    """Virtuoso's bulk loader on one TriG file (its folder must be in DirsAllowed), then a checkpoint so that
    the data is on disk. Raises RuntimeError when the file failed to load."""
    isql(server, f"ld_dir('{trig.parent}', '{trig.name}', 'urn:kg:bench:default');\nrdf_loader_run();\ncheckpoint;\n")
    errors = isql(server, "SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;\n")
    if "0 Rows" not in errors:
        raise RuntimeError(f"the bulk loader failed: {errors}")


def peak_rss_mb(server: Virtuoso) -> float:
    """The peak resident memory of the virtuoso-t process so far (VmHWM, Linux)."""
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def rss_mb(server: Virtuoso) -> float:
    """The resident memory of the virtuoso-t process now."""
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def database_mb(server: Virtuoso) -> float:
    return sum(p.stat().st_size for p in server.folder.glob("virtuoso*.db")) / 1e6
