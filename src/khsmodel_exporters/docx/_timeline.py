"""An action plan's timeline: what the PDF draws as a chart, as a table with a column
per month (a Gantt chart in Word)."""

from __future__ import annotations

import datetime as dt

from khsmodel.labels import Labels
from khsmodel.plans import ActionPlan

from .._timeline_data import Row as _TimelineRow
from .._timeline_data import collect, months, unresolved_groups
from ..content import BulletList, Heading, Span
from ..content import display_text as _t_text
from ._tables import _Tables
from ._xml import HEADER_FILL, PHASE_FILL, RULE, TEXT_W, _runs, _t

GRID_LIGHT = "D5DBE3"  # timeline: lines between months
BAR = "335F9E"  # timeline: a month the measure covers (the PDF chart's accent)
BAR_LIGHT = "9EBCDB"  # timeline: an open end ("Starter i april") or a deadline's month


class _Timeline(_Tables):
    """The timeline of the body."""

    # -- the plan's timeline: a table with a column per month (a Gantt chart in Word)
    def timeline(self, source: object, *, level: int = 1) -> None:
        """What the PDF draws as a chart, as a table: a row per measure placed by its
        dates, the months it covers filled; the measures it cannot place listed below."""
        if not (self.timeline_wanted and isinstance(source, ActionPlan)):
            return
        L = self.labels
        data = collect(source, L)
        if data.empty:
            return
        self.block(Heading(min(level, 3), L.timeline, f"khs_timeline_{self.bookmark_id + 1}"))
        label_w = TEXT_W * 2 // 5
        slots = _time_slots(data.start, data.end, TEXT_W - label_w)
        each = (TEXT_W - label_w) // len(slots)
        widths = [label_w] + [each] * len(slots)
        widths[-1] += TEXT_W - sum(widths)
        grid = (
            f'<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
            f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
            f'<w:insideH w:val="single" w:sz="2" w:space="0" w:color="{GRID_LIGHT}"/>'
            f'<w:insideV w:val="single" w:sz="2" w:space="0" w:color="{GRID_LIGHT}"/>'
            "</w:tblBorders>"
        )
        self._open_table(widths, grid)
        out = self.out
        head = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
        years: list[tuple[str, int]] = []  # (the year or years, how many slots)
        for s in slots:
            year = str(s[0].year) if s[0].year == s[1].year else f"{s[0].year}–{s[1].year}"
            if years and years[-1][0] == year:
                years[-1] = (year, years[-1][1] + 1)
            else:
                years.append((year, 1))
        cells = [_tl_cell(label_w, _runs([Span(L.measure, bold=True)]), head)]
        at = 1
        for year, n in years:
            w = sum(widths[at : at + n])
            span = f'<w:gridSpan w:val="{n}"/>' if n > 1 else ""
            cells.append(
                _tl_cell(w, _runs([Span(year, bold=True)]), head + _MONTH_MAR, span, "center")
            )
            at += n
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>")
        if len(slots[0][2]) > 0:  # months or quarters named in a second header row
            cells = [_tl_cell(label_w, "", head)] + [
                _tl_cell(each, _runs([Span(s[2])]), head + _MONTH_MAR, "", "center") for s in slots
            ]
            out.append(
                f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>"
            )
        group_pr = (
            f'<w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="{len(widths)}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{PHASE_FILL}"/></w:tcPr>'
        )
        # the cell of one month, empty or filled, written once (a plan has thousands)
        month_cell = {
            fill: f'<w:tc><w:tcPr><w:tcW w:w="{each}" w:type="dxa"/>'
            + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill in (BAR, BAR_LIGHT)
               else "")
            + f'{_MONTH_MAR}</w:tcPr><w:p><w:pPr><w:pStyle w:val="KhsTimelineLabel"/>'
            + ('<w:jc w:val="center"/></w:pPr>'
               f'<w:r><w:rPr><w:color w:val="{BAR}"/></w:rPr>{_t(DIAMOND)}</w:r></w:p></w:tc>'
               if fill == DIAMOND else "</w:pPr></w:p></w:tc>")
            for fill in (None, BAR, BAR_LIGHT, DIAMOND)
        }  # fmt: skip
        for title, rows in data.groups:
            out.append(
                f"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>{group_pr}<w:p><w:pPr>"
                '<w:pStyle w:val="KhsTableHeading"/><w:keepNext/></w:pPr>'
                f"{_runs([Span(title, bold=True)])}</w:p></w:tc></w:tr>"
            )
            for row in rows:
                # as every text of the document: through the content's text form (t)
                label = _t_text(f"{row.number} {row.text}" if row.number else row.text)
                text = (
                    f'<w:p><w:pPr><w:pStyle w:val="KhsTimelineLabel"/></w:pPr>'
                    f"{_runs([Span(label)])}</w:p>"
                    f'<w:p><w:pPr><w:pStyle w:val="KhsTimelineSmall"/></w:pPr>'
                    f"{_runs([Span(_t_text(row.when), italic=True)])}</w:p>"
                )
                parts = [f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{label_w}" '
                         f'w:type="dxa"/></w:tcPr>{text}</w:tc>']  # fmt: skip
                parts.extend(month_cell[_tl_fill(row, first, last)] for first, last, _ in slots)
                parts.append("</w:tr>")
                out.append("".join(parts))
        self._close_table()
        self.p("KhsTimelineSmall", _legend_xml(L), '<w:spacing w:before="60" w:after="120"/>')
        groups = unresolved_groups(data)
        if groups:
            self.block(Heading(min(level + 1, 3), L.timeline_unresolved,
                               f"khs_timeline_{self.bookmark_id + 1}"))  # fmt: skip
        for title, items in groups:  # under the focus area each measure belongs to
            self.p("KhsTableHeading", _runs([Span(title, bold=True)]), "<w:keepNext/>")
            self.block(BulletList(tuple(items)))


def _tl_cell(width: int, inner: str, shd: str = "", span: str = "", jc: str = "") -> str:
    """A header cell of the timeline table."""
    align = f'<w:jc w:val="{jc}"/>' if jc else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{shd}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="KhsTableHeading"/>{align}</w:pPr>{inner}</w:p></w:tc>'
    )


#: The narrowest a timeline column may be (twips), by its length in months: a month's
#: letter, "K1", "2016" (month cells have no side margins; see _MONTH_MAR).
_SLOT_MIN_W = {1: 150, 3: 300, 12: 420}
#: Word's limit of grid columns in a table, less the label column.
_MAX_SLOTS = 60
#: No side margins in the month cells: a 36-month plan's columns are narrow.
_MONTH_MAR = '<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'


def _time_slots(start: dt.date, end: dt.date, room: int) -> list[tuple[dt.date, dt.date, str]]:
    """The columns of the timeline in ``room`` twips: months, else quarters, else years,
    else spans of several years, the first that leave each column wide enough to read.

    Each is (first day, last day, its name in the second header row, "" for none).
    """
    n = months(start, end)
    step = 12 * max(1, -(-n * _SLOT_MIN_W[12] // (12 * room)))  # years, several if need be
    for candidate in (1, 3, 12):
        count = -(-(n + candidate - 1) // candidate)  # at most, once aligned to the step
        if count <= _MAX_SLOTS and room // max(count, 1) >= _SLOT_MIN_W[candidate]:
            step = candidate
            break
    while -(-(n + step - 1) // step) > _MAX_SLOTS:
        step += 12
    names = "jfmamjjasond"
    out = []
    y, m = start.year, start.month - (start.month - 1) % min(step, 12)
    if step > 12:
        m = 1
    while dt.date(y, m, 1) <= end:
        first = dt.date(y, m, 1)
        ny, nm = (y + (m + step - 1) // 12, (m + step - 1) % 12 + 1)
        last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
        name = names[m - 1] if step == 1 else (f"K{(m - 1) // 3 + 1}" if step == 3 else "")
        out.append((first, last, name))
        y, m = ny, nm
    return out


#: The PDF chart's diamond: a date (one day, or a deadline "innen").
DIAMOND = "\u2666"


def _tl_fill(row: _TimelineRow, first: dt.date, last: dt.date) -> str | None:
    """One month of a measure's row, as the PDF chart draws it: BAR (a period covers the
    month), BAR_LIGHT (started, no end given), DIAMOND (a day or a deadline), or None."""
    if row.start is not None and row.end is not None:
        if row.start == row.end:  # one day
            return DIAMOND if first <= row.start <= last else None
        lo, hi = min(row.start, row.end), max(row.start, row.end)
        return BAR if lo <= last and hi >= first else None
    if row.start is not None:  # open end: from its start on
        return BAR_LIGHT if row.start <= last else None
    assert row.end is not None  # a deadline: the month it falls in
    return DIAMOND if first <= row.end <= last else None


def _legend_xml(labels: Labels) -> str:
    """The timeline's legend, as under the PDF chart: a bar, a light bar, a diamond."""

    def swatch(fill: str) -> str:
        return (f'<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:rPr>'
                '<w:t xml:space="preserve">      </w:t></w:r>')  # fmt: skip

    gap = '<w:r><w:t xml:space="preserve">      </w:t></w:r>'
    return (
        f"{swatch(BAR)}{_runs([Span(' ' + labels.timeline_period)])}{gap}"
        f"{swatch(BAR_LIGHT)}{_runs([Span(' ' + labels.timeline_open)])}{gap}"
        f'<w:r><w:rPr><w:color w:val="{BAR}"/></w:rPr>{_t(DIAMOND)}</w:r>'
        f"{_runs([Span(' ' + labels.timeline_date)])}"
    )
