"""Format-neutral content of a document: what a reader sees, decided once for every format.

Document exporters (Word, PDF, HTML, and a third party's) do not walk the model
themselves. They call :func:`build` and render the :class:`Content` it returns,
a flat sequence of typed blocks. Everything a reader sees — which headings
exist, their order and level, the Norwegian labels, dates as "8. februar 2016",
which table has which columns, where a phase row goes, the adoption line — is
decided here; a renderer only decides how a block looks (fonts, spacing,
borders) and how its format expresses it (Word fields, PDF outline).

>>> import khsmodel
>>> from khsmodel_exporters import content
>>> plan = khsmodel.ActionPlan(
...     title="Handlingsplan 2026",
...     focus_areas=(khsmodel.FocusArea(number=1, title="Barn og unge",
...                                     measures=(khsmodel.Measure(number=1, text="Fagdag"),)),),
... )
>>> result = content.build(plan)
>>> [b.text for b in result.blocks if isinstance(b, content.Heading | content.Title)]
['Handlingsplan 2026', 'Barn og unge']
>>> list(content.iter_text(result))[-1]
'Fagdag'

The blocks are described in :mod:`khsmodel_exporters.content.blocks`. The
package has a module per document kind, named as the model's:
:mod:`~khsmodel_exporters.content.plans`, ``cases``, ``meetings``,
``agreements``, ``partnerships``, ``status`` (a status report, with its
:class:`StatusChart`) and ``meetingplans`` (a meeting plan, with its
:class:`YearWheel` and :func:`wheel_layout`, the wheel's geometry for a
renderer that draws it); ``plandiff`` is a plan's appendix "Endringer fra
forrige plan" (``build(plan, previous=…)``).

A bold or italic :class:`Span` never begins or ends with whitespace: the space
after a measure's number is a plain span of its own (:func:`styled` makes such
spans from any text), and each renderer decides whether a separator shares its
neighbour's style. See docs/content.md.

Unwritable characters are rejected before building: :func:`build` raises
:class:`~khsmodel.KhsModelError` with the field path of the first character no
document format can hold (``\\x0b`` and friends), so a renderer never sees
one. ``Content`` also carries the document metadata every format needs:
title, subject, author, the running header text, the language tag, and a date
for the file's properties (None when the document has no date).
"""

from __future__ import annotations

from ._build import build
from ._text import styled, t
from .blocks import (
    Block,
    BulletList,
    Cell,
    CellPara,
    Column,
    Content,
    Field,
    GroupRow,
    Heading,
    Included,
    KeyValues,
    NumberedList,
    PageBreak,
    Para,
    Row,
    Span,
    Spans,
    Subtitle,
    Table,
    Timeline,
    Title,
    iter_text,
)
from .meetingplans import WheelLayout, YearWheel, wheel_layout
from .status import StatusChart

#: A user string as every renderer shows it: ``\\r\\n`` and ``\\r`` as ``\\n``, an
#: unterminated bidi embedding or override closed (for text a renderer takes from
#: ``Content.source`` itself; the blocks' text is made so already).
display_text = t

__all__ = [
    "Block",
    "BulletList",
    "Cell",
    "CellPara",
    "Column",
    "Content",
    "Field",
    "GroupRow",
    "Heading",
    "Included",
    "KeyValues",
    "NumberedList",
    "PageBreak",
    "Para",
    "Row",
    "Span",
    "Spans",
    "StatusChart",
    "Subtitle",
    "Table",
    "Timeline",
    "Title",
    "WheelLayout",
    "YearWheel",
    "build",
    "display_text",
    "iter_text",
    "styled",
    "wheel_layout",
]
