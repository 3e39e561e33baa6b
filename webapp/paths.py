"""Links to this site's own pages that stay on this site, whatever path the request came with.

A browser reads `//host/…` and `/\\host/…` as addresses on another host, and drops tabs and newlines anywhere in a
URL, so a path taken from a request (`/%5Cevil.example` arrives as `/\\evil.example`) must not be written back into
a link as it is. Every self-link with a path from a request or a form (the language switch, the login link's and the
editing forms' `next=`, the pagers) is built by `site_path`.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import request

#: what a path keeps as it is: the characters RFC 3986 allows in a path, and `%` (existing escapes stay)
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
#: in a query or a fragment, `?` may also stay
_QUERY_SAFE = _PATH_SAFE + "?"


def site_path(target: str | None) -> str:
    """`target`, a path in URL form with its `?query` and `#fragment` if any, as a link that stays on this site.

    Characters a URL may not hold are percent-encoded (among them `\\`, spaces, tabs and newlines), a second `/` at
    the start is encoded (`/%2F…`: still the same path for this server), and anything that is not a path (empty,
    relative, `http://…`) becomes `/`."""
    if not target or not target.startswith("/"):
        return "/"
    rest, hash_mark, fragment = target.partition("#")
    path, question_mark, query = rest.partition("?")
    path = quote(path, safe=_PATH_SAFE)
    if path.startswith("//"):
        path = "/%2F" + path[2:]
    return path + question_mark + quote(query, safe=_QUERY_SAFE) + hash_mark + quote(fragment, safe=_QUERY_SAFE)


def current_path() -> str:
    """The path of this request as a link on this site (its query not included). `request.path` is decoded, so its
    `%` are escaped first: `/a%2541` stays the page it was."""
    return site_path(request.path.replace("%", "%25"))
