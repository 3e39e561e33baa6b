"""The core team's editing, under /edit: thin views over kg.curation (a view builds no SPARQL).

Every action has a form (GET, prefilled with the current state) and a change (POST). Both need a login
(`login_required`: visitors get 401, nothing runs) and the change a CSRF token (webapp.csrf). A change is applied
in one transaction and answered with 303 back to the page it was made from, with a message. A refused change
shows its form again with what was typed and why: 400 for bad input, 409 when someone else changed the thing
first (the form then shows the current state and version), 503 when changes cannot be made now.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the editing routes (each module's, on webapp.curate.common.bp) and `can_edit` for the templates."""
    from webapp.curate import common, initiatives, links, suggest, targets, undo  # noqa: F401  (their routes are on bp)

    app.register_blueprint(common.bp)
    app.jinja_env.globals.update(can_edit=common.can_edit)
