"""Tables (a plan's measures, a meeting's cases) and key-value fields as Word tables."""

from __future__ import annotations

from collections.abc import Iterable

from .. import _look as K
from .._widths import column_widths, text_width
from ..content import Cell, GroupRow, KeyValues, Span, Table
from ._writer import _Writer
from ._xml import DARK, GROUP_FILL, HEADER_FILL, PHASE_FILL, RULE, TEXT_W, _runs

_TR_KEEP = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_CELL_MAR = K.twips(K.CELL_PAD_X)  # a table cell's left and right margin (twips), as the PDF's
_CELL_MAR_Y = K.twips(K.CELL_PAD_Y)
_MAX_KEPT_LINES = 12  # rows up to about this many lines are kept on one page


def _short(cells: Iterable[Cell], widths: list[int]) -> bool:
    """True when every cell of a row surely fits in a few lines (a cheap estimate)."""
    for cell, width in zip(cells, widths, strict=False):
        per_line = max(8, width // 100)  # ~100 twips per character at 9.5 pt
        lines = 0
        for p in cell.paras:
            for s in p.spans:
                for piece in s.text.split("\n"):
                    lines += 1 + len(piece) // per_line
            if lines > _MAX_KEPT_LINES:
                return False
    return True



class _Tables(_Writer):
    """The tables of the body."""

    # -- tables
    def _open_table(self, widths: list[int], borders: str, style: str = "TableGrid") -> None:
        if self.break_next:
            self.p(None, "")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" '
            'w:type="dxa"/>'
            f"{borders}"
            '<w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="{_CELL_MAR_Y}" w:type="dxa"/>'
            f'<w:left w:w="{_CELL_MAR}" w:type="dxa"/><w:bottom w:w="{_CELL_MAR_Y}" w:type="dxa"/>'
            f'<w:right w:w="{_CELL_MAR}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )

    def _close_table(self) -> None:
        self.out.append("</w:tbl>")
        # a spacer keeps tables apart (adjacent tables merge in Word) and gives air below;
        # it also keeps the body from ending in a table
        self.out.append('<w:p><w:pPr><w:pStyle w:val="KhsSpacer"/></w:pPr></w:p>')

    def _table_widths(self, t: Table) -> list[int]:
        """Column widths (twips) from what the cells hold, as the PDF's (_widths); the tables
        of one group (a plan's measure tables) share theirs, measured over all their rows."""
        key = (t.group, t.columns) if t.group else None
        if key is not None and key in self._group_widths:
            return list(self._group_widths[key])
        rows = self.groups.get(t.group, t.rows) if t.group else t.rows
        points = column_widths(t.columns, rows, TEXT_W / 20, text_width, pad=2 * _CELL_MAR / 20)
        widths = [round(w * 20) for w in points]
        widths[-1] += TEXT_W - sum(widths)
        if key is not None:
            self._group_widths[key] = widths
        return list(widths)

    def table(self, t: Table) -> None:
        widths = self._table_widths(t)
        ncols = len(widths)
        if t.style == "grid":
            borders = (
                f'<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:left w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:right w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
                f'<w:insideV w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/></w:tblBorders>'
            )
            head_fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
        else:
            borders = (
                '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
                f'<w:bottom w:val="single" w:sz="12" w:space="0" w:color="{DARK}"/>'
                '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
                "</w:tblBorders>"
            )
            head_fill = ""
        self._open_table(widths, borders)
        tcpr = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths]
        head_tcpr = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{head_fill}</w:tcPr>' for w in widths]
        out = self.out
        # header row, repeated on every page
        head_style = "KhsPlainLabel" if t.style == "plain" else "KhsTableHeading"
        cells = "".join(
            f'<w:tc>{head_tcpr[i]}<w:p><w:pPr><w:pStyle w:val="{head_style}"/></w:pPr>'
            f"{_runs([Span(c.label)])}</w:p></w:tc>"
            for i, c in enumerate(t.columns)
        )
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
        span_pr = (
            f'<w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="{ncols}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{PHASE_FILL}"/></w:tcPr>'
        )
        group_pr = (
            f'<w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="{ncols}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{GROUP_FILL}"/></w:tcPr>'
        )
        styles = {"text": "KhsTableText", "detail": "KhsTableDetail", "note": "KhsTableNote"}
        for row in t.rows:
            if isinstance(row, GroupRow):
                phase = row.kind == "phase"
                pr = span_pr if phase else group_pr
                text = _runs([Span(row.text, bold=True, italic=not phase)])  # as in the PDF
                out.append(
                    f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>{pr}<w:p><w:pPr><w:pStyle w:val="KhsTableHeading"/>'
                    f"<w:keepNext/></w:pPr>{text}</w:p></w:tc></w:tr>"
                )
                continue
            # short rows stay on one page; a row taller than a page must be allowed to split
            # (Word clips an unsplittable row that does not fit)
            parts = [_TR_KEEP if _short(row.cells, widths) else "<w:tr>"]
            for i, cell in enumerate(row.cells):
                parts.append(f"<w:tc>{tcpr[i]}{self._cell(cell, styles)}</w:tc>")
            parts.append("</w:tr>")
            out.append("".join(parts))
        self._close_table()

    @staticmethod
    def _cell(cell: Cell, styles: dict[str, str]) -> str:
        if not cell.paras:
            return '<w:p><w:pPr><w:pStyle w:val="KhsTableText"/></w:pPr></w:p>'
        return "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{styles[p.style]}"/></w:pPr>{_runs(p.spans)}</w:p>'
            for p in cell.paras
        )

    def key_values(self, kv: KeyValues) -> None:
        cols = max(1, kv.columns)
        # each label column as wide as its longest label, within reason (as in the PDF)
        widths = []
        for c in range(cols):
            labels = [f"{f.label}:" for f in kv.fields[c::cols] if f.label]
            widest = max((text_width(x, True, K.FIELD_LABEL) for x in labels), default=0.0)
            label_w = min(max(widest + 2 * _CELL_MAR / 20 + 2, 50.0), TEXT_W / 20 / cols * 0.45)
            widths += [round(label_w * 20), TEXT_W // cols - round(label_w * 20)]
        widths[-1] += TEXT_W - sum(widths)
        borders = (
            '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
            '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        )
        self._open_table(widths, borders)
        fields = list(kv.fields)
        for start in range(0, len(fields), cols):
            row = fields[start : start + cols]
            row += [row[0].__class__("", ())] * (cols - len(row))
            parts = ["<w:tr>"]
            for i, fld in enumerate(row):
                label = f"{fld.label}:" if fld.label else ""
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{widths[2 * i]}" w:type="dxa"/></w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="KhsFieldLabel"/></w:pPr>{_runs([Span(label)])}'
                    "</w:p></w:tc>"
                )
                lines = fld.lines or ("",)
                paras = "".join(
                    f'<w:p><w:pPr><w:pStyle w:val="KhsTableText"/></w:pPr>{_runs([Span(x)])}</w:p>'
                    for x in lines
                )
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{widths[2 * i + 1]}" w:type="dxa"/></w:tcPr>'
                    f"{paras}</w:tc>"
                )
            parts.append("</w:tr>")
            self.out.append("".join(parts))
        self._close_table()
