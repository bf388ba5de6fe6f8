"""The linked dashboard in a real browser (Playwright driving Debian's chromium, never a
downloaded one) against the app on 127.0.0.1, on hand-made records (no model): the map's
zoom and popups, brushing the timeline, the filters in the URL and the back button,
drawing an area, creating a watchlist and reading its feed, keyboard use, and an
accessibility check of every dashboard page with axe-core (from npm: make web-assets).
Screenshots go to screenshots/web/ (or $EVENTWIRE_SCREENSHOTS)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from serving import ROOT, SHOTS, chromium_context, require_browser, serve_in_thread

playwright_api = require_browser()

from dash_samples import cluster_kano, country_record, dashboard_records  # noqa: E402
from web_samples import all_records  # noqa: E402

from eventwire.config import Settings  # noqa: E402
from eventwire.store import Store  # noqa: E402
from eventwire.web.app import vendor_assets  # noqa: E402
from eventwire.web.tokens import create_token  # noqa: E402

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
expect = playwright_api.expect
pytestmark = [pytest.mark.slow]
if not vendor_assets()["leaflet"]:
    pytestmark.append(pytest.mark.skip(reason="the map is not installed: make web-assets"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from eventwire.web.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('dash') / 'dash.db'}"
    with Store(url) as store:
        token = create_token(store, "browser")[1]
        for record in [*all_records(), *dashboard_records()]:
            store.write(record)
        cluster_kano(store)
    with serve_in_thread(create_app(Settings(db_url=url))) as base:
        yield {"base": base, "token": token, "url": url}


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_context(playwright_api, tmp_path_factory.mktemp("chromium-profile"),
                          20_000) as context:
        yield context


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    page = browser_context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.problems = problems
    yield page
    page.close()


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"dash-{name}.png"), full_page=True)


def params(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def map_loaded(page: Any) -> None:
    expect(page.locator("#map")).to_have_attribute("data-loaded", re.compile(r"^\d+$"))
    expect(page.locator("#map")).not_to_have_attribute("aria-busy", "true")


def test_map_zooms_and_its_popups_show_the_incident(server: dict[str, Any], page: Any) -> None:
    page.goto(server["base"] + "/ui/map")
    map_loaded(page)
    status = page.text_content("#map-status") or ""
    assert "7 incidents on the map (2 drawn as their region or country)" in status
    assert "not drawn: 1 with no place named" in status
    # A country-level place is drawn as the country, not as a city dot.
    assert page.locator(".ew-pin.area.country").count() == 1
    assert page.locator(".ew-pin.area.region").count() == 1
    assert page.locator(".leaflet-areas-pane path").count() >= 1
    page.click(".leaflet-control-zoom-in")
    expect(page).to_have_url(re.compile(r"map=3%2F"))
    map_loaded(page)
    page.click(".leaflet-control-zoom-in")
    expect(page).to_have_url(re.compile(r"map=4%2F"))
    map_loaded(page)
    assert page.locator(".ew-pin.area.country").count() == 1  # still in view
    shot(page, "map-zoomed")

    page.locator(".ew-pin.area.country").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Place precision: a country only")
    link = popup.locator("a.evidence-link")
    assert link.get_attribute("href") == f"/ui/events/{country_record().events[0].id}"
    shot(page, "map-popup")
    link.click()
    page.wait_for_url("**/ui/events/**")
    assert page.locator("#article-text mark.f-evidence").count() >= 1
    assert page.problems == []


def test_a_city_cluster_lists_its_events(server: dict[str, Any], page: Any) -> None:
    page.goto(server["base"] + "/ui/map?view=mentions&map=6/-4.05/39.67")
    map_loaded(page)
    page.locator(".ew-pin.many").first.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("2 mentions in Mombasa")
    expect(popup.locator(".popup-list li")).to_have_count(2)
    popup.locator("button.list-area").click()
    expect(page).to_have_url(re.compile(r"bbox="))
    expect(page.locator("#list-link")).to_have_attribute("href", re.compile(r"bbox="))
    assert page.problems == []


def test_brushing_the_timeline_filters_the_list_and_back_undoes_it(
        server: dict[str, Any], page: Any) -> None:
    page.goto(server["base"] + "/ui/events")
    map_loaded(page)
    rows = page.locator("tr.event-row")
    everything = rows.count()
    assert everything == 8  # incidents: the two Kano reports are one
    bars = page.locator("svg.timeline a.bar")
    first = bars.nth(0).bounding_box()
    tenth = bars.nth(45).bounding_box()
    page.mouse.move(first["x"] + 1, first["y"] + 20)
    page.mouse.down()
    page.mouse.move(tenth["x"] + 1, tenth["y"] + 20, steps=5)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"date_from=2026-03-02.*date_to=2026-04-16"))
    expect(rows).to_have_count(2)  # the Kano bombing and the country-level killing
    assert params(page)["date_to"] == ["2026-04-16"]
    expect(page.locator("#filters input[name=date_from]")).to_have_value("2026-03-02")
    map_loaded(page)
    assert int(page.get_attribute("#map", "data-loaded") or 0) == 2
    shot(page, "brushed")
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"date_from"))
    expect(rows).to_have_count(everything)
    page.go_forward()
    expect(rows).to_have_count(2)
    assert page.problems == []


def test_filters_live_in_the_url(server: dict[str, Any], page: Any) -> None:
    base = server["base"]
    page.goto(base + "/ui/events?category=PROTEST")
    rows = page.locator("tr.event-row")
    cats = {c.strip() for c in page.locator("tr.event-row .cat").all_text_contents()}
    assert cats == {"PROTEST"} and rows.count() == 3
    page.fill("#filters input[name=country]", "NG")
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"category=PROTEST.*country=NG"))
    expect(rows).to_have_count(1)
    page.reload()  # a shared link gives the same page
    expect(rows).to_have_count(1)
    expect(page.locator("#filters input[name=country]")).to_have_value("NG")
    page.click("#mentions-link")
    expect(page).to_have_url(re.compile(r"view=mentions"))
    page.goto(base + "/ui/events?place=kano")
    expect(page.locator("tr.event-row")).to_have_count(1)
    expect(page.locator("tr.event-row .conflict")).to_contain_text("dead 4 / 6")
    page.goto(base + "/ui/events?place=kano&view=mentions")
    expect(page.locator("tr.event-row")).to_have_count(2)
    assert page.problems == []


def test_drawing_an_area_filters_the_list(server: dict[str, Any], page: Any) -> None:
    page.goto(server["base"] + "/ui/events?map=4/5/20")
    map_loaded(page)
    box = page.locator("#map").bounding_box()
    page.click("#map-draw")
    expect(page.locator("#map-draw")).to_have_attribute("aria-pressed", "true")
    # From the top-left of the map to a little past its middle: west Africa, no Kenya.
    page.mouse.move(box["x"] + 10, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.75, steps=6)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"bbox="))
    expect(page.locator("tr.event-row")).to_have_count(3)  # Kano, Kaduna, Nigeria
    places = set(page.locator("tr.event-row td:nth-child(3)").all_text_contents())
    assert places and all("NG" in p for p in places), places
    expect(page.locator("#map-clear-box")).to_be_visible()
    shot(page, "area")
    page.click("#map-clear-box")
    expect(page).not_to_have_url(re.compile(r"bbox="))
    expect(page.locator("tr.event-row")).to_have_count(8)
    assert page.problems == []


def test_keyboard_alone_filters_by_period_and_opens_a_marker(
        server: dict[str, Any], page: Any) -> None:
    page.goto(server["base"] + "/ui/events")
    map_loaded(page)
    bar = page.locator("svg.timeline a.bar").first
    bar.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"date_from=2026-03-02&date_to=2026-03-02"))
    expect(page.locator("tr.event-row")).to_have_count(1)
    page.goto(server["base"] + "/ui/map")
    map_loaded(page)
    page.locator("#map").focus()
    page.keyboard.press("Tab")  # into the map's markers
    focused = page.evaluate("document.activeElement.className")
    assert "ew-pin" in focused or "leaflet" in focused
    while "ew-pin" not in page.evaluate("document.activeElement.className"):
        page.keyboard.press("Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert re.search(r"\d+ incidents?", label)
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_be_visible()
    assert page.problems == []


def test_create_a_watchlist_and_read_its_feed(server: dict[str, Any], page: Any) -> None:
    from eventwire.batch.watch import WatchlistCycle

    base = server["base"]
    page.goto(base + "/ui/events?place=lima")
    page.click("#watch-link")
    page.wait_for_url("**/ui/watchlists?place=lima")
    expect(page.locator("#wl-places")).to_have_value("lima")
    page.fill("#wl-name", "Lima protests")
    page.fill("#wl-token", server["token"])
    page.click("#wl-submit")
    page.wait_for_url("**/ui/watchlists?created=*")
    expect(page.locator("#created")).to_be_visible()
    row = page.locator("tr.watchlist-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("0 incidents")
    feed_url = base + row.locator("a.feed-link").get_attribute("href")
    assert "<entry>" not in page.request.get(feed_url).text()

    # A report ingested after the watchlist was created, then one `watch` cycle.
    import dataclasses

    from web_samples import xss_record

    from eventwire.model import make_article

    old = xss_record()
    article = make_article(old.article.text + " They returned on Tuesday.", outlet="Andes Wire",
                           title="Lima protest again", published="2026-07-02")
    record = dataclasses.replace(old, article=article, events=tuple(
        dataclasses.replace(e, id=e.id + "b") for e in old.events))
    with Store(server["url"]) as store:
        store.write(record)
        WatchlistCycle(store)()
    page.reload()
    expect(page.locator("tr.watchlist-row")).to_contain_text("1 incident")
    feed = page.request.get(feed_url)
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert feed.text().count("<entry>") == 1 and "PROTEST: gathered" in feed.text()
    shot(page, "watchlists")
    assert page.problems == []


PAGES = ["/ui/events", "/ui/map", "/ui/timeline", "/ui/watchlists", "/ui/events?view=mentions"]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: make web-assets")
@pytest.mark.parametrize("path", PAGES)
def test_pages_pass_the_accessibility_check(server: dict[str, Any], page: Any,
                                            path: str) -> None:
    page.goto(server["base"] + path)
    if page.locator("#map").count():
        map_loaded(page)
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the driver, not eval()
    found = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    serious = [v for v in found if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    # Every form field has a label, and every control can be reached with the keyboard.
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        'input:not([type=hidden]), select, textarea')].filter(el => !el.labels.length
        && !el.getAttribute('aria-label')).map(el => el.name)""")
    assert unlabelled == []
