"""The core team's whole job in a real browser (issue 5, "Done when"): a member logs in, selects a target, confirms
a link, adds one, undoes a change, and the public pages, SPARQL and the history show each result; a visitor in
another browser sees the results and no editing control. Against `kg serve` on a store of the module's own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import LiveServer, start_server, stop_server
from tests.editing import MEMBER, PASSWORD, accounts_file, copy_store

from .browser import ARTIFACTS, expect, launched_browser, open_page  # noqa: F401 (launched_browser: the `browser` fixture)

SPARQL_PREFIXES = (
    "PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
)


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("curation-browser")
    accounts_file(folder)
    running = start_server(copy_store(store_path, folder), folder, "--workers", "1")
    yield running
    stop_server(running)


def ask(server: LiveServer, query: str) -> bool:
    answer = requests.get(
        server.sparql,
        params={"query": SPARQL_PREFIXES + query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["boolean"]


def test_a_member_does_the_whole_job_in_the_browser(browser, server: LiveServer) -> None:
    context, visit = open_page(browser, server.url + "sdg/3.4")
    page = visit.page
    try:
        # log in from the target page and come back to it
        page.get_by_role("link", name="Logga in").click()
        page.get_by_label("Användarnamn").fill(MEMBER)
        page.get_by_label("Lösenord").fill(PASSWORD)
        page.get_by_role("button", name="Logga in").click()
        expect(page).to_have_url(re.compile(r"/sdg/3\.4$"))

        # select the target, with a reason and a focus area
        form = page.locator("#selection-form")
        form.get_by_label("Fokusområde").select_option(index=0)
        form.get_by_label("Skäl (obligatoriskt)").fill("Psykisk hälsa hos äldre är kärnan i Nära vård.")
        form.get_by_role("button", name="Spara").click()
        expect(page.locator(".flash")).to_contain_text("Delmålet är valt.")
        expect(page.locator("#selection-heading + p + p")).to_contain_text("valt")

        # confirm the proposed link from "Måltider och möten"
        page.get_by_role("link", name=re.compile(r"Ändra.*Måltider och möten")).first.click()
        expect(page).to_have_url(re.compile(r"/edit/link\?"))
        decide = page.locator("#link-decide")
        decide.get_by_role("radio", name=re.compile("Bekräfta")).check()
        decide.get_by_label("Skäl (obligatoriskt)").fill("Piloterna når ensamma äldre.")
        decide.get_by_role("button", name="Spara beslutet").click()
        expect(page).to_have_url(re.compile(r"/sdg/3\.4"))
        expect(page.locator(".flash")).to_be_visible()

        # add a link from an initiative's page, the target found by Swedish words
        page.goto(server.url + "id/initiative/salus-mea")
        add = page.locator("#link-new")
        add.get_by_label("Delmål: kod eller ord").fill("psykisk hälsa")
        add.locator("input[name=relevance][value=secondary]").check()
        add.locator("textarea[name=rationale]").fill("Trygghetslarmet minskar oro och ensamhet.")
        add.get_by_role("button", name="Lägg till kopplingen").click()
        expect(page.locator(".flash")).to_be_visible()
        expect(page.locator("section.targets")).to_contain_text("3.4")

        # the initiative page suggests targets with the words that matched; one click proposes a link
        page.goto(server.url + "id/initiative/maltider-och-moten")
        suggestions = page.locator("ol.suggestions")
        expect(suggestions.locator("li.suggestion").first).to_be_visible()
        expect(suggestions.locator("p.why").first).not_to_be_empty()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "curation-suggestions-sv.png"), full_page=True)
        first = suggestions.locator("li.suggestion").first
        code = re.search(r"\d+\.\w+", first.locator("p.target").inner_text()).group(0)
        first.locator("form.suggestion-add button").click()
        expect(page.locator(".flash")).to_be_visible()
        meals = "https://w3id.org/samhallskontraktet/id/initiative/maltider-och-moten"
        assert ask(
            server,
            f"ASK {{ ?l skk:initiative <{meals}> ; "
            f"skk:target <http://metadata.un.org/sdg/{code}> ; skk:linkStatus skk:proposed }}",
        )

        # the history on the target page shows the changes; undo the latest (the added link)
        page.goto(server.url + "sdg/3.4")
        history = page.locator("section.history")
        expect(history).to_contain_text("Piloterna når ensamma äldre.")
        expect(history).to_contain_text("Anna Andersson")
        history.get_by_role("link", name=re.compile("Ångra")).first.click()
        page.get_by_role("button", name="Ångra ändringen").click()
        expect(page.locator(".flash")).to_contain_text("Ändringen är ångrad.")
        visit.assert_offline_and_clean()
    finally:
        context.close()

    # SPARQL shows each result
    assert ask(
        server,
        "ASK { ?s a skk:TargetSelection ; skk:target <http://metadata.un.org/sdg/3.4> ; "
        "skk:reason 'Psykisk hälsa hos äldre är kärnan i Nära vård.'@sv }",
    )
    assert ask(
        server,
        "ASK { <https://w3id.org/samhallskontraktet/id/link/maltider-och-moten--3.4> skk:linkStatus skk:confirmed }",
    )
    assert not ask(server, "ASK { <https://w3id.org/samhallskontraktet/id/link/salus-mea--3.4> skk:target ?t }")
    assert ask(server, "ASK { ?d a skk:Decision ; prov:wasInformedBy ?undone }")

    # a visitor sees the results, the history without names, and no editing control
    context, visit = open_page(browser, server.url + "sdg/3.4")
    try:
        page = visit.page
        expect(page.locator("main")).to_contain_text("Psykisk hälsa hos äldre är kärnan i Nära vård.")
        expect(page.locator("section.history")).to_contain_text("en medlem i core team")
        expect(page.locator("section.history")).not_to_contain_text("Anna Andersson")
        assert page.locator("form.edit-form").count() == 0
        assert page.locator("a[href*='/edit/']").count() == 0
        visit.assert_offline_and_clean()
    finally:
        context.close()
