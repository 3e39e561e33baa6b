"""`kg suggest`: placeholder until the suggestion engine lands."""

from __future__ import annotations

import click


@click.command("suggest")
def suggest_command() -> None:
    """Föreslå delmål för en beskrivning / suggest targets for a description (kommer / coming)."""
    click.echo("kg suggest: inte klart än / not ready yet", err=True)
    raise SystemExit(2)
