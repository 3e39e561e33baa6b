"""Accounts of the core team: user names, display names, roles and password hashes.

The accounts live in a JSON file OUTSIDE the repository (default `var/accounts.json`, git-ignored; `kg --accounts
PATH`, the `KG_ACCOUNTS` variable or the app setting `ACCOUNTS_FILE` put it elsewhere). They are never put in the
RDF graph. The file is written atomically (a temporary file in the same folder, then `os.replace`) with mode 0600.

Passwords are hashed with scrypt (Werkzeug's `generate_password_hash`, N=2**15, r=8, p=1, a random 16-character
salt per hash); verification compares in constant time and checks a dummy hash for unknown users, so that the
answer takes as long whether or not the user exists.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import secrets
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from kg.layout import PROJECT_ROOT

ROLES = ("core-team",)
DEFAULT_ROLE = "core-team"
HASH_METHOD = "scrypt:32768:8:1"  # scrypt, N=2**15 (32 MiB), r=8, p=1
SALT_LENGTH = 16  # characters of [A-Za-z0-9] (about 95 bits)
MIN_PASSWORD = 12
MAX_PASSWORD = 1024  # longer input is refused before hashing
MAX_DISPLAY_NAME = 200
NAME_PATTERN = re.compile(r"[a-z0-9._-]{2,64}")
FORMAT_VERSION = 1


class AccountError(ValueError):
    """A refused account operation; the message is in Swedish and English."""


@dataclass(frozen=True)
class Account:
    name: str
    display_name: str
    role: str
    password_hash: str
    created: str  # ISO 8601, UTC
    changed: str
    agent: str = ""  # the opaque public id of the member's decisions in the graph (…/id/agent/<agent>)
    sessions_after: float = 0.0  # sessions that began before this time (a logout: seconds since the epoch) are over

    def public(self) -> dict[str, str]:
        """Everything except the password hash."""
        data = asdict(self)
        del data["password_hash"]
        return data


def default_accounts_path(root: Path = PROJECT_ROOT) -> Path:
    return root / "var" / "accounts.json"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD, salt_length=SALT_LENGTH)


_dummy_hash: str | None = None


def _dummy() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password(os.urandom(16).hex())
    return _dummy_hash


def new_agent_id() -> str:
    """An opaque id for a member's decisions in the public graph: it says nothing of the user name."""
    return "medlem-" + secrets.token_hex(6)


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise AccountError(
            f"ogiltigt användarnamn / invalid user name: {name!r} (2–64 tecken / characters av / of a–z 0–9 . _ -)"
        )
    return name


def check_display_name(display_name: str | None, name: str) -> str:
    text = " ".join((display_name or "").split()) or name
    if len(text) > MAX_DISPLAY_NAME:
        raise AccountError(f"visningsnamnet är för långt / the display name is too long (max {MAX_DISPLAY_NAME})")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise AccountError("visningsnamnet innehåller styrtecken / the display name contains control characters")
    return text


def check_password(password: str, name: str, display_name: str | None = None) -> None:
    """The password policy: at least 12 characters, at most 1024, not the user name or the display name."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError(
            f"lösenordet är för kort: minst {MIN_PASSWORD} tecken / "
            f"the password is too short: at least {MIN_PASSWORD} characters"
        )
    if len(password) > MAX_PASSWORD:
        raise AccountError(
            f"lösenordet är för långt: högst {MAX_PASSWORD} tecken / "
            f"the password is too long: at most {MAX_PASSWORD} characters"
        )
    folded = password.strip().casefold()
    if folded in {name.casefold(), (display_name or name).strip().casefold()}:
        raise AccountError("lösenordet får inte vara användarnamnet / the password must not be the user name")


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"okänd roll / unknown role: {role!r} (" + ", ".join(ROLES) + ")")
    return role


class Accounts:
    """The accounts file. Reads are cached by the file's identity (inode, size, mtime); writes lock the file
    (a `.lock` beside it), re-read it, and replace it atomically."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._cache: tuple[tuple[int, int, int], dict[str, Account]] | None = None

    # ------------------------------------------------------------ reading

    def _read(self) -> dict[str, Account]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return {}
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        with self._lock:
            if self._cache is not None and self._cache[0] == key:
                return self._cache[1]
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            accounts = {name: Account(name=name, **fields) for name, fields in data.get("accounts", {}).items()}
        except (OSError, ValueError, TypeError) as err:
            raise AccountError(
                f"kontofilen {self.path} kan inte läsas / the accounts file cannot be read: {err}"
            ) from err
        with self._lock:
            self._cache = (key, accounts)
        return accounts

    def list(self) -> list[Account]:
        return sorted(self._read().values(), key=lambda a: a.name)

    def get(self, name: str) -> Account | None:
        return self._read().get(name)

    def verify(self, name: str, password: str) -> Account | None:
        """The account if the password is right, else None. Takes as long for unknown users (a dummy check)."""
        dummy = _dummy()  # made on the first call of all, so that it costs unknown users nothing extra later
        try:
            account = self.get(name) if isinstance(name, str) and NAME_PATTERN.fullmatch(name) else None
        except AccountError:
            account = None
        if not isinstance(password, str) or len(password) > MAX_PASSWORD:
            password = ""
        usable = account is not None and account.password_hash.startswith("scrypt:")
        stored = account.password_hash if usable else dummy
        matches = check_password_hash(stored, password)  # hmac.compare_digest inside
        return account if usable and matches and password else None

    # ------------------------------------------------------------ writing

    @contextlib.contextmanager
    def _editing(self) -> Iterator[dict[str, Account]]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            accounts = dict(self._read())
            yield accounts
            self._write(accounts)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _write(self, accounts: dict[str, Account]) -> None:
        data = {
            "version": FORMAT_VERSION,
            "accounts": {
                name: {k: v for k, v in asdict(account).items() if k != "name"}
                for name, account in sorted(accounts.items())
            },
        }
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                os.fchmod(handle.fileno(), 0o600)
                json.dump(data, handle, ensure_ascii=False, indent=2)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError):  # make the rename durable
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        with self._lock:
            self._cache = None

    def add(self, name: str, password: str, display_name: str | None = None, role: str = DEFAULT_ROLE) -> Account:
        check_name(name)
        display = check_display_name(display_name, name)
        check_role(role)
        check_password(password, name, display)
        with self._editing() as accounts:
            if name in accounts:
                raise AccountError(f"användaren finns redan / the user already exists: {name}")
            stamp = now()
            account = Account(name, display, role, hash_password(password), stamp, stamp, new_agent_id())
            accounts[name] = account
        return account

    def set_password(self, name: str, password: str) -> Account:
        with self._editing() as accounts:
            account = accounts.get(name)
            if account is None:
                raise AccountError(f"okänd användare / unknown user: {name}")
            check_password(password, name, account.display_name)
            account = replace(account, password_hash=hash_password(password), changed=now())
            accounts[name] = account
        return account

    def end_sessions(self, name: str) -> None:
        """End every session of the account that began until now (a logout ends them on every device: the session
        cookie is signed, not stored, so a copy of it must stop working too)."""
        with self._editing() as accounts:
            if name in accounts:
                accounts[name] = replace(accounts[name], sessions_after=time.time())

    def agent_of(self, name: str) -> str:
        """The account's opaque agent id (given one, and saved, if it was made before agent ids existed)."""
        account = self.get(name)
        if account is None:
            raise AccountError(f"okänd användare / unknown user: {name}")
        if account.agent:
            return account.agent
        with self._editing() as accounts:
            account = accounts[name]
            if not account.agent:
                account = accounts[name] = replace(account, agent=new_agent_id())
        return account.agent

    def by_agent(self, agent: str) -> Account | None:
        """The account behind an agent id of the graph, or None (a removed account)."""
        return next((a for a in self._read().values() if agent and a.agent == agent), None)

    def remove(self, name: str) -> None:
        with self._editing() as accounts:
            if name not in accounts:
                raise AccountError(f"okänd användare / unknown user: {name}")
            del accounts[name]
