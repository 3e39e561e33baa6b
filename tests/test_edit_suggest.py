"""Suggested targets in the curation view (issue 6, item 1): a member sees them with their reasons on an initiative's
page, and one click adds a PROPOSED link attributed to them; visitors see no suggestions and no controls."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.editing import agent, form_error, post
from tests.test_edit_links import ask, public, table_row

ID = "https://w3id.org/samhallskontraktet/id/"
SALUS_MEA = ID + "initiative/salus-mea"  # linked (proposals) to 3.8 and 17.17
PAGE = "/id/initiative/salus-mea"


def section(html: str) -> str:
    found = re.search(r'<section class="suggested-targets".*?</section>', html, re.S)
    assert found, "no suggested targets on the page"
    return found.group(0)


def suggested_codes(html: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="target" value="([^"]+)">', section(html))


def test_a_member_sees_suggestions_with_their_reasons(member: FlaskClient) -> None:
    html = member.get(PAGE).get_data(as_text=True)
    part = section(html)
    assert '<h3 id="suggested-heading">Förslag på delmål</h3>' in part
    codes = suggested_codes(html)
    assert 1 <= len(codes) <= 5 and not {"3.8", "17.17"} & set(codes)  # the targets it is linked to are left out
    assert part.count('<p class="why"><span class="label">Varför:</span>') == len(codes)
    assert re.search(r"\((ordlista|delmålets text|målets text|liknande initiativ med delmålet)\)", part)
    assert part.count('name="csrf_token"') == len(codes)
    assert part.count('action="/edit/suggest/add"') == len(codes)
    assert part.count("Lägg till som föreslagen koppling") == len(codes)
    english = section(member.get(PAGE + "?lang=en").get_data(as_text=True))
    assert "Suggested targets" in english and "Add as a proposed link" in english and "Why:" in english


def test_one_click_adds_a_proposed_link_shown_as_proposed_on_the_target_page(
    edit_app: Flask, member: FlaskClient
) -> None:
    code = suggested_codes(member.get(PAGE).get_data(as_text=True))[0]
    link = f"{ID}link/salus-mea--{code}"
    assert not ask(edit_app, f"<{link}> ?p ?o")
    response = post(member, "/edit/suggest/add", initiative=SALUS_MEA, target=code, next=PAGE)
    assert response.status_code == 303 and response.headers["Location"] == PAGE
    after = member.get(PAGE).get_data(as_text=True)
    assert "Delmålet är tillagt som en föreslagen koppling." in after
    assert code not in suggested_codes(after)  # linked now: no longer a suggestion

    row = table_row(public(edit_app, f"/sdg/{code}"), "Salus mea")
    assert row is not None and "föreslagen" in row, row
    assert ask(edit_app, f"<{link}> skk:linkStatus skk:proposed ; skk:relevance skk:secondary")
    (made,) = list(
        edit_app.extensions["kg"].store.query(
            f"SELECT ?agent ?rationale WHERE {{ <{link}> <http://www.w3.org/ns/prov#wasAttributedTo> ?agent ; "
            f"<https://w3id.org/samhallskontraktet/ontology#rationale> ?rationale }}",
            use_default_graph_as_union=True,
        )
    )
    assert made["agent"].value == agent(edit_app)  # the member's own agent, not the project's proposals
    assert made["rationale"].value.startswith("Förslag från delmålsförslagen")


def test_a_suggestion_that_is_linked_already_is_refused_with_the_form_again(member: FlaskClient) -> None:
    response = post(member, "/edit/suggest/add", initiative=SALUS_MEA, target="3.8", next=PAGE)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "inte längre ett förslag" in (form_error(page) or "")
    assert 'role="alert"' in page and "Förslag på delmål för Salus mea" in page
    response = post(member, "/edit/suggest/add", initiative=ID + "initiative/finns-inte", target="3.4", next=PAGE)
    assert response.status_code == 400


def test_a_member_asks_for_suggestions_for_any_text(member: FlaskClient) -> None:
    response = member.get("/edit/suggest")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<h1>Föreslå delmål för en text</h1>" in page
    assert '<label for="suggest-text">' in page and '<label for="suggest-lang">' in page
    page = member.get("/edit/suggest", query_string={"text": "Gemensamma måltider mot undernäring hos äldre"}).get_data(
        as_text=True
    )
    first = re.search(r'<li class="suggestion">.*?</li>', page, re.S)
    assert first and "Delmål 2.2" in first.group(0) and "(delmålets text)" in first.group(0)
    assert "/edit/suggest/add" not in page  # no initiative: no add buttons, a link to the new-link form instead
    assert "/edit/link/new?target=2.2" in page
    long = member.get("/edit/suggest", query_string={"text": "ord " * 6000})
    assert long.status_code == 400 and 'role="alert"' in long.get_data(as_text=True)


def test_visitors_see_no_suggestions_and_reach_no_suggestion_route(edit_app: Flask) -> None:
    page = public(edit_app, PAGE)
    assert "Förslag på delmål" not in page and "/edit/suggest" not in page and "suggested-targets" not in page
    visitor = edit_app.test_client()
    assert visitor.get("/edit/suggest?text=ensamhet").status_code == 401
    assert visitor.post("/edit/suggest/add", data={"initiative": SALUS_MEA, "target": "3.4"}).status_code in (400, 401)
    assert not ask(edit_app, f"<{ID}link/salus-mea--3.4> ?p ?o")


def test_the_library_adds_a_confirmed_or_a_proposed_link_and_nothing_else(edit_app: Flask) -> None:
    from kg.curation import CurationError

    writer = edit_app.extensions["kg"].curation
    who = agent(edit_app)
    with pytest.raises(CurationError) as refused:
        writer.add_link(SALUS_MEA, "1.1", "secondary", "Motivering.", who, status="rejected")
    assert "bekräftad eller föreslagen" in refused.value.sv and "confirmed or proposed" in refused.value.en
    assert not ask(edit_app, f"<{ID}link/salus-mea--1.1> ?p ?o")
    writer.add_link(SALUS_MEA, "1.1", "secondary", "Motivering.", who, status="proposed")
    writer.add_link(SALUS_MEA, "1.2", "secondary", "Motivering.", who)  # confirmed, as before
    assert ask(edit_app, f"<{ID}link/salus-mea--1.1> skk:linkStatus skk:proposed")
    assert ask(edit_app, f"<{ID}link/salus-mea--1.2> skk:linkStatus skk:confirmed")
