"""Interface texts of the history of changes on the pages, and of undoing a change (/edit/undo)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "curate.history.intro": {
        "sv": "Core teams ändringar av delmålsval, kopplingar och uppgifter, nyast först. Historiken är en del av "
        "grafen (PROV-O) och kan frågas med SPARQL.",
        "en": "The core team's changes of target selections, links and facts, newest first. The history is part of "
        "the graph (PROV-O) and can be queried with SPARQL.",
    },
    "curate.history.caption": {"sv": "Ändringar, nyast först", "en": "Changes, newest first"},
    "curate.history.col.when": {"sv": "När", "en": "When"},
    "curate.history.col.who": {"sv": "Vem", "en": "Who"},
    "curate.history.col.what": {"sv": "Vad som ändrades", "en": "What changed"},
    "curate.history.col.reason": {"sv": "Skäl", "en": "Reason"},
    "curate.history.member": {"sv": "en medlem i core team", "en": "a member of the core team"},
    "curate.history.undone": {"sv": "Ångrade en tidigare ändring:", "en": "Undid an earlier change:"},
    "curate.history.about.target": {"sv": "delmål {code}", "en": "target {code}"},
    "curate.history.empty": {"sv": "(inget)", "en": "(none)"},
    "curate.history.more": {
        "sv": "Ytterligare {n} äldre ändringar visas inte här.",
        "en": "{n} older changes are not shown here.",
    },
    "curate.history.undo": {"sv": "Ångra…", "en": "Undo…"},
    "curate.history.undo.label": {"sv": "Ångra ändringen från {when}", "en": "Undo the change of {when}"},
    # the change of a decision in words: curate.history.change.<selection|link|facts>.<change>
    "curate.history.change.selection.selected": {"sv": "Delmålet valdes", "en": "Target selected"},
    "curate.history.change.selection.deselected": {"sv": "Delmålet valdes bort", "en": "Target deselected"},
    "curate.history.change.selection.changed": {"sv": "Valet ändrades", "en": "Selection changed"},
    "curate.history.change.link.added": {"sv": "Koppling tillagd", "en": "Link added"},
    "curate.history.change.link.restored": {"sv": "Koppling återställd", "en": "Link restored"},
    "curate.history.change.link.removed": {"sv": "Koppling borttagen", "en": "Link removed"},
    "curate.history.change.link.confirmed": {"sv": "Koppling bekräftad", "en": "Link confirmed"},
    "curate.history.change.link.rejected": {"sv": "Koppling avvisad", "en": "Link rejected"},
    "curate.history.change.link.proposed": {"sv": "Koppling åter föreslagen", "en": "Link proposed again"},
    "curate.history.change.link.edited": {"sv": "Koppling ändrad", "en": "Link edited"},
    "curate.history.change.facts.added": {"sv": "Initiativet lades till", "en": "Initiative added"},
    "curate.history.change.facts.restored": {
        "sv": "Initiativets uppgifter återställda",
        "en": "Initiative's facts restored",
    },
    "curate.history.change.facts.removed": {"sv": "Initiativet togs bort", "en": "Initiative removed"},
    "curate.history.change.facts.edited": {"sv": "Initiativets uppgifter ändrade", "en": "Initiative's facts edited"},
    # the fields whose old and new values are shown: curate.history.field.<local name of the property>
    "curate.history.field.linkStatus": {"sv": "status", "en": "status"},
    "curate.history.field.relevance": {"sv": "relevans", "en": "relevance"},
    "curate.history.field.rationale": {"sv": "motivering", "en": "rationale"},
    "curate.history.field.focusArea": {"sv": "fokusområde", "en": "focus area"},
    "curate.history.field.prefLabel": {"sv": "namn", "en": "name"},
    "curate.history.field.altLabel": {"sv": "annat namn", "en": "other name"},
    "curate.history.field.type": {"sv": "slag", "en": "kind"},
    "curate.history.field.status": {"sv": "status", "en": "status"},
    "curate.history.field.description": {"sv": "beskrivning", "en": "description"},
    "curate.history.field.startDate": {"sv": "startdatum", "en": "start date"},
    "curate.history.field.endDate": {"sv": "slutdatum", "en": "end date"},
    "curate.history.field.participant": {"sv": "partner", "en": "partner"},
    "curate.history.field.perspective": {"sv": "perspektiv", "en": "perspective"},
    "curate.history.field.theme": {"sv": "tema", "en": "theme"},
    # undoing
    "curate.undo.title": {"sv": "Ångra en ändring", "en": "Undo a change"},
    "curate.undo.change": {"sv": "Ändringen", "en": "The change"},
    "curate.undo.restores": {
        "sv": "Efter ångrandet gäller det som gällde före ändringen:",
        "en": "After the undo, what held before the change holds again:",
    },
    "curate.undo.restores.gone.link": {"sv": "Kopplingen tas bort.", "en": "The link is removed."},
    "curate.undo.restores.gone.selection": {
        "sv": "Delmålet är inte längre valt.",
        "en": "The target is no longer selected.",
    },
    "curate.undo.restores.gone.facts": {"sv": "Initiativet tas bort.", "en": "The initiative is removed."},
    "curate.undo.legend": {"sv": "Ångra ändringen", "en": "Undo the change"},
    "curate.undo.reason": {"sv": "Skäl (valfritt)", "en": "Reason (optional)"},
    "curate.undo.reason.help": {
        "sv": "Ångrandet sparas i historiken som en ny ändring, med skälet, vem som ångrade och när.",
        "en": "The undo is kept in the history as a new change, with the reason, who undid it and when.",
    },
    "curate.undo.submit": {"sv": "Ångra ändringen", "en": "Undo the change"},
    "curate.undo.done": {
        "sv": "Ändringen är ångrad. Ångrandet finns i historiken.",
        "en": "The change is undone. The undo is in the history.",
    },
    "curate.undo.stale": {
        "sv": "Något har ändrats efter den här ändringen, så den kan inte ångras längre. Bara den senaste ändringen "
        "av en sak kan ångras.",
        "en": "Something has changed since this change, so it cannot be undone any more. Only the latest change of a "
        "thing can be undone.",
    },
    "curate.undo.unknown": {
        "sv": "Det finns ingen sådan ändring i historiken.",
        "en": "There is no such change in the history.",
    },
    "curate.undo.back": {"sv": "Tillbaka utan att ångra", "en": "Back without undoing"},
}
