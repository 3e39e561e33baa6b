"""Interface texts of adding an initiative and editing its basic facts (/edit/initiative)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "curate.initiative.new_title": {"sv": "Nytt initiativ", "en": "New initiative"},
    "curate.initiative.edit_title": {"sv": "Redigera uppgifter: {name}", "en": "Edit facts: {name}"},
    "curate.initiative.new_link": {"sv": "Nytt initiativ", "en": "New initiative"},
    "curate.initiative.edit_link": {"sv": "Redigera uppgifter", "en": "Edit facts"},
    "curate.initiative.back": {"sv": "Tillbaka till initiativet", "en": "Back to the initiative"},
    "curate.initiative.back_list": {"sv": "Tillbaka till initiativen", "en": "Back to the initiatives"},
    "curate.initiative.legend": {"sv": "Namn, slag, status och datum", "en": "Names, kind, status and dates"},
    "curate.initiative.name_sv": {"sv": "Namn på svenska (obligatoriskt)", "en": "Name in Swedish (required)"},
    "curate.initiative.name_en": {"sv": "Namn på engelska (obligatoriskt)", "en": "Name in English (required)"},
    "curate.initiative.kind": {"sv": "Slag av initiativ (obligatoriskt)", "en": "Kind of initiative (required)"},
    "curate.initiative.choose": {"sv": "Välj …", "en": "Choose …"},
    "curate.initiative.status": {"sv": "Status", "en": "Status"},
    "curate.initiative.not_stated": {"sv": "Ej angiven", "en": "Not stated"},
    "curate.initiative.start": {"sv": "Startdatum", "en": "Start date"},
    "curate.initiative.end": {"sv": "Slutdatum", "en": "End date"},
    "curate.initiative.dates.help": {
        "sv": "Skriv ÅÅÅÅ-MM-DD, eller bara ÅÅÅÅ-MM eller ÅÅÅÅ när bara månad eller år är känt. Lämna tomt om "
        "datumet inte är känt. Slutdatumet får inte vara före startdatumet.",
        "en": "Write YYYY-MM-DD, or only YYYY-MM or YYYY when only the month or year is known. Leave empty when "
        "the date is not known. The end date may not be before the start date.",
    },
    "curate.initiative.partners": {"sv": "Deltagande organisationer", "en": "Participating organisations"},
    "curate.initiative.classification": {"sv": "Fokusområde och perspektiv", "en": "Focus area and perspectives"},
    "curate.initiative.no_focus_area": {"sv": "Inget fokusområde", "en": "No focus area"},
    "curate.initiative.perspectives": {"sv": "Prioriterade perspektiv", "en": "Priority perspectives"},
    "curate.initiative.decision": {"sv": "Beslutet", "en": "The decision"},
    "curate.initiative.add": {"sv": "Lägg till initiativet", "en": "Add the initiative"},
    "curate.initiative.done.add": {
        "sv": "Initiativet är tillagt. Ändringen finns i historiken.",
        "en": "The initiative is added. The change is in the history.",
    },
    "curate.initiative.done.edit": {
        "sv": "Uppgifterna är sparade. Ändringen finns i historiken.",
        "en": "The facts are saved. The change is in the history.",
    },
}
