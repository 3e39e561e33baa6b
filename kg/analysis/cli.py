"""`kg analyse`: placeholder until the network analysis lands."""

from __future__ import annotations

import click


@click.command("analyse")
def analyse_command() -> None:
    """Nätverksanalys / network analysis (kommer / coming)."""
    click.echo("kg analyse: inte klart än / not ready yet", err=True)
    raise SystemExit(2)
