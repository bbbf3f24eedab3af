"""Inputs that used to escape loading (issue 13): each is refused with its path.

Nesting deeper than ``MAX_DEPTH``, integers too long for Python to read, lone
surrogates, a key twice in one object, bytes that are not UTF-8. Each through
the API and through the command line as a user types it (a subprocess:
a clean message, no traceback, and the other files still go).
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import khsmodel
from khsmodel import InvalidDocumentError, KhsModelError, dumps, loads
from khsmodel.errors import NotJsonError
from khsmodel.serialization import MAX_DEPTH, from_data, json_problems, parse_json

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "documents" / "002-khs-handlingsplan-2016-2017.json"

HEAD = '{"format": "khsmodel", "format_version": 1, "kind": "action_plan", '


def _doc(rest: str) -> str:
    return HEAD + rest + "}"


def _errors(text: str | bytes) -> dict[str, str]:
    with pytest.raises(InvalidDocumentError) as info:
        loads(text)
    return {e.path: e.message for e in info.value.errors}


def _nested_path(key: str, levels: int) -> str:
    """The path of the first container below ``$.key`` past MAX_DEPTH (``$`` is level 1)."""
    return f"$.{key}" + "[0]" * (levels - 2)


# ---------------------------------------------------------------- 1. nesting
@pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1, 1000, 100_000])
def test_nesting_deeper_than_the_limit_is_refused_at_its_path(levels: int) -> None:
    nested = "[" * (levels - 1) + "]" * (levels - 1)  # the document's object is level 1
    errors = _errors(_doc(f'"title": {nested}'))
    if levels <= MAX_DEPTH:  # within the limit: refused for its type, not its depth
        assert errors == {"$.title": "expected a string, got an array"}
    else:
        [(path, message)] = errors.items()
        assert path == _nested_path("title", MAX_DEPTH + 1)
        assert f"more than {MAX_DEPTH} levels" in message


def test_nesting_in_objects_names_the_keys() -> None:
    nested = '{"a": ' * 3000 + "1" + "}" * 3000
    [(path, message)] = _errors(_doc(f'"focus_areas": [{nested}]')).items()
    assert path == "$.focus_areas[0]" + ".a" * (MAX_DEPTH - 2)  # $.focus_areas[0] is level 3
    assert "levels" in message


def _attached(depth: int) -> khsmodel.CaseDocument:
    """A case document with ``depth`` case documents attached one in the other."""
    number = khsmodel.CaseNumber.parse("sak 21/2015")
    doc = khsmodel.CaseDocument(title="Innerst", body="osu", case_number=number)
    for i in range(depth):
        doc = khsmodel.CaseDocument(
            title=f"Sak {i}", body="osu", case_number=number,
            attachments=(khsmodel.Attachment(title="Vedlegg", document=doc),),
        )  # fmt: skip
    return doc


def _json_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_json_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_json_depth, value), default=0)
    return 0


def test_documents_attached_in_documents_load_up_to_the_limit_and_no_further() -> None:
    """The one way valid documents nest without bound: the limit holds on the fast path too."""
    n = 0
    while _json_depth(json.loads(dumps(_attached(n + 1)))) <= MAX_DEPTH:
        n += 1
    deepest, too_deep = _attached(n), _attached(n + 1)
    assert loads(dumps(deepest)) == deepest
    [(path, message)] = _errors(dumps(too_deep)).items()
    assert path.startswith("$.attachments[0].document.attachments[0].document")
    assert f"more than {MAX_DEPTH} levels" in message
    with pytest.raises(InvalidDocumentError):
        from_data(json.loads(dumps(too_deep)))


def test_without_attached_documents_no_class_nests_anywhere_near_the_limit() -> None:
    """Why the fast path may skip the depth check when no document is attached in another."""
    import typing

    import attrs

    from khsmodel.documents import DOCUMENT_TYPES

    documents = set(DOCUMENT_TYPES.values())

    def depth(tp: object, top: bool = False) -> int:
        args = [a for a in typing.get_args(tp) if a is not Ellipsis and a is not type(None)]
        if typing.get_origin(tp) is tuple:
            return 1 + max(depth(a) for a in args)
        if args:  # a union: an attached document (all documents) is not followed
            if {a for a in args if a in documents} == documents:
                return 0
            return max(depth(a) for a in args)
        if attrs.has(tp) and isinstance(tp, type):
            hints = typing.get_type_hints(tp)
            return 1 + max((depth(hints[a.name]) for a in attrs.fields(tp)), default=0)
        return 0

    deepest = max(depth(cls, top=True) for cls in documents)
    assert 5 < deepest < MAX_DEPTH // 2


# ---------------------------------------------------------------- 2. long integers
@pytest.mark.parametrize("sign", ["", "-"])
def test_an_integer_too_long_to_read_is_refused_at_its_path(sign: str) -> None:
    digits = sys.get_int_max_str_digits() + 1
    text = _doc(
        '"title": "Plan", "focus_areas": [{"number": 1, "title": "Barn", '
        f'"measures": [{{"number": {sign}{"7" * digits}, "text": "Fagdag"}}]}}]'
    )
    [(path, message)] = _errors(text).items()
    assert path == "$.focus_areas[0].measures[0].number"
    assert f"{digits} digits" in message
    # one digit fewer is read, and refused (or not) for what it is
    shorter = text.replace("7" * digits, "7" * (digits - 1))
    assert "$.focus_areas[0].measures[0].number" not in _errors(shorter.replace('"Plan"', "1"))


def test_a_long_integer_in_the_envelope() -> None:
    text = '{"format": "khsmodel", "format_version": ' + "1" * 5000 + ', "kind": "meeting"}'
    assert list(_errors(text)) == ["$.format_version"]


# ---------------------------------------------------------------- 3. lone surrogates
@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\udc00\\ud800"])
def test_a_lone_surrogate_is_refused_at_its_path(escape: str) -> None:
    [(path, message)] = _errors(_doc(f'"title": "a{escape}"')).items()
    assert path == "$.title" and "lone surrogate" in message
    str(message).encode("utf-8")  # the message itself can be printed


def test_a_lone_surrogate_deep_inside_and_in_a_key() -> None:
    text = _doc(
        '"title": "Plan", "focus_areas": [{"number": 1, "title": "Barn", '
        '"measures": [{"number": 1, "text": "Fagdag", "details": ["ok", "x\\udbff"]}]}], '
        '"k\\ud800ey": 1'
    )
    errors = _errors(text)
    assert set(errors) == {"$.focus_areas[0].measures[0].details[1]", "$.k\\ud800ey"}
    assert all("lone surrogate" in m for m in errors.values())


def test_a_key_with_a_surrogate_and_other_letters() -> None:
    """Found by the fuzz test: the path showed only ASCII around the escaped surrogate."""
    text = _doc('"title": "Plan", "format\u0085å\ud800": 1')
    assert list(_errors(text)) == ["$.format\x85å\\ud800"]
    with pytest.raises(InvalidDocumentError) as info:
        from_data({"format\x85å\ud800": 1})
    assert [e.path for e in info.value.errors] == ["$.format\x85å\\ud800"]


def test_a_raw_lone_surrogate_in_a_str_and_in_bytes() -> None:
    assert list(_errors(_doc('"title": "a\ud800"'))) == ["$.title"]
    with pytest.raises(NotJsonError):  # CESU-8 bytes of a surrogate are not UTF-8
        loads(_doc('"title": "a"').encode().replace(b'"a"', b'"a\xed\xa0\x80"'))


def test_a_surrogate_pair_is_one_character_and_round_trips() -> None:
    doc = loads(_doc('"title": "Plan \\ud83d\\ude00"'))
    assert doc.title == "Plan \U0001f600"
    assert loads(dumps(doc)) == doc


def test_every_accepted_title_round_trips() -> None:
    """loads(dumps(x)) == x for what loads accepts: the refused cases above are why."""
    for title in ["a\\u0000b", "\\u2028", "<&>", "æøå áčđŋšŧž Ï", "\\ufeff", "\\uffff"]:
        doc = loads(_doc(f'"title": "{title}"'))
        assert loads(dumps(doc)) == doc
        assert loads(dumps(doc).encode("utf-8")) == doc


# ---------------------------------------------------------------- 4. repeated keys
def test_a_key_twice_in_one_object_is_refused_with_path_and_key() -> None:
    [(path, message)] = _errors(_doc('"title": "A", "title": "B"')).items()
    assert path == "$.title" and '"title"' in message


def test_repeated_keys_deep_inside_and_in_the_envelope() -> None:
    text = (
        '{"format": "khsmodel", "format_version": 1, "kind": "action_plan", "kind": "meeting", '
        '"title": "Plan", "focus_areas": [{"number": 1, "title": "Barn", "measures": '
        '[{"number": 1, "text": "Fagdag", "number": 2}]}]}'
    )
    assert set(_errors(text)) == {"$.kind", "$.focus_areas[0].measures[0].number"}


def test_the_same_key_in_different_objects_is_fine() -> None:
    doc = loads(
        _doc(
            '"title": "Plan", "focus_areas": [{"number": 1, "title": "A"}, '
            '{"number": 2, "title": "B"}]'
        )
    )
    assert [fa.title for fa in doc.focus_areas] == ["A", "B"]


# ---------------------------------------------------------------- 5. encodings
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"])
def test_bytes_that_are_not_utf8_are_refused(encoding: str) -> None:
    data = _doc('"title": "Handlingsplan på Hábmer"').encode(encoding)
    with pytest.raises(NotJsonError) as info:
        loads(data)
    [error] = info.value.errors
    assert error.path == "$"
    assert error.message.startswith(("not UTF-8 text", "not JSON")), error.message
    assert ("UTF-16 or UTF-32" in error.message) is (encoding != "latin-1")


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    text = _doc('"title": "Plan for Hábmer"')
    assert loads(codecs.BOM_UTF8 + text.encode()) == loads(text) == loads("\ufeff" + text)


def test_not_json_error_is_an_invalid_document_error() -> None:
    with pytest.raises(InvalidDocumentError):
        loads(b"{nope")
    assert issubclass(NotJsonError, KhsModelError)
    import pickle

    error = NotJsonError("not JSON: Expecting value (line 1, column 1)")
    again = pickle.loads(pickle.dumps(error))  # from a worker process of export --jobs
    assert type(again) is NotJsonError and again.errors == error.errors


def test_parse_json_and_json_problems() -> None:
    assert parse_json(b'{"a": [1, "x"]}') == {"a": [1, "x"]}
    assert json_problems({"a": ["ok", "\ud800"]}) != []
    assert json_problems({"a": ["ok", {"b": None}], 1: "int keys are Python's"}) == []


# ---------------------------------------------------------------- the command line
BAD = {
    "deep.json": _doc('"title": ' + "[" * 5000 + "]" * 5000).encode(),
    "longint.json": _doc('"title": "x", "id": ' + "9" * 5000).encode(),
    "surrogate.json": _doc('"title": "a\\ud800"').encode(),
    "repeated.json": _doc('"title": "A", "title": "B"').encode(),
}
BAD_PATHS = {
    "deep.json": _nested_path("title", MAX_DEPTH + 1),
    "longint.json": "$.id",
    "surrogate.json": "$.title",
    "repeated.json": "$.title",
}
NOT_UTF8 = {
    "utf16.json": _doc('"title": "Plan"').encode("utf-16"),
    "latin1.json": _doc('"title": "Plan på Hábmer"').encode("latin-1"),
}


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    return subprocess.run(
        [sys.executable, "-m", "khsmodel", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=120,
    )  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name, data in {**BAD, **NOT_UTF8}.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "plan.json").write_bytes(PLAN.read_bytes())
    (tmp_path / "typo.json").write_text(_doc('"title": 3'), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_validate_reports_the_path_and_goes_on(files: Path, name: str) -> None:
    run = _cli("validate", name, "typo.json", cwd=files)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert f"{name}:{BAD_PATHS[name]}: LOAD001 error" in run.stdout
    assert "typo.json:$.title: LOAD001 error" in run.stdout  # the next file still went


@pytest.mark.parametrize("name", sorted(NOT_UTF8))
def test_cli_validate_a_file_that_is_not_utf8(files: Path, name: str) -> None:
    run = _cli("validate", name, "typo.json", cwd=files)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr + run.stdout
    assert f"{name}: not UTF-8 text" in run.stderr
    assert "typo.json:$.title: LOAD001 error" in run.stdout


def test_cli_validate_json_output_of_a_surrogate_key(files: Path) -> None:
    (files / "key.json").write_bytes(_doc('"title": "x", "t\\udc80": 1').encode())
    run = _cli("validate", "--format", "json", "key.json", cwd=files)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    [row] = json.loads(run.stdout)
    assert row["path"] == "$.t\\udc80" and row["code"] == "LOAD001"


def test_cli_export_reports_each_bad_file_and_writes_the_good_one(files: Path) -> None:
    names = [*sorted(BAD), *sorted(NOT_UTF8), "plan.json"]
    out = files / "out"
    run = _cli("export", *names, "-f", "json", "--out-dir", out, "--jobs", "1", cwd=files)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    for name, path in BAD_PATHS.items():
        assert f"{name}:{path}: LOAD001 error" in run.stderr  # printed as validate prints it
    for name in NOT_UTF8:
        assert f"{name}: " in run.stderr and "not UTF-8 text" in run.stderr
    assert loads((out / "plan.json").read_bytes()) == khsmodel.load(PLAN)  # the good one went
    assert sorted(p.name for p in out.iterdir()) == ["plan.json"]


def test_cli_import_csv_refuses_a_number_too_long(files: Path) -> None:
    from khsmodel.csv import write_measures

    plan = khsmodel.load(PLAN)
    rows = write_measures(plan).decode().split("\r\n")
    cells = rows[1].split(",")
    cells[1] = "1" * 5000  # focus_area
    rows[1] = ",".join(cells)
    (files / "measures.csv").write_text("\r\n".join(rows), encoding="utf-8")
    run = _cli("import-csv", "measures.csv", "--into", "plan.json", "-o", "new.json", cwd=files)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "measures.csv: row 2, column focus_area: expected a whole number" in run.stderr
    assert not (files / "new.json").exists()


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_import_csv_into_a_plan_that_does_not_load(files: Path, name: str) -> None:
    from khsmodel.csv import write_measures

    (files / "measures.csv").write_bytes(write_measures(khsmodel.load(PLAN)))
    run = _cli("import-csv", "measures.csv", "--into", name, "-o", "new.json", cwd=files)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{name}:{BAD_PATHS[name]}: LOAD001 error" in run.stderr
    assert not (files / "new.json").exists()


# ---------------------------------------------------------------- CSV cells (API)
@pytest.mark.parametrize("column", [1, 3])  # focus_area, measure
@pytest.mark.parametrize("cell", ["1" * 5000, "-" + "2" * 4301, "١٢", "1.0"])
def test_csv_number_cells_that_are_not_plain_numbers(column: int, cell: str) -> None:
    from khsmodel.csv import CsvImportError, read_measures, write_measures

    plan = khsmodel.load(PLAN)
    rows = write_measures(plan).decode().split("\r\n")
    cells = rows[1].split(",")
    cells[column] = cell
    rows[1] = ",".join(cells)
    with pytest.raises(CsvImportError) as info:
        read_measures("\r\n".join(rows).encode(), plan)
    [error] = info.value.errors
    assert (error.row, error.column) == (2, ["focus_area", "measure"][column // 2])
    assert error.message.startswith("expected a whole number")


def test_csv_text_with_a_lone_surrogate() -> None:
    import io

    from khsmodel.csv import CsvImportError, read_measures, write_measures

    plan = khsmodel.load(PLAN)
    text = write_measures(plan).decode().replace("\r\n", "\r\n\ud800", 1)
    with pytest.raises(CsvImportError):
        read_measures(io.StringIO(text, newline=""), plan)


def test_loads_in_several_threads_each_refuse_their_own_surrogates() -> None:
    """The fast path's string memo is shared between threads: a load whose memo another
    thread replaced checks its strings itself, so no surrogate slips through."""
    from concurrent.futures import ThreadPoolExecutor

    plan = dumps(khsmodel.load(PLAN))
    bad = plan.replace('"title": "', '"title": "\\ud800', 1)
    texts = [plan, bad] * 40

    def outcome(text: str) -> str:
        try:
            loads(text)
        except InvalidDocumentError as exc:
            return exc.errors[0].path
        return "ok"

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(outcome, texts))
    assert results == ["ok", "$.title"] * 40
