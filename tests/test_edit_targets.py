"""Choosing targets in the viewer (issue 5, item 2): the selection form on the target page and /edit/selection."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.editing import form_error, post


def focus_area(html: str) -> str:
    return re.search(r'<select id="selection-form-area" name="focus_area">\s*<option value="([^"]+)"', html).group(1)


def test_a_member_selects_a_target_on_its_page_and_everyone_sees_it(edit_app: Flask, member: FlaskClient) -> None:
    page = member.get("/sdg/3.4").get_data(as_text=True)
    assert 'id="selection-form"' in page and 'name="version" value="new"' in page
    response = post(
        member,
        "/edit/selection",
        target="3.4",
        action="select",
        version="new",
        next="/sdg/3.4",
        reason="Ensamhet bland äldre är en fråga för fokusområdet.",
        focus_area=focus_area(page),
    )
    assert response.status_code == 303 and response.headers["Location"] == "/sdg/3.4"
    after = member.get("/sdg/3.4").get_data(as_text=True)
    assert "Delmålet är valt. Ändringen finns i historiken." in after
    visitor = edit_app.test_client().get("/sdg/3.4").get_data(as_text=True)
    assert "Ensamhet bland äldre är en fråga för fokusområdet." in visitor
    assert 'id="selection-form"' not in visitor and "/edit/" not in visitor
    answer = edit_app.test_client().get(
        "/sparql",
        query_string={
            "query": "PREFIX skk: <https://w3id.org/samhallskontraktet/ontology#> "
            "ASK { ?s a skk:TargetSelection ; skk:target <http://metadata.un.org/sdg/3.4> ; "
            "skk:reason 'Ensamhet bland äldre är en fråga för fokusområdet.'@sv }"
        },
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.get_json()["boolean"] is True


def test_deselecting_needs_the_current_version_and_a_reason(member: FlaskClient) -> None:
    page = member.get("/sdg/3.4").get_data(as_text=True)
    area = focus_area(page)
    post(member, "/edit/selection", target="3.4", action="select", version="new", reason="Valt.", focus_area=area)
    empty = post(member, "/edit/selection", target="3.4", action="deselect", version="0", reason="  ", focus_area=area)
    assert empty.status_code == 400 and form_error(empty.get_data(as_text=True)) == "Skälet saknas."
    done = post(
        member, "/edit/selection", target="3.4", action="deselect", version="0", reason="Inte längre.", focus_area=area
    )
    assert done.status_code == 303
    assert "Delmålet är inte valt nu." in member.get("/sdg/3.4").get_data(as_text=True)


def test_a_stale_form_is_a_conflict_showing_the_current_state_and_keeping_the_typed_text(member: FlaskClient) -> None:
    area = focus_area(member.get("/sdg/3.4").get_data(as_text=True))
    post(member, "/edit/selection", target="3.4", action="select", version="new", reason="Först.", focus_area=area)
    stale = post(
        member, "/edit/selection", target="3.4", action="select", version="new", reason="Mitt skäl.", focus_area=area
    )
    html = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert form_error(html) == "Någon annan har redan ändrat detta (nu version 0)."
    assert "Mitt skäl.</textarea>" in html and 'name="version" value="0"' in html


def test_bad_input_is_a_clear_message_and_changes_nothing(edit_app: Flask, member: FlaskClient) -> None:
    area = focus_area(member.get("/sdg/3.4").get_data(as_text=True))
    before = len(edit_app.extensions["kg"].store)
    cases = [
        ({"target": "3.4", "action": "select", "version": "new", "reason": "x" * 1_000_000, "focus_area": area}, 400),
        ({"target": "3.4", "action": "select", "version": "new", "reason": "Skäl", "focus_area": "nope"}, 400),
        ({"target": "3.4", "action": "select", "version": "x1", "reason": "Skäl", "focus_area": area}, 400),
        ({"target": "3.4", "action": "explode", "version": "new", "reason": "Skäl", "focus_area": area}, 400),
        ({"target": "99.99", "action": "select", "version": "new", "reason": "Skäl", "focus_area": area}, 400),
    ]
    for form, status in cases:
        response = post(member, "/edit/selection", **form)
        assert response.status_code == status, form
        assert "Traceback" not in response.get_data(as_text=True)
    assert len(edit_app.extensions["kg"].store) == before


def test_english_messages(member: FlaskClient) -> None:
    member.get("/?lang=en")
    response = post(member, "/edit/selection", target="3.4", action="select", version="new", reason="", focus_area="x")
    assert response.status_code == 400 and form_error(response.get_data(as_text=True)) == "The reason is missing."


def test_after_a_change_the_figures_of_the_new_state_are_computed_in_the_background(store_path, tmp_path) -> None:
    """The next visitor of the analysis does not wait: the refresher computed it for the new data state."""
    import time

    from kg.statecache import cached, state_key
    from tests.editing import accounts_file, copy_store, editing_app, log_in

    app = editing_app(copy_store(store_path, tmp_path), accounts_file(tmp_path), REFRESH_FIGURES=True)
    try:
        member = log_in(app.test_client())
        area = focus_area(member.get("/sdg/3.4").get_data(as_text=True))
        response = post(
            member, "/edit/selection", target="3.4", action="select", version="new", reason="Valt.", focus_area=area
        )
        assert response.status_code == 303
        path = app.extensions["kg"].store_path
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if cached(state_key(path), "analysis") is not None:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the analysis of the new state was not computed in the background")
    finally:
        app.extensions["kg"].close()
