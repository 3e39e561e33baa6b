"""Security headers on every response (pages, error pages, static files, /sparql): a Content-Security-Policy that
lets a page load nothing but this server's own files, no framing, no MIME sniffing, no referrer to other sites.

The pages have no inline script: their scripts are static files and their data is JSON in
`<script type="application/json">` (never executed). The vendored libraries need no eval, no blob: and no remote
source; what they need beyond 'self' is named below, with the reason.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.wrappers import Response

#: The stylesheets that the vendored libraries write into <style> elements as they start, allowed by the SHA-256 of
#: their text (nothing else inline is). They change only with the vendored version: after an update the browser
#: tests (tests/test_browser_security.py) report a violation, and Chromium's console message names the new hash.
VENDORED_STYLES = {
    # YASR's table plugin (column-resizer "grip", vendor/yasgui 4.6.2)
    "yasgui": ("sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=",),
    # vis-network's own CSS, bundled in vis-network.min.js (10.1.2): overlay, tooltip, navigation, manipulation, ...
    # Each <style> is added empty and then filled, so the empty text is allowed too.
    "vis-network": (
        "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        "sha256-OutIf5hnp68ctx4ThtV5J02g5HTJ5bbu/hkNfqVXWWo=",
        "sha256-4cgFR0//m8/eHo2G/esYsuZetUHlzCUWYM59sfgE9zY=",
        "sha256-uepMTym1NwItBa/XV6ef6fQobLL0A0CNVDM5km5L+nQ=",
        "sha256-gGUn/VMBXCeWm86qX/pOf+4ZDSbe0JcaXXb4rJjw1mA=",
        "sha256-QuPewnJYr+SnQiTnCNHFBw99ExTsz9f8w5320PimEPw=",
        "sha256-IY7YKNHjbzQ1NfAKrBZvBZohgXMtxrqB9PaqhAaT3vg=",
        "sha256-QE7TOEDW7YIlMzvUUnm8boDWeNBN7PBbaaYJjnp34WI=",
    ),
}
#: the page (Flask endpoint) that loads each library
STYLED_PAGES = {"sparql.sparql": "yasgui", "network.graph_page": "vis-network"}

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",  # no inline script, no eval
    "style-src": "'self'",
    # Style attributes only (not <style> elements): the pages colour each goal with its SDG colour from the graph
    # and each group of the analysis with its own (style="background-color: …", Jinja-escaped). An attribute
    # cannot load anything (img-src and font-src stay as below) nor select other elements.
    "style-src-attr": "'unsafe-inline'",
    "img-src": "'self' data:",  # data: for the network's legend icons and vis-network's button images
    "font-src": "'self'",
    "connect-src": "'self'",  # the editor's queries go to this server's /sparql only
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def content_security_policy(endpoint: str | None = None) -> str:
    """The policy of a response from `endpoint`: POLICY, with the vendored stylesheets of its page allowed."""
    policy = dict(POLICY)
    library = STYLED_PAGES.get(endpoint or "")
    if library:
        policy["style-src"] += " " + " ".join(f"'{digest}'" for digest in VENDORED_STYLES[library])
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def add_headers(response: Response) -> Response:
    """The security headers, on every response (a view that set one of them keeps its own)."""
    response.headers.setdefault("Content-Security-Policy", content_security_policy(request.endpoint))
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
