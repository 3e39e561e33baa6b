"""Interface texts of the overviews: initiatives × goals, partners × goals, gaps and budget."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- the index
    "overviews.title": {"sv": "Översikter", "en": "Overviews"},
    "overviews.intro": {
        "sv": "Samverkans initiativ och parter mot Agenda 2030 i tabeller: vad som täcks, vad som saknas och vad "
        "budgeten säger. Alla kopplingar till delmål är förslag tills core team bekräftar dem, och "
        "översikterna visar alltid om en koppling är föreslagen eller bekräftad.",
        "en": "The collaboration's initiatives and partners against Agenda 2030 in tables: what is covered, what "
        "is missing and what the budget says. Every link to a target is a proposal until the core team "
        "confirms it, and the overviews always show whether a link is proposed or confirmed.",
    },
    "overviews.list": {"sv": "Översikterna", "en": "The overviews"},
    "overviews.initiatives_goals": {"sv": "Initiativ och mål", "en": "Initiatives and goals"},
    "overviews.initiatives_goals.about": {
        "sv": "Varje initiativ mot de 17 målen: vilka delmål det är kopplat till, om kopplingen är primär och "
        "om den är föreslagen eller bekräftad.",
        "en": "Every initiative against the 17 goals: which targets it is linked to, whether the link is primary "
        "and whether it is proposed or confirmed.",
    },
    "overviews.partners_goals": {"sv": "Partner och mål", "en": "Partners and goals"},
    "overviews.partners_goals.about": {
        "sv": "Organisationerna mot de 17 målen, genom de initiativ de deltar i eller finansierar.",
        "en": "The organisations against the 17 goals, through the initiatives they take part in or fund.",
    },
    "overviews.gaps": {"sv": "Luckor", "en": "Gaps"},
    "overviews.gaps.about": {
        "sv": "Valda delmål som inget initiativ arbetar med, mål utan initiativ och initiativ utan bekräftat delmål.",
        "en": "Selected targets no initiative works on, goals without an initiative and initiatives without a "
        "confirmed target.",
    },
    "overviews.budget": {"sv": "Budget", "en": "Budget"},
    "overviews.budget.about": {
        "sv": "Budgetposterna per status och budgetkälla, med de redovisade summorna bredvid summan av posterna "
        "– de stämmer inte överens i källan.",
        "en": "The budget lines per status and funding source, with the reported totals beside the sum of the "
        "lines – they do not agree in the source.",
    },
    "overviews.back": {"sv": "Alla översikter", "en": "All overviews"},
    "overviews.breadcrumb": {"sv": "Sökväg", "en": "Breadcrumb"},
    "overviews.sparql": {
        "sv": "Samma frågor finns som namngivna SPARQL-frågor i frågeeditorn:",
        "en": "The same questions are available as named SPARQL queries in the query editor:",
    },
    # ---------------------------------------------------------------- shared by the matrices
    "overviews.goal": {"sv": "Mål {code}: {title}", "en": "Goal {code}: {title}"},
    "overviews.legend": {"sv": "Teckenförklaring", "en": "Legend"},
    "overviews.proposed": {"sv": "föreslagen", "en": "proposed"},
    "overviews.confirmed": {"sv": "bekräftad", "en": "confirmed"},
    "overviews.primary": {"sv": "primär", "en": "primary"},
    "overviews.secondary": {"sv": "sekundär", "en": "secondary"},
    "overviews.legend.proposed": {
        "sv": "föreslagen koppling – ett förslag som core team ännu inte har tagit ställning till",
        "en": "proposed link – a proposal the core team has not yet decided on",
    },
    "overviews.legend.confirmed": {
        "sv": "bekräftad koppling – bekräftad av core team",
        "en": "confirmed link – confirmed by the core team",
    },
    "overviews.legend.primary": {
        "sv": "primär relevans – delmålet är ett huvudsyfte med initiativet (utan stjärna: sekundär)",
        "en": "primary relevance – the target is a main purpose of the initiative (no star: secondary)",
    },
    "overviews.legend.count": {
        "sv": "antal kopplingar till målets delmål; länken leder till initiativets delmål",
        "en": "number of links to the goal's targets; the link leads to the initiative's targets",
    },
    "overviews.legend.empty": {"sv": "ingen koppling", "en": "no link"},
    "overviews.legend.rejected": {
        "sv": "Avvisade kopplingar visas inte.",
        "en": "Rejected links are not shown.",
    },
    "overviews.scroll": {
        "sv": "Tabellen är bred: rulla i sidled för att se alla mål.",
        "en": "The table is wide: scroll sideways to see every goal.",
    },
    "overviews.all_proposed": {
        "sv": "Alla {n} kopplingar är förslag: core team har ännu inte bekräftat någon.",
        "en": "All {n} links are proposals: the core team has not confirmed any yet.",
    },
    "overviews.some_confirmed": {
        "sv": "{confirmed} av {n} kopplingar är bekräftade av core team, {proposed} är förslag.",
        "en": "{confirmed} of {n} links are confirmed by the core team, {proposed} are proposals.",
    },
    "overviews.no_link": {"sv": "ingen koppling", "en": "no link"},
    # ---------------------------------------------------------------- initiatives × goals
    "overviews.rows": {
        "sv": "Raderna {first}–{last} av {total} visas; totalerna längst ner gäller alla rader.",
        "en": "Rows {first}–{last} of {total} are shown; the totals at the bottom count every row.",
    },
    "overviews.ig.intro": {
        "sv": "Raderna är samverkans {rows} initiativ, kolumnerna de 17 målen. En cell visar initiativets "
        "kopplingar till målets delmål: delmålets nummer, om kopplingen är primär och om den är föreslagen "
        "eller bekräftad. Delmålsnumret leder till delmålet, antalet till initiativets kopplingar med "
        "motiveringar.",
        "en": "The rows are the collaboration's {rows} initiatives, the columns the 17 goals. A cell shows the "
        "initiative's links to the goal's targets: the target's number, whether the link is primary and "
        "whether it is proposed or confirmed. The target number leads to the target, the count to the "
        "initiative's links with their rationales.",
    },
    "overviews.ig.caption": {
        "sv": "Initiativ (rader) mot mål (kolumner): kopplingar till målens delmål",
        "en": "Initiatives (rows) against goals (columns): links to the goals' targets",
    },
    "overviews.ig.summary": {
        "sv": "○ föreslagen, ● bekräftad, ★ primär relevans; siffran är antalet kopplingar.",
        "en": "○ proposed, ● confirmed, ★ primary relevance; the number is the count of links.",
    },
    "overviews.ig.initiative": {"sv": "Initiativ", "en": "Initiative"},
    "overviews.ig.links": {"sv": "Kopplingar", "en": "Links"},
    "overviews.ig.per_goal": {"sv": "Initiativ per mål", "en": "Initiatives per goal"},
    "overviews.ig.cell": {
        "sv": "{count} koppling(ar) till mål {code}, se initiativets delmål",
        "en": "{count} link(s) to goal {code}, see the initiative's targets",
    },
    "overviews.ig.target": {"sv": "Delmål {code}", "en": "Target {code}"},
    # ---------------------------------------------------------------- partners × goals
    "overviews.pg.intro": {
        "sv": "Raderna är de {rows} organisationer som deltar i eller finansierar initiativ med kopplingar till "
        "delmål, kolumnerna de 17 målen. En cell visar i hur många av organisationens initiativ som är "
        "kopplade till målet och leder till organisationens sida. Kopplingarna går via initiativen och är "
        "förslag tills core team bekräftar dem.",
        "en": "The rows are the {rows} organisations that take part in or fund initiatives linked to targets, the "
        "columns the 17 goals. A cell shows how many of the organisation's initiatives are linked to the "
        "goal and leads to the organisation's page. The links go through the initiatives and are proposals "
        "until the core team confirms them.",
    },
    "overviews.pg.caption": {
        "sv": "Organisationer (rader) mot mål (kolumner): antal initiativ med kopplingar till målets delmål",
        "en": "Organisations (rows) against goals (columns): number of initiatives linked to the goal's targets",
    },
    "overviews.pg.summary": {
        "sv": "Siffran är antalet initiativ; ○ bara föreslagna kopplingar, ● minst en bekräftad koppling, "
        "◆ organisationen finansierar minst ett av dem.",
        "en": "The number is the count of initiatives; ○ only proposed links, ● at least one confirmed link, "
        "◆ the organisation funds at least one of them.",
    },
    "overviews.pg.legend.count": {
        "sv": "antal initiativ som organisationen deltar i eller finansierar och som är kopplade till målet; "
        "länken leder till organisationens sida",
        "en": "number of initiatives the organisation takes part in or funds that are linked to the goal; the "
        "link leads to the organisation's page",
    },
    "overviews.pg.legend.proposed": {
        "sv": "bara föreslagna kopplingar (förslag, inte bekräftade)",
        "en": "only proposed links (proposals, not confirmed)",
    },
    "overviews.pg.legend.confirmed": {
        "sv": "minst en koppling är bekräftad av core team",
        "en": "at least one link is confirmed by the core team",
    },
    "overviews.pg.legend.funder": {
        "sv": "organisationen finansierar minst ett av initiativen",
        "en": "the organisation funds at least one of the initiatives",
    },
    "overviews.pg.organisation": {"sv": "Organisation", "en": "Organisation"},
    "overviews.pg.initiatives": {"sv": "Initiativ", "en": "Initiatives"},
    "overviews.pg.per_goal": {"sv": "Organisationer per mål", "en": "Organisations per goal"},
    "overviews.pg.cell": {
        "sv": "{count} initiativ kopplade till mål {code}: {names}",
        "en": "{count} initiative(s) linked to goal {code}: {names}",
    },
    "overviews.pg.only_proposed": {"sv": "bara förslag", "en": "proposals only"},
    "overviews.pg.has_confirmed": {"sv": "minst en bekräftad", "en": "at least one confirmed"},
    "overviews.pg.funds": {"sv": "finansierar", "en": "funds"},
    "overviews.pg.none": {
        "sv": "Ingen organisation deltar i ett initiativ med kopplingar till delmål.",
        "en": "No organisation takes part in an initiative with links to targets.",
    },
    # ---------------------------------------------------------------- gaps
    "overviews.gaps.intro": {
        "sv": "Var samverkan ännu inte når Agenda 2030 – och vad som ännu inte är bekräftat.",
        "en": "Where the collaboration does not yet reach Agenda 2030 – and what is not yet confirmed.",
    },
    "overviews.gaps.selected": {
        "sv": "Valda delmål utan initiativ",
        "en": "Selected targets without an initiative",
    },
    "overviews.gaps.selected.about": {
        "sv": "Core team väljer vilka delmål samverkan ska arbeta med. Här listas de valda delmål som inget "
        "initiativ (föreslaget eller bekräftat) är kopplat till.",
        "en": "The core team chooses which targets the collaboration works on. Listed here are the selected "
        "targets no initiative (proposed or confirmed) is linked to.",
    },
    "overviews.gaps.no_selection": {
        "sv": "Core team har inte valt några delmål ännu.",
        "en": "The core team has not selected any targets yet.",
    },
    "overviews.gaps.no_selection.more": {
        "sv": "Därför kan ingen lucka mot valda delmål visas. När core team väljer delmål syns de här.",
        "en": "So no gap against selected targets can be shown. When the core team selects targets they appear here.",
    },
    "overviews.gaps.all_served": {
        "sv": "Alla {n} valda delmål har minst ett initiativ.",
        "en": "All {n} selected targets have at least one initiative.",
    },
    "overviews.gaps.some_unserved": {
        "sv": "{count} av {n} valda delmål har inget initiativ:",
        "en": "{count} of {n} selected targets have no initiative:",
    },
    "overviews.gaps.reason": {"sv": "Skäl till valet", "en": "Reason for the selection"},
    "overviews.gaps.goals": {"sv": "Mål utan initiativ", "en": "Goals without an initiative"},
    "overviews.gaps.goals.count": {
        "sv": "{count} av {n} mål har inget initiativ med en föreslagen eller bekräftad koppling till något av "
        "sina delmål:",
        "en": "{count} of {n} goals have no initiative with a proposed or confirmed link to any of their targets:",
    },
    "overviews.gaps.goals.none": {
        "sv": "Alla 17 mål har minst ett initiativ (föreslaget eller bekräftat).",
        "en": "All 17 goals have at least one initiative (proposed or confirmed).",
    },
    "overviews.gaps.unconfirmed": {
        "sv": "Initiativ utan bekräftat delmål",
        "en": "Initiatives without a confirmed target",
    },
    "overviews.gaps.unconfirmed.count": {
        "sv": "{count} av {n} initiativ har inget delmål som core team har bekräftat.",
        "en": "{count} of {n} initiatives have no target confirmed by the core team.",
    },
    "overviews.gaps.unconfirmed.all": {
        "sv": "I dag gäller det alla initiativ: alla kopplingar är förslag som core team ännu inte har tagit "
        "ställning till.",
        "en": "Today that is every initiative: all links are proposals the core team has not yet decided on.",
    },
    "overviews.gaps.unconfirmed.none": {
        "sv": "Alla initiativ har minst ett bekräftat delmål.",
        "en": "Every initiative has at least one confirmed target.",
    },
    "overviews.gaps.proposals": {"sv": "{n} föreslagna kopplingar", "en": "{n} proposed links"},
    "overviews.gaps.proposal": {"sv": "1 föreslagen koppling", "en": "1 proposed link"},
    "overviews.gaps.no_links": {"sv": "inga kopplingar alls", "en": "no links at all"},
    # ---------------------------------------------------------------- budget
    "overviews.budget.intro": {
        "sv": "Budgetuppdateringen från core team-mötet, så som källan anger den. Källans poster summerar inte "
        "till dess egna totalsummor. Inget är rättat: både posterna och de redovisade summorna visas som "
        "de står, och skillnaden redovisas.",
        "en": "The budget update from the core team meeting, as the source states it. The source's lines do not "
        "add up to its own totals. Nothing is corrected: both the lines and the reported totals are shown "
        "as stated, and the difference is reported.",
    },
    "overviews.budget.by_status": {"sv": "Poster per status", "en": "Lines per status"},
    "overviews.budget.by_status.about": {
        "sv": "Status är den rubrik posten står under i källan. Delposter (”varav”) ingår i sin post och räknas "
        "inte två gånger.",
        "en": "The status is the heading the line is listed under in the source. Parts (\u201cof which\u201d) "
        "are included in their line and not counted twice.",
    },
    "overviews.budget.status": {"sv": "Status: {status}", "en": "Status: {status}"},
    "overviews.budget.no_status": {"sv": "Status ej angiven", "en": "Status not stated"},
    "overviews.budget.caption": {"sv": "Budgetposter med status {status}", "en": "Budget lines with status {status}"},
    "overviews.budget.line": {"sv": "Post", "en": "Line"},
    "overviews.budget.amount": {"sv": "Belopp", "en": "Amount"},
    "overviews.budget.funding": {"sv": "Budgetkälla", "en": "Funding source"},
    "overviews.budget.for": {"sv": "Initiativ", "en": "Initiative"},
    "overviews.budget.stated": {"sv": "Källans lydelse", "en": "As the source states it"},
    "overviews.budget.part": {"sv": "varav {label}", "en": "of which {label}"},
    "overviews.budget.not_stated": {"sv": "ej angiven", "en": "not stated"},
    "overviews.budget.purpose": {"sv": "Syfte", "en": "Purpose"},
    "overviews.budget.sum": {"sv": "Summa ({count} poster)", "en": "Sum ({count} lines)"},
    "overviews.budget.by_funding": {
        "sv": "Redovisade summor och summan av posterna",
        "en": "Reported totals and the sum of the lines",
    },
    "overviews.budget.by_funding.about": {
        "sv": "Per budgetkälla: den summa källan redovisar bredvid summan av de poster och delposter som källan "
        "anger för budgetkällan.",
        "en": "Per funding source: the total the source reports beside the sum of the lines and parts the "
        "source assigns to that funding source.",
    },
    "overviews.budget.funding_caption": {
        "sv": "Redovisad summa och summan av posterna per budgetkälla",
        "en": "Reported total and the sum of the lines per funding source",
    },
    "overviews.budget.reported": {"sv": "Redovisad summa (källan)", "en": "Reported total (source)"},
    "overviews.budget.computed": {"sv": "Summan av posterna", "en": "Sum of the lines"},
    "overviews.budget.difference": {
        "sv": "Skillnad (redovisad − poster)",
        "en": "Difference (reported − lines)",
    },
    "overviews.budget.agrees": {"sv": "stämmer", "en": "agrees"},
    "overviews.budget.disagrees": {"sv": "stämmer inte", "en": "does not agree"},
    "overviews.budget.none_reported": {"sv": "ingen redovisad", "en": "none reported"},
    "overviews.budget.all": {"sv": "Alla poster", "en": "All lines"},
    "overviews.budget.discrepancies": {
        "sv": "Källans poster och summor stämmer inte överens:",
        "en": "The source's lines and totals do not agree:",
    },
    "overviews.budget.without_funding": {
        "sv": "Poster utan angiven budgetkälla (ingår inte i någon budgetkällas summa, bara i summan av alla poster):",
        "en": "Lines without a stated funding source (in no funding source's sum, only in the sum of all lines):",
    },
    "overviews.budget.none": {"sv": "Grafen har inga budgetposter.", "en": "The graph has no budget lines."},
}
