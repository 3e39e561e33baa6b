"""What every `kg` command shares: the context (which store, which accounts), the way a command fails (a message
on stderr and an exit code, never a traceback) and the plain-text table. kg.cli and the command modules of the
packages (kg.analysis.cli, kg.report.cli, kg.suggest.cli, kg.cli_accounts) import it; it imports none of them."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox

from kg.backends import Location, RemoteConfig, describe
from kg.snapshots import SnapshotReader
from kg.store import StoreMissing, open_store
from kg.validate import curie


class Context:
    def __init__(self, store_path: Location, accounts_path: Path | None = None):
        self.store_path = store_path  # a folder (the embedded store) or a remote store's settings (kg.backends)
        self.accounts_path = accounts_path  # None: the default (var/accounts.json)

    @property
    def remote(self) -> bool:
        return isinstance(self.store_path, RemoteConfig)

    def open(self) -> ox.Store:
        """The graph read-only: the newest published snapshot when a server is changing it (kg.snapshots)."""
        try:
            if not self.remote and not self.store_path.is_dir():
                open_store(self.store_path)  # StoreMissing, or finishes an interrupted swap
            # never the live store beside a running server's writer: read-only RocksDB then sees torn files
            return SnapshotReader(self.store_path).store
        except StoreMissing as err:
            fail(str(err))
        except OSError as err:
            fail(f"Grafen i {describe(self.store_path)} kan inte öppnas / the graph cannot be opened: {err}")


def fail(message: str, code: int = 1) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(code)


def format_table(variables: list[str], rows: list[list[object]]) -> str:
    cells = [
        [("" if v is None else curie(v) if isinstance(v, str) and v.startswith("http") else str(v)) for v in row]
        for row in rows
    ]
    widths = [min(60, max([len(h)] + [len(r[i]) for r in cells])) for i, h in enumerate(variables)]

    def line(values: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    out = [line(variables), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} rader / rows)")
    return "\n".join(out)
