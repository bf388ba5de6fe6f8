"""End to end in a real browser: Playwright driving Debian's chromium (never a downloaded
browser) against ``eventwire serve``'s app on 127.0.0.1.

Ingests the bundled example through the ingest page with the real pipeline, filters the
list, opens an event, checks the highlighted evidence, the map's markers and the
timeline's bars, and shows that an article full of markup runs nothing. Screenshots go to
``screenshots/web/`` (or $EVENTWIRE_SCREENSHOTS) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from serving import ROOT, SHOTS, chromium_context, require_browser, serve_in_thread

playwright_api = require_browser()

from web_samples import XSS_TEXT, xss_record  # noqa: E402

from eventwire.config import Settings  # noqa: E402
from eventwire.store import Store  # noqa: E402
from eventwire.web.tokens import create_token  # noqa: E402

EXAMPLES = ROOT / "examples" / "news"
TIMEOUT_MS = 20_000
INGEST_TIMEOUT_MS = 240_000

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def server(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    from eventwire.web.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.db'}"
    with Store(url) as store:
        token = create_token(store, "e2e")[1]
        store.write(xss_record())
    app = create_app(Settings(db_url=url), pipeline_factory=lambda: pipeline)
    with serve_in_thread(app) as base:
        yield {"base": base, "token": token}


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_context(playwright_api, tmp_path_factory.mktemp("chromium-profile"),
                          TIMEOUT_MS) as context:
        yield context


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    page = browser_context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.problems = problems
    yield page
    page.close()


def wait_for_job(page: Any) -> None:
    # A locator assertion, not wait_for_function: the CSP forbids eval in the page.
    playwright_api.expect(page.locator("#job-state")).to_have_text(
        re.compile(r"^(done|failed)"), timeout=INGEST_TIMEOUT_MS
    )


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_ingest_filter_open_map_timeline(server: dict[str, str], page: Any) -> None:
    base = server["base"]
    page.goto(base + "/ui/ingest")
    page.fill("#token", server["token"])
    page.set_input_files("#files", sorted(str(p) for p in EXAMPLES.iterdir()))
    page.click("#ingest-submit")
    wait_for_job(page)
    state = page.text_content("#job-state")
    assert state.startswith("done"), state
    assert page.locator("#job-articles > li").count() >= 3
    shot(page, "01-ingest")

    page.goto(base + "/ui/events")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 3
    shot(page, "02-events")

    category = page.locator("tr.event-row .cat").first.text_content().strip()
    page.select_option("select[name=category]", category)
    page.click(".filters button[type=submit]")
    page.wait_for_url(f"**category={category}**")  # the list is swapped in (explore.js)
    playwright_api.expect(page.locator("body")).not_to_have_attribute("aria-busy", "true")
    cats = page.locator("tr.event-row .cat").all_text_contents()
    assert cats and {c.strip() for c in cats} == {category}
    shot(page, "03-events-filtered")

    page.locator("tr.event-row a").first.click()
    page.wait_for_url("**/ui/events/**")
    assert page.locator("#article-text mark.f-evidence").count() >= 1
    assert page.locator("#article-text mark.f-trigger").count() >= 1
    assert page.locator("mark.f-trigger").first.is_visible()
    assert page.locator(".facts-table tbody tr").count() >= 1
    shot(page, "04-event")

    page.goto(base + "/ui/timeline")
    assert page.locator("#timeline rect.bar-part").count() >= 1
    shot(page, "05-timeline")

    page.goto(base + "/ui/map")
    if page.locator("#no-leaflet").count() == 0:  # the map is installed (make web-assets)
        playwright_api.expect(page.locator("#map")).to_have_attribute(
            "data-loaded", re.compile(r"^[1-9]"))
        assert page.locator(".ew-pin").count() >= 1
        assert "on the map" in (page.text_content("#map-status") or "")
    shot(page, "06-map")

    page.goto(base + "/ui/docs")
    if page.locator("#swagger-ui").count():  # the explorer is installed (make web-assets)
        page.wait_for_selector("#swagger-ui .opblock")
        assert page.locator("#swagger-ui .opblock").count() >= 8
    shot(page, "07-api-docs")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + "/ui/events")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the list scrolls sideways at phone width ({width}px)"
    shot(page, "08-events-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.problems == []


def test_markup_in_articles_runs_nothing(server: dict[str, str], page: Any) -> None:
    base = server["base"]
    record = xss_record()
    event_id = record.events[0].id
    for path in (f"/ui/events/{event_id}", f"/ui/articles/{record.article.id}",
                 "/ui/events?q=Lima", "/ui/map?q=Lima", "/ui/entities?q=img",
                 "/ui/timeline"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator("main script").count() == 0, path
        assert page.locator("main img").count() == 0, path
    page.goto(base + f"/ui/events/{event_id}")
    shown = page.text_content("#article-text")
    assert shown == XSS_TEXT  # the markup is shown as text, character for character
    shot(page, "09-xss-article")
    # Pasting the same text through the ingest page stores it and still runs nothing.
    page.goto(base + "/ui/ingest")
    page.fill("#token", server["token"])
    page.fill("#text", XSS_TEXT + "\nA second <script>window.__xss = 9</script> paragraph.")
    page.fill("#title", "<img src=x onerror=\"window.__xss = 5\">")
    page.click("#ingest-submit")
    wait_for_job(page)
    assert page.text_content("#job-state").startswith("done")
    page.locator("#job-articles > li > a").first.click()
    page.wait_for_url("**/ui/articles/**")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<img src=x" in page.text_content("h1")
    assert page.problems == []
