"""Properties of the JSON format, over documents from ``khsmodel.strategies``.

- ``loads(dumps(x)) == x`` for every kind, and the text is byte-stable;
- every dumped document validates against ``json_schema()`` (formats checked);
- a document mutated at one random place (wrong type, missing required field,
  unknown key, string for a list, impossible date, wrong format_version,
  unknown kind) is rejected by ``loads`` with exactly one error at exactly that
  path, and rejected by the schema at that path (or its object).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import khsmodel as k
from khsmodel import strategies as ks
from khsmodel._base import json_name
from khsmodel.documents import DOCUMENT_TYPES
from khsmodel.serialization import structure, unstructure

SCHEMA = k.json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)

Token = str | int


# ---------------------------------------------------------------------------
# A type-directed walk over dumped JSON data: every location, its path and type
# ---------------------------------------------------------------------------


@attrs.frozen
class Location:
    """One place in the JSON data: how to get there, and what the model expects there."""

    tokens: tuple[Token, ...]
    value: Any
    tp: Any  # the model type (None for the envelope keys and union tags)
    required: bool  # a key that must be present in its object
    cls: type | None = None  # for objects: the model class whose fields the keys are

    @property
    def path(self) -> str:
        return path_of(self.tokens)


def path_of(tokens: tuple[Token, ...]) -> str:
    """``("focus_areas", 2, "measures", 0, "text")`` → ``$.focus_areas[2].measures[0].text``."""
    return "$" + "".join(f"[{t}]" if isinstance(t, int) else f".{t}" for t in tokens)


def _union_args(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return ()


def _is_day(loc: Location) -> bool:
    """A field that takes a date or a PartialDate, holding a full date."""
    return set(_union_args(loc.tp)) - {type(None)} == {dt.date, k.PartialDate} and (
        isinstance(loc.value, str) and len(loc.value) == 10
    )


def walk(
    value: Any, tp: Any, tokens: tuple[Token, ...] = (), required: bool = True
) -> Iterator[Location]:
    """Every location under ``value`` (which dumps a ``tp``), parents before children."""
    args = _union_args(tp)
    if type(None) in args:  # Optional[X]
        rest = [a for a in args if a is not type(None)]
        if value is None:
            yield Location(tokens, value, tp, required)
            return
        tp = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
        args = _union_args(tp)
    if args and not isinstance(value, dict):  # a date or a PartialDate: one string
        yield Location(tokens, value, tp, required)
    elif args:  # a tagged union: the "kind" key picks the class
        cls = next(a for a in args if value["kind"] == a.KIND)
        yield Location(tokens, value, tp, required, cls)
        yield Location((*tokens, "kind"), value["kind"], None, True)
        yield from _fields(value, cls, tokens)
    elif attrs.has(tp) and isinstance(value, dict):
        yield Location(tokens, value, tp, required, tp)
        yield from _fields(value, tp, tokens)
    elif typing.get_origin(tp) is tuple:
        yield Location(tokens, value, tp, required)
        for i, item in enumerate(value):
            yield from walk(item, typing.get_args(tp)[0], (*tokens, i))
    else:
        yield Location(tokens, value, tp, required)


def _fields(value: dict[str, Any], cls: type, tokens: tuple[Token, ...]) -> Iterator[Location]:
    for a in attrs.fields(attrs.resolve_types(cls)):
        key = json_name(a)
        if key in value:
            yield from walk(value[key], a.type, (*tokens, key), a.default is attrs.NOTHING)


def locations(data: dict[str, Any]) -> list[Location]:
    """Every location of a dumped document, envelope keys included."""
    cls = DOCUMENT_TYPES[data["kind"]]
    root = [Location((), data, cls, True, cls)]
    envelope = [
        Location((key,), data[key], None, True) for key in ("format", "format_version", "kind")
    ]
    return root + envelope + list(_fields(data, cls, ()))


def replace_at(data: Any, tokens: tuple[Token, ...], new: Any) -> None:
    parent = data
    for t in tokens[:-1]:
        parent = parent[t]
    parent[tokens[-1]] = new


def delete_at(data: Any, tokens: tuple[Token, ...]) -> None:
    parent = data
    for t in tokens[:-1]:
        parent = parent[t]
    del parent[tokens[-1]]


def loads_errors(data: Any) -> list[tuple[str, str]]:
    """The (path, message) pairs ``loads`` reports for the data; fails if it loads."""
    with pytest.raises(k.InvalidDocumentError) as info:
        k.loads(json.dumps(data, ensure_ascii=False))
    assert isinstance(info.value, k.KhsModelError)
    return [(e.path, e.message) for e in info.value.errors]


def schema_error_paths(data: Any) -> set[str]:
    """The JSON paths of every schema error, including those inside oneOf/anyOf."""
    paths: set[str] = set()
    stack = list(VALIDATOR.iter_errors(data))
    while stack:
        error = stack.pop()
        paths.add(error.json_path)
        stack.extend(error.context or ())
    return paths


def all_strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from all_strings(item)
    elif isinstance(data, dict):
        for key, item in data.items():
            yield key
            yield from all_strings(item)


# ---------------------------------------------------------------------------
# Round trip and schema
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(DOCUMENT_TYPES))
@given(data=st.data())
def test_round_trip_and_schema(kind: str, data: st.DataObject) -> None:
    doc = data.draw(ks.documents(kinds=(kind,)), label="document")
    assert type(doc) is DOCUMENT_TYPES[kind]
    text = k.dumps(doc)
    loaded = k.loads(text)
    assert loaded == doc
    assert k.dumps(loaded) == text  # byte-stable
    dumped = json.loads(text)
    assert dumped["kind"] == kind
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(dumped)]
    assert errors == []
    bad = [s for s in all_strings(dumped) if any(c in ks.ILLEGAL_XML_CHARACTERS for c in s)]
    assert bad == []


def test_schema_checks_date_formats() -> None:
    """The format checker is on: without it the impossible-date mutation would prove nothing."""
    plan = json.loads(
        k.dumps(k.ActionPlan(title="Handlingsplan", period=k.Period(start=dt.date(2016, 1, 1))))
    )
    assert VALIDATOR.is_valid(plan)
    plan["period"]["start"] = "2016-02-30"  # the right shape, but no such day
    assert "$.period.start" in schema_error_paths(plan)


# ---------------------------------------------------------------------------
# Mutations
# ---------------------------------------------------------------------------

MUTATIONS = (
    "string_to_number",
    "remove_required",
    "add_unknown_key",
    "list_to_string",
    "impossible_date",
    "wrong_format_version",
    "unknown_kind",
)

UNKNOWN_KEYS = ("ukjent_felt", "tittel", "Title", "beskrivelse", "merknad")


def _candidates(mutation: str, locs: list[Location]) -> list[Location]:
    if mutation == "string_to_number":
        return [loc for loc in locs if isinstance(loc.value, str)]
    if mutation == "remove_required":
        return [
            loc for loc in locs if loc.tokens and isinstance(loc.tokens[-1], str) and loc.required
        ]
    if mutation == "add_unknown_key":
        return [loc for loc in locs if loc.cls is not None and isinstance(loc.value, dict)]
    if mutation == "list_to_string":
        return [loc for loc in locs if isinstance(loc.value, list)]
    if mutation == "impossible_date":
        return [loc for loc in locs if loc.tp is dt.date or _is_day(loc)]
    if mutation == "wrong_format_version":
        return [loc for loc in locs if loc.tokens == ("format_version",)]
    if mutation == "unknown_kind":
        return [loc for loc in locs if loc.tokens and loc.tokens[-1] == "kind" and loc.tp is None]
    raise AssertionError(mutation)


#: Each mutation gets a sixth of the profile's examples, at least 10 (default 10 each, ci 33).
PER_MUTATION = settings(max_examples=max(10, settings.default.max_examples // 6))


@pytest.mark.parametrize("mutation", MUTATIONS)
@PER_MUTATION
@given(doc=ks.documents(), data=st.data())
def test_mutated_document_is_rejected_at_the_mutated_path(
    doc: k.Document, mutation: str, data: st.DataObject
) -> None:
    original = json.loads(k.dumps(doc))
    candidates = _candidates(mutation, locations(original))
    assume(candidates)
    loc = data.draw(st.sampled_from(candidates), label="location")
    mutated = copy.deepcopy(original)
    if mutation == "string_to_number":
        replace_at(mutated, loc.tokens, 123)
        expected = loc.path
    elif mutation == "remove_required":
        delete_at(mutated, loc.tokens)
        # without its "format" key a file is another program's JSON: said once, at the root
        expected = "$" if loc.tokens == ("format",) else loc.path
    elif mutation == "add_unknown_key":
        assert loc.cls is not None
        taken = {json_name(a) for a in attrs.fields(loc.cls)} | {"kind", "format", "format_version"}
        key = data.draw(st.sampled_from([x for x in UNKNOWN_KEYS if x not in taken]), label="key")
        replace_at(mutated, (*loc.tokens, key), "verdi")
        expected = path_of((*loc.tokens, key))
    elif mutation == "list_to_string":
        replace_at(mutated, loc.tokens, "Bærum, Asker")
        expected = loc.path
    elif mutation == "impossible_date":
        replace_at(mutated, loc.tokens, data.draw(st.sampled_from(["2016-02-30", "2021-13-01"])))
        expected = loc.path
    elif mutation == "wrong_format_version":
        replace_at(mutated, loc.tokens, data.draw(st.sampled_from([3, 0, "2", None, True])))
        expected = loc.path
    else:  # unknown_kind
        replace_at(mutated, loc.tokens, data.draw(st.sampled_from(["rapport", "Action_plan", ""])))
        expected = loc.path
    note(f"mutation {mutation} at {expected}")

    errors = loads_errors(mutated)
    assert [path for path, _ in errors] == [expected], errors

    parent = path_of(tuple(path_tokens(expected)[:-1])) if expected != "$" else "$"
    paths = schema_error_paths(mutated)
    assert paths, "the schema accepted the mutated document"
    assert expected in paths or parent in paths, (expected, sorted(paths))


def path_tokens(path: str) -> list[Token]:
    """The inverse of :func:`path_of` for paths made by it."""
    tokens: list[Token] = []
    for part in path[1:].replace("[", ".[").split("."):
        if not part:
            continue
        tokens.append(int(part[1:-1]) if part.startswith("[") else part)
    return tokens


def test_path_helpers() -> None:
    tokens = ("focus_areas", 2, "measures", 0, "text")
    assert path_of(tokens) == "$.focus_areas[2].measures[0].text"
    assert path_tokens("$.focus_areas[2].measures[0].text") == list(tokens)
    assert path_of(()) == "$"


def test_walk_knows_required_fields_and_renamed_keys() -> None:
    """The walk follows the model: required vs optional, JSON names, tagged unions."""
    plan = k.ActionPlan(
        title="Handlingsplan 2016-2017",
        partnership=k.Partnership(id="khs", name="Kommunehelsesamarbeidet",
                                  kind=k.PartnershipKind.MUNICIPAL_HEALTH_COOPERATION),
        focus_areas=(k.FocusArea(number=1, title="Barn som pårørende", measures=(
            k.Measure(number=1, text="Fagdag", timeframe=k.Timeframe(
                text="Medio juni", interpretation=k.InMonth(year=2016, month=6, part=k.MonthPart.MID))),
        )),),
    )  # fmt: skip
    locs = {loc.path: loc for loc in locations(json.loads(k.dumps(plan)))}
    assert locs["$.title"].required and locs["$.focus_areas[0].number"].required
    assert not locs["$.focus_areas"].required
    assert locs["$.partnership.partnership_kind"].required  # JSON name of Partnership.kind
    assert locs["$.focus_areas[0].measures[0].timeframe.interpretation.kind"].value == "month"
    assert locs["$.focus_areas[0].measures[0].timeframe.interpretation"].cls is k.InMonth
    assert locs["$.kind"].value == "action_plan" and locs["$.format_version"].value == 2


# ---------------------------------------------------------------------------
# The envelope, case by case (exact messages)
# ---------------------------------------------------------------------------

_PLAN = json.loads(
    k.dumps(k.ActionPlan(title="Handlingsplan for Helsefelleskapet Lofoten, Vesterålen og Salten"))
)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("format_version", 3, "unsupported format version: expected 1 to 2, got number 3 "
         "(a file of a newer khsmodel: upgrade khsmodel to read it)"),
        ("format_version", "2", 'unsupported format version: expected 1 to 2, got string "2"'),
        ("format", "khs", 'expected "khsmodel", got string "khs"'),
        ("kind", "rapport", 'got string "rapport"'),
    ],
)
def test_envelope_errors(key: str, value: Any, message: str) -> None:
    data = {**_PLAN, key: value}
    errors = loads_errors(data)
    assert [p for p, _ in errors] == [f"$.{key}"]
    assert message in errors[0][1]
    assert not VALIDATOR.is_valid(data)


# ---------------------------------------------------------------------------
# The strategies themselves
# ---------------------------------------------------------------------------


@given(ks.texts(hostile=True, max_words=12))
def test_texts_are_never_blank_nor_xml_illegal(text: str) -> None:
    assert text.strip()
    assert not set(text) & ks.ILLEGAL_XML_CHARACTERS
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@given(ks.texts(hostile=False))
def test_texts_without_hostility_are_plain_words(text: str) -> None:
    # (Long words such as "meldingsutvekslingssystem" are hostile only to layout: they are
    # also ordinary seed words. Every other hostile string has a character checked below.)
    assert all(c.isalnum() or c in " -.,:()/" for c in text), text


def test_text_vocabulary_has_norwegian_and_sami_letters() -> None:
    from khsmodel.strategies._vocabulary import _PHRASES, _WORDS

    letters = set("".join(_WORDS)) | set("".join(_PHRASES))
    assert set("æøåØÅ") <= letters
    assert set("áčđŋšŧžÁČĐŊŠŦŽïÏ") <= letters


def test_documents_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        ks.documents(kinds=("rapport",))


def test_import_khsmodel_does_not_import_hypothesis() -> None:
    code = "import sys, khsmodel; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# A strategy for every public model type
# ---------------------------------------------------------------------------

# results and errors, not document content (StatusSummary, PlanDiff: computed, not stored)
_PLAN_WITH_MEASURES = k.ActionPlan(
    title="Handlingsplan 2016-2017",
    period=k.Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
    focus_areas=(k.FocusArea(number=1, title="Barn og unge", measures=(
        k.Measure(number=1, text="Fagdag", timeframe=k.Timeframe(
            text="Juni 2016", interpretation=k.InMonth(year=2016, month=6))),)),),
)  # fmt: skip

_NOT_MODEL_TYPES = {"ErrorDetail", "Finding", "Report", "StatusSummary", "PlanDiff", "WheelEntry"}

STRATEGY_FOR: dict[str, st.SearchStrategy[Any]] = {
    "StatusReport": ks.status_reports(),
    "MeetingPlan": ks.meeting_plans(),
    "PlannedMeeting": ks.meeting_plans(max_meetings=3).filter(lambda p: bool(p.meetings)).map(
        lambda p: p.meetings[0]),
    "YearDate": ks.meeting_plans().filter(lambda p: bool(p.dates)).map(lambda p: p.dates[0]),
    "MeasureReport": ks.status_reports(plan=_PLAN_WITH_MEASURES).map(lambda r: r.items[-1]),
    "ActionPlan": ks.action_plans(),
    "Adoption": ks.adoptions(),
    "AgendaItem": ks.agenda_items(),
    "Agreement": ks.agreements(),
    "AgreementSection": ks.agreement_sections(),
    "ArchiveReference": ks.archive_references(),
    "AtEvent": ks.interpretations(kinds=(k.AtEvent,)),
    "Attachment": ks.attachments(with_document=True),
    "Between": ks.interpretations(kinds=(k.Between,)),
    "Body": ks.bodies(),
    "BodyMember": ks.body_members(),
    "ByDate": ks.interpretations(kinds=(k.ByDate,)),
    "CaseDocument": ks.case_documents(),
    "CaseNumber": ks.case_numbers(),
    "CaseReference": ks.case_references(),
    "Decision": ks.decisions(),
    "EventRef": ks.event_refs(),
    "FocusArea": ks.focus_areas(),
    "HistoryEntry": ks.history_entries(),
    "InMonth": ks.interpretations(kinds=(k.InMonth,)),
    "InYear": ks.interpretations(kinds=(k.InYear,)),
    "ItemList": ks.blocks().filter(lambda b: isinstance(b, k.ItemList)),
    "JournalNumber": ks.journal_numbers(),
    "KommuneNumber": ks.kommune_numbers(),
    "Link": ks.links(),
    "Measure": ks.measures(),
    "MeasureRef": ks.measure_refs(),
    "Meeting": ks.meetings(),
    "Membership": ks.memberships(),
    "Minutes": ks.minutes(),
    "NextMeeting": ks.interpretations(kinds=(k.NextMeeting,)),
    "OnDate": ks.interpretations(kinds=(k.OnDate,)),
    "Organisation": ks.organisations(),
    "OrganisationNumber": ks.organisation_numbers(),
    "OtherName": ks.other_names(),
    "Paragraph": ks.blocks().filter(lambda b: isinstance(b, k.Paragraph)),
    "Participant": ks.participants(),
    "Partnership": ks.partnerships(),
    "Period": ks.periods(),
    "Ongoing": ks.interpretations(kinds=(k.Ongoing,)),
    "Person": ks.persons(),
    "Phase": ks.phases(),
    "PriorityGroup": ks.priority_groups(),
    "Emphasis": ks.emphases(),
    "PartialDate": ks.partial_dates(),
    "ProcessEvent": ks.process_events(),
    "ProgrammeItem": ks.programme_items(),
    "ProgressEntry": ks.progress_entries(),
    "Proposal": ks.proposals(),
    "Recurring": ks.interpretations(kinds=(k.Recurring,)),
    "Resource": ks.resources(),
    "Responsibility": ks.responsibilities(),
    "ResponsibleParty": ks.responsible_parties(),
    "Role": ks.roles(),
    "Section": ks.sections(),
    "StartingFrom": ks.interpretations(kinds=(k.StartingFrom,)),
    "Timeframe": ks.timeframes(),
    "Unit": ks.units(),
    "VoteCount": ks.vote_counts(),
}


def test_every_public_model_type_has_a_strategy() -> None:
    public = {
        name
        for name in k.__all__
        if isinstance(getattr(k, name), type) and attrs.has(getattr(k, name))
    } - _NOT_MODEL_TYPES
    assert public == set(STRATEGY_FOR)


@pytest.mark.parametrize("name", sorted(STRATEGY_FOR))
@settings(max_examples=10)  # a check of each strategy; the heavy properties are above
@given(data=st.data())
def test_each_strategy_makes_its_type_and_it_round_trips(name: str, data: st.DataObject) -> None:
    cls = getattr(k, name)
    value = data.draw(STRATEGY_FOR[name], label=name)
    assert type(value) is cls
    plain = json.loads(json.dumps(unstructure(value), ensure_ascii=False))
    assert structure(plain, cls) == value
