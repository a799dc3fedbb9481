"""The HTML report in real headless Chromium (Debian's /usr/bin/chromium driven by
Playwright; never a browser download): highlights, counts, filters, evidence panel,
keyboard navigation, the editor's decisions and their downloads (a baseline that makes
``qa check`` pass, a corrected translation that differs exactly at the fixed spans),
no CSP violations, and an adversarial document that must execute no script.
Screenshots go to test-output/ (or $QA_TEST_OUTPUT)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import CORPORA, REPO, corpus_pairs
from qa import baseline
from qa.cli import main
from qa.config import Config
from qa.model import BaselineEntry, Finding
from qa.report import render_html
from qa.runner import check_documents, check_files, decide_gate

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
OUTPUT = Path(os.environ.get("QA_TEST_OUTPUT", REPO / "test-output"))
#: the page's clock in the decision tests, so the baseline's dates are known
TODAY = datetime(2031, 5, 17, 12, 0, tzinfo=timezone.utc)


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


def pair_files(pair: Path) -> tuple[Path, Path, Path]:
    """A corpus pair's German source, defective translation and termbase (any format)."""
    return next(pair.glob("de.*")), next(pair.glob("en.defective.*")), pair / "terms.csv"


def corpus_report(pair: Path, **settings):
    source, target, terms = pair_files(pair)
    return check_files(source, target, Config(termbase=(str(terms),), mt=False, **settings))


def open_report(browser, html: str, name: str, tmp_path, **context):
    """The page in a fresh browser context (its own localStorage), with its errors,
    dialogs, requests and console messages recorded."""
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, **context).new_page()
    page.clock.set_fixed_time(TODAY)
    events = {"dialogs": 0, "errors": [], "requests": [], "console": []}
    page.on("dialog", lambda d: (events.__setitem__("dialogs", events["dialogs"] + 1), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}"))
    page.goto(path.as_uri())
    return page, events


def assert_clean(events):
    """No script error, dialog, CSP violation (Chromium logs each to the console) or
    request off the page's own file and its downloads."""
    assert events["errors"] == [] and events["dialogs"] == 0
    assert not [m for m in events["console"] if "Content Security Policy" in m or m.startswith("error")]
    assert all(url.startswith(("file://", "blob:")) for url in events["requests"])


def ids_of(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("els => els.map(e => e.getAttribute('data-id'))")


def accept(page, fid: str, reason: str) -> None:
    item = page.locator(f"#item-{fid}")
    item.locator(".act-accept").click()
    item.locator(".act-reason").fill(reason)
    item.locator(".act-confirm").click()


def download(page, button: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.click(button)
    info.value.save_as(target)
    return target


def boxes_overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


@pytest.mark.parametrize("pair", corpus_pairs(), ids=lambda p: p.name)
def test_corpora_report_in_chromium(browser, pair, tmp_path):
    report = corpus_report(pair)
    page, events = open_report(browser, render_html(report), pair.name, tmp_path)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"report-{pair.name}.png"), full_page=True)
    total, not_info = len(report.findings), [f for f in report.findings if f.severity.value != "info"]
    assert page.locator("#finding-list .finding").count() == total
    assert ids_of(page, "#finding-list .finding:visible") == [
        f"f{k}" for k, f in enumerate(report.findings) if f in not_info]  # document order
    assert page.locator("#count").inner_text() == str(total)
    assert page.locator("#shown").inner_text() == str(len(not_info))
    spanned = {f"f{k}" for k, f in enumerate(report.findings) if f.source_span or f.target_span}
    marked = set(" ".join(page.locator("mark.hl").evaluate_all(
        "els => els.map(e => e.getAttribute('data-ids'))")).split())
    assert spanned <= marked
    # clicking a finding shows its evidence beside the list, not over it
    first = page.locator("#finding-list .finding").first
    first.click()
    assert page.locator("#detail").is_visible()
    assert page.locator("#detail-message").inner_text() in first.inner_text()
    assert page.locator("mark.hl.active").count() >= 1
    assert not boxes_overlap(page.locator("#findings").bounding_box(),
                             page.locator("#detail").bounding_box())
    evidence = page.locator("#detail").inner_text()
    assert "Source" in evidence and "Translation" in evidence
    assert "p1.s" not in evidence and "bead" not in evidence and str(CORPORA) not in evidence
    page.screenshot(path=str(OUTPUT / f"report-{pair.name}-selected.png"))
    # Esc closes the panel and clears the active highlight; the close button too
    page.keyboard.press("Escape")
    assert not page.locator("#detail").is_visible() and page.locator("mark.hl.active").count() == 0
    first.click()
    page.click("#detail-close")
    assert not page.locator("#detail").is_visible()
    # filtering keeps the headline total, counts what is shown, clears the filtered highlights
    first.click()
    category = first.get_attribute("data-category")
    page.locator(f".f-cat[value='{category}']").uncheck()
    hidden = page.locator(f"#finding-list .finding[data-category='{category}']")
    assert all(not hidden.nth(i).is_visible() for i in range(hidden.count()))
    assert page.locator("#count").inner_text() == str(total)
    assert int(page.locator("#shown").inner_text()) == sum(
        1 for f in not_info if f.category.value != category)
    assert not page.locator("#detail").is_visible() and page.locator("mark.hl.active").count() == 0
    first_id = first.get_attribute("data-id")
    own = page.locator(f"mark.hl[data-ids='{first_id}']")
    assert own.count() == 0 or all(
        "filtered" in own.nth(i).get_attribute("class") and own.nth(i).evaluate(
            "e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
        for i in range(own.count()))
    page.locator(f".f-cat[value='{category}']").check()
    # search
    page.fill("#search", "zzz-no-such-finding")
    assert page.locator("#shown").inner_text() == "0" and page.locator("#count").inner_text() == str(total)
    page.fill("#search", "")
    page.locator("#search").blur()
    page.keyboard.press("j")
    assert page.locator(".finding.current").count() == 1
    assert_clean(events)


def test_chart_bars_differ_in_width_and_no_csp_violations(browser, tmp_path):
    report = corpus_report(CORPORA / "business-windpower")
    counts = {name: n for name, n in report.by_category().items() if n}
    assert len(set(counts.values())) > 1
    page, events = open_report(browser, render_html(report), "charts", tmp_path)
    widths = {name: page.locator(f".bar:has([data-category-count='{name}']) rect").bounding_box()["width"]
              for name in counts}
    for a in counts:
        for b in counts:
            assert (counts[a] < counts[b]) == (widths[a] < widths[b] - 0.5)
    assert_clean(events)


def test_j_and_k_skip_findings_that_are_not_visible(browser, tmp_path):
    report = corpus_report(CORPORA / "web-spyware")
    assert any(f.severity.value == "info" for f in report.findings)  # hidden by default
    page, events = open_report(browser, render_html(report), "keys", tmp_path)
    category = "artefact"
    page.locator(f".f-cat[value='{category}']").uncheck()
    visible = ids_of(page, "#finding-list .finding:visible")
    assert visible and len(visible) < len(report.findings)
    seen = []
    for _ in range(len(report.findings) + 2):
        page.locator("body").press("j")
        seen.append(page.locator(".finding.current").get_attribute("data-id"))
    assert seen[:len(visible)] == visible and set(seen) == set(visible)
    for _ in range(len(visible) - 1):
        page.locator("body").press("k")
    assert page.locator(".finding.current").get_attribute("data-id") == visible[0]
    assert_clean(events)


def test_passing_report_says_no_findings(browser, tmp_path):
    report = corpus_report(CORPORA / "france-politics")
    passing = replace(report, findings=(), score=100.0, gate=decide_gate((), 100.0, Config()))
    page, events = open_report(browser, render_html(passing), "passing", tmp_path)
    assert page.locator("#no-findings").is_visible()
    assert "No findings" in page.locator("#no-findings").inner_text()
    assert page.locator("figure").count() == 0 and page.locator("#finding-list li").count() == 0
    assert_clean(events)


def blocking_ids(report) -> list[str]:
    return [f"f{k}" for k, f in enumerate(report.findings) if report.gate.blocks(f)]


@pytest.mark.parametrize("pair", corpus_pairs(), ids=lambda p: p.name)
def test_accepting_every_blocking_finding_downloads_a_passing_baseline(browser, pair, tmp_path, capsys):
    report = corpus_report(pair)
    blocking = blocking_ids(report)
    assert blocking and not report.gate.passed
    page, events = open_report(browser, render_html(report), pair.name, tmp_path)
    page.fill("#editor-name", "Ada Editor")
    for k, fid in enumerate(blocking):
        accept(page, fid, f"checked with the author ({k})")
    assert page.locator("#decision-summary").get_attribute("data-blocking") == "0"
    # decisions (and the editor's name) survive a reload
    page.reload()
    assert ids_of(page, "#finding-list .finding[data-status='accepted']") == blocking
    assert page.locator("#editor-name").input_value() == "Ada Editor"
    assert "Accepted here: “checked with the author (0)” — Ada Editor, 2031-05-17" in \
        page.locator(f"#item-{blocking[0]}").inner_text()
    assert page.locator(f"mark.hl.accepted[data-ids='{blocking[0]}']").count() + \
        page.locator(f"sup.badge.accepted[data-ids='{blocking[0]}']").count() >= 1
    saved = download(page, "#download-baseline", tmp_path / "qa-baseline.json")
    entries = baseline.entries_for([report.findings[int(fid[1:])] for fid in blocking],
                                   report.source, report.target, by="Ada Editor", when="2031-05-17")
    assert saved.read_text(encoding="utf-8") == baseline.render(
        replace(entry, reason=f"checked with the author ({k})") for k, entry in enumerate(entries))
    source, target, terms = pair_files(pair)
    code = main(["check", str(source), str(target), "--termbase", str(terms), "--no-mt",
                 "--baseline", str(saved)])
    capsys.readouterr()
    assert code == 0
    assert_clean(events)


def test_baseline_from_the_report_keeps_its_entries_minus_the_unaccepted(browser, tmp_path):
    pair = CORPORA / "france-politics"
    report = corpus_report(pair)
    blocking = [f for f in report.findings if report.gate.blocks(f)]
    kept, dropped = blocking[0], blocking[1]
    old = baseline.entries_for([kept, dropped], report.source, report.target,
                               reason="Élysée style — «approved»", by="Zoë", when="2030-01-02")
    # an entry of a check that does not run here (MT is off) must survive the download
    mt_entry = BaselineEntry(fingerprint="e" * 32, code="MTB01", text="x", reason="MT noise",
                             by="Zoë", date="2030-01-02")
    path = tmp_path / "in-baseline.json"
    path.write_text(baseline.render([*old, mt_entry]), encoding="utf-8")
    accepted_report = corpus_report(pair, baseline=str(path))
    assert accepted_report.dormant == (mt_entry,)
    page, events = open_report(browser, render_html(accepted_report), "rebaseline", tmp_path)
    ids = {f.fingerprint: f"f{k}" for k, f in enumerate(accepted_report.findings)}
    kept_item = page.locator(f"#item-{ids[kept.fingerprint]}")
    assert "Accepted by the baseline: “Élysée style — «approved»” — Zoë, 2030-01-02" in kept_item.inner_text()
    assert kept_item.get_attribute("data-status") == "accepted"
    page.locator(f"#item-{ids[dropped.fingerprint]} .act-unaccept").click()
    assert page.locator(f"#item-{ids[dropped.fingerprint]}").get_attribute("data-status") == "open"
    # the evidence panel offers the same actions as the list
    newcomer = next(f for f in accepted_report.findings if f.is_open and f.severity.value != "info")
    reason = 'fine "😀" \\ here'
    page.fill("#editor-name", "Ann")
    page.locator(f"#item-{ids[newcomer.fingerprint]} .finding-message").click()
    page.click("#detail-actions .act-accept")
    page.fill("#detail-actions .act-reason", reason)
    page.press("#detail-actions .act-reason", "Enter")
    assert page.locator(f"#item-{ids[newcomer.fingerprint]}").get_attribute("data-status") == "accepted"
    assert page.locator("#detail-actions .act-unaccept").is_visible()
    saved = download(page, "#download-baseline", tmp_path / "qa-baseline.json")
    expected = [old[0], mt_entry] + baseline.entries_for(
        [newcomer], report.source, report.target, reason=reason, by="Ann", when="2031-05-17")
    assert saved.read_text(encoding="utf-8") == baseline.render(expected)
    assert_clean(events)


def test_baseline_sorts_like_python(browser, tmp_path):
    """Python orders strings by code point, JavaScript by UTF-16 unit: an astral
    character sorts after U+FF5E in Python, before it in a naive JS sort."""
    report = corpus_report(CORPORA / "france-politics")
    template = report.findings[0]
    texts = ["ｚenith", "😀 smile", "plain", "Ünïcode", "ｚenith"]
    findings = tuple(replace(template, fingerprint=f"{k:032x}", message=text,
                             source_span=None, target_span=None, accepted=None, fix=None)
                     for k, text in enumerate(texts))
    page, events = open_report(browser, render_html(replace(report, findings=findings)),
                               "sorting", tmp_path)
    for k in range(len(texts)):
        accept(page, f"f{k}", "")
    saved = download(page, "#download-baseline", tmp_path / "qa-baseline.json")
    expected = [BaselineEntry(f"{k:032x}", template.code, text, "", "", "2031-05-17")
                for k, text in enumerate(texts)]
    assert saved.read_text(encoding="utf-8") == baseline.render(expected)
    assert_clean(events)


def fixed_report(tmp_path) -> tuple:
    """A translation with a byte-order mark, CRLF newlines and an emoji before a safe
    fix (a German decimal comma)."""
    source = "Die Firma äußerte sich 🎉 am Montag.\r\nDer Verlust betrug 4,2 Milliarden Euro im ersten Quartal.\r\n"
    target = "The company 🎉 commented on Monday.\r\nThe loss was 4,2 billion euros in the first quarter.\r\n"
    (tmp_path / "de.txt").write_bytes(b"\xef\xbb\xbf" + source.encode("utf-8"))
    (tmp_path / "en.txt").write_bytes(b"\xef\xbb\xbf" + target.encode("utf-8"))
    return check_files(tmp_path / "de.txt", tmp_path / "en.txt", Config(mt=False)), target


def test_apply_fix_downloads_the_translation_changed_exactly_at_the_span(browser, tmp_path):
    report, target = fixed_report(tmp_path)
    k, finding = next((k, f) for k, f in enumerate(report.findings) if f.fix == "safe")
    page, events = open_report(browser, render_html(report), "fix", tmp_path)
    assert page.locator("#download-fixed").is_disabled()
    page.locator(f"#item-f{k} .act-apply").click()
    assert page.locator(f"#item-f{k}").get_attribute("class").split().count("fixed") == 1
    page.reload()  # the applied fix is a stored decision too
    saved = download(page, "#download-fixed", tmp_path / "out" / "download")
    start, end = finding.target_span
    assert page.evaluate("() => document.querySelector('#download-fixed').disabled") is False
    data = saved.read_bytes()
    original = (tmp_path / "en.txt").read_bytes()
    prefix = b"\xef\xbb\xbf" + target[:start].encode("utf-8")
    suffix = target[end:].encode("utf-8")
    assert data == prefix + finding.suggestion.encode("utf-8") + suffix
    assert original == prefix + target[start:end].encode("utf-8") + suffix
    assert_clean(events)


def test_downloaded_translation_is_named_like_the_target(browser, tmp_path):
    report, _ = fixed_report(tmp_path)
    k = next(k for k, f in enumerate(report.findings) if f.fix)
    page, events = open_report(browser, render_html(report), "name", tmp_path)
    page.locator(f"#item-f{k} .act-apply").click()
    with page.expect_download() as info:
        page.click("#download-fixed")
    assert info.value.suggested_filename == "en.txt"
    assert_clean(events)


def test_an_overlapping_fix_is_refused_with_a_message(browser, tmp_path):
    report, target = fixed_report(tmp_path)
    k, finding = next((k, f) for k, f in enumerate(report.findings) if f.fix == "safe")
    start, end = finding.target_span
    rival = Finding(code="TYP99", name="test.rival", category=finding.category,
                    severity=finding.severity, message="a second fix over the same number",
                    target_span=(start + 1, end + 4), segment=finding.segment,
                    suggestion="X", fix="review", fingerprint="f" * 32)
    findings = report.findings[:k + 1] + (rival,) + report.findings[k + 1:]
    page, events = open_report(browser, render_html(replace(report, findings=findings)),
                               "overlap", tmp_path)
    page.locator(f"#item-f{k} .act-apply").click()
    page.locator(f"#item-f{k + 1} .act-apply").click()
    message = page.locator(f"#item-f{k + 1} .act-message")
    assert message.is_visible() and "overlaps" in message.inner_text()
    assert "fixed" not in page.locator(f"#item-f{k + 1}").get_attribute("class").split()
    saved = download(page, "#download-fixed", tmp_path / "fixed.txt")
    assert saved.read_bytes() == b"\xef\xbb\xbf" + (
        target[:start] + finding.suggestion + target[end:]).encode("utf-8")
    assert_clean(events)


def test_copy_fix_puts_the_suggestion_on_the_clipboard(browser, tmp_path):
    report = corpus_report(CORPORA / "web-spyware")
    page, events = open_report(browser, render_html(report), "copy", tmp_path,
                               permissions=["clipboard-read", "clipboard-write"])
    k, finding = next((k, f) for k, f in enumerate(report.findings) if f.suggestion)
    page.locator(f"#item-f{k} .act-copy").click()
    page.wait_for_function("() => document.querySelector('#notice').textContent.includes('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == finding.suggestion
    d, deletion = next((d, f) for d, f in enumerate(report.findings) if f.suggestion == "")
    assert "→ delete “" in page.locator(f"#item-f{d}").inner_text()
    page.locator(f"#item-f{d} .act-copy").click()
    page.wait_for_function("() => document.querySelector('#notice').textContent.includes('empty text')")
    assert page.evaluate("navigator.clipboard.readText()") == ""
    assert_clean(events)


def test_print_view_lists_every_finding_with_its_location(browser, tmp_path):
    report = corpus_report(CORPORA / "web-spyware")
    page, events = open_report(browser, render_html(report), "print", tmp_path)
    page.emulate_media(media="print")
    items = page.locator("#finding-list .finding")
    assert items.count() == len(report.findings)
    assert all(items.nth(i).is_visible() and items.nth(i).locator(".loc").inner_text()
               for i in range(items.count()))
    assert page.locator(".actions:visible, .filters:visible").count() == 0
    assert_clean(events)


def test_dark_mode_changes_the_colours(browser, tmp_path):
    report = corpus_report(CORPORA / "business-windpower")
    page, events = open_report(browser, render_html(report), "dark", tmp_path, color_scheme="dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "report-dark.png"))
    assert_clean(events)


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
