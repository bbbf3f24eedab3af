"""The ``oparl`` exporter: OParl 1.1 JSON for council-information systems.

- A partnership becomes a ``Body`` with its agreement periods as embedded
  ``LegislativeTerm``\\ s; its bodies (OSU, SSU …) and parties (kommuner,
  helseforetak) become ``Organization``\\ s, and the people of its bodies
  ``Person``\\ s with embedded ``Membership``\\ s.
- A meeting becomes a ``Meeting`` with embedded ``AgendaItem``\\ s (the
  meeting's case number in ``number``, the decision in ``result`` and
  ``resolutionText``); the case document of an agenda item becomes a ``Paper``.
- A case document becomes a ``Paper`` with a ``Consultation`` (which body
  treats it, at which meeting and agenda item) and a ``File`` for each
  attachment; the meeting it is laid before is included as a ``Meeting``.

The output is one JSON object::

    {"oparlVersion": "https://schema.oparl.org/1.1/",
     "object": {... the Body, Meeting or Paper ...},
     "included": [... every other object it refers to, each once ...]}

``included`` holds the Body, Organizations, Persons, Meetings and Papers
(in that order) that the main object names by URL; objects OParl embeds
(Membership in Person, AgendaItem in Meeting, Consultation and File in Paper,
LegislativeTerm in Body, Location in Meeting) stay embedded. Every object
validates against its OParl 1.1 schema.

Ids are URLs under the ``base_url`` option (default
``"https://example.invalid/oparl"``) built from the content, so the same input
gives the same ids and bytes, and documents exported apart agree: a meeting is
``{base}/meeting/{body}-{date}``, a case document
``{base}/paper/{body}-{sequence}-{year}`` (the meeting's case number), an
agenda item ``{meeting}/agendaitem/{sequence}-{year}``, a person
``{base}/person/{name}`` (percent-encoded as written, never transliterated). Every field mapped,
and every field that has no place, is listed in docs/formats.md.

Text with control characters that HTML and XML forbid is rejected with its
field path (council-information systems show this text as HTML). Only the
standard library is used.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, ClassVar, cast
from urllib.parse import quote, urlsplit

from khsmodel import PartialDate
from khsmodel.agreements import Agreement
from khsmodel.cases import Attachment, CaseDocument
from khsmodel.decisions import Decision, DecisionKind
from khsmodel.documents import Document
from khsmodel.errors import ExporterOptionError
from khsmodel.exporters import CliOption
from khsmodel.labels import NB
from khsmodel.meetings import AgendaItem, Meeting
from khsmodel.parties import Person
from khsmodel.partnerships import Partnership

from .base import XML_ILLEGAL, check_options, check_text

__all__ = ["DEFAULT_BASE_URL", "OPARL_VERSION", "OparlExporter", "oslo_offset"]

#: The ``oparlVersion`` of the output.
OPARL_VERSION = "https://schema.oparl.org/1.1/"
#: Where ids live unless the ``base_url`` option says otherwise.
DEFAULT_BASE_URL = "https://example.invalid/oparl"

_SCHEMA = "https://schema.oparl.org/1.1/"
_OPTIONS = frozenset({"base_url"})
#: Order of the object types in ``included``.
_TYPE_ORDER = ("Body", "Organization", "Person", "Meeting", "Paper")
#: OParl's own categories for Organization.organizationType.
_GREMIUM = "Gremium"
_INSTITUTION = "Institution"
#: Consultation.role by what adopting the proposal means.
_CONSULTATION_ROLE = {
    DecisionKind.DECISION: NB.decision_kinds["decision"],
    DecisionKind.ADOPTED: NB.decision_kinds["decision"],
    DecisionKind.RECOMMENDATION: NB.decision_kinds["recommendation"],
    DecisionKind.NOTED: NB.decision_kinds["noted"],
    DecisionKind.DELEGATED: NB.decision_kinds["delegated"],
}
_FINAL = frozenset(
    {DecisionKind.DECISION, DecisionKind.ADOPTED, DecisionKind.NOTED, DecisionKind.DELEGATED}
)


def oslo_offset(day: dt.date, time: dt.time) -> str:
    """The UTC offset of Norwegian local time on ``day`` at ``time``: ``"+01:00"`` or ``"+02:00"``.

    Uses the time-zone database (Europe/Oslo) when Python has one, else the
    EU summer-time rule Norway follows (from the last Sunday of March 02:00
    to the last Sunday of October 03:00).

    >>> oslo_offset(dt.date(2022, 2, 4), dt.time(9)), oslo_offset(dt.date(2021, 9, 23), dt.time(9))
    ('+01:00', '+02:00')
    """
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            offset = dt.datetime.combine(day, time, ZoneInfo("Europe/Oslo")).utcoffset()
        except ZoneInfoNotFoundError:
            offset = None
    except ImportError:  # pragma: no cover - zoneinfo is in the standard library
        offset = None
    if offset is None:

        def last_sunday(month: int) -> dt.date:
            d = dt.date(day.year, month, 31)
            return d - dt.timedelta(days=(d.weekday() + 1) % 7)

        start, end = last_sunday(3), last_sunday(10)
        summer = (day > start or (day == start and time >= dt.time(2))) and (
            day < end or (day == end and time < dt.time(3))
        )
        offset = dt.timedelta(hours=2 if summer else 1)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _date_time(day: dt.date, time: dt.time | None) -> str:
    """An RFC 3339 date-time in Norwegian local time; midnight when the time is unknown."""
    t = (time or dt.time(0)).replace(tzinfo=None, microsecond=0)
    return f"{day.isoformat()}T{t.isoformat()}{oslo_offset(day, t)}"


def _day(d: dt.date | PartialDate | None) -> dt.date | None:
    """A date for OParl's date fields: a date known only to the year or month has none."""
    return None if isinstance(d, PartialDate) else d


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _first(d: dt.date | PartialDate) -> dt.date:
    return d.first if isinstance(d, PartialDate) else d


def _last(d: dt.date | PartialDate) -> dt.date:
    return d.last if isinstance(d, PartialDate) else d


def _text(value: str | None) -> str | None:
    return value if value else None


def _decision_text(decision: Decision) -> str:
    lines = [x for x in (decision.text, *decision.items) if x]
    if decision.unanimous is not None:
        lines.append(NB.unanimous if decision.unanimous else NB.not_unanimous)
    if decision.votes is not None:
        v = decision.votes
        lines.append(NB.votes.format(in_favour=v.in_favour, against=v.against,
                                     abstained=v.abstained))  # fmt: skip
    return "\n".join(lines)


def _check_base_url(value: Any) -> str:
    if not isinstance(value, str):
        raise ExporterOptionError(
            "oparl", "base_url", value, f"option base_url must be a string, got {value!r}"
        )
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https") or not parts.netloc or parts.query
        or parts.fragment or any(c.isspace() for c in value)
    ):  # fmt: skip
        raise ExporterOptionError(
            "oparl", "base_url", value,
            f"option base_url must be an http(s) URL without query or fragment, got {value!r}",
        )  # fmt: skip
    return value.rstrip("/")


class _Builder:
    """Collects the objects of one export. One instance per export."""

    def __init__(self, partnership: Partnership | None, base: str) -> None:
        self.partnership = partnership
        self.base = base
        self.included: dict[str, dict[str, Any]] = {}
        self.person_urls: dict[str, str] = {}  # name -> URL
        self.memberships: dict[str, list[dict[str, Any]]] = {}  # person URL -> memberships
        self.body_url = self.url("body", partnership.id) if partnership is not None else None

    # ------------------------------------------------------------------ basics

    def url(self, *segments: str) -> str:
        return "/".join([self.base, *(quote(s, safe="") for s in segments)])

    @staticmethod
    def obj(type_: str, id_: str, **fields: Any) -> dict[str, Any]:
        """An OParl object: id and type first, then the fields that have a value."""
        out: dict[str, Any] = {"id": id_, "type": _SCHEMA + type_}
        for key, value in fields.items():
            if value is None or value == [] or value == "":
                continue
            out[key] = value
        return out

    def include(self, o: dict[str, Any]) -> str:
        self.included.setdefault(o["id"], o)
        return str(o["id"])

    def body_name(self, body_id: str) -> str:
        b = self.partnership.body(body_id) if self.partnership else None
        return (_text(b.name) if b else None) or body_id

    def meeting_url(self, body_id: str, day: dt.date) -> str:
        return self.url("meeting", f"{body_id}-{day.isoformat()}")

    def paper_url(self, body_id: str, sequence: int, year: int) -> str:
        return self.url("paper", f"{body_id}-{sequence}-{year}")

    # ------------------------------------------------------------- organisations

    def body_org(self, body_id: str) -> str:
        """The Organization of a body of the partnership (included once), its URL."""
        url = self.url("organization", "body", body_id)
        if url in self.included:
            return url
        b = self.partnership.body(body_id) if self.partnership else None
        if b is None:
            return self.include(self.obj("Organization", url, body=self.body_url, name=body_id,
                                         organizationType=_GREMIUM))  # fmt: skip
        self.included[url] = {}  # reserve: a parent chain must not loop
        parent = self.body_org(b.parent) if b.parent and b.parent != body_id else None
        self.included[url] = self.obj(
            "Organization", url, body=self.body_url, name=_text(b.name) or b.id,
            shortName=_text(b.abbreviation), organizationType=_GREMIUM,
            classification=NB.body_kinds[b.kind.value], subOrganizationOf=parent,
            # OParl's dates are days: a year or month alone ("2009") is left out
            startDate=_iso(_day(b.established)),
            endDate=_iso(_day(b.dissolved)),
        )  # fmt: skip
        return url

    def party_org(self, party_id: str, text: str | None = None) -> str:
        """The Organization of a party (kommune, helseforetak …), included once; its URL."""
        url = self.url("organization", "party", party_id)
        if url in self.included:
            return url
        org = self.partnership.party(party_id) if self.partnership else None
        if org is None:
            return self.include(self.obj("Organization", url, body=self.body_url,
                                         name=_text(text) or party_id,
                                         organizationType=_INSTITUTION))  # fmt: skip
        self.included[url] = {}
        parent = (
            self.party_org(org.parent)
            if org.parent and org.parent != party_id and self.partnership is not None
            and self.partnership.party(org.parent) is not None else None
        )  # fmt: skip
        # A member's dates are its membership of the partnership (first start, last end);
        # the roles of its memberships are its keywords. Others keep their own validity.
        assert self.partnership is not None  # org was found in it
        ms = [m for m in self.partnership.memberships if m.party == party_id]
        start, end = org.valid_from, org.valid_to
        if ms:
            starts = [m.valid_from for m in ms]
            ends = [m.valid_to for m in ms]
            first = None if None in starts else min((d for d in starts if d), key=_first)
            last = None if None in ends else max((d for d in ends if d), key=_last)
            # OParl dates are days: a membership known only to the year or month has none
            start, end = _day(first), _day(last)
        self.included[url] = self.obj(
            "Organization", url, body=self.body_url, name=_text(org.name) or org.id,
            shortName=_text(org.short_name), organizationType=_INSTITUTION,
            classification=NB.organisation_kinds[org.kind.value], subOrganizationOf=parent,
            startDate=start.isoformat() if start else None,
            endDate=end.isoformat() if end else None,
            website=_text(org.url),
            keyword=list(dict.fromkeys(NB.membership_roles[m.role.value] for m in ms)),
        )  # fmt: skip
        return url

    # ------------------------------------------------------------------ people

    def person(self, person: Person) -> str:
        """The Person (included once per name, roles become memberships); its URL."""
        name = _text(person.name) or person.display()
        url = self.person_urls.get(name)
        if url is None:
            url = self.url("person", name)  # percent-encoded as written: no transliteration
            self.person_urls[name] = url
            self.memberships[url] = []
            self.include(self.obj("Person", url, body=self.body_url, name=name,
                                  email=[person.email] if person.email else None))  # fmt: skip
        elif person.email and "email" not in self.included[url]:
            self.included[url]["email"] = [person.email]
        for role in person.roles:
            if role.body is not None:
                org = self.body_org(role.body)
                behalf = self.party_org(role.organisation, role.organisation_text) if (
                    role.organisation) else None  # fmt: skip
            elif role.organisation is not None:
                org, behalf = self.party_org(role.organisation, role.organisation_text), None
            else:
                continue
            self.membership(url, org, role=_text(role.title), on_behalf_of=behalf,
                            start=role.valid_from, end=role.valid_to)  # fmt: skip
        return url

    def membership(
        self, person_url: str, org: str, *, role: str | None, on_behalf_of: str | None,
        start: dt.date | None, end: dt.date | None,
    ) -> None:  # fmt: skip
        fields = {
            "person": person_url,
            "organization": org,
            "role": role,
            "onBehalfOf": on_behalf_of,
            "startDate": start.isoformat() if start else None,
            "endDate": end.isoformat() if end else None,
        }
        existing = self.memberships[person_url]
        new = self.obj("Membership", f"{person_url}/membership/{len(existing) + 1}", **fields)
        same = {k: v for k, v in new.items() if k != "id"}
        if any({k: v for k, v in m.items() if k != "id"} == same for m in existing):
            return
        existing.append(new)

    # ----------------------------------------------------------------- objects

    def body(self, p: Partnership) -> dict[str, Any]:
        assert self.body_url is not None
        terms = []
        if p.period is not None and (p.period.start or p.period.effective_end):
            end = p.period.effective_end
            # the name says the period as given; OParl's dates are days, so a start or end
            # known only to the year or month ("2009") is left out rather than invented
            terms.append((_text(p.period.text) or NB.period_text(p.period.start, end)
                          or p.name, _day(p.period.start), _day(end)))  # fmt: skip
        for a in p.agreements:
            terms += self.agreement_term(a)
        legislative = [
            self.obj("LegislativeTerm", f"{self.body_url}/legislativeterm/{i + 1}",
                     body=self.body_url, name=name,
                     startDate=start.isoformat() if start else None,
                     endDate=end.isoformat() if end else None)
            for i, (name, start, end) in enumerate(terms)
        ]  # fmt: skip
        body = self.obj(
            "Body", self.body_url, name=p.name, shortName=_text(p.short_name),
            website=_text(p.url), classification=NB.partnership_kinds[p.kind.value],
            organization=f"{self.body_url}/organization", person=f"{self.body_url}/person",
            meeting=f"{self.body_url}/meeting", paper=f"{self.body_url}/paper",
        )  # fmt: skip
        body["legislativeTerm"] = legislative  # required, even when empty
        return body

    @staticmethod
    def agreement_term(a: Agreement) -> list[tuple[str, dt.date | None, dt.date | None]]:
        v = a.validity
        if v is None or not (v.start or v.effective_end):
            return []
        return [(_text(a.short_title) or a.title, _day(v.start), _day(v.effective_end))]

    def partnership_objects(self, p: Partnership) -> None:
        for b in p.bodies:
            self.body_org(b.id)
        for o in p.parties:
            self.party_org(o.id)
        for b in p.bodies:
            for member in b.members:
                if member.person is None:
                    continue
                url = self.person(member.person)
                self.membership(
                    url, self.body_org(b.id),
                    role=NB.role_kinds[member.role.value] if member.role else None,
                    on_behalf_of=self.party_org(member.party) if member.party else None,
                    start=member.valid_from, end=member.valid_to,
                )  # fmt: skip

    def file(self, id_: str, att: Attachment, *, back: str, back_key: str) -> dict[str, Any]:
        return self.obj(
            "File", id_, name=_text(att.title), mimeType=_text(att.media_type),
            accessUrl=_text(att.url) or id_, **{back_key: [back]},
        )  # fmt: skip

    def agenda_item(
        self, meeting_url: str, item_id: str, *, order: int, number: str, name: str | None,
        decision: Decision | None, consultation: str | None,
    ) -> dict[str, Any]:  # fmt: skip
        result = None
        if decision is not None:
            result = _text(decision.heading) or NB.decision_kinds[decision.kind.value]
        return self.obj(
            "AgendaItem", item_id, meeting=meeting_url, number=number, order=order,
            name=_text(name), consultation=consultation, result=result,
            resolutionText=_decision_text(decision) if decision is not None else None,
        )  # fmt: skip

    def paper(
        self, case: CaseDocument, *, meeting_url: str | None, item_url: str | None,
    ) -> tuple[str, str]:  # fmt: skip
        """The Paper of a case document (included); its URL and its consultation's URL."""
        cn = case.case_number
        url = self.paper_url(case.body, cn.sequence, cn.year)
        consultation_url = f"{url}/consultation/1"
        if url in self.included:
            return url, consultation_url
        self.included[url] = {}
        authoritative = None
        if case.decision is not None and case.decision.kind is not DecisionKind.OTHER:
            authoritative = case.decision.kind in _FINAL
        role = None
        if case.proposal is not None and case.proposal.decision_kind is not None:
            role = _CONSULTATION_ROLE.get(case.proposal.decision_kind)
        consultation = self.obj(
            "Consultation", consultation_url, paper=url, agendaItem=item_url,
            meeting=meeting_url, organization=[self.body_org(case.body)],
            authoritative=authoritative, role=role,
        )  # fmt: skip
        related = [
            self.paper_url(r.body or case.body, r.case_number.sequence, r.case_number.year)
            for r in case.references if r.case_number is not None
        ]  # fmt: skip
        proposer = None
        if case.proposal is not None and case.proposal.proposed_by:
            proposer = [self.body_org(case.proposal.proposed_by)]
        self.included[url] = self.obj(
            "Paper", url, body=self.body_url,
            name=_text(case.title) or f"{NB.case_document} {cn.text}",
            reference=case.archive_reference.number if case.archive_reference else None,
            date=case.document_date.isoformat() if case.document_date else None,
            paperType=_text(case.document_type) or NB.case_document,
            relatedPaper=list(dict.fromkeys(u for u in related if u != url)),
            auxiliaryFile=[self.file(f"{url}/file/{i + 1}", a, back=url, back_key="paper")
                           for i, a in enumerate(case.attachments)],
            originatorPerson=list(dict.fromkeys(self.person(p) for p in case.case_officers)),
            originatorOrganization=proposer,
            consultation=[consultation],
        )  # fmt: skip
        return url, consultation_url

    def meeting(self, m: Meeting) -> dict[str, Any]:
        url = self.meeting_url(m.body, m.date)
        items = []
        used: set[str] = set()
        for order, item in enumerate(m.agenda, start=1):
            item_url = self.item_url(url, item, used, order)
            consultation = None
            if item.case_document is not None:
                _, consultation = self.paper(item.case_document, meeting_url=url,
                                             item_url=item_url)  # fmt: skip
            items.append(self.agenda_item(
                url, item_url, order=order, number=item.case_number.text, name=item.title,
                decision=item.decision, consultation=consultation,
            ))  # fmt: skip
        participants = [self.person(p.person) for p in m.participants
                        if p.person is not None and p.present]  # fmt: skip
        participants += [self.person(s) for item in m.programme for s in item.speakers]
        minutes = m.minutes
        protocol = None
        if minutes is not None:
            protocol = self.obj(
                "File", f"{url}/file/protokoll", name=_text(minutes.title),
                date=minutes.date.isoformat() if minutes.date else None,
                accessUrl=_text(minutes.url) or f"{url}/file/protokoll", meeting=[url],
            )  # fmt: skip
        location = None
        if m.location:
            location = self.obj("Location", f"{url}/location", description=m.location,
                                meetings=[url])  # fmt: skip
        return self.obj(
            "Meeting", url,
            name=_text(m.title) or f"{NB.kinds['meeting']} i {self.body_name(m.body)}",
            meetingState="durchgeführt" if minutes is not None and minutes.approved else None,
            start=_date_time(m.date, m.start_time),
            end=_date_time(m.date, m.end_time) if m.end_time else None,
            location=location, organization=[self.body_org(m.body)],
            participant=list(dict.fromkeys(participants)), resultsProtocol=protocol,
            auxiliaryFile=[self.file(f"{url}/file/{i + 1}", a, back=url, back_key="meeting")
                           for i, a in enumerate(m.presentations)],
            agendaItem=items,
        )  # fmt: skip

    @staticmethod
    def item_url(meeting_url: str, item: AgendaItem, used: set[str], order: int) -> str:
        cn = item.case_number
        url = f"{meeting_url}/agendaitem/{cn.sequence}-{cn.year}"
        if url in used:
            url = f"{url}-{order}"
        used.add(url)
        return url

    def case_meeting(self, case: CaseDocument) -> tuple[str | None, str | None]:
        """The Meeting the case is laid before (included), with its one agenda item."""
        if case.meeting_date is None:
            return None, None
        url = self.meeting_url(case.body, case.meeting_date)
        cn = case.case_number
        item_url = f"{url}/agendaitem/{cn.sequence}-{cn.year}"
        item = self.agenda_item(
            url, item_url, order=cn.sequence, number=cn.text,
            name=case.title, decision=case.decision,
            consultation=f"{self.paper_url(case.body, cn.sequence, cn.year)}/consultation/1",
        )  # fmt: skip
        self.include(self.obj(
            "Meeting", url, name=f"{NB.kinds['meeting']} i {self.body_name(case.body)}",
            start=_date_time(case.meeting_date, None),
            organization=[self.body_org(case.body)], agendaItem=[item],
        ))  # fmt: skip
        return url, item_url

    # ------------------------------------------------------------------ output

    def finish(self, main: dict[str, Any]) -> bytes:
        for url, memberships in self.memberships.items():
            if memberships:
                self.included[url]["membership"] = memberships
                for m in memberships:
                    org = self.included.get(m["organization"])
                    if org is not None:
                        org.setdefault("membership", []).append(m["id"])
        self.included.pop(main["id"], None)
        rank = {t: i for i, t in enumerate(_TYPE_ORDER)}
        ordered = sorted(
            (o for o in self.included.values() if o),
            key=lambda o: rank.get(o["type"].rsplit("/", 1)[-1], len(rank)),
        )  # stable: insertion order within a type
        out = {"oparlVersion": OPARL_VERSION, "object": main, "included": ordered}
        return (json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class OparlExporter:
    """OParl 1.1 JSON for partnerships, meetings and case documents (standard library only)."""

    name = "oparl"
    suffix = ".oparl.json"
    media_type = "application/json"
    kinds: tuple[str, ...] = ("partnership", "meeting", "case_document")
    requires: tuple[str, ...] = ()
    install_hint: str | None = None
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        "base_url": CliOption("text", "URL", f"where the ids live (default {DEFAULT_BASE_URL})"),
    }

    def export(self, doc: Document, **options: Any) -> bytes:
        check_options(self.name, options, _OPTIONS)
        base = _check_base_url(options.get("base_url", DEFAULT_BASE_URL))
        doc = cast(Partnership | Meeting | CaseDocument, doc)  # the registry checked the kind
        check_text(
            doc,
            XML_ILLEGAL,
            reason="is not allowed in OParl text (council-information systems "
            "show it as HTML, which forbids control characters other than tab and line "
            "breaks)",
        )
        if isinstance(doc, Partnership):
            b = _Builder(doc, base)
            main = b.body(doc)
            b.partnership_objects(doc)
            return b.finish(main)
        b = _Builder(doc.partnership, base)
        if doc.partnership is not None:
            b.include(b.body(doc.partnership))
        if isinstance(doc, Meeting):
            return b.finish(b.meeting(doc))
        meeting_url, item_url = b.case_meeting(doc)
        paper_url, _ = b.paper(doc, meeting_url=meeting_url, item_url=item_url)
        main = b.included.pop(paper_url)
        return b.finish(main)
