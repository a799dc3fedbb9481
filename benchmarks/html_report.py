"""HTML report speed: render time for a 1,000-sentence pair with 500 findings, page
size, and responsiveness in headless Chromium (load, filter, search, scroll).

Usage:  python benchmarks/html_report.py [--sentences 1000] [--findings 500]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.checks import ALL_CHECKS  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.model import Finding  # noqa: E402
from qa.report import render_html  # noqa: E402
from qa.runner import check_documents, load_document  # noqa: E402


def build_report(sentences: int, findings: int):
    pairs = []
    for pair in sorted((REPO / "corpora").iterdir()):
        if (pair / "en.txt").is_file():
            de = load_document(pair / "de.txt", "de")
            en = load_document(pair / "en.txt", "en")
            pairs += [(a.text, b.text) for a, b in zip(de.sentences, en.sentences)]
    chosen = [pairs[k % len(pairs)] for k in range(sentences)]
    source = "\n\n".join(de for de, _ in chosen) + "\n"
    target = "\n\n".join(en for _, en in chosen) + "\n"
    report = check_documents(source, target, Config(mt=False, select=("alignment",)))
    rng = random.Random(5)
    made = []
    for k in range(findings):
        cls = ALL_CHECKS[k % len(ALL_CHECKS)]
        sentence = report.target.sentences[rng.randrange(len(report.target.sentences))]
        start = sentence.start + rng.randrange(max(1, len(sentence.text) - 8))
        pair = next(p for p in report.pairs if sentence.index in p.target)
        made.append(Finding(cls.code, cls.name, cls.category, cls.severity,
                            f"synthetic finding {k}", target_span=(start, start + 6),
                            segment=pair.id, data={"k": k}))
    return replace(report, findings=tuple(made))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--findings", type=int, default=500)
    args = parser.parse_args()
    report = build_report(args.sentences, args.findings)
    render_html(report)  # template compilation, once per process
    t0 = time.perf_counter()
    html = render_html(report)
    render = time.perf_counter() - t0
    print(f"{len(report.pairs)} aligned pairs, {len(report.findings)} findings: render "
          f"{render * 1000:.0f} ms, {len(html) / 1024:.0f} KiB")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("no /usr/bin/chromium: browser timings skipped")
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "report.html"
        path.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=str(chromium), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("#finding-list")
        load = time.perf_counter() - t0
        category = page.locator(".f-cat").first
        t0 = time.perf_counter()
        category.uncheck()
        page.locator("#count").inner_text()
        filter_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        page.fill("#search", "finding 49")
        page.locator("#count").inner_text()
        search_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        for _ in range(10):
            page.mouse.wheel(0, 2000)
        page.evaluate("new Promise(r => requestAnimationFrame(() => r(1)))")
        scroll_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        page.locator("body").press("j")
        key_ms = (time.perf_counter() - t0) * 1000
        browser.close()
    print(f"chromium: load {load * 1000:.0f} ms, category filter {filter_ms:.0f} ms, search "
          f"{search_ms:.0f} ms, 10 scroll steps {scroll_ms:.0f} ms, next-finding key {key_ms:.0f} ms")


if __name__ == "__main__":
    main()
