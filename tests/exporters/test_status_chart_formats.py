"""The status chart in every format (issue 18): one layout (``_chart.status_chart_layout``) drawn
by the PDF (vector), the HTML page (inline SVG) and the Word file (an embedded PNG); read back
from each, with user text that must survive (``<``, ``&``, Sámi letters)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import khsmodel
from khsmodel.labels import NB
from khsmodel.plans import MeasureStatus
from khsmodel.status import StatusReport, report
from khsmodel_exporters._chart import (
    CHART_TEXT,
    STATUS_COLOURS,
    WHITE,
    ChartLayout,
    contrast,
    hex_colour,
    status_chart_layout,
)
from khsmodel_exporters.content.status import StatusChart, status_words
from tests.support.html_support import El, parse
from tests.support.pdf_support import pdftotext, plan_2016_2017
from tests.support.status_reports import every_status

#: A focus area's name with markup characters, an ampersand and Sámi letters.
HOSTILE = "Čálli & <b>Sámi</b> ŋ đ ŧ ž – samhandling om forebyggende helsearbeid"
NAME = f"Fokusområde 1: {HOSTILE}"
TITLE = "Status per fokusområde"
#: "the summary above", not "the table": with nearly every status the summary is two tables
ALT = ("Stolpediagram: antall tiltak etter status for hvert fokusområde; tallene står i "
       "oppsummeringen over.")  # fmt: skip

_KEYS = (*(s.value for s in MeasureStatus), "none")


def _width_of(size: float) -> object:
    """A measurer of the layout's contract: roughly Liberation Sans's average widths."""

    def width_of(text: str, bold: bool) -> float:
        return len(text) * size * (0.56 if bold else 0.5)

    return width_of


# -- the layout ---------------------------------------------------------------------------------

_NAMES = st.text(alphabet="abcæøåŋđ <&Čá-", min_size=1, max_size=120).filter(str.strip)


@st.composite
def _charts(draw: st.DrawFn) -> StatusChart:
    keys = draw(st.lists(st.sampled_from(_KEYS), min_size=1, max_size=len(_KEYS), unique=True))
    statuses = tuple((k, draw(st.text(alphabet="abcdefghij ", min_size=1, max_size=24))) for k in keys)
    bars = draw(st.lists(
        st.tuples(_NAMES, st.tuples(*(st.integers(0, 300) for _ in keys))), min_size=1, max_size=9
    ))  # fmt: skip
    return StatusChart(TITLE, statuses, tuple(bars), ALT)


def _check(lay: ChartLayout, chart: StatusChart, width_of: object) -> None:
    measure = width_of  # (text, bold) -> width
    assert callable(measure)
    f = lay.size / 7.5
    assert lay.axis_start == lay.label_width <= lay.width * 0.36 + 1e-9
    assert lay.ticks[0] == (0, lay.axis_start)
    assert lay.ticks[-1][1] == pytest.approx(lay.axis_end)
    assert lay.axis_end < lay.width
    assert [x for _, x in lay.ticks] == sorted(x for _, x in lay.ticks)
    scale = (lay.axis_end - lay.axis_start) / lay.ticks[-1][0]
    top = lay.plot_top
    assert len(lay.rows) == len(chart.bars)
    for row, (name, counts) in zip(lay.rows, chart.bars, strict=True):
        # a bar's parts add up to its total, in the legend's order, end to end from 0
        assert row.total == sum(counts) == sum(s.count for s in row.segments)
        assert [s.key for s in row.segments] == [k for (k, _), n in
                                                 zip(chart.statuses, counts, strict=True) if n]  # fmt: skip
        x = lay.axis_start
        for seg in row.segments:
            assert seg.count > 0 and seg.x == pytest.approx(x)
            assert seg.width == pytest.approx(seg.count * scale)
            assert not seg.fits or measure(str(seg.count), True) <= seg.width  # type: ignore[operator]
            x = seg.x + seg.width
        assert x <= lay.axis_end + 1e-6  # no bar passes the axis's end
        # the name: every word kept, no line wider than the label column
        assert "".join(row.lines).replace(" ", "") == "".join(name.split())
        for line in row.lines:
            assert len(line) == 1 or measure(line, False) <= lay.label_width - 6 * f + 1e-9  # type: ignore[operator]
        # rows stack without overlapping; the bar and the name's lines inside the row
        assert row.top == pytest.approx(top)
        assert row.top <= row.bar_top and row.bar_top + lay.bar_height <= row.top + row.height
        assert row.top < row.baselines[0] and row.baselines[-1] <= row.top + row.height
        top = row.top + row.height
    assert lay.plot_bottom == pytest.approx(top) and lay.tick_baseline > lay.plot_bottom
    # the legend: every status once, in order, under the axis and inside the width
    assert [(i.key, i.word) for i in lay.legend] == list(chart.statuses)
    for item in lay.legend:
        assert item.y > lay.tick_baseline and item.baseline <= lay.height
        end = item.text_x + measure(item.word, False)  # type: ignore[operator]
        alone = not any(o.y == item.y and o is not item for o in lay.legend)
        assert end <= lay.width + 1e-9 or (alone and item.x == 0)


@given(_charts(), st.floats(min_value=200, max_value=1000), st.sampled_from([6.0, 7.5, 12.0]))
def test_layout_bars_add_up_and_stay_inside_the_axis(chart: StatusChart, width: float,
                                                      size: float) -> None:  # fmt: skip
    measure = _width_of(size)
    _check(status_chart_layout(chart, width, measure, size), chart, measure)  # type: ignore[arg-type]
    untitled = status_chart_layout(chart, width, measure, size, title=False)  # type: ignore[arg-type]
    assert untitled.title_baseline is None and untitled.plot_top < untitled.rows[0].bar_top
    _check(untitled, chart, measure)


def test_a_count_on_a_bar_is_legible_on_every_status_colour() -> None:
    """White or the chart's text colour, whichever contrasts more: at least 4.5:1 (WCAG AA
    for small text), which axe cannot check inside an SVG image."""
    chart = StatusChart(TITLE, tuple((k, k) for k in _KEYS), (("A", (10,) * len(_KEYS)),), ALT)
    lay = status_chart_layout(chart, 900, _width_of(7.5), 7.5)  # type: ignore[arg-type]
    assert [s.key for s in lay.rows[0].segments] == list(_KEYS)
    for seg in lay.rows[0].segments:
        colour = STATUS_COLOURS[seg.key]
        assert seg.fits
        assert contrast(colour, WHITE if seg.light else CHART_TEXT) >= 4.5, seg.key
    assert len(set(STATUS_COLOURS.values())) == len(STATUS_COLOURS)


# -- the documents ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def varied() -> StatusReport:
    """A report with every status (and none), its first focus area named :data:`HOSTILE`."""
    return every_status(HOSTILE)


def _expected(doc: StatusReport) -> list[tuple[str, dict[str, int]]]:
    """Each focus area's printed name and its count of each status (as the summary has it)."""
    out = []
    for fa, items in doc.grouped():
        counts: dict[str, int] = {}
        for m in items:
            key = m.status.value if m.status else "none"
            counts[key] = counts.get(key, 0) + 1
        out.append((f"Fokusområde {fa.number}: {fa.title}", counts))
    return [(name, c) for name, c in out if c]


def _chart_figure(page_bytes: bytes) -> tuple[El, El, dict[str, str]]:
    page = parse(page_bytes)
    assert not page.errors
    (svg,) = [s for s in page.all("svg") if s.attrs.get("aria-describedby", "").startswith(
        "khs-status-chart")]  # fmt: skip
    figure = next(a for a in svg.ancestors() if a.tag == "figure")
    by_id = {e.attrs["id"] or "": e.text() for e in page.all() if e.attrs.get("id")}
    return figure, svg, by_id


def test_html_draws_the_chart_as_an_svg_image_with_its_text_alternative(
    varied: StatusReport,
) -> None:
    data = khsmodel.export(varied, "html")
    assert data == khsmodel.export(varied, "html")  # same input, same bytes
    figure, svg, by_id = _chart_figure(data)
    # an image named by its title, described by the caption (the text alternative)
    assert svg.attrs["role"] == "img"
    assert by_id[svg.attrs["aria-labelledby"] or ""] == TITLE
    assert by_id[svg.attrs["aria-describedby"] or ""] == ALT
    (caption,) = figure.iter("figcaption")
    assert caption.text() == ALT
    region = svg.parent
    assert region is not None and region.attrs["role"] == "region" and region.attrs["tabindex"] == "0"
    # the names, wrapped into lines, and the counts, as text in the drawing
    texts = [t.text() for t in svg.iter("text")]
    assert texts[0] == TITLE
    assert "b" not in {e.tag for e in svg.iter()}  # the markup in the name stayed text
    joined = " ".join(texts)
    for name, _counts in _expected(varied):
        assert name in joined, name  # every word whole, in order, Sámi letters and all
    # every part of a bar says its status and count (shown on hover); they add up per area
    parts = [g for g in svg.iter("g") if any(c.tag == "rect" for c in g.children if isinstance(c, El))
             and g.children and isinstance(g.children[0], El) and g.children[0].tag == "title"]  # fmt: skip
    printed = [g.children[0].text() for g in parts if isinstance(g.children[0], El)]
    names = {(s.value if s else "none"): w for s, w in status_words(NB).items()}
    order = [(st.value if st else "none") for st, n in varied.summary().by_status if n]
    assert printed == [f"{names[k]}: {counts[k]}" for _, counts in _expected(varied)
                       for k in order if counts.get(k)]  # fmt: skip
    assert "Gjennomført: 1" in printed and "Uten status: 1" in printed
    # the chart follows the summary table, which holds the same numbers
    html = data.decode()
    assert html.index("<table") < html.index('class="status-chart"')


def test_html_of_the_2016_report_has_the_chart_after_the_summary() -> None:
    import sys

    from tests.support.needs import ROOT

    sys.path.insert(0, str(ROOT / "examples"))
    import khs

    doc = khs.status_report_2016()
    _figure, svg, _ = _chart_figure(khsmodel.export(doc, "html"))
    texts = [t.text() for t in svg.iter("text")]
    # the ticks reach the longest bar (9) in round steps, and each bar's count is on it
    assert [t for t in texts if t.isdigit()][:6] == ["0", "2", "4", "6", "8", "10"]
    assert [t for t in texts if t.isdigit()][6:] == ["1", "9", "5", "4", "3"]
    assert texts[-1] == "Uten status"  # the legend


def _doc_prs(d: object) -> list[dict[str, str]]:
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    return [dict(e.attrib) for e in d.element.body.iter(f"{ns}docPr")]  # type: ignore[attr-defined]


def test_word_embeds_the_chart_as_a_picture_with_its_text_alternative(
    varied: StatusReport,
) -> None:
    docx = pytest.importorskip("docx")
    image = pytest.importorskip("PIL.Image")
    from khsmodel_exporters.docx._status_chart import DPI, WIDTH_PT

    data = khsmodel.export(varied, "docx")
    assert data == khsmodel.export(varied, "docx")  # same input, same bytes
    d = docx.Document(io.BytesIO(data))
    assert len(d.inline_shapes) == 1
    (pr,) = _doc_prs(d)
    assert pr["name"] == TITLE and pr["descr"] == ALT
    paras = [p.text for p in d.paragraphs]
    i = paras.index(TITLE)  # the title as a heading under the summary's, then the picture
    assert d.paragraphs[i].style.name == "Heading 2"
    assert paras.index("Oppsummering") < i
    assert paras[i + 1] == "" and paras[i + 2] == ALT  # the text alternative printed under it
    shape = d.inline_shapes[0]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        (name,) = [n for n in z.namelist() if n.startswith("word/media/")]
        png = z.read(name)
    img = image.open(io.BytesIO(png))
    img.load()
    assert img.format == "PNG" and img.mode == "RGB"
    # as wide as the text, at 200 dpi, and shown at its own proportions
    assert img.width == pytest.approx(WIDTH_PT * DPI / 72, abs=1)
    assert shape.width == pytest.approx(WIDTH_PT * 12700, abs=1)
    assert img.height / img.width == pytest.approx(shape.height / shape.width, rel=0.01)
    # every status's colour is drawn (a bar part and its swatch in the legend)
    colours = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in img.getcolors(1 << 20)}
    for key in (*(s.value for s in MeasureStatus), "none"):
        assert hex_colour(STATUS_COLOURS[key]) in colours, key


def test_word_without_a_chart_has_no_picture() -> None:
    """A report of a plan without measures has no bars: no chart, no picture, no heading."""
    docx = pytest.importorskip("docx")
    plan = plan_2016_2017()
    empty = attrs.evolve(plan, focus_areas=tuple(attrs.evolve(fa, measures=())
                                                 for fa in plan.focus_areas))  # fmt: skip
    doc = report(empty, dt.date(2016, 9, 1))
    d = docx.Document(io.BytesIO(khsmodel.export(doc, "docx")))
    assert len(d.inline_shapes) == 0
    assert TITLE not in [p.text for p in d.paragraphs]
    assert 'class="status-chart"' not in khsmodel.export(doc, "html").decode()


@pytest.mark.requires_program("pdftotext")
def test_pdf_draws_the_same_names_and_counts(varied: StatusReport) -> None:
    text = pdftotext(khsmodel.export(varied, "pdf"), first=1, last=2)
    start = text.index(f"{TITLE}\n")
    chart = " ".join(text[start : text.index(ALT[:20], start)].split())
    for name, _counts in _expected(varied):
        assert name in chart, name


def test_html_chart_keeps_a_no_break_space_of_the_name() -> None:
    # "8.\u00a0februar\u00a02016" is one word as the user typed it: the drawing's label
    # squeezes white space but keeps the no-break spaces (a space would let it break)
    doc = every_status("Oppfølging etter 8.\u00a0februar\u00a02016")
    _figure, svg, _ids = _chart_figure(khsmodel.export(doc, "html"))
    joined = " ".join(t.text() for t in svg.iter("text"))
    assert "8.\u00a0februar\u00a02016" in joined
    assert "8. februar 2016" not in joined
