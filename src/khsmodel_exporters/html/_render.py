"""Render :class:`~khsmodel_exporters.content.Content` as one accessible HTML5 page.

What the page says is decided in :mod:`khsmodel_exporters.content` (shared with
Word and PDF); this module decides only how HTML expresses it:

- ``Title`` → the page's one ``h1`` (an attachment's title is a heading one level
  under its case); ``Heading`` level *n* → ``h(n+1)``, clamped so no level is
  skipped; ``Para`` → ``p`` with a class for its style; lists → ``ul``/``ol``;
  ``KeyValues`` → ``dl``; ``Table`` → ``table`` with a ``caption`` (the heading it
  stands under), ``th scope="col"``, and each phase or group row as the
  ``th scope="rowgroup"`` of its own ``tbody``; ``Included`` → a ``section``.
- An action plan ends with its timeline (or has it where a ``Timeline`` block says: before
  its appendix of changes): an inline SVG (``role="img"``, named by
  its ``title``) and, as its text alternative, a table of the same measures with
  their timeframes as written (never dates the source does not give).
- A status report's ``StatusChart`` → an inline SVG of its stacked bars
  (:mod:`._status_chart`, the PDF's layout); its numbers are the summary table's,
  which comes before it, and its caption says so. A meeting plan's ``YearWheel``
  → the årshjul as inline SVG (:mod:`._year_wheel`).

Safety: every user string goes through :func:`esc` (``&``, ``<``, ``>``, ``"``,
``'``) before any tag of ours is added. A web address alone in a run of text
becomes a link only when it is ``http(s)://`` (never ``javascript:``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence

from khsmodel.labels import NB, Labels
from khsmodel.plans import ActionPlan

from .. import _look as K
from .. import content as C
from .._chart import split_words, text_width_wrapper
from .._runs import runs as _joined
from .._timeline_data import TimelineData, collect, months, unresolved_groups
from .._widths import column_widths, text_width
from ..content.plans import focus_area_heading

__all__ = ["CSS", "esc", "print_css", "render", "spans_html", "table_wrap"]

#: The printed text width (A4 less the margins of _look), what table columns share.
_TEXT_W = K.PAGE_W - K.MARGIN_L - K.MARGIN_R
#: A table of contents when the document has at least this many top-level headings.
TOC_MIN = 4

DARK = "#1f3864"
TEXT = "#14171c"
MUTED = "#595959"
RULE = "#8ea0b8"
HEADER_FILL = "#dce3ee"
PHASE_FILL = "#eef2f7"
BAR = "#335f9e"
BAR_LIGHT = "#9ebcdb"
GRID_LIGHT = "#d5dbe3"
LINK = "#1a4f9c"

#: The font families of the page, for CSS and the SVG chart.
FONTS = '"Liberation Sans",Arial,"DejaVu Sans",Helvetica,sans-serif'

CSS = f"""\
:root{{color-scheme:light}}
*{{box-sizing:border-box}}
html{{font-family:FONTS;font-size:100%;line-height:1.45;color:{TEXT};background:#fff}}
body{{margin:0}}
main{{overflow-wrap:break-word}}
.skip{{position:absolute;left:-10000px;top:0;background:#fff;color:{LINK};padding:.5em 1em}}
.skip:focus{{left:0;z-index:1}}
.site-header,.site-footer,main{{max-width:60rem;margin:0 auto;padding:0 1rem}}
.site-header{{border-bottom:1px solid {RULE};color:{MUTED};font-size:.875rem;padding-top:.5rem;\
padding-bottom:.5rem}}
.site-header p,.site-footer p{{margin:0}}
.site-footer{{border-top:1px solid {RULE};color:{MUTED};font-size:.875rem;margin-top:2rem;\
padding-top:.5rem;padding-bottom:1rem}}
nav{{margin:1rem 0 1.5rem;padding:.5rem 1rem;border-left:3px solid {RULE}}}
.site-links{{list-style:none;margin:.25rem 0 0;padding:0;display:flex;flex-wrap:wrap;\
gap:.25rem 1.25rem}}
nav .toc-title{{font-weight:bold;margin:0 0 .25rem}}
nav ol{{margin:0;padding-left:1.5rem}}
a{{color:{LINK};text-decoration:underline}}
a:focus{{outline:2px solid {DARK};outline-offset:2px}}
h1,h2,h3,h4,h5,h6{{color:{DARK};line-height:1.25;margin:1.5em 0 .5em}}
h1{{font-size:1.75rem;margin-top:1rem}}
h2{{font-size:1.375rem}}
h3{{font-size:1.125rem}}
h4,h5,h6{{font-size:1rem;color:{TEXT}}}
p,ul,ol,dl{{margin:0 0 .75em}}
.subtitle{{color:{MUTED};font-size:1.125rem;margin:0 0 .25em}}
.lead{{font-style:italic;color:{DARK};border-top:2px solid {DARK};padding-top:.75em;\
margin-top:.75em}}
.note{{color:{MUTED};font-size:.875rem}}
.letterhead{{font-weight:bold;color:{DARK};text-align:right;margin:0;font-size:.9375rem}}
.doc-type{{font-weight:bold;font-size:1.25rem;letter-spacing:.05em;margin-top:1em}}
.attachment-label{{text-transform:uppercase;color:{MUTED};font-weight:bold;font-size:.875rem;\
margin-top:2rem;border-top:1px solid {RULE};padding-top:1rem}}
.group-title{{font-weight:bold;color:{DARK};margin-bottom:.25em}}
.tab{{white-space:pre}}
dl.fields{{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;font-size:.9375rem}}
dl.fields.two{{grid-template-columns:max-content 1fr max-content 1fr}}
dl.fields div{{display:contents}}
dt{{font-weight:bold}}
dd{{margin:0}}
dd p{{margin:0}}
.table-wrap{{margin:0 0 1em;overflow-x:auto}}
.table-wrap:focus{{outline:2px solid {DARK}}}
.chart{{overflow-x:auto}}
.chart:focus{{outline:2px solid {DARK}}}
table{{border-collapse:collapse;width:100%;font-size:.9375rem}}
caption{{text-align:left;font-weight:bold;color:{DARK};padding:.25em 0}}
th,td{{text-align:left;vertical-align:top;padding:.3em .5em;hyphens:auto;\
overflow-wrap:break-word}}
thead th{{overflow-wrap:normal}}
table.grid th,table.grid td{{border:1px solid {RULE}}}
table.grid thead th{{background:{HEADER_FILL};color:{DARK}}}
table.grid tbody th{{background:{PHASE_FILL};color:{DARK}}}
table.grid tbody th.group{{background:#fff}}
table.plain{{border-bottom:2px solid {DARK}}}
table.plain thead th{{color:{DARK}}}
td p{{margin:0 0 .25em}}
td p.detail{{padding-left:.5em;color:#404040;font-size:.9375rem}}
td p.note{{font-style:italic;font-size:.875rem}}
.vh{{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;\
clip:rect(0,0,0,0);white-space:nowrap;border:0}}
figure{{margin:0 0 1em}}
figure svg{{width:100%;min-width:44rem;height:auto;display:block}}
figure.year-wheel svg{{min-width:0;max-width:34rem}}
.wheel-legend{{list-style:none;padding:0;margin:.5rem 0}}
.wheel-legend .swatch{{display:inline-block;width:.8em;height:.8em;margin-right:.4em;vertical-align:-.05em}}
figcaption{{color:{MUTED};font-size:.875rem}}
.timeline-key .key{{margin-right:1.25em;white-space:nowrap}}
.timeline-key .mark{{display:inline-block;vertical-align:middle;\
-webkit-print-color-adjust:exact;print-color-adjust:exact}}
.timeline-key .period{{width:22px;height:8px;background:{BAR}}}
.timeline-key .open{{width:18px;height:8px;background:{BAR_LIGHT};border-left:1.5px solid {BAR};\
box-sizing:border-box}}
.timeline-key .arrow{{width:0;height:0;border-top:6px solid transparent;\
border-bottom:6px solid transparent;border-left:5px solid {BAR_LIGHT}}}
.timeline-key .date{{width:7px;height:7px;margin:0 3px;background:{BAR};transform:rotate(45deg)}}
@media (max-width:40rem){{
h1{{font-size:1.5rem}}
dl.fields,dl.fields.two{{grid-template-columns:max-content 1fr}}
}}
@media print{{
PRINT
.skip,nav,.site-links{{display:none}}
.site-header,.site-footer,main{{max-width:none;padding:0}}
a{{color:{TEXT}}}
.attachment{{break-before:page}}
h1,h2,h3,h4,h5,h6,caption,.group-title{{break-after:avoid}}
tr,figure{{break-inside:avoid}}
thead{{display:table-header-group}}
.chart,.table-wrap{{overflow:visible}}
figure svg{{min-width:0}}
.page-break{{break-after:page}}
}}
"""


def print_css() -> str:
    """The printed page's measures, from :mod:`.._look` (what the ``pdf`` and ``docx``
    exporters use): A4 with their margins, body text, headings, tables and notes in their
    sizes, spacing and line heights, so the PDF/A WeasyPrint makes of this page (and a
    browser's print of it) breaks lines and pages as the other formats do.

    ``Title`` is this page's ``h1`` and a heading of level *n* its ``h(n+1)``, so ``h2``
    takes the size of Word's "Heading 1".
    """

    def pt(x: float) -> str:
        return f"{round(x, 2):g}pt"

    def lh(factor: float) -> str:
        return f"{round(K.LINE_HEIGHT * factor, 3):g}"

    def space(before_after: tuple[float, float]) -> str:
        return f"margin:{pt(before_after[0])} 0 {pt(before_after[1])}"

    rules = [
        f"@page{{size:A4;margin:{pt(K.MARGIN_T)} {pt(K.MARGIN_R)} {pt(K.MARGIN_B)} "
        f"{pt(K.MARGIN_L)}}}",
        f"html{{font-size:{pt(K.BODY)};line-height:{lh(K.TEXT_LINE)}}}",
        f"p,ul,ol,dl{{{space(K.BODY_SPACE)}}}",
        f"li{{{space(K.LIST_SPACE)}}}",
        f"h1,h2,h3,h4,h5,h6{{line-height:{lh(1.0)}}}",
        f"h1{{font-size:{pt(K.TITLE)};{space(K.TITLE_SPACE)}}}",
        f"h2{{font-size:{pt(K.H1)};{space(K.H1_SPACE)}}}",
        f"h3{{font-size:{pt(K.H2)};{space(K.H2_SPACE)}}}",
        f"h4,h5,h6{{font-size:{pt(K.H3)};{space(K.H3_SPACE)}}}",
        f".subtitle{{font-size:{pt(K.SUBTITLE)};{space(K.SUBTITLE_SPACE)}}}",
        f".lead{{font-size:{pt(K.LEAD)}}}",
        f".note,figcaption{{font-size:{pt(K.NOTE)}}}",
        f".letterhead{{font-size:{pt(K.LETTERHEAD)}}}",
        f".doc-type{{font-size:{pt(K.DOC_TYPE)}}}",
        f".attachment-label{{font-size:{pt(K.ATTACHMENT_LABEL)}}}",
        # label and value side by side without the screen's grid, whose display:contents
        # WeasyPrint ignores (each pair became one grid cell, a date broken word by word)
        f"dl.fields{{font-size:{pt(K.FIELD_LABEL)};display:table}}",
        "dl.fields div{display:table-row}",
        f"dl.fields dt,dl.fields dd{{display:table-cell;padding:0 {pt(K.CELL_PAD_X * 2)} "
        f"{pt(K.CELL_SPACE[1])} 0}}",
        "dl.fields.two{display:flex;flex-wrap:wrap;width:100%}",
        "dl.fields.two div{display:flex;width:50%}",
        "dl.fields.two dt{flex:0 0 auto;display:block}",
        "dl.fields.two dd{flex:1 1 auto;display:block}",
        # the columns' widths are given (_widths, as the pdf and Word): a fixed layout
        # takes them as they are, without measuring every cell twice first
        f"table{{font-size:{pt(K.TABLE)};line-height:{lh(K.TABLE_LINE)};table-layout:fixed}}",
        f"th,td{{padding:{pt(K.CELL_PAD_Y)} {pt(K.CELL_PAD_X)}}}",
        f"td p{{{space(K.CELL_SPACE)}}}",
        f"td p.detail{{font-size:{pt(K.TABLE_DETAIL)}}}",
        f"td p.note{{font-size:{pt(K.TABLE_NOTE)}}}",
    ]
    return "\n".join(rules)


CSS = CSS.replace("PRINT", print_css())

_ESCAPE = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
           ord("'"): "&#39;"}  # fmt: skip
_URL = re.compile(r"https?://[^\s<>\"']+")


def esc(text: str) -> str:
    """``text`` as HTML text or attribute value: ``& < > " '`` as references."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return text.translate(_ESCAPE)
    return text


def _label(text: str) -> str:
    """A chart's label: escaped, its white space one space, a no-break space kept."""
    return esc(" ".join(split_words(text)))


def _text(text: str) -> str:
    """One user string: escaped; a line break as ``<br>``, a tab kept as a tab."""
    out = text  # esc(), written out here: the page's hot path
    if "&" in out or "<" in out or ">" in out or '"' in out or "'" in out:
        out = out.translate(_ESCAPE)
    if "\n" in out:
        out = out.replace("\n", "<br>")
    if "\t" in out:
        out = out.replace("\t", '<span class="tab">\t</span>')
    return out


def _linked(text: str) -> str:
    """Like :func:`_text`, with a web address alone on its line as a link to itself."""
    if "://" not in text:
        return _text(text)
    lines = []
    for line in text.split("\n"):
        bare = line.strip()
        if _URL.fullmatch(bare):
            at = line.index(bare)
            lines.append(
                f'{_text(line[:at])}<a href="{esc(bare)}">{_text(bare)}</a>'
                f"{_text(line[at + len(bare) :])}"
            )
        else:
            lines.append(_text(line))
    return "<br>".join(lines)


def spans_html(spans: Sequence[C.Span]) -> str:
    """Runs of user text as HTML: escaped, ``strong``/``em`` of our own, addresses linked."""
    if len(spans) == 1 and not (spans[0].bold or spans[0].italic):  # most text: one plain run
        return _linked(spans[0].text)
    for s in spans:
        if s.bold or s.italic:
            break
    else:  # plain runs ("– " and a measure's text): nothing to join or style
        return "".join([_linked(s.text) for s in spans])
    parts = []
    for s in _joined(spans):
        if not s.text:
            continue
        x = _linked(s.text)
        if s.bold:
            x = f"<strong>{x}</strong>"
        if s.italic:
            x = f"<em>{x}</em>"
        parts.append(x)
    return "".join(parts)


_PARA_CLASS = {"body": "", "lead": "lead", "note": "note", "letterhead": "letterhead",
               "doc_type": "doc-type"}  # fmt: skip
_CELL_ATTR = {"text": "", "detail": ' class="detail"', "note": ' class="note"'}


def table_wrap(caption_id: str) -> str:
    """The opening of a table's wrapper: it scrolls a table wider than the screen sideways,
    so it can take the keyboard's focus and is named by the table's caption."""
    return (
        f'<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{caption_id}">'
    )


def _cls(name: str) -> str:
    return f' class="{name}"' if name else ""


class _Page:
    """The body of one page, written as a list of strings, headings counted as they come."""

    def __init__(self, labels: Labels, *, timeline: bool, fonts: str = FONTS) -> None:
        self.L = labels
        self.fonts = fonts
        self.timeline_wanted = timeline
        self.out: list[str] = []
        self.last_level = 0
        self.toc: list[tuple[str, str]] = []  # (id, text) of the top-level headings
        self.toc_at: int | None = None  # where the table of contents goes: before the first
        self.n_ids = 0
        self.included = 0
        #: The rows of every table of a group (measured together, as the PDF and Word do).
        self.groups: dict[str, list[C.Row | C.GroupRow]] = {}
        self._group_widths: dict[tuple[str, tuple[C.Column, ...]], list[float]] = {}
        #: A cell and its HTML by the cell's id (the cell kept, so an id is never another
        #: cell's): the content shares one cell among the rows of one text.
        self._cells: dict[int, tuple[C.Cell, str]] = {}

    def widths(self, t: C.Table) -> list[float]:
        """The columns' widths in points, as the ``pdf`` and ``docx`` exporters set them
        (:func:`.._widths.column_widths`: identifiers and dates kept whole)."""
        key = (t.group, t.columns) if t.group else None
        if key is not None and key in self._group_widths:
            return self._group_widths[key]
        rows = self.groups.get(t.group, t.rows) if t.group else t.rows
        got = column_widths(t.columns, rows, _TEXT_W, text_width, pad=2 * K.CELL_PAD_X)
        if key is not None:
            self._group_widths[key] = got
        return got

    def uid(self, stem: str) -> str:
        self.n_ids += 1
        return f"khs-{stem}-{self.n_ids}"

    def heading(self, wanted: int, text: str, ident: str, cls: str = "") -> int:
        """``h1``–``h6`` at ``wanted``, never more than one level under the last heading."""
        level = max(1, min(wanted, self.last_level + 1, 6))
        self.last_level = level
        self.out.append(f'<h{level} id="{esc(ident)}"{_cls(cls)}>{_text(text)}</h{level}>')
        return level

    # ------------------------------------------------------------ blocks
    def content(self, content: C.Content, depth: int, areas: frozenset[str]) -> None:
        """The blocks of ``content``; ``depth`` 0 for the page's own document, 1 for an
        attachment (its title one level under the page's, so under ``h1``)."""
        out = self.out
        heading = content.title  # what the next table stands under (its caption)
        timeline_drawn = False
        for b in content.blocks:
            if isinstance(b, C.Title):
                self.heading(1 + depth, b.text, self.uid("title"))
                heading = b.text
            elif isinstance(b, C.Subtitle):
                out.append(f'<p class="subtitle">{_text(b.text)}</p>')
            elif isinstance(b, C.Heading):
                cls = "area" if depth == 0 and b.level == 1 and b.text in areas else ""
                at = len(out)
                level = self.heading(b.level + 1 + depth, b.text, b.bookmark, cls)
                if level == 2 and depth == 0:
                    self.toc.append((b.bookmark, b.text))
                    if self.toc_at is None:
                        self.toc_at = at
                heading = b.text
            elif isinstance(b, C.Para):
                out.append(f"<p{_cls(_PARA_CLASS.get(b.style, ''))}>{spans_html(b.spans)}</p>")
            elif isinstance(b, C.BulletList):
                self.list_("ul", b.items)
            elif isinstance(b, C.NumberedList):
                start = f' start="{b.start}"' if b.start != 1 else ""
                self.list_(f"ol{start}", b.items)
            elif isinstance(b, C.KeyValues):
                self.key_values(b)
            elif isinstance(b, C.Table):
                caption = getattr(b, "caption", None) or heading
                self.table(b, caption, hidden=caption == heading)
            elif isinstance(b, C.PageBreak):
                out.append('<div class="page-break"></div>')
            elif isinstance(b, C.Included):
                self.attachment(b, depth, areas)
            elif isinstance(b, C.Timeline):  # before the plan's appendix of changes
                self.timeline(content.source, depth)
                timeline_drawn = True
            elif type(b).__name__ == "StatusChart":  # a status report's (content.status)
                from ._status_chart import status_chart_svg

                out.append(status_chart_svg(b, self.uid("status-chart"), self.fonts, TEXT,
                                            _label))  # fmt: skip
            elif type(b).__name__ == "YearWheel":  # a meeting plan's (content.meetingplans)
                from ._year_wheel import wheel_svg

                ident = b.bookmark or self.uid("wheel-title")
                if self.heading(2 + depth, b.title, ident) == 2 and depth == 0:
                    self.toc.append((ident, b.title))

                out.append(wheel_svg(b, self.uid("wheel"), self.fonts, TEXT,
                                     _label, self.L.date))
        if not timeline_drawn:
            self.timeline(content.source, depth)

    def list_(self, tag: str, items: Sequence[C.Spans]) -> None:
        name = tag.split(" ", 1)[0]
        self.out.append(f"<{tag}>")
        self.out.extend(f"<li>{spans_html(item)}</li>" for item in items)
        self.out.append(f"</{name}>")

    def key_values(self, kv: C.KeyValues) -> None:
        fields = [f for f in kv.fields if f.label or f.lines]
        if not fields:
            return
        two = " two" if kv.columns >= 2 else ""
        out = [f'<dl class="fields{two}">']
        for f in fields:
            lines = "".join(f"<p>{_linked(x)}</p>" for x in f.lines) if len(f.lines) > 1 else (
                _linked(f.lines[0]) if f.lines else "")  # fmt: skip
            out.append(f"<div><dt>{_text(f.label)}</dt><dd>{lines}</dd></div>")
        out.append("</dl>")
        self.out.append("".join(out))

    def table(self, t: C.Table, caption: str, *, hidden: bool) -> None:
        ncols = len(t.columns)
        out = self.out
        ident = self.uid("table")
        cap = f'<caption id="{ident}"{_cls("vh" if hidden else "")}>{_text(caption)}</caption>'

        head = "".join(f'<th scope="col">{_text(c.label)}</th>' for c in t.columns)
        widths = self.widths(t)
        total = sum(widths) or 1.0
        cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
        # a table wider than a narrow screen scrolls sideways in its wrapper (never a word
        # or a date broken inside): a region the keyboard reaches, named by the caption
        out.append(f'{table_wrap(ident)}<table class="{t.style}">{cap}'
                   f"<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>")  # fmt: skip
        open_body = False
        seen = self._cells
        for row in t.rows:
            if isinstance(row, C.GroupRow):
                if open_body:
                    out.append("</tbody>")
                cls = "" if row.kind == "phase" else ' class="group"'
                out.append(f'<tbody><tr><th scope="rowgroup" colspan="{ncols}"{cls}>'
                           f"{_text(row.text)}</th></tr>")  # fmt: skip
                open_body = True
                continue
            if not open_body:
                out.append("<tbody>")
                open_body = True
            parts = []
            for c in row.cells:  # a plan shares one cell among the rows of the same text
                got = seen.get(id(c))
                if got is None or got[0] is not c:
                    got = seen[id(c)] = (c, f"<td>{self.cell(c)}</td>")
                parts.append(got[1])
            out.append(f"<tr>{''.join(parts)}</tr>")
        if not open_body:
            out.append("<tbody>")
        out.append("</tbody></table></div>")

    @staticmethod
    def cell(cell: C.Cell) -> str:
        paras = cell.paras
        if len(paras) == 1 and paras[0].style == "text":
            return spans_html(paras[0].spans)
        parts = []
        for p in paras:
            for s in p.spans:
                if s.text:  # a paragraph with nothing written is left out
                    parts.append(f"<p{_CELL_ATTR[p.style]}>{spans_html(p.spans)}</p>")
                    break
        return "".join(parts)

    def attachment(self, inc: C.Included, depth: int, areas: frozenset[str]) -> None:
        self.included += 1
        ident = self.uid("attachment")
        self.out.append(f'<section class="attachment" aria-labelledby="{ident}">'
                        f'<p class="attachment-label" id="{ident}">{_text(inc.label)}</p>')  # fmt: skip
        if depth == 0:
            if self.toc_at is None:
                self.toc_at = len(self.out) - 1
            self.toc.append((ident, inc.label))
        saved = self.last_level
        self.last_level = min(self.last_level, 1 + depth)
        self.content(inc.content, depth + 1, areas)
        self.last_level = saved
        self.out.append("</section>")

    # ------------------------------------------------------------ timeline
    def timeline(self, source: object, depth: int) -> None:
        if not (self.timeline_wanted and isinstance(source, ActionPlan)):
            return
        L = self.L
        data = collect(source, L)
        if data.empty:
            return
        out = self.out
        ident = self.uid("timeline")
        out.append(f'<section class="timeline" aria-labelledby="{ident}">')
        level = self.heading(2 + depth, L.timeline, ident)
        if depth == 0:
            if self.toc_at is None:
                self.toc_at = len(out) - 2
            self.toc.append((ident, L.timeline))
        title_id = f"{ident}-svg"
        table_id = f"{ident}-table"
        out.append(f'<figure aria-describedby="{table_id}">')
        # on a narrow screen the chart keeps a readable size and scrolls sideways: a
        # region the keyboard can reach and scroll, named by the chart's title
        out.append(f'<div class="chart" tabindex="0" role="region" aria-labelledby="{title_id}">')
        # each measure's label as the chart and the table print it: number and text
        labels = [[C.display_text(f"{r.number} {r.text}" if r.number else r.text) for r in rows]
                  for _, rows in data.groups]  # fmt: skip
        out.append(
            _svg(data, labels, title_id, f"{L.timeline}: {L.web['timeline_figure']}", L, self.fonts)
        )
        out.append("</div>")
        out.append(f'<figcaption class="timeline-key">{_legend(L)}</figcaption></figure>')
        self.timeline_table(data, labels, table_id)
        groups = unresolved_groups(data)
        if groups:
            self.heading(level + 1, L.timeline_unresolved, self.uid("unresolved"))
            for group_title, items in groups:
                out.append(f'<p class="group-title">{_text(group_title)}</p>')
                self.list_("ul", items)
        out.append("</section>")


    def timeline_table(self, data: TimelineData, labels: list[list[str]], table_id: str) -> None:
        """The chart's text alternative: the same measures, each with its timeframe as
        written, under their focus areas. A table as :meth:`table` writes it (the same
        bytes), its rows written here at once: a row is one plain text and one timeframe.

        Its columns are measured as :meth:`widths` measures every table's: by what each
        paragraph of a column holds (:func:`.._widths.column_widths`), so one row whose
        cells hold every paragraph of their column measures as the rows would, and needs
        no cell and row made per measure."""
        L = self.L
        body: list[str] = []
        paras: list[C.CellPara] = []  # the first column's: each measure's label
        when: dict[str, tuple[str, str]] = {}  # a timeframe's text and HTML: they repeat
        for (group_title, group_rows), group_labels in zip(data.groups, labels, strict=True):
            if body:
                body.append("</tbody>")
            body.append(f'<tbody><tr><th scope="rowgroup" colspan="2">{_text(group_title)}'
                        "</th></tr>")  # fmt: skip
            for r, label in zip(group_rows, group_labels, strict=True):
                got = when.get(r.when)
                if got is None:
                    text = C.display_text(r.when)
                    got = when[r.when] = (text, f"<td>{_linked(text)}</td></tr>")
                paras.append(C.CellPara((C.Span(label),)))
                body.append(f"<tr><td>{_linked(label)}</td>{got[1]}")
        columns = (C.Column(L.measure, 70), C.Column(L.timeframe, 30))
        timeframes = tuple(C.CellPara((C.Span(text),)) for text, _ in when.values())
        widths = self.widths(C.Table(columns, (C.Row((C.Cell(tuple(paras)), C.Cell(timeframes))),)))
        total = sum(widths) or 1.0
        cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
        head = "".join(f'<th scope="col">{_text(c.label)}</th>' for c in columns)
        ident = self.uid("table")
        wrap = table_wrap(ident).replace('<div class="table-wrap"',
                                         f'<div id="{table_id}" class="table-wrap"', 1)  # fmt: skip
        self.out.append(f'{wrap}<table class="grid"><caption id="{ident}">'
                        f'{_text(L.web["timeline_table"])}</caption><colgroup>{cols}</colgroup>'
                        f"<thead><tr>{head}</tr></thead>")  # fmt: skip
        self.out += body
        self.out.append("</tbody></table></div>")


# ---------------------------------------------------------------- the SVG chart
_ROW_H = 18  # a row of one line; each further line of its label adds _LINE_H
_GROUP_H = 22
_LINE_H = 13  # the labels' line height at font-size 11
_LABEL_W = 300
_CHART_W = 900
_AXIS_H = 40
_MONTH_NAMES = "jfmamjjasond"
#: The labels are wrapped by Liberation Sans's widths (Arial's), and the page may be shown
#: in DejaVu Sans, the fallback, about 15 % wider: lines are measured that much narrower,
#: so that no line runs into the bars in either font.
_WIDER_FONT = 1.15


def _month_index(start_year: int, start_month: int, year: int, month: int) -> int:
    return (year - start_year) * 12 + month - start_month


def _days_in_month(d: dt.date) -> int:
    return calendar.monthrange(d.year, d.month)[1]


def _diamond(x: float, y: float, size: float = 5.0) -> str:
    """The mark of a date: a diamond centred at ``x``, ``y`` (the PDF chart's)."""
    points = f"{x:.1f},{y + size:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y - size:.1f} {x - size:.1f},{y:.1f}"
    return f'<polygon points="{points}" fill="{BAR}" stroke="{DARK}" stroke-width="0.6"/>'


def _legend(L: Labels) -> str:
    """The timeline's legend, the words and marks of the Word and PDF ones: a bar (a
    period), a light bar with an arrow (started, no end set), a diamond (a date or
    deadline). The marks are empty boxes drawn by CSS, hidden from assistive technology
    (the words say it) and no figures of their own in a tagged PDF."""
    marks = {
        "period": '<span class="mark period"></span>',
        "open": '<span class="mark open"></span><span class="mark arrow"></span>',
        "date": '<span class="mark date"></span>',
    }
    return "".join(
        f'<span class="key"><span aria-hidden="true">{marks[kind]}</span> {_text(word)}</span>'
        for kind, word in (("period", L.timeline_period), ("open", L.timeline_open),
                           ("date", L.timeline_date))
    )  # fmt: skip


def _wrapper(width: float, *, bold: bool) -> Callable[[str], list[str]]:
    """What wraps the chart's labels into lines of ``width`` at font-size 11, measured
    narrower by the fallback font's :data:`_WIDER_FONT`."""
    return text_width_wrapper(width / _WIDER_FONT, bold, 11)


def _svg_text(x: float, lines: Sequence[str]) -> str:
    """What a ``<text>`` of ``lines`` holds: the line, or a ``<tspan>`` a line, each one line
    height below the one before. The lines are wrapped ones (:func:`_wrapper`: broken at
    white space, so no line break or tab in them), escaped."""
    if len(lines) == 1:
        return esc(lines[0])
    # escaped at once, the lines apart by a line break, each break then the next tspan
    text = esc("\n".join(lines)).replace("\n", f'</tspan><tspan x="{x}" dy="{_LINE_H}">')
    return f'<tspan x="{x}">{text}</tspan>'


def _svg_lines(x: float, y: float, lines: Sequence[str], attrs: str = "") -> str:
    """One ``<text>`` of ``lines`` (:func:`_svg_text`), the first baseline at ``y``."""
    return f'<text x="{x}" y="{y}"{attrs}>{_svg_text(x, lines)}</text>'


def _svg(
    data: TimelineData,
    labels: list[list[str]],
    title_id: str,
    title: str,
    L: Labels,
    fonts: str = FONTS,
) -> str:
    """The chart: a row per dated measure under its focus area (``labels``: each row's
    label, by group), a bar over its months."""
    n = months(data.start, data.end)
    sy, sm = data.start.year, data.start.month
    plot_w = _CHART_W - _LABEL_W
    col = plot_w / n
    # each label whole, in as many lines as it needs: its row grows by a line height a line;
    # broken between words (a label cut with "…" would lose the measure's words)
    wrap_title = _wrapper(_CHART_W - 8, bold=True)
    wrap_label = _wrapper(_LABEL_W - 8, bold=False)
    titles = [wrap_title(title) for title, _ in data.groups]
    wrapped = [[wrap_label(label) for label in group] for group in labels]
    texts = [[_svg_text(4, lines) for lines in group] for group in wrapped]
    height = _AXIS_H + 8 + sum(
        _GROUP_H + (len(t) - 1) * _LINE_H + sum(_ROW_H + (len(x) - 1) * _LINE_H for x in rows)
        for t, rows in zip(titles, wrapped, strict=True)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_CHART_W} {height}" '
        f'role="img" aria-labelledby="{title_id}" focusable="false">'
        f'<title id="{title_id}">{_text(title)}</title>',
        f'<g font-family="{esc(fonts)}" font-size="11" fill="{TEXT}">',
    ]
    # axis: years over months (or over quarters for long plans)
    step = 1 if n <= 36 else 3
    y0 = _AXIS_H
    year = None
    for i in range(n):
        y, m = sy + (sm - 1 + i) // 12, (sm - 1 + i) % 12 + 1
        x = _LABEL_W + i * col
        if y != year:
            year = y
            parts.append(f'<text x="{x + 2:.1f}" y="14" font-weight="bold">{y}</text>')
            parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" '
                         f'stroke="{RULE}" stroke-width="1"/>')  # fmt: skip
        elif (m - 1) % step == 0:
            parts.append(f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{height}" '
                         f'stroke="{GRID_LIGHT}" stroke-width="0.5"/>')  # fmt: skip
        if step == 1:
            parts.append(f'<text x="{x + col / 2:.1f}" y="32" text-anchor="middle">'
                         f"{_MONTH_NAMES[m - 1]}</text>")  # fmt: skip
        elif (m - 1) % 3 == 0:
            quarter = L.web["quarter"].format(n=(m - 1) // 3 + 1)
            parts.append(f'<text x="{x + 2:.1f}" y="32">{_text(quarter)}</text>')
    # a bar's x and width, a date's x: worked out once per export for the bars and dates
    # that repeat (a plan's timeframes do), as strings; each row adds its y
    bars: dict[tuple[dt.date, dt.date, str], tuple[str, str]] = {}
    days: dict[dt.date, tuple[float, str]] = {}
    y_at = y0
    for (_, rows), title_lines, row_lines, row_texts in zip(
        data.groups, titles, wrapped, texts, strict=True
    ):
        group_h = _GROUP_H + (len(title_lines) - 1) * _LINE_H
        parts.append(f'<rect x="0" y="{y_at}" width="{_CHART_W}" height="{group_h}" '
                     f'fill="{PHASE_FILL}"/>'
                     + _svg_lines(4, y_at + 15, title_lines,
                                  f' font-weight="bold" fill="{DARK}"'))  # fmt: skip
        y_at += group_h
        for r, lines, text in zip(rows, row_lines, row_texts, strict=True):
            row_h = _ROW_H + (len(lines) - 1) * _LINE_H
            label = f'<text x="4" y="{y_at + 13}">{text}</text>'
            # the mark in the middle of its row, beside the middle of a label of more lines
            mid = y_at + row_h / 2
            y_at += row_h
            start, end = r.start, r.end
            if end is not None and (start is None or start == end):
                # one day ("Skisse presenteres i OSU 8. februar") or a deadline: a diamond
                # at the day, as the Word and PDF timelines and the legend say; a deadline
                # with a dashed lead-in from the start of the axis
                day = days.get(end)
                if day is None:
                    x = _LABEL_W + (_month_index(sy, sm, end.year, end.month)
                                    + (end.day - 0.5) / _days_in_month(end)) * col  # fmt: skip
                    day = days[end] = (x, f"{x:.1f}")
                if start is None:
                    label += (f'<line x1="{_LABEL_W}" y1="{mid}" x2="{day[1]}" y2="{mid}" '
                              f'stroke="{BAR}" stroke-width="1" stroke-dasharray="3 3"/>')  # fmt: skip
                parts.append(label + _diamond(day[0], mid))
                continue
            if start is not None and end is not None:
                key = (start, end, BAR) if start <= end else (end, start, BAR)
            else:
                assert start is not None
                key = (start, data.end, BAR_LIGHT)
            bar = bars.get(key)
            if bar is None:
                lo, hi, fill = key
                a = max(0, _month_index(sy, sm, lo.year, lo.month))
                b = min(n - 1, _month_index(sy, sm, hi.year, hi.month))
                bar = bars[key] = (
                    f'<rect x="{_LABEL_W + a * col + 1:.1f}" y="',
                    f'" width="{max((b - a + 1) * col - 2, 2):.1f}" height="{_ROW_H - 6}" '
                    f'fill="{fill}"/>',
                )
            top = mid - _ROW_H / 2 + 3
            parts.append(f"{label}{bar[0]}{int(top) if top.is_integer() else top}{bar[1]}")
    parts.append("</g></svg>")
    return "".join(parts)


# ---------------------------------------------------------------- the page
def _areas(content: C.Content, labels: Labels) -> frozenset[str]:
    """The headings of an action plan's focus areas (each starts a new printed page)."""
    plan = content.source
    if not isinstance(plan, ActionPlan):
        return frozenset()
    return frozenset(focus_area_heading(fa) for fa in plan.focus_areas)


def _collect_groups(content: C.Content, groups: dict[str, list[C.Row | C.GroupRow]]) -> None:
    """The rows of the tables of each group, attached documents included."""
    for b in content.blocks:
        if isinstance(b, C.Table) and b.group:
            groups.setdefault(b.group, []).extend(b.rows)
        elif isinstance(b, C.Included):
            _collect_groups(b.content, groups)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _opening(content: C.Content) -> frozenset[str]:
    """What the page's opening says: its title and the lines under it (whitespace as one)."""
    return frozenset(
        _flat(b.text) for b in content.blocks if isinstance(b, C.Title | C.Subtitle)
    )


def render(
    content: C.Content,
    *,
    labels: Labels = NB,
    timeline: bool = True,
    fonts: str = FONTS,
    extra_css: str = "",
    links: Sequence[tuple[str, str]] = (),
    title: str | None = None,
) -> bytes:
    """The UTF-8 bytes of the page of ``content`` (same content, same bytes).

    ``fonts`` (a CSS font-family list) and ``extra_css`` (appended to the page's
    style sheet) are for the PDF/A route, which names the bundled font. ``links``
    (relative address, link text) go into the page's header: a site's own links
    (:mod:`.site`); the text says where each goes. ``title`` is the page's ``<title>``
    when not the document's (a site tells apart pages whose documents share a title).
    """
    page = _Page(labels, timeline=timeline, fonts=fonts)
    _collect_groups(content, page.groups)
    page.content(content, 0, _areas(content, labels))
    lang = esc(content.language or labels.language)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(content.title if title is None else title)}</title>",
    ]
    if content.subject:
        head.append(f'<meta name="description" content="{esc(content.subject)}">')
    if content.author:
        head.append(f'<meta name="author" content="{esc(content.author)}">')
    if content.keywords:
        head.append(f'<meta name="keywords" content="{esc(", ".join(content.keywords))}">')
    if content.date is not None:
        head.append(f'<meta name="dcterms.date" content="{content.date.isoformat()}">')
    head += [
        '<meta name="generator" content="khsmodel">',
        f"<style>\n{CSS.replace('FONTS', fonts)}{extra_css}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#khs-main">{esc(labels.web["skip"])}</a>',
    ]
    # the running header of the printed pages; on the web page a line over the title, left
    # out when the title or a line under it says the same (a status report's "whose plan",
    # a partnership's name): one page, said once. No line and no links: no header at all
    line = content.header or content.title
    shown = _flat(line) not in _opening(content)
    if shown or links:
        head.append(f'<header class="site-header">{f"<p>{_text(line)}</p>" if shown else ""}')
    if links:
        items = "".join(f'<li><a href="{esc(href)}">{_text(text)}</a></li>' for href, text in links)
        head.append(f'<nav aria-label="{esc(labels.web["site"])}"><ul class="site-links">{items}'
                    "</ul></nav>")  # fmt: skip
    if shown or links:
        head.append("</header>")
    head.append('<main id="khs-main">')
    body = page.out
    if len(page.toc) >= TOC_MIN and page.toc_at is not None:
        # after the title and what stands under it, before the first section; named by a
        # paragraph, not a heading, so the headings stay in order
        items = "".join(f'<li><a href="#{esc(i)}">{_text(text)}</a></li>' for i, text in page.toc)
        body.insert(page.toc_at, f'<nav aria-labelledby="khs-toc"><p class="toc-title" '
                    f'id="khs-toc">{esc(labels.web["contents"])}</p><ol>{items}</ol></nav>')  # fmt: skip
    tail = [
        "</main>",
        f'<footer class="site-footer"><p>{_text(content.title)}</p></footer>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join([*head, *body, *tail]).encode("utf-8")
