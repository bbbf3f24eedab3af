"""Fuzzing the readers (issue 13): nothing but a ``KhsModelError`` gets out.

Inputs are the example files (``examples/documents/*.json``) mutated at
random — keys deleted, replaced, repeated or renamed, values of another type,
nesting past ``MAX_DEPTH``, integers too long to read, lone surrogates,
control characters, ``<``/``&``, Norwegian and Sámi letters, bytes that are
not UTF-8 — and the shapes of issue 13 made directly. For each input:

- ``loads`` accepts it or raises a ``KhsModelError`` (whose message can be
  printed as UTF-8); what an independent check calls unusable (a repeated key,
  a lone surrogate, nesting past the limit, a too-long integer, bytes that are
  not UTF-8) is refused;
- an accepted document round-trips, ``loads(dumps(x)) == x``, and ``validate``
  and every exporter of ``exporters.available()`` take it or raise a
  ``KhsModelError`` (an exporter's own crash, wrapped in an ``ExporterError``,
  counts as a failure). The ``pdfa`` exporter is left out: it runs
  LibreOffice, seconds per document;
- ``read_measures`` (``khsmodel import-csv``) applies a mutated table to an
  example plan or raises a ``KhsModelError``; a plan it makes round-trips.

Examples per test scale with the Hypothesis profile (tests/conftest.py): the
``ci`` profile runs 2 100 in all, the default profile an eighth of that. A
longer campaign: ``KHSMODEL_FUZZ_SCALE=10 HYPOTHESIS_PROFILE=ci pytest
tests/test_fuzz.py``.
"""

from __future__ import annotations

import codecs
import copy
import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import event as _event
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

import khsmodel
from khsmodel import KhsModelError, dumps, exporters, loads, validate
from khsmodel.csv import COLUMNS, read_measures, write_measures
from khsmodel.serialization import MAX_DEPTH

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "documents").glob("*.json"))
SEEDS = [json.loads(p.read_bytes()) for p in EXAMPLES]
PLANS = [khsmodel.load(p) for p in EXAMPLES if "handlingsplan" in p.name]

#: pdfa runs LibreOffice (seconds per document): too slow for a fuzz test; it renders
#: with the pdf exporter's content, which is fuzzed here.
SLOW = {"pdfa"}
HEAVY = ("docx", "pdf")  # one of these per example, in turn; the others every time

_SCALE = settings.default.max_examples / 200 * float(os.environ.get("KHSMODEL_FUZZ_SCALE", "1"))


def _examples(in_ci: int) -> settings:
    """``in_ci`` examples under the ci profile (200 per test elsewhere), fewer by default."""
    return settings(
        max_examples=max(10, round(in_ci * _SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------- a JSON tree to mutate
@dataclass
class Obj:
    """A JSON object as its members in order: a key may repeat."""

    pairs: list[list[Any]]


@dataclass(frozen=True)
class Raw:
    """JSON text written as is (a long integer, deep nesting, NaN)."""

    text: str


def _tree(data: Any) -> Any:
    if isinstance(data, dict):
        return Obj([[k, _tree(v)] for k, v in data.items()])
    if isinstance(data, list):
        return [_tree(v) for v in data]
    return data


def _emit(node: Any, ascii_only: bool) -> str:
    if isinstance(node, Raw):
        return node.text
    if isinstance(node, Obj):
        return "{" + ", ".join(
            json.dumps(k, ensure_ascii=ascii_only) + ": " + _emit(v, ascii_only)
            for k, v in node.pairs
        ) + "}"  # fmt: skip
    if isinstance(node, list):
        return "[" + ", ".join(_emit(v, ascii_only) for v in node) + "]"
    return json.dumps(node, ensure_ascii=ascii_only)


def _slots(node: Any) -> list[tuple[Any, int]]:
    """Every place that holds a value: (object or array, index of the member or item)."""
    out: list[tuple[Any, int]] = []
    todo = [node]
    while todo:
        n = todo.pop()
        items = [v for _, v in n.pairs] if isinstance(n, Obj) else n if isinstance(n, list) else []
        for i, v in enumerate(items):
            out.append((n, i))
            todo.append(v)
    return out


def _get(slot: tuple[Any, int]) -> Any:
    n, i = slot
    return n.pairs[i][1] if isinstance(n, Obj) else n[i]


def _set(slot: tuple[Any, int], value: Any) -> None:
    n, i = slot
    if isinstance(n, Obj):
        n.pairs[i][1] = value
    else:
        n[i] = value


def _delete(slot: tuple[Any, int]) -> None:
    n, i = slot
    del (n.pairs if isinstance(n, Obj) else n)[i]


# ---------------------------------------------------------------- hostile values
HOSTILE = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\t", "\n", "\r", "\r\n",
    "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u202e", "\u0301", "\u00ad",
    "\ud800", "\udbff", "\udc00", "\udfff", "\U0001f600", "\U00010000",
    "<", ">", "&", "&amp;", "]]>", "<![CDATA[", '"', "'", "\\", "/", "{", "[",
    "=", "+", "-", "@", "=SUM(A1)", " ", "  ", "\u00a0",
    "æ", "ø", "å", "Æ", "Ø", "Å", "á", "č", "đ", "ŋ", "š", "ŧ", "ž", "Ï", "Á", "Č", "Đ", "Ŋ",
    "١٢", "٢٠١٦-٠٥-٠٢", "2016-02-30", "2016-05-02\n", "sak 21/2015", "OSO sak 004-2021",
    "innen utgangen av 2016", "høsten 2016", "1. kvartal", "neste møte", "%s", "{0}", "$",
]  # fmt: skip

hostile_text = st.lists(
    st.sampled_from(HOSTILE) | st.text(max_size=4), min_size=0, max_size=6
).map("".join)
#: Without lone surrogates: text a document may hold (for the exporters' test).
storable_text = st.lists(
    st.sampled_from([h for h in HOSTILE if not "\ud800" <= h[0] <= "\udfff"])
    | st.text(max_size=4),
    min_size=0,
    max_size=6,
).map("".join)


def _long_int(digits: int, sign: str) -> Raw:
    return Raw(sign + "9" * digits)


def _deep(levels: int, objects: bool, centre: str) -> Raw:
    if objects:
        return Raw('{"a": ' * levels + centre + "}" * levels)
    return Raw("[" * levels + centre + "]" * levels)


deep_values = st.builds(
    _deep,
    st.sampled_from([MAX_DEPTH - 3, MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, 200, 1500, 20_000]),
    st.booleans(),
    st.sampled_from(["", "1", '"x"', "{}", "[]"]),
)
long_ints = st.builds(
    _long_int,
    st.sampled_from([4299, 4300, 4301, 5000, 50_000]),
    st.sampled_from(["", "-"]),
)

scalars = st.one_of(
    hostile_text,
    st.integers(-(10**6), 10**6),
    st.sampled_from([0, -1, 2**63, -(2**63) - 1, 10**40, None, True, False, 1.5, -0.0, 1e308]),
    st.sampled_from([Raw("NaN"), Raw("Infinity"), Raw("-Infinity"), Raw("1e400"), Raw("-0")]),
    st.sampled_from(["2016-02-08", "2016-2-8", "12:30", "24:00", "done", "ongoing", "year"]),
)


def values(seed: Any) -> st.SearchStrategy[Any]:
    """A value to put somewhere: hostile, of any type, or taken from elsewhere in the file."""
    # a copy: the value itself, put inside itself, would make the tree a cycle
    elsewhere = st.sampled_from([_get(s) for s in _slots(seed)] or [None]).map(copy.deepcopy)
    shapes = st.sampled_from(
        [[], Obj([]), ["x"], Obj([["kind", "year"], ["year", 2016]]), Obj([["text", "x"]])]
    )
    return st.one_of(scalars, deep_values, long_ints, shapes, elsewhere)


# ---------------------------------------------------------------- mutations
MUTATIONS = ("delete", "replace", "repeat", "rename", "retype", "edit", "copy")


def _mutate(tree: Any, data: st.DataObject) -> None:
    how = data.draw(st.sampled_from(MUTATIONS), label="how")
    slots = _slots(tree)
    if not slots:
        return
    slot = data.draw(st.sampled_from(slots), label="where")
    parent, i = slot
    old = _get(slot)
    if how == "delete":
        _delete(slot)
    elif how == "replace":
        _set(slot, data.draw(values(tree), label="value"))
    elif how == "repeat" and isinstance(parent, Obj):
        same = data.draw(st.booleans(), label="same value")
        again = copy.deepcopy(old) if same else data.draw(values(tree))
        parent.pairs.insert(data.draw(st.integers(0, len(parent.pairs))), [parent.pairs[i][0], again])
    elif how == "rename" and isinstance(parent, Obj):
        key = parent.pairs[i][0]
        parent.pairs[i][0] = data.draw(
            st.sampled_from([key.upper(), key + "\ud800", "kind", "partnership_kind", "", "ukjent"])
            | hostile_text.map(lambda t: key + t),
            label="key",
        )
    elif how == "retype":
        if isinstance(old, list):
            new: Any = old[0] if old else Obj([])
        elif isinstance(old, Obj):
            new = [v for _, v in old.pairs]
        elif isinstance(old, bool) or old is None:
            new = str(old).lower()
        elif isinstance(old, int):
            new = data.draw(st.sampled_from([str(old), float(old), [old]]))
        else:
            new = [old]
        _set(slot, new)
    elif how == "edit" and isinstance(old, str):
        at = data.draw(st.integers(0, len(old)), label="at")
        _set(slot, old[:at] + data.draw(hostile_text, label="inserted") + old[at:])
    elif how == "copy":
        _set(slot, copy.deepcopy(data.draw(st.sampled_from([_get(s) for s in slots]))))


ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8", "str", "bom", "utf-16", "utf-16-le",
             "utf-32", "latin-1", "cp1252")  # fmt: skip


def _encode(text: str, data: st.DataObject) -> str | bytes:
    how = data.draw(st.sampled_from(ENCODINGS), label="encoding")
    if how == "str":
        return text
    if how == "bom":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if how == "utf-8":
        raw = text.encode("utf-8", "surrogatepass")  # a raw surrogate: CESU bytes, not UTF-8
    else:
        raw = text.encode(how, "replace" if how in ("latin-1", "cp1252") else "surrogatepass")
    if raw and data.draw(st.integers(0, 9), label="byte edit") == 0:
        at = data.draw(st.integers(0, len(raw)), label="byte at")
        cut = data.draw(st.integers(0, 4), label="bytes cut")
        raw = raw[:at] + data.draw(st.binary(max_size=4), label="bytes") + raw[at + cut :]
    return raw


# ---------------------------------------------------------------- what must hold
def event(text: str) -> None:
    """Counted in ``--hypothesis-show-statistics`` (outside a Hypothesis test: nothing)."""
    if currently_in_test_context():
        _event(text)


def _unusable(source: str | bytes) -> str | None:
    """Why an independent reading says ``loads`` must refuse ``given`` (None: may accept)."""
    if isinstance(source, bytes):
        try:
            text = source.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        except UnicodeDecodeError:
            return "not UTF-8"
    else:
        text = source.removeprefix("\ufeff")
    repeated = []

    def pairs(p: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({k for k, _ in p}) != len(p):
            repeated.append(p)
        return dict(p)

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except RecursionError:
        return "too deep"
    except ValueError:
        return "not JSON or a too-long integer"
    if repeated:
        return "a repeated key"
    todo = [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if isinstance(value, str):
            if any("\ud800" <= c <= "\udfff" for c in value):
                return "a lone surrogate"
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return "too deep"
            for k in value if isinstance(value, dict) else ():
                if any("\ud800" <= c <= "\udfff" for c in k):
                    return "a lone surrogate in a key"
            todo += [(v, depth + 1) for v in (value.values() if isinstance(value, dict) else value)]
    return None


def _load(given: str | bytes) -> Any:
    """``loads(given)`` or None; anything but a ``KhsModelError`` fails the test."""
    must_refuse = _unusable(given)
    try:
        doc = loads(given)
    except KhsModelError as exc:
        str(exc).encode("utf-8")  # printable as the CLI prints it
        assert all(e.path.startswith("$") for e in getattr(exc, "errors", ()))
        event(f"refused: {must_refuse or type(exc).__name__}")
        return None
    assert must_refuse is None, f"accepted, though {must_refuse}"
    event("accepted")
    text = dumps(doc)
    assert loads(text) == doc
    assert loads(text.encode("utf-8")) == doc
    assert dumps(loads(text)) == text
    report = validate(doc)
    json.dumps(report.to_data(), ensure_ascii=False).encode("utf-8")
    return doc


def _export_all(doc: Any, heavy: str) -> None:
    """Every exporter but pdfa (and of docx and pdf only ``heavy``) on an accepted document."""
    for name in exporters.available():
        if name in SLOW or (name in HEAVY and name != heavy):
            continue
        if type(doc).KIND not in exporters.get(name).kinds:
            continue
        try:
            out = exporters.export(doc, name)
        except exporters.ExporterError as exc:
            assert exc.__cause__ is None, f"exporter {name} crashed: {exc}"
        except KhsModelError:
            pass
        else:
            assert isinstance(out, bytes) and out
            if name == "json":
                assert loads(out) == doc
    if isinstance(doc, khsmodel.ActionPlan):
        assert read_measures(write_measures(doc), doc) == doc


# ---------------------------------------------------------------- the tests
HEAD = '{"format": "khsmodel", "format_version": 1, "kind": "action_plan", "title": '


@_examples(700)
@given(
    inner=st.one_of(
        deep_values.map(lambda r: r.text),
        long_ints.map(lambda r: r.text),
        hostile_text.map(lambda t: json.dumps(t, ensure_ascii=False)),
        hostile_text.map(lambda t: json.dumps(t)),
        st.sampled_from(['"A", "title": "B"', '"A", "k\\ud800": 1', '"A", "": 1', '"A\\u0000"']),
    ),
    encoding=st.sampled_from(["utf-8", "str", "bom", "utf-16", "utf-16-be", "utf-32", "latin-1"]),
)
@example(inner="[" * 1000 + "]" * 1000, encoding="utf-8")
@example(inner="1" * 4301, encoding="str")
@example(inner='"a\\ud800"', encoding="utf-8")
@example(inner='"A", "title": "B"', encoding="utf-8")
@example(inner='"Å"', encoding="utf-16")
def test_fuzz_the_shapes_of_issue_13(inner: str, encoding: str) -> None:
    text = HEAD + inner + "}"
    if encoding == "str":
        given_: str | bytes = text
    elif encoding == "bom":
        given_ = codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    else:
        given_ = text.encode(encoding, "replace" if encoding == "latin-1" else "surrogatepass")
    note(repr(given_[:300]))
    doc = _load(given_)
    if doc is not None:  # latin-1 of ASCII text is UTF-8 too; UTF-16 and UTF-32 never are
        assert not encoding.startswith("utf-16") and encoding != "utf-32"


@_examples(800)
@given(seed=st.sampled_from(range(len(SEEDS))), n=st.integers(1, 3), data=st.data())
def test_fuzz_mutated_examples_load_or_are_refused(seed: int, n: int, data: st.DataObject) -> None:
    tree = _tree(SEEDS[seed])
    for _ in range(n):
        _mutate(tree, data)
    text = _emit(tree, data.draw(st.booleans(), label="ascii"))
    given_ = _encode(text, data)
    note(repr(given_[:500]))
    _load(given_)


@_examples(250)
@given(seed=st.sampled_from(range(len(SEEDS))), n=st.integers(1, 4), data=st.data())
def test_fuzz_accepted_documents_go_through_every_exporter(
    seed: int, n: int, data: st.DataObject
) -> None:
    """Text edits keep most documents loadable: validate and every exporter then run on them."""
    tree = _tree(SEEDS[seed])
    # free text (it has spaces), not a date, a number or a kind, where any text goes
    texts = [s for s in _slots(tree) if isinstance(_get(s), str) and " " in _get(s)]
    for _ in range(n):
        slot = data.draw(st.sampled_from(texts), label="where")
        old = _get(slot)
        at = data.draw(st.integers(0, len(old)), label="at")
        _set(slot, old[:at] + data.draw(storable_text, label="inserted") + old[at:])
    given_ = _emit(tree, ascii_only=False).encode("utf-8")
    note(repr(given_[:500]))
    doc = _load(given_)
    if doc is not None:
        _export_all(doc, data.draw(st.sampled_from(HEAVY), label="heavy"))


CSV_VALUES = st.one_of(
    hostile_text,
    st.sampled_from(["", "1", "2", "-1", "0", "1" * 4301, "-" + "9" * 5000, "١", "1.0", " 1",
                     "done", "Pågår", "DONE", "2016-05-02", "02.05.2016", "2016-02-30", "31.12.9999",
                     "'=1", "'", "''"]),
)  # fmt: skip


#: Values the changeable columns (timeframe, start, end, phase, status, progress) may take.
CHANGEABLE = {name for c in COLUMNS if c.changeable for name in (c.key, c.nb)}
CHANGES = st.sampled_from(["", "done", "ongoing", "planned", "started", "Pågår", "Fullført",
                           "2030-01-01", "01.01.2031", "2026-12-04", "innen utgangen av 2017",
                           "høsten 2016", "neste møte", "2017"]) | storable_text  # fmt: skip


@_examples(350)
@given(plan=st.sampled_from(range(len(PLANS))), n=st.integers(1, 3), data=st.data())
def test_fuzz_import_csv(plan: int, n: int, data: st.DataObject) -> None:
    base = PLANS[plan]
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]), label="delimiter")
    table = write_measures(
        base,
        delimiter=delimiter,
        bom=data.draw(st.booleans(), label="bom"),
        headers=data.draw(st.sampled_from(["en", "nb"]), label="headers"),
    )
    rows = list(csv.reader(io.StringIO(table.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    for _ in range(n):
        how = data.draw(st.sampled_from(["change", "change", "cell", "cell", "row", "column",
                                         "repeat"]))  # fmt: skip
        r = data.draw(st.integers(0, len(rows) - 1), label="row")
        changeable = [i for i, name in enumerate(rows[0]) if name in CHANGEABLE]
        if how == "change" and r > 0 and len(rows[r]) == len(rows[0]) and changeable:
            c = data.draw(st.sampled_from(changeable), label="changeable")
            rows[r][c] = data.draw(CHANGES | CSV_VALUES, label="value")
        elif how == "cell" and rows[r]:
            c = data.draw(st.integers(0, len(rows[r]) - 1), label="column")
            rows[r][c] = data.draw(CSV_VALUES, label="value")
        elif how == "row":
            del rows[r]
        elif how == "column" and rows[r]:
            c = data.draw(st.integers(0, len(rows[0]) - 1 if rows else 0), label="column")
            for row in rows:
                del row[c : c + 1]
        elif how == "repeat":
            rows.insert(r, list(rows[r]))
        if not rows:
            break
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = out.getvalue()
    encoded = _encode(text, data)
    given_: Any = io.StringIO(encoded, newline="") if isinstance(encoded, str) else encoded
    note(repr(encoded[:500]))
    try:
        new = read_measures(given_, base)
    except KhsModelError as exc:
        str(exc).encode("utf-8")
        event("csv refused")
        return
    event("csv applied")
    dumped = dumps(new)
    assert loads(dumped) == new
    validate(new)
    assert read_measures(write_measures(new), new) == new


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_unmutated_examples_pass_every_check(path: Path) -> None:
    """The fuzz tests' starting points are accepted: their checks are not vacuous."""
    doc = _load(path.read_bytes())
    assert doc is not None
    for heavy in HEAVY:
        _export_all(doc, heavy)
