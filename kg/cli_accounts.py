"""`kg user …` and `kg secret init`: the core team's accounts and the web app's secret key (registered by kg.cli)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.clitools import Context, fail, format_table


def account_store(obj: Context):
    from kg.accounts import Accounts, default_accounts_path

    return Accounts(obj.accounts_path or default_accounts_path())


def read_new_password(name: str, from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    return click.prompt(
        f"Lösenord för / password for {name}",
        hide_input=True,
        confirmation_prompt="Upprepa / repeat",
        prompt_suffix=": ",
    )


PASSWORD_STDIN = click.option(
    "--password-stdin",
    is_flag=True,
    help="Läs lösenordet från standard in (en rad) / read the password from standard input (one line).",
)


@click.group("user")
def user_group() -> None:
    """Core teams konton (lagras utanför förrådet) / the core team's accounts (stored outside the repository)."""


@user_group.command("add")
@click.argument("name")
@click.option("--display-name", default=None, help="Namnet som visas / the name shown (standard / default: NAME).")
@PASSWORD_STDIN
@click.pass_obj
def user_add_command(obj: Context, name: str, display_name: str | None, password_stdin: bool) -> None:
    """Lägg till ett konto (rollen core-team) / add an account (role core-team)."""
    from kg.accounts import AccountError, check_display_name, check_name

    store = account_store(obj)
    try:
        check_name(name)
        check_display_name(display_name, name)
        if store.get(name) is not None:
            raise AccountError(f"användaren finns redan / the user already exists: {name}")
        account = store.add(name, read_new_password(name, password_stdin), display_name)
    except AccountError as err:
        fail(str(err))
    click.echo(f"Lade till / added {account.name} ({account.display_name}, {account.role}) i / in {store.path}")


@user_group.command("passwd")
@click.argument("name")
@PASSWORD_STDIN
@click.pass_obj
def user_passwd_command(obj: Context, name: str, password_stdin: bool) -> None:
    """Byt lösenord (avslutar kontots sessioner) / change a password (ends the account's sessions)."""
    from kg.accounts import AccountError

    store = account_store(obj)
    try:
        if store.get(name) is None:
            raise AccountError(f"okänd användare / unknown user: {name}")
        store.set_password(name, read_new_password(name, password_stdin))
    except AccountError as err:
        fail(str(err))
    click.echo(f"Bytte lösenord för / changed the password of {name}")


@user_group.command("remove")
@click.argument("name")
@click.pass_obj
def user_remove_command(obj: Context, name: str) -> None:
    """Ta bort ett konto (avslutar dess sessioner) / remove an account (ends its sessions)."""
    from kg.accounts import AccountError

    try:
        account_store(obj).remove(name)
    except AccountError as err:
        fail(str(err))
    click.echo(f"Tog bort / removed {name}")


@user_group.command("list")
@click.pass_obj
def user_list_command(obj: Context) -> None:
    """Lista kontona (aldrig lösenord eller hashar) / list the accounts (never passwords or hashes)."""
    from kg.accounts import AccountError

    store = account_store(obj)
    try:
        found = store.list()
    except AccountError as err:
        fail(str(err))
    if not found:
        click.echo(f"Inga konton i / no accounts in {store.path}")
        return
    rows = [[a.name, a.display_name, a.role, a.created, a.changed, a.agent or "-"] for a in found]
    columns = ["name", "display name", "role", "created", "changed", "agent (in the graph)"]
    click.echo(format_table(columns, rows).rsplit("\n", 1)[0])
    click.echo(f"{len(found)} konto(n) / account(s) i / in {store.path}")


@click.group("secret")
def secret_group() -> None:
    """Webbappens hemliga nyckel (signerar sessionerna) / the web app's secret key (signs the sessions)."""


@secret_group.command("init")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KG_SECRET_KEY_FILE",
    default=None,
    help="Nyckelfilen (KG_SECRET_KEY_FILE) / the key file. Standard: var/secret_key.",
)
def secret_init_command(key_file: Path | None) -> None:
    """Skriv en slumpad nyckel till nyckelfilen (0600) om den saknas / write a random key to the key file (0600)
    unless it exists."""
    import secrets
    import tempfile

    from kg.layout import default_secret_key_path

    path = key_file or default_secret_key_path()
    if path.exists():
        if not path.read_text(encoding="utf-8").strip():
            fail(f"nyckelfilen {path} är tom; ta bort den / the key file {path} is empty; remove it")
        click.echo(f"Nyckeln finns redan / the key exists: {path}")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # created with mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic, and never replaces a key written meanwhile
        except FileExistsError:
            click.echo(f"Nyckeln finns redan / the key exists: {path}")
            return
    finally:
        os.unlink(tmp)
    click.echo(f"Skrev en ny hemlig nyckel till / wrote a new secret key to {path}")
