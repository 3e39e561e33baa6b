"""Interface texts of the board report (/report, `kg report` and its CSV files)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nav.report": {"sv": "Rapport", "en": "Report"},
    # ---------------------------------------------------------------- the head of the report
    "reports.kicker": {
        "sv": "Samhällskontraktet · Agenda 2030 · Rapport till styrelsen",
        "en": "Samhällskontraktet · Agenda 2030 · Report to the board",
    },
    "reports.title.whole": {"sv": "Hela samverkan och Agenda 2030", "en": "The whole collaboration and Agenda 2030"},
    "reports.title.area": {"sv": "Fokusområde: {area}", "en": "Focus area: {area}"},
    "reports.whole.about": {
        "sv": "Samverkans initiativ i alla fokusområden mot Agenda 2030:s mål och delmål: vad som täcks, vad core "
        "team har bekräftat, vad budgeten säger och var luckorna finns.",
        "en": "The collaboration's initiatives in every focus area against the goals and targets of Agenda 2030: "
        "what is covered, what the core team has confirmed, what the budget says and where the gaps are.",
    },
    "reports.made": {"sv": "Rapporten gjord", "en": "Report made"},
    "reports.state": {"sv": "Dataläge", "en": "Data state"},
    "reports.state.text": {
        "sv": "version {fingerprint} ({triples} tripplar); projektets förslag gjorda {proposed};",
        "en": "version {fingerprint} ({triples} triples); the project's proposals made {proposed};",
    },
    "reports.state.decisions": {
        "sv": "{count} beslut av core team, det senaste {latest}.",
        "en": "{count} decisions by the core team, the latest {latest}.",
    },
    "reports.state.no_decisions": {"sv": "inga beslut av core team ännu.", "en": "no decisions by the core team yet."},
    "reports.language": {"sv": "Språk", "en": "Language"},
    "reports.language.value": {"sv": "svenska (finns även på engelska)", "en": "English (also in Swedish)"},
    "reports.online": {"sv": "På webben", "en": "Online"},
    "reports.proposals.title": {"sv": "Förslag är märkta som förslag.", "en": "Proposals are marked as proposals."},
    "reports.proposals.text": {
        "sv": "{proposed} av {total} kopplingar till delmål är förslag som core team ännu inte har tagit ställning "
        "till (märkta FÖRESLAGEN); bara kopplingar märkta BEKRÄFTAD är core teams beslut.",
        "en": "{proposed} of {total} links to targets are proposals the core team has not yet decided on (marked "
        "PROPOSED); only links marked CONFIRMED are the core team's decisions.",
    },
    "reports.proposals.assignments": {
        "sv": "{count} av {total} initiativ hör till fokusområdet enligt projektets förslag, inte enligt core teams "
        "beslut.",
        "en": "{count} of {total} initiatives belong to the focus area by the project's proposal, not by a decision "
        "of the core team.",
    },
    # ---------------------------------------------------------------- the page's tools
    "reports.tools": {"sv": "Rapporter och nedladdningar", "en": "Reports and downloads"},
    "reports.scope.whole": {"sv": "Hela samverkan", "en": "The whole collaboration"},
    "reports.print": {"sv": "Skriv ut", "en": "Print"},
    "reports.print.hint": {
        "sv": "Skriv ut med webbläsarens utskrift (A4).",
        "en": "Print with the browser's Print (A4).",
    },
    "reports.download.links": {"sv": "Kopplingarna (CSV)", "en": "The links (CSV)"},
    "reports.download.matrix": {"sv": "Initiativ × mål (CSV)", "en": "Initiatives × goals (CSV)"},
    # ---------------------------------------------------------------- summary
    "reports.summary": {"sv": "Sammanfattning", "en": "Summary"},
    "reports.figure.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "reports.figure.initiatives.proposed": {
        "sv": "varav {count} med föreslagen tillhörighet",
        "en": "of which {count} assigned by proposal",
    },
    "reports.figure.goals": {"sv": "Mål med initiativ", "en": "Goals with initiatives"},
    "reports.figure.targets": {"sv": "Delmål med initiativ", "en": "Targets with initiatives"},
    "reports.figure.confirmed": {"sv": "Bekräftade kopplingar", "en": "Confirmed links"},
    "reports.figure.proposed": {"sv": "Föreslagna kopplingar", "en": "Proposed links"},
    "reports.figure.rejected": {"sv": "Avvisade kopplingar", "en": "Rejected links"},
    "reports.figure.selected": {"sv": "Delmål valda av core team", "en": "Targets selected by the core team"},
    "reports.figure.selected.without": {"sv": "{count} utan initiativ", "en": "{count} without an initiative"},
    "reports.figure.budget": {"sv": "Budget (summan av posterna)", "en": "Budget (the sum of the lines)"},
    "reports.figure.budget.lines": {
        "sv": "{count} budgetposter; se de redovisade summorna under Budget",
        "en": "{count} budget lines; see the reported totals under Budget",
    },
    # ---------------------------------------------------------------- goals and targets
    "reports.goal": {"sv": "Mål {code}: {title}", "en": "Goal {code}: {title}"},
    "reports.goals": {"sv": "Mål och delmål som täcks", "en": "Goals and targets covered"},
    "reports.goals.about": {
        "sv": "Delmålen som initiativen är kopplade till (föreslagna eller bekräftade kopplingar; avvisade räknas "
        "inte), under sina mål i Agenda 2030:s färger och nummer.",
        "en": "The targets the initiatives are linked to (proposed or confirmed links; rejected ones are not "
        "counted), under their goals in the colours and numbers of Agenda 2030.",
    },
    "reports.goals.count": {
        "sv": "{initiatives} initiativ, {targets} delmål",
        "en": "{initiatives} initiatives, {targets} targets",
    },
    "reports.goals.none": {
        "sv": "Inget initiativ är kopplat till något delmål.",
        "en": "No initiative is linked to any target.",
    },
    "reports.col.target": {"sv": "Delmål", "en": "Target"},
    "reports.col.initiative": {"sv": "Initiativ", "en": "Initiative"},
    "reports.col.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "reports.col.confirmed": {"sv": "Bekräftade", "en": "Confirmed"},
    "reports.col.proposed": {"sv": "Föreslagna", "en": "Proposed"},
    "reports.col.relevance": {"sv": "Relevans", "en": "Relevance"},
    "reports.col.rationale": {"sv": "Motivering", "en": "Rationale"},
    "reports.col.provenance": {"sv": "Ursprung", "en": "Provenance"},
    "reports.col.reason": {"sv": "Skäl", "en": "Reason"},
    "reports.col.has_initiatives": {"sv": "Har initiativ", "en": "Has initiatives"},
    "reports.col.status": {"sv": "Status", "en": "Status"},
    "reports.col.count": {"sv": "Antal", "en": "Number"},
    # ---------------------------------------------------------------- links
    "reports.links": {"sv": "Bekräftade och föreslagna kopplingar", "en": "Confirmed and proposed links"},
    "reports.links.about": {
        "sv": "{confirmed} bekräftade, {proposed} föreslagna och {rejected} avvisade kopplingar mellan initiativ och "
        "delmål.",
        "en": "{confirmed} confirmed, {proposed} proposed and {rejected} rejected links between initiatives and "
        "targets.",
    },
    "reports.links.confirmed": {
        "sv": "Bekräftade av core team ({count})",
        "en": "Confirmed by the core team ({count})",
    },
    "reports.links.proposed": {
        "sv": "Förslag som väntar på core team ({count})",
        "en": "Proposals awaiting the core team ({count})",
    },
    "reports.links.confirmed.none": {
        "sv": "Core team har ännu inte bekräftat någon koppling.",
        "en": "The core team has not confirmed any link yet.",
    },
    "reports.links.proposed.none": {"sv": "Inga förslag väntar.", "en": "No proposals are waiting."},
    "reports.links.rejected_note": {
        "sv": "{count} avvisade kopplingar räknas inte och listas bara i CSV-filen med kopplingarna.",
        "en": "{count} rejected links are not counted and are listed only in the CSV file of the links.",
    },
    "reports.rejected": {"sv": "avvisad", "en": "rejected"},
    "reports.proposal": {"sv": "förslag", "en": "proposal"},
    "reports.provenance.mappings": {
        "sv": "förslag från kunskapsgrafprojektet",
        "en": "proposal of the knowledge graph project",
    },
    "reports.provenance.curation": {"sv": "core teams beslut", "en": "decision of the core team"},
    "reports.provenance.curation_proposal": {
        "sv": "förslag tillagt av core team",
        "en": "proposal added by the core team",
    },
    # ---------------------------------------------------------------- selections
    "reports.selections": {"sv": "Core teams valda delmål", "en": "The core team's selected targets"},
    "reports.selections.about": {
        "sv": "Delmålen som core team har valt att samverkan ska arbeta med, och om något initiativ arbetar med dem.",
        "en": "The targets the core team has selected for the collaboration, and whether any initiative works on them.",
    },
    "reports.selections.about.area": {
        "sv": "Delmålen som core team har valt för det här fokusområdet, och om något av fokusområdets initiativ "
        "arbetar med dem.",
        "en": "The targets the core team has selected for this focus area, and whether any of the focus area's "
        "initiatives works on them.",
    },
    "reports.selections.none": {
        "sv": "Core team har ännu inte valt några delmål.",
        "en": "The core team has not selected any targets yet.",
    },
    "reports.selections.none.area": {
        "sv": "Core team har ännu inte valt några delmål för det här fokusområdet.",
        "en": "The core team has not selected any targets for this focus area yet.",
    },
    "reports.selections.elsewhere": {
        "sv": "({count} initiativ utanför fokusområdet)",
        "en": "({count} initiatives outside the focus area)",
    },
    "reports.selected_on": {"sv": "valt {date}", "en": "selected {date}"},
    "reports.yes": {"sv": "Ja", "en": "Yes"},
    "reports.no": {"sv": "Nej", "en": "No"},
    # ---------------------------------------------------------------- initiatives by status
    "reports.status": {"sv": "Initiativ efter status", "en": "Initiatives by status"},
    "reports.status.none": {"sv": "status ej angiven", "en": "status not stated"},
    "reports.assignment.proposed": {"sv": "tillhörighet: förslag", "en": "assignment: proposal"},
    "reports.initiatives.none": {
        "sv": "Inga initiativ hör till fokusområdet.",
        "en": "No initiatives belong to the focus area.",
    },
    "reports.total": {"sv": "Totalt", "en": "Total"},
    # ---------------------------------------------------------------- budget
    "reports.budget": {"sv": "Budget", "en": "Budget"},
    "reports.budget.about": {
        "sv": "Budgetposterna som källan anger, per status, med summan av posterna (beräknad). Bredvid står de "
        "summor som källan själv redovisar. De stämmer inte överens i källan; rapporten visar båda och rättar "
        "ingenting.",
        "en": "The budget lines the source states, by status, with the sum of the lines (computed). Beside them are "
        "the totals the source itself reports. They do not agree in the source; the report shows both and "
        "corrects nothing.",
    },
    "reports.budget.by_status": {"sv": "Budget efter status (beräknad)", "en": "Budget by status (computed)"},
    "reports.budget.computed_sum": {"sv": "Summa {status} (beräknad)", "en": "Sum {status} (computed)"},
    "reports.budget.computed_total": {"sv": "Summa av posterna (beräknad)", "en": "Sum of the lines (computed)"},
    "reports.budget.none": {
        "sv": "Källan anger inga budgetposter för de här initiativen.",
        "en": "The source states no budget lines for these initiatives.",
    },
    "reports.budget.reported": {
        "sv": "Redovisade summor bredvid beräknade",
        "en": "Reported totals beside computed sums",
    },
    "reports.budget.reported.about": {
        "sv": "Per budgetkälla: summan som källan redovisar och summan av de poster källan för till den.",
        "en": "Per funding source: the total the source reports and the sum of the lines the source assigns to it.",
    },
    "reports.budget.reported.area": {
        "sv": "Källan redovisar inga summor per fokusområde. Tabellen gäller hela samverkan: summan som källan "
        "redovisar per budgetkälla bredvid summan av alla poster den för dit.",
        "en": "The source reports no totals per focus area. The table is the whole collaboration's: the total the "
        "source reports per funding source beside the sum of all the lines it assigns to it.",
    },
    "reports.budget.not_fixed": {
        "sv": "Siffrorna visas som källan anger dem.",
        "en": "The figures are shown as the source states them.",
    },
    # ---------------------------------------------------------------- gaps
    "reports.gaps": {"sv": "Luckor", "en": "Gaps"},
    "reports.gaps.selected": {
        "sv": "Valda delmål utan initiativ ({count})",
        "en": "Selected targets without an initiative ({count})",
    },
    "reports.gaps.selected.none": {
        "sv": "Varje valt delmål har minst ett initiativ.",
        "en": "Every selected target has at least one initiative.",
    },
    "reports.gaps.selected.nothing": {
        "sv": "Inga delmål är valda ännu, så det finns inga sådana luckor att visa.",
        "en": "No targets are selected yet, so there are no such gaps to show.",
    },
    "reports.gaps.goals": {"sv": "Mål utan initiativ ({count})", "en": "Goals without an initiative ({count})"},
    "reports.gaps.goals.none": {
        "sv": "Varje mål har minst ett initiativ.",
        "en": "Every goal has at least one initiative.",
    },
    "reports.gaps.unlinked": {
        "sv": "Initiativ utan koppling till något delmål ({count})",
        "en": "Initiatives without a link to any target ({count})",
    },
    "reports.gaps.unlinked.none": {
        "sv": "Varje initiativ har minst en koppling.",
        "en": "Every initiative has at least one link.",
    },
    "reports.gaps.unconfirmed": {
        "sv": "{count} av {total} initiativ har ingen bekräftad koppling.",
        "en": "{count} of {total} initiatives have no confirmed link.",
    },
    "reports.gaps.without_area": {
        "sv": "Initiativ utan fokusområde ({count})",
        "en": "Initiatives without a focus area ({count})",
    },
    "reports.gaps.without_area.none": {
        "sv": "Varje initiativ hör till ett fokusområde.",
        "en": "Every initiative belongs to a focus area.",
    },
    # ---------------------------------------------------------------- sources and data state
    "reports.source": {"sv": "Källa", "en": "Source"},
    "reports.source.state": {
        "sv": "Dataläge {fingerprint}, rapporten gjord {made}.",
        "en": "Data state {fingerprint}, report made {made}.",
    },
    "reports.source.summary": {
        "sv": "samverkans källdokument (se Källor), projektets förslag ({proposed}) och core teams beslut.",
        "en": "the collaboration's source documents (see Sources), the project's proposals ({proposed}) and the core "
        "team's decisions.",
    },
    "reports.source.links": {
        "sv": "kopplingarna i graph/mappings (projektets förslag, gjorda {proposed}) och graph/curation (core teams "
        "beslut).",
        "en": "the links in graph/mappings (the project's proposals, made {proposed}) and graph/curation (the core "
        "team's decisions).",
    },
    "reports.source.selections": {
        "sv": "core teams val i graph/curation.",
        "en": "the core team's selections in graph/curation.",
    },
    "reports.source.initiatives": {
        "sv": "initiativens status enligt källdokumenten (se Källor) och core teams ändringar; tillhörighet till "
        "fokusområde enligt projektets förslag eller core teams beslut.",
        "en": "the initiatives' status by the source documents (see Sources) and the core team's changes; focus area "
        "by the project's proposal or the core team's decision.",
    },
    "reports.source.budget": {
        "sv": "budgetposterna och de redovisade summorna i källdokumenten (se Källor), som de anges.",
        "en": "the budget lines and the reported totals in the source documents (see Sources), as stated.",
    },
    "reports.source.gaps": {
        "sv": "beräknat från kopplingarna (förslag gjorda {proposed} och core teams beslut) och core teams val.",
        "en": "computed from the links (proposals made {proposed} and the core team's decisions) and the core "
        "team's selections.",
    },
    "reports.sources": {"sv": "Källor och dataläge", "en": "Sources and data state"},
    "reports.sources.about": {"sv": "Rapportens siffror kommer från:", "en": "The report's figures come from:"},
    "reports.sources.mappings": {
        "sv": "Kunskapsgrafprojektets förslag (graph/mappings), gjorda {date}: kopplingar till delmål och "
        "tillhörighet till fokusområden, tills core team tar ställning.",
        "en": "The knowledge graph project's proposals (graph/mappings), made {date}: links to targets and focus "
        "areas, until the core team decides.",
    },
    "reports.sources.curation": {
        "sv": "Core teams beslut (graph/curation, graph/history): {count}, det senaste {latest}.",
        "en": "The core team's decisions (graph/curation, graph/history): {count}, the latest {latest}.",
    },
    "reports.sources.curation.none": {
        "sv": "Core teams beslut (graph/curation): inga ännu.",
        "en": "The core team's decisions (graph/curation): none yet.",
    },
    "reports.sources.sdg": {
        "sv": "Agenda 2030:s mål och delmål enligt FN (metadata.un.org).",
        "en": "The goals and targets of Agenda 2030 as published by the UN (metadata.un.org).",
    },
    "reports.sources.fingerprint": {
        "sv": "Dataläge {fingerprint}: de första tecknen i en SHA-256 över grafens {triples} publika tripplar. Två "
        "rapporter med samma dataläge bygger på samma data.",
        "en": "Data state {fingerprint}: the first characters of a SHA-256 over the graph's {triples} public triples. "
        "Two reports with the same data state are made from the same data.",
    },
    # ---------------------------------------------------------------- CSV headers
    "reports.csv.initiative": {"sv": "initiativ", "en": "initiative"},
    "reports.csv.initiative_iri": {"sv": "initiativ (IRI)", "en": "initiative (IRI)"},
    "reports.csv.focus_area": {"sv": "fokusområde", "en": "focus area"},
    "reports.csv.target": {"sv": "delmål", "en": "target"},
    "reports.csv.target_text": {"sv": "delmålets text", "en": "target text"},
    "reports.csv.goal": {"sv": "mål", "en": "goal"},
    "reports.csv.goal_name": {"sv": "målets namn", "en": "goal name"},
    "reports.csv.relevance": {"sv": "relevans", "en": "relevance"},
    "reports.csv.status": {"sv": "status", "en": "status"},
    "reports.csv.rationale": {"sv": "motivering", "en": "rationale"},
    "reports.csv.provenance": {"sv": "ursprung", "en": "provenance"},
    "reports.csv.attributed_to": {"sv": "gjord av", "en": "made by"},
    "reports.csv.made": {"sv": "gjord", "en": "made"},
    "reports.csv.graph": {"sv": "graf", "en": "graph"},
    "reports.csv.link_iri": {"sv": "koppling (IRI)", "en": "link (IRI)"},
    "reports.csv.links": {"sv": "kopplingar", "en": "links"},
    "reports.csv.confirmed": {"sv": "bekräftade", "en": "confirmed"},
    "reports.csv.proposed": {"sv": "föreslagna", "en": "proposed"},
}
