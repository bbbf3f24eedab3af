"""The ``noark5`` exporter: a Noark 5 v5.0 archive structure (``arkivstruktur.xml``).

A case document (saksframlegg) becomes a ``saksmappe`` with one ``journalpost``
(journalposttype «Saksframlegg») holding a ``dokumentbeskrivelse`` for the case
document («Hoveddokument») and one for each attachment («Vedlegg»). A meeting
becomes a ``moetemappe`` with one ``moeteregistrering`` for each agenda item
(the meeting's case number opens the title), and one each for the minutes and
the presentations. Partnerships, agreements and action plans have no Noark 5
folder of their own and are not supported. Every field mapped, and every field
that has no place, is listed in docs/formats.md.

The output validates against Arkivverket's ``arkivstruktur.xsd`` (v5.0). It is
deterministic: ``systemID``\\ s are UUIDs derived (uuid5) from the archive
creator and the path of the unit, and every date comes from the document
(never the clock). Text that XML 1.0 cannot hold is rejected with its field
path before any output exists. lxml is imported only inside :meth:`export`.

Options of ``export(doc, **options)``:

``arkivskaper`` (str)
    Name of the archive creator (``arkivskaperNavn``, also the title of the
    ``arkiv``). Default: the embedded partnership's name, else the body id.
``arkivskaper_id`` (str)
    ``arkivskaperID``, e.g. an organisation number. Default: the partnership's
    id, else the body id.
``registrert_av`` (str)
    Who created, closed, archived and linked the units (``opprettetAv``,
    ``avsluttetAv``, ``arkivertAv``, ``tilknyttetAv``,
    ``merknadRegistrertAv``). Default: the archive creator's name.
``administrativ_enhet`` (str)
    ``administrativEnhet`` of the case and of each meeting registration.
    Default: the name of the body the case or meeting belongs to.
``journal_number`` (str ``"YYYY/N"`` or :class:`khsmodel.JournalNumber`)
    The journal number (journalår/journalsekvensnummer) of a case's journal
    post. Default: the year of the journal date and sequence number 1, a
    numbering local to this extract.
``namespace`` (:class:`uuid.UUID` or its string)
    The uuid5 namespace of every ``systemID``. Default: :data:`DEFAULT_NAMESPACE`.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, cast

from khsmodel._base import Block, ItemList
from khsmodel.cases import Attachment, CaseDocument, CaseStatus
from khsmodel.decisions import Decision
from khsmodel.documents import Document
from khsmodel.errors import ExporterOptionError
from khsmodel.exporters import CliOption
from khsmodel.identifiers import JournalNumber
from khsmodel.labels import NB
from khsmodel.meetings import AgendaItem, Meeting, ParticipantRole
from khsmodel.parties import Person

from .base import XML_ILLEGAL, check_options, check_text

__all__ = ["DEFAULT_NAMESPACE", "NOARK5_NS", "VSM_NS", "Noark5Exporter"]

#: The arkivstruktur namespace of Noark 5.
NOARK5_NS = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
#: khsmodel's namespace for what Noark 5 has no element for (``virksomhetsspesifikkeMetadata``).
VSM_NS = "urn:khsmodel:noark5:1"
#: Default uuid5 namespace of systemIDs: uuid5(NAMESPACE_URL, "https://khsmodel.invalid/noark5").
DEFAULT_NAMESPACE = uuid.UUID("a31ea93d-cdf2-57b7-b67b-d8ca88f4d887")

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_OPTIONS = frozenset(
    {"arkivskaper", "arkivskaper_id", "registrert_av", "administrativ_enhet", "journal_number",
     "namespace"}
)  # fmt: skip
_JOURNAL_RE = re.compile(r"^\s*(\d{4})\s*/\s*(\d{1,9})\s*$")

#: Noark 5 catalogue values used (metadata catalogue M051, M052, M053, M054, M082, M087, M217).
ARKIVDELSTATUS = "Avsluttet periode"
JOURNALPOSTTYPE = "Saksframlegg"
JOURNALSTATUS = "Journalført"
DOKUMENTSTATUS = "Dokumentet er ferdigstilt"
HOVEDDOKUMENT = "Hoveddokument"
VEDLEGG = "Vedlegg"
INTERN_AVSENDER = "Intern avsender"
_SAKSSTATUS = {
    CaseStatus.DRAFT: "Under behandling",
    CaseStatus.SUBMITTED: "Under behandling",
    CaseStatus.CONSIDERED: "Avsluttet",
    CaseStatus.ADOPTED: "Avsluttet",
    CaseStatus.WITHDRAWN: "Utgår",
}
_MOETEDELTAKER_FUNKSJON = {
    ParticipantRole.CHAIR: "Møteleder",
    ParticipantRole.SECRETARY: "Referent",
}


def _reject_unwritable(doc: Document) -> None:
    check_text(
        doc,
        XML_ILLEGAL,
        reason="is not allowed in Noark 5 XML (XML 1.0 forbids control "
        "characters other than tab and line breaks)",
    )


def _text(value: str | None) -> str | None:
    """The text, or None when it is missing or empty (Noark 5 strings need a character)."""
    return value if value else None


def _datetime(day: dt.date) -> str:
    """An ``xs:dateTime`` for a day: midnight, local time (the documents give no time)."""
    return f"{day.isoformat()}T00:00:00"


def _block_text(blocks: Iterable[Block]) -> str | None:
    """Paragraphs and lists as plain text: paragraphs apart by a blank line, items by lines."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, ItemList):
            parts.append(
                "\n".join(
                    f"{block.start + i}. {item}" if block.ordered else f"- {item}"
                    for i, item in enumerate(block.items)
                )
            )
        else:
            parts.append(block.text)
    joined = "\n\n".join(p for p in parts if p)
    return joined or None


def _decision_text(decision: Decision) -> str:
    return (
        "\n".join(x for x in (decision.text, *decision.items) if x)
        or NB.decision_kinds[decision.kind.value]
    )


def _option_error(key: str, value: object, what: str) -> ExporterOptionError:
    return ExporterOptionError("noark5", key, value, f"option {key} {what}")


def _parse_options(options: dict[str, Any]) -> dict[str, Any]:
    check_options("noark5", options, _OPTIONS)
    for key in ("arkivskaper", "arkivskaper_id", "registrert_av", "administrativ_enhet"):
        value = options.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise _option_error(key, value, f"must be a non-empty string, got {value!r}")
        if isinstance(value, str) and XML_ILLEGAL.search(value):
            raise _option_error(key, value, f"holds a character XML 1.0 forbids: {value!r}")
    namespace = options.get("namespace", DEFAULT_NAMESPACE)
    if isinstance(namespace, str):
        try:
            namespace = uuid.UUID(namespace)
        except ValueError:
            raise _option_error("namespace", namespace, f"must be a UUID, got {namespace!r}") from None
    if not isinstance(namespace, uuid.UUID):
        raise _option_error("namespace", namespace, f"must be a UUID, got {namespace!r}")
    journal = options.get("journal_number")
    if isinstance(journal, str):
        m = _JOURNAL_RE.match(journal)
        if not m:
            raise _option_error("journal_number", journal, "must be journalår/journalsekvensnummer "
                                f"like '2021/8687', got {journal!r}")  # fmt: skip
        journal = JournalNumber(year=int(m[1]), sequence=int(m[2]))
    if journal is not None and not isinstance(journal, JournalNumber):
        raise _option_error(
            "journal_number", journal, f"must be a string or a JournalNumber, got {journal!r}"
        )
    return {**options, "namespace": namespace, "journal_number": journal}


class _Writer:
    """Builds one arkivstruktur tree with lxml. One instance per export."""

    def __init__(self, doc: CaseDocument | Meeting, options: dict[str, Any]) -> None:
        from lxml import etree

        self.etree = etree
        self.doc = doc
        self.partnership = doc.partnership
        body = self.partnership.body(doc.body) if self.partnership else None
        self.body_name = _text(body.name if body else None) or doc.body
        self.body_label = _text(body.label if body else None) or doc.body
        p = self.partnership
        self.arkivskaper: str = (
            options.get("arkivskaper") or (_text(p.name) if p else None) or doc.body
        )
        self.arkivskaper_id: str = (
            options.get("arkivskaper_id") or (_text(p.id) if p else None) or doc.body
        )
        self.by: str = options.get("registrert_av") or self.arkivskaper
        self.enhet: str = options.get("administrativ_enhet") or self.body_name
        self.namespace: uuid.UUID = options["namespace"]
        self.journal_number: JournalNumber | None = options["journal_number"]

    # ------------------------------------------------------------------ helpers

    def system_id(self, path: str) -> str:
        return str(uuid.uuid5(self.namespace, f"{self.arkivskaper_id}\x1f{path}"))

    def el(self, parent: Any, name: str, text: str | int | None = None) -> Any:
        node = self.etree.SubElement(parent, f"{{{NOARK5_NS}}}{name}")
        if text is not None:
            node.text = str(text)
        return node

    def opt(self, parent: Any, name: str, text: str | int | None) -> None:
        """An optional element, written only when it has a value."""
        if text is not None and text != "":
            self.el(parent, name, text)

    def typed(self, parent: Any, name: str, xsi_type: str | None) -> Any:
        node = self.el(parent, name)
        if xsi_type:
            node.set(f"{{{_XSI}}}type", xsi_type)
        return node

    def vsm(self, parent: Any, entries: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """``virksomhetsspesifikkeMetadata`` with khsmodel's own elements, if there are any."""
        entries = [(group, fields) for group, fields in entries if fields]
        if not entries:
            return
        node = self.el(parent, "virksomhetsspesifikkeMetadata")
        for group, fields in entries:
            g = self.etree.SubElement(node, f"{{{VSM_NS}}}{group}")
            for key, value in fields:
                self.etree.SubElement(g, f"{{{VSM_NS}}}{key}").text = value

    def person_name(self, person: Person) -> str:
        return _text(person.name) or person.display() or self.by

    def party_name(self, party_id: str) -> str:
        org = self.partnership.party(party_id) if self.partnership else None
        return (_text(org.name) if org else None) or party_id

    def party_id(self, party_id: str) -> str:
        org = self.partnership.party(party_id) if self.partnership else None
        if org is not None and org.organisation_number is not None:
            return str(org.organisation_number)
        return party_id

    def part(self, parent: Any, party_id: str, role: str) -> None:
        node = self.el(parent, "part")
        self.opt(node, "partID", _text(self.party_id(party_id)))
        self.el(node, "partNavn", self.party_name(party_id))
        self.el(node, "partRolle", role)

    def merknad(self, parent: Any, decision: Decision, fallback: dt.date) -> None:
        node = self.el(parent, "merknad")
        self.el(node, "merknadstekst", _decision_text(decision))
        self.el(node, "merknadstype", _text(decision.heading) or NB.decision_kinds[
            decision.kind.value])  # fmt: skip
        self.el(node, "merknadsdato", _datetime(decision.date or fallback))
        self.el(node, "merknadRegistrertAv", self.by)

    def decision_fields(self, decision: Decision | None) -> list[tuple[str, str]]:
        if decision is None:
            return []
        fields: list[tuple[str, str]] = []
        if decision.unanimous is not None:
            fields.append(("enstemmig", "true" if decision.unanimous else "false"))
        if decision.votes is not None:
            fields += [
                ("stemmerFor", str(decision.votes.in_favour)),
                ("stemmerMot", str(decision.votes.against)),
                ("stemmerAvsto", str(decision.votes.abstained)),
            ]
        return fields

    def dokumentbeskrivelse(
        self, parent: Any, path: str, *, number: int, title: str, dokumenttype: str,
        role: str, day: dt.date, description: str | None = None,
        authors: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        node = self.el(parent, "dokumentbeskrivelse")
        self.el(node, "systemID", self.system_id(f"{path}/dokumentbeskrivelse/{number}"))
        self.el(node, "dokumenttype", dokumenttype)
        self.el(node, "dokumentstatus", DOKUMENTSTATUS)
        self.el(node, "tittel", title)
        self.opt(node, "beskrivelse", description)
        for author in authors:
            self.el(node, "forfatter", author)
        self.el(node, "opprettetDato", _datetime(day))
        self.el(node, "opprettetAv", self.by)
        self.el(node, "tilknyttetRegistreringSom", role)
        self.el(node, "dokumentnummer", number)
        self.el(node, "tilknyttetDato", _datetime(day))
        self.el(node, "tilknyttetAv", self.by)

    def attachment_documents(
        self, parent: Any, path: str, attachments: tuple[Attachment, ...], day: dt.date,
        first: int,
    ) -> None:  # fmt: skip
        for i, att in enumerate(attachments):
            kind = getattr(type(att.document), "KIND", None) if att.document else None
            self.dokumentbeskrivelse(
                parent, path, number=first + i,
                title=_text(att.title) or NB.attachment_n.format(number=att.number or i + 1),
                dokumenttype=NB.kinds[kind] if kind else NB.attachments,
                role=VEDLEGG, day=day, description=_text(att.description),
            )  # fmt: skip

    def registrering_head(self, node: Any, path: str, day: dt.date) -> None:
        self.el(node, "systemID", self.system_id(path))
        self.el(node, "opprettetDato", _datetime(day))
        self.el(node, "opprettetAv", self.by)
        self.el(node, "arkivertDato", _datetime(day))
        self.el(node, "arkivertAv", self.by)

    def mappe_head(
        self, node: Any, mappe_id: str, title: str, opened: dt.date, closed: dt.date,
        description: str | None = None,
    ) -> None:  # fmt: skip
        self.el(node, "systemID", self.system_id(f"mappe/{mappe_id}"))
        self.el(node, "mappeID", mappe_id)
        self.el(node, "tittel", title)
        self.opt(node, "beskrivelse", description)
        self.el(node, "opprettetDato", _datetime(opened))
        self.el(node, "opprettetAv", self.by)
        self.el(node, "avsluttetDato", _datetime(closed))
        self.el(node, "avsluttetAv", self.by)

    def arkiv(self, opened: dt.date, closed: dt.date) -> tuple[Any, Any]:
        """The root ``arkiv`` with its ``arkivskaper`` and one ``arkivdel`` (returned too)."""
        etree = self.etree
        root = etree.Element(f"{{{NOARK5_NS}}}arkiv", nsmap={None: NOARK5_NS, "xsi": _XSI,
                                                              "khs": VSM_NS})  # fmt: skip
        root.set(f"{{{_XSI}}}schemaLocation", f"{NOARK5_NS} arkivstruktur.xsd")
        self.el(root, "systemID", self.system_id("arkiv"))
        self.el(root, "tittel", self.arkivskaper)
        self.el(root, "opprettetDato", _datetime(opened))
        self.el(root, "opprettetAv", self.by)
        self.el(root, "avsluttetDato", _datetime(closed))
        self.el(root, "avsluttetAv", self.by)
        skaper = self.el(root, "arkivskaper")
        self.el(skaper, "arkivskaperID", self.arkivskaper_id)
        self.el(skaper, "arkivskaperNavn", self.arkivskaper)
        del_ = self.el(root, "arkivdel")
        self.el(del_, "systemID", self.system_id(f"arkivdel/{self.doc.body}"))
        self.el(del_, "tittel", self.body_name)
        self.el(del_, "arkivdelstatus", ARKIVDELSTATUS)
        self.el(del_, "opprettetDato", _datetime(opened))
        self.el(del_, "opprettetAv", self.by)
        self.el(del_, "avsluttetDato", _datetime(closed))
        self.el(del_, "avsluttetAv", self.by)
        self.el(del_, "arkivperiodeStartDato", opened.isoformat())
        self.el(del_, "arkivperiodeSluttDato", closed.isoformat())
        return root, del_

    def tostring(self, root: Any) -> bytes:
        body: bytes = self.etree.tostring(root, encoding="UTF-8", xml_declaration=False,
                                          pretty_print=True)  # fmt: skip
        return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body

    # --------------------------------------------------------------- case documents

    def case_title(self, case: CaseDocument) -> str:
        return (
            _text(case.title)
            or f"{NB.case_document} {self.body_label} {NB.case_word} {case.case_number.text}"
        )

    def case_fields(self, case: CaseDocument, meeting_date: dt.date | None) -> list[
            tuple[str, str]]:  # fmt: skip
        fields = [
            ("utvalg", self.body_label),
            ("moetesaksnummer", case.case_number.text),
            ("moetesakssekvensnummer", str(case.case_number.sequence)),
            ("moetesaksaar", str(case.case_number.year)),
        ]
        if meeting_date is not None:
            fields.append(("moetedato", meeting_date.isoformat()))
        return fields

    def case(self, case: CaseDocument) -> bytes:
        dates = [
            d for d in (case.document_date, case.meeting_date,
                        case.decision.date if case.decision else None,
                        *(e.date for e in case.process_events))
            if d is not None
        ]  # fmt: skip
        ref = case.archive_reference
        if dates:
            opened, closed = min(dates), max(dates)
        else:
            opened = closed = dt.date(ref.year if ref else case.case_number.year, 1, 1)
        day = case.document_date or case.meeting_date or opened
        officers = tuple(self.person_name(p) for p in case.case_officers)
        title = self.case_title(case)
        root, arkivdel = self.arkiv(opened, closed)

        if ref is not None:
            mappe_id = f"{ref.year}/{ref.sequence}"
            mappe = self.typed(arkivdel, "mappe", "saksmappe")
        else:
            mappe_id = f"{self.body_label} {case.case_number.text}"
            mappe = self.typed(arkivdel, "mappe", None)
        self.mappe_head(mappe, mappe_id, title, opened, closed)
        for party_id, role in self.case_parties(opened):
            self.part(mappe, party_id, role)

        path = f"mappe/{mappe_id}/registrering/1"
        reg = self.typed(mappe, "registrering", "journalpost" if ref is not None else None)
        self.registrering_head(reg, path, day)
        self.dokumentbeskrivelse(
            reg, path, number=1, title=title, dokumenttype=NB.case_document, role=HOVEDDOKUMENT,
            day=day, authors=officers,
        )  # fmt: skip
        self.attachment_documents(reg, path, case.attachments, day, first=2)
        self.el(reg, "tittel", title)
        if case.proposal is not None:
            heading = _text(case.proposal.heading) or NB.proposals[case.proposal.kind.value]
            self.opt(reg, "beskrivelse", f"{heading}: {case.proposal.text}"
                     if case.proposal.text else heading)  # fmt: skip
        for name in officers:
            self.el(reg, "forfatter", name)
        self.vsm(reg, [("moetesak", self.case_fields(case, case.meeting_date)),
                       ("vedtak", self.decision_fields(case.decision))])  # fmt: skip
        if case.decision is not None:
            self.merknad(reg, case.decision, case.meeting_date or closed)
        for person in case.case_officers:
            kp = self.el(reg, "korrespondansepart")
            self.el(kp, "korrespondanseparttype", INTERN_AVSENDER)
            self.el(kp, "korrespondansepartNavn", self.person_name(person))
            self.opt(kp, "epostadresse", _text(person.email))
            self.el(kp, "administrativEnhet", self.enhet)
            self.el(kp, "saksbehandler", self.person_name(person))
        if ref is not None:
            journal = self.journal_number
            self.el(reg, "journalaar", journal.year if journal else day.year)
            self.el(reg, "journalsekvensnummer", journal.sequence if journal else 1)
            self.el(reg, "journalpostnummer", ref.document_number or 1)
            self.el(reg, "journalposttype", JOURNALPOSTTYPE)
            self.el(reg, "journalstatus", JOURNALSTATUS)
            self.el(reg, "journaldato", day.isoformat())
            self.opt(reg, "dokumentetsDato",
                     case.document_date.isoformat() if case.document_date else None)  # fmt: skip
            self.el(reg, "antallVedlegg", len(case.attachments))

            self.el(mappe, "saksaar", ref.year)
            self.el(mappe, "sakssekvensnummer", ref.sequence)
            self.el(mappe, "saksdato", opened.isoformat())
            self.el(mappe, "administrativEnhet", self.enhet)
            self.el(mappe, "saksansvarlig", officers[0] if officers else self.by)
            status = (
                _SAKSSTATUS[case.status] if case.status is not None
                else "Avsluttet" if case.decision is not None else "Under behandling"
            )  # fmt: skip
            self.el(mappe, "saksstatus", status)
        return self.tostring(root)

    def case_parties(self, day: dt.date) -> list[tuple[str, str]]:
        """(party id, partRolle) of the partnership's members on ``day``; without recorded
        memberships, every party with the role «Part»."""
        p = self.partnership
        if p is None:
            return []
        if not p.memberships:
            return [(o.id, NB.party) for o in p.parties]
        out: dict[str, str] = {}
        for m in p.members_on(day):
            out.setdefault(m.party, NB.membership_roles[m.role.value])
        return list(out.items())

    # ------------------------------------------------------------------ meetings

    def meeting(self, meeting: Meeting) -> bytes:
        dates = [meeting.date, *(d.date for d in meeting.decisions if d.date)]
        if meeting.minutes is not None:
            dates += [d for d in (meeting.minutes.date, meeting.minutes.approved) if d]
        for item in meeting.agenda:
            if item.decision is not None and item.decision.date is not None:
                dates.append(item.decision.date)
        opened, closed = min(dates), max(dates)
        mappe_id = _text(meeting.id) or f"{meeting.body}-{meeting.date.isoformat()}"
        title = _text(meeting.title) or (
            f"{NB.kinds['meeting']} i {self.body_name} {NB.date(meeting.date)}"
        )
        root, arkivdel = self.arkiv(opened, closed)
        mappe = self.typed(arkivdel, "mappe", "moetemappe")
        self.mappe_head(mappe, mappe_id, title, opened, closed, _block_text(meeting.description))

        info: list[tuple[str, str]] = []
        if meeting.start_time is not None:
            info.append(("starttid", meeting.start_time.isoformat()))
        if meeting.end_time is not None:
            info.append(("sluttid", meeting.end_time.isoformat()))
        if meeting.participants_count is not None:
            info.append(("antallDeltakere", str(meeting.participants_count)))
            info.append(("antallDeltakereOmtrentlig",
                         "true" if meeting.participants_approximate else "false"))  # fmt: skip
        if meeting.participants_text:
            info.append(("deltakertekst", meeting.participants_text))
        if meeting.represented_text:
            info.append(("representerttekst", meeting.represented_text))
        self.vsm(mappe, [("moete", info)])

        parties: list[tuple[str, str]] = []
        for participant in meeting.participants:
            if participant.person is None and participant.party is not None:
                role = NB.participant_roles[participant.role.value] if participant.role else None
                parties.append((participant.party, (role or "deltaker").capitalize()))
        for party_id in meeting.represented_parties:
            parties.append((party_id, NB.represented))
        seen: set[str] = set()
        for party_id, role in parties:
            if party_id not in seen:
                seen.add(party_id)
                self.part(mappe, party_id, role)
        for decision in meeting.decisions:
            self.merknad(mappe, decision, meeting.date)

        number = 0
        for item in meeting.agenda:
            number += 1
            self.agenda_item(mappe, f"mappe/{mappe_id}/registrering/{number}", item, meeting)
        if meeting.minutes is not None:
            number += 1
            self.minutes(mappe, f"mappe/{mappe_id}/registrering/{number}", meeting)
        if meeting.presentations:
            number += 1
            self.presentations(mappe, f"mappe/{mappe_id}/registrering/{number}", meeting)

        self.el(mappe, "moetenummer", mappe_id)
        self.el(mappe, "utvalg", self.body_label)
        self.el(mappe, "moetedato", meeting.date.isoformat())
        self.opt(mappe, "moetested", _text(meeting.location))
        named: set[str] = set()
        for participant in meeting.participants:
            if participant.person is None or not participant.present:
                continue
            name = self.person_name(participant.person)
            named.add(name)
            role = participant.role
            self.moetedeltaker(mappe, name, None if role is None else _MOETEDELTAKER_FUNKSJON.get(
                role, NB.participant_roles[role.value].capitalize()))  # fmt: skip
        speaker = NB.participant_roles[ParticipantRole.SPEAKER.value].capitalize()
        for programme_item in meeting.programme:
            for person in programme_item.speakers:
                name = self.person_name(person)
                if name not in named:
                    named.add(name)
                    self.moetedeltaker(mappe, name, speaker)
        return self.tostring(root)

    def moetedeltaker(self, mappe: Any, name: str, function: str | None) -> None:
        node = self.el(mappe, "moetedeltaker")
        self.el(node, "moetedeltakerNavn", name)
        self.opt(node, "moetedeltakerFunksjon", function)

    def moeteregistrering_tail(
        self, node: Any, reg_type: str, saksbehandler: str, *, sakstype: str | None = None,
        status: str | None = None,
    ) -> None:  # fmt: skip
        self.el(node, "moeteregistreringstype", reg_type)
        self.opt(node, "moetesakstype", sakstype)
        self.opt(node, "moeteregistreringsstatus", status)
        self.el(node, "administrativEnhet", self.enhet)
        self.el(node, "saksbehandler", saksbehandler)

    def agenda_item(self, mappe: Any, path: str, item: AgendaItem, meeting: Meeting) -> None:
        case = item.case_document
        day = (case.document_date if case else None) or meeting.date
        officers = tuple(self.person_name(p) for p in case.case_officers) if case else ()
        reg = self.typed(mappe, "registrering", "moeteregistrering")
        self.registrering_head(reg, path, day)
        title = f"{item.case_number.text} {item.title}" if item.title else item.case_number.text
        if case is not None:
            self.dokumentbeskrivelse(
                reg, path, number=1, title=self.case_title(case), dokumenttype=NB.case_document,
                role=HOVEDDOKUMENT, day=day, authors=officers,
            )  # fmt: skip
            self.attachment_documents(reg, path, case.attachments, day, first=2)
        self.el(reg, "tittel", title)
        if case is not None and case.proposal is not None:
            heading = _text(case.proposal.heading) or NB.proposals[case.proposal.kind.value]
            self.opt(reg, "beskrivelse", f"{heading}: {case.proposal.text}"
                     if case.proposal.text else heading)  # fmt: skip
        for name in officers:
            self.el(reg, "forfatter", name)
        fields = [
            ("moetesaksnummer", item.case_number.text),
            ("moetesakssekvensnummer", str(item.case_number.sequence)),
            ("moetesaksaar", str(item.case_number.year)),
        ]
        if case is not None and case.archive_reference is not None:
            fields.append(("arkivsaksnummer", case.archive_reference.number))
        self.vsm(reg, [("moetesak", fields), ("vedtak", self.decision_fields(item.decision))])
        if item.decision is not None:
            self.merknad(reg, item.decision, meeting.date)
        self.moeteregistrering_tail(
            reg, "Saksframlegg", officers[0] if officers else self.by,
            sakstype=_text(item.case_type),
            status="Ferdig behandlet av utvalget" if item.decision is not None else None,
        )  # fmt: skip

    def minutes(self, mappe: Any, path: str, meeting: Meeting) -> None:
        minutes = meeting.minutes
        assert minutes is not None
        day = minutes.date or meeting.date
        title = _text(minutes.title) or NB.minutes
        reg = self.typed(mappe, "registrering", "moeteregistrering")
        self.registrering_head(reg, path, day)
        self.dokumentbeskrivelse(reg, path, number=1, title=title, dokumenttype=NB.minutes,
                                 role=HOVEDDOKUMENT, day=day)  # fmt: skip
        self.el(reg, "tittel", title)
        fields = [("godkjent", minutes.approved.isoformat())] if minutes.approved else []
        self.vsm(reg, [("protokoll", fields)])
        self.moeteregistrering_tail(reg, "Møteprotokoll", self.by)

    def presentations(self, mappe: Any, path: str, meeting: Meeting) -> None:
        reg = self.typed(mappe, "registrering", "moeteregistrering")
        self.registrering_head(reg, path, meeting.date)
        for i, att in enumerate(meeting.presentations):
            self.dokumentbeskrivelse(
                reg, path, number=i + 1,
                title=_text(att.title) or f"{NB.presentation} {i + 1}",
                dokumenttype=NB.presentation, role=HOVEDDOKUMENT if i == 0 else VEDLEGG,
                day=meeting.date, description=_text(att.description),
            )  # fmt: skip
        self.el(reg, "tittel", NB.presentations)
        self.moeteregistrering_tail(reg, "Møtedokument", self.by)


class Noark5Exporter:
    """Noark 5 v5.0 ``arkivstruktur`` XML for case documents and meetings."""

    name = "noark5"
    suffix = ".noark5.xml"
    media_type = "application/xml"
    kinds: tuple[str, ...] = ("case_document", "meeting")
    requires: tuple[str, ...] = ("lxml",)
    install_hint: str | None = 'pip install "khsmodel[noark5]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        "arkivskaper": CliOption("text", "NAME", "name of the archive creator"),
        "arkivskaper_id": CliOption("text", "ID", "arkivskaperID, e.g. an organisation number"),
        "registrert_av": CliOption("text", "NAME", "who registered the units"),
        "administrativ_enhet": CliOption("text", "NAME", "administrativEnhet of case and meeting"),
        "journal_number": CliOption("text", "YYYY/N", "journalår/journalsekvensnummer"),
        "namespace": CliOption("text", "UUID", "uuid5 namespace of every systemID"),
    }

    def export(self, doc: Document, **options: Any) -> bytes:
        opts = _parse_options(options)
        doc = cast(CaseDocument | Meeting, doc)  # the registry checked the kind
        _reject_unwritable(doc)
        writer = _Writer(doc, opts)
        if isinstance(doc, CaseDocument):
            return writer.case(doc)
        return writer.meeting(doc)
