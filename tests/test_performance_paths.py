"""The fast paths of issue 7 give exactly what the plain paths give.

Each speed-up keeps a slower, obviously right way beside it, and these tests
compare the two: the lazy package against its names, the JSON writer against
``json.dumps``, the fast loading converter against the detailed one, the Word
body written as text against lxml's serialization of it, and the PDF with its
caches and shortcuts against the PDF without them.
"""

from __future__ import annotations

import enum
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import khsmodel
from khsmodel import ActionPlan, InvalidDocumentError, exporters, load, loads
from khsmodel import strategies as ks
from khsmodel.serialization import _indented, dumps, from_data, to_data

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "documents").glob("*.json"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _plans import make_plan  # noqa: E402


# ---------------------------------------------------------------- import
def test_import_loads_no_model_and_no_library() -> None:
    code = (
        "import sys, khsmodel\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('khsmodel', 'khsmodel_exporters', 'attr', 'attrs', 'cattrs', 'docx', 'reportlab', "
        "'lxml'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["khsmodel,khsmodel._version"]


def test_first_use_of_a_model_name_loads_no_cattrs() -> None:
    code = "import sys\nfrom khsmodel import ActionPlan\nprint('cattrs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_public_name_resolves_to_its_module() -> None:
    for name in khsmodel.__all__:
        value = getattr(khsmodel, name)
        assert value is not None, name
    assert khsmodel.ActionPlan is ActionPlan
    assert khsmodel.exporters is exporters
    assert set(khsmodel.__all__) <= set(dir(khsmodel))
    # and nothing else that is not a dunder: no imports or loader tables
    assert {n for n in dir(khsmodel) if not n.startswith("__")} == set(khsmodel.__all__) - {
        "__version__"
    }
    with pytest.raises(AttributeError, match="no attribute 'Nonexistent'"):
        khsmodel.Nonexistent  # noqa: B018


# ---------------------------------------------------------------- JSON
class _Colour(enum.StrEnum):
    RED = "rød"


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.sampled_from(list(_Colour)),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_json_values)
def test_indented_writer_is_json_dumps(value: Any) -> None:
    assert _indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_unusual_values_are_left_to_json() -> None:
    from khsmodel.serialization import _Unusual

    for value in ({"x": 1.5}, {1: "a"}, [float("nan")], {"x": object()}):
        with pytest.raises(_Unusual):
            _indented(value)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_dumps_of_the_examples_is_json_dumps(path: Path) -> None:
    doc = load(path)
    assert dumps(doc) == json.dumps(to_data(doc), ensure_ascii=False, indent=2) + "\n"
    assert path.read_text("utf-8") == dumps(doc)


def test_fast_loading_path_reports_every_error_as_the_detailed_one() -> None:
    from khsmodel.serialization import _converter, _iter_errors

    data = json.loads(dumps(make_plan(120)))
    data["focus_areas"][1]["measures"][2]["number"] = "3"
    data["focus_areas"][3]["measures"][0]["timeframe"] = {"text": 5}
    data["focus_areas"][0]["title"] = None
    data["partnership"]["parties"][0]["extra"] = 1
    with pytest.raises(InvalidDocumentError) as info:
        from_data(data)
    body = {k: v for k, v in data.items() if k not in ("format", "format_version", "kind")}
    with pytest.raises(Exception) as detailed:
        _converter(True).structure(body, ActionPlan)
    assert list(info.value.errors) == list(_iter_errors(detailed.value, "$"))
    assert [e.path for e in info.value.errors] == [
        "$.partnership.parties[0].extra",
        "$.focus_areas[0].title",
        "$.focus_areas[1].measures[2].number",
        "$.focus_areas[3].measures[0].timeframe.text",
    ]


def test_fast_loading_path_builds_the_same_plan() -> None:
    plan = make_plan(300)
    assert loads(dumps(plan)) == plan


def test_loading_pauses_the_garbage_collector_and_restores_it() -> None:
    import gc

    seen: list[bool] = []
    text = dumps(make_plan(20))
    real = json.loads

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    assert gc.isenabled()
    try:
        json.loads = spy
        loads(text)
    finally:
        json.loads = real
    assert seen == [False] and gc.isenabled()
    with pytest.raises(InvalidDocumentError):
        loads(text.replace('"number": 1', '"number": "1"', 1))
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        loads(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_loads_resume_the_collector_when_the_last_one_ends() -> None:
    import gc
    import threading

    from khsmodel.serialization import _gc_paused

    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with _gc_paused():
            first_in.set()
            second_done.wait(5)
            seen.append(gc.isenabled())  # the other load ended: still paused for this one

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with _gc_paused():
        assert not gc.isenabled()
    second_done.set()
    thread.join(5)
    assert seen == [False] and gc.isenabled()


#: Fields named like the builtins the generated loader uses (made with real types:
#: string annotations would resolve "tuple" to the class's own slot).
_Shadowing = attrs.make_class(
    "_Shadowing",
    {
        "type": attrs.field(type=str),
        "list": attrs.field(type=tuple[str, ...], default=()),
        "dict": attrs.field(type=int | None, default=None),
        "tuple": attrs.field(type=bool, default=False),
    },
    frozen=True,
    kw_only=True,
)


def test_fast_structure_of_fields_named_like_builtins() -> None:
    from khsmodel._fastload import _Reject, fast_structure
    from khsmodel.serialization import _converter

    data = {"type": "møte", "list": ["a", "b"], "dict": 3, "tuple": True}
    built = fast_structure(data, _Shadowing)
    assert built == _converter(True).structure(data, _Shadowing)
    assert built == _Shadowing(type="møte", list=("a", "b"), dict=3, tuple=True)
    with pytest.raises(_Reject):
        fast_structure({**data, "list": "a"}, _Shadowing)


def test_a_class_the_generator_cannot_write_goes_to_the_detailed_converter() -> None:
    from khsmodel._fastload import _COMPILER, _Reject, fast_structure
    from khsmodel.serialization import structure

    Listed = attrs.make_class(
        "Listed", {"x": attrs.field(type=list[int], factory=list)}, frozen=True
    )
    with pytest.raises(_Reject):
        fast_structure({"x": [1]}, Listed)
    assert _COMPILER[0]._done[(Listed, False)].__name__ == "_reject_always"  # decided once
    assert structure({"x": [1]}, Listed) == Listed(x=[1])


def test_loaded_documents_hold_each_distinct_text_once() -> None:
    """The loader shares equal strings of a document: one object (memory, cached hashes)."""
    plan = loads(dumps(make_plan(300)))
    texts = [m.timeframe.text for _, m in plan.iter_measures() if m.timeframe is not None]
    texts += [m.responsibility.text for _, m in plan.iter_measures() if m.responsibility]
    assert len(texts) > len(set(texts)) > 1
    first: dict[str, str] = {}
    assert all(first.setdefault(t, t) is t for t in texts)


def _slots(data: Any, tokens: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in JSON data that holds a value (object members and array items)."""
    out = [tokens] if tokens else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _slots(value, (*tokens, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _slots(value, (*tokens, i))
    return out


def _paths_through(data: Any, tokens: tuple[str | int, ...]) -> Any:
    for t in tokens[:-1]:
        data = data[t]
    return data


#: Values of every JSON type and of the shapes the model uses, including near misses.
ODD_VALUES = (
    None, True, False, 0, 1, -1, 1.5, "", " ", "x", "2016-02-30", "2016-2-3", "2021-03-04",
    "done", "DONE", "kommune", "month", [], ["x"], [1], {}, {"kind": "year"},
    {"kind": "year", "year": 2021}, {"kind": "date", "date": "2021-03-04"},
    {"text": "x"}, {"text": "x", "ukjent": 1},
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(doc=ks.documents(), data=st.data())
def test_fast_structure_accepts_exactly_what_the_detailed_converter_accepts(
    doc: Any, data: st.DataObject
) -> None:
    """The generated loader (_fastload) against cattrs' detailed converter, value by value.

    On the document as dumped both build it; after one value is replaced (by a
    value of another type, a near miss, an unknown key, a removed key) either
    both refuse or both build equal objects.
    """
    from khsmodel._fastload import fast_structure
    from khsmodel.serialization import _converter, unstructure

    cls = type(doc)
    plain = json.loads(json.dumps(unstructure(doc)))  # JSON data: enum members become strings
    assert fast_structure(plain, cls) == _converter(True).structure(plain, cls) == doc
    slots = _slots(plain)
    if not slots:
        return
    mutated = json.loads(json.dumps(plain))
    where = data.draw(st.sampled_from(slots), label="where")
    parent = _paths_through(mutated, where)
    how = data.draw(st.sampled_from(["replace", "remove", "add_key"]), label="how")
    if how == "replace":
        parent[where[-1]] = data.draw(st.sampled_from(ODD_VALUES), label="value")
    elif how == "remove":
        del parent[where[-1]]
    elif isinstance(parent[where[-1]], dict):
        parent[where[-1]]["ukjent"] = "verdi"
    try:
        fast = fast_structure(mutated, cls)
    except Exception:
        fast = "refused"
    try:
        detailed = _converter(True).structure(mutated, cls)
    except Exception:
        detailed = "refused"
    assert fast == detailed


# ---------------------------------------------------------------- Word
def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def _as_lxml_writes_it(xml: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    return bytes(etree.tostring(etree.fromstring(xml, parser), encoding="UTF-8", standalone=True))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_word_body_is_well_formed_and_canonical(path: Path) -> None:
    xml = _document_xml(exporters.export(load(path), "docx"))
    assert _as_lxml_writes_it(xml) == xml


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(ks.documents())
def test_word_body_of_any_document_is_canonical(doc: Any) -> None:
    xml = _document_xml(exporters.export(doc, "docx"))
    assert _as_lxml_writes_it(xml) == xml


# ---------------------------------------------------------------- PDF
def _reference_fit_text(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    space = text.rfind(" ", 0, lo + 1)  # at the end of a word ending in the last third
    if space > 0 and space >= lo * 2 // 3:
        lo = space
    return text[:lo].rstrip() + "…"


@given(
    st.text(alphabet="abcæøå ÆØÅ áčđŋšŧžï WMil.,–0123456789", max_size=120),
    st.sampled_from([6.5, 7.0, 7.5]),
    st.floats(min_value=0, max_value=400),
)
def test_fit_text_is_the_binary_search(text: str, size: float, width: float) -> None:
    from khsmodel_exporters.pdf._canvas import fit_text
    from khsmodel_exporters.pdf._fonts import BOLD, REGULAR, register

    register()
    for font in (REGULAR, BOLD):
        assert fit_text(text, font, size, width) == _reference_fit_text(text, font, size, width)


_SPANS = [
    ("Etablere felles rutiner i Fuossko og Hábmer", False, False),
    ("1.2 ", True, False),
    ("8. mars 2025: Arbeidsgruppe er etablert (startet)", False, True),
    ("fet og kursiv", True, True),
    ("", True, False),
    ("", False, False),
    ("to  mellomrom", False, False),
    (" ledende", False, False),
    ("a\u00a0b", False, False),
    ("A & B <c>", False, False),
    ("linje\nny", False, False),
    ("ŋ đ ŧ č", False, False),
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_SPANS), max_size=5))
def test_paragraph_fragments_are_the_parsers(spans: list[tuple[str, bool, bool]]) -> None:
    from reportlab.platypus import Paragraph

    from khsmodel.labels import NB
    from khsmodel_exporters import content as C
    from khsmodel_exporters.pdf._fonts import register
    from khsmodel_exporters.pdf._render import _Renderer, markup

    register()
    r = _Renderer(NB, timeline=False)
    runs = [C.Span(t, b, i) for t, b, i in spans]
    for style in (r.s.cell, r.s.cell_note, r.s.body):
        frags = r.frags(runs, style)
        if frags is None:
            continue  # left to the parser
        parsed = Paragraph(markup(runs), style).frags
        assert [f.__dict__ for f in frags] == [f.__dict__ for f in parsed]


def test_pdf_is_the_same_without_the_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as RLTable

    import khsmodel_exporters.pdf._canvas as canvas_module
    import khsmodel_exporters.pdf._render as render
    import khsmodel_exporters.pdf._timeline as timeline

    plan = make_plan(120)
    # rows taller than a page, split inside the row
    fa = plan.focus_areas[1]
    long = attrs.evolve(fa.measures[0], details=tuple(f"Linje {i} i Fuossko" for i in range(90)))
    plan = attrs.evolve(plan, focus_areas=(plan.focus_areas[0],
        attrs.evolve(fa, measures=(long, *fa.measures[1:])), *plan.focus_areas[2:]))  # fmt: skip
    fast = exporters.export(plan, "pdf")
    monkeypatch.setattr(render._Renderer, "frags", lambda self, spans, style: None)
    monkeypatch.setattr(render._Para, "wrap", Paragraph.wrap)
    monkeypatch.setattr(render._Table, "_calc", RLTable._calc)
    monkeypatch.setattr(canvas_module, "fit_text", _reference_fit_text)
    monkeypatch.setattr(timeline, "fit_text", _reference_fit_text)
    monkeypatch.setattr(render._DocTemplate, "filterFlowables", _make_all_now)
    slow = exporters.export(plan, "pdf")
    assert fast == slow


def _make_all_now(self: Any, flowables: list[Any]) -> None:
    """The stand-ins all made at once, when the first is reached (as if made up front)."""
    from khsmodel_exporters.pdf._render import _Later

    for i, f in enumerate(flowables):
        if isinstance(f, _Later):
            flowables[i] = f.made()


def test_a_stand_in_laid_out_by_reportlab_itself_makes_its_flowable() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

    from khsmodel_exporters.pdf._fonts import REGULAR, register
    from khsmodel_exporters.pdf._render import _Later

    register()
    style = ParagraphStyle("x", fontName=REGULAR)
    made: list[int] = []

    def make() -> Paragraph:
        made.append(1)
        return Paragraph("Tiltak i Hábmer", style)

    buf = io.BytesIO()
    story = [KeepTogether([Paragraph("Overskrift", style), _Later(make)])]
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    assert made == [1]
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()
    assert "Overskrift" in text and "Tiltak i Hábmer" in text


def test_the_string_memo_is_dropped_after_each_load() -> None:
    """Nothing of a loaded document is kept by the loader once it returns."""
    from khsmodel._fastload import _COMPILER, _no_memo

    loads(dumps(make_plan(20)))
    assert _COMPILER[0].ns["_same"] is _no_memo
    with pytest.raises(InvalidDocumentError):
        loads(dumps(make_plan(20)).replace('"number": 1', '"number": "1"', 1))
    assert _COMPILER[0].ns["_same"] is _no_memo
