"""End to end in Debian's headless chromium, against a real server (``csto-kg serve``).

For each kind of page: the key statements are above the fold with their passage link; no page
scrolls sideways at 390 px; no page requests anything from another host. Search finds an entity by
its label, another name and words of a quote. The timeline's SVG marks undated spans and the last
date the sources confirm. Query results link to this site's pages and passages. A fact leads to
its passage, highlighted in the source document.

With ``CSTO_KG_SCREENSHOTS=<folder>`` set, a screenshot of every page kind (desktop and phone) is
saved there, for a person to look at; no test reads them, so by default none is taken (they were
~12 s of the module's ~50 s).

Uses the Python ``playwright`` package with the system chromium (never ``playwright install``);
skipped only if /usr/bin/chromium is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import live_server

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# One page of each kind, with what must be above the fold on it (a heading of its key facts).
ENTITY_PAGES = {
    "state": ("/id/uzbekistan", "Membership of the CSTO"),
    "alliance": ("/id/csto", "Members on"),
    "membership": ("/id/membership-uzbekistan-1", "This membership period"),
    "person": ("/id/nikol-pashinyan", "Offices held"),
    "event": ("/id/deployment-kazakhstan-2022", "Key statements"),
    "summit": ("/id/summit-2023-11-minsk", "Key statements"),
}
OTHER_PAGES = {
    "home": "/",
    "source": "/source/000_2e5f64a402117a9e",
    "evidence": "/evidence/002-uzbekistan-speculation",
    "members": "/members?date=2030-01-01",
    "disagreements": "/disagreements",
    "search": "/search?q=Uzbekistan",
    "query": "/query",
    "ontology": "/ontology",
    "term": "/ontology/State",
    "graph": "/graph/002_31ac2e71aae4dd18",
    "dataset": "/dataset",
    "downloads": "/downloads",
    "validation": "/validation",
    "statement": None,  # a statement of graph:support: its IRI is a hash, looked up when the test runs
}
ALL_PAGES = {**{k: v[0] for k, v in ENTITY_PAGES.items()}, **OTHER_PAGES}

pytestmark = [
    pytest.mark.browser,
    # Skipped on a developer machine without Debian's chromium; never in CI, whose set-up installs it.
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason=f"{CHROMIUM} is not installed (./dev setup installs it)",
    ),
    pytest.mark.xdist_group("test_browser_e2e"),  # one worker sets up a live server and a browser once
]


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared_build):
    tmp = tmp_path_factory.mktemp("e2e")
    with live_server(shared_build.env, tmp) as server:
        yield server.url


@pytest.fixture(scope="module")
def shots(request) -> Path | None:
    """Where the screenshots go (printed in the test output), or None: only ``CSTO_KG_SCREENSHOTS`` asks for them."""
    if not os.environ.get("CSTO_KG_SCREENSHOTS"):
        return None
    folder = Path(os.environ["CSTO_KG_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nscreenshots of every page kind: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _page(browser, site, viewport):
    context = browser.new_context(viewport=viewport)
    pg = context.new_page()
    pg.foreign = []
    host = urlsplit(site).netloc

    def check(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            pg.foreign.append(request.url)

    pg.on("request", check)
    return context, pg


@pytest.fixture
def page(browser, site):
    """A desktop page that records every request it makes to a host other than the site."""
    context, pg = _page(browser, site, DESKTOP)
    yield pg
    context.close()


@pytest.fixture
def phone(browser, site):
    context, pg = _page(browser, site, PHONE)
    yield pg
    context.close()


def _shot(pg, shots: Path | None, name: str) -> None:
    """A full-page screenshot (the first screens only, for a very long page), if screenshots were asked for."""
    if shots is not None:
        tall = pg.evaluate("document.documentElement.scrollHeight") > 12_000
        _capture(pg, shots, name, full_page=not tall)


def _capture(pg, shots: Path | None, name: str, full_page: bool) -> None:
    """``pg.screenshot``, asked a second time when chromium refuses a capture with "Unable to capture screenshot":
    a transient refusal of the compositor (seen once in CI, on a page it renders every run), which takes the same
    picture when asked again (microsoft/playwright and robotframework-browser report the same). Any other error,
    or the same refusal twice, fails the test."""
    from playwright.sync_api import Error

    if shots is None:
        return
    path = shots / name
    try:
        pg.screenshot(path=str(path), full_page=full_page)
    except Error as e:
        if "Unable to capture screenshot" not in str(e):
            raise
        pg.screenshot(path=str(path), full_page=full_page)


def _settle(pg) -> None:
    """Wait until the page can make no more requests of its own.

    ``goto`` has waited for the load event. A page without a script (all but the query page:
    no images, fonts or imports in the style sheet) requests nothing after it; a page with one
    may, so it is watched until the network has been idle for 500 ms.
    """
    if pg.locator("script").count():
        pg.wait_for_load_state("networkidle")


def _sparql(site: str, query: str) -> list[dict]:
    url = site + "/sparql?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    ) as r:
        return json.load(r)["results"]["bindings"]


def _confirmed(site: str) -> dt.date:
    rows = _sparql(
        site,
        """PREFIX csto: <https://w3id.org/csto-kg/ontology/>
        SELECT (MAX(?nb) AS ?d) WHERE { ?s a csto:SourceDocument ; csto:publicationDate/csto:notBefore ?nb }""",
    )
    return dt.date.fromisoformat(rows[0]["d"]["value"])


# --- every page kind -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(ENTITY_PAGES))
def test_key_statements_are_above_the_fold_with_their_passage_link(page, site, shots, kind):
    path, heading = ENTITY_PAGES[kind]
    page.goto(site + path)
    fold = DESKTOP["height"]
    title = page.locator("section.key-section h2, section.key-statements h2", has_text=heading).first
    title.wait_for()
    assert title.bounding_box()["y"] < fold, f"{heading!r} is below the fold"
    links = page.locator(
        "section.key-section a.to-source, section.key-section a.passage-link, section.key-statements a.passage-link"
    )
    assert links.count() >= 1
    box = links.first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= fold, "no passage link above the fold"
    href = links.first.get_attribute("href")
    assert re.fullmatch(r"/source/[^#]+#ev-.+", href), href
    _shot(page, shots, f"{kind}-desktop.png")
    assert page.foreign == [], page.foreign


def _path(site: str, kind: str) -> str:
    if ALL_PAGES[kind] is not None:
        return ALL_PAGES[kind]
    row = _sparql(
        site,
        "SELECT ?s WHERE { GRAPH <https://w3id.org/csto-kg/graph/support> { ?s a "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> } } ORDER BY ?s LIMIT 1",
    )
    return "/" + row[0]["s"]["value"].split("/csto-kg/", 1)[1]


@pytest.mark.parametrize("kind", sorted(ALL_PAGES))
def test_no_horizontal_scroll_at_390px(phone, site, shots, kind):
    phone.goto(site + _path(site, kind))
    if kind == "query":
        phone.wait_for_selector(".yasqe .CodeMirror")
    _settle(phone)
    width = phone.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= PHONE["width"], f"{_path(site, kind)} is {width} px wide at {PHONE['width']} px"
    _shot(phone, shots, f"{kind}-phone.png")
    assert phone.foreign == [], phone.foreign


@pytest.mark.parametrize("kind", sorted(OTHER_PAGES))
def test_other_pages_render_without_requests_to_other_hosts(page, site, shots, kind):
    page.goto(site + _path(site, kind))
    _settle(page)
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator("header.site form[role=search] input[name=q]").count() == 1, "no search box"
    _shot(page, shots, f"{kind}-desktop.png")
    assert page.foreign == [], page.foreign


# --- search ------------------------------------------------------------------------------------


def _search(page, site, words: str) -> list[str]:
    page.goto(site + "/")
    box = page.locator("header.site input[name=q]")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    return [a.get_attribute("href") for a in page.locator("ol.hits a.hit-label").all()]


def test_search_finds_an_entity_by_label_alternative_label_and_quote(page, site, shots):
    row = _sparql(
        site,
        """SELECT ?s ?label ?alt WHERE { ?s a <https://w3id.org/csto-kg/ontology/State> ;
        <http://www.w3.org/2000/01/rdf-schema#label> ?label ; <http://www.w3.org/2004/02/skos/core#altLabel> ?alt }
        ORDER BY ?s ?alt LIMIT 1""",
    )[0]
    href = "/" + row["s"]["value"].split("/csto-kg/", 1)[1]
    assert _search(page, site, row["label"]["value"])[0] == href
    assert _search(page, site, row["alt"]["value"])[0] == href
    assert "also called" in page.locator("ol.hits li").first.inner_text()
    quote = _sparql(
        site,
        """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?fact ?exact WHERE { ?fact prov:wasDerivedFrom ?ev . ?ev oa:hasSelector/oa:exact ?exact .
        FILTER(STRLEN(?exact) > 80 && STRSTARTS(STR(?fact), "https://w3id.org/csto-kg/id/")) } ORDER BY ?ev LIMIT 1""",
    )[0]
    words = quote["exact"]["value"].split()
    hits = _search(page, site, " ".join(words[3:8]))
    assert "/" + quote["fact"]["value"].split("/csto-kg/", 1)[1] in hits
    passage = page.locator("ol.hits a.to-source").first
    assert re.fullmatch(r"/source/[^#]+#ev-.+", passage.get_attribute("href"))
    _shot(page, shots, "search-quote-desktop.png")
    assert page.foreign == [], page.foreign


# --- the timeline ------------------------------------------------------------------------------


def test_timeline_marks_undated_spans_and_the_last_confirmed_date(page, phone, site, shots):
    confirmed = _confirmed(site)
    words = f"{confirmed.day} {confirmed.strftime('%B')} {confirmed.year}"
    for pg, layout in ((page, "wide"), (phone, "narrow")):
        pg.goto(site + "/")
        svg = pg.locator(f"svg.timeline-{layout}")
        svg.wait_for()
        assert svg.locator("rect.undated").count() >= 1
        assert svg.locator("text.undated-note", has_text="date not given").count() >= 1
        assert words in svg.locator("g.confirmed text").text_content()
        assert svg.locator("rect.unconfirmed").count() >= 1
        rows, labels = svg.locator("a.period").count(), svg.locator("text.state").count()
        assert rows == labels >= 1, "a row without a label"
        size = pg.evaluate("el => el.getBoundingClientRect().height", svg.locator("text.state").first.element_handle())
        assert size >= 10, f"row labels are {size:.1f} px tall in the {layout} layout"
    _capture(page, shots, "timeline-desktop.png", full_page=False)
    _capture(phone, shots, "timeline-phone.png", full_page=False)
    bars = page.locator("svg.timeline-wide a.period")
    href = bars.first.get_attribute("href")
    bars.first.click()
    page.wait_for_url("**" + href)
    assert page.locator("h1").inner_text().strip()
    assert page.foreign == [] and phone.foreign == []


# --- the query page ----------------------------------------------------------------------------

QUERY = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT * WHERE {
  ?fact prov:wasDerivedFrom ?evidence .
  ?evidence oa:hasSource/dcterms:identifier ?file ; oa:hasSelector/oa:exact ?quote .
  FILTER(STRSTARTS(STR(?fact), "https://w3id.org/csto-kg/id/"))
} LIMIT 5"""


def _run(page, text: str) -> None:
    page.evaluate("q => window.cstoYasgui.getTab().getYasqe().setValue(q)", text)
    page.locator(".yasqe_queryButton:visible").first.click()


def test_query_results_link_locally_in_the_querys_column_order(page, site, shots):
    page.goto(site + "/query")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert page.locator(".yasgui .tabsList .tab").count() >= 1
    _run(page, QUERY)
    first = page.locator(".yasr table tbody tr").first
    first.wait_for(timeout=30_000)
    page.wait_for_function("document.querySelector('.yasr table tbody tr a.passage') !== null")
    headers = [h.strip() for h in page.locator(".yasr table thead th").all_inner_texts() if h.strip()]
    assert headers == ["fact", "evidence", "file", "quote"], headers
    hrefs = [a.get_attribute("href") for a in first.locator("a").all()]
    assert hrefs and all(h.startswith("/") for h in hrefs), hrefs
    assert any(h.startswith("/id/") for h in hrefs) and any(h.startswith("/evidence/") for h in hrefs)
    passage = first.locator("a.passage").get_attribute("href")
    key = next(h for h in hrefs if h.startswith("/evidence/"))[len("/evidence/") :]
    assert re.fullmatch(rf"/source/\d{{3}}_[0-9a-f]+#ev-{re.escape(key)}", passage), passage
    iri_text = first.locator("a[href^='/id/']").first.inner_text()
    assert "w3id.org/csto-kg/id/" in iri_text or iri_text.startswith(":"), "the IRI is not shown as data"
    cell = page.locator(".yasr table tbody tr td").last
    assert (
        page.evaluate("el => getComputedStyle(el.querySelector('div') || el).whiteSpace", cell.element_handle())
        != "nowrap"
    ), "quotes are clipped"
    _shot(page, shots, "query-results-desktop.png")
    assert page.foreign == [], page.foreign
    assert page.evaluate("window.cstoYasgui.getTab().getEndpoint()") == site + "/sparql"


def test_query_error_is_readable_with_line_and_column(page, site):
    page.goto(site + "/query")
    page.wait_for_selector(".yasqe .CodeMirror")
    _run(page, "SELECT * WHERE {\n  ?s ?p\n}")
    error = page.locator(".query-error")
    error.wait_for(timeout=30_000)
    text = error.inner_text()
    assert "Line 3, column" in text and '{"error"' not in text, text
    box = error.bounding_box()
    assert box["x"] + box["width"] <= DESKTOP["width"]
    help_links = page.locator(".yasgui a[href*='triply'], .yasgui a[href*='github.com']")
    assert help_links.count() == 0, "help leaves the site"


# --- a fact leads to its passage ---------------------------------------------------------------


def test_fact_page_leads_to_the_passage_highlighted_in_the_source(page, site, shots):
    page.goto(site + "/id/membership-armenia")
    link = page.locator("section.key-section a.to-source").first
    link.wait_for()
    href = link.get_attribute("href")
    key = href.split("#", 1)[1]
    quote = link.locator("xpath=..").locator("q").inner_text().strip()
    link.click()
    page.wait_for_url("**/source/**")
    target = page.locator(f"mark[id='{key}']")
    target.wait_for()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == key
    marked = page.evaluate(
        "k => Array.from(document.querySelectorAll(`mark[data-ev='${k}']`)).map(m => m.textContent).join('')",
        key[len("ev-") :],
    )
    assert " ".join(marked.split()) == " ".join(quote.split())
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"], "the passage is not in view"
    _capture(page, shots, "source-at-passage-desktop.png", full_page=False)
    assert page.foreign == [], page.foreign


# --- the newcomer's question -------------------------------------------------------------------


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_from_home_to_uzbekistans_periods_what_is_not_said_and_each_dates_passage(browser, site, shots, device):
    """Home -> the state's row of the timeline -> its periods, what the sources leave undated, a passage."""
    context, pg = _page(browser, site, DESKTOP if device == "desktop" else PHONE)
    try:
        pg.goto(site + "/")
        layout = "wide" if device == "desktop" else "narrow"
        pg.locator(f"svg.timeline-{layout} a:has(text.state)", has_text="Uzbekistan").first.click()
        pg.wait_for_url("**/id/uzbekistan")
        section = pg.locator("section.key-section", has_text="Membership of the CSTO").first
        periods = section.locator("li.key-line")
        assert periods.count() == 2
        text = section.inner_text()
        assert "from" in text and "to" in text and "date not given" in text and "undetermined" in text
        first_box = section.locator("a.to-source").first.bounding_box()
        assert first_box["y"] < pg.viewport_size["height"] * 1.5
        for i in range(periods.count()):
            labels = periods.nth(i).locator("ul.quotes li .for").all_inner_texts()
            assert any("FROM" in x.upper() for x in labels) or any("TO" in x.upper() for x in labels)
        _shot(pg, shots, f"newcomer-uzbekistan-{device}.png")
        link = section.locator("a.to-source").first
        key = link.get_attribute("href").split("#", 1)[1]
        link.click()
        pg.wait_for_url("**/source/**")
        pg.locator(f"mark[id='{key}']").wait_for()
        assert pg.foreign == [], pg.foreign
    finally:
        context.close()


@pytest.mark.parametrize("device", ["page", "phone"])
def test_the_query_editor_is_not_buried_under_its_tabs(request, site, shots, device):
    """Wrapped, the 48 named queries' tabs took 24 rows on a desktop (about 680 px) and a column of clipped
    labels on a phone before the editor. They now scroll sideways in one row; every query still has its tab."""
    pg = request.getfixturevalue(device)
    pg.goto(site + "/query")
    pg.wait_for_selector(".yasqe .CodeMirror")
    named = pg.locator("button.open-tab").count()
    assert named >= 10 and pg.locator(".yasgui .tabsList .tab").count() == named
    geometry = pg.evaluate(
        """() => { const list = document.querySelector('.yasgui .tabsList').getBoundingClientRect();
                   const tab = document.querySelector('.yasgui .tabsList .tab').getBoundingClientRect();
                   const label = document.querySelector('.yasgui .tabsList .tab a span').getBoundingClientRect();
                   const editor = document.querySelector('.yasqe .CodeMirror').getBoundingClientRect();
                   return {list: list.height, tab: tab.height, listLeft: list.left, labelLeft: label.left,
                           gap: editor.top - list.top}; }"""
    )
    assert geometry["list"] < 2 * geometry["tab"] + 4, geometry  # one row of tabs
    assert geometry["gap"] < 200, geometry  # the editor right under it
    assert geometry["labelLeft"] >= geometry["listLeft"], geometry  # the first label is not clipped on its left
    assert pg.evaluate("document.documentElement.scrollWidth") <= pg.viewport_size["width"]
    last = pg.locator("button.open-tab").last
    last.click()  # the list below still opens any query's tab
    assert pg.evaluate("window.cstoYasgui.getTab().getYasqe().getValue()").startswith(
        pg.locator("details pre.sparql").last.inner_text()[:40]
    )
    _shot(pg, shots, f"query-tabs-{device}.png")
