"""The site's entry points other than the resource pages, as a reader meets them, through the Flask test client:
the search says how many resources match even when it shows only the best, the members page answers a day
before any recorded membership and answers a year or a month for the whole period, and a browser's error on a page of the
site (a 405, a 400) is a page of the site, not a line of text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter

import pytest

from support import select

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def text_of(body: bytes) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body.decode())).split())


def test_the_home_page_writes_every_date_in_words_as_the_other_pages_do(client):
    """The timeline's "today 2026-12-02", its legend's "after 2023-12-05" and "Generated from the graph on
    2026-12-02" stood beside "5 December 2023" on the same page."""
    text = text_of(client.get("/", headers=HTML).data)
    assert not re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)
    day = r"\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
    assert re.search(rf"\btoday {day}\b", text) and re.search(rf"Generated from the graph on {day}\.", text)
    assert re.search(rf"not confirmed by the sources after {day}", text)


def test_search_says_how_many_resources_match_when_it_shows_only_the_best(client, store):
    """A search matching more resources than the page shows said "50 results": the cap read as the count."""
    [row] = select(
        store,
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { "
        '?s rdfs:label ?l FILTER(isIRI(?s) && CONTAINS(LCASE(STR(?l)), "lukashenko")) }',
    )
    labelled = int(row["n"])
    as_json = client.get("/search", query_string={"q": "Lukashenko", "format": "json"}).get_json()
    shown = len(as_json["results"])
    assert labelled > shown, "the label count alone exceeds the page's cap: the test needs such a query"
    assert as_json["total"] >= labelled  # labels, plus resources whose quotes or words name him
    assert len({r["iri"] for r in as_json["results"]}) == shown
    page = text_of(client.get("/search", query_string={"q": "Lukashenko"}, headers=HTML).data)
    assert f"{as_json['total']} results for “Lukashenko”: the best {shown} are shown" in page
    few = client.get("/search", query_string={"q": "Kryrgyz", "format": "json"}).get_json()
    assert few["total"] == len(few["results"]) > 0
    page = text_of(client.get("/search", query_string={"q": "Kryrgyz"}, headers=HTML).data)
    assert f"{few['total']} results for “Kryrgyz”." in page and "are shown" not in page


def test_a_day_before_any_recorded_membership_says_when_the_first_begins(client, store):
    """Before 1992 the page said only "None: the graph shows no state certainly a member on that day"."""
    rows = select(
        store,
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX org: <http://www.w3.org/ns/org#> "
        "PREFIX time: <http://www.w3.org/2006/time#> SELECT (MIN(?nb) AS ?first) WHERE { "
        "?m a csto:Membership ; org:memberDuring/time:hasBeginning/csto:notBefore ?nb }",
    )
    first = dt.date.fromisoformat(rows[0]["first"][:10])
    before = first - dt.timedelta(days=1)
    r = client.get("/members", query_string={"date": before.isoformat()}, headers=HTML)
    assert r.status_code == 200
    page = text_of(r.data)
    assert "Certainly members (0)" in page
    assert f"The earliest any can begin is {first.day} {first:%B %Y}" in page
    assert f'href="/members?date={first.isoformat()}"' in r.data.decode()
    on_first = text_of(client.get("/members", query_string={"date": first.isoformat()}, headers=HTML).data)
    assert "The earliest any can begin" not in on_first  # a day some period covers needs no such note


def _listed(body: str, group: str) -> set[str]:
    """The state names of one group of the members page (its ``<ul id="{group}-members">``)."""
    m = re.search(rf'<ul class="member-list" id="{group}-members">(.*?)</ul>', body, re.S)
    return set(re.findall(r"<a [^>]*>([^<]+)</a>", m.group(1))) if m else set()


def _ended_in_a_year(store) -> tuple[str, str]:
    """A state whose membership the sources end only to the year, having begun in an earlier year: (label, year)."""
    rows = select(
        store,
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX org: <http://www.w3.org/ns/org#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX time: <http://www.w3.org/2006/time#> SELECT ?label ?nb WHERE { ?m a csto:Membership ; "
        "org:organization <https://w3id.org/csto-kg/id/csto> ; org:member/rdfs:label ?label ; "
        "org:memberDuring/time:hasEnd ?e . ?e csto:notBefore ?nb ; csto:notAfter ?na . "
        "?m org:memberDuring/time:hasBeginning/csto:notAfter ?started FILTER(?started < ?nb) "
        'FILTER(SUBSTR(STR(?nb), 5) = "-01-01" && SUBSTR(STR(?na), 5) = "-12-31" && '
        "SUBSTR(STR(?nb), 1, 4) = SUBSTR(STR(?na), 1, 4)) } ORDER BY ?label",
    )
    assert rows, "the test needs a membership the sources end only to the year"
    return rows[0]["label"], rows[0]["nb"][:4]


def test_a_year_asked_of_the_members_page_is_answered_for_the_year(client, store):
    """``?date=1999`` was a 400 ("1999 is a year, not a day"): now the members throughout it, for part of it
    (a membership the sources end "in 1999", with its passages) and those the sources leave open."""
    state, year = _ended_in_a_year(store)
    r = client.get("/members", query_string={"date": year}, headers=HTML)
    assert r.status_code == 200
    body = r.get_data(as_text=True)
    assert f"<h1>Members of the CSTO during {year}</h1>" in body
    assert state in _listed(body, "part") and state not in _listed(body, "throughout") | _listed(body, "undetermined")
    block = body.split('id="part-h"', 1)[1].split('id="undetermined-h"', 1)[0]
    assert f"ended in {year}" in text_of(block.encode()) and "Read it in the source document" in text_of(block.encode())
    # throughout: certainly a member on the first and on the last day, as the day page answers them
    on = {
        d: _listed(client.get("/members", query_string={"date": d}, headers=HTML).get_data(as_text=True), "certain")
        for d in (f"{year}-01-01", f"{year}-12-31")
    }
    assert _listed(body, "throughout") == on[f"{year}-01-01"] & on[f"{year}-12-31"] != set()
    assert "members-during" in body and f'"{year}-01-01"^^xsd:date "{year}-12-31"^^xsd:date' in html.unescape(body)
    # the answer before the explanation and the details: the three groups lead the page
    lead = text_of(body.split("</form>", 1)[1].split("<p>A year:", 1)[0].encode())
    assert f"Throughout {year}" in lead and f"For part of {year}" in lead and state in lead
    day_page = client.get("/members", query_string={"date": f"{year}-06-30"}, headers=HTML).get_data(as_text=True)
    assert f'href="/members?date={year}"' in day_page and f'href="/members?date={year}-06"' in day_page


def test_a_month_within_a_year_the_sources_give_is_undetermined(client, store):
    """Asked of one month, a membership the sources end only "in 1999" may have ended before, during or after
    it: the page says it cannot be determined rather than guess."""
    state, year = _ended_in_a_year(store)
    body = client.get("/members", query_string={"date": f"{year}-05"}, headers=HTML).get_data(as_text=True)
    assert f"<h1>Members of the CSTO during May {year}</h1>" in body
    assert state in _listed(body, "undetermined") and state not in _listed(body, "part") | _listed(body, "throughout")
    assert f"the sources do not say whether its end came before, during or after May {year}" in text_of(body.encode())


def test_a_period_that_ended_within_the_year_was_part_of_it_whenever_it_began(client, store):
    """Uzbekistan's second membership ended "in 2012" and began on a day the sources leave between 1992 and 2012:
    ``?date=2012`` said the state "may have been a member for all, part or none of it", though a period
    that ends within a year had begun before that end, so it covered part of the year."""
    rows = select(
        store,
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX org: <http://www.w3.org/ns/org#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX time: <http://www.w3.org/2006/time#> "
        "SELECT ?label ?nb WHERE { ?m a csto:Membership ; org:organization <https://w3id.org/csto-kg/id/csto> ; "
        "org:member/rdfs:label ?label ; org:memberDuring ?d . ?d time:hasEnd ?e . "
        "?e csto:notBefore ?nb ; csto:notAfter ?na "
        'FILTER(SUBSTR(STR(?nb), 5) = "-01-01" && SUBSTR(STR(?na), 1, 4) = SUBSTR(STR(?nb), 1, 4)) '
        "OPTIONAL { ?d time:hasBeginning/csto:notAfter ?started } FILTER(!BOUND(?started) || ?started >= ?nb) } "
        "ORDER BY ?label",
    )
    assert rows, "the test needs a membership ended within a year whose start is not certainly before that year"
    state, year = rows[0]["label"], rows[0]["nb"][:4]
    body = client.get("/members", query_string={"date": year}, headers=HTML).get_data(as_text=True)
    assert state in _listed(body, "part") and state not in _listed(body, "undetermined")
    block = body.split('id="part-h"', 1)[1].split('id="undetermined-h"', 1)[0]
    assert state in text_of(block.encode()) and "a member up to that end" in text_of(block.encode())


@pytest.mark.parametrize("asked, last", [("2024-02", "29 February 2024"), ("2023-12", "31 December 2023")])
def test_a_month_is_answered_to_its_last_day(client, asked, last):
    r = client.get("/members", query_string={"date": asked}, headers=HTML)
    assert r.status_code == 200 and f"to {last}." in text_of(r.data)
    assert client.get("/members", query_string={"date": "2024-13"}, headers=HTML).status_code == 400


@pytest.mark.parametrize(
    "method, path, status",
    [("DELETE", "/search", 405), ("POST", "/", 405), ("PUT", "/members", 405), ("POST", "/ontology", 405)],
)
def test_a_browsers_error_on_a_page_of_the_site_is_a_page_of_the_site(client, method, path, status):
    """A 404 was the site's page with its navigation, but a 405 (a form posted to a page) was one line of text."""
    r = client.open(path, method=method, headers=HTML)
    assert r.status_code == status
    assert r.mimetype == "text/html"
    body = r.data.decode()
    assert '<html lang="en"' in body and body.count("<h1") == 1 and f"<h1>{status} " in body
    assert 'href="/search"' in body  # the way on
    assert "GET" in r.headers["Allow"]


def test_the_endpoint_keeps_its_own_error_format(client):
    """The SPARQL endpoint is not a page: its errors stay text or JSON, as its clients parse them."""
    r = client.put("/sparql", headers=HTML)
    assert r.status_code == 405 and r.mimetype != "text/html"


def test_a_propertys_page_shows_its_resources_each_with_a_value(client, store):
    """A property's page listed the resources using it, but no value: what its values look like was only in SPARQL."""
    rows = select(
        store,
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/> SELECT ?p ?s ?o WHERE { "
        "VALUES ?p { csto:personnel csto:words } ?s ?p ?o FILTER(isIRI(?s)) }",
    )
    for prop in {r["p"] for r in rows}:
        body = client.get("/ontology/" + prop.rsplit("/", 1)[1], headers=HTML).get_data(as_text=True)
        section = body.split('id="ex-h"', 1)[1].split("</section>", 1)[0]
        items = [text_of(li.encode()) for li in re.findall(r"<li>(.*?)</li>", section, re.S)]
        assert items, prop
        values = {}
        for r in rows:
            if r["p"] == prop:
                values.setdefault(r["s"], set()).add(r["o"])
        number = re.compile(r"(?<=\d),(?=\d{3})")
        shown = [i.rsplit(": ", 1)[1] for i in items]
        every = {" ".join(number.sub("", v).split()) for vs in values.values() for v in vs}
        assert all(number.sub("", v) in every for v in shown), (prop, shown)


def test_two_superclasses_of_one_label_say_their_vocabulary(client, store):
    """A state's page read "Superclasses: agent, agent" (foaf:Agent and prov:Agent)."""
    rows = select(
        store,
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX csto: <https://w3id.org/csto-kg/ontology/> "
        "SELECT ?super WHERE { GRAPH <https://w3id.org/csto-kg/graph/ontology> { csto:State rdfs:subClassOf ?super } }",
    )
    assert len(rows) >= 2
    body = client.get("/ontology/State", headers=HTML).get_data(as_text=True)
    dd = text_of(body.split("<dt>Superclasses</dt>", 1)[1].split("</dd>", 1)[0].encode())
    names = [n.strip() for n in dd.split(",")]
    assert len(names) == len(rows) and len(set(names)) == len(names), names
    assert "agent (foaf)" in names and "agent (prov)" in names


WITHIN_ONE_SOURCE = """PREFIX csto: <https://w3id.org/csto-kg/ontology/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?a ?b (COUNT(DISTINCT ?src) AS ?n) WHERE {
  ?a csto:disagreesWith ?b FILTER(STR(?a) < STR(?b))
  { ?a prov:wasDerivedFrom ?ev } UNION { ?b prov:wasDerivedFrom ?ev }
  ?ev oa:hasSource ?src
} GROUP BY ?a ?b"""


def test_a_disagreement_within_one_source_is_not_called_the_sources_disagreeing(client, store):
    """Two accounts one seed gives (its 'last February' and its 'February 2022') read "sources report different
    values" under a lede about "two source documents": now such a pair says it is one source's two accounts."""
    pairs = select(store, WITHIN_ONE_SOURCE)
    one = [p for p in pairs if int(p["n"]) == 1]
    assert one and len(one) < len(pairs)
    body = client.get("/disagreements", headers=HTML).get_data(as_text=True)
    page = text_of(body.encode())
    assert (
        f"{len(pairs)} reported differently ({len(pairs) - len(one)} by two sources, {len(one)} within one source)"
        in page
    )
    units = _pair_units(body)
    assert len(units) == len(pairs)
    for a in units:
        seeds = set(re.findall(r"passage in (\d{3})", a)) or set(re.findall(r"\((\d{3})\)", a))
        badge = text_of(re.search(r'<span class="badge curated">(.*?)</span>', a, re.S).group(1).encode())
        if len(seeds) == 1:
            (seed,) = seeds
            assert badge == f"one source ({seed}), two accounts" and f"One source ({seed}) gives both accounts" in a
        else:
            assert badge == "sources report different values", (seeds, badge)


def _pair_units(body: str) -> list[str]:
    """Each curated disagreement of /disagreements: an article of its own, or a pair line of a group."""
    alone = re.findall(r'<article class="disagreement curated">(.*?)</article>', body, re.S)
    return alone + re.findall(r'<li class="pair">(.*?)</li>', body, re.S)


def test_a_fact_that_disagrees_with_several_shows_its_passages_once(client, store):
    """A fact disagreeing with three others ("Domestic causes of Kazakhstan's unrest…") repeated its passage in
    each of its blocks: now the disagreements sharing facts form one group, each fact and passage once in it,
    and every pair is still listed, naming both facts."""
    pairs = {
        frozenset(r[k].removeprefix("https://w3id.org/csto-kg") for k in ("a", "b"))
        for r in select(
            store,
            "PREFIX csto: <https://w3id.org/csto-kg/ontology/> SELECT DISTINCT ?a ?b WHERE { "
            "?a csto:disagreesWith ?b FILTER(STR(?a) < STR(?b)) }",
        )
    }
    degree = Counter(f for pair in pairs for f in pair)
    several = [f for f, n in degree.items() if n > 1]
    assert several, "the test needs a fact that disagrees with more than one other"
    body = client.get("/disagreements", headers=HTML).get_data(as_text=True)
    curated = body[body.index('<article class="disagreement curated') :]
    for f in several:
        assert curated.count(f'<p class="side-value"><a href="{f}"') == 1, f
    for group in re.findall(r'<article class="disagreement curated group">(.*?)</article>', body, re.S):
        links = re.findall(r'<a class="to-source" href="([^"]+)"', group)
        assert links and len(links) == len(set(links))
    shown = set()
    for unit in _pair_units(body):
        ids = re.findall(r'href="#account-([^"]+)"', unit)
        facts = ["/" + i.replace("-", "/", 1) for i in ids] or re.findall(
            r'<p class="side-value"><a href="(/id/[^"]+)"', unit
        )
        shown.add(frozenset(facts))
    assert shown == pairs


def test_a_states_name_cut_to_its_peoples_name_finds_the_state_first(client, store):
    """ "Kyrgyz" and "Kazakh" led with "the Kyrgyz and Tajik public" and "use of the Kazakh language": a group or topic
    holding the word outranked the state whose name starts with it."""
    states = [
        r["l"]
        for r in select(
            store,
            "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            'SELECT DISTINCT ?l WHERE { ?s a csto:State ; rdfs:label ?l FILTER(STRENDS(?l, "stan")) }',
        )
    ]
    assert {"Kazakhstan", "Kyrgyzstan"} <= set(states)
    for name in states:
        stem = name[: -len("stan")]
        results = client.get("/search", query_string={"q": stem, "format": "json"}).get_json()["results"]
        assert results[0]["label"] == name and "state" in results[0]["types"], (stem, results[:3])
    lukashenko = client.get("/search", query_string={"q": "Lukashenko", "format": "json"}).get_json()["results"]
    assert lukashenko[0]["label"] == "Alexander Lukashenko"  # a whole-word name still before statements


def test_the_members_page_writes_its_dates_as_the_sources_give_them(client, store):
    """Periods read "began between 1993-01-01 and 1993-12-31; ended between 1999-01-01 and 1999-12-31" under a
    heading "on 30 June 1999": a year the sources give now reads "in 1999", a day "on 15 May 1992"."""
    rows = select(
        store,
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX org: <http://www.w3.org/ns/org#> "
        "PREFIX time: <http://www.w3.org/2006/time#> SELECT ?nb ?na WHERE { ?m a csto:Membership ; "
        "org:memberDuring/time:hasEnd ?e . ?e csto:notBefore ?nb ; csto:notAfter ?na . "
        "?m org:memberDuring/time:hasBeginning/csto:notAfter ?started FILTER(?started < ?nb) "
        'FILTER(SUBSTR(STR(?nb), 5) = "-01-01" && SUBSTR(STR(?na), 5) = "-12-31" && SUBSTR(STR(?nb), 1, 4) = SUBSTR(STR(?na), 1, 4)) }',
    )
    assert rows
    year = rows[0]["nb"][:4]
    body = client.get("/members", query_string={"date": f"{year}-06-30"}, headers=HTML).get_data(as_text=True)
    page = text_of(body.split("The SPARQL query behind this page", 1)[0].encode())  # not the query's comments
    assert f"ended in {year}." in page
    assert f"the period ended in {year}: the sources do not say on which side of 30 June {year}" in page
    assert f"{year}-01-01" not in page and f"{year}-12-31" not in page
    assert "began on 15 May 1992" in page or "began in " in page
