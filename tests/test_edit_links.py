"""Initiative–target links in the viewer (issue 5, item 3): confirm, reject, edit, remove and add links, from the
target, goal and initiative pages and /edit/link…; refusals keep what was typed and change nothing."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.editing import form_error, post, token

ID = "https://w3id.org/samhallskontraktet/id/"
LINK = ID + "link/maltider-och-moten--3.4"  # a proposal, secondary, in the shipped data
MALTIDER = ID + "initiative/maltider-och-moten"
DATADRIVET = ID + "initiative/datadrivet-arbete-och-ai"
PREFIXES = "PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#> PREFIX sdg: <http://metadata.un.org/sdg/> "


def ask(app: Flask, pattern: str) -> bool:
    answer = app.test_client().get(
        "/sparql",
        query_string={"query": PREFIXES + "ASK { " + pattern + " }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return answer.get_json()["boolean"]


def public(app: Flask, path: str) -> str:
    """A page as a visitor sees it."""
    response = app.test_client().get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def table_row(html: str, name: str) -> str | None:
    """The row of the target page's table of links that names `name`."""
    return next((row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if name in row), None)


def link_item(html: str, code: str) -> str | None:
    """The item of the initiative page's list of links to target `code`."""
    items = re.findall(r'<li class="link link-(\w+)">(.*?)</li>', html, re.S)
    return next((status for status, item in items if f"<strong>Delmål {code}</strong>" in item), None)


def size(app: Flask) -> int:
    return len(app.extensions["kg"].store)


def decide(client: FlaskClient, status: str, version: str = "0", reason: str = "Core team har läst förslaget."):
    return post(client, "/edit/link/status", link=LINK, status=status, reason=reason, version=version, next="/sdg/3.4")


# ---------------------------------------------------------------- deciding, editing, removing


def test_a_member_confirms_a_proposed_link_from_the_target_page(edit_app: Flask, member: FlaskClient) -> None:
    target_page = member.get("/sdg/3.4").get_data(as_text=True)
    control = re.search(r'href="(/edit/link\?link=[^"]*maltider-och-moten--3\.4[^"]*)"', target_page)
    assert control, "no Edit… control for the link on the target page"
    form = member.get(control.group(1).replace("&amp;", "&"))
    html = form.get_data(as_text=True)
    assert form.status_code == 200 and "Måltider och möten" in html and "Delmål 3.4" in html
    assert 'name="version" value="0"' in html and "föreslagen" in html
    assert 'name="next" value="/sdg/3.4"' in html

    response = decide(member, "confirmed")
    assert response.status_code == 303 and response.headers["Location"] == "/sdg/3.4"
    assert "Kopplingen är bekräftad." in member.get("/sdg/3.4").get_data(as_text=True)
    row = table_row(public(edit_app, "/sdg/3.4"), "Måltider och möten")
    assert row is not None and "status-confirmed" in row and "bekräftad" in row
    assert link_item(public(edit_app, "/id/initiative/maltider-och-moten"), "3.4") == "confirmed"
    assert ask(edit_app, f"<{LINK}> skk:linkStatus skk:confirmed")
    assert not ask(edit_app, f"<{LINK}> skk:linkStatus skk:proposed")


def test_a_member_rejects_a_link_and_it_moves_to_the_rejected_list(edit_app: Flask, member: FlaskClient) -> None:
    assert decide(member, "rejected").status_code == 303
    page = public(edit_app, "/sdg/3.4")
    assert table_row(page, "Måltider och möten") is None
    rejected = page[page.index("Avvisade kopplingar") :] if "Avvisade kopplingar" in page else ""
    assert "Måltider och möten" in rejected and "avvisad" in rejected
    assert link_item(public(edit_app, "/id/initiative/maltider-och-moten"), "3.4") == "rejected"
    assert ask(edit_app, f"<{LINK}> skk:linkStatus skk:rejected")
    # the rejected link keeps its Edit… control for a member, and can be confirmed again with its new version
    mine = member.get("/sdg/3.4").get_data(as_text=True)
    assert re.search(r'href="/edit/link\?link=[^"]*maltider-och-moten--3\.4', mine[mine.index("Avvisade kopplingar") :])
    assert decide(member, "confirmed", version="1").status_code == 303
    assert ask(edit_app, f"<{LINK}> skk:linkStatus skk:confirmed")


def test_deciding_needs_a_reason_and_a_decision(edit_app: Flask, member: FlaskClient) -> None:
    before = size(edit_app)
    empty = decide(member, "confirmed", reason="   ")
    assert empty.status_code == 400 and form_error(empty.get_data(as_text=True)) == "Skälet saknas."
    neither = decide(member, "maybe")
    assert neither.status_code == 400
    assert form_error(neither.get_data(as_text=True)) == "Välj om kopplingen ska bekräftas eller avvisas."
    assert size(edit_app) == before


def test_a_member_changes_relevance_and_rationale(edit_app: Flask, member: FlaskClient) -> None:
    response = post(
        member,
        "/edit/link/edit",
        link=LINK,
        relevance="primary",
        version="0",
        next="/sdg/3.4",
        rationale="Gemensamma måltider bryter ensamhet, en del av psykisk hälsa.",
        reason="",
    )
    assert response.status_code == 303 and response.headers["Location"] == "/sdg/3.4"
    row = table_row(public(edit_app, "/sdg/3.4"), "Måltider och möten")
    assert row is not None and "Gemensamma måltider bryter ensamhet, en del av psykisk hälsa." in row
    assert "primär" in row
    assert ask(
        edit_app,
        f"<{LINK}> skk:relevance skk:primary ; "
        "skk:rationale 'Gemensamma måltider bryter ensamhet, en del av psykisk hälsa.'@sv",
    )
    form = member.get("/edit/link", query_string={"link": LINK}).get_data(as_text=True)
    assert 'name="version" value="1"' in form


def test_a_member_removes_a_link(edit_app: Flask, member: FlaskClient) -> None:
    response = post(
        member,
        "/edit/link/remove",
        link=LINK,
        version="0",
        reason="Kopplingen är för svag.",
        next="/id/initiative/maltider-och-moten",
    )
    assert response.status_code == 303 and response.headers["Location"] == "/id/initiative/maltider-och-moten"
    assert table_row(public(edit_app, "/sdg/3.4"), "Måltider och möten") is None
    assert link_item(public(edit_app, "/id/initiative/maltider-och-moten"), "3.4") is None
    assert link_item(public(edit_app, "/id/initiative/maltider-och-moten"), "2.2") == "proposed"
    assert not ask(edit_app, f"<{LINK}> a skk:TargetLink")
    assert member.get("/edit/link", query_string={"link": LINK}).status_code == 404
    again = post(member, "/edit/link/remove", link=LINK, version="1", reason="Igen.")
    assert again.status_code == 400 and "Okänd koppling" in form_error(again.get_data(as_text=True))


def test_an_unknown_link_is_404_on_its_page_and_400_when_changed(edit_app: Flask, member: FlaskClient) -> None:
    assert member.get("/edit/link", query_string={"link": ID + "link/nothing--1.1"}).status_code == 404
    assert member.get("/edit/link", query_string={"link": "not an iri"}).status_code == 404
    assert member.get("/edit/link", query_string={"link": ID + "initiative/maltider-och-moten"}).status_code == 404
    before = size(edit_app)
    for path, form in [
        ("/edit/link/status", {"status": "confirmed", "reason": "Skäl"}),
        ("/edit/link/edit", {"relevance": "primary", "rationale": "Text"}),
        ("/edit/link/remove", {"reason": "Skäl"}),
    ]:
        response = post(member, path, link=ID + "link/nothing--1.1", version="0", **form)
        html = response.get_data(as_text=True)
        assert response.status_code == 400 and "Okänd koppling" in form_error(html), path
    assert size(edit_app) == before


def test_a_stale_form_is_a_conflict_that_shows_the_current_state_and_keeps_the_typed_text(
    edit_app: Flask, member: FlaskClient
) -> None:
    assert decide(member, "confirmed").status_code == 303  # now version 1
    before = size(edit_app)
    stale = post(
        member,
        "/edit/link/edit",
        link=LINK,
        relevance="primary",
        version="0",
        next="/sdg/3.4",
        rationale="Min nya motivering som inte får försvinna.",
        reason="Mitt skäl.",
    )
    html = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert form_error(html) == "Någon annan har redan ändrat detta (nu version 1)."
    assert "bekräftad" in html  # the current state
    edit_form = html[html.index('id="link-edit"') :]
    edit_form = edit_form[: edit_form.index("</form>")]
    assert 'name="version" value="1"' in edit_form
    assert "Min nya motivering som inte får försvinna.</textarea>" in edit_form and "Mitt skäl.</textarea>" in edit_form
    assert size(edit_app) == before
    # sending the form again (now with the current version) goes through
    again = post(
        member,
        "/edit/link/edit",
        link=LINK,
        relevance="primary",
        version="1",
        rationale="Min nya motivering som inte får försvinna.",
        reason="Mitt skäl.",
    )
    assert again.status_code == 303


def test_a_rationale_of_a_megabyte_is_refused(edit_app: Flask, member: FlaskClient) -> None:
    before = size(edit_app)
    edit = post(member, "/edit/link/edit", link=LINK, relevance="primary", version="0", rationale="x" * 1_000_000)
    assert edit.status_code == 400
    assert form_error(edit.get_data(as_text=True)) == "Motiveringen får vara högst 4000 tecken."
    add = post(
        member, "/edit/link/new", initiative=DATADRIVET, target="4.4", relevance="primary", rationale="x" * 1_000_000
    )
    assert add.status_code == 400
    assert form_error(add.get_data(as_text=True)) == "Motiveringen får vara högst 4000 tecken."
    assert size(edit_app) == before


def test_html_in_a_rationale_is_shown_as_text(edit_app: Flask, member: FlaskClient) -> None:
    evil = '<script>alert("x")</script><b onmouseover="alert(1)">fet</b>'
    response = post(member, "/edit/link/edit", link=LINK, relevance="secondary", version="0", rationale=evil)
    assert response.status_code == 303
    for path in ("/sdg/3.4", "/id/initiative/maltider-och-moten"):
        page = public(edit_app, path)
        assert "<script>alert(" not in page and "<b onmouseover" not in page, path
        assert "&lt;script&gt;alert(" in page and "&lt;b onmouseover=" in page, path
    form = member.get("/edit/link", query_string={"link": LINK}).get_data(as_text=True)
    assert "<script>alert(" not in form and "&lt;script&gt;alert(" in form


# ---------------------------------------------------------------- adding


def test_a_member_adds_a_link_by_code_from_the_initiative_page(edit_app: Flask, member: FlaskClient) -> None:
    page = member.get("/id/initiative/datadrivet-arbete-och-ai").get_data(as_text=True)
    assert 'id="link-new"' in page and f'name="initiative" value="{DATADRIVET}"' in page
    assert link_item(page, "4.4") is None
    response = post(
        member,
        "/edit/link/new",
        initiative=DATADRIVET,
        target="4.4",
        relevance="secondary",
        rationale="Kompetens i dataanalys är yrkeskunskap.",
        reason="",
        next="/id/initiative/datadrivet-arbete-och-ai",
    )
    assert response.status_code == 303 and response.headers["Location"] == "/id/initiative/datadrivet-arbete-och-ai"
    assert "Kopplingen är tillagd." in member.get("/id/initiative/datadrivet-arbete-och-ai").get_data(as_text=True)
    assert link_item(public(edit_app, "/id/initiative/datadrivet-arbete-och-ai"), "4.4") == "confirmed"
    row = table_row(public(edit_app, "/sdg/4.4"), "Datadrivet arbete och AI")
    assert row is not None and "Kompetens i dataanalys är yrkeskunskap." in row and "bekräftad" in row
    assert ask(
        edit_app,
        f"?l a skk:TargetLink ; skk:initiative <{DATADRIVET}> ; skk:target sdg:4.4 ; "
        "skk:linkStatus skk:confirmed ; skk:relevance skk:secondary",
    )
    again = post(
        member, "/edit/link/new", initiative=DATADRIVET, target="4.4", relevance="secondary", rationale="Igen."
    )
    assert again.status_code == 400 and form_error(again.get_data(as_text=True)) == "Kopplingen finns redan."


def test_a_member_adds_a_link_from_the_target_page_choosing_the_initiative(
    edit_app: Flask, member: FlaskClient
) -> None:
    page = member.get("/sdg/4.4").get_data(as_text=True)
    form = page[page.index('id="link-new"') :]
    assert 'name="target" value="4.4"' in form and f'<option value="{DATADRIVET}"' in form
    response = post(
        member,
        "/edit/link/new",
        initiative=DATADRIVET,
        target="4.4",
        relevance="primary",
        rationale="Utbildning i AI.",
        reason="Core team tog upp det.",
        next="/sdg/4.4",
    )
    assert response.status_code == 303 and response.headers["Location"] == "/sdg/4.4"
    assert table_row(public(edit_app, "/sdg/4.4"), "Datadrivet arbete och AI") is not None


def test_a_target_is_found_by_swedish_or_english_words(edit_app: Flask, member: FlaskClient) -> None:
    swedish = post(
        member,
        "/edit/link/new",
        initiative=DATADRIVET,
        target="psykisk hälsa",
        relevance="secondary",
        rationale="Svenska ord.",
    )
    assert swedish.status_code == 303 and swedish.headers["Location"] == "/sdg/3.4"
    assert ask(edit_app, f"?l skk:initiative <{DATADRIVET}> ; skk:target sdg:3.4")
    english = post(
        member,
        "/edit/link/new",
        initiative=DATADRIVET,
        target="malnutrition",
        relevance="secondary",
        rationale="English words.",
    )
    assert english.status_code == 303 and english.headers["Location"] == "/sdg/2.2"
    assert ask(edit_app, f"?l skk:initiative <{DATADRIVET}> ; skk:target sdg:2.2")


def test_words_that_fit_several_targets_offer_them_and_keep_the_typed_text(
    edit_app: Flask, member: FlaskClient
) -> None:
    before = size(edit_app)
    response = post(
        member,
        "/edit/link/new",
        initiative=DATADRIVET,
        target="hälsa",
        relevance="primary",
        rationale="Min motivering.",
        reason="Mitt skäl.",
        next="/id/initiative/datadrivet-arbete-och-ai",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert form_error(html) == "6 delmål passar ”hälsa”. Välj ett av dem nedan, eller skriv andra ord."
    codes = re.findall(r'<input type="radio" name="target_code" value="([^"]+)"', html)
    assert codes == ["3.4", "3.7", "3.b", "5.6", "12.4", "14.a"]
    assert "<strong>Delmål 3.7</strong>" in html
    assert f'<option value="{DATADRIVET}" selected>' in html and 'value="hälsa"' in html
    assert "Min motivering.</textarea>" in html and "Mitt skäl.</textarea>" in html
    assert 'name="relevance" value="primary" required checked' in html
    assert 'name="next" value="/id/initiative/datadrivet-arbete-och-ai"' in html
    assert size(edit_app) == before
    chosen = post(
        member,
        "/edit/link/new",
        initiative=DATADRIVET,
        target="hälsa",
        target_code="3.7",
        relevance="primary",
        rationale="Min motivering.",
        reason="Mitt skäl.",
    )
    assert chosen.status_code == 303
    assert ask(edit_app, f"?l skk:initiative <{DATADRIVET}> ; skk:target sdg:3.7")


def test_an_unknown_target_is_a_clear_message_and_changes_nothing(edit_app: Flask, member: FlaskClient) -> None:
    before = size(edit_app)
    cases = [
        ("99.9", "Det finns inget delmål med koden 99.9."),
        ("Delmål 3.99", "Det finns inget delmål med koden 3.99."),
        ("xyzzyplugh", "Inget delmål passar ”xyzzyplugh”. Skriv delmålets kod (till exempel 3.4) eller andra ord."),
        ("   ", "Ange delmålet med dess kod eller med ord ur dess text."),
    ]
    for target, expected in cases:
        response = post(
            member,
            "/edit/link/new",
            initiative=DATADRIVET,
            target=target,
            relevance="primary",
            rationale="Min motivering.",
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 400 and form_error(html) == expected, target
        assert "Min motivering.</textarea>" in html
    unknown = post(
        member,
        "/edit/link/new",
        initiative=ID + "initiative/nothing",
        target="4.4",
        relevance="primary",
        rationale="Text.",
    )
    assert unknown.status_code == 400 and "Okänt initiativ" in form_error(unknown.get_data(as_text=True))
    bad = post(member, "/edit/link/new", initiative=DATADRIVET, target="4.4", relevance="tertiary", rationale="T.")
    assert bad.status_code == 400 and "Okänd relevans" in form_error(bad.get_data(as_text=True))
    assert size(edit_app) == before


def test_the_new_link_page_is_prefilled(member: FlaskClient) -> None:
    by_initiative = member.get("/edit/link/new", query_string={"initiative": MALTIDER}).get_data(as_text=True)
    assert f'<option value="{MALTIDER}" selected>' in by_initiative
    by_target = member.get("/edit/link/new", query_string={"target": "3.4"})
    assert by_target.status_code == 200
    assert 'name="target" value="3.4"' in by_target.get_data(as_text=True)
    assert member.get("/edit/link/new", query_string={"initiative": ID + "initiative/nothing"}).status_code == 404


# ---------------------------------------------------------------- languages and visitors


def test_english_messages(member: FlaskClient) -> None:
    member.get("/?lang=en")
    empty = decide(member, "confirmed", reason="")
    assert empty.status_code == 400 and form_error(empty.get_data(as_text=True)) == "The reason is missing."
    several = post(
        member, "/edit/link/new", initiative=DATADRIVET, target="health", relevance="primary", rationale="Text."
    )
    assert several.status_code == 400
    assert re.fullmatch(
        r"\d+ targets fit “health”\. Choose one of them below, or type other words\.",
        form_error(several.get_data(as_text=True)),
    )
    none = post(member, "/edit/link/new", initiative=DATADRIVET, target="99.9", relevance="primary", rationale="T.")
    assert form_error(none.get_data(as_text=True)) == "There is no target with the code 99.9."
    assert decide(member, "confirmed").status_code == 303
    assert "The link is confirmed. The change is in the history." in member.get("/sdg/3.4").get_data(as_text=True)
    page = member.get("/edit/link", query_string={"link": LINK}).get_data(as_text=True)
    assert "Confirm or reject the link" in page and "Remove the link" in page


def test_members_see_the_controls_on_the_goal_page(member: FlaskClient) -> None:
    page = member.get("/sdg/3").get_data(as_text=True)
    assert 'href="/edit/selection?target=3.4&amp;next=/sdg/3%23t3.4"' in page
    assert "Välj…" in page


def test_visitors_see_no_controls_and_cannot_change_links(edit_app: Flask) -> None:
    visitor = edit_app.test_client()
    for path in ("/sdg/3.4", "/sdg/3", "/id/initiative/maltider-och-moten"):
        html = visitor.get(path).get_data(as_text=True)
        assert "/edit/" not in html and 'id="link-new"' not in html and "Ändra…" not in html, path
    before = size(edit_app)
    assert visitor.get("/edit/link", query_string={"link": LINK}).status_code == 401
    assert visitor.get("/edit/link/new").status_code == 401
    for path, form in [
        ("/edit/link/status", {"link": LINK, "status": "confirmed", "reason": "R", "version": "0"}),
        ("/edit/link/edit", {"link": LINK, "relevance": "primary", "rationale": "R", "version": "0"}),
        ("/edit/link/remove", {"link": LINK, "reason": "R", "version": "0"}),
        ("/edit/link/new", {"initiative": DATADRIVET, "target": "4.4", "relevance": "primary", "rationale": "R"}),
    ]:
        assert visitor.post(path, data={"csrf_token": token(visitor), **form}).status_code == 401, path
    assert size(edit_app) == before
    assert ask(edit_app, f"<{LINK}> skk:linkStatus skk:proposed")
