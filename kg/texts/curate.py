"""Interface texts of the core team's editing (forms under /edit and the controls on the pages)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "curate.save": {"sv": "Spara", "en": "Save"},
    "curate.reason": {"sv": "Skäl (obligatoriskt)", "en": "Reason (required)"},
    "curate.reason.help": {
        "sv": "Skälet sparas i historiken tillsammans med vem som ändrade och när.",
        "en": "The reason is kept in the history together with who changed it and when.",
    },
    "curate.back": {"sv": "Tillbaka till delmål {code}", "en": "Back to target {code}"},
    "curate.focus_area": {"sv": "Fokusområde", "en": "Focus area"},
    "curate.selection.title": {"sv": "Välj delmål {code}", "en": "Select target {code}"},
    "curate.selection.legend": {
        "sv": "Samhällskontraktets val av delmål {code}",
        "en": "Samhällskontraktet's selection of target {code}",
    },
    "curate.selection.now.yes": {"sv": "Delmålet är valt nu.", "en": "The target is selected now."},
    "curate.selection.now.no": {"sv": "Delmålet är inte valt nu.", "en": "The target is not selected now."},
    "curate.selection.select": {"sv": "Välj delmålet", "en": "Select the target"},
    "curate.selection.reselect": {
        "sv": "Behåll valet med nytt skäl eller fokusområde",
        "en": "Keep the selection with a new reason or focus area",
    },
    "curate.selection.deselect": {"sv": "Välj bort delmålet", "en": "Deselect the target"},
    "curate.selection.done.select": {
        "sv": "Delmålet är valt. Ändringen finns i historiken.",
        "en": "The target is selected. The change is in the history.",
    },
    "curate.selection.done.deselect": {
        "sv": "Delmålet är bortvalt. Ändringen finns i historiken.",
        "en": "The target is deselected. The change is in the history.",
    },
    "curate.edit": {"sv": "Ändra", "en": "Edit"},
    "curate.history.heading": {"sv": "Historik", "en": "History"},
}
