"""The HTML report in real headless Chromium (Debian's /usr/bin/chromium driven by
Playwright; never a browser download): highlights, counts, filters, evidence panel,
keyboard navigation, and an adversarial document that must execute no script.
Screenshots go to test-output/ (or $QA_TEST_OUTPUT)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO, corpus_pairs
from qa.config import Config
from qa.report import render_html
from qa.runner import check_documents, check_files

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
OUTPUT = Path(os.environ.get("QA_TEST_OUTPUT", REPO / "test-output"))


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


def open_report(browser, html: str, name: str, tmp_path):
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    events = {"dialogs": 0, "errors": [], "requests": []}
    page.on("dialog", lambda d: (events.__setitem__("dialogs", events["dialogs"] + 1), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.as_uri())
    return page, events


@pytest.mark.parametrize("pair", corpus_pairs(), ids=lambda p: p.name)
def test_corpora_report_in_chromium(browser, pair, tmp_path):
    report = check_files(pair / "de.txt", pair / "en.defective.txt",
                         Config(termbase=(str(pair / "terms.csv"),), mt=False))
    page, events = open_report(browser, render_html(report), pair.name, tmp_path)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"report-{pair.name}.png"), full_page=True)
    visible = [f for f in report.findings if f.severity.value != "info"]
    assert page.locator("#finding-list .finding").count() == len(visible)
    assert page.locator("#count").inner_text() == str(len(report.findings))
    spanned = {f"f{k}" for k, f in enumerate(report.findings) if f.source_span or f.target_span}
    marked = set(" ".join(page.locator("mark.hl").evaluate_all(
        "els => els.map(e => e.getAttribute('data-ids'))")).split())
    assert spanned <= marked
    # clicking a finding shows its evidence and marks its highlight
    first = page.locator("#finding-list .finding").first
    first.click()
    assert page.locator("#detail").is_visible()
    message = first.inner_text().split(" — ", 1)[1]
    assert page.locator("#detail-message").inner_text() in message
    assert page.locator("mark.hl.active").count() >= 1
    # filtering by category hides the others, and the count follows
    category = first.get_attribute("data-category")
    page.locator(f".f-cat[value='{category}']").uncheck()
    hidden = page.locator(f"#finding-list .finding[data-category='{category}']")
    assert all(not hidden.nth(i).is_visible() for i in range(hidden.count()))
    assert int(page.locator("#count").inner_text()) == len(report.findings) - sum(
        1 for f in report.findings if f.category.value == category)
    page.locator(f".f-cat[value='{category}']").check()
    # search and keyboard navigation
    page.fill("#search", "zzz-no-such-finding")
    assert page.locator("#count").inner_text() == "0"
    page.fill("#search", "")
    page.locator("body").press("j")
    assert page.locator(".finding.current").count() == 1
    page.screenshot(path=str(OUTPUT / f"report-{pair.name}-selected.png"))
    assert events["errors"] == [] and events["dialogs"] == 0
    assert all(url.startswith("file://") for url in events["requests"])


def test_adversarial_document_runs_no_script(browser, tmp_path):
    source = "Die Regierung legte den Haushalt vor. Die Opposition kritisierte ihn scharf."
    target = ('The government presented the budget <script>window.pwned=1;alert(1)</script>. '
              '"><img src=x onerror="window.pwned=2"> The opposition <a href="javascript:'
              'window.pwned=3">criticised</a> it <!-- comment --> sharply. '
              '</td></tr></table><script>window.pwned=4</script>')
    report = check_documents(source, target, Config(mt=False))
    page, events = open_report(browser, render_html(report), "adversarial", tmp_path)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "report-adversarial.png"), full_page=True)
    assert page.evaluate("window.pwned === undefined")
    assert events["dialogs"] == 0
    assert page.locator("img").count() == 0 and page.locator("a[href^='javascript']").count() == 0
    text = page.locator("#aligned").inner_text()
    assert "<script>" in text and "onerror=" in text and "javascript:" in text  # inert text
    csp = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert all(url.startswith("file://") for url in events["requests"])
