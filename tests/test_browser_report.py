"""The board report (/report) in a real browser: Playwright drives Debian's Chromium against `kg serve`.

Skipped when /usr/bin/chromium or the playwright package is missing (tests/browser.py). Each report is rendered in
Swedish and English, on screen and as printed (print media): screenshots of both go to $KG_TEST_ARTIFACTS (default:
test-artifacts/screenshots/), the page prints to A4 PDF pages, nothing is fetched from outside this machine and
nothing is logged as an error.
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

REPORTS = [
    ("report-whole", "/report"),
    ("report-nara-vard", "/report/nara-vard"),
    ("report-skolresultat", "/report/skolresultat"),
]
HEADINGS = {
    ("/report", "sv"): "Hela samverkan och Agenda 2030",
    ("/report", "en"): "The whole collaboration and Agenda 2030",
    ("/report/nara-vard", "sv"): "Fokusområde: Nära vård inklusive välfärdsteknik",
    ("/report/nara-vard", "en"): "Focus area: Local health care including welfare technology",
    ("/report/skolresultat", "sv"): "Fokusområde: Skolresultat",
    ("/report/skolresultat", "en"): "Focus area: School results",
}


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(("name", "path"), REPORTS, ids=[name for name, _ in REPORTS])
def test_the_report_on_screen_and_on_paper(open_live, artifacts: Path, name: str, path: str, lang: str) -> None:
    visit = open_live(f"{path}?lang={lang}")
    page = visit.page
    assert visit.response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(HEADINGS[(path, lang)])
    # the site's header and the report's tools on screen; the SDG colours carry the goal's number
    expect(page.locator("header.site")).to_be_visible()
    expect(page.locator(".report-tools")).to_be_visible()
    for chip in page.locator(".sdg").all()[:40]:
        assert re.fullmatch(r"\d{1,2}", chip.inner_text().strip())
    page.screenshot(path=str(artifacts / f"{name}-{lang}.png"), full_page=True)

    page.emulate_media(media="print")
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.locator("footer.site")).to_be_hidden()
    expect(page.locator(".report-tools")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    style = page.evaluate("""() => {
      const section = document.querySelector('.report-section + .report-section');
      const row = document.querySelector('.report-table tr');
      const body = getComputedStyle(document.body);
      return {breakBefore: getComputedStyle(section).breakBefore, rowBreak: getComputedStyle(row).breakInside,
              colour: body.color, background: body.backgroundColor};
    }""")
    assert style["breakBefore"] == "page" and style["rowBreak"] == "avoid"
    assert style["colour"] == "rgb(0, 0, 0)" and style["background"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    page.screenshot(path=str(artifacts / f"{name}-{lang}-print.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) >= (3 if path != "/report/skolresultat" else 1)
    if path == "/report/nara-vard" and lang == "sv":
        (artifacts / f"{name}-{lang}.pdf").write_bytes(pdf)
    visit.assert_offline_and_clean()


def test_the_index_links_each_focus_area_and_the_print_button_prints(open_live) -> None:
    visit = open_live("/report?lang=sv")
    page = visit.page
    page.get_by_role("link", name="Nära vård inklusive välfärdsteknik").click()
    expect(page).to_have_url(re.compile(r"/report/nara-vard$"))
    expect(page.locator("h1")).to_have_text("Fokusområde: Nära vård inklusive välfärdsteknik")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button = page.get_by_role("button", name="Skriv ut")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    page.get_by_role("link", name="Hela samverkan").click()
    expect(page.locator("h1")).to_have_text("Hela samverkan och Agenda 2030")
    visit.assert_offline_and_clean()


def test_without_javascript_the_report_works_and_has_no_dead_button(open_live) -> None:
    visit = open_live("/report/nara-vard?lang=en", javascript=False)
    page = visit.page
    expect(page.locator("h1")).to_have_text("Focus area: Local health care including welfare technology")
    expect(page.locator("[data-print]")).to_be_hidden()
    expect(page.locator(".print-hint")).to_be_visible()
    visit.assert_offline_and_clean()


def test_the_csv_download_opens_with_swedish_characters(open_live) -> None:
    visit = open_live("/report/nara-vard?lang=sv")
    page = visit.page
    with page.expect_download() as info:
        page.get_by_role("link", name="Kopplingarna (CSV)").click()
    download = info.value
    assert download.suggested_filename == "kopplingar-nara-vard-sv.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert text.splitlines()[0].startswith("\ufeffinitiativ;initiativ (IRI);fokusområde;delmål")
    assert "Måltider och möten" in text
    visit.assert_offline_and_clean()
