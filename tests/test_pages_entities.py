"""The entity pages: initiatives (list and page), partners (list and page), focus areas, perspectives,
functions, themes, challenges and events, in Swedish and English, against facts known from the seeds."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.namespaces import ID
from kg.pages.entities import concept_page, event_page, format_amount, format_duration, format_period
from kg.pages.initiatives import initiative_list, initiative_page
from kg.pages.partners import organisation_page, partner_list
from kg.sparql import select
from webapp.routes import RESOURCE_PAGES

INI = "/id/initiative/"
ORG = "/id/organisation/"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[\s-]?(?:\(0\))?\s?|\(?0)\d{1,3}\)?[\s-]?\d{2,3}(?:[\s-]?\d{2}){2,3}(?![\w/])"
)


def page(client: FlaskClient, path: str, lang: str = "sv", status: int = 200) -> str:
    """The HTML of a page in a language (asked for as a browser does)."""
    sep = "&" if "?" in path else "?"
    response = client.get(f"{path}{sep}lang={lang}", headers={"Accept": "text/html"})
    assert response.status_code == status, (path, response.status_code)
    if status == 200:
        assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def words(markup: str) -> str:
    """The visible text of the main part of a page, tags removed and white space collapsed."""
    main = markup[markup.index("<main") : markup.index("</main>")] if "<main" in markup else markup
    text = html.unescape(re.sub(r"<[^>]+>", " ", main))
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" ([,.:;)])", r"\1", text).replace("( ", "(")


def iris_of(store: ox.Store, cls: str) -> list[str]:
    rows = select(store, "SELECT DISTINCT ?s ?class WHERE { ?s a/rdfs:subClassOf* ?class }", {"class": cls})
    return sorted(row["s"] for row in rows if row["s"].startswith(ID))


# ---------------------------------------------------------------- registration and formatting


def test_the_routing_table_has_a_page_for_every_entity_kind(app: Flask) -> None:
    for kind in ("initiative", "organisation", "focus-area", "perspective", "function", "theme", "challenge", "event"):
        assert RESOURCE_PAGES[kind].view.__module__ == "webapp.entities", kind


def test_formatting_in_both_languages() -> None:
    from datetime import datetime, timedelta, timezone

    tz = timezone(timedelta(hours=1))
    start, end = datetime(2024, 3, 15, 8, 30, tzinfo=tz), datetime(2024, 3, 15, 14, 0, tzinfo=tz)
    assert format_period(start, end, "sv") == "15 mars 2024, 08.30–14.00"
    assert format_period(start, end, "en") == "15 March 2024, 08:30–14:00"
    assert format_amount(285000, "SEK", "sv") == "285 000 kr"
    assert format_amount(285000, "SEK", "en") == "SEK 285,000"
    assert format_duration("P1Y", "sv") == "1 år" and format_duration("P2Y6M", "en") == "2 years 6 months"
    assert format_duration("about a year", "sv") == "about a year"  # anything else as stated


def test_page_models_return_none_for_unknown_resources(store: ox.Store) -> None:
    assert initiative_page(store, ID + "initiative/does-not-exist", "sv") is None
    assert organisation_page(store, ID + "organisation/does-not-exist", "sv") is None
    assert concept_page(store, ID + "focus-area/does-not-exist", "sv", "focus-area") is None
    assert event_page(store, ID + "event/does-not-exist", "en") is None


# ---------------------------------------------------------------- /initiatives


def test_initiative_list_groups_by_status_in_both_languages(client: FlaskClient) -> None:
    sv, en = page(client, "/initiatives", "sv"), page(client, "/initiatives", "en")
    text_sv, text_en = words(sv), words(en)
    for status in ("idé", "planerat", "pågående", "avslutat", "status ej angiven i källan"):
        assert status in text_sv, status
    for status in ("idea", "planned", "ongoing", "completed", "status not stated in the source"):
        assert status in text_en, status
    assert "Måltider och möten" in text_sv and "Meals and meetings" in text_en
    assert "Visar 26 av 26 initiativ" in text_sv and "Showing 26 of 26 initiatives" in text_en
    # a plain GET form with select boxes, no script needed
    assert '<form class="filters" method="get"' in sv and 'name="kind"' in sv and 'name="status"' in sv
    assert "<script" not in sv
    # the groups come in the order idea, planned, ongoing, completed, not stated
    order = [text_sv.index(f"{s} (") for s in ("idé", "planerat", "pågående", "avslutat")]
    assert order == sorted(order)


def test_initiative_list_shows_focus_area_and_goals_as_proposals(client: FlaskClient) -> None:
    markup = page(client, "/initiatives?status=ongoing", "sv")
    card = markup[markup.index(">Måltider och möten<") :]
    card = card[: card.index("</li>\n")]
    assert "/sdg/2" in card and "/sdg/3" in card and "/sdg/10" in card
    assert "(föreslagen)" in words(card) and "Nära vård inklusive välfärdsteknik" in words(card)
    assert 'class="proposal"' in card  # the focus area is a proposal
    en = words(page(client, "/initiatives?status=ongoing", "en"))
    assert "Goal 2 Zero hunger (proposed)" in en


def test_initiative_list_filters_by_kind_and_status(client: FlaskClient) -> None:
    ongoing = words(page(client, "/initiatives?status=ongoing"))
    assert "Måltider och möten" in ongoing and "Hälsoekonomi" not in ongoing
    assert "Visar 10 av 26 initiativ" in ongoing
    ideas = words(page(client, "/initiatives?kind=idea", "en"))
    assert "Health economics" in ideas and "Meals and meetings" not in ideas
    pilots_completed = words(page(client, "/initiatives?kind=pilot&status=completed"))
    assert "Inga initiativ motsvarar urvalet" in pilots_completed
    unstated = words(page(client, "/initiatives?status=none", "en"))
    assert "Conversations on research into lifelong learning" in unstated
    assert "Showing 4 of 26 initiatives" in unstated
    # unknown values are ignored, never an error
    assert "Visar 26 av 26 initiativ" in words(page(client, "/initiatives?kind=nonsense&status=%3Cx%3E"))
    selected = page(client, "/initiatives?kind=testbed")
    assert '<option value="testbed" selected>' in selected


def test_initiative_list_model(store: ox.Store) -> None:
    model = initiative_list(store, "en", status="planned")
    assert model.shown == 4 and model.total == 26
    assert [g.key for g in model.groups] == ["planned"]
    assert {o.key for o in model.statuses} == {"idea", "planned", "ongoing", "completed", "none"}


# ---------------------------------------------------------------- /partners


def test_partner_list_parties_first_with_administrations_under_their_municipality(client: FlaskClient) -> None:
    sv = page(client, "/partners", "sv")
    text = words(sv)
    assert text.index("Parter i Samhällskontraktet") < text.index("Andra partner och aktörer")
    parties = text[text.index("Parter i Samhällskontraktet") : text.index("Andra partner och aktörer")]
    for party in ("Eskilstuna kommun", "Mälardalens universitet", "Västerås stad"):
        assert party in parties
    assert "Region Sörmland" not in parties
    # the administration is nested in the municipality's list item
    municipality = sv[sv.index(f'href="{ORG}eskilstuna-kommun"') :]
    nested = municipality[: municipality.index("</li>")]
    assert f'href="{ORG}vard-och-omsorgsforvaltningen-eskilstuna"' in nested
    assert "Eskilstuna kommun kommun · 4 initiativ" in text
    assert "Samhällskontraktet samverkansarena · 14 initiativ" in text
    en = words(page(client, "/partners", "en"))
    assert "Parties of Samhällskontraktet" in en and "Eskilstuna municipality municipality · 4 initiatives" in en
    assert "Region Sörmland region · 1 initiative" in en


def test_partner_list_model(store: ox.Store) -> None:
    model = partner_list(store, "sv")
    assert [e.ref.iri for e in model.collaborations] == [ID + "organisation/samhallskontraktet"]
    parties = {e.ref.label.text for e in model.parties}
    assert parties == {"Eskilstuna kommun", "Mälardalens universitet", "Västerås stad"}
    vasteras = next(e for e in model.parties if e.ref.label.text == "Västerås stad")
    assert [c.ref.iri for c in vasteras.children] == [ID + "organisation/sociala-namndernas-forvaltning-vasteras"]


# ---------------------------------------------------------------- an initiative


def test_meals_and_meetings(client: FlaskClient) -> None:
    markup = page(client, INI + "maltider-och-moten", "sv")
    text = words(markup)
    assert "<h1>Måltider och möten</h1>" in markup
    assert "Status: pågående" in text
    assert "285 000 kr" in text and "varav 100 000 kr pilotbudget" in text
    assert "Måltider och möten, 3 piloter 285 000 kr (varav 100´ pilotbudget)" in text  # as stated
    for code in ("2.2", "3.4", "10.2"):
        assert f'href="/sdg/{code}"' in markup
        assert f"Delmål {code}" in text
    assert text.count("Status föreslagen") == 3 and "bekräftad" not in text
    assert "Mål 2 Ingen hunger" in text and "background-color: #DDA63A" in markup
    assert "Gemensamma måltider kan förebygga undernäring hos äldre" in text  # rationale
    assert "Relevans primär" in text and "Relevans sekundär" in text
    # focus area, perspectives and function are proposals, and say so
    assert "Indelningen är kunskapsgrafprojektets förslag" in text
    assert "Nära vård inklusive välfärdsteknik förslag" in text and "Samhällslabbet förslag" in text
    assert "Källans formulering" in text and "Måltider och möten – tre piloter" in text
    assert "Tema Välmående självständiga äldre" in text and "Deltagare Samhällskontraktet" in text


def test_meals_and_meetings_in_english(client: FlaskClient) -> None:
    text = words(page(client, INI + "maltider-och-moten", "en"))
    assert "Meals and meetings" in text and "Status: ongoing" in text
    assert "SEK 285,000" in text and "of which SEK 100,000 pilot budget" in text
    assert text.count("Status proposed") == 3
    assert "Target 2.2" in text and "Goal 10 Reduced inequalities" in text
    assert "This classification is the knowledge graph project's proposal" in text
    # the Swedish-only rationale is shown and marked as Swedish
    assert "Gemensamma måltider" in text


@pytest.mark.virtuoso_differs("Virtuoso 7.2 does not keep the written form of an xsd:duration: P1Y comes back as 12")
def test_leda(client: FlaskClient) -> None:
    markup = page(client, INI + "leda-for-smartare-valfard", "sv")
    text = words(markup)
    assert f'href="{ORG}vasteras-stad"' in markup and f'href="{ORG}skr"' in markup
    assert "Västerås stad" in text and "(SKR)" in text
    assert "Start september 2016" in text
    assert "Längd 1 år (angivet som: P1Y)" in text
    assert "Status: avslutat" in text
    assert "Projektets anmärkning" in text and "Status härledd av projektet" in text
    assert "39 kommuner" in text and "39 kommuner ansökte till de 10 platserna." in text  # cited figures
    en = words(page(client, INI + "leda-for-smartare-valfard", "en"))
    assert "Start September 2016" in en and "Duration 1 year" in en
    assert "City of Västerås" in en and "39 municipalities" in en
    # the editorial note exists only in Swedish: shown, and marked as Swedish
    assert '<li><span lang="sv">Status härledd av projektet' in page(client, INI + "leda-for-smartare-valfard", "en")


def test_initiative_without_status(client: FlaskClient) -> None:
    sv = words(page(client, INI + "samtal-forskning-livslangt-larande", "sv"))
    en = words(page(client, INI + "samtal-forskning-livslangt-larande", "en"))
    assert "status ej angiven i källan" in sv
    assert "status not stated in the source" in en


def test_responsible_person_funder_and_background_figures(client: FlaskClient) -> None:
    sv = words(page(client, INI + "digital-motesplats-civilsamhallet", "sv"))
    assert "Ansvarig Osman Aytar (Universitetslektor i socialt arbete, Mälardalens högskola)" in sv
    assert "Finansiär Mälardalens kompetenscentrum för lärande (MKL)" in sv
    assert "drygt 75 procent" in sv and "14 procent" in sv
    assert "Även kallad: Nyby-projektet" in sv
    assert "Start 2020" in sv and "avslut senarelagt till 2021" in sv  # planned period as stated
    en = words(page(client, INI + "digital-motesplats-civilsamhallet", "en"))
    assert "just over 75 per cent" in en and "Senior lecturer in social work" in en


def test_parts_both_directions_shared_budget_and_events(client: FlaskClient) -> None:
    testbed = words(page(client, INI + "angsgardet", "sv"))
    assert "Delar Examensarbeten kopplade till testbädd Ängsgärdet" in testbed
    assert "375 000 kr" in testbed and "gemensam post med: Framtidens äldreboende" in testbed
    part = words(page(client, INI + "examensarbeten-angsgardet", "en"))
    assert "Part of Ängsgärdet testbed" in part and "Planned period HT24" in part
    research = words(page(client, INI + "forskning-existentiell-halsa", "sv"))
    assert "Evenemang Öppen verkstad – Existentiell hälsa i fokus" in research
    salus = words(page(client, INI + "salus-mea", "sv"))
    assert "260 000 kr" in salus and "Projektets anmärkning" in salus and "Redan beslutad." in salus


# ---------------------------------------------------------------- an organisation


def test_eskilstuna(client: FlaskClient) -> None:
    markup = page(client, ORG + "eskilstuna-kommun", "sv")
    text = words(markup)
    assert "<h1>Eskilstuna kommun</h1>" in markup
    assert "Måsta äng" in text and "Stödet" in text and f'href="{INI}masta-ang"' in markup
    assert "Initiativ (4)" in text
    assert "Förvaltningar och enheter Vård- och omsorgsförvaltningen, Eskilstuna kommun" in text
    assert "Part i Samhällskontraktet" in text
    assert "Mål 3 Hälsa och välbefinnande (föreslagen) – 3 initiativ" in text  # goals derived with counts
    assert "Region Sörmland – samarbetspartner enligt källan" in text
    assert "gemensamma initiativ: Stödet" in text
    en = words(page(client, ORG + "eskilstuna-kommun", "en"))
    assert "Eskilstuna municipality" in en and "Måsta äng" in en and "Goal 3 Good health and well-being" in en


def test_samhallskontraktet(client: FlaskClient) -> None:
    text = words(page(client, ORG + "samhallskontraktet", "sv"))
    assert "Ett tryggt och hållbart samhälle präglat av tillit" in text  # vision
    assert "Tillsammans lösa komplexa samhällsutmaningar" in text  # mission
    assert "Ordförande för Samhällskontraktets styrelse Helene Öhrlind" in text
    assert "Antal ledamöter 6" in text
    assert "väljer Core Team ut vilka mål och delmål" in text
    assert "Samhällslabbet Utvecklar, testar och lär." in text
    for party in ("Eskilstuna kommun", "Mälardalens universitet", "Västerås stad"):
        assert party in text
    assert "Initiativ (14)" in text and "Arrangerade evenemang" in text
    en = words(page(client, ORG + "samhallskontraktet", "en"))
    assert "Chair of the board of Samhällskontraktet Helene Öhrlind" in en
    assert "Number of members 6" in en and "Develops, tests and learns." in en
    assert "Ett tryggt och hållbart samhälle" in en  # the vision exists only in Swedish


def test_people_in_public_roles(client: FlaskClient) -> None:
    vasteras = words(page(client, ORG + "vasteras-stad", "sv"))
    assert "Stadsdirektör, Västerås stad: Helene Öhrlind" in vasteras
    assert "Direktör, Sociala nämndernas förvaltning (2016): Eva Sahlén" in vasteras  # in its administration
    assert "LEDA för smartare välfärd" in vasteras
    mdu = words(page(client, ORG + "malardalens-universitet", "en"))
    assert "Former names Mälardalens högskola" in mdu and "Also called MDU" in mdu
    assert "Osman Aytar" in mdu


def test_board_page(client: FlaskClient) -> None:
    text = words(page(client, ORG + "samhallskontraktet-styrelse", "sv"))
    assert "Antal ledamöter: 6" in text and "Helene Öhrlind" in text and "Del av Samhällskontraktet" in text


# ---------------------------------------------------------------- focus areas, perspectives, functions, themes


@pytest.mark.parametrize(
    ("path", "sv_facts", "en_facts"),
    [
        (
            "/id/focus-area/nara-vard",
            [
                "Fokusområde",
                "Egenvård",
                "Psykisk hälsa",
                "Måltider och möten förslag",
                "egenvård, hälsofrämjande insatser och psykisk hälsa",
            ],
            ["Focus area", "Self-care", "Meals and meetings proposal"],
        ),
        (
            "/id/focus-area/skolresultat",
            ["Barn och ungas hälsa och trygghet", "Inga initiativ är tilldelade ännu"],
            ["School results", "No initiative is assigned yet"],
        ),
        (
            "/id/perspective/trygghet",
            ["Prioriterat perspektiv 7", "Salus mea – trygghetslarm med civilsamhället förslag"],
            ["Priority perspective 7", "Safety and security"],
        ),
        (
            "/id/function/samhallslabbet",
            ["Utvecklar, testar och lär.", "Funktion inom Samhällskontraktet", "Framtidens äldreboende förslag"],
            ["Develops, tests and learns.", "Function of Samhällskontraktet"],
        ),
        (
            "/id/theme/valmaende-sjalvstandiga-aldre",
            [
                "Välmående självständiga äldre",
                "Välståndsjävständiga äldre",
                "Projektets anmärkning",
                "Öppen verkstad – Samarbete för samhällsnytta",
            ],
            ["Well-being of independent older people", "Meals and meetings"],
        ),
        (
            "/id/challenge/egenvard",
            ["Utmaning", "Nära vård inklusive välfärdsteknik", "Psykisk hälsa", "Initiativ inom fokusområdet"],
            ["Challenge", "Self-care", "Initiatives within the focus area"],
        ),
    ],
)
def test_concept_pages(client: FlaskClient, path: str, sv_facts: list[str], en_facts: list[str]) -> None:
    sv, en = words(page(client, path, "sv")), words(page(client, path, "en"))
    for fact in sv_facts:
        assert fact in sv, fact
    for fact in en_facts:
        assert fact in en, fact


def test_theme_initiatives_are_facts_not_proposals(client: FlaskClient) -> None:
    markup = page(client, "/id/theme/valmaende-sjalvstandiga-aldre", "sv")
    card = markup[markup.index(">Måltider och möten<") :]
    heading = card[: card.index("</h3>")]
    assert "proposal" not in heading  # the source states the theme; only the focus area below is a proposal


# ---------------------------------------------------------------- events


def test_event_page(client: FlaskClient) -> None:
    markup = page(client, "/id/event/oppen-verkstad-2024-03-15", "sv")
    text = words(markup)
    assert "Öppen verkstad – Existentiell hälsa i fokus" in text
    assert "När 15 mars 2024, 08.30–14.00" in text and "08.30" in text
    assert "Plats Elite Stadshotell, Eskilstuna" in text and "Ort Eskilstuna" in text
    assert "Arrangör Samhällskontraktet" in text and "Tema Välmående självständiga äldre" in text
    assert "Relaterat initiativ Forsknings- och utbildningsinsatser om existentiell hälsa" in text
    assert '<time datetime="2024-03-15T08:30:00+01:00">' in markup
    en = words(page(client, "/id/event/oppen-verkstad-2024-03-15", "en"))
    assert "When 15 March 2024, 08:30–14:00" in en and "Elite Stadshotell, Eskilstuna" in en
    april = words(page(client, "/id/event/oppen-verkstad-2024-04-19", "sv"))
    assert "19 april 2024, 08.30–14.00" in april and "Plaza hotell, Västerås" in april


# ---------------------------------------------------------------- every page: RDF, sources, onward links; 404s


@pytest.mark.parametrize(
    "path",
    [
        INI + "maltider-och-moten",
        ORG + "samhallskontraktet",
        ORG + "skr",
        "/id/focus-area/nara-vard",
        "/id/perspective/digital-teknik",
        "/id/function/samhallsforum",
        "/id/theme/valmaende-sjalvstandiga-aldre",
        "/id/challenge/psykisk-halsa",
        "/id/event/oppen-verkstad-2024-04-19",
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_offers_its_rdf_sources_and_onward_links(client: FlaskClient, path: str, lang: str) -> None:
    markup = page(client, path, lang)
    assert f'<link rel="alternate" type="text/turtle" href="{path}.ttl">' in markup
    assert f'<link rel="alternate" type="application/ld+json" href="{path}.jsonld">' in markup
    assert f'href="{path}.ttl" download' in markup and f'href="{path}.nt" download' in markup
    assert 'id="sources-heading"' in markup and 'href="/id/source/' in markup
    assert '<nav class="onward"' in markup
    assert markup.count("<h1") == 1
    assert "&lt;span" not in markup and "&lt;a " not in markup  # markup is never escaped twice
    assert f'<html lang="{lang}">' in markup
    assert client.get(path + ".ttl").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        INI + "does-not-exist",
        ORG + "does-not-exist",
        "/id/focus-area/nope",
        "/id/perspective/nope",
        "/id/function/nope",
        "/id/theme/nope",
        "/id/challenge/nope",
        "/id/event/2099-01-01",
    ],
)
def test_unknown_slugs_are_404(client: FlaskClient, path: str) -> None:
    markup = page(client, path, "sv", status=404)
    assert "Traceback" not in markup


def test_language_is_remembered(client: FlaskClient) -> None:
    client.get("/initiatives?lang=en")
    assert "Meals and meetings" in words(
        client.get(INI + "maltider-och-moten", headers={"Accept": "text/html"}).get_data(as_text=True)
    )


def test_the_contact_detail_patterns_catch_what_they_should() -> None:
    for number in ("070-123 45 67", "+46 21 39 00 00", "021-39 00 00", "+46 (0)16 710 10 00", "0701234567"):
        assert PHONE.search(number), number
    for harmless in ("1 310 000 kr", "285 000 kr", "2024-03-15", "08.30–14.00", "10.2", "SEK 1,310,000"):
        assert not PHONE.search(harmless), harmless
    assert EMAIL.search("kontakt: anna.berg@vasteras.se") and not EMAIL.search("Samhällskontraktet")


def test_no_contact_details_on_any_page(client: FlaskClient, store: ox.Store) -> None:
    paths = ["/initiatives", "/partners"]
    for cls in (
        "https://w3id.org/samhallskontraktet/ontology#Initiative",
        "http://www.w3.org/ns/org#Organization",
        "https://w3id.org/samhallskontraktet/ontology#Event",
        "http://www.w3.org/2004/02/skos/core#Concept",
    ):
        paths += [iri.replace(ID, "/id/") for iri in iris_of(store, cls)]
    assert len(paths) > 60
    for path in paths:
        for lang in ("sv", "en"):
            response = client.get(f"{path}?lang={lang}", headers={"Accept": "text/html"})
            assert response.status_code == 200, path
            markup = response.get_data(as_text=True)
            text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
            assert not EMAIL.search(text), (path, EMAIL.search(text))
            assert not PHONE.search(text), (path, PHONE.search(text))
            assert "mailto:" not in markup and "tel:" not in markup, path


# ---------------------------------------------------------------- statuses other than "proposed", texts


def test_confirmed_and_rejected_links_are_told_apart(store: ox.Store) -> None:
    """A link the core team confirmed is shown as confirmed, a rejected one serves no goal; an initiative typed
    only skk:Initiative and without status is listed as such."""
    from kg.namespaces import GRAPHS, SDG, SKK

    memory = ox.Store()
    memory.extend(store.quads_for_pattern(None, None, None, None))
    new = ox.NamedNode(ID + "initiative/test-initiativ")
    mappings, facts = ox.NamedNode(GRAPHS["mappings"]), ox.NamedNode(GRAPHS["collaboration"])
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    quads = [
        ox.Quad(new, rdf_type, ox.NamedNode(SKK + "Initiative"), facts),
        ox.Quad(
            new,
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
            ox.Literal("Testinitiativ", language="sv"),
            facts,
        ),
    ]
    for code, status in (("4.4", "confirmed"), ("1.1", "rejected")):
        link = ox.NamedNode(ID + f"link/test--{code}")
        quads += [
            ox.Quad(link, rdf_type, ox.NamedNode(SKK + "TargetLink"), mappings),
            ox.Quad(link, ox.NamedNode(SKK + "initiative"), new, mappings),
            ox.Quad(link, ox.NamedNode(SKK + "target"), ox.NamedNode(SDG + code), mappings),
            ox.Quad(link, ox.NamedNode(SKK + "linkStatus"), ox.NamedNode(SKK + status), mappings),
        ]
    memory.extend(quads)
    listed = initiative_list(memory, "sv", status="none")
    summary = next(s for g in listed.groups for s in g.initiatives if s.iri == new.value)
    assert summary.kind is not None and summary.kind.text == "initiativ" and summary.status_key == "none"
    assert [(g.code, g.statuses, g.proposed_only) for g in summary.goals] == [("4", ["confirmed"], False)]
    model = initiative_page(memory, new.value, "en")
    assert model is not None and model.status is None
    assert [(link.code, link.status_key, link.status.text if link.status else None) for link in model.links] == [
        ("4.4", "confirmed", "confirmed"),
        ("1.1", "rejected", "rejected"),
    ]


def test_every_interface_text_of_the_entity_pages_exists_in_both_languages() -> None:
    from kg.texts import TEXTS
    from kg.texts.entities import TEXTS as OURS

    for key, value in OURS.items():
        assert key.startswith("entities.") and value.get("sv") and value.get("en"), key
    templates = Path(__file__).resolve().parent.parent / "webapp" / "templates" / "pages"
    used = set()
    for template in templates.glob("entity-*.html"):
        used |= set(re.findall(r"""t\(["'](entities\.[\w.-]+)["']""", template.read_text(encoding="utf-8")))
    # keys built in the templates from a value
    used |= {f"entities.kind.{k}" for k in ("focus-area", "perspective", "function", "theme", "challenge", "event")}
    used |= {f"entities.definition.{k}" for k in ("focus-area", "perspective", "function", "theme", "challenge")}
    used |= {f"entities.link.{k}" for k in ("proposed", "confirmed", "rejected")}
    used |= {"entities.role.participant", "entities.role.funder"}
    used |= {"entities.assigned.any", "entities.assigned.challenge"}
    missing = sorted(key for key in used if not key.endswith(".") and key not in TEXTS)
    assert not missing, missing
