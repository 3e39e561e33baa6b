"""Accounts of the core team (issue 5, item 1): the file outside the repository, password hashing, and the
`kg user` and `kg secret` commands."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.security import check_password_hash

import kg.accounts
from kg.accounts import AccountError, Accounts, default_accounts_path, hash_password
from kg.cli import main
from kg.layout import PROJECT_ROOT, dataset_files

PASSWORD = "rätt häst batteri häftklammer"


def kg_user(runner: CliRunner, path: Path, *args: str, password: str | None = None):
    stdin = None if password is None else password + "\n"
    return runner.invoke(main, ["--accounts", str(path), "user", *args], input=stdin)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "private" / "accounts.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------- the file


def test_the_accounts_live_outside_the_repository() -> None:
    assert default_accounts_path() == PROJECT_ROOT / "var" / "accounts.json"
    ignored = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "var/" in ignored
    assert not any("var" in file.path.relative_to(PROJECT_ROOT).parts for file in dataset_files())
    # no accounts or keys among the project's tracked kinds of files
    for pattern in ("*.json", "secret_key"):
        for found in PROJECT_ROOT.glob(pattern):
            assert "password_hash" not in found.read_text(encoding="utf-8", errors="replace"), found


def test_add_writes_a_private_file_atomically(runner: CliRunner, path: Path) -> None:
    result = kg_user(
        runner, path, "add", "anna", "--display-name", "Anna Andersson", "--password-stdin", password=PASSWORD
    )
    assert result.exit_code == 0, result.output
    assert "anna" in result.output and str(path) in result.output
    assert mode(path) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["accounts.json", "accounts.json.lock"]  # no leftovers
    data = json.loads(path.read_text(encoding="utf-8"))
    entry = data["accounts"]["anna"]
    assert entry["display_name"] == "Anna Andersson" and entry["role"] == "core-team"
    assert entry["created"] == entry["changed"] and entry["created"].endswith("Z")
    assert entry["password_hash"].startswith("scrypt:32768:8:1$")
    assert PASSWORD not in path.read_text(encoding="utf-8")


def test_the_accounts_file_from_the_environment(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(
        main, ["user", "add", "bo", "--password-stdin"], input=PASSWORD + "\n", env={"KG_ACCOUNTS": str(path)}
    )
    assert result.exit_code == 0, result.output
    assert Accounts(path).get("bo").display_name == "bo"


def test_the_password_is_asked_twice_with_hidden_input(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(
        main,
        ["--accounts", str(path), "user", "add", "cia"],
        input=f"{PASSWORD}\nsomething else entirely\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # hidden
    assert "Upprepa / repeat" in result.output
    assert Accounts(path).verify("cia", PASSWORD) is not None


def test_a_duplicate_is_refused(runner: CliRunner, path: Path) -> None:
    kg_user(runner, path, "add", "anna", "--password-stdin", password=PASSWORD)
    before = path.read_bytes()
    result = kg_user(runner, path, "add", "anna", "--password-stdin", password=PASSWORD + "x")
    assert result.exit_code == 1
    assert "kg: användaren finns redan / the user already exists: anna" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("anna", "kort", "the password is too short: at least 12 characters"),
        ("anna", "elva tecken", "the password is too short"),
        ("anna.andersson", "anna.andersson", "the password must not be the user name"),
        ("anna.andersson", "ANNA.ANDERSSON", "the password must not be the user name"),
        ("anna", "x" * 1025, "the password is too long"),
        ("Anna", PASSWORD, "invalid user name"),
        ("a", PASSWORD, "invalid user name"),
        ("a" * 65, PASSWORD, "invalid user name"),
        ("anna andersson", PASSWORD, "invalid user name"),
        ("anna/../x", PASSWORD, "invalid user name"),
    ],
)
def test_weak_passwords_and_bad_names_are_refused(
    runner: CliRunner, path: Path, name: str, password: str, message: str
) -> None:
    result = kg_user(runner, path, "add", name, "--password-stdin", password=password)
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output
    assert not path.exists()


def test_the_display_name_is_not_a_password_either(path: Path) -> None:
    with pytest.raises(AccountError, match="user name"):
        Accounts(path).add("anna", "Anna Andersson", "Anna Andersson")


def test_passwd_changes_the_password(runner: CliRunner, path: Path) -> None:
    kg_user(runner, path, "add", "anna", "--password-stdin", password=PASSWORD)
    created = Accounts(path).get("anna")
    new = "ett nytt och längre lösenord"
    result = kg_user(runner, path, "passwd", "anna", "--password-stdin", password=new)
    assert result.exit_code == 0, result.output
    accounts = Accounts(path)
    assert accounts.verify("anna", PASSWORD) is None and accounts.verify("anna", new) is not None
    changed = accounts.get("anna")
    assert changed.created == created.created and changed.password_hash != created.password_hash
    assert mode(path) == 0o600
    weak = kg_user(runner, path, "passwd", "anna", "--password-stdin", password="anna")
    assert weak.exit_code == 1 and "too short" in weak.output
    assert Accounts(path).verify("anna", new) is not None
    unknown = kg_user(runner, path, "passwd", "nobody", "--password-stdin", password=new)
    assert unknown.exit_code == 1 and "unknown user: nobody" in unknown.output


def test_remove(runner: CliRunner, path: Path) -> None:
    kg_user(runner, path, "add", "anna", "--password-stdin", password=PASSWORD)
    kg_user(runner, path, "add", "bo", "--password-stdin", password=PASSWORD)
    result = kg_user(runner, path, "remove", "anna")
    assert result.exit_code == 0, result.output
    assert [a.name for a in Accounts(path).list()] == ["bo"]
    again = kg_user(runner, path, "remove", "anna")
    assert again.exit_code == 1 and "unknown user: anna" in again.output


def test_list_shows_names_and_dates_but_never_hashes(runner: CliRunner, path: Path) -> None:
    assert "Inga konton i / no accounts in" in kg_user(runner, path, "list").output
    kg_user(runner, path, "add", "anna", "--display-name", "Anna Andersson", "--password-stdin", password=PASSWORD)
    kg_user(runner, path, "add", "bo", "--password-stdin", password=PASSWORD)
    result = kg_user(runner, path, "list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "name",
        "display",
        "name",
        "role",
        "created",
        "changed",
        "agent",
        "(in",
        "the",
        "graph)",
    ]
    assert lines[2].startswith("anna  Anna Andersson  core-team  20") and lines[3].startswith("bo  ")
    assert re.search(r"  medlem-[0-9a-f]{12}$", lines[2])  # the opaque id the graph knows anna by
    assert "scrypt" not in result.output and "$" not in result.output and PASSWORD not in result.output


def test_a_broken_file_is_a_clear_error(runner: CliRunner, path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    result = kg_user(runner, path, "list")
    assert result.exit_code == 1 and "the accounts file cannot be read" in result.output


# ---------------------------------------------------------------- hashing and verifying


def test_hashes_are_salted_and_not_reversible() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second  # a random salt each time
    for hashed in (first, second):
        method, salt, digest = hashed.split("$")
        assert method == "scrypt:32768:8:1" and len(salt) == 16 and len(digest) == 128
        assert PASSWORD not in hashed and PASSWORD.encode().hex() not in hashed
        assert check_password_hash(hashed, PASSWORD) and not check_password_hash(hashed, PASSWORD + " ")


def test_verify(path: Path) -> None:
    accounts = Accounts(path)
    accounts.add("anna", PASSWORD, "Anna")
    assert accounts.verify("anna", PASSWORD).display_name == "Anna"
    for name, password in [
        ("anna", PASSWORD.upper()),
        ("anna", ""),
        ("nobody", PASSWORD),
        ("", PASSWORD),
        ("anna", "x" * 5000),
        ("Anna", PASSWORD),
    ]:
        assert accounts.verify(name, password) is None, (name, password)


def test_unknown_users_cost_a_hash_check_too(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    accounts = Accounts(path)
    accounts.add("anna", PASSWORD)
    checked: list[str] = []
    real = kg.accounts.check_password_hash

    def counting(hashed: str, password: str) -> bool:
        checked.append(hashed.split("$")[0])
        return real(hashed, password)

    monkeypatch.setattr(kg.accounts, "check_password_hash", counting)
    accounts.verify("nobody", PASSWORD)
    accounts.verify("anna", "wrong password here")
    accounts.verify("Not A Valid Name", PASSWORD)
    assert checked == ["scrypt:32768:8:1"] * 3  # the same work whether or not the user exists


def test_a_hand_edited_plain_password_is_never_accepted(path: Path) -> None:
    accounts = Accounts(path)
    accounts.add("anna", PASSWORD)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["accounts"]["anna"]["password_hash"] = PASSWORD
    path.write_text(json.dumps(data), encoding="utf-8")
    assert Accounts(path).verify("anna", PASSWORD) is None


def test_a_change_by_another_process_is_seen(path: Path) -> None:
    reader, writer = Accounts(path), Accounts(path)
    assert reader.get("anna") is None
    writer.add("anna", PASSWORD)
    assert reader.get("anna") is not None
    writer.remove("anna")
    assert reader.get("anna") is None


# ---------------------------------------------------------------- the secret key


def test_secret_init_writes_a_private_key_once(runner: CliRunner, tmp_path: Path) -> None:
    key = tmp_path / "var" / "secret_key"
    result = runner.invoke(main, ["secret", "init", "--key-file", str(key)])
    assert result.exit_code == 0, result.output
    assert mode(key) == 0o600
    first = key.read_text(encoding="utf-8").strip()
    assert len(first) >= 64
    again = runner.invoke(main, ["secret", "init"], env={"KG_SECRET_KEY_FILE": str(key)})
    assert again.exit_code == 0 and "the key exists" in again.output
    assert key.read_text(encoding="utf-8").strip() == first  # idempotent: the key is kept
    assert sorted(p.name for p in key.parent.iterdir()) == ["secret_key"]


def test_secret_init_refuses_an_empty_key_file(runner: CliRunner, tmp_path: Path) -> None:
    key = tmp_path / "secret_key"
    key.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["secret", "init", "--key-file", str(key)])
    assert result.exit_code == 1 and "is empty" in result.output


def test_every_account_has_an_opaque_agent_id_that_survives_a_password_change(path: Path) -> None:
    accounts = Accounts(path)
    anna = accounts.add("anna", PASSWORD, "Anna Andersson")
    bo = accounts.add("bo", PASSWORD)
    assert anna.agent != bo.agent and "anna" not in anna.agent and re.fullmatch(r"medlem-[0-9a-f]{12}", anna.agent)
    accounts.set_password("anna", PASSWORD + "!")
    assert accounts.agent_of("anna") == anna.agent and accounts.by_agent(anna.agent).name == "anna"
    assert accounts.by_agent("medlem-000000000000") is None
