"""Logging in and out, the signed-in user (`g.user`, `current_user()`), `login_required`, and the rate limit.

The session is Flask's signed cookie (`kg_session`: HttpOnly, SameSite=Lax, Secure when SESSION_COOKIE_SECURE).
It holds the user name, the time of login and a fingerprint of the account (an HMAC of the password hash and role
under the secret key): changing the password, the role or removing the account ends every session of it, and a
login ends after PERMANENT_SESSION_LIFETIME however active it is. Logging in clears the session first (a fresh
CSRF token), so nothing from before the login survives it.

Failed logins are counted in memory, in a sliding window of LOGIN_WINDOW seconds, under three keys at once, each
with its own limit; when one is reached, further attempts get 429 with Retry-After, whatever the password (so the
answer tells an attacker nothing):
- a user name from one client address (LOGIN_MAX_FAILURES, 5): someone guessing one member's password from one
  place, who cannot by doing so keep the member out when the member logs in from elsewhere;
- a client address, across user names (LOGIN_MAX_FAILURES_PER_ADDRESS, 20): one place guessing many accounts;
- a user name, from every address together (LOGIN_MAX_FAILURES_PER_ACCOUNT, 100): a guess spread over many
  addresses stays slow. Only such an attack, from at least 20 addresses, can keep a member out for a while.
A success clears the count of that user name from that address, but neither the address's count (one known
account cannot be used to reset it while guessing others) nor the user name's count over all addresses.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, g, redirect, render_template, request, session, url_for

from kg.accounts import DEFAULT_ROLE, Account, AccountError, Accounts
from kg.texts import TEXTS
from webapp.errors import wants_html
from webapp.i18n import t
from webapp.paths import current_path

bp = Blueprint("auth", __name__)

USER_KEY = "user"
FINGERPRINT_KEY = "auth"
LOGIN_AT_KEY = "login_at"
MAX_KEYS = 10_000  # counters kept in memory at most (expired ones are dropped first)
#: failed logins within LOGIN_WINDOW before 429, per kind of key: a user name from one address ("pair"), an address
#: across user names ("ip"), a user name from all addresses together ("user"); the settings that change them
LOGIN_LIMITS = {"pair": 5, "ip": 20, "user": 100}
LIMIT_SETTINGS = {
    "pair": "LOGIN_MAX_FAILURES",
    "ip": "LOGIN_MAX_FAILURES_PER_ADDRESS",
    "user": "LOGIN_MAX_FAILURES_PER_ACCOUNT",
}
Key = tuple[str, ...]  # ("pair", address, name), ("ip", address) or ("user", name)
PRUNE_ORDER = ("pair", "user")  # the counters dropped first when MAX_KEYS is reached (an address's are kept)


# ---------------------------------------------------------------- the rate limit


class LoginLimiter:
    """Failed attempts per key (("pair", address, name), ("ip", address) or ("user", name)) in a sliding window,
    with a limit per kind of key (the key's first element: `limits`); thread-safe.

    `attempt(keys)` atomically refuses (returning the seconds to wait) or counts the attempt as a failure in
    advance, so that parallel requests cannot all pass the check; `succeeded` takes that count back."""

    def __init__(self, limits: Mapping[str, int], window: float, clock: Callable[[], float] = time.monotonic):
        self.limits = {kind: int(limit) for kind, limit in limits.items()}
        self.window = float(window)
        self.clock = clock
        self._failures: dict[Key, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: Key, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def _wait(self, key: Key, times: deque[float], now: float) -> int:
        limit = self.limits[key[0]]
        if len(times) < limit:
            return 0
        frees_at = times[len(times) - limit] + self.window
        return max(1, math.ceil(frees_at - now))

    def attempt(self, keys: Iterable[Key]) -> tuple[int, float]:
        """(seconds to wait, 0) when refused; else (0, the time the attempt was counted at)."""
        keys = list(keys)
        with self._lock:
            now = self.clock()
            wait = max((self._wait(key, self._recent(key, now), now) for key in keys), default=0)
            if wait:
                return wait, 0.0
            self._prune(now)
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)
            return 0, now

    def succeeded(self, keys: Iterable[Key], stamp: float, clear: Iterable[Key] = ()) -> None:
        """The attempt counted at `stamp` was not a failure; the counts of the `clear` keys start over."""
        with self._lock:
            for key in keys:
                times = self._failures.get(key)
                if times is not None and stamp in times:
                    times.remove(stamp)
            for key in clear:
                self._failures.pop(key, None)

    def _prune(self, now: float) -> None:
        if len(self._failures) < MAX_KEYS:
            return
        for key in list(self._failures):
            self._recent(key, now)
        for kind in PRUNE_ORDER:
            for key in [k for k in self._failures if k[0] == kind]:
                if len(self._failures) < MAX_KEYS:
                    return
                del self._failures[key]

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


# ---------------------------------------------------------------- the signed-in user


def accounts() -> Accounts:
    return current_app.extensions["accounts"]


def limiter() -> LoginLimiter:
    return current_app.extensions["login_limiter"]


def fingerprint(account: Account) -> str:
    key = str(current_app.secret_key).encode("utf-8")
    message = "\0".join((account.name, account.role, account.password_hash)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def lifetime() -> float:
    return current_app.permanent_session_lifetime.total_seconds()


def session_account() -> Account | None:
    """The account of this request's session, if the session is valid."""
    if current_app.config["SESSION_COOKIE_NAME"] not in request.cookies:
        return None  # do not touch the session: responses without one stay cacheable (no Vary: Cookie)
    name = session.get(USER_KEY)
    if not isinstance(name, str):
        return None
    try:
        account = accounts().get(name)
    except AccountError as err:
        current_app.logger.error("%s", err)
        account = None
    login_at = session.get(LOGIN_AT_KEY)
    valid = (
        account is not None
        and isinstance(login_at, int | float)
        and -60 <= time.time() - login_at <= lifetime()
        and login_at > account.sessions_after
        and hmac.compare_digest(str(session.get(FINGERPRINT_KEY, "")), fingerprint(account))
    )
    if not valid:
        for key in (USER_KEY, FINGERPRINT_KEY, LOGIN_AT_KEY):
            session.pop(key, None)
        return None
    return account


def current_user() -> Account | None:
    return g.get("user")


def allowed(role: str) -> bool:
    user = current_user()
    return user is not None and user.role == role


def refused_by_login(view: Callable[..., Any] | None) -> bool:
    """True when `view` needs a login that this request does not have (it will answer 401/403)."""
    role = getattr(view, "login_role", None)
    return role is not None and not allowed(role)


def login_required(view: Callable[..., Any] | None = None, *, role: str = DEFAULT_ROLE):
    """Only signed-in users with `role` reach the view: visitors get 401 (HTML: the login form), other roles 403.
    The refusal comes before the view runs, so nothing is changed. Use as `@login_required` or
    `@login_required(role=...)`."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return refuse_visitor()
            if user.role != role:
                abort(403, description=t("auth.forbidden"))
            return func(*args, **kwargs)

        wrapper.login_role = role  # type: ignore[attr-defined]
        return wrapper

    return decorate(view) if view is not None else decorate


def refuse_visitor():
    if wants_html():
        if request.method == "GET":
            query = request.query_string.decode("latin-1")  # request.path is decoded: current_path encodes it
            back = current_path() + ("?" + query if query else "")
        else:  # back to the page the form was on, when it was on this site
            ref = urlsplit(request.referrer or "")
            back = ref.path + ("?" + ref.query if ref.query else "") if ref.netloc == request.host else None
        return login_page(notice=t("auth.required"), next_url=safe_next(back), status=401)
    plain = TEXTS["auth.required.plain"]
    text = f"401 {plain['sv']} / {plain['en']}\n"
    return text, 401, {"Content-Type": "text/plain; charset=utf-8"}


# ---------------------------------------------------------------- the pages


def safe_next(target: str | None) -> str | None:
    """A path on this site to return to after logging in, or None (never another site)."""
    if not target or len(target) > 2000 or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def login_page(
    *,
    status: int = 200,
    error: str | None = None,
    notice: str | None = None,
    next_url: str | None = None,
    username: str = "",
    headers: dict[str, str] | None = None,
):
    html = render_template("auth-login.html", error=error, notice=notice, next=next_url or "", username=username)
    return html, status, headers or {}


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = safe_next(request.values.get("next"))
    if request.method == "GET":
        return login_page(next_url=next_url)
    name = (request.form.get("username") or "").strip().lower()[:100]
    password = request.form.get("password") or ""
    if not name or not password:
        return login_page(status=400, error=t("auth.missing"), next_url=next_url, username=name)
    address = request.remote_addr or "-"
    keys = [("pair", address, name), ("ip", address), ("user", name)]
    wait, stamp = limiter().attempt(keys)
    if wait:
        current_app.logger.warning("login rate limit: %s, user %r, %d s", request.remote_addr, name, wait)
        return login_page(
            status=429,
            error=t("auth.too_many", minutes=math.ceil(wait / 60)),
            next_url=next_url,
            username=name,
            headers={"Retry-After": str(wait)},
        )
    account = accounts().verify(name, password)
    if account is None:
        current_app.logger.info("failed login: %s, user %r", request.remote_addr, name)
        return login_page(status=401, error=t("auth.failed"), next_url=next_url, username=name)
    limiter().succeeded(keys, stamp, clear=[("pair", address, name)])
    session.clear()  # a new session: nothing from before the login (nor its CSRF token) survives
    session.permanent = True
    session[USER_KEY] = account.name
    session[FINGERPRINT_KEY] = fingerprint(account)
    session[LOGIN_AT_KEY] = time.time()
    g.user = account
    current_app.logger.info("login: %s from %s", account.name, request.remote_addr)
    return redirect(next_url or url_for("pages.home"), 303)


@bp.route("/logout", methods=["POST"])
def logout():
    user = current_user()
    if user is not None:
        try:
            accounts().end_sessions(user.name)
        except AccountError as err:
            current_app.logger.error("%s", err)
    session.clear()
    g.user = None
    return redirect(url_for("pages.home"), 303)


# ---------------------------------------------------------------- wiring


def login_limits(app: Flask) -> dict[str, int]:
    """The limit of each kind of key: its setting (LIMIT_SETTINGS) when the app has it, else LOGIN_LIMITS."""
    return {kind: int(app.config.get(LIMIT_SETTINGS[kind], default)) for kind, default in LOGIN_LIMITS.items()}


def init_app(app: Flask) -> None:
    app.extensions["accounts"] = Accounts(app.config["ACCOUNTS_FILE"])
    app.extensions["login_limiter"] = LoginLimiter(login_limits(app), app.config["LOGIN_WINDOW"])

    @app.before_request
    def load_user() -> None:
        g.user = session_account()

    @app.after_request
    def private_when_signed_in(response):
        if request.endpoint != "static" and (g.get("user") is not None or request.blueprint == "auth"):
            response.headers["Cache-Control"] = "private, no-store"
        return response

    app.jinja_env.globals.update(current_user=current_user)
