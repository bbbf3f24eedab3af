"""``khsmodel.strategies`` is a package (vocabulary, drawing helpers, a module per model
module) whose public names are the ones the single module had, all importable from it."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest

ks = pytest.importorskip("khsmodel.strategies")

#: ``__all__`` of khsmodel/strategies.py before it became a package (issue 16).
PUBLIC_BEFORE_THE_SPLIT = [
    "HOSTILE_STRINGS",
    "ILLEGAL_XML_CHARACTERS",
    "action_plans",
    "adoptions",
    "agenda_items",
    "agreement_sections",
    "agreements",
    "archive_references",
    "attachments",
    "blocks",
    "bodies",
    "body_members",
    "case_documents",
    "case_numbers",
    "case_references",
    "decisions",
    "documents",
    "emphases",
    "event_refs",
    "focus_areas",
    "history_entries",
    "ids",
    "interpretations",
    "journal_numbers",
    "kommune_numbers",
    "links",
    "measure_refs",
    "measures",
    "meeting_plans",
    "meetings",
    "memberships",
    "minutes",
    "organisation_numbers",
    "organisations",
    "other_names",
    "partial_dates",
    "participants",
    "partnerships",
    "periods",
    "person_names",
    "persons",
    "phases",
    "priority_groups",
    "process_events",
    "programme_items",
    "progress_entries",
    "proposals",
    "resources",
    "responsibilities",
    "responsible_parties",
    "roles",
    "sections",
    "status_reports",
    "texts",
    "timeframes",
    "units",
    "vote_counts",
]


def _submodules() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(ks.__path__, "khsmodel.strategies."))


def test_every_public_name_of_the_module_is_still_exported() -> None:
    assert sorted(ks.__all__) == sorted(PUBLIC_BEFORE_THE_SPLIT)
    for name in ks.__all__:
        assert getattr(ks, name) is not None, name
    # the date window, public constants of the module (not in __all__) stay importable
    from khsmodel.strategies import MAX_DATE, MIN_DATE

    assert (dt.date(2009, 1, 1), dt.date(2030, 12, 31)) == (MIN_DATE, MAX_DATE)


def test_every_strategy_of_a_submodule_is_exported() -> None:
    """A strategy added to one of the modules is forgotten in ``__all__`` no more."""
    missing = []
    for name in _submodules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (not attr.startswith("_") and inspect.isfunction(value)
                    and value.__module__ == name and attr not in ks.__all__):  # fmt: skip
                missing.append(f"{name}.{attr}")
    assert missing == []
    # and the package is split as it says: the vocabulary, the drawing helpers, a module
    # per model module
    assert {"khsmodel.strategies._vocabulary", "khsmodel.strategies._draw",
            "khsmodel.strategies._plans", "khsmodel.strategies._meetings"} <= set(_submodules())  # fmt: skip


def test_exported_strategies_come_from_their_model_module() -> None:
    """``ks.action_plans`` is defined in ``_plans``, ``ks.meetings`` in ``_meetings``."""
    home = {
        "action_plans": "_plans", "measures": "_plans", "status_reports": "_status",
        "meetings": "_meetings", "meeting_plans": "_meetingplans", "case_documents": "_cases",
        "partnerships": "_partnerships", "agreements": "_agreements", "organisations": "_parties",
        "timeframes": "_timeframes", "decisions": "_decisions", "case_numbers": "_identifiers",
        "texts": "_text", "partial_dates": "_draw", "documents": "_documents",
    }  # fmt: skip
    for name, module in home.items():
        obj = getattr(ks, name)
        where = obj.__module__
        assert where == f"khsmodel.strategies.{module}", (name, where)
