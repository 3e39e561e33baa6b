"""Interface texts of the core team's work on initiative–target links (/edit/link… and the controls on the
target, goal and initiative pages)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # the page of one link
    "curate.link.title": {"sv": "Koppling: {initiative} – delmål {code}", "en": "Link: {initiative} – target {code}"},
    "curate.link.title.unknown": {"sv": "Okänd koppling", "en": "Unknown link"},
    "curate.link.gone": {
        "sv": "Kopplingen finns inte (längre). Det finns inget att ändra.",
        "en": "The link does not exist (any more). There is nothing to change.",
    },
    "curate.link.now": {"sv": "Kopplingen nu", "en": "The link now"},
    "curate.link.initiative": {"sv": "Initiativ", "en": "Initiative"},
    "curate.link.target": {"sv": "Delmål", "en": "Target"},
    "curate.link.target.code": {"sv": "Delmål {code}", "en": "Target {code}"},
    "curate.link.relevance": {"sv": "Relevans", "en": "Relevance"},
    "curate.link.rationale": {"sv": "Motivering", "en": "Rationale"},
    "curate.link.rationale.help": {
        "sv": "Varför initiativet bidrar till delmålet (högst 4000 tecken).",
        "en": "Why the initiative serves the target (at most 4000 characters).",
    },
    "curate.link.status": {"sv": "Status", "en": "Status"},
    "curate.link.version": {"sv": "Version", "en": "Version"},
    "curate.link.back": {"sv": "Tillbaka", "en": "Back"},
    # deciding
    "curate.link.decide.legend": {"sv": "Bekräfta eller avvisa kopplingen", "en": "Confirm or reject the link"},
    "curate.link.decide.confirm": {
        "sv": "Bekräfta: initiativet bidrar till delmålet",
        "en": "Confirm: the initiative serves the target",
    },
    "curate.link.decide.reject": {
        "sv": "Avvisa: initiativet bidrar inte till delmålet",
        "en": "Reject: the initiative does not serve the target",
    },
    "curate.link.decide.button": {"sv": "Spara beslutet", "en": "Save the decision"},
    # editing
    "curate.link.edit.legend": {"sv": "Ändra relevans och motivering", "en": "Change relevance and rationale"},
    "curate.link.reason.optional": {"sv": "Skäl (frivilligt)", "en": "Reason (optional)"},
    "curate.link.edit.button": {"sv": "Spara ändringen", "en": "Save the change"},
    # removing
    "curate.link.remove.legend": {"sv": "Ta bort kopplingen", "en": "Remove the link"},
    "curate.link.remove.help": {
        "sv": "En borttagen koppling syns inte längre, men finns kvar i historiken och kan återställas därifrån.",
        "en": "A removed link is no longer shown, but it stays in the history and can be restored from there.",
    },
    "curate.link.remove.button": {"sv": "Ta bort kopplingen", "en": "Remove the link"},
    # adding
    "curate.link.new.title": {
        "sv": "Ny koppling mellan initiativ och delmål",
        "en": "New link between an initiative and a target",
    },
    "curate.link.new.legend": {"sv": "Lägg till en koppling", "en": "Add a link"},
    "curate.link.new.legend.target": {
        "sv": "Koppla ett initiativ till delmål {code}",
        "en": "Link an initiative to target {code}",
    },
    "curate.link.new.legend.initiative": {
        "sv": "Koppla initiativet till ett delmål",
        "en": "Link the initiative to a target",
    },
    "curate.link.new.choose": {"sv": "Välj ett initiativ", "en": "Choose an initiative"},
    "curate.link.new.target": {"sv": "Delmål: kod eller ord", "en": "Target: code or words"},
    "curate.link.new.target.help": {
        "sv": "Skriv delmålets kod (till exempel 3.4) eller ord ur dess text på svenska eller engelska "
        "(till exempel ensamhet eller mental health).",
        "en": "Type the target's code (for example 3.4) or words from its text in Swedish or English "
        "(for example ensamhet or mental health).",
    },
    "curate.link.new.candidates": {"sv": "Delmål som passar ”{words}”", "en": "Targets that fit “{words}”"},
    "curate.link.new.candidates.none": {
        "sv": "Inget av dem: sök med orden ovan",
        "en": "None of them: search with the words above",
    },
    "curate.link.new.status": {"sv": "En ny koppling sparas som bekräftad.", "en": "A new link is saved as confirmed."},
    "curate.link.new.button": {"sv": "Lägg till kopplingen", "en": "Add the link"},
    "curate.link.new.ambiguous": {
        "sv": "{n} delmål passar ”{words}”. Välj ett av dem nedan, eller skriv andra ord.",
        "en": "{n} targets fit “{words}”. Choose one of them below, or type other words.",
    },
    "curate.link.new.many": {
        "sv": "Fler än {n} delmål passar ”{words}”; de första {n} visas. Skriv fler ord eller koden för att hitta "
        "fler.",
        "en": "More than {n} targets fit “{words}”; the first {n} are shown. Type more words or the code to find "
        "others.",
    },
    "curate.link.new.none": {
        "sv": "Inget delmål passar ”{words}”. Skriv delmålets kod (till exempel 3.4) eller andra ord.",
        "en": "No target fits “{words}”. Type the target's code (for example 3.4) or other words.",
    },
    "curate.link.new.none.code": {
        "sv": "Det finns inget delmål med koden {code}.",
        "en": "There is no target with the code {code}.",
    },
    "curate.link.new.missing": {
        "sv": "Ange delmålet med dess kod eller med ord ur dess text.",
        "en": "Give the target by its code or by words from its text.",
    },
    # done
    "curate.link.done.confirmed": {
        "sv": "Kopplingen är bekräftad. Ändringen finns i historiken.",
        "en": "The link is confirmed. The change is in the history.",
    },
    "curate.link.done.rejected": {
        "sv": "Kopplingen är avvisad. Ändringen finns i historiken.",
        "en": "The link is rejected. The change is in the history.",
    },
    "curate.link.done.edited": {
        "sv": "Kopplingen är ändrad. Ändringen finns i historiken.",
        "en": "The link is changed. The change is in the history.",
    },
    "curate.link.done.removed": {
        "sv": "Kopplingen är borttagen. Ändringen finns i historiken.",
        "en": "The link is removed. The change is in the history.",
    },
    "curate.link.done.added": {
        "sv": "Kopplingen är tillagd. Ändringen finns i historiken.",
        "en": "The link is added. The change is in the history.",
    },
    "curate.link.choose.status": {
        "sv": "Välj om kopplingen ska bekräftas eller avvisas.",
        "en": "Choose whether to confirm or reject the link.",
    },
    # controls on the pages
    "curate.link.change": {"sv": "Ändra…", "en": "Edit…"},
    "curate.link.change.of": {"sv": "kopplingen till {name}", "en": "the link to {name}"},
    "curate.link.col.edit": {"sv": "Ändra", "en": "Edit"},
    "curate.link.select": {"sv": "Välj…", "en": "Select…"},
    "curate.link.deselect": {"sv": "Välj bort…", "en": "Deselect…"},
    "curate.link.select.of": {"sv": "delmål {code}", "en": "target {code}"},
    "curate.link.new.page": {"sv": "Lägg till en koppling på en egen sida…", "en": "Add a link on a page of its own…"},
}
