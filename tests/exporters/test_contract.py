"""khsmodel.testing.check_exporter: every built-in keeps the exporter promises, and broken
fakes are caught, each by the promise it breaks."""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path
from typing import Any

import pytest

from khsmodel import ActionPlan, KhsModelError, exporters
from khsmodel.errors import ExporterUnavailableError
from khsmodel.testing import PROMISES, ExporterContractError, check_exporter, sample_documents
from khsmodel_exporters.base import check_options, check_text
from tests.support.needs import unavailable

_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
BUILTINS = tuple(tomllib.loads(_PYPROJECT.read_text())["project"]["entry-points"][exporters.GROUP])


@pytest.mark.parametrize("name", sorted(set(BUILTINS) | set(exporters.available())))
def test_every_exporter_keeps_its_promises(name: str) -> None:
    row = next(r for r in exporters.info() if r.name == name)
    if not row.available:  # pdfa without WeasyPrint and Pango: skipped here, fails in CI
        unavailable(f"the {name} exporter is unavailable here: {row.error}")
    check_exporter(name)


class Good:
    """A small exporter that keeps every promise: the plan's title as text."""

    name = "good"
    suffix = ".txt"
    media_type = "text/plain"
    kinds: tuple[str, ...] = ("action_plan",)
    requires: tuple[str, ...] = ()
    install_hint: str | None = None

    def export(self, doc: Any, **options: Any) -> bytes:
        check_options(self.name, options, ())
        check_text(doc)
        return doc.title.encode("utf-8")


def test_a_good_exporter_passes_by_object_and_by_name() -> None:
    check_exporter(Good())
    exporters.register(Good())
    try:
        check_exporter("good")
    finally:
        exporters.unregister("good")


_counter = itertools.count()


class Nondeterministic(Good):
    def export(self, doc: Any, **options: Any) -> bytes:
        return super().export(doc, **options) + str(next(_counter)).encode()


class LeaksValueError(Good):
    def export(self, doc: Any, **options: Any) -> bytes:
        check_options(self.name, options, ())
        return str(int(doc.title)).encode()  # ValueError: a title is not a number


class IgnoresOptions(Good):
    def export(self, doc: Any, **options: Any) -> bytes:
        return doc.title.encode("utf-8", "replace")


class ReturnsText(Good):
    def export(self, doc: Any, **options: Any) -> str:  # type: ignore[override]
        return str(doc.title)


class KindsAsText(Good):
    kinds = "action_plan"  # type: ignore[assignment]  # "plan" in "action_plan" is True


class UnknownKind(Good):
    kinds = ("action_plan", "minutes")


class NoInstallHint(Good):
    def __getattribute__(self, name: str) -> Any:
        if name == "install_hint":
            raise AttributeError(name)
        return super().__getattribute__(name)


class PlainErrorForBadText(Good):
    def export(self, doc: Any, **options: Any) -> bytes:
        check_options(self.name, options, ())
        if "\x0b" in doc.title:
            raise KhsModelError("the title has a control character")  # no type, no path
        return doc.title.encode("utf-8", "surrogateescape")


class WrongOptionErrorName(Good):
    def export(self, doc: Any, **options: Any) -> bytes:
        check_options("txt", options, ())  # names another exporter
        return super().export(doc)


class RefusesEverything(Good):
    def export(self, doc: Any, **options: Any) -> bytes:
        raise KhsModelError("not today")


@pytest.mark.parametrize(
    ("exporter", "promise"),
    [
        (Nondeterministic(), "deterministic"),
        (LeaksValueError(), "errors"),
        (IgnoresOptions(), "unknown-option"),
        (WrongOptionErrorName(), "unknown-option"),
        (ReturnsText(), "bytes"),
        (RefusesEverything(), "bytes"),
        (KindsAsText(), "protocol"),
        (UnknownKind(), "protocol"),
        (NoInstallHint(), "protocol"),
        (PlainErrorForBadText(), "unwritable-text"),
    ],
    ids=lambda x: x if isinstance(x, str) else type(x).__name__,
)
def test_a_broken_exporter_fails_on_the_promise_it_breaks(exporter: Any, promise: str) -> None:
    with pytest.raises(ExporterContractError) as broken:
        check_exporter(exporter)
    assert broken.value.promise == promise and promise in PROMISES
    assert broken.value.exporter == "good"
    assert isinstance(broken.value, AssertionError)  # pytest shows it as a failed test
    if promise in ("deterministic", "errors", "unknown-option"):
        assert isinstance(broken.value.document, ActionPlan)


def test_the_leaked_error_is_chained_for_the_traceback() -> None:
    with pytest.raises(ExporterContractError) as broken:
        check_exporter(LeaksValueError())
    assert isinstance(broken.value.__cause__, ValueError)


def test_missing_program_is_unavailable_not_broken() -> None:
    class NeedsProgram(Good):
        install_hint = 'pip install "khsmodel-good"'

        def missing_program(self) -> str:
            return "the good exporter needs the program 'good' (apt-get install good)"

    with pytest.raises(ExporterUnavailableError) as info:
        check_exporter(NeedsProgram())
    assert (info.value.name, info.value.hint) == ("good", 'pip install "khsmodel-good"')


def test_sample_documents_are_the_same_on_every_run() -> None:
    first = sample_documents("action_plan", 3)
    assert len(first) == 3 and all(isinstance(d, ActionPlan) for d in first)
    assert sample_documents("action_plan", 3) == first
