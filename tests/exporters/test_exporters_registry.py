"""The exporter registry: discovery without import, lazy loading, isolation of broken plugins."""

from __future__ import annotations

import doctest
import importlib
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import khsmodel
from khsmodel import ActionPlan, KhsModelError, Meeting, exporters
from khsmodel.exporters import (
    Exporter,
    ExporterError,
    ExporterUnavailableError,
    UnknownExporterError,
)

PLAN = ActionPlan(title="Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten")

FAKE_MODULE = """
class UpperExporter:
    name = "upper"
    suffix = ".txt"
    media_type = "text/plain"
    kinds = ("action_plan",)

    def export(self, doc, **options):
        return doc.title.upper().encode("utf-8")


class NeedsDep(UpperExporter):
    name = "needsdep"
    requires = ("khsmodel_test_dependency_that_is_not_installed",)


class Wrongname(UpperExporter):
    name = "something-else"


class NoSuffix:
    name = "nosuffix"
    media_type = "text/plain"
    kinds = ("action_plan",)

    def export(self, doc, **options):
        return b""


class Crashes(UpperExporter):
    name = "crashes"

    def export(self, doc, **options):
        raise RuntimeError("division by zero in the plugin")


class NotBytes(UpperExporter):
    name = "notbytes"

    def export(self, doc, **options):
        return "text, not bytes"
"""

ENTRY_POINTS = """\
[khsmodel.exporters]
upper = fake_khs_ok:UpperExporter
broken = fake_khs_broken:Exporter
needsdep = fake_khs_ok:NeedsDep
wrongname = fake_khs_ok:Wrongname
nosuffix = fake_khs_ok:NoSuffix
crashes = fake_khs_ok:Crashes
notbytes = fake_khs_ok:NotBytes
"""


def make_fake_distribution(root: Path) -> Path:
    """A distribution that is not this package: modules + dist-info with entry points."""
    (root / "fake_khs_ok.py").write_text(FAKE_MODULE, encoding="utf-8")
    (root / "fake_khs_broken.py").write_text(
        "import khsmodel_test_missing_dependency  # noqa\nExporter = None\n", encoding="utf-8"
    )
    info = root / "fake_khs_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fake-khs-plugins\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    return root


@pytest.fixture
def fake_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = make_fake_distribution(tmp_path)
    monkeypatch.syspath_prepend(str(root))
    exporters.refresh()
    yield root
    for mod in ("fake_khs_ok", "fake_khs_broken"):
        sys.modules.pop(mod, None)
    exporters.refresh()


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    yield
    for name in ("upper", "json", "half", "tracing"):
        exporters.unregister(name)
    exporters.refresh()


# ---------------------------------------------------------------- built-ins
def test_builtins_are_entry_points() -> None:
    from importlib.metadata import entry_points

    eps = {ep.name: ep.value for ep in entry_points(group="khsmodel.exporters")}
    assert eps["json"] == "khsmodel_exporters.json_exporter:JsonExporter"
    assert eps["docx"] == "khsmodel_exporters.docx:DocxExporter"
    assert {"docx", "json"} <= set(exporters.available())
    assert exporters.available() == tuple(sorted(exporters.available()))


def test_get_json_and_round_trip() -> None:
    exp = exporters.get("json")
    assert isinstance(exp, Exporter)
    assert (exp.name, exp.suffix, exp.media_type) == ("json", ".json", "application/json")
    assert set(exp.kinds) == {"partnership", "agreement", "action_plan", "case_document", "meeting",
                              "status_report", "meeting_plan"}
    data = khsmodel.export(PLAN, "json")
    assert khsmodel.loads(data) == PLAN
    assert json.loads(data)["title"] == PLAN.title
    assert exporters.get("json") is exp  # loaded once


def test_json_keeps_controls_but_rejects_lone_surrogates() -> None:
    plan = ActionPlan(title="Plan\x0b2016")
    assert khsmodel.loads(khsmodel.export(plan, "json")) == plan
    with pytest.raises(KhsModelError, match=r"^\$\.title: lone surrogate U\+D800"):
        khsmodel.export(ActionPlan(title="Plan\ud800"), "json")
    with pytest.raises(KhsModelError, match="takes no options"):
        khsmodel.export(PLAN, "json", indent=4)


def test_unknown_name_lists_valid_names() -> None:
    with pytest.raises(UnknownExporterError) as info:
        exporters.get("odt")
    message = str(info.value)
    assert message.startswith("unknown export format 'odt'; valid formats: ")
    assert message.split("valid formats: ")[1].split(", ") == list(exporters.available())
    assert "did you mean" not in message and info.value.suggestions == ()
    assert isinstance(info.value, KhsModelError)


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("DOCX", "docx"),
        (".docx", "docx"),
        (".DOCX", "docx"),
        ("PDF", "pdf"),
        (".pdf", "pdf"),
        ("Json", "json"),
        (".noark5.xml", "noark5"),
        ("noark5.xml", "noark5"),
        (".pdfa.pdf", "pdfa"),
        (".oparl.json", "oparl"),
    ],
)
def test_near_miss_is_suggested_not_accepted(given: str, meant: str) -> None:
    with pytest.raises(UnknownExporterError) as info:
        khsmodel.export(PLAN, given)
    assert str(info.value).startswith(
        f"unknown export format {given!r} (did you mean {meant!r}?); valid formats: "
    )
    assert info.value.suggestions == (meant,)


@pytest.mark.parametrize("given", ["odt", "", ".", "doc", "xml", ".xml"])
def test_no_suggestion_for_other_names(given: str) -> None:
    with pytest.raises(UnknownExporterError) as info:
        exporters.get(given)
    assert "did you mean" not in str(info.value)


def test_unknown_name_lists_only_usable_formats(fake_plugins: Path) -> None:
    with pytest.raises(UnknownExporterError) as info:
        exporters.get("Upper")
    message = str(info.value)
    assert "(did you mean 'upper'?)" in message
    valid = message.split("valid formats: ")[1].split(", ")
    assert {"upper", "docx", "json"} <= set(valid)
    assert not {"broken", "needsdep", "wrongname", "nosuffix"} & set(valid)
    # an unusable exporter is still suggested: using it then says what is missing
    with pytest.raises(UnknownExporterError, match=r"\(did you mean 'needsdep'\?\)"):
        exporters.get("NeedsDep")
    with pytest.raises(ExporterUnavailableError, match="not_installed"):
        exporters.get("needsdep")


def test_kind_not_supported() -> None:
    class PlansOnly:
        name = "plans-only"
        suffix = ".txt"
        media_type = "text/plain"
        kinds = ("action_plan",)

        def export(self, doc: Any, **options: Any) -> bytes:
            return b"ok"

    exporters.register(PlansOnly())
    try:
        import datetime as dt

        with pytest.raises(ExporterError, match="cannot export a meeting"):
            khsmodel.export(Meeting(body="osu", date=dt.date(2016, 2, 8)), "plans-only")
        with pytest.raises(KhsModelError, match="expected a khsmodel document"):
            khsmodel.export("not a document", "plans-only")  # type: ignore[arg-type]
    finally:
        exporters.unregister("plans-only")


# ---------------------------------------------------------------- light imports
def _modules_after(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout.splitlines()[-1]))


HEAVY = ("docx", "lxml", "reportlab", "khsmodel_exporters", "hypothesis")


def test_import_khsmodel_imports_no_exporter() -> None:
    mods = _modules_after("import khsmodel")
    assert [m for m in mods if m.split(".")[0] in HEAVY] == []
    assert "importlib.metadata" not in mods  # discovery itself is lazy


def test_listing_and_get_import_no_dependency() -> None:
    """available() loads the plugins to know which work, but none of their libraries."""
    mods = _modules_after("import khsmodel; khsmodel.exporters.available()")
    assert "khsmodel_exporters.docx" in mods and "khsmodel_exporters.pdf" in mods
    assert [m for m in mods if m.split(".")[0] in ("docx", "lxml", "reportlab")] == []
    mods = _modules_after("import khsmodel; khsmodel.exporters.get('docx')")
    assert "khsmodel_exporters.docx" in mods and "khsmodel_exporters.pdf" not in mods
    assert [m for m in mods if m.split(".")[0] in ("docx", "lxml")] == []


# ---------------------------------------------------------------- third-party plugins
def test_fake_distribution_is_discovered_and_loaded_one_by_one(fake_plugins: Path) -> None:
    assert khsmodel.export(PLAN, "upper") == PLAN.title.upper().encode()
    assert "fake_khs_ok" in sys.modules and "fake_khs_broken" not in sys.modules
    names = {row.name for row in exporters.info()}
    assert {"upper", "broken", "needsdep", "wrongname", "nosuffix", "docx", "json"} <= names


def test_available_lists_only_exporters_that_load(fake_plugins: Path) -> None:
    names = exporters.available()
    assert names == tuple(sorted(names))
    # "crashes" and "notbytes" load fine; they fail only when exporting
    assert {"upper", "crashes", "notbytes", "docx", "json"} <= set(names)
    for unusable in ("broken", "needsdep", "wrongname", "nosuffix"):
        assert unusable not in names
        with pytest.raises(ExporterError):
            exporters.get(unusable)
    usable_in_info = {row.name for row in exporters.info() if row.available}
    assert usable_in_info == set(names)


def test_available_leaves_out_a_builtin_whose_library_is_missing() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["reportlab"] = None  # as if the library were not installed
        from khsmodel import exporters
        print(",".join(exporters.available()))
        print(",".join(r.name for r in exporters.info() if not r.available))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    usable, unavailable = (line.split(",") for line in out.stdout.splitlines())
    assert "pdf" not in usable and {"docx", "json", "pdfa"} <= set(usable)  # pdfa needs docx
    assert "pdf" in unavailable


def test_plugin_raising_anything_while_checked_is_unavailable(fake_plugins: Path) -> None:
    (fake_plugins / "fake_khs_bad.py").write_text(
        "class Bad:\n"
        "    name = 'bad'\n    suffix = '.txt'\n    media_type = 'text/plain'\n"
        "    kinds = ('action_plan',)\n    requires = 5  # not a list of module names\n"
        "    def export(self, doc, **options):\n        return b''\n",
        encoding="utf-8",
    )
    info_dir = fake_plugins / "fake_khs_plugins-1.0.dist-info"
    (info_dir / "entry_points.txt").write_text(ENTRY_POINTS + "bad = fake_khs_bad:Bad\n")
    exporters.refresh()
    try:
        with pytest.raises(ExporterUnavailableError, match="TypeError"):
            exporters.get("bad")
        assert "bad" not in exporters.available() and "upper" in exporters.available()
    finally:
        sys.modules.pop("fake_khs_bad", None)


def test_broken_plugin_is_isolated_and_reported(fake_plugins: Path) -> None:
    with pytest.raises(ExporterUnavailableError) as info:
        exporters.get("broken")
    err = info.value
    assert err.name == "broken"
    assert "ModuleNotFoundError" in err.reason
    assert "khsmodel_test_missing_dependency" in err.reason
    assert err.hint == 'pip install "fake-khs-plugins"'
    assert str(err).startswith("exporter 'broken' is unavailable: ModuleNotFoundError")
    # the others still work, and the listing is intact
    assert khsmodel.export(PLAN, "upper") == PLAN.title.upper().encode()
    assert khsmodel.loads(khsmodel.export(PLAN, "json")) == PLAN
    assert "broken" not in exporters.available() and "upper" in exporters.available()
    assert "broken" in {row.name for row in exporters.info()}
    with pytest.raises(ExporterUnavailableError):  # reported again, not retried
        exporters.get("broken")


def test_missing_dependency_named_with_hint(fake_plugins: Path) -> None:
    with pytest.raises(ExporterUnavailableError) as info:
        exporters.get("needsdep")
    assert "khsmodel_test_dependency_that_is_not_installed" in info.value.reason
    assert info.value.hint == 'pip install "fake-khs-plugins"'


def test_protocol_violations(fake_plugins: Path) -> None:
    with pytest.raises(ExporterError, match="registered as 'wrongname' calls itself"):
        exporters.get("wrongname")
    with pytest.raises(ExporterError, match="missing suffix"):
        exporters.get("nosuffix")
    with pytest.raises(ExporterError, match="exporter 'crashes' failed: RuntimeError: division"):
        khsmodel.export(PLAN, "crashes")
    with pytest.raises(ExporterError, match="returned str, expected bytes"):
        khsmodel.export(PLAN, "notbytes")


def test_info_lists_broken_ones_with_reason(fake_plugins: Path) -> None:
    rows = {r.name: r for r in exporters.info()}
    assert rows["upper"].available and rows["upper"].suffix == ".txt"
    assert rows["upper"].kinds == ("action_plan",)
    assert not rows["broken"].available
    assert rows["broken"].error is not None
    assert "ModuleNotFoundError" in rows["broken"].error
    assert 'pip install "fake-khs-plugins"' in rows["broken"].error
    assert rows["docx"].available and rows["docx"].suffix == ".docx"


def test_formats_command_shows_broken_plugin(fake_plugins: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake_plugins), *sys.path])}
    out = subprocess.run(
        [sys.executable, "-m", "khsmodel.cli", "formats"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any(
        line.startswith("upper ") and ".txt" in line and "text/plain" in line for line in lines
    )
    broken = next(line for line in lines if line.startswith("broken "))
    assert "unavailable: ModuleNotFoundError" in broken
    assert any(line.startswith("docx ") and ".docx" in line for line in lines)


@pytest.mark.parametrize(("fmt", "library"), [("docx", "docx"), ("pdf", "reportlab")])
def test_missing_library_gives_extra_hint(fmt: str, library: str) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        sys.modules["{library}"] = None  # as if the library were not installed
        import khsmodel
        from khsmodel import ActionPlan
        try:
            khsmodel.export(ActionPlan(title="x"), "{fmt}")
        except khsmodel.exporters.ExporterUnavailableError as exc:
            print(exc.name, "|", exc.reason, "|", exc.hint)
        print(khsmodel.export(ActionPlan(title="x"), "json")[:1])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert first.startswith(f"{fmt} | ") and first.endswith(f'| pip install "khsmodel[{fmt}]"')
    assert f"No module named '{library}" in first
    assert second == "b'{'"


# ---------------------------------------------------------------- by hand
class _Tracing:
    name = "tracing"
    suffix = ".txt"
    media_type = "text/plain"
    kinds = ("action_plan",)

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def export(self, doc: Any, **options: Any) -> bytes:
        self.calls.append(options)
        return b"traced"


def test_registered_by_hand_wins_over_discovery() -> None:
    class Shadow(_Tracing):
        name = "json"

    shadow = Shadow()
    exporters.register(shadow)
    assert exporters.get("json") is shadow
    assert khsmodel.export(PLAN, "json", level=2) == b"traced"
    assert shadow.calls == [{"level": 2}]
    exporters.unregister("json")
    assert khsmodel.loads(khsmodel.export(PLAN, "json")) == PLAN  # discovery is back


def test_register_checks_protocol() -> None:
    class NoExport:
        name = "half"
        suffix = ".x"
        media_type = "x/y"
        kinds = ("action_plan",)

    with pytest.raises(ExporterError, match="missing export"):
        exporters.register(NoExport())  # type: ignore[arg-type]
    with pytest.raises(ExporterError, match="non-empty string name"):
        exporters.register(object())  # type: ignore[arg-type]
    t = exporters.register(_Tracing())
    assert "tracing" in exporters.available()
    assert exporters.get("tracing") is t


# ---------------------------------------------------------------- atomic writes
def test_failing_export_leaves_no_file(tmp_path: Path) -> None:
    class Fails(_Tracing):
        name = "half"

        def export(self, doc: Any, **options: Any) -> bytes:
            raise KhsModelError("$.focus_areas[0].measures[2].text: bad")

    exporters.register(Fails())
    target = tmp_path / "out.txt"
    with pytest.raises(KhsModelError, match="measures"):
        khsmodel.export(PLAN, "half", target)
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"old")
    with pytest.raises(KhsModelError):
        khsmodel.export(PLAN, "half", target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_to_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        khsmodel.export(PLAN, "json", tmp_path / "no" / "such" / "plan.json")
    assert list(tmp_path.iterdir()) == []


def test_path_returns_bytes_and_writes_them(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    data = khsmodel.export(PLAN, "json", str(target))
    assert target.read_bytes() == data
    assert khsmodel.load(target) == PLAN


# ---------------------------------------------------------------- doctests of the plugin modules
@pytest.mark.parametrize(
    "name",
    [
        "khsmodel.exporters",
        "khsmodel.labels",
        "khsmodel_exporters._safety",
        "khsmodel_exporters.content",
        "khsmodel_exporters.json_exporter",
        "khsmodel_exporters.docx",
    ],
)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
