"""The peers khsmodel is measured against: what a user would write without it.

- :func:`plain_cattrs` — cattrs' default ``Converter`` on the same attrs classes,
  configured only as far as needed to read and write the same JSON file (dates,
  the two number types as strings, tagged unions by ``kind``, one renamed
  field, defaults left out). None of khsmodel's strict hooks or error paths.
- :func:`pydantic_models` / :func:`msgspec_models` — models of the same shape,
  generated from the attrs classes (same field names, types, defaults, enums,
  tagged unions on ``kind``), loading the same JSON text directly.
- :func:`docx_by_hand` — the plainest python-docx code making the same tables:
  ``add_table``, ``add_row().cells``, ``cell.text``, ``add_paragraph``.
- :func:`docx_by_template` — docxtpl (Jinja2 in a Word template), if installed.
- :func:`pdf_by_hand` — reportlab platypus: a ``Table`` of ``Paragraph`` cells per
  focus area in ``SimpleDocTemplate``, with the same Liberation Sans TTF font.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import json
import sys
import types
import typing
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

import attrs

from khsmodel import (
    ActionPlan,
    KommuneNumber,
    Measure,
    OrganisationNumber,
    PartialDate,
    Partnership,
)
from khsmodel._base import json_name
from khsmodel.labels import NB

__all__ = [
    "docx_by_hand",
    "docx_by_template",
    "measure_cells",
    "msgspec_models",
    "pdf_by_hand",
    "plain_cattrs",
    "pydantic_models",
]

_AS_STRING = (OrganisationNumber, KommuneNumber)


# ---------------------------------------------------------------- JSON peers
def _classes(root: type) -> list[type]:
    """Every attrs class reachable from ``root``, dependencies first."""
    out: list[type] = []
    seen: set[type] = set()

    def walk(tp: Any) -> None:
        for arg in typing.get_args(tp):
            walk(arg)
        if attrs.has(tp) and tp not in seen and tp not in _AS_STRING and tp is not PartialDate:
            seen.add(tp)
            hints = typing.get_type_hints(tp)
            for f in attrs.fields(tp):
                walk(hints[f.name])
            out.append(tp)

    walk(root)
    return out


def _is_tagged(tp: Any) -> bool:
    return attrs.has(tp) and hasattr(tp, "KIND")


def _union_members(tp: Any) -> tuple[list[Any], bool]:
    args = list(typing.get_args(tp))
    optional = type(None) in args
    return [a for a in args if a is not type(None)], optional


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def plain_cattrs() -> tuple[Callable[[str], ActionPlan], Callable[[ActionPlan], str]]:
    """(loads, dumps) with cattrs' default converter, minimally configured for the same file."""
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
    from cattrs.strategies import configure_tagged_union

    from khsmodel._base import Block
    from khsmodel.timeframes import Interpretation

    c = cattrs.Converter(omit_if_default=True)
    c.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    c.register_unstructure_hook(dt.date, dt.date.isoformat)

    # a date, or one known only to the year or month ("2009"): told apart by length
    def day(v: Any, _: Any) -> Any:
        if v is None:
            return None
        return dt.date.fromisoformat(v) if len(v) == 10 else PartialDate.fromisoformat(v)

    c.register_structure_hook_func(
        lambda t: _is_union(t) and set(_union_members(t)[0]) == {dt.date, PartialDate}, day
    )
    c.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    for cls in _AS_STRING:
        c.register_structure_hook(cls, lambda v, t: t(v))
        c.register_unstructure_hook(cls, lambda v: v.value)
    for union in (Block, Interpretation):
        configure_tagged_union(union, c, tag_generator=_kind_of, tag_name="kind")
    # an optional tagged union (``timeframe.interpretation``) goes through the union's hooks
    optional: Any = Interpretation | None
    interpretation: Any = Interpretation
    c.register_structure_hook(
        optional, lambda v, _: None if v is None else c.structure(v, interpretation)
    )
    c.register_unstructure_hook(
        optional, lambda v: None if v is None else c.unstructure(v, Interpretation)
    )
    rename: Any = {"kind": override(rename="partnership_kind")}
    c.register_structure_hook(Partnership, make_dict_structure_fn(Partnership, c, **rename))
    c.register_unstructure_hook(
        Partnership,
        make_dict_unstructure_fn(Partnership, c, _cattrs_omit_if_default=True, **rename),
    )

    def loads(text: str) -> ActionPlan:
        data = json.loads(text)
        for key in ("format", "format_version", "kind"):
            del data[key]
        plan: ActionPlan = c.structure(data, ActionPlan)
        return plan

    def dumps(plan: ActionPlan) -> str:
        data = {"format": "khsmodel", "format_version": 2, "kind": ActionPlan.KIND}
        data.update(c.unstructure(plan, ActionPlan))
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    return loads, dumps


def _kind_of(cls: Any) -> str:
    return str(cls.KIND)


def _type_source(tp: Any, names: dict[type, str], *, discriminator: str | None) -> str:
    """Source text of a field type for the generated models."""
    if tp in _AS_STRING or tp is str:
        return "str"
    if tp in (int, bool, float):
        return str(tp.__name__)
    if tp is dt.date:
        return "dt.date"
    if tp is dt.time:
        return "dt.time"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return f"E_{tp.__name__}"
    if attrs.has(tp):
        return names[tp]
    if typing.get_origin(tp) is tuple:
        elem = typing.get_args(tp)[0]
        return f"tuple[{_type_source(elem, names, discriminator=discriminator)}, ...]"
    if _is_union(tp) and set(_union_members(tp)[0]) == {dt.date, PartialDate}:
        # a date or a year/month: the peers keep the text (less work than ours)
        return "str | None" if _union_members(tp)[1] else "str"
    if _is_union(tp):
        members, optional = _union_members(tp)
        inner = " | ".join(_type_source(m, names, discriminator=discriminator) for m in members)
        if len(members) > 1 and all(_is_tagged(m) for m in members) and discriminator:
            inner = f"typing.Annotated[{inner}, {discriminator}]"
        return f"{inner} | None" if optional else inner
    raise TypeError(f"no peer type for {tp!r}")  # pragma: no cover


def _enums(classes: list[type]) -> dict[str, type]:
    found: dict[str, type] = {}

    def walk(tp: Any) -> None:
        for arg in typing.get_args(tp):
            walk(arg)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            found[f"E_{tp.__name__}"] = tp

    for cls in classes:
        for f in attrs.fields(cls):
            walk(typing.get_type_hints(cls)[f.name])
    return found


def _tagged_in_unions(classes: list[type]) -> set[type]:
    tagged: set[type] = set()

    def walk(tp: Any) -> None:
        if _is_union(tp):
            members, _ = _union_members(tp)
            if len(members) > 1 and all(_is_tagged(m) for m in members):
                tagged.update(members)
        for arg in typing.get_args(tp):
            walk(arg)

    for cls in classes:
        for f in attrs.fields(cls):
            walk(typing.get_type_hints(cls)[f.name])
    return tagged


def _default_source(f: attrs.Attribute) -> str | None:  # type: ignore[type-arg]
    if f.default is attrs.NOTHING:
        return None
    d = f.default
    if isinstance(d, enum.Enum):
        return f"E_{type(d).__name__}({d.value!r})"
    return repr(d)


def _module(name: str, lines: list[str], enums: dict[str, type]) -> dict[str, Any]:
    """Run generated model source as a real module (so forward references resolve)."""
    module = types.ModuleType(name)
    module.__dict__.update(enums)
    sys.modules[name] = module
    exec(compile("\n".join(lines), f"<{name}>", "exec"), module.__dict__)
    return module.__dict__


def pydantic_models(root: type = ActionPlan) -> Any:
    """A pydantic v2 model of the same shape as ``root`` (the root carries the envelope keys)."""
    classes = _classes(root)
    names = {c: f"P_{c.__name__}" for c in classes}
    tagged = _tagged_in_unions(classes)
    lines = [
        "from __future__ import annotations",
        "import datetime as dt, typing",
        "from pydantic import BaseModel, ConfigDict, Field",
        "_CONFIG = ConfigDict(extra='forbid', frozen=True, populate_by_name=True)",
    ]
    for cls in classes:
        lines.append(f"class {names[cls]}(BaseModel):")
        lines.append("    model_config = _CONFIG")
        if cls in tagged:
            lines.append(f"    kind: typing.Literal[{cls.KIND!r}] = {cls.KIND!r}")  # type: ignore[attr-defined]
        if cls is root:
            lines += [
                "    format: typing.Literal['khsmodel']",
                "    format_version: typing.Literal[2]",
                f"    kind: typing.Literal[{root.KIND!r}]",  # type: ignore[attr-defined]
            ]
        hints = typing.get_type_hints(cls)
        for f in attrs.fields(cls):
            tp = _type_source(hints[f.name], names, discriminator="Field(discriminator='kind')")
            default = _default_source(f)
            alias = json_name(f)
            if alias != f.name:
                extra = f", default={default}" if default is not None else ""
                lines.append(f"    {f.name}: {tp} = Field(alias={alias!r}{extra})")
            else:
                lines.append(f"    {f.name}: {tp}" + (f" = {default}" if default else ""))
    namespace = _module("khsmodel_bench_pydantic_peers", lines, _enums(classes))
    for cls in classes:
        namespace[names[cls]].model_rebuild(_types_namespace=namespace)
    model: Any = namespace[names[root]]
    return model


def msgspec_models(root: type = ActionPlan) -> Any:
    """A msgspec Struct of the same shape as ``root`` (the root carries the envelope keys)."""
    classes = _classes(root)
    names = {c: f"M_{c.__name__}" for c in classes}
    tagged = _tagged_in_unions(classes)
    lines = [
        "from __future__ import annotations",
        "import datetime as dt, typing",
        "import msgspec",
    ]
    opts = "forbid_unknown_fields=True, frozen=True, omit_defaults=True, kw_only=True"
    for cls in classes:
        tag = ""
        if cls in tagged or cls is root:
            tag = f", tag_field='kind', tag={cls.KIND!r}"  # type: ignore[attr-defined]
        lines.append(f"class {names[cls]}(msgspec.Struct, {opts}{tag}):")
        if cls is root:
            lines += ["    format: str", "    format_version: int"]
        hints = typing.get_type_hints(cls)
        for f in attrs.fields(cls):
            tp = _type_source(hints[f.name], names, discriminator=None)
            default = _default_source(f)
            alias = json_name(f)
            if alias != f.name:
                extra = f", default={default}" if default is not None else ""
                lines.append(f"    {f.name}: {tp} = msgspec.field(name={alias!r}{extra})")
            else:
                lines.append(f"    {f.name}: {tp}" + (f" = {default}" if default else ""))
    namespace = _module("khsmodel_bench_msgspec_peers", lines, _enums(classes))
    model: Any = namespace[names[root]]
    return model


# ---------------------------------------------------------------- table text
def measure_cells(m: Measure, columns: tuple[str, ...]) -> list[list[str]]:
    """The paragraphs of each cell of a measure's row, as the exporters print them."""
    first = f"{m.label} {m.text}" if m.label else m.text
    cell = [first, *m.details]
    for pe in m.progress:
        note = f"{NB.date(pe.date)}: {pe.text}"
        if pe.status is not None:
            note += f" ({NB.measure_status[pe.status].lower()})"
        cell.append(note)
    if m.carried_over_from is not None:
        ref = m.carried_over_from
        where = ", ".join(
            x
            for x in (
                ref.plan,
                f"{NB.focus_area.lower()} {ref.focus_area}" if ref.focus_area else None,
                f"{NB.measure.lower()} {ref.measure}" if ref.measure else None,
            )
            if x
        )
        cell.append(f"{NB.carried_over_from} {where}" + (f": {ref.text}" if ref.text else ""))
    cells = [cell]
    for c in columns:
        if c == "responsible":
            cells.append([m.responsibility.text] if m.responsibility else [""])
        elif c == "timeframe":
            cells.append([m.timeframe.text] if m.timeframe else [""])
        else:
            cells.append([NB.measure_status[m.status]] if m.status else [""])
    return cells


def _rows(plan: ActionPlan, fa_measures: tuple[Measure, ...]) -> list[list[list[str]] | str]:
    """Rows of one focus area's table: a str is a group row (phase, shared heading)."""
    columns = ("responsible", "timeframe", "status")
    rows: list[list[list[str]] | str] = []
    phase = heading = None
    for m in fa_measures:
        if m.phase is not None and m.phase != phase:
            rows.append(f"{m.phase.label}: {m.phase.title}" if m.phase.title else m.phase.label)
            heading = None
        phase = m.phase
        if m.heading is not None and m.heading != heading:
            rows.append(m.heading)
        heading = m.heading
        rows.append(measure_cells(m, columns))
    return rows


_HEAD = (NB.measure, NB.responsible, NB.timeframe, NB.status)


# ---------------------------------------------------------------- Word peers
def docx_by_hand(plan: ActionPlan) -> bytes:
    """The plainest python-docx code for the plan's tables: add_row and cell text."""
    import docx

    document = docx.Document()
    document.add_heading(plan.title, 0)
    for fa in plan.focus_areas:
        document.add_heading(f"{NB.focus_area} {fa.number}: {fa.title}", 1)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, _HEAD, strict=True):
            cell.text = label
        for row in _rows(plan, fa.measures):
            cells = table.add_row().cells
            if isinstance(row, str):
                cells[0].text = row
                continue
            for cell, paras in zip(cells, row, strict=True):
                cell.text = paras[0]
                for extra in paras[1:]:
                    cell.add_paragraph(extra)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


_TEMPLATE: bytes | None = None


def _docx_template() -> bytes:
    """A Word template for docxtpl: a heading and a table per focus area, Jinja loops."""
    global _TEMPLATE
    if _TEMPLATE is None:
        import docx

        document = docx.Document()
        document.add_heading("{{ title }}", 0)
        document.add_paragraph("{%p for fa in areas %}")
        document.add_heading("{{ fa.heading }}", 1)
        table = document.add_table(rows=4, cols=4)
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, _HEAD, strict=True):
            cell.text = label
        table.rows[1].cells[0].text = "{%tr for row in fa.rows %}"
        body = table.rows[2].cells
        for i, cell in enumerate(body):
            cell.text = "{%p for line in row.cells[" + str(i) + "] %}"
            cell.add_paragraph("{{ line }}")
            cell.add_paragraph("{%p endfor %}")
        table.rows[3].cells[0].text = "{%tr endfor %}"
        document.add_paragraph("{%p endfor %}")
        buf = io.BytesIO()
        document.save(buf)
        _TEMPLATE = buf.getvalue()
    return _TEMPLATE


def docx_by_template(plan: ActionPlan) -> bytes:
    """docxtpl: the same tables from a Jinja2 Word template (group rows in the first cell)."""
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    template = DocxTemplate(io.BytesIO(_docx_template()))
    areas = []
    for fa in plan.focus_areas:
        rows = []
        for row in _rows(plan, fa.measures):
            cells = [[row], [""], [""], [""]] if isinstance(row, str) else row
            rows.append({"cells": cells})
        areas.append({"heading": f"{NB.focus_area} {fa.number}: {fa.title}", "rows": rows})
    template.render({"title": plan.title, "areas": areas}, autoescape=True)
    buf = io.BytesIO()
    template.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- PDF peer
_FONTS_READY = False


def _register_fonts() -> str:
    """Register the same Liberation Sans files khsmodel ships, under the peer's own names."""
    global _FONTS_READY
    if not _FONTS_READY:
        from importlib import resources

        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = resources.files("khsmodel_exporters.pdf").joinpath("fonts")
        for name, filename in (
            ("Peer-Liberation", "LiberationSans-Regular.ttf"),
            ("Peer-Liberation-Bold", "LiberationSans-Bold.ttf"),
        ):
            pdfmetrics.registerFont(
                TTFont(name, io.BytesIO(folder.joinpath(filename).read_bytes()))
            )
        _FONTS_READY = True
    return "Peer-Liberation"


def pdf_by_hand(plan: ActionPlan) -> bytes:
    """reportlab platypus by hand: one Table of Paragraph cells per focus area, Liberation Sans."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = _register_fonts()
    # the sizes khsmodel uses (khsmodel_exporters/_look.py), so both fill as many pages
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=10.86)
    head = ParagraphStyle("head", fontName="Peer-Liberation-Bold", fontSize=9, leading=10.86)
    h1 = ParagraphStyle(
        "h1", fontName="Peer-Liberation-Bold", fontSize=14, leading=18.5, spaceBefore=18,
        spaceAfter=6,
    )
    title = ParagraphStyle("title", fontName="Peer-Liberation-Bold", fontSize=18, leading=20.7)
    width = A4[0] - 44 * mm
    col_widths = [width * w / 115 for w in (50, 28, 22, 15)]
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), font, 9),
        ]
    )
    story: list[Any] = [Paragraph(escape(plan.title), title)]
    for fa in plan.focus_areas:
        story.append(Paragraph(escape(f"{NB.focus_area} {fa.number}: {fa.title}"), h1))
        data: list[list[Any]] = [[Paragraph(label, head) for label in _HEAD]]
        for row in _rows(plan, fa.measures):
            if isinstance(row, str):
                data.append([Paragraph(escape(row), head), "", "", ""])
            else:
                data.append([[Paragraph(escape(p), cell) for p in paras] for paras in row])
        story.append(Table(data, colWidths=col_widths, repeatRows=1, style=style))
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=24 * mm,
        bottomMargin=22 * mm,
        title=plan.title,
        invariant=1,
    ).build(story)
    return buf.getvalue()


# ---------------------------------------------------------------- HTML peer
_HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="nb-NO">
<head><meta charset="utf-8"><title>{{ plan.title }}</title></head>
<body>
<main>
<h1>{{ plan.title }}</h1>
{% for fa in areas %}
<h2>{{ fa.heading }}</h2>
<table>
<caption>{{ fa.heading }}</caption>
<thead><tr>{% for h in head %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in fa.rows %}{% if row is string %}<tr><th scope="rowgroup" colspan="4">{{ row }}</th></tr>
{% else %}<tr>{% for cell in row %}<td>{% for p in cell %}<p>{{ p }}</p>{% endfor %}</td>{% endfor %}</tr>
{% endif %}{% endfor %}
</tbody>
</table>
{% endfor %}
</main>
</body>
</html>
"""
_JINJA: Any = None


def html_by_template(plan: ActionPlan) -> bytes:
    """The plainest hand-written Jinja2 page of the plan's tables (autoescaped)."""
    global _JINJA
    if _JINJA is None:
        import jinja2

        _JINJA = jinja2.Environment(autoescape=True).from_string(_HTML_TEMPLATE)
    areas = [
        {"heading": f"{NB.focus_area} {fa.number}: {fa.title}", "rows": _rows(plan, fa.measures)}
        for fa in plan.focus_areas
    ]
    return str(_JINJA.render(plan=plan, areas=areas, head=_HEAD)).encode("utf-8")
