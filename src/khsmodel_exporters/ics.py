"""The ``ics`` exporter: meetings, cases and dated measures as an iCalendar file (RFC 5545).

- A **meeting** is a ``VEVENT``: summary its title (or the body's name),
  ``DTSTART``/``DTEND`` in Europe/Oslo local time when the meeting has a start
  time (else an all-day event), the location, and a description with the body,
  the meeting's description, the agenda (case number and title of each case)
  and the programme.
- An **action plan** gives one all-day ``VEVENT`` per measure whose timeframe
  states its days (``Timeframe.precision(plan.period)`` is ``DAY``), from the
  first to the last day ("15 mars", "10. mars - 6. mai 2022"); a start on a
  day ("Oppstart 1. mars") is a one-day event "Start: …" on that day, a
  deadline on a day ("innen 1. juni") a one-day event "Frist: …". An ongoing
  measure ("Løpende") spans the plan's period when the period's ends are days.
  Every fuzzier timeframe is left out: a month ("April", "Medio juni": its
  ten days would be invented), a span of weeks, months or seasons, a quarter,
  a year ("2016"), a deadline or start that names no day ("innen utgangen av
  mars", "Starter i april"), a recurrence ("Årlig i mars", "Kvartalsvis": its
  occurrences are months, quarters or years; "Hvert møte" has no dates), and a
  timeframe without dates. An event would state days the plan does not give;
  the plan's document prints them as written. The summary is the measure's
  text after the number the plan's document prints before it
  (:func:`.content.plans.measure_number`: its label as written, none when the
  plan does not number its measures; option ``numbering`` as for ``docx``).
  With ``measures="todos"`` every such measure is a ``VTODO`` instead
  (``DTSTART``, ``DUE`` = last day, ``STATUS`` from the measure's status) for
  task lists; many calendar programs ignore to-dos, so events are the default.
  A plan with no measure on a day gives a calendar without events (valid
  iCalendar); the command line says so.
- A **meeting plan** (møteplan) gives one ``VEVENT`` per planned meeting, as a
  meeting (timed or all-day, location, ``CATEGORIES`` "Møte"), and the deadline
  for a meeting's case documents as a separate all-day ``VEVENT`` "Frist for
  saksdokumenter: …" (``CATEGORIES`` "Frist for saksdokumenter") on its day: the
  deadline concerns those who write the case documents, not every participant,
  and an alarm (``VALARM``) of an imported calendar is dropped or ignored by many
  calendar programs. The plan's other dates are all-day events too
  (``CATEGORIES`` "Dato"), and so are the embedded action plan's measures that the
  document lists under its dated measures (``CATEGORIES`` "Tiltak"): one on a day
  on that day, one due by a day ("Innen 1. oktober 2026") as "Frist: …" on that
  day with the timeframe as written in its description (an event, not a
  ``VTODO``: many calendar programs do not show to-dos of an imported calendar).
  Its fuzzy measures (a month, a year) are not repeated: export the plan for them.
- A **case document** is an all-day ``VEVENT`` on its meeting date ("Sak
  07-2021: …") when it has one; documents attached to it (a plan, a meeting,
  a case) add their own events.

The words the exporter composes (the categories, "Frist: …", "Start: …", the lines
of a description such as "Utvalg: …", dates) are those of the document's language
(``Labels.calendar`` and the other labels of :mod:`khsmodel.labels`; above in
Bokmål), or of the ``language`` option; a ``labels`` bundle wins over both.

UIDs are UUID 5 of what identifies the thing (partnership, body and date or id
of a meeting; plan id or title and the measure's numbers or id), so an
updated export replaces the earlier events in a calendar instead of doubling
them. ``DTSTAMP`` is never the clock, so the same document gives the same bytes
(at 00:00 UTC): for an action plan the date it was adopted (its latest adoption),
else, like a meeting plan, the earliest date found in it (a plan is made before
what it plans, so a stamp after its first date would lie in the future of the
data); for a meeting or case document the latest date found in it (the
meeting's minutes approved, say). The embedded partnership is left out. The calendar carries
a fixed ``VTIMEZONE`` for Europe/Oslo (CET/CEST with the EU rules), so the
output does not depend on the installed time-zone database.

Text with control characters iCalendar cannot carry is rejected with its
field path before any output exists (see :mod:`._safety`); line breaks are
kept (written as ``\\n``).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from khsmodel._base import ItemList, Paragraph, PartialDate
from khsmodel.cases import CaseDocument
from khsmodel.documents import Document
from khsmodel.errors import ExporterOptionError, KhsModelError
from khsmodel.exporters import CliOption
from khsmodel.labels import Labels
from khsmodel.meetingplans import MeetingPlan, PlannedMeeting
from khsmodel.meetings import Meeting
from khsmodel.partnerships import Partnership
from khsmodel.plans import ActionPlan, FocusArea, Measure, MeasureStatus
from khsmodel.timeframes import Precision

from .base import DOCUMENT_CLI_OPTIONS, check_options, check_text, labels_option, option_error
from .content.plans import focus_area_heading, measure_number

if TYPE_CHECKING:
    from icalendar import Calendar, Component

__all__ = ["NAMESPACE", "TZID", "IcsExporter"]

#: Namespace of the UUID 5 UIDs.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/khsmodel/ics")
#: The time zone of every date-time written.
TZID = "Europe/Oslo"
PRODID = "-//khsmodel//khsmodel ics exporter//NB"

#: RFC 5545 TEXT forbids control characters other than tab (line breaks are escaped).
ICS_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

_TODO_STATUS = {
    MeasureStatus.PLANNED: "NEEDS-ACTION",
    MeasureStatus.POSTPONED: "NEEDS-ACTION",
    MeasureStatus.STARTED: "IN-PROCESS",
    MeasureStatus.ONGOING: "IN-PROCESS",
    MeasureStatus.DONE: "COMPLETED",
    MeasureStatus.CARRIED_OVER: "COMPLETED",
    MeasureStatus.CANCELLED: "CANCELLED",
}
_FALLBACK_STAMP = dt.date(1970, 1, 1)


def _check(doc: Document) -> None:
    check_text(
        doc,
        ICS_ILLEGAL,
        reason="is not allowed in iCalendar text (RFC 5545 forbids control "
        "characters other than tab and line breaks)",
    )


def _latest_date(obj: Any) -> dt.date | None:
    """The latest date in a document (walks attrs fields and tuples), leaving out the
    embedded partnership: it is context, not part of what the calendar shows."""
    latest: dt.date | None = None
    stack = [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, PartialDate):  # a year or month: its last day is the latest
            value = value.last
        if isinstance(value, dt.date):
            if latest is None or value > latest:
                latest = value
        elif isinstance(value, tuple):
            stack.extend(value)
        elif attrs.has(type(value)) and not isinstance(value, Partnership):
            stack.extend(getattr(value, a.name) for a in attrs.fields(type(value)))
    return latest


def _earliest_date(obj: Any) -> dt.date | None:
    """The earliest date in a document (as :func:`_latest_date`, a partial date by its first day)."""
    earliest: dt.date | None = None
    stack = [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, PartialDate):
            value = value.first
        if isinstance(value, dt.date):
            if earliest is None or value < earliest:
                earliest = value
        elif isinstance(value, tuple):
            stack.extend(value)
        elif attrs.has(type(value)) and not isinstance(value, Partnership):
            stack.extend(getattr(value, a.name) for a in attrs.fields(type(value)))
    return earliest


def _stamp_date(doc: Document) -> dt.date:
    """The day of ``DTSTAMP``: see the module's text."""
    if isinstance(doc, ActionPlan):
        adopted = [a.date for a in doc.adoptions if a.date is not None]
        if adopted:
            return max(adopted)
    if isinstance(doc, (ActionPlan, MeetingPlan)):
        return _earliest_date(doc) or _FALLBACK_STAMP
    return _latest_date(doc) or _FALLBACK_STAMP


def _text(s: str) -> str:
    """Line breaks as LF (iCalendar escapes them as ``\\n``; a lone CR must not reach it)."""
    return s.replace("\r\n", "\n").replace("\r", "\n")


def _blocks_text(blocks: tuple[Paragraph | ItemList, ...]) -> list[str]:
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            lines.append(b.text)
        else:
            for i, item in enumerate(b.items):
                lines.append(f"{b.start + i}. {item}" if b.ordered else f"- {item}")
    return lines


def _body_name(partnership: Partnership | None, body: str | None) -> str | None:
    if body is None:
        return None
    found = partnership.body(body) if partnership else None
    return found.name if found else body


class _Builder:
    def __init__(
        self, stamp: dt.datetime, measures: str, labels: Labels, numbering: bool | None = None
    ) -> None:
        from zoneinfo import ZoneInfo

        self.L = labels
        self.tz = ZoneInfo(TZID)
        self.stamp = stamp
        self.measures = measures
        self.numbering = numbering
        self.uids: set[str] = set()
        self.components: list[Component] = []

    def uid(self, name: str) -> str:
        candidate, n = name, 1
        while str(uuid.uuid5(NAMESPACE, candidate)) in self.uids:
            n += 1
            candidate = f"{name}#{n}"
        uid = str(uuid.uuid5(NAMESPACE, candidate))
        self.uids.add(uid)
        return uid

    def new(self, kind: str, name: str, summary: str, description: list[str]) -> Component:
        from icalendar import Event, Todo

        comp: Component = Todo() if kind == "todo" else Event()
        comp.add("uid", self.uid(name))
        comp.add("dtstamp", self.stamp)
        comp.add("summary", _text(summary))
        text = "\n".join(line for line in description if line)
        if text:
            comp.add("description", _text(text))
        self.components.append(comp)
        return comp

    # -- documents --------------------------------------------------------
    def document(self, doc: Document, partnership: Partnership | None) -> None:
        own = getattr(doc, "partnership", None)
        partnership = own if isinstance(own, Partnership) else partnership
        if isinstance(doc, Meeting):
            self.meeting(doc, partnership)
        elif isinstance(doc, ActionPlan):
            self.plan(doc)
        elif isinstance(doc, CaseDocument):
            self.case(doc, partnership)
        elif isinstance(doc, MeetingPlan):
            self.meeting_plan(doc)

    def meeting_plan(self, mp: MeetingPlan) -> None:
        L = self.L
        pkey = f"{mp.partnership.id if mp.partnership else ''}/{mp.id or mp.year}"
        for m in mp.meetings:
            self.planned_meeting(mp, m, pkey)
        for d in mp.dates:
            lines = [f"{L.body}: {mp.body_name(d.body)}"] if d.body else []
            ev = self.new("event", f"meeting_plan/{pkey}/date/{d.date.isoformat()}/{d.text}",
                          d.text, lines)  # fmt: skip
            ev.add("dtstart", d.date)
            ev.add("dtend", d.date + dt.timedelta(days=1))
            ev.add("categories", [L.calendar["date"]])
        # the embedded plan's measures the document shows ("Tiltak med dato"): those on a
        # day, and those due by a day ("Innen 1. oktober 2026") as a deadline on that day
        for e in mp.wheel():
            if e.kind != "measure":
                continue
            lines = [f"{L.kinds['action_plan']}: {mp.plan.title}"] if mp.plan else []
            if e.due:
                lines.append(f"{L.timeframe}: {e.due}")
            summary = L.calendar["due"].format(measure=e.text) if e.due else e.text
            ev = self.new("event", f"meeting_plan/{pkey}/measure/{e.date.isoformat()}/{e.text}",
                          summary, lines)  # fmt: skip
            ev.add("dtstart", e.date)
            ev.add("dtend", e.date + dt.timedelta(days=1))
            ev.add("transp", "TRANSPARENT")
            ev.add("categories", [L.measure])

    def planned_meeting(self, mp: MeetingPlan, m: PlannedMeeting, pkey: str) -> None:
        L = self.L
        body = mp.body_name(m.body)
        due = mp.deadline(m)
        lines = [f"{L.body}: {body}"]
        if due is not None:
            lines.append(f"{L.calendar['deadline']}: {L.date(due)}")
        if m.note:
            lines.append(m.note)
        key = f"meeting_plan/{pkey}/{m.body}/{m.date.isoformat()}"
        title = mp.meeting_title(m)
        ev = self.new("event", key, title or body, lines)
        self.when_and_where(ev, m)
        ev.add("categories", [L.calendar["meeting"]])
        if due is not None:
            when = f"{title or body} {L.date(m.date)}"
            dl = self.new("event", f"{key}/deadline", f"{L.calendar['deadline']}: {when}",
                          [f"{L.body}: {body}"])  # fmt: skip
            dl.add("dtstart", due)
            dl.add("dtend", due + dt.timedelta(days=1))
            dl.add("categories", [L.calendar["deadline"]])

    def when_and_where(self, ev: Any, m: Meeting | PlannedMeeting) -> None:
        """A meeting's time (all day without a start time) and place, on its event."""
        if m.start_time is not None:
            ev.add("dtstart", dt.datetime.combine(m.date, m.start_time, self.tz))
            if m.end_time is not None and m.end_time > m.start_time:
                ev.add("dtend", dt.datetime.combine(m.date, m.end_time, self.tz))
        else:
            ev.add("dtstart", m.date)
            ev.add("dtend", m.date + dt.timedelta(days=1))
        if m.location:
            ev.add("location", _text(m.location))

    def meeting(self, m: Meeting, partnership: Partnership | None) -> None:
        L = self.L
        body = _body_name(partnership, m.body) or m.body
        key = m.id or f"{m.body}/{m.date.isoformat()}"
        lines = [f"{L.body}: {body}", *_blocks_text(m.description)]
        if m.agenda:
            lines.append(f"{L.agenda}:")
            lines += [f"{L.case_title} {a.case_number.text}: {a.title}" for a in m.agenda]
        if m.programme:
            lines.append(f"{L.programme}:")
            for p in m.programme:
                time = f"{p.start_time.strftime('%H:%M')} " if p.start_time else ""
                lines.append(f"- {time}{p.title + ': ' if p.title else ''}{p.text}")
        if m.participants_text:
            lines.append(f"{L.participants}: {m.participants_text}")
        pkey = partnership.id if partnership else ""
        ev = self.new("event", f"meeting/{pkey}/{key}", m.title or body, lines)
        self.when_and_where(ev, m)
        if m.minutes is not None and m.minutes.url:
            ev.add("url", m.minutes.url)

    def case(self, c: CaseDocument, partnership: Partnership | None) -> None:
        L = self.L
        if c.meeting_date is not None:
            body = _body_name(partnership, c.body) or c.body
            title = c.title or c.document_type or L.case_document
            lines = [f"{L.body}: {body}", f"{L.case_number} {c.case_number.text}"]
            if c.archive_reference is not None:
                lines.append(f"{L.archive_reference}: {c.archive_reference.number}")
            if c.proposal is not None:
                lines += [f"{c.proposal.heading or L.proposals[c.proposal.kind.value]}:",
                          c.proposal.text]  # fmt: skip
            if c.attachments:
                lines.append(f"{L.attachments}:")
                lines += [f"- {a.title}" for a in c.attachments]
            pkey = partnership.id if partnership else ""
            ev = self.new(
                "event",
                f"case/{pkey}/{c.body}/{c.case_number.canonical}",
                f"{L.case_title} {c.case_number.text}: {title}",
                lines,
            )
            ev.add("dtstart", c.meeting_date)
            ev.add("dtend", c.meeting_date + dt.timedelta(days=1))
        for a in c.attachments:
            if a.document is not None:
                self.document(a.document, partnership)

    def plan(self, plan: ActionPlan) -> None:
        pkey = plan.id or plan.title
        for fa, m in plan.iter_measures():
            self.measure(plan, pkey, fa, m, f"{fa.number}/{m.id or m.number}")
        for m in plan.ongoing_activities:
            self.measure(plan, pkey, None, m, f"ongoing/{m.id or m.number}")

    def measure(
        self, plan: ActionPlan, pkey: str, fa: FocusArea | None, m: Measure, key: str
    ) -> None:
        L = self.L
        tf = m.timeframe
        # only what the plan states to the day: "Medio juni" or "2016" as days would be
        # invented precision (the module's text)
        if tf is None or tf.precision(plan.period) is not Precision.DAY:
            return
        rng = tf.date_range(plan.period)
        assert rng is not None  # a precision is given only for dates
        start, end = rng
        if start is not None and end is not None and end < start:
            raise KhsModelError(
                f"measure {key} of {plan.title!r}: its timeframe {tf.text!r} ends "
                f"({end.isoformat()}) before it starts ({start.isoformat()})"
            )
        # numbered as the plan's document numbers it, so the two agree
        number = measure_number(self.numbering, m, fa.number if fa is not None else None)
        summary = f"{number} {m.text}" if number else m.text
        lines = [f"{L.kinds['action_plan']}: {plan.title}"]
        if fa is not None:  # as the document heads it: its label as written, else its title
            lines.append(focus_area_heading(fa) if fa.label else f"{L.focus_area}: {fa.title}")
        elif plan.ongoing_activities_text:
            lines.append(plan.ongoing_activities_text)
        else:
            lines.append(L.ongoing_activities)
        lines += list(m.details)
        if m.responsibility is not None:
            lines.append(f"{L.responsible}: {m.responsibility.text}")
        if m.timeframe is not None:
            lines.append(f"{L.timeframe}: {m.timeframe.text}")
        if m.phase is not None:
            lines.append(f"{L.phase}: {m.phase.label}" + (f" {m.phase.title}" if m.phase.title else ""))
        if m.status is not None:
            lines.append(f"{L.status}: {L.measure_status[m.status.value]}")
        if m.progress:
            last = m.progress[-1]
            lines.append(f"{L.date(last.date)}: {last.text}")
        name = f"measure/{pkey}/{key}"
        if self.measures == "todos":
            todo = self.new("todo", name, summary, lines)
            if start is not None and (end is None or start < end):
                todo.add("dtstart", start)
            if end is not None:
                todo.add("due", end)
            if m.status is not None:
                todo.add("status", _TODO_STATUS[m.status])
            return
        if start is None:
            assert end is not None
            summary, start = L.calendar["due"].format(measure=summary), end
        elif end is None:
            summary, end = L.calendar["start"].format(measure=summary), start
        ev = self.new("event", name, summary, lines)
        ev.add("dtstart", start)
        ev.add("dtend", end + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        if m.status is MeasureStatus.CANCELLED:
            ev.add("status", "CANCELLED")


def _timezone() -> Component:
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    for cls, name, frm, to, start, month in (
        (TimezoneDaylight, "CEST", dt.timedelta(hours=1), dt.timedelta(hours=2),
         dt.datetime(1970, 3, 29, 2, 0), 3),
        (TimezoneStandard, "CET", dt.timedelta(hours=2), dt.timedelta(hours=1),
         dt.datetime(1970, 10, 25, 3, 0), 10),
    ):  # fmt: skip
        part = cls()
        part.add("tzname", name)
        part.add("tzoffsetfrom", frm)
        part.add("tzoffsetto", to)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def _calendar_name(doc: Document, L: Labels) -> str:
    if isinstance(doc, Meeting):
        body = _body_name(doc.partnership, doc.body) or doc.body
        return doc.title or f"{body} {L.date(doc.date)}"
    if isinstance(doc, ActionPlan):
        return doc.title
    if isinstance(doc, MeetingPlan):
        return doc.title or L.meeting_plan["title"].format(year=doc.year)
    if isinstance(doc, CaseDocument):
        return f"{L.case_title} {doc.case_number.text}" + (f": {doc.title}" if doc.title else "")
    return L.kinds.get(getattr(type(doc), "KIND", ""), "khsmodel")


class IcsExporter:
    """iCalendar (``.ics``) of meetings, case documents and the dated measures of plans.

    Option ``measures``: ``"events"`` (default, all-day events) or ``"todos"``. Option
    ``numbering``, as for ``docx``: the number before a measure's summary (default: the
    label the plan prints, if any).
    Options ``language`` and ``labels``, as for the ``docx`` exporter: the words the
    calendar composes (categories, "Frist: …", the lines of a description, dates) are
    those of the document's language unless one of them says otherwise.
    """

    name = "ics"
    suffix = ".ics"
    media_type = "text/calendar"
    kinds: tuple[str, ...] = ("meeting", "action_plan", "case_document", "meeting_plan")
    requires: tuple[str, ...] = ("icalendar",)
    install_hint: str | None = 'pip install "khsmodel[ics]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        "measures": CliOption("choice", help="dated measures as all-day events (default) or to-dos",
                              choices=("events", "todos")),
        "language": DOCUMENT_CLI_OPTIONS["language"],
        "numbering": DOCUMENT_CLI_OPTIONS["numbering"],
    }  # fmt: skip

    def export(self, doc: Document, **options: Any) -> bytes:
        check_options(self.name, options, ("measures", "language", "labels", "numbering"))
        measures = options.get("measures", "events")
        if measures not in ("events", "todos"):
            raise ExporterOptionError(self.name, "measures", measures,
                                      f'measures must be "events" or "todos", got {measures!r}')
        numbering = options.get("numbering")
        if numbering is not None and not isinstance(numbering, bool):
            raise option_error(self.name, "numbering", numbering, "True or False")
        labels = labels_option(self.name, options, doc)
        _check(doc)
        from icalendar import Calendar, vText

        stamp = dt.datetime.combine(_stamp_date(doc), dt.time(0, 0), dt.UTC)
        builder = _Builder(stamp, measures, labels, numbering)
        builder.document(doc, None)

        cal: Calendar = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        # An X- property is not escaped unless given as vText: a title with a line break
        # would otherwise end the content line.
        cal.add("x-wr-calname", vText(_text(_calendar_name(doc, labels))))
        cal.add("x-wr-timezone", TZID)
        cal.add_component(_timezone())
        for comp in builder.components:
            cal.add_component(comp)
        return bytes(cal.to_ical())
