"""The Content-Security-Policy and the editor's fixed endpoint (issue 12) in a real browser (Chromium via Playwright).

Each page is opened with a listener for `securitypolicyviolation` events in place before any script of the page
runs; a page passes when the browser reported no violation and logged no "Content Security Policy" message while
its scripts did their work: the editor ran a query and showed the results, the network drew itself. Skipped when
/usr/bin/chromium or the playwright package is missing (see tests/browser.py).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest

from .browser import TIMEOUT_MS, expect, launched_browser  # noqa: F401 (launched_browser: the `browser` fixture)
from .conftest import LiveServer

# Registered before the page's own scripts: every violation the browser reports, as a short text.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
"""
QUERY = "SELECT ?n WHERE { VALUES ?n { 'kg-csp-probe' } }"


@dataclass
class Watched:
    page: object
    console: list[str] = field(default_factory=list)
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, URL, body

    def violations(self) -> list[str]:
        reported = self.page.evaluate("() => window.__violations")
        logged = [text for text in self.console if "Content Security Policy" in text]
        return reported + logged


@pytest.fixture
def watch(browser) -> Iterator:
    """Opens a URL in a fresh context with the violation listener installed; the contexts are closed after."""
    contexts = []

    def open_(url: str) -> Watched:
        context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(WATCH)
        contexts.append(context)
        page = context.new_page()
        seen = Watched(page)
        page.on("console", lambda message: seen.console.append(message.text))
        page.on("request", lambda request: seen.requests.append((request.method, request.url, request.post_data or "")))
        page.goto(url)
        return seen

    yield open_
    for context in contexts:
        context.close()


def run_in_editor(seen: Watched, query: str) -> None:
    page = seen.page
    expect(page.locator("#kg-yasgui.kg-ready .tabPanel.active .CodeMirror")).to_be_visible()
    page.evaluate("text => kgYasgui.getTab().getYasqe().setValue(text)", query)
    page.locator(".tabPanel.active .yasqe_queryButton").click()
    table = page.locator(".tabPanel.active .yasr table.dataTable")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("kg-csp-probe")


def test_the_editor_runs_a_query_without_violations(watch, live_server: LiveServer) -> None:
    seen = watch(live_server.sparql)
    run_in_editor(seen, QUERY)
    seen.page.locator(".tabPanel.active .yasr .select_response").click()  # the raw answer, YASR's other view
    expect(seen.page.locator(".tabPanel.active .yasr .CodeMirror")).to_contain_text("kg-csp-probe")
    assert seen.violations() == []


def test_the_network_draws_without_violations(watch, live_server: LiveServer) -> None:
    seen = watch(live_server.url + "network")
    expect(seen.page.locator("#network[data-state=ready]")).to_be_attached()
    seen.page.locator("#network canvas").hover()  # vis-network's tooltip and navigation styles
    seen.page.wait_for_timeout(300)
    assert seen.violations() == []


@pytest.mark.parametrize(
    "path", ["analysis/", "analysis/partners", "analysis/goals", "sdg/3", "", "report", "id/initiative/finns-inte"]
)
def test_pages_without_violations(watch, live_server: LiveServer, path: str) -> None:
    seen = watch(live_server.url + path)
    seen.page.wait_for_load_state("load")
    expect(seen.page.locator("h1").first).to_be_visible()
    assert seen.violations() == []


@pytest.fixture
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A TCP socket listening on a free loopback port: an address a link might name as the editor's endpoint. The
    kernel completes a connection to it even though nothing accepts, so `accept` afterwards shows any attempt."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/evil", sock


def nothing_reached(sock: socket.socket) -> bool:
    try:
        connection, _ = sock.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def test_a_link_cannot_send_the_editors_query_elsewhere(watch, live_server: LiveServer, listener) -> None:
    """`#query=…&endpoint=…` (YASGUI's share link): the query is loaded and run, against this server only."""
    evil, sock = listener
    hash_ = "#" + "&".join(
        f"{name}={quote(value, safe='')}"
        for name, value in [
            ("query", QUERY),
            ("endpoint", evil),
            ("requestMethod", "GET"),
            ("headers", '{"X-Evil": "1"}'),
            ("tabTitle", "Länk / Link"),
        ]
    )
    seen = watch(live_server.sparql + hash_)
    page = seen.page
    expect(page.locator("#kg-yasgui.kg-ready .CodeMirror")).to_be_visible()
    # run on load, as YASGUI does with a shared link, and answered by this server
    expect(page.locator(".tabPanel.active .yasr table.dataTable")).to_contain_text("kg-csp-probe")
    assert page.evaluate("() => kgYasgui.getTab().getEndpoint()") == live_server.sparql
    field = page.locator(".tabPanel.active .controlbar input.autocomplete")
    assert field.input_value() == live_server.sparql
    expect(field).not_to_be_editable()
    # neither a new tab nor a tab told to use another endpoint (as the endpoint field would) asks elsewhere
    page.locator(".addTab").click()
    assert page.evaluate("() => kgYasgui.getTab().getEndpoint()") == live_server.sparql
    page.evaluate("url => { kgYasgui.getTab().setEndpoint(url); }", evil)
    run_in_editor(seen, QUERY)
    own = urlsplit(live_server.sparql)
    sent = [(method, body) for method, url, body in seen.requests if "kg-csp-probe" in url + body]
    assert len(sent) == 2  # the link's run and the new tab's
    assert all(method == "POST" for method, _ in sent)
    assert all(urlsplit(url)[:3] == own[:3] for _, url, body in seen.requests if "kg-csp-probe" in url + body)
    assert nothing_reached(sock), "the editor connected to the address in the link"
    # nothing of the link was stored for the next visit
    stored = page.evaluate("() => JSON.stringify(Object.entries(localStorage))")
    assert evil not in stored and "X-Evil" not in stored
    assert seen.violations() == []
