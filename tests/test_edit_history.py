"""The history of changes on the pages and undoing a change (issue 5, item 4): who, when, what and why on the target
and initiative pages; visitors never see a user name nor an undo control; undo restores the previous state, is
itself in the history, and is refused (409, nothing changed) when something changed since."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from kg.curation import CurationStore
from kg.curation.history import history
from kg.namespaces import ID, SDG, SKK
from tests.editing import DISPLAY, MEMBER, OTHER, agent, form_error, log_in, post, token

LINK = ID + "link/stodet--3.8"
INITIATIVE = ID + "initiative/stodet"
AREA = ID + "focus-area/nara-vard"


def curation(app: Flask) -> CurationStore:
    return app.extensions["kg"].curation


def section(html: str) -> str:
    """The history section of a page ('' when there is none)."""
    found = re.search(r'<section class="history".*?</section>', html, re.S)
    return found.group(0) if found else ""


def entries(html: str) -> list[str]:
    """The rows of the history section as text (tags removed, spaces collapsed)."""
    rows = re.findall(r'<tr class="history-entry">.*?</tr>', section(html), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()).replace(" :", ":") for row in rows]


def status(app: Flask) -> str:
    return curation(app).state(LINK).value(SKK + "linkStatus").value.removeprefix(SKK)


def sparql(app: Flask, query: str) -> dict:
    prefixes = "PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
    answer = app.test_client().get(
        "/sparql", query_string={"query": prefixes + query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return answer.get_json()


def test_the_history_shows_who_when_what_and_why_on_target_and_initiative_pages(edit_app: Flask) -> None:
    cur = curation(edit_app)
    cur.select_target("3.8", "Vård för alla är kärnan.", AREA, agent(edit_app))
    cur.set_link_status(LINK, "confirmed", agent(edit_app, OTHER), "Stödet arbetar med detta.", None)
    cur.edit_link(LINK, "primary", "Ny motivering.", agent(edit_app), None, "Tydligare.")
    visitor = edit_app.test_client()
    page = visitor.get("/sdg/3.8").get_data(as_text=True)
    assert "Historik" in section(page)
    rows = entries(page)
    assert len(rows) == 3  # newest first
    assert "Koppling ändrad" in rows[0] and "relevans: sekundär → primär" in rows[0] and "Tydligare." in rows[0]
    assert "Stödet" in rows[0] and "Ny motivering." in rows[0]
    assert "Koppling bekräftad" in rows[1] and "status: föreslagen → bekräftad" in rows[1]
    assert "Stödet arbetar med detta." in rows[1]
    assert "Delmålet valdes" in rows[2] and "Vård för alla är kärnan." in rows[2] and "Nära vård" in rows[2]
    assert (
        len(re.findall(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d UTC</time>', section(page)))
        == 3
    )
    initiative = section(visitor.get("/id/initiative/stodet").get_data(as_text=True))
    assert initiative.count('class="history-entry"') == 2  # the links, not the selection
    assert "Koppling bekräftad" in initiative and "delmål 3.8" in initiative
    assert section(visitor.get("/sdg/3.4").get_data(as_text=True)) == ""  # no changes there


def test_visitors_see_a_member_of_the_core_team_and_no_undo_members_see_display_names(
    edit_app: Flask, member: FlaskClient
) -> None:
    cur = curation(edit_app)
    cur.set_link_status(LINK, "confirmed", agent(edit_app, OTHER), "Bekräftad.", None)
    cur.set_link_status(LINK, "rejected", agent(edit_app), "Avvisad ändå.", None)
    for lang, words in (("sv", "en medlem i core team"), ("en", "a member of the core team")):
        page = edit_app.test_client().get(f"/sdg/3.8?lang={lang}").get_data(as_text=True)
        shown = section(page)
        assert shown.count(words) == 2
        for secret in (DISPLAY, "Bertil Berg", "agent/", ">anna<", ">bertil<"):
            assert secret not in page
        assert "/edit/" not in page and "Ångra" not in page and "Undo" not in page
    shown = section(member.get("/sdg/3.8?lang=sv").get_data(as_text=True))
    rows = re.findall(r'<tr class="history-entry">.*?</tr>', shown, re.S)
    assert DISPLAY in rows[0] and "Bertil Berg" in rows[1] and "en medlem i core team" not in shown
    assert "/edit/undo?decision=" in rows[0] and "/edit/undo" not in rows[1]  # only the latest change of a thing


def test_undo_in_the_browser_restores_the_previous_state_and_is_in_the_history(
    edit_app: Flask, member: FlaskClient
) -> None:
    change = curation(edit_app).set_link_status(LINK, "confirmed", agent(edit_app), "Bekräftad.", None)
    page = member.get("/sdg/3.8").get_data(as_text=True)
    link = re.search(r'href="(/edit/undo\?decision=[^"]+)"', section(page)).group(1).replace("&amp;", "&")
    form = member.get(link)
    html = form.get_data(as_text=True)
    assert form.status_code == 200 and 'id="undo-form"' in html and 'name="csrf_token"' in html
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" :", ":")
    assert "Koppling bekräftad" in text and "status: föreslagen" in text  # what undoing restores
    assert 'name="next" value="/sdg/3.8"' in html
    done = post(member, "/edit/undo", decision=change.decision, reason="Förhastat.", next="/sdg/3.8")
    assert done.status_code == 303 and done.headers["Location"] == "/sdg/3.8"
    assert status(edit_app) == "proposed"
    after = member.get("/sdg/3.8").get_data(as_text=True)
    assert "Ändringen är ångrad." in after
    public = edit_app.test_client().get("/sdg/3.8").get_data(as_text=True)
    assert re.search(r"Stödet</a></th>.*?status-proposed", public, re.S)
    first = entries(public)[0]
    assert "Ångrade en tidigare ändring:" in first and "Förhastat." in first
    assert "status: bekräftad → föreslagen" in first
    asked = sparql(
        edit_app,
        f"ASK {{ ?undo a skk:Decision ; prov:wasInformedBy <{change.decision}> ; skk:reason 'Förhastat.'@sv }}",
    )
    assert asked["boolean"] is True


def test_undo_without_a_reason_and_of_an_added_link(edit_app: Flask, member: FlaskClient) -> None:
    added = curation(edit_app).add_link(INITIATIVE, "3.4", "secondary", "Motivering.", agent(edit_app), "Ny.")
    html = member.get("/edit/undo", query_string={"decision": added.decision}).get_data(as_text=True)
    assert "Kopplingen tas bort." in html
    done = post(member, "/edit/undo", decision=added.decision, reason="")
    assert done.status_code == 303 and done.headers["Location"] == "/id/initiative/stodet"
    assert not curation(edit_app).state(added.iri).active
    shown = entries(edit_app.test_client().get("/id/initiative/stodet").get_data(as_text=True))[0]
    assert "Koppling borttagen" in shown and "Ångrar ett beslut." in shown
    removed = entries(edit_app.test_client().get("/sdg/3.4").get_data(as_text=True))  # the target's page too
    assert len(removed) == 2 and "Koppling borttagen" in removed[0] and "Koppling tillagd" in removed[1]


def test_undo_of_a_change_that_is_no_longer_the_latest_is_a_conflict_and_changes_nothing(
    edit_app: Flask, member: FlaskClient
) -> None:
    first = curation(edit_app).set_link_status(LINK, "confirmed", agent(edit_app), "Bekräftad.", None)
    curation(edit_app).set_link_status(LINK, "rejected", agent(edit_app, OTHER), "Avvisad.", None)
    store = edit_app.extensions["kg"].store
    before, version = len(store), curation(edit_app).state(LINK).version
    shown = member.get("/edit/undo", query_string={"decision": first.decision})
    assert shown.status_code == 409 and 'id="undo-form"' not in shown.get_data(as_text=True)
    refused = post(member, "/edit/undo", decision=first.decision, reason="Tillbaka.")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert form_error(html).startswith("Något har ändrats efter den här ändringen")
    assert len(store) == before and curation(edit_app).state(LINK).version == version
    assert status(edit_app) == "rejected"


def test_an_unknown_decision_is_refused(edit_app: Flask, member: FlaskClient) -> None:
    store = edit_app.extensions["kg"].store
    before = len(store)
    for decision in (ID + "decision/0000", "not an IRI", LINK, ""):
        response = post(member, "/edit/undo", decision=decision)
        assert response.status_code == 400, decision
        assert form_error(response.get_data(as_text=True)), decision
    assert member.get("/edit/undo", query_string={"decision": ID + "decision/0000"}).status_code == 404
    assert member.get("/edit/undo").status_code == 400
    assert len(store) == before


def test_visitors_cannot_undo(edit_app: Flask) -> None:
    change = curation(edit_app).set_link_status(LINK, "confirmed", agent(edit_app), "Bekräftad.", None)
    visitor = edit_app.test_client()
    assert visitor.get("/edit/undo", query_string={"decision": change.decision}).status_code == 401
    refused = visitor.post("/edit/undo", data={"csrf_token": token(visitor), "decision": change.decision})
    assert refused.status_code == 401 and status(edit_app) == "confirmed"


def test_sparql_finds_the_history_but_nothing_of_the_accounts(edit_app: Flask, member: FlaskClient) -> None:
    cur = curation(edit_app)
    cur.select_target("3.8", "Valt.", AREA, agent(edit_app))
    change = cur.set_link_status(LINK, "confirmed", agent(edit_app, OTHER), "Bekräftad.", None)
    post(member, "/edit/undo", decision=change.decision)
    count = sparql(edit_app, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a skk:Decision }")
    assert count["results"]["bindings"][0]["n"]["value"] == "3"
    agents = sparql(edit_app, "SELECT DISTINCT ?a WHERE { ?d a skk:Decision ; prov:wasAssociatedWith ?a }")
    assert {b["a"]["value"] for b in agents["results"]["bindings"]} == {agent(edit_app), agent(edit_app, OTHER)}
    assert not any(name in b["a"]["value"] for b in agents["results"]["bindings"] for name in (MEMBER, OTHER))
    accounts = edit_app.extensions["accounts"]
    for secret in (DISPLAY, "Bertil Berg", accounts.get(MEMBER).password_hash, accounts.get(OTHER).password_hash):
        found = sparql(
            edit_app,
            "SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), ?secret)) } LIMIT 1".replace(
                "?secret", '"' + secret.replace("\\", "\\\\").replace('"', '\\"') + '"'
            ),
        )
        assert found["results"]["bindings"] == [], secret


def test_reasons_and_rationales_with_markup_are_escaped(edit_app: Flask, member: FlaskClient) -> None:
    cur = curation(edit_app)
    cur.set_link_status(LINK, "confirmed", agent(edit_app), "<script>alert('skäl')</script>", None)
    cur.edit_link(LINK, "primary", "<b>fet</b> motivering", agent(edit_app), None, "Ändrad.")
    for client in (edit_app.test_client(), member):
        html = client.get("/sdg/3.8").get_data(as_text=True)
        shown = section(html)
        assert "&lt;script&gt;alert(&#39;skäl&#39;)&lt;/script&gt;" in shown and "<script>alert" not in html
        assert "&lt;b&gt;fet&lt;/b&gt; motivering" in shown and "<b>fet</b>" not in html


def test_the_page_shows_at_most_the_limit_and_counts_the_rest(edit_app: Flask) -> None:
    cur = curation(edit_app)
    for n, relevance in enumerate(("primary", "secondary", "primary")):
        cur.edit_link(LINK, relevance, f"Motivering {n}.", agent(edit_app), None, f"Skäl {n}.")
    found = history(cur.store, SDG + "3.8", "sv", limit=2)
    assert len(found) == 2 and found.total == 3
    assert [e.reason for e in found] == ["Skäl 2.", "Skäl 1."]
    assert [e.undoable for e in found] == [True, False]


def test_a_change_of_an_initiatives_facts_is_in_its_history_and_can_be_undone(
    edit_app: Flask, member: FlaskClient
) -> None:
    cur = curation(edit_app)
    facts = cur.initiative(INITIATIVE)

    def values(local: str) -> list[str]:
        return [o.value for p, o in facts.statements if p.value.endswith(local)]

    names = {o.language: o.value for p, o in facts.statements if p.value.endswith("#prefLabel")}
    kind = next(v for v in values("#type") if v.startswith(SKK))
    change = cur.edit_initiative(
        INITIATIVE,
        names["sv"],
        names["en"],
        kind,
        SKK + "completed",
        None,
        None,
        values("#participant"),
        AREA,
        values("#perspective"),
        agent(edit_app, OTHER),
        "Avslutat 2024.",
        facts.version,
    )
    shown = entries(edit_app.test_client().get("/id/initiative/stodet").get_data(as_text=True))[0]
    assert "Initiativets uppgifter ändrade" in shown and "status: pågående → avslutat" in shown
    assert "Avslutat 2024." in shown
    log_in(member)
    done = post(member, "/edit/undo", decision=change.decision, reason="Fel initiativ.")
    assert done.status_code == 303 and done.headers["Location"] == "/id/initiative/stodet"
    assert cur.initiative(INITIATIVE).value(SKK + "status").value == SKK + "ongoing"
