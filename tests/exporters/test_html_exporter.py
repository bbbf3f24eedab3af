"""The ``html`` exporter, read back as a browser and a screen reader would see the page.

The pages are parsed with :mod:`html.parser` (tests/support/html_support.py): structure
(one h1, headings in order, landmarks, tables with caption and scoped th, the
timeline's SVG and its table), the text of every block of the shared content,
escaping of hostile text, same bytes twice, atomic writing. The browser check
(axe-core in Chromium) is tests/exporters/test_html_accessibility.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel import ActionPlan, FocusArea, Measure, Timeframe, exporters
from khsmodel._base import Link
from khsmodel.agreements import Agreement, AgreementLevel
from khsmodel.errors import ExporterOptionError, UnknownOptionError, UnwritableTextError
from khsmodel_exporters.content import build, iter_text
from khsmodel_exporters.content.blocks import Subtitle, Title
from khsmodel_exporters.html import HtmlExporter
from tests.support.html_support import El, Page, headings, parse
from tests.support.pdf_support import ROOT, plan_2016_2017, tf, timeline_plan

sys.path.insert(0, str(ROOT / "examples"))
from catalogue import EXAMPLES, LABELS

HTML = HtmlExporter()


@pytest.fixture
def registered() -> Iterator[None]:
    """``html`` through the registry (the installed metadata may predate its entry point)."""
    exporters.register(HTML)
    try:
        yield
    finally:
        exporters.unregister("html")


def _options(name: str) -> dict[str, object]:
    return {"labels": LABELS[name]} if name in LABELS else {}


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[khsmodel.Document, bytes]]:
    out = {}
    for name, make in EXAMPLES.items():
        doc = make()
        out[name] = (doc, HTML.export(doc, **_options(name)))
    return out


def _visible_text(el: El) -> str:
    return " ".join(el.text().split())


# ---------------------------------------------------------------- registration
def test_entry_point_is_declared_in_pyproject() -> None:
    """``pip install -e .`` publishes it; the class it names is this exporter."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    value = project["entry-points"]["khsmodel.exporters"]["html"]
    module, _, attr = value.partition(":")
    assert value == "khsmodel_exporters.html:HtmlExporter"
    mod = __import__(module, fromlist=[attr])
    assert getattr(mod, attr) is HtmlExporter
    assert (HTML.name, HTML.suffix) == ("html", ".html")
    assert set(HTML.kinds) == {"partnership", "agreement", "action_plan", "case_document",
                               "meeting", "status_report", "meeting_plan"}  # fmt: skip


def test_unknown_option_is_refused() -> None:
    with pytest.raises(UnknownOptionError) as unknown:
        HTML.export(ActionPlan(title="P"), colour="red")
    assert (unknown.value.exporter, unknown.value.key, unknown.value.value) == ("html", "colour", "red")
    with pytest.raises(ExporterOptionError) as bad:
        HTML.export(ActionPlan(title="P"), timeline="yes")
    assert (bad.value.exporter, bad.value.key, bad.value.value) == ("html", "timeline", "yes")


# ---------------------------------------------------------------- every example
def test_every_example_is_a_well_formed_accessible_page(
    pages: dict[str, tuple[khsmodel.Document, bytes]],
) -> None:
    for name, (_doc, data) in pages.items():
        page = parse(data)
        assert page.errors == [], name
        assert page.doctype == "DOCTYPE html", name
        html = page.one("html")
        assert html.attrs["lang"] == "nb-NO", name
        assert page.all("meta")[0].attrs == {"charset": "utf-8"}, name
        assert _visible_text(page.one("head").iter("title").__next__()), name
        # one h1, the document's title; no heading level skipped
        levels = headings(page)
        assert [lvl for lvl, _ in levels].count(1) == 1, name
        last = 0
        for level, text in levels:
            assert level <= last + 1, f"{name}: h{level} {text!r} after h{last}"
            assert text.strip(), name
            last = level
        # landmarks: one each of main and footer, at most one header (none when the page's
        # opening says what it would: tests/exporters/test_status_report_reading.py); the main
        # holds every heading
        for tag in ("main", "footer"):
            assert len(page.all(tag)) == 1, (name, tag)
        assert len(page.all("header")) <= 1, name
        main = page.one("main")
        assert len(list(main.iter("h1", "h2", "h3", "h4", "h5", "h6"))) == len(levels), name
        # tables: a caption, th with scope, no th without scope
        for table in page.all("table"):
            captions = [c for c in table.children if isinstance(c, El) and c.tag == "caption"]
            assert len(captions) == 1 and _visible_text(captions[0]), name
            ths = list(table.iter("th"))
            assert ths and all(th.attrs.get("scope") in ("col", "rowgroup") for th in ths), name
        # self-contained: no script, no external resource
        assert not page.all("script", "link", "img", "iframe"), name
        for a in page.all("a"):
            href = a.attrs["href"] or ""
            assert href.startswith(("#", "http://", "https://")), (name, href)
            assert _visible_text(a), (name, href)  # the link says where it goes


def test_every_word_of_the_shared_content_is_on_the_page(
    pages: dict[str, tuple[khsmodel.Document, bytes]],
) -> None:
    """The same words as Word and PDF: every text of the content blocks, in order."""
    for name, (doc, data) in pages.items():
        opts = _options(name)
        content = build(doc, **opts)  # type: ignore[arg-type]
        main = " ".join(parse(data).one("main").text().split())
        at = 0
        for text in iter_text(content, header=False):
            words = " ".join(text.split())
            if not words:
                continue
            found = main.find(words, at)
            assert found >= 0, f"{name}: {words!r} missing (or out of order)"
            at = found
        # the running header of the printed pages: over the title, unless the title or a
        # line under it says the same
        said = {" ".join(b.text.split()) for b in content.blocks
                if isinstance(b, Title | Subtitle)}  # fmt: skip
        line = " ".join(content.header.split())
        headers = parse(data).all("header")
        if line in said:
            assert headers == [], name
        else:
            assert [_visible_text(h) for h in headers] == [line], name


def test_same_input_same_bytes(pages: dict[str, tuple[khsmodel.Document, bytes]]) -> None:
    for name, (doc, data) in pages.items():
        assert HTML.export(doc, **_options(name)) == data, name


def test_long_documents_have_a_table_of_contents(
    pages: dict[str, tuple[khsmodel.Document, bytes]],
) -> None:
    page = parse(pages["002-khs-handlingsplan-2016-2017"][1])
    nav = page.one("nav")
    assert nav.parent is not None and nav.parent.tag == "main"
    targets = [a.attrs["href"] for a in nav.iter("a")]
    ids = {e.attrs.get("id") for e in page.all()}
    assert targets and all(t is not None and t[1:] in ids for t in targets)
    texts = [_visible_text(a) for a in nav.iter("a")]
    assert texts[0].startswith("Fokusområde 1:") and texts[-1] == "Tidslinje"
    # a short agreement has none
    assert not parse(pages["001-khs-samarbeidsavtale"][1]).all("nav")


def test_printed_page_breaks_as_the_pdf(
    pages: dict[str, tuple[khsmodel.Document, bytes]],
) -> None:
    """One look (issue 14): printed, the page breaks where the ``pdf`` exporter breaks, before
    an attachment only (focus areas and the timeline follow on), with the PDF's A4 margins."""
    from khsmodel_exporters import _look as K

    page = parse(pages["002-khs-handlingsplan-2016-2017"][1])
    areas = [h for h in page.all("h2") if h.attrs.get("class") == "area"]
    assert [_visible_text(h)[:13] for h in areas] == [f"Fokusområde {i}" for i in range(1, 6)]
    css = page.one("style").text()
    assert "@media print" in css and ".attachment{break-before:page}" in css
    assert "h2.area,.attachment" not in css and ".timeline{break-before" not in css
    margins = " ".join(f"{round(x, 2):g}pt" for x in (K.MARGIN_T, K.MARGIN_R, K.MARGIN_B,
                                                        K.MARGIN_L))  # fmt: skip
    assert f"@page{{size:A4;margin:{margins}}}" in css
    assert f"html{{font-size:{K.BODY:g}pt;" in css and f"h2{{font-size:{K.H1:g}pt;" in css


def test_attachment_is_a_section_under_the_case(
    pages: dict[str, tuple[khsmodel.Document, bytes]],
) -> None:
    page = parse(pages["000-osu-sak-2-2016-saksframlegg"][1])
    section = page.one("section") if len(page.all("section")) == 1 else page.all("section")[0]
    assert section.attrs["class"] == "attachment"
    label = next(section.iter("p"))
    assert section.attrs["aria-labelledby"] == label.attrs["id"]
    assert _visible_text(label) == "Vedlegg 1 til sak 2/2016"
    # the plan's title is an h2 under the case's h1, its focus areas h3
    inside = [(int(h.tag[1]), _visible_text(h)) for h in section.iter("h2", "h3", "h4")]
    assert inside[0] == (2, "Handlingsplan 2016-2017")
    assert (3, "Fokusområde 2: Tiltak rettet mot barn og unge") in inside


# ---------------------------------------------------------------- the timeline
def test_timeline_is_an_svg_with_its_table_as_text_alternative() -> None:
    plan = plan_2016_2017()
    page = parse(HTML.export(plan))
    svg = page.one("svg")  # the chart alone: the legend's marks are boxes drawn by CSS
    assert svg.attrs["role"] == "img"
    title = next(svg.iter("title"))
    assert svg.attrs["aria-labelledby"] == title.attrs["id"]
    assert _visible_text(title).startswith("Tidslinje")
    chart = svg.parent  # a region that scrolls sideways on a phone, reachable by keyboard
    assert chart is not None and chart.attrs["tabindex"] == "0" and chart.attrs["role"] == "region"
    figure = chart.parent
    assert figure is not None and figure.tag == "figure"
    table_wrap = next(e for e in page.all("div") if e.attrs.get("id") == figure.attrs[
        "aria-describedby"])  # fmt: skip
    table = next(table_wrap.iter("table"))
    rows = [[_visible_text(c) for c in tr.iter("td")] for tr in table.iter("tr")]
    rows = [r for r in rows if r]
    # every measure the chart places, with its timeframe as the plan writes it
    assert ["Konferanse for kommuner og helseforetak", "April"] in rows
    assert ["Implementering i pilotkommuner og sykehus", "Fra juni 2016"] in rows or any(
        r[0] == "Implementering i pilotkommuner og sykehus" for r in rows
    )
    bars = [e for e in svg.iter("rect") if e.attrs.get("fill") in ("#335f9e", "#9ebcdb")]
    # a single day ("15 mars", the milestones "Skisse presenteres i OSU 8. februar" and
    # "Første møte med fylkekommunen 16. februar") is a diamond, as in Word and PDF; the
    # others are bars
    diamonds = list(svg.iter("polygon"))
    days = [r for r in rows if r[1] == "15 mars" or "februar" in r[1]]
    assert len(diamonds) == len(days) == 3
    assert len(bars) + len(diamonds) == len(rows)
    # the legend: the words of the Word and PDF timelines, not the old sentence
    caption = next(figure.iter("figcaption"))
    keys = [k for k in caption.iter("span") if k.attrs.get("class") == "key"]
    assert [_visible_text(k) for k in keys] == [
        "Periode", "Startet, uten fastsatt slutt", "Dato eller frist"]
    marks = [k for k in caption.iter("span") if k.attrs.get("aria-hidden") == "true"]
    assert len(marks) == 3 and not any(_visible_text(m) for m in marks)
    # no invented precision: the table gives no date the source does not
    assert "1. januar" not in table.text()
    # and the measures without fixed dates are listed under their own heading
    assert any(_visible_text(h) == "Uten fast dato" for h in page.all("h3"))


def _svg_labels(svg: El) -> list[tuple[list[str], float, float]]:
    """Each ``<text>`` of the chart at the left edge (x=4: a label or a focus area's title):
    its lines (a ``<tspan>`` each, or its text), its first and its last baseline."""
    out = []
    for t in svg.iter("text"):
        if t.attrs.get("x") != "4":
            continue
        spans = list(t.iter("tspan"))
        lines = [s.text() for s in spans] if spans else [t.text()]
        first = float(t.attrs["y"] or 0)
        out.append((lines, first, first + sum(float(s.attrs.get("dy") or 0) for s in spans)))
    return out


def test_timeline_labels_are_whole_wrapped_at_word_boundaries() -> None:
    """A reader of the chart gets every measure's words: a long label wraps over more lines
    of the label column (its row grows, its mark in the row's middle), never cut with "…"."""
    from khsmodel.labels import NB
    from khsmodel_exporters._timeline_data import collect
    from khsmodel_exporters._widths import text_width

    plan = plan_2016_2017()
    svg = parse(HTML.export(plan)).one("svg")
    labels = _svg_labels(svg)
    data = collect(plan, NB)
    expected, titles = [], set()
    for title, rows in data.groups:
        titles.add(" ".join(title.split()))
        expected.append(" ".join(title.split()))
        expected += [" ".join(f"{r.number} {r.text}".split()) for r in rows]
    assert [" ".join(lines) for lines, _, _ in labels] == expected
    assert not any(line.endswith("…") for lines, _, _ in labels for line in lines)
    # the words that were cut before, now there in full
    assert ("Involvere de som jobber med barn og unge i det formaliserte samarbeidet for å "
            "sikre et helhetlig tilbud til de som trenger det mest") in expected  # fmt: skip
    assert sum(len(lines) > 1 for lines, _, _ in labels) >= 9
    # each line fits the label column (300 wide, from x=4) in the wider fallback font too
    rows = [x for x in labels if " ".join(x[0]) not in titles]
    measured = [line for lines, _, _ in rows for line in lines]
    assert max(text_width(line, False, 11) * 1.15 for line in measured) <= 296
    # rows do not overlap: each label starts below the one before ends
    tops = [(first, last) for _, first, last in labels]
    assert all(b[0] - a[1] >= 13 for a, b in itertools.pairwise(tops))
    # one mark a row, in the middle of its row: between a label's first and last line
    marks = [_mark_mid(e) for e in svg.iter("rect", "polygon")
             if e.attrs.get("fill") in ("#335f9e", "#9ebcdb")]  # fmt: skip
    assert len(marks) == len(rows)
    for (lines, first, last), mid in zip(rows, marks, strict=True):
        assert first - 13 < mid < last + 5, lines
        if len(lines) > 1:
            assert mid == (first - 13 + last + 5) / 2, lines  # the row: 13 above, 5 below


def _mark_mid(el: El) -> float:
    """The vertical middle of a bar (``rect``) or a diamond (``polygon``)."""
    if el.tag == "rect":
        return float(el.attrs["y"] or 0) + float(el.attrs["height"] or 0) / 2
    ys = [float(p.split(",")[1]) for p in (el.attrs["points"] or "").split()]
    return (min(ys) + max(ys)) / 2


def test_a_long_focus_area_title_and_a_word_longer_than_the_column_wrap_too() -> None:
    long_word = "Rehabiliteringsressurskartleggingsarbeidsgruppemandatsgjennomgangsrapport" * 2
    title = ("Samhandling om <pasientforløp> & tjenester for eldre, kronisk syke og personer "
             "med sammensatte behov i hele helsefellesskapets område, med vekt på overgangene")
    plan = ActionPlan(
        title="Plan", period=khsmodel.Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
        focus_areas=(FocusArea(number=1, title=title, measures=(
            Measure(number=1, text=long_word, timeframe=tf("Mars 2016")),
            Measure(number=2, text="Kort", timeframe=tf("2016")),
        )),),
    )  # fmt: skip
    svg = parse(HTML.export(plan)).one("svg")
    labels = _svg_labels(svg)
    assert " ".join(labels[0][0]) == title  # escaped, read back whole
    assert len(labels[0][0]) == 2
    assert "".join(labels[1][0]) == long_word and len(labels[1][0]) >= 3  # broken in letters
    assert labels[2][0] == ["Kort"]
    assert "…" not in svg.text()


def test_timeline_option_false_leaves_it_out() -> None:
    page = parse(HTML.export(timeline_plan(), timeline=False))
    assert not page.all("svg")
    assert "Tidslinje" not in [_visible_text(h) for h in page.all("h2")]


# ---------------------------------------------------------------- hostile text
HOSTILE = (
    '<script>alert("x")</script>',
    "<b>fet</b> & <i>",
    "\"quoted\" 'single' `back`",
    "&amp; &lt; &#60; &",
    "\u202eRTL override without end",
    "\u2067isolate",
    "Guovdageaidnu Kárášjohka ŋ š ŧ ž Ï æøå",
    "tab\there",
    "\x85\x9f C1",
    "]]> <!-- comment --> <![CDATA[",
)


def _hostile_plan(text: str) -> ActionPlan:
    return ActionPlan(
        title=f"Plan {text}",
        focus_areas=(
            FocusArea(
                number=1,
                title=text,
                measures=(Measure(number=1, text=text, timeframe=Timeframe(text="2016")),
                          Measure(number=2, text="x", timeframe=Timeframe(text=text))),
            ),
        ),
    )  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_text(text: str) -> None:
    data = HTML.export(_hostile_plan(text))
    page = parse(data)
    assert page.errors == []
    assert not page.all("script", "b", "i")
    tags = {e.tag for e in page.all()}
    assert tags <= {
        "#document", "html", "head", "meta", "title", "style", "body", "a", "header", "p",
        "main", "h1", "h2", "h3", "div", "table", "caption", "colgroup", "col", "thead",
        "tbody", "tr", "th", "td", "section", "figure", "svg", "g", "text", "line", "rect",
        "polygon", "figcaption", "ul", "li", "footer", "span", "br", "strong", "em",
    }  # fmt: skip
    shown = page.one("h1").text()
    from khsmodel_exporters.content import display_text as t

    assert shown == t(f"Plan {text}")
    assert next(page.one("head").iter("title")).text() == t(f"Plan {text}")
    td_texts = [e.text() for e in page.all("td")]
    assert t(text) in td_texts


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs",),
            exclude_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
        ),
        min_size=1, max_size=40,
    ).filter(lambda s: s.strip())
)  # fmt: skip
def test_any_writable_text_reads_back_as_written(text: str) -> None:
    from khsmodel_exporters.content import display_text as t

    page = parse(HTML.export(_hostile_plan(text)))
    assert page.errors == []
    assert page.one("h1").text() == t(f"Plan {text}")
    assert t(text) in [e.text() for e in page.all("td")]


def test_unwritable_character_is_refused_with_its_path() -> None:
    with pytest.raises(UnwritableTextError) as title:
        HTML.export(_hostile_plan("a\x0bb"))
    assert (title.value.path, title.value.character) == ("$.title", "\x0b")
    plan = _hostile_plan("ok")
    bad = attrs.evolve(plan.focus_areas[0].measures[1], text="a\x1fb")
    plan = attrs.evolve(plan, focus_areas=(attrs.evolve(plan.focus_areas[0], measures=(
        plan.focus_areas[0].measures[0], bad)),))  # fmt: skip
    with pytest.raises(UnwritableTextError) as measure:
        HTML.export(plan)
    assert measure.value.detail.path == "$.focus_areas[0].measures[1].text"
    assert measure.value.character == "\x1f"


def test_links_are_web_addresses_only() -> None:
    a = Agreement(
        id="a", level=AgreementLevel.OVERARCHING, title="Avtale",
        links=(
            Link(title="Lovdata", url="https://lovdata.no/lov/2011-06-24-30"),
            Link(title="Farlig", url="javascript:alert(1)"),
            Link(title="Sitat", url='https://example.org/"><script>'),
        ),
    )  # fmt: skip
    page = parse(HTML.export(a))
    links = {a.attrs["href"]: _visible_text(a) for a in page.all("a")
             if not (a.attrs["href"] or "").startswith("#")}  # fmt: skip
    assert links == {"https://lovdata.no/lov/2011-06-24-30": "https://lovdata.no/lov/2011-06-24-30"}
    body = page.one("main").text()
    assert "javascript:alert(1)" in body and "<script>" in body
    assert not page.all("script")


# ---------------------------------------------------------------- writing
def test_export_writes_atomically_and_names_the_path(registered: None, tmp_path: Path) -> None:
    plan = plan_2016_2017()
    target = tmp_path / "plan.html"
    data = khsmodel.export(plan, "html", path=target)
    assert target.read_bytes() == data
    # a failed export leaves the previous file as it was, and no temporary file behind
    with pytest.raises(UnwritableTextError) as bad:
        khsmodel.export(attrs.evolve(plan, title="a\x0cb"), "html", path=target)
    assert bad.value.path == "$.title"
    assert target.read_bytes() == data
    assert os.listdir(tmp_path) == ["plan.html"]
    with pytest.raises(OSError, match="missing"):
        khsmodel.export(plan, "html", path=tmp_path / "missing" / "plan.html")
    with pytest.raises(khsmodel.exporters.OutputNameError):
        khsmodel.export(plan, "html", path=tmp_path / "plan.pdf")


def test_cli_exports_html(registered: None, tmp_path: Path) -> None:
    """The command line finds it through the registry like any other format."""
    from khsmodel.cli import main

    src = ROOT / "examples" / "documents" / "002-khs-handlingsplan-2016-2017.json"
    out = tmp_path / "plan.html"
    assert main(["export", str(src), "--format", "html", "-o", str(out)]) == 0
    page = parse(out.read_bytes())
    assert _visible_text(page.one("h1")) == "Handlingsplan 2016-2017"


def test_page_of_a_minimal_document() -> None:
    page: Page = parse(HTML.export(ActionPlan(title="Tom plan")))
    assert [_visible_text(h) for h in page.all("h1")] == ["Tom plan"]
    assert not page.all("table", "svg", "nav")

