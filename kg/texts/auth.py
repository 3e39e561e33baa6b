"""Interface texts of logging in and out, and of refused requests (accounts, sessions, CSRF)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "auth.login": {"sv": "Logga in", "en": "Log in"},
    "auth.logout": {"sv": "Logga ut", "en": "Log out"},
    "auth.login.title": {"sv": "Logga in", "en": "Log in"},
    "auth.login.intro": {
        "sv": "Inloggning för Samhällskontraktets core team. Besökare behöver inget konto: "
        "allt i grafen är öppet att läsa.",
        "en": "Login for the core team of Samhällskontraktet. Visitors need no account: "
        "everything in the graph is open to read.",
    },
    "auth.username": {"sv": "Användarnamn", "en": "User name"},
    "auth.password": {"sv": "Lösenord", "en": "Password"},
    "auth.submit": {"sv": "Logga in", "en": "Log in"},
    "auth.failed": {"sv": "Fel användarnamn eller lösenord.", "en": "Wrong user name or password."},
    "auth.missing": {"sv": "Fyll i användarnamn och lösenord.", "en": "Fill in the user name and the password."},
    "auth.too_many": {
        "sv": "För många misslyckade inloggningsförsök. Försök igen om {minutes} minuter.",
        "en": "Too many failed login attempts. Try again in {minutes} minutes.",
    },
    "auth.logged_in_as": {"sv": "Inloggad som", "en": "Logged in as"},
    "auth.already": {"sv": "Du är inloggad som {name}.", "en": "You are logged in as {name}."},
    "auth.required": {
        "sv": "Du behöver logga in som medlem av core team för att göra det här. Ingenting ändrades.",
        "en": "You need to log in as a member of the core team to do this. Nothing was changed.",
    },
    "auth.required.plain": {
        "sv": "Inloggning krävs; ingenting ändrades.",
        "en": "Login required; nothing was changed.",
    },
    "auth.forbidden": {
        "sv": "Ditt konto har inte behörighet till det här; ingenting ändrades.",
        "en": "Your account is not allowed to do this; nothing was changed.",
    },
    "auth.account.label": {"sv": "Konto", "en": "Account"},
    "auth.csrf.failed": {
        "sv": "Formuläret saknar en giltig säkerhetstoken (CSRF) – det kan vara för gammalt. "
        "Ladda om sidan och försök igen; ingenting ändrades.",
        "en": "The form lacks a valid security token (CSRF) – it may be too old. "
        "Reload the page and try again; nothing was changed.",
    },
}
