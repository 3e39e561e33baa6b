"""Privacy: after core team members have changed the graph, no public interface (downloads, `kg export`, the SPARQL
endpoint, the pages) carries an account (password hash, display name) or personal contact data, and people
appear only in their public roles."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from kg.cli import main
from kg.curation import agent_iri
from kg.namespaces import ID, PREFIXES, SKK
from kg.privacy import contact_data
from tests.backends import cli_store
from tests.editing import DISPLAY, MEMBER, OTHER, agent

LINK = ID + "link/maltider-och-moten--2.2"
INITIATIVE = ID + "initiative/maltider-och-moten"
AREA = ID + "focus-area/nara-vard"
REASON = "Närvården är kärnan i samverkan."
DISPLAY_NAMES = (DISPLAY, "Bertil Berg")  # the accounts of tests/editing.py
MEMBERS = (MEMBER, OTHER)
PUBLIC_PAGES = (
    "/",
    "/goals",
    "/initiatives",
    "/partners",
    "/id/initiative/maltider-och-moten",
    "/id/person/helene-ohrlind",
    "/download/",
)

CONTACT_PREDICATES = {"http://xmlns.com/foaf/0.1/" + p for p in ("mbox", "mbox_sha1sum", "phone")} | {
    "https://schema.org/" + p for p in ("email", "telephone", "faxNumber", "address", "contactPoint")
}
VCARD = "http://www.w3.org/2006/vcard/ns#"
#: what the graph may say about a person: who they are by name, and where that is published
PERSON_PREDICATES = {
    PREFIXES["rdf"] + "type",
    "http://xmlns.com/foaf/0.1/name",
    PREFIXES["skos"] + "hiddenLabel",
    PREFIXES["skos"] + "editorialNote",
    PREFIXES["dcterms"] + "source",
}


@pytest.mark.parametrize(
    "text",
    [
        "ring 021-39 00 00",
        "+46 21 39 00 00",
        "070-123 45 67",
        "anna.a@vasteras.se",
        "<mailto:info@example.org>",
        "tel:+4621390000",
        "(08) 123 456 78",
    ],
)
def test_the_detector_finds_contact_data(text: str) -> None:
    assert contact_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "2016-05-12",
        "797 500 kr",
        "delmål 3.4 och 11.7",
        "2020–2030",
        "0,5 miljoner",
        '"2026-11-22T14:13:07.30305Z"^^xsd:dateTime',
        "https://example.org/a/0123456",
    ],
)
def test_the_detector_ignores_dates_amounts_and_codes(text: str) -> None:
    assert contact_data(text) == []


@pytest.fixture
def changed(edit_app: Flask, tmp_path: Path) -> Flask:
    """The app after a few changes by two members (the accounts of tests/editing.py)."""
    cur = edit_app.extensions["kg"].curation
    anna, bertil = agent(edit_app, MEMBER), agent(edit_app, OTHER)
    cur.select_target("3.4", REASON, AREA, anna)
    cur.set_link_status(LINK, "confirmed", anna, "Stämmer med projektplanen.", None)
    added = cur.add_link(
        INITIATIVE, "3.8", "secondary", "Måltider når äldre som annars står utan vård.", bertil, reason="Saknades."
    )
    edited = cur.edit_link(added.iri, "primary", "Ny motivering efter mötet.", anna, added.version)
    cur.undo(edited.decision, bertil)
    return edit_app


def secrets_of(app: Flask) -> list[str]:
    """What must never be public: the password hashes and display names of the accounts."""
    accounts = json.loads(Path(app.config["ACCOUNTS_FILE"]).read_text(encoding="utf-8"))
    records = accounts["accounts"] if isinstance(accounts, dict) and "accounts" in accounts else accounts
    values = records.values() if isinstance(records, dict) else records
    hashes = [r["password_hash"] for r in values]
    assert len(hashes) == 2 and all(h.startswith("scrypt:") for h in hashes)
    return ["scrypt:", *hashes, *DISPLAY_NAMES]


def check_text(text: str, secrets: list[str], where: str) -> None:
    for secret in secrets:
        assert secret not in text, f"{where} shows {secret[:20]!r}"
    assert contact_data(text) == [], f"{where} has contact data"


def check_quads(quads: list[ox.Quad], secrets: list[str], where: str) -> None:
    """No account and no contact data in any term; agents are bare prov:Agents; people only in public roles."""
    assert quads, f"{where} is empty"
    for quad in quads:
        assert quad.predicate.value not in CONTACT_PREDICATES and not quad.predicate.value.startswith(VCARD), where
        for term in (quad.subject, quad.object):
            check_text(term.value, secrets, where)
    # the members' agents (opaque ids, kg.accounts.new_agent_id): prov:Agents in their public role only
    members = {q.subject for q in quads if q.subject.value.startswith(ID + "agent/medlem-")}
    said = {(q.predicate.value, q.object.value) for q in quads if q.subject in members}
    roles = {"Medlem i core team", "Member of the core team"}
    assert all(
        p == PREFIXES["rdf"] + "type"
        or (p == PREFIXES["skos"] + "prefLabel" and o in roles)
        or p == PREFIXES["prov"] + "actedOnBehalfOf"
        for p, o in said
    ), where
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    people = {
        r["p"]
        for r in store.query(
            f"SELECT DISTINCT ?p {{ ?p a ?c FILTER(?c IN (<{SKK}Person>, <http://xmlns.com/foaf/0.1/Person>)) }}"
        )
    }
    assert people, where
    for person in people:
        said = {q.predicate.value for q in store.quads_for_pattern(person, None, None)}
        assert said <= PERSON_PREDICATES, f"{where}: {person} has {said - PERSON_PREDICATES}"
        role = store.query(
            f"ASK {{ {{ ?post <{PREFIXES['org']}heldBy> {person} }} UNION "
            f"{{ ?initiative <{SKK}responsiblePerson> {person} }} }}"
        )
        assert bool(role), f"{where}: {person} appears without a public role"


def test_downloads_carry_no_account_or_contact_data(changed: Flask) -> None:
    client, secrets = changed.test_client(), secrets_of(changed)
    for ext, fmt in (
        ("trig", ox.RdfFormat.TRIG),
        ("nq", ox.RdfFormat.N_QUADS),
        ("ttl", ox.RdfFormat.TURTLE),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ):
        response = client.get(f"/download/samhallskontraktet.{ext}")
        assert response.status_code == 200
        check_text(response.get_data(as_text=True), secrets, ext)
        check_quads(list(ox.parse(response.data, format=fmt)), secrets, f"/download/samhallskontraktet.{ext}")


def test_kg_export_carries_no_account_or_contact_data(changed: Flask, runner: CliRunner, tmp_path: Path) -> None:
    store, env = cli_store(changed.config["KG_STORE"], tmp_path)
    secrets = secrets_of(changed)
    for args, fmt in ((["--format", "trig"], ox.RdfFormat.TRIG), (["--curated"], ox.RdfFormat.TRIG)):
        result = runner.invoke(main, ["--store", store, "export", *args], env=env)
        assert result.exit_code == 0, result.output
        check_text(result.output, secrets, f"kg export {args}")
        quads = list(ox.parse(result.stdout_bytes, format=fmt))
        if args == ["--curated"]:  # the history is there (who, when, why), and still no account
            assert any(q.object.value == REASON for q in quads)
            assert any(q.object == ox.NamedNode(agent(changed, OTHER)) for q in quads)
            continue
        check_quads(quads, secrets, f"kg export {args}")


def test_sparql_construct_of_everything_carries_no_account_or_contact_data(changed: Flask) -> None:
    client, secrets = changed.test_client(), secrets_of(changed)
    query = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    triples = list(ox.parse(response.data, format=ox.RdfFormat.N_TRIPLES))
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    assert any(q.object.value == REASON for q in quads), "the history is not in the answer"
    assert any(q.object == ox.NamedNode(agent(changed)) for q in quads)
    assert not any(q.object.value.endswith(("/agent/" + MEMBER, "/agent/" + OTHER)) for q in quads)  # no user names
    check_text(response.get_data(as_text=True), secrets, "/sparql")
    check_quads(quads, secrets, "/sparql CONSTRUCT")


def test_pages_show_no_password_hash_or_contact_data(changed: Flask) -> None:
    client: FlaskClient = changed.test_client()
    secrets = secrets_of(changed)[:3]  # the hashes (pages may name a member in the history: their public role)
    agents = [agent(changed, name).removeprefix(ID.removesuffix("id/")) for name in MEMBERS]  # /id/agent/medlem-…
    assert client.get("/id/agent/" + MEMBER).status_code == 404  # no page by user name
    for path in (*PUBLIC_PAGES, *("/" + a for a in agents)):
        response = client.get(path)
        assert response.status_code == 200, path
        check_text(response.get_data(as_text=True), secrets, path)


def test_the_accounts_are_not_in_the_store(changed: Flask) -> None:
    store = changed.extensions["kg"].curation.store
    secrets = secrets_of(changed)
    for quad in store:
        for term in (quad.subject, quad.object):
            for secret in secrets:
                assert secret not in term.value


def _person(*extra: tuple[str, str, ox.Term]) -> list[ox.Quad]:
    person, post = ox.NamedNode(ID + "person/exempel"), ox.NamedNode(ID + "post/exempel")
    quads = [
        (person, PREFIXES["rdf"] + "type", ox.NamedNode(SKK + "Person")),
        (person, "http://xmlns.com/foaf/0.1/name", ox.Literal("Exempel Person")),
        (post, PREFIXES["org"] + "heldBy", person),
        *extra,
    ]
    return [ox.Quad(s if isinstance(s, ox.NamedNode) else ox.NamedNode(s), ox.NamedNode(p), o) for s, p, o in quads]


def test_the_check_passes_a_person_in_a_public_role() -> None:
    check_quads(_person(), ["scrypt:", *DISPLAY_NAMES], "example")


@pytest.mark.parametrize(
    "extra",
    [
        (ID + "person/exempel", "https://schema.org/email", ox.Literal("exempel@example.se")),
        (ID + "person/exempel", "https://schema.org/knows", ox.NamedNode(ID + "person/annan")),
        (agent_iri("medlem-0123456789ab"), PREFIXES["rdfs"] + "label", ox.Literal("Anna")),
        (ID + "decision/1", SKK + "reason", ox.Literal("Ring mig på 070-123 45 67")),
        (ID + "decision/1", SKK + "reason", ox.Literal(f"Beslutat av {DISPLAY}")),
        (ID + "person/annan", PREFIXES["rdf"] + "type", ox.NamedNode("http://xmlns.com/foaf/0.1/Person")),
    ],
)
def test_the_check_catches_what_must_not_be_public(extra: tuple) -> None:
    with pytest.raises(AssertionError):
        check_quads(_person(extra), ["scrypt:", *DISPLAY_NAMES], "example")
