"""One look for the Word and the PDF exporters: page, font, sizes, spacing, colours.

Both renderers read their measures from here, so a document breaks its lines
and pages alike in the reportlab PDF, the Word file and the PDF/A LibreOffice
makes from it (a test holds every example's page counts within one of each
other). Sizes are in points; :func:`twips` and :func:`half_points` give Word's
units.

The font: the Word files name Arial, the PDF embeds Liberation Sans. The two
are metric-compatible (every character has the same advance width), Word on
Windows and macOS has Arial, and LibreOffice replaces Arial by Liberation Sans
(its fonts-liberation2 package), so the three lay a line out the same way.
Naming "Liberation Sans" in the Word file would make Word, which rarely has
it, pick a substitute of its own choosing.

Line spacing: Word's "auto" spacing multiplies the font's own line height,
1.149 em for Arial and Liberation Sans (ascent 0.905 + descent 0.212 + gap
0.033); reportlab takes the leading in points. ``leading(size, factor)`` is
the leading of Word's ``w:line = 240 × factor``.

Pure Python, no dependencies: the Word exporter does not load reportlab.
"""

from __future__ import annotations

__all__ = [
    "BODY",
    "CELL_PAD_X",
    "CELL_PAD_Y",
    "FONT",
    "MARGIN_B",
    "MARGIN_L",
    "MARGIN_R",
    "MARGIN_T",
    "MIN_SIZE",
    "PAGE_H",
    "PAGE_W",
    "half_points",
    "leading",
    "twips",
]

#: The font family the Word files name (Liberation Sans is embedded in the PDF).
FONT = "Arial"
#: The font's line height in em (hhea ascent + descent + line gap of Arial/Liberation Sans).
LINE_HEIGHT = 1.149

MM = 72 / 25.4
PAGE_W = 595.2756  # A4
PAGE_H = 841.8898
MARGIN_L = MARGIN_R = 22 * MM
MARGIN_T = 24 * MM
MARGIN_B = 22 * MM
#: Distance of the running header's top from the page's top edge, of the footer's
#: bottom from the bottom edge.
HEADER_FROM_TOP = 12 * MM
FOOTER_FROM_BOTTOM = 12 * MM

#: Line spacing factors (Word's w:line / 240): running text, and text in tables.
TEXT_LINE = 1.15
TABLE_LINE = 1.05

#: The smallest text of any document (timeline labels, month letters, footers).
MIN_SIZE = 7.5

# -- sizes (pt)
BODY = 10.0
LEAD = 10.5
NOTE = 9.0
LETTERHEAD = 10.0
DOC_TYPE = 14.0
TITLE = 18.0
SUBTITLE = 12.0
H1 = 14.0
H2 = 12.0
H3 = 10.5
ATTACHMENT_LABEL = 9.0
TABLE = 9.0
TABLE_DETAIL = 8.5
TABLE_NOTE = 8.5
FIELD_LABEL = 9.0
PLAIN_LABEL = 8.0
HEADER_FOOTER = 8.0
TIMELINE = 8.0  # a measure's label on the timeline
TIMELINE_SMALL = MIN_SIZE  # month letters, the timeframe beside a bar, the legend

# -- spacing (pt): (before, after)
BODY_SPACE = (0.0, 6.0)
TITLE_SPACE = (6.0, 6.0)
SUBTITLE_SPACE = (0.0, 2.0)
H1_SPACE = (18.0, 6.0)
H2_SPACE = (12.0, 4.0)
H3_SPACE = (10.0, 3.0)
LIST_SPACE = (0.0, 3.0)
CELL_SPACE = (1.0, 2.0)

#: Table cell padding (pt): left and right, top and bottom (Word's tblCellMar).
CELL_PAD_X = 4.25
CELL_PAD_Y = 1.4

# -- colours (hex RGB)
DARK = "1F3864"
MUTED = "595959"
RULE = "8EA0B8"
HEADER_FILL = "DCE3EE"
PHASE_FILL = "EEF2F7"
GROUP_FILL = "F6F8FB"


def leading(size: float, factor: float = TEXT_LINE) -> float:
    """The distance between baselines Word gives ``size`` at line spacing ``factor``."""
    return round(size * LINE_HEIGHT * factor, 2)


def twips(points: float) -> int:
    """Points in Word's twentieths of a point."""
    return round(points * 20)


def half_points(points: float) -> int:
    """A font size in Word's half points."""
    return round(points * 2)
