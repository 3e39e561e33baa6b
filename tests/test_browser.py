"""The SPARQL editor (/sparql) in a real browser: Playwright drives Debian's Chromium against `kg serve`.

Skipped when /usr/bin/chromium (scripts/install-browser.sh installs it) or the playwright package is missing.
Every request the page makes is recorded: all must go to the live server on the loopback address (no CDN).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kg.queries import get_query

from . import browser as shared
from .browser import LOCAL_HOSTS, expect, launched_browser  # noqa: F401 (launched_browser: the `browser` fixture)
from .conftest import LiveServer

GOAL_3_SV = "Hälsa och välbefinnande"


class Visit(shared.Visit):
    """A page of the editor and what happened while it was open."""

    def editor_value(self) -> str:
        return self.page.evaluate("() => window.kgYasgui.getTab().getYasqe().getValue()")


def open_editor(browser, url: str, *, javascript: bool = True) -> tuple[object, Visit]:
    """A fresh browser context on the editor page, with every request, failure and console error recorded."""
    return shared.open_page(browser, url, javascript=javascript, visit_type=Visit)


@pytest.fixture
def visit(browser, live_server: LiveServer) -> Iterator[Visit]:
    context, seen = open_editor(browser, live_server.sparql)
    expect(seen.page.locator("#kg-yasgui.kg-ready .CodeMirror")).to_be_visible()
    yield seen
    context.close()


def results_table(visit: Visit, count: int):
    """Wait for YASR to answer, then for its table to have `count` rows; say what it showed if it did not."""
    page = visit.page
    answered = page.locator(".yasr .yasr_response_chip, .yasr .errorResult").first
    expect(answered).to_be_visible()
    table = page.locator(".yasr table.dataTable")
    try:
        expect(table.locator("tbody tr")).to_have_count(count)
    except AssertionError as err:
        shown = page.locator(".yasr").inner_text()[:2000]
        raise AssertionError(f"{err}\nYASR showed: {shown}\nfailures: {visit.failures}") from None
    return table


def test_the_editor_loads_from_this_server_only(visit: Visit, live_server: LiveServer, tmp_path: Path) -> None:
    page = visit.page
    expect(page.get_by_role("heading", level=1)).to_contain_text("SPARQL-frågor")
    assert page.locator("#kg-endpoint").inner_text() == live_server.sparql
    # The editor starts with every project prefix and a runnable example.
    value = visit.editor_value()
    assert "PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#>" in value
    assert "PREFIX sdgo: <http://metadata.un.org/sdg/ontology#>" in value
    assert "?goal a sdgo:Goal" in value
    # YASGUI came from the app's static files and asks the app's endpoint.
    assert any(urlsplit(url).path.endswith("/static/vendor/yasgui/yasgui.min.js") for url in visit.requests)
    assert page.evaluate("() => window.kgYasgui.getTab().getEndpoint()") == live_server.sparql
    # The menu of named queries is enabled once the script has run, one button per query, labelled sv / en.
    buttons = page.locator(".kg-named-load")
    expect(buttons.first).to_be_enabled()
    assert buttons.count() >= 5
    expect(page.locator('.kg-named-load[data-query="initiatives-per-goal"]')).to_contain_text(
        "Initiativ per mål / Initiatives per goal"
    )
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(tmp_path / "editor.png"), full_page=True)
    visit.assert_offline_and_clean()


SET_EDITOR = """text => {
  const yasqe = kgYasgui.getTab().getYasqe();
  yasqe.setValue(text);
  yasqe.focus();
  yasqe.setCursor(yasqe.lineCount(), 0);
}"""
# Resolves after the tasks queued so far have run; CDP reports any request they started before this answer.
FLUSH = "() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))"


def test_autocompletion_stays_on_this_machine(visit: Visit) -> None:
    """Prefixes come from YASQE's bundled list (not prefix.cc); classes and properties are not looked up (LOV)."""
    page = visit.page
    active = page.evaluate("() => Object.keys(kgYasgui.getTab().getYasqe().autocompleters).sort()")
    assert active == ["prefixes", "variables"]
    page.evaluate(SET_EDITOR, "PREFIX fo")
    page.keyboard.press("Control+Space")
    expect(page.locator(".CodeMirror-hints")).to_contain_text("foaf: <http://xmlns.com/foaf/0.1/>")
    page.keyboard.press("Escape")
    skos = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT * WHERE { ?s "
    for text in (skos + "a skos:Con", skos + "skos:pref"):  # a class, then a property
        page.evaluate(SET_EDITOR, text)
        page.keyboard.press("Control+Space")
        page.keyboard.type("c")
        page.evaluate(FLUSH)
    visit.assert_offline_and_clean()


def test_a_named_query_is_loaded_run_and_downloadable(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    button = page.locator('.kg-named-load[data-query="initiatives-per-goal"]')
    expect(button).to_contain_text("Initiativ per mål")
    # Keyboard: focus the menu entry and press Enter.
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-current", "true")
    expect(page.locator("#kg-editor-status")).to_contain_text("Initiativ per mål")
    value = visit.editor_value()
    text = get_query("initiatives-per-goal").text
    body = text[text.index("SELECT") :].strip()
    assert body in value
    assert "# title@sv: Initiativ per mål" in value
    assert "PREFIX sdgo: <http://metadata.un.org/sdg/ontology#>" in value  # the prefixes it uses are declared
    # Run it with YASGUI's own button.
    page.locator(".yasqe_queryButton").click()
    expect(results_table(visit, 17)).to_contain_text(GOAL_3_SV)
    # Download the results through YASGUI's download control.
    download_button = page.locator(".yasr_downloadIcon")
    expect(download_button).to_be_visible()
    expect(download_button).not_to_have_class(re.compile(r"\bdisabled\b"))
    with page.expect_download() as info:
        download_button.click()
    path = tmp_path / (info.value.suggested_filename or "results.csv")
    info.value.save_as(path)
    content = path.read_text(encoding="utf-8")
    assert GOAL_3_SV in content
    assert len(content.strip().splitlines()) == 18  # a header and 17 goals
    page.screenshot(path=str(tmp_path / "initiatives-per-goal.png"), full_page=True)
    visit.assert_offline_and_clean()


def test_the_example_query_runs_with_ctrl_enter(visit: Visit) -> None:
    page = visit.page
    page.locator("#kg-yasgui .CodeMirror").click()
    page.keyboard.press("Control+Enter")
    expect(results_table(visit, 17)).to_contain_text(GOAL_3_SV)
    visit.assert_offline_and_clean()


def test_without_javascript_a_plain_form_remains(browser, live_server: LiveServer) -> None:
    context, visit = open_editor(browser, live_server.sparql, javascript=False)
    try:
        page = visit.page
        form = page.locator(f'form[method="get"][action="{live_server.sparql}"]')
        expect(form).to_be_visible()
        textarea = form.locator('textarea[name="query"]')
        expect(textarea).to_be_visible()
        value = textarea.input_value()
        assert "PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#>" in value and "sdgo:Goal" in value
        expect(page.get_by_label("Fråga / Query")).to_be_visible()
        # The named queries are still listed, with their text to copy.
        expect(page.locator(".kg-named-list")).to_contain_text("Initiativ per mål")
        expect(page.locator(".kg-named-list details").first).to_be_attached()
        assert not page.locator("#kg-yasgui .CodeMirror").count()
        with page.expect_response(lambda response: "query=" in response.url) as answer:
            form.get_by_role("button", name="Kör / Run").click()
        assert answer.value.status == 200  # the results, as the endpoint negotiates them for a browser
        assert answer.value.headers["content-type"].startswith("application/sparql-results")
        assert all(urlsplit(url).hostname in LOCAL_HOSTS for url in visit.requests)
        assert not visit.console_errors
    finally:
        context.close()
