"""Every example page, checked in a real browser: axe-core in headless Chromium.

Zero violations of WCAG 2.1 A and AA (axe tags ``wcag2a``, ``wcag2aa``,
``wcag21a``, ``wcag21aa``), colour contrast included, which only a browser can
compute. Needs Debian's ``chromium`` and ``chromium-driver``, selenium (the
``dev`` extra) and axe-core from npm: ``.ci/run`` installs them all
(``npm install --prefix .cache/axe axe-core@4.14.1``); ``KHSMODEL_AXE`` may
name another ``axe.min.js``. Without them the test skips with the reason, and
fails when ``CI=true``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from khsmodel_exporters.html import HtmlExporter
from tests.support.needs import ROOT, program, unavailable

sys.path.insert(0, str(ROOT / "examples"))
from catalogue import EXAMPLES, LABELS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_DEFAULT = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
HOSTILE_TEXT = '<script>alert("x")</script> & \u202eRTL "quoted"'


def axe_source() -> str:
    path = Path(os.environ.get("KHSMODEL_AXE") or AXE_DEFAULT)
    if not path.is_file():
        unavailable(
            f"axe-core not found at {path} (npm install --prefix .cache/axe axe-core@4.14.1, "
            "or set KHSMODEL_AXE to an axe.min.js)"
        )
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = program("chromium")
    driver_path = program("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        unavailable(f"selenium is not installed ({exc}; pip install -e '.[dev]')")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1"):  # fmt: skip
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_window_size(1280, 900)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    out = {}
    exporter = HtmlExporter()
    for name, make in EXAMPLES.items():
        options = {"labels": LABELS[name]} if name in LABELS else {}
        path = folder / f"{name}.html"
        path.write_bytes(exporter.export(make(), **options))
        out[name] = path
    # the meeting plans (not seed documents of their own): the table by month and the årshjul
    import made_up_meeting_plan
    import vest_viken

    for name, doc in (("moteplan-2022", vest_viken.meeting_plan_2022()),
                      ("oppdiktet-moteplan-2026", made_up_meeting_plan.meeting_plan_2026())):
        path = folder / f"{name}.html"
        path.write_bytes(exporter.export(doc))
        out[name] = path
    # the 2016-2017 plan with its appendix of changes from the 2015 plan (issue 18)
    import khs

    path = folder / "khs-2016-2017-med-endringer.html"
    path.write_bytes(exporter.export(khs.action_plan_2016_2017(), previous=khs.action_plan_2015()))
    out["khs-2016-2017-med-endringer"] = path
    # status reports with their chart (issue 18): the 2016 example, and one with every status
    from tests.support.status_reports import every_status

    for name, report in (("statusrapport-2016", khs.status_report_2016()),
                         ("statusrapport-alle-statuser", every_status("Čálli & <b>Sámi</b>"))):
        path = folder / f"{name}.html"
        path.write_bytes(exporter.export(report))
        out[name] = path
    return out


def run_axe(driver: Any, path: Path, source: str) -> list[dict[str, Any]]:
    driver.get(path.as_uri())
    driver.execute_script(source)
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,
                  help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})),
                 passes: r.passes.length, ran: r.testEngine.version}))
          .catch(e => done({error: String(e)}));""",
        AXE_TAGS,
    )
    assert "error" not in result, result
    assert result["ran"], result
    violations: list[dict[str, Any]] = result["violations"]
    return violations


@pytest.mark.requires_program("chromium", "chromedriver")
def test_every_example_page_has_no_wcag_violations(browser: Any, pages: dict[str, Path]) -> None:
    """At a desktop width and at a narrow phone width (reflow, a chart that scrolls)."""
    source = axe_source()
    bad = {}
    for width, height in ((1280, 900), (390, 844)):
        browser.set_window_size(width, height)
        for name, path in pages.items():
            violations = run_axe(browser, path, source)
            if violations:
                bad[f"{name} at {width} px"] = violations
    browser.set_window_size(1280, 900)
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)


@pytest.mark.requires_program("chromium", "chromedriver")
def test_axe_finds_what_it_should(browser: Any, tmp_path: Path) -> None:
    """The check can fail: a page with a picture without text and grey text on white."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="nb"><head><title>x</title></head><body><main>'
                   '<img src="x.png"><p style="color:#aaa">lys tekst</p></main></body></html>',
                   encoding="utf-8")  # fmt: skip
    ids = {v["id"] for v in run_axe(browser, bad, axe_source())}
    assert {"image-alt", "color-contrast"} <= ids


@pytest.mark.requires_program("chromium", "chromedriver")
def test_hostile_text_stays_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    """What the browser's DOM holds: the user's text as text, no script element."""
    from khsmodel import ActionPlan

    path = tmp_path / "hostile.html"
    path.write_bytes(HtmlExporter().export(ActionPlan(title=HOSTILE_TEXT)))
    browser.get(path.as_uri())
    assert browser.execute_script("return document.scripts.length") == 0
    h1 = browser.execute_script("return document.querySelector('h1').textContent")
    assert h1 == HOSTILE_TEXT + "\u202c"  # the override closed by the shared content
    assert run_axe(browser, path, axe_source()) == []


@pytest.mark.requires_program("chromium", "chromedriver")
def test_site_index_and_pages_have_no_wcag_violations(browser: Any, tmp_path: Path) -> None:
    """The partnership site (``khsmodel site``): its index and a page with its site links."""
    import khs
    import vest_viken

    from khsmodel_exporters.html.site import build_site

    out = tmp_path / "site"
    more = [("med-endringer", khs.action_plan_2016_2017()), ("status", khs.status_report_2016()),
            ("moteplan", vest_viken.meeting_plan_2022())]  # fmt: skip
    build_site([*((n, make()) for n, make in EXAMPLES.items()), *more], out, pdfa=False,
               previous={"med-endringer": khs.action_plan_2015()})  # fmt: skip
    source = axe_source()
    names = ("index", "000-osu-sak-2-2016-saksframlegg", "002-khs-handlingsplan-2016-2017",
             "med-endringer", "status", "moteplan")  # fmt: skip
    bad = {}
    for width, height in ((1280, 900), (390, 844)):  # a phone: the wide tables scroll
        browser.set_window_size(width, height)
        for name in names:
            violations = run_axe(browser, out / f"{name}.html", source)
            if violations:
                bad[f"{name} at {width} px"] = violations
    browser.set_window_size(1280, 900)
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
    # one partnership's site: its bodies and its members over time on the index
    one = tmp_path / "khs"
    build_site([(n, make()) for n, make in EXAMPLES.items() if "khs" in n or n.startswith("000")],
               one, pdfa=False)  # fmt: skip
    assert "<th scope=\"row\">" in (one / "index.html").read_text(encoding="utf-8")
    assert run_axe(browser, one / "index.html", source) == []


#: Each number or date in a table cell, as one piece of text that must stay on one line.
_UNBROKEN = r"\d{1,2}\.\u00a0\p{L}+\u00a0\d{4}|\d+(?:[/.-]\d+)*"


@pytest.mark.requires_program("chromium", "chromedriver")
def test_site_tables_break_no_number_or_date_inside(browser: Any, tmp_path: Path) -> None:
    """At 400 px and 1280 px wide: every number and date in the index's and a plan's tables
    is on one line ("2017" was broken into "201"/"7" at 400 px); a table wider than the
    screen scrolls in its wrapper instead."""
    from khsmodel_exporters.html.site import build_site

    out = tmp_path / "site"
    build_site([(n, make()) for n, make in EXAMPLES.items()], out, pdfa=False)
    script = """
        const re = new RegExp(arguments[0], 'gu');
        const broken = [];
        let pieces = 0;
        for (const cell of document.querySelectorAll('td, th')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(re)) {
              pieces += 1;
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              if (tops.size > 1) broken.push(m[0]);
            }
          }
        }
        const wraps = [...document.querySelectorAll('.table-wrap')];
        return {broken, pieces, scrolls: wraps.filter(w => w.scrollWidth > w.clientWidth).length,
                wider: document.documentElement.scrollWidth > window.innerWidth};"""
    for width in (400, 1280):
        browser.set_window_size(width, 900)
        for name in ("index", "002-khs-handlingsplan-2016-2017", "003-vest-viken-partnership"):
            browser.get((out / f"{name}.html").as_uri())
            got = browser.execute_script(script, _UNBROKEN)
            assert got["pieces"] > 10, (name, width, got)
            assert got["broken"] == [], (name, width, got)
            assert not got["wider"], (name, width)  # the page itself never scrolls sideways
            if width == 400 and name == "002-khs-handlingsplan-2016-2017":
                assert got["scrolls"] > 0  # its wide tables scroll in their wrappers
    browser.set_window_size(1280, 900)
