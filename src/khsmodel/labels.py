"""Display texts for documents: Norwegian (Bokmål) labels, dates, periods, page numbers.

Every exporter that prints words of its own (headings such as "Forslag til
vedtak", table headers "Tiltak" / "Ansvarlig" / "Tidsperspektiv", "Side 1 av 3",
dates "8. februar 2016") takes them from here, so Word, PDF and any later
format say the same thing. Pure Python, no imports beyond the model's enums.

One language exists today: :data:`NB`. A :class:`Labels` instance is a frozen
bundle of texts and the formatting functions that use them; a Nynorsk or
English bundle would be another instance (``Labels(language="nn-NO", ...)``).

>>> import datetime as dt
>>> from khsmodel.labels import NB
>>> NB.date(dt.date(2016, 2, 8))
'8. februar 2016'
>>> NB.date_numeric(dt.date(2021, 8, 2))
'02.08.2021'
>>> NB.page_of(1, 3)
'Side 1 av 3'
>>> NB.adoption_line("OSU", dt.date(2016, 2, 8), "2/2016")
'Vedtatt i OSU 8. februar 2016, sak 2/2016'
>>> NB.period_text(dt.date(2021, 9, 23), None, end_event="partnerskapsmøtet 2022")
'23. september 2021 til og med partnerskapsmøtet 2022'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from ._base import PartialDate
from .timeframes import MONTHS_NB

__all__ = ["NB", "Labels", "for_language"]


def _ro(d: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(d)


@dataclass(frozen=True, slots=True)
class Labels:
    """The words and formats of one language. Mappings are keyed by enum values (strings)."""

    language: str = "nb-NO"
    months: tuple[str, ...] = MONTHS_NB

    # Page furniture
    page: str = "Side"
    page_of_word: str = "av"
    attachment_to_case: str = "Vedlegg {number} til sak {case}"
    attachment_n: str = "Vedlegg {number}"

    # Document kinds (subject line, fallback titles)
    kinds: Mapping[str, str] = field(default_factory=lambda: _ro({
        "action_plan": "Handlingsplan",
        "case_document": "Saksframlegg",
        "meeting": "Møte",
        "agreement": "Avtale",
        "partnership": "Helsefellesskap",
    }))  # fmt: skip

    # Action plans
    period: str = "Periode"
    # a date known only to its season: "våren 2022" (keyed by khsmodel.Season values)
    seasons: Mapping[str, str] = field(default_factory=lambda: _ro({
        "spring": "våren", "summer": "sommeren", "autumn": "høsten",
    }))  # fmt: skip
    adopted_in: str = "Vedtatt i"
    adopted: str = "Vedtatt"
    # joins the further adopting bodies: "…, og i SSU Nordland 14. mars 2023, sak 9/2023"
    and_word: str = "og"
    in_word: str = "i"
    case_word: str = "sak"
    introduction: str = "Innledning"
    purpose: str = "Formål"
    priority_groups: str = "Prioriterte pasientgrupper"
    focus_area: str = "Fokusområde"
    measure: str = "Tiltak"
    responsible: str = "Ansvarlig"
    timeframe: str = "Tidsperspektiv"
    status: str = "Status"
    ongoing_activities: str = "Pågående aktiviteter som videreføres"
    carried_over_from: str = "Videreført fra"
    previous_plan: str = "Forrige plan"
    phase: str = "Fase"
    timeline: str = "Tidslinje"  # PDF: chart of the measures that have dates
    timeline_unresolved: str = "Uten fast dato"  # measures the chart cannot place
    #: No longer printed (the timelines have a legend of the three words below); kept so that
    #: labels made with it still load.
    timeline_key: str = (
        "Mørk: tidsrommet tiltaket gjelder (en frist: måneden den faller i). "
        "Lys: startet, uten fastsatt slutt."
    )
    # the timeline's legend, in Word and PDF: a bar, a light bar, a diamond
    timeline_period: str = "Periode"
    timeline_open: str = "Startet, uten fastsatt slutt"
    timeline_date: str = "Dato eller frist"
    plan_status: Mapping[str, str] = field(default_factory=lambda: _ro({
        "draft": "Utkast", "proposed": "Forslag", "adopted": "Vedtatt",
        "superseded": "Erstattet av ny plan",
    }))  # fmt: skip
    measure_status: Mapping[str, str] = field(default_factory=lambda: _ro({
        "planned": "Planlagt", "started": "Startet", "ongoing": "Pågår",
        "done": "Gjennomført", "postponed": "Utsatt", "cancelled": "Avlyst",
        "carried_over": "Videreført",
    }))  # fmt: skip

    # Case documents (saksframlegg)
    case_document: str = "Saksframlegg"
    case_officer: str = "Saksbehandler"
    case_officers: str = "Saksbehandlere"
    body: str = "Utvalg"
    case_number: str = "Saksnr."
    meeting_date: str = "Møtedato"
    archive_reference: str = "Arkivsak"
    our_reference: str = "Vår ref."
    document_date: str = "Dato"
    issued_by: str = "Fra"
    proposed_by: str = "Fremmet av"
    proposals: Mapping[str, str] = field(default_factory=lambda: _ro({
        "proposed_decision": "Forslag til vedtak",
        "recommendation": "Anbefaling",
        "innstilling": "Innstilling",
    }))  # fmt: skip
    sections: Mapping[str, str] = field(default_factory=lambda: _ro({
        "background": "Bakgrunn", "presentation": "Saksfremstilling",
        "process": "Orientering om prosess", "facts": "Saksopplysninger",
        "assessment": "Vurdering", "other": "Annet",
    }))  # fmt: skip
    process: str = "Prosess"
    references: str = "Tidligere behandling"
    attachments: str = "Vedlegg"
    case_status: Mapping[str, str] = field(default_factory=lambda: _ro({
        "draft": "Utkast", "submitted": "Fremmet", "considered": "Behandlet",
        "adopted": "Vedtatt", "withdrawn": "Trukket",
    }))  # fmt: skip

    # Decisions
    decision: str = "Vedtak"
    decisions: str = "Vedtak"
    decision_kinds: Mapping[str, str] = field(default_factory=lambda: _ro({
        "decision": "Vedtak", "recommendation": "Anbefaling", "noted": "Til orientering",
        "adopted": "Vedtatt", "delegated": "Delegert vedtak", "other": "Beslutning",
    }))  # fmt: skip
    unanimous: str = "Enstemmig"
    not_unanimous: str = "Ikke enstemmig"
    votes: str = "{in_favour} for, {against} mot, {abstained} avsto"

    # Meetings
    date_label: str = "Dato"
    time: str = "Tid"
    place: str = "Sted"
    participants: str = "Deltakere"
    about: str = "ca."
    represented: str = "Representert"
    programme: str = "Program"
    agenda: str = "Saksliste"
    case_type: str = "Type"
    case_title: str = "Sak"
    presentations: str = "Presentasjoner"
    presentation: str = "Presentasjon"
    speakers: str = "Innledere"
    minutes: str = "Referat"
    approved: str = "Godkjent"
    notes: str = "Merknader"
    links: str = "Lenker"
    absent: str = "forfall"
    participant_roles: Mapping[str, str] = field(default_factory=lambda: _ro({
        "member": "medlem", "deputy": "vara", "chair": "leder", "secretary": "sekretær",
        "observer": "observatør", "guest": "gjest", "speaker": "innleder", "other": "annet",
    }))  # fmt: skip

    # Agreements and partnerships
    parties: str = "Parter"
    party: str = "Part"
    name: str = "Navn"
    kind: str = "Type"
    organisation_number: str = "Org.nr."
    kommune_number: str = "Kommunenr."
    signatories: str = "Underskrevet av"
    validity: str = "Gyldighet"
    statutory_items: str = (
        "Lovpålagte avtaleområder (helse- og omsorgstjenesteloven § 6-2, i stikkord)"
    )
    statutory_item: str = "nr. {number}: {subject}"
    statutory_item_unnumbered: str = "{subject} (nummeret er ulikt i kildene)"
    statutory_item_unverified: str = "ikke bekreftet i lovteksten"
    covers: str = "Dekker"
    #: the heading over an agreement's topics that have no text of their own
    agreement_covers: str = "Avtalen omfatter"
    agreement_levels: Mapping[str, str] = field(default_factory=lambda: _ro({
        "national": "Nasjonal avtale", "overarching": "Overordnet samarbeidsavtale",
        "service": "Tjenesteavtale", "sub": "Delavtale", "special": "Særavtale",
        "other": "Avtale",
    }))  # fmt: skip
    agreement_topics: Mapping[str, str] = field(default_factory=lambda: _ro({
        "purpose": "Formål", "organisation": "Organisering", "financing": "Finansiering",
        "tasks": "Oppgaver", "statutory": "Lovpålagte avtaleområder",
        "termination": "Revisjon og oppsigelse", "other": "Annet",
    }))  # fmt: skip
    parent_agreement: str = "Underordnet"
    replaces: str = "Erstatter"
    established: str = "Etablert"
    history: str = "Historikk"
    members_over_time: str = "Medlemskap over tid"
    bodies: str = "Organer"
    agreements: str = "Avtaler"
    resources: str = "Dokumenter og ressurser"
    members: str = "Medlemmer"
    mandate: str = "Mandat"
    level: str = "Nivå"
    role: str = "Rolle"
    from_: str = "Fra"
    to: str = "Til"
    note: str = "Merknad"
    also_called: str = "Også kalt"
    other_names: str = "Andre navn"
    units: str = "Enheter"
    organisation_kinds: Mapping[str, str] = field(default_factory=lambda: _ro({
        "kommune": "Kommune", "fylkeskommune": "Fylkeskommune",
        "helseforetak": "Helseforetak", "regionalt_helseforetak": "Regionalt helseforetak",
        "interkommunalt_samarbeid": "Interkommunalt samarbeid",
        "brukerutvalg": "Brukerutvalg", "fastleger": "Fastleger", "statlig": "Statlig",
        "other": "Annet",
    }))  # fmt: skip
    partnership_kinds: Mapping[str, str] = field(default_factory=lambda: _ro({
        "health_partnership": "Helsefellesskap",
        "municipal_health_cooperation": "Kommunehelsesamarbeid",
        "other": "Samarbeid",
    }))  # fmt: skip
    body_kinds: Mapping[str, str] = field(default_factory=lambda: _ro({
        "partnership_meeting": "Partnerskapsmøte", "strategic_committee": "Strategisk samarbeidsutvalg",
        "overarching_committee": "Overordnet samarbeidsutvalg",
        "professional_committee": "Faglig samarbeidsutvalg",
        "clinical_committee": "Klinisk samarbeidsutvalg", "local_committee": "Lokalt samarbeidsutvalg",
        "cooperation_board": "Samarbeidsstyre", "owners_meeting": "Eiermøte",
        "user_council": "Brukerutvalg", "secretariat": "Sekretariat",
        "working_group": "Arbeidsgruppe", "other": "Annet organ",
    }))  # fmt: skip
    role_kinds: Mapping[str, str] = field(default_factory=lambda: _ro({
        "chair": "leder", "deputy_chair": "nestleder", "member": "medlem",
        "secretary": "sekretær", "case_officer": "saksbehandler",
        "chief_executive": "administrerende direktør", "director": "direktør",
        "manager": "leder", "mayor": "ordfører", "user_representative": "brukerrepresentant",
        "gp_representative": "fastlegerepresentant", "practice_consultant": "praksiskonsulent",
        "employee_representative": "tillitsvalgt", "other": "annet",
    }))  # fmt: skip
    dissolved: str = "nedlagt"
    membership_roles: Mapping[str, str] = field(default_factory=lambda: _ro({
        "member": "Medlem", "hospital_trust": "Helseforetak", "owner": "Eier",
        "observer": "Observatør", "associated": "Tilknyttet",
    }))  # fmt: skip

    # ------------------------------------------------------------------ formats
    def date(self, day: dt.date | PartialDate) -> str:
        """A date as running text writes it: ``8. februar 2016``; a date known only to
        the month or year as given: ``mars 2016``, ``2009``."""
        if isinstance(day, PartialDate):
            if day.month is not None:
                return f"{self.months[day.month - 1]} {day.year}"
            if day.season is not None:
                return f"{self.seasons[day.season.value]} {day.year}"
            return str(day.year)
        return f"{day.day}. {self.months[day.month - 1]} {day.year}"

    def date_numeric(self, day: dt.date | PartialDate) -> str:
        """A date as case systems print it in fields: ``02.08.2021`` (``03.2016``, ``2009``
        for a date known only to the month or year)."""
        if isinstance(day, PartialDate):
            if day.month is None:  # a season has no numeric form: its words
                return self.date(day)
            return f"{day.month:02d}.{day.year:04d}"
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"

    def clock(self, t: dt.time) -> str:
        """A clock time: ``09.00`` (Norwegian uses a full stop)."""
        return f"{t.hour:02d}.{t.minute:02d}"

    def time_span(self, start: dt.time | None, end: dt.time | None) -> str | None:
        """``kl. 09.00–15.30``, ``kl. 09.00``, ``til kl. 15.30``, or None."""
        if start and end:
            return f"kl. {self.clock(start)}–{self.clock(end)}"
        if start:
            return f"kl. {self.clock(start)}"
        if end:
            return f"til kl. {self.clock(end)}"
        return None

    def page_of(self, page: int, pages: int) -> str:
        """``Side 1 av 3`` (renderers write the numbers as fields where they can)."""
        return f"{self.page} {page} {self.page_of_word} {pages}"

    def period_text(
        self,
        start: dt.date | PartialDate | None,
        end: dt.date | PartialDate | None,
        *,
        end_event: str | None = None,
    ) -> str | None:
        """A period from its parts: ``1. januar 2016–31. desember 2017``, open ends in words."""
        last = f"til og med {end_event}" if end_event else (self.date(end) if end else None)
        if start and last:
            sep = " " if end_event else "–"
            return f"{self.date(start)}{sep}{last}"
        if start:
            return f"fra {self.date(start)}"
        if end_event:
            return last
        if end:
            return f"til {self.date(end)}"
        return None

    def period_short(
        self, start: dt.date | PartialDate | None, end: dt.date | PartialDate | None
    ) -> str | None:
        """A period for a table cell: ``01.01.2020–31.12.2023``, ``fra 30.03.2009``."""
        if start and end:
            return f"{self.date_numeric(start)}–{self.date_numeric(end)}"
        if start:
            return f"fra {self.date_numeric(start)}"
        if end:
            return f"til {self.date_numeric(end)}"
        return None

    def adoption_line(self, body: str | None, day: dt.date | None, case_number: str | None) -> str:
        """``Vedtatt i OSU 8. februar 2016, sak 2/2016``; parts that are unknown are left out."""
        text = f"{self.adopted_in} {body}" if body else self.adopted
        if day:
            text += f" {self.date(day)}"
        if case_number:
            text += f", {self.case_word} {case_number}"
        return text

    def adoptions_line(
        self, adoptions: Sequence[tuple[str | None, dt.date | None, str | None]]
    ) -> str:
        """Every adoption of a plan in one sentence, each as (body, date, case number):
        ``Vedtatt i OSU Helgeland 3. mars 2023, sak 5/2023, og i SSU Nordland 14. mars
        2023, sak 9/2023``; one adoption is :meth:`adoption_line`."""
        parts = [self.adoption_line(*adoptions[0])] if adoptions else []
        for body, day, case_number in adoptions[1:]:
            text = f"{self.in_word} {body}" if body else ""
            if day:
                text += f" {self.date(day)}" if text else self.date(day)
            if case_number:
                text += f", {self.case_word} {case_number}"
            parts.append(text)
        if len(parts) < 2:
            return "".join(parts)
        return ", ".join(parts[:-1]) + f", {self.and_word} {parts[-1]}"

    def votes_text(self, in_favour: int, against: int, abstained: int) -> str:
        return self.votes.format(in_favour=in_favour, against=against, abstained=abstained)

    def statutory_item_number(self, number: int | None) -> str:
        """``nr. 3``, or ``nr. ?`` for an item whose number the sources disagree on."""
        return f"nr. {number}" if number is not None else "nr. ?"

    def statutory_item_line(self, number: int | None, subject: str, *, verified: bool) -> str:
        """``nr. 3: retningslinjer for innleggelse i sykehus``; an item without a settled
        number or not confirmed in the law text says so."""
        line = (
            self.statutory_item.format(number=number, subject=subject)
            if number is not None
            else self.statutory_item_unnumbered.format(subject=subject)
        )
        return line if verified else f"{line} – {self.statutory_item_unverified}"

    def participants_text(self, count: int, approximate: bool) -> str:
        """``ca. 80 deltakere`` / ``12 deltakere``."""
        return f"{self.about + ' ' if approximate else ''}{count} {self.participants.lower()}"


#: Norwegian Bokmål, the language of every document in the field.
NB = Labels()


def for_language(language: str = "nb") -> Labels:
    """The labels for a language tag (``nb``, ``nb-NO``, ``no``); KhsModelError otherwise."""
    if language.lower() in ("nb", "nb-no", "no", "nob"):
        return NB
    from .errors import KhsModelError

    raise KhsModelError(f"no labels for language {language!r} (available: nb)")
