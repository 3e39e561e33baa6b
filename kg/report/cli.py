"""`kg report`: placeholder until the board report lands."""

from __future__ import annotations

import click


@click.command("report")
def report_command() -> None:
    """Rapport till styrelsen / the board report (kommer / coming)."""
    click.echo("kg report: inte klart än / not ready yet", err=True)
    raise SystemExit(2)
