"""The viewer (issue 4) in a real browser: Playwright drives Debian's Chromium against `kg serve`.

Skipped when /usr/bin/chromium or the playwright package is missing (see tests/browser.py). Every request each
page makes is recorded: all must go to the live server on the loopback address, none may fail, and nothing may
be logged as an error. Full-page screenshots of every kind of page are kept in $KG_TEST_ARTIFACTS
(default: test-artifacts/screenshots/ in the project).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from .browser import (  # noqa: F401 (the fixtures browser, artifacts and open_live)
    ARTIFACTS,
    Visit,
    expect,
    launched_browser,
    live_opener,
    open_page,
    screenshot_folder,
)
from .conftest import LiveServer

NOT_FOUND = "/id/initiative/finns-inte"
PHONE = (375, 740)

# (screenshot name, path) of every kind of page, in Swedish; the last one does not exist
PAGES = [
    ("home", "/"),
    ("goals", "/goals"),
    ("goal-3", "/sdg/3"),
    ("target-3.4", "/sdg/3.4"),
    ("indicator-C030401", "/sdg/C030401"),
    ("initiatives", "/initiatives"),
    ("initiative-maltider-och-moten", "/id/initiative/maltider-och-moten"),
    ("partners", "/partners"),
    ("organisation-eskilstuna-kommun", "/id/organisation/eskilstuna-kommun"),
    ("organisation-samhallskontraktet", "/id/organisation/samhallskontraktet"),
    ("focus-area-nara-vard", "/id/focus-area/nara-vard"),
    ("perspective-trygghet", "/id/perspective/trygghet"),
    ("function-samhallslabbet", "/id/function/samhallslabbet"),
    ("event-oppen-verkstad-2024-03-15", "/id/event/oppen-verkstad-2024-03-15"),
    ("overviews", "/overviews/"),
    ("overview-initiatives-goals", "/overviews/initiatives-goals"),
    ("overview-partners-goals", "/overviews/partners-goals"),
    ("overview-gaps", "/overviews/gaps"),
    ("overview-budget", "/overviews/budget"),
    ("search-ensamhet", "/search?q=ensamhet"),
    ("network", "/network"),
    ("sparql", "/sparql"),
    ("download", "/download/"),
    ("not-found", NOT_FOUND),
]
# what shows that a page's script has done its work
READY = {"/network": "#network[data-state=ready]", "/sparql": "#kg-yasgui.kg-ready .CodeMirror"}

MALTIDER = "/id/initiative/maltider-och-moten"
MALTIDER_IRI = "https://w3id.org/samhallskontraktet/id/initiative/maltider-och-moten"

# The canvas's painted pixels: neither transparent nor (near) white.
PAINTED = """() => {
  const canvas = document.querySelector('#network canvas');
  if (!canvas || !canvas.width || !canvas.height) return 0;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) painted++;
  }
  return painted;
}"""
MIN_PAINTED = 500
# An element as a CSS-like path of tags, ids and classes (for the messages).
DESCRIBE = """const describe = e => {
  const path = [];
  for (let x = e; x && x !== document.body; x = x.parentElement) {
    const names = typeof x.className === 'string' ? x.className.trim().split(/\\s+/).filter(Boolean) : [];
    path.unshift(x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + names.map(n => '.' + n).join(''));
  }
  return path.join(' > ');
};"""
# Form controls a user can reach that have no accessible name from a <label>, aria-label or aria-labelledby.
UNLABELLED = (
    "() => {"
    + DESCRIBE
    + """
  return Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(e => !['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type))
    .filter(e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}))
    .filter(e => !(e.labels && e.labels.length) && !(e.getAttribute('aria-label') || '').trim()
                 && !(e.getAttribute('aria-labelledby') || '').trim())
    .map(describe);
}"""
)
# The focused element, and whether its focus is drawn (an outline or a box shadow).
FOCUSED = (
    "() => {"
    + DESCRIBE
    + """
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ');
  return {element: describe(e) + ' "' + text.slice(0, 40) + '"', visible: outline || style.boxShadow !== 'none',
          outline: style.outline, shadow: style.boxShadow};
}"""
)
TAB_STOPS = 20  # how many tab stops from the top of each page are checked for a visible focus


def url_of(live_server: LiveServer, path: str) -> str:
    return live_server.url.rstrip("/") + path


def path_re(path: str) -> re.Pattern:
    """The page URL of `path` (with any query string)."""
    return re.compile(r"^http://[^/]+" + re.escape(path) + r"(\?.*)?$")


def wait_until_ready(visit: Visit, path: str) -> None:
    if path in READY:
        expect(visit.page.locator(READY[path])).to_be_attached()


# ---------------------------------------------------------------- 1. every kind of page, in Swedish


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_every_kind_of_page_in_swedish(
    open_live, live_server: LiveServer, artifacts: Path, name: str, path: str
) -> None:
    visit = open_live(path)
    page = visit.page
    missing = path == NOT_FOUND
    assert visit.response.status == (404 if missing else 200)
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    heading = page.locator("h1").first
    expect(heading).to_be_visible()
    assert heading.inner_text().strip()
    if missing:
        expect(heading).to_have_text("Sidan finns inte")
    wait_until_ready(visit, path)
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    # the recording works: the page's own stylesheet was asked for, from this server
    assert any(urlsplit(url).path == "/static/site.css" for url in visit.requests), visit.requests
    visit.assert_offline_and_clean(not_found=url_of(live_server, NOT_FOUND) if missing else None)


# ---------------------------------------------------------------- 2. click through


def test_click_from_home_to_goal_to_initiative(open_live) -> None:
    visit = open_live("/")
    page = visit.page
    page.locator('a.goal-tile[data-goal="2"]').click()
    expect(page).to_have_url(path_re("/sdg/2"))
    expect(page.locator("h1")).to_have_text("Ingen hunger")
    page.get_by_role("main").get_by_role("link", name="Måltider och möten", exact=True).first.click()
    expect(page).to_have_url(path_re(MALTIDER))
    expect(page.locator("h1")).to_have_text("Måltider och möten")
    # the proposed link to target 2.2: named, linked and shown as a proposal
    target = page.get_by_role("main").get_by_role("link", name="Delmål 2.2")
    expect(target).to_have_attribute("href", "/sdg/2.2")
    link = page.get_by_role("main").get_by_role("listitem").filter(has=page.get_by_role("link", name="Delmål 2.2"))
    expect(link).to_have_count(1)
    expect(link).to_contain_text("föreslagen")
    expect(link).not_to_contain_text("bekräftad")
    visit.assert_offline_and_clean()


# ---------------------------------------------------------------- 3. language


def test_switch_language_and_it_is_remembered(open_live) -> None:
    visit = open_live("/")
    page = visit.page
    html = page.locator("html")
    switch = page.locator("header .lang-switch")
    expect(switch).to_be_visible()
    expect(switch).to_have_text("In English")
    switch.click()
    expect(html).to_have_attribute("lang", "en")
    expect(page.locator('a.goal-tile[data-goal="2"]')).to_contain_text("Zero hunger")
    # another page, reached by its link (no ?lang=): still English
    page.get_by_role("navigation").get_by_role("link", name="Initiatives", exact=True).click()
    expect(page).to_have_url(path_re("/initiatives"))
    assert "lang=" not in page.url
    expect(html).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Initiatives")
    # and back to Swedish, remembered as well
    expect(switch).to_have_text("På svenska")
    switch.click()
    expect(html).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Initiativ")
    page.get_by_role("navigation").get_by_role("link", name="Mål", exact=True).click()
    expect(page).to_have_url(path_re("/goals"))
    expect(html).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Mål och delmål")
    visit.assert_offline_and_clean()


# ---------------------------------------------------------------- 4. the graph


def network_state(page) -> dict:
    """The drawn graph: its node ids, edges, selected nodes (once vis-network has laid it out)."""
    expect(page.locator("#network[data-state=ready]")).to_be_attached()
    page.wait_for_function(f"() => ({PAINTED})() >= {MIN_PAINTED}")
    return page.evaluate(
        """() => ({
          nodes: kgNetwork.body.data.nodes.getIds(),
          edges: kgNetwork.body.data.edges.get().map(e => [e.from, e.to]),
          selected: kgNetwork.getSelectedNodes(),
        })"""
    )


def submit_filters(page) -> None:
    page.locator("form.network-filters button[type=submit]").click()


def test_the_graph_draws_filters_and_opens_nodes(open_live, live_server: LiveServer) -> None:
    visit = open_live("/network")
    page = visit.page
    everything = network_state(page)
    assert len(everything["nodes"]) > 0
    assert page.evaluate("() => kgNetwork.body.data.nodes.length") == len(everything["nodes"])
    assert page.evaluate(PAINTED) >= MIN_PAINTED

    # a filter: goal 2
    page.get_by_label("Mål", exact=True).select_option("2")
    submit_filters(page)
    expect(page).to_have_url(re.compile(r"[?&]goal=2(&|$)"))
    goal_2 = network_state(page)
    assert 0 < len(goal_2["nodes"]) < len(everything["nodes"])
    assert "http://metadata.un.org/sdg/2" in goal_2["nodes"]
    assert MALTIDER_IRI in goal_2["nodes"]

    # a neighbourhood: "Måltider och möten", depth 1 (no other filter)
    page.get_by_label("Mål", exact=True).select_option("")
    page.locator("#network-filter-node").select_option(label="Måltider och möten")
    page.locator("#network-filter-depth").select_option("1")
    submit_filters(page)
    expect(page).to_have_url(re.compile(r"[?&]node=" + re.escape(quote(MALTIDER, safe=""))))
    around = network_state(page)
    # its neighbours in the whole graph (every node, every link), as the JSON data gives it
    answer = page.request.get(url_of(live_server, "/network/data.json?all=1"))
    assert answer.ok
    whole = json.loads(answer.text())
    neighbours = {e["to"] for e in whole["edges"] if e["from"] == MALTIDER_IRI}
    neighbours |= {e["from"] for e in whole["edges"] if e["to"] == MALTIDER_IRI}
    assert {"http://metadata.un.org/sdg/2.2", "http://metadata.un.org/sdg/3.4"} <= neighbours
    assert set(around["nodes"]) == neighbours | {MALTIDER_IRI}
    assert around["selected"] == [MALTIDER_IRI]
    urls = {node["id"]: node.get("url") for node in whole["nodes"]}

    # click a node (target 2.2 if nothing covers it, else another one): the browser opens its page
    page.locator("#network").scroll_into_view_if_needed()
    spots = page.evaluate(
        """() => {
          const canvas = document.querySelector('#network canvas');
          const box = canvas.getBoundingClientRect();
          const positions = kgNetwork.getPositions();
          return Object.keys(positions).map(id => {
            const at = kgNetwork.canvasToDOM(positions[id]);
            return {id: id, x: box.left + at.x, y: box.top + at.y, hit: kgNetwork.getNodeAt(at),
                    inside: at.x > 0 && at.y > 0 && at.x < box.width && at.y < box.height};
          });
        }"""
    )
    clickable = [spot for spot in spots if spot["hit"] == spot["id"] and spot["inside"] and urls.get(spot["id"])]
    assert clickable, f"no node can be clicked: {spots}"
    clickable.sort(key=lambda spot: (spot["id"] != "http://metadata.un.org/sdg/2.2", spot["id"] == MALTIDER_IRI))
    chosen = clickable[0]
    page.mouse.click(chosen["x"], chosen["y"])
    expect(page).to_have_url(path_re(urls[chosen["id"]]))
    expect(page.locator("h1")).to_be_visible()
    visit.assert_offline_and_clean()


# ---------------------------------------------------------------- 5. search


def test_search_from_the_header(open_live) -> None:
    visit = open_live("/")
    page = visit.page
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill("äldre")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=%C3%A4ldre$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    result = page.get_by_role("main").get_by_role("link", name="Delmål 2.2", exact=True)
    expect(result).to_have_count(1)
    expect(result).to_have_attribute("href", "/sdg/2.2")
    result.click()
    expect(page).to_have_url(path_re("/sdg/2.2"))
    expect(page.locator("h1")).to_have_text("Delmål 2.2")
    visit.assert_offline_and_clean()


# ---------------------------------------------------------------- 6. keyboard and accessibility basics


def test_the_skip_link_comes_first_and_moves_focus_to_main(open_live) -> None:
    visit = open_live("/")
    page = visit.page
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_attribute("href", "#main")
    expect(skip).to_have_text("Till innehållet")
    focused = page.evaluate(FOCUSED)
    assert focused["visible"], f"the focus is not drawn: {focused}"
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    visit.assert_offline_and_clean()


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_accessibility_basics(open_live, live_server: LiveServer, name: str, path: str) -> None:
    visit = open_live(path)
    page = visit.page
    wait_until_ready(visit, path)
    expect(page.locator("h1")).to_have_count(1)
    problems = []
    without_alt = page.evaluate("() => Array.from(document.images).filter(i => !i.hasAttribute('alt')).map(i => i.src)")
    if without_alt:
        problems.append(f"<img> without alt: {without_alt}")
    unlabelled = page.evaluate(UNLABELLED)
    if unlabelled:
        problems.append(f"form controls without a label: {unlabelled}")
    hidden_focus = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and not focused["visible"]:
            hidden_focus.append(focused)
    if hidden_focus:
        problems.append(f"focus not visible on: {hidden_focus}")
    assert not problems, "\n".join(problems)
    visit.assert_offline_and_clean(not_found=url_of(live_server, NOT_FOUND) if path == NOT_FOUND else None)


# ---------------------------------------------------------------- 7. phone width


@pytest.mark.parametrize(("name", "path"), [("home", "/"), ("initiative-maltider-och-moten", MALTIDER)])
def test_no_horizontal_overflow_at_phone_width(open_live, artifacts: Path, name: str, path: str) -> None:
    visit = open_live(path, viewport=PHONE)
    page = visit.page
    expect(page.locator("h1")).to_be_visible()
    width, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    if width > inner + 1:
        wide = page.evaluate(
            """() => Array.from(document.querySelectorAll('body *'))
                 .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                 .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
        )
        pytest.fail(f"{path} is {width} px wide at {inner} px (too wide: {wide})")
    page.screenshot(path=str(artifacts / f"phone-{name}.png"), full_page=True)
    visit.assert_offline_and_clean()
