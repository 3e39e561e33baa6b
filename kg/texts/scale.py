"""Interface texts of the parts of pages that appear when the graph holds many collaborations (the national
graph, issue 7): the other collaborations on the home page, the paged partner list and gap lists, and the row
limit of the named queries."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # home: the collaboration shown when the configured one (Samhällskontraktet) is not in the graph
    "scale.about.heading": {"sv": "Om {name}", "en": "About {name}"},
    # home: the other collaborations
    "scale.others.heading": {"sv": "Andra samverkan", "en": "Other collaborations"},
    "scale.others.intro": {
        "sv": "Grafen har {n} samverkan. Här visas de {shown} som deltar i flest initiativ.",
        "en": "The graph holds {n} collaborations. Shown here: the {shown} that take part in the most initiatives.",
    },
    "scale.others.initiatives.one": {"sv": "1 initiativ", "en": "1 initiative"},
    "scale.others.initiatives.many": {"sv": "{n} initiativ", "en": "{n} initiatives"},
    "scale.others.all": {
        "sv": "Alla {n} samverkan och deras partner",
        "en": "All {n} collaborations and their partners",
    },
    # /partners, paged
    "scale.partners.range": {
        "sv": "Organisationerna {first}–{last} av {total} (enheter och förvaltningar under sin organisation).",
        "en": "Organisations {first}–{last} of {total} (units and administrations under their organisation).",
    },
}
