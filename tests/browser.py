"""What the real-browser tests share: Debian's Chromium driven by Playwright, and a record of what a page did.

Importing this module skips the importing test module when /usr/bin/chromium (scripts/install-browser.sh installs
it) or the playwright package is missing. A test module gets the module-scoped `browser` fixture by importing
`launched_browser`. Every request a page makes is recorded: all must go to the live server on the loopback
address (no CDN), none may fail, and nothing may be logged as an error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: where full-page screenshots (and printed PDFs) of the browser tests are kept for people to look at
ARTIFACTS = Path(
    os.environ.get("KG_TEST_ARTIFACTS") or Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
)
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(
        f"{CHROMIUM} saknas / is missing: run scripts/install-browser.sh to install Debian's chromium",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Python-paketet playwright saknas / the playwright package is missing"
)
TIMEOUT_MS = 20_000
expect = sync_api.expect
expect.set_options(timeout=TIMEOUT_MS)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
NOT_FOUND_LOG = "Failed to load resource: the server responded with a status of 404"  # Chromium's console line


@dataclass
class Visit:
    """A page and what happened while it was open."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    response: object = None  # the answer to the first navigation

    def assert_offline_and_clean(self, *, not_found: str | None = None) -> None:
        """Only the live server was asked, nothing failed, nothing was logged as an error.

        `not_found`: the URL of a page that is meant to answer 404 (its own 404 is then not a failure)."""
        outside = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "ws", "wss"):
                if parts.hostname not in LOCAL_HOSTS:
                    outside.append(url)
            elif parts.scheme not in ("data", "blob"):
                outside.append(url)
        failures, errors = self.failures, self.console_errors
        if not_found:
            failures = [item for item in failures if item != f"{not_found}: HTTP 404"]
            logged = f"({not_found})"
            errors = [item for item in errors if not (item.startswith(NOT_FOUND_LOG) and item.endswith(logged))]
        assert not outside, f"requests outside this machine: {outside}"
        assert not failures, f"failed requests: {failures}"
        assert not errors, f"console errors: {errors}"


@pytest.fixture(scope="module", name="browser")
def launched_browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def open_page(
    browser,
    url: str,
    *,
    javascript: bool = True,
    viewport: tuple[int, int] = (1400, 1000),
    visit_type: type[Visit] = Visit,
) -> tuple[object, Visit]:
    """A fresh browser context on `url`, with every request, failure and console error recorded."""
    width, height = viewport
    context = browser.new_context(
        locale="sv-SE",
        viewport={"width": width, "height": height},
        accept_downloads=True,
        java_script_enabled=javascript,
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    seen = visit_type(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("requestfailed", lambda request: seen.failures.append(f"{request.url}: {request.failure}"))
    page.on(
        "response",
        lambda response: response.status >= 400 and seen.failures.append(f"{response.url}: HTTP {response.status}"),
    )
    page.on(
        "console",
        lambda message: (
            message.type == "error" and seen.console_errors.append(f"{message.text} ({message.location.get('url')})")
        ),
    )
    page.on("pageerror", lambda error: seen.console_errors.append(f"uncaught: {error}"))
    seen.response = page.goto(url)
    return context, seen


@pytest.fixture(scope="module", name="artifacts")
def screenshot_folder() -> Path:
    """The `artifacts` fixture: the screenshot folder (made if missing). A module gets it by importing this."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(name="open_live")
def live_opener(browser, live_server) -> Iterator[Callable[..., Visit]]:
    """The `open_live` fixture: opens a path of the session's live server in a fresh browser context, closed after
    the test (options as for `open_page`). A module gets it by importing this."""
    contexts = []

    def open_(path: str, **options) -> Visit:
        context, visit = open_page(browser, live_server.url.rstrip("/") + path, **options)
        contexts.append(context)
        return visit

    yield open_
    for context in contexts:
        context.close()
