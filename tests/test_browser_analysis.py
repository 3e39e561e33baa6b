"""The network analysis pages (/analysis) in a real browser: Playwright drives Debian's Chromium against `kg serve`.

Skipped when /usr/bin/chromium or the playwright package is missing (tests/browser.py). Every page is opened in
Swedish and English; each must answer 200, draw its picture (a server-rendered SVG, so also without JavaScript),
ask nothing of any other machine and log no error. Full-page screenshots go to $KG_TEST_ARTIFACTS (default:
test-artifacts/screenshots/ in the project), with a PDF of the partner page as printed.
"""

from __future__ import annotations

import re
from pathlib import Path

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

# (screenshot name, path, the question the page must show, points drawn (None: no picture))
PAGES = [
    (
        "analysis",
        "/analysis/",
        {"sv": "Vilka partner samarbetar mest med varandra?", "en": "Which partners work together most?"},
        None,
    ),
    (
        "analysis-partners",
        "/analysis/partners",
        {"sv": "Vilka partner samarbetar mest med varandra?", "en": "Which partners work together most?"},
        11,
    ),
    (
        "analysis-goals",
        "/analysis/goals",
        {
            "sv": "Vilka mål arbetas med tillsammans, i samma initiativ?",
            "en": "Which goals are worked on together, in the same initiatives?",
        },
        8,
    ),
    (
        "analysis-targets",
        "/analysis/goals?level=targets",
        {
            "sv": "Vilka delmål arbetas med tillsammans, i samma initiativ?",
            "en": "Which targets are worked on together, in the same initiatives?",
        },
        12,
    ),
    (
        "analysis-goals-confirmed",
        "/analysis/goals?links=confirmed",
        {
            "sv": "Inga bekräftade kopplingar binder ännu ihop två mål",
            "en": "No confirmed links tie two goals together",
        },
        0,
    ),
]


def with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + f"lang={lang}"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(("name", "path", "question", "points"), PAGES, ids=[p[0] for p in PAGES])
def test_every_analysis_page_renders(
    open_live, artifacts: Path, name: str, path: str, question: dict, points: int | None, lang: str
) -> None:
    visit = open_live(with_lang(path, lang))
    page = visit.page
    assert visit.response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_text(question[lang]).first).to_be_visible()
    if points:
        picture = page.get_by_role("img", name=re.compile(re.escape(question[lang])))
        expect(picture).to_be_visible()
        box = picture.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150, box
        expect(page.locator("svg.network-svg g.point")).to_have_count(points)
        drawn = page.locator("svg.network-svg circle").evaluate_all(
            "cs => cs.filter(c => c.getBoundingClientRect().width > 5).length"
        )
        assert drawn == points
        expect(page.locator("table.analysis-table").first).to_be_visible()
    elif points == 0:
        expect(page.locator("svg.network-svg")).to_have_count(0)
    page.screenshot(path=str(artifacts / f"{name}-{lang}.png"), full_page=True)
    assert not page.locator("a[href*='/edit/']").count(), "visitors see no editing links"
    visit.assert_offline_and_clean()


def test_the_menu_leads_to_the_analysis_and_on_to_the_partners(open_live) -> None:
    visit = open_live("/")
    page = visit.page
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Analys", exact=True).click()
    expect(page.locator("h1")).to_have_text("Nätverksanalys")
    page.get_by_role("link", name="Partnernas samarbete").click()
    expect(page.locator("h1")).to_have_text("Partnernas samarbete")
    row = page.locator("table.analysis-table tbody tr").filter(has_text="Mälardalens universitet").first
    expect(row).to_contain_text("Eskilstuna kommun")
    visit.assert_offline_and_clean()


def test_choosing_confirmed_links_only_with_the_form(open_live) -> None:
    visit = open_live("/analysis/goals?lang=en")
    page = visit.page
    page.get_by_label("Links").select_option("confirmed")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"links=confirmed"))
    expect(page.get_by_role("status")).to_contain_text("No confirmed links tie two goals together yet")
    expect(page.get_by_label("Links")).to_have_value("confirmed")
    visit.assert_offline_and_clean()


def test_the_picture_needs_no_javascript_and_prints(open_live, artifacts: Path) -> None:
    visit = open_live("/analysis/partners", javascript=False)
    page = visit.page
    expect(page.locator("svg.network-svg g.point")).to_have_count(11)
    page.emulate_media(media="print")
    expect(page.locator("svg.network-svg")).to_be_visible()
    expect(page.locator("header.site form.search")).to_be_hidden()
    page.pdf(path=str(artifacts / "analysis-partners-print.pdf"), format="A4", print_background=True)
    assert (artifacts / "analysis-partners-print.pdf").stat().st_size > 10_000
    visit.assert_offline_and_clean()


@pytest.mark.parametrize("path", ["/analysis/partners", "/analysis/goals"])
def test_no_horizontal_overflow_at_phone_width(open_live, artifacts: Path, path: str) -> None:
    visit = open_live(path, viewport=(375, 740))
    page = visit.page
    expect(page.locator("h1")).to_be_visible()
    width, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner + 1, f"{path} is {width} px wide at {inner} px"
    page.screenshot(path=str(artifacts / f"phone-{path.strip('/').replace('/', '-')}.png"), full_page=True)
    visit.assert_offline_and_clean()


def test_form_controls_are_labelled(open_live) -> None:
    visit = open_live("/analysis/goals")
    page = visit.page
    unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll('main select, main input'))
        .filter(e => !(e.labels && e.labels.length)).map(e => e.name)""")
    assert not unlabelled
    visit.assert_offline_and_clean()
