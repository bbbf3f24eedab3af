"""Display texts for documents: labels, dates, periods, page numbers, in each language.

Every exporter that prints words of its own (headings such as "Forslag til
vedtak", table headers "Tiltak" / "Ansvarlig" / "Tidsperspektiv", "Side 1 av 3",
dates "8. februar 2016") takes them from here, so Word, PDF and any later
format say the same thing. Pure Python, no imports beyond the model's enums.

A :class:`Labels` instance is a frozen bundle of the words of one language and
the formatting functions that use them. Built in: :data:`NB` (Bokmål), :data:`NN`
(Nynorsk) and :data:`EN` (English), complete, and :data:`SE` (Northern Sámi) with
only the words a public Sámi source gives; every other word of ``SE`` is Bokmål, and
:func:`fallbacks` says which. More languages come from the ``khsmodel.labels``
entry-point group (see docs/languages.md). :func:`for_language` picks the bundle
of a document's ``language``.

>>> import datetime as dt
>>> from khsmodel.labels import NB, NN, EN, for_language
>>> NB.date(dt.date(2016, 2, 8))
'8. februar 2016'
>>> EN.date(dt.date(2016, 2, 8))
'8 February 2016'
>>> NN.weekday_date(dt.date(2016, 10, 18))
'tysdag 18. oktober 2016'
>>> NB.date_numeric(dt.date(2021, 8, 2))
'02.08.2021'
>>> NB.page_of(1, 3)
'Side 1 av 3'
>>> NN.adoption_line("OSU", dt.date(2016, 2, 8), "2/2016")
'Vedteke i OSU 8. februar 2016, sak 2/2016'
>>> NB.period_text(dt.date(2021, 9, 23), None, end_event="partnerskapsmøtet 2022")
'23. september 2021 til og med partnerskapsmøtet 2022'
>>> for_language("nn-NO").responsible
'Ansvarleg'
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from ._base import PartialDate
from .timeframes import MONTHS_NB

__all__ = [
    "EN", "ENTRY_POINT_GROUP", "LABEL_FIELDS", "NB", "NN", "SE", "Labels", "available", "bundle",
    "fallbacks", "for_language",
]  # fmt: skip


#: The no-break space that joins a date's words in document text (:meth:`Labels.in_text`).
NBSP = "\u00a0"


def _ro(d: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(d)


@dataclass(frozen=True, slots=True)
class Labels:
    """The words and formats of one language. Mappings are keyed by enum values (strings)."""

    #: The tag the output declares (Word ``w:lang``, PDF ``/Lang``).
    language: str = "nb-NO"
    #: The labels this bundle does not have in its language and takes from Bokmål
    #: (field names, ``"plan_status.draft"`` for one key of a mapping); see :func:`fallbacks`.
    fallbacks: tuple[str, ...] = field(default=(), compare=False)
    #: What joins a date's words: a plain space (data formats), or U+00A0 in document
    #: text (:meth:`in_text`). Not a word of the language: not in :data:`LABEL_FIELDS`.
    date_space: str = " "

    # Dates and times
    months: tuple[str, ...] = MONTHS_NB
    #: Monday first, as :meth:`datetime.date.weekday` counts.
    weekdays: tuple[str, ...] = (
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    )  # fmt: skip
    date_format: str = "{day}. {month} {year}"
    date_numeric_format: str = "{day:02d}.{month:02d}.{year:04d}"
    month_numeric_format: str = "{month:02d}.{year:04d}"
    clock_format: str = "{hour:02d}.{minute:02d}"
    time_at: str = "kl. {time}"
    time_until: str = "til kl. {time}"
    period_from: str = "fra {start}"
    period_until: str = "til {end}"
    period_through: str = "til og med {event}"
    number: str = "nr. {number}"

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
    other_organisations: str = "Andre organisasjoner"
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

    # Following a plan up (khsmodel.report, MeetingPlan, khsmodel.diff): the words of a
    # status report, a meeting plan and a plan's appendix of changes from the previous plan
    status_report: Mapping[str, str] = field(default_factory=lambda: _ro({
        "kind": "Statusrapport",
        "title": "Statusrapport: {plan}",
        "as_of": "Status per {date}",
        "summary": "Oppsummering",
        "whole_plan": "Hele planen",
        "ongoing": "Pågående aktiviteter",
        "no_status": "Uten status",
        "total": "Antall tiltak",
        "overdue": "Forsinket",
        "due_soon": "Frist nærmer seg",
        "share_done": "Andel gjennomført",
        "key": ("Forsinket: tidsrammen er passert uten at tiltaket er gjennomført, avlyst "
                "eller videreført. Frist nærmer seg: tidsrammen slutter innen {days} dager etter "
                "{date}. Status er den siste som er registrert med dato til og med {date}."),
        "measures": "Tiltak",
        "note": "Siste oppfølging",
        "overdue_list": "Forsinkede tiltak",
        "due_soon_list": "Tiltak med frist som nærmer seg",
        "unresolved_list": "Tiltak uten dato i tidsrammen",
        "unresolved_key": "Tidsrammen er ikke tolket til en dato; tiltakene er ikke vurdert "
                          "som forsinket eller med frist som nærmer seg.",
        "no_timeframe": "ingen tidsramme",
        "changes": "Endringer siden {date}",
        "before": "Status {date}",
        "after": "Status {date}",
        "new_notes": "Nye oppfølgingsnotater",
        "no_changes": "Ingen endringer i status og ingen nye notater siden {date}.",
        "chart": "Status per fokusområde",
        "chart_alt": "Stolpediagram: antall tiltak etter status for hvert fokusområde; "
                     "tallene står i oppsummeringen over.",
    }))  # fmt: skip
    meeting_plan: Mapping[str, str] = field(default_factory=lambda: _ro({
        "kind": "Møteplan",
        "title": "Møteplan {year}",
        "rule": "Frist for saksdokumenter: {days} dager før møtet.",
        "rule_same_day": "Frist for saksdokumenter: møtedagen.",
        "meetings": "Møter",
        "date": "Dato",
        "day": "Dag",
        "deadline": "Frist for saksdokumenter",
        "note": "Merknad",
        "dates": "Andre datoer",
        "what": "Hva",
        "measures": "Tiltak med dato",
        "other_ring": "Andre datoer og tiltak",
        "wheel": "Årshjul {year}",
        "wheel_alt": "Årshjul: årets tolv måneder som en sirkel, med en ring per utvalg og et "
                     "merke for hver dato i møteplanen.",
        "wheel_alt_table": "Datoene står i tabellen over: {table}.",
        "wheel_alt_tables": "Datoene står i tabellene over: {tables}.",
        "wheel_caption": "Året går med klokka fra januar øverst, og tallet i et merke er dagen "
                         "i måneden.",
        "wheel_caption_rings": "Ring 1 er den ytterste.",
        "wheel_caption_other": "Den innerste ringen, ring {n}, har andre datoer og tiltak.",
        "wheel_caption_due": "En åpen ring er en frist, ikke noe som skjer den dagen.",
        "wheel_meeting": "Møte",
        "wheel_day": "Møte eller annen dato",
        "wheel_due": "Frist",
        "no_meetings": "Møteplanen har ingen møter.",
    }))  # fmt: skip
    plan_changes: Mapping[str, str] = field(default_factory=lambda: _ro({
        "title": "Endringer fra forrige plan",
        "compared": "Sammenlignet med {plan}.",
        "carried": "Videreførte tiltak",
        "changed": "Endrede tiltak",
        "added": "Nye tiltak i denne planen",
        "removed": "Tiltak som ikke står i denne planen",
        "focus_areas": "Endrede fokusområder",  # renamed or renumbered
        "previous": "I forrige plan",
        "this": "I denne planen",
        "what": "Endring",
        "text": "tekst", "details": "beskrivelse", "responsibility": "ansvar",
        "timeframe": "tidsramme", "focus_area": "fokusområde",
        "area_added": "nytt i denne planen", "area_removed": "ikke med i denne planen",
        "area_renamed": "nytt navn", "area_renumbered": "nytt nummer",
        "ongoing": "Pågående aktiviteter",
        "measure": "tiltak", "in_plan": "{plan}, {where}", "in_area": "tiltak {number} i {area}",
        "none": "Ingen tiltak eller fokusområder er endret.",
        # the appendix's sections of focus areas, each only when it has some
        "areas_added": "Nye fokusområder",
        "areas_removed": "Fokusområder som ikke står i denne planen",
        # the diff as text (khsmodel diff), one change a line
        "line_none": "ingen endringer",
        "line_area_added": "nytt fokusområde", "line_area_removed": "fjernet fokusområde",
        "line_area_renamed": "fokusområde med nytt navn",
        "line_area_renumbered": "fokusområde med nytt nummer",
        "line_carried": "videreført", "line_changed": "endret", "line_added": "nytt",
        "line_removed": "ikke med", "line_ongoing": "pågående {number}",
        "line_similar": "liknende tekst {ratio}", "decimal_mark": ",",
        "line_summary": "videreført: {carried}, endret: {changed}, nye: {added}, ikke med: "
                        "{removed}, endringer i fokusområdene: {focus_areas}",
        # a matched measure's follow-up (khsmodel diff lists it: "endret (status): …")
        "status": "status", "progress": "oppfølging",
        "line_summary_followup": ", ny status eller oppfølging: {followup}",
        # no difference listed, but the plans differ elsewhere: say what was compared
        "line_none_compared": "ingen endringer i fokusområdene eller i tiltakenes tekst, "
                              "beskrivelse, ansvar, tidsramme, status og oppfølging (planene "
                              "er ulike i andre felt)",
    }))  # fmt: skip

    # The words of the formats themselves: the HTML page's navigation and the text
    # alternative of its timeline, the site's index (khsmodel site), and the iCalendar
    # exporter's categories and summaries
    web: Mapping[str, str] = field(default_factory=lambda: _ro({
        "skip": "Gå til hovedinnholdet",  # the skip link, first on the page
        "contents": "Innhold",  # the table of contents of a long page
        "timeline_figure": "Tidslinje for tiltakene med datoer. Den samme oversikten står "
                           "som tabell under.",
        "timeline_table": "Tiltak på tidslinjen med tidsramme slik den står i planen",
        "quarter": "K{n}",  # a quarter on the axis of a long plan's timeline
        "site": "Nettstedet",  # the name of the navigation of a site's page
        "index": "Forside",  # the link to a site's index page
        "documents": "Dokumenter",  # the index's title when the documents name no partnership
        "partnership": "Partnerskapet",
        "action_plans": "Handlingsplaner",
        "status_reports": "Statusrapporter",
        "meeting_plans": "Møteplaner",
        "meetings": "Møter",
        "case_documents": "Saker",
        # a site's name of a plan's page with the appendix plan_changes.title:
        # "Handlingsplan 2016-2017 – med endringer fra forrige plan"
        "with_changes": "med endringer fra forrige plan",
    }))  # fmt: skip
    calendar: Mapping[str, str] = field(default_factory=lambda: _ro({
        "meeting": "Møte",  # CATEGORIES of a meeting plan's meeting
        "deadline": "Frist for saksdokumenter",  # CATEGORIES and summary of its deadline
        "date": "Dato",  # CATEGORIES of a meeting plan's other dates
        "due": "Frist: {measure}",  # a measure with a deadline only
        "start": "Start: {measure}",  # a measure with a start only
    }))  # fmt: skip

    # ------------------------------------------------------------------ formats
    def in_text(self) -> Labels:
        """The same words for a document's text: a date in words keeps its day, month and
        year on one line (joined by no-break spaces, U+00A0), in a table cell as in running
        text. Data formats (ICS, Noark, OParl) keep the plain :data:`NB` dates.

        >>> NB.in_text().date(dt.date(2016, 2, 8))
        '8.\xa0februar\xa02016'
        """
        return replace(self, date_space=NBSP)

    def date(self, day: dt.date | PartialDate) -> str:
        """A date as running text writes it: ``8. februar 2016``; a date known only to
        the month or year as given: ``mars 2016``, ``2009``."""
        sp = self.date_space
        if isinstance(day, PartialDate):
            if day.month is not None:
                return f"{self.months[day.month - 1]}{sp}{day.year}"
            if day.season is not None:
                return f"{self.seasons[day.season.value]}{sp}{day.year}"
            return str(day.year)
        fmt = self.date_format if sp == " " else self.date_format.replace(" ", sp)
        return fmt.format(day=day.day, month=self.months[day.month - 1], year=day.year)

    def weekday_date(self, day: dt.date) -> str:
        """A date with its weekday: ``tirsdag 18. oktober 2016`` (nn ``tysdag …``)."""
        return f"{self.weekdays[day.weekday()]} {self.date(day)}"

    def date_numeric(self, day: dt.date | PartialDate) -> str:
        """A date as case systems print it in fields: ``02.08.2021`` (``03.2016``, ``2009``
        for a date known only to the month or year)."""
        if isinstance(day, PartialDate):
            if day.month is None:  # a season has no numeric form: its words
                return self.date(day)
            return self.month_numeric_format.format(month=day.month, year=day.year)
        return self.date_numeric_format.format(day=day.day, month=day.month, year=day.year)

    def clock(self, t: dt.time) -> str:
        """A clock time: ``09.00`` (Norwegian uses a full stop; English ``09:00``)."""
        return self.clock_format.format(hour=t.hour, minute=t.minute)

    def time_span(self, start: dt.time | None, end: dt.time | None) -> str | None:
        """``kl. 09.00–15.30``, ``kl. 09.00``, ``til kl. 15.30``, or None."""
        if start and end:
            return self.time_at.format(time=f"{self.clock(start)}–{self.clock(end)}")
        if start:
            return self.time_at.format(time=self.clock(start))
        if end:
            return self.time_until.format(time=self.clock(end))
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
        last = (
            self.period_through.format(event=end_event)
            if end_event
            else (self.date(end) if end else None)
        )
        if start and last:
            sep = " " if end_event else "–"
            return f"{self.date(start)}{sep}{last}"
        if start:
            return self.period_from.format(start=self.date(start))
        if end_event:
            return last
        if end:
            return self.period_until.format(end=self.date(end))
        return None

    def period_short(
        self, start: dt.date | PartialDate | None, end: dt.date | PartialDate | None
    ) -> str | None:
        """A period for a table cell: ``01.01.2020–31.12.2023``, ``fra 30.03.2009``."""
        if start and end:
            return f"{self.date_numeric(start)}–{self.date_numeric(end)}"
        if start:
            return self.period_from.format(start=self.date_numeric(start))
        if end:
            return self.period_until.format(end=self.date_numeric(end))
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
        return self.number.format(number=number if number is not None else "?")

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


#: Every field of :class:`Labels` that holds words (all but ``language`` and ``fallbacks``).
LABEL_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Labels) if f.name not in ("language", "fallbacks", "date_space")
)

#: Norwegian Bokmål, the language of most documents in the field, and the default.
NB = Labels()


def _empty(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, tuple):
        return not value or any(not isinstance(v, str) or not v.strip() for v in value)
    return value is None


def bundle(language: str, words: Mapping[str, Any]) -> Labels:
    """A :class:`Labels` for ``language`` from ``words`` (field name to text); every
    label ``words`` does not give, or gives empty, is Bokmål and listed in ``fallbacks``.

    A mapping label (``plan_status``) may give some keys only; the missing keys are
    listed as ``"plan_status.draft"``. A name that is not a label is an error.

    >>> b = bundle("se-NO", {"months": NB.months, "plan_status": {"draft": "Utkast"}})
    >>> "responsible" in b.fallbacks, "plan_status.adopted" in b.fallbacks, "months" in b.fallbacks
    (True, True, False)
    >>> bundle("se", {"colour": "rukses"})
    Traceback (most recent call last):
    ...
    khsmodel.errors.LabelsError: labels for se: unknown label(s) colour (labels are the fields of khsmodel.labels.Labels)
    """
    from .errors import LabelsError

    unknown = sorted(set(words) - set(LABEL_FIELDS))
    if unknown:
        raise LabelsError(
            language,
            unknown,
            f"labels for {language}: unknown label(s) {', '.join(unknown)} "
            "(labels are the fields of khsmodel.labels.Labels)"
        )
    given: dict[str, Any] = {}
    missing: list[str] = []
    for name in LABEL_FIELDS:
        base = getattr(NB, name)
        value = words.get(name)
        if isinstance(base, Mapping):
            value = value if isinstance(value, Mapping) else {}
            merged = dict(base)
            for key in base:
                if isinstance(value.get(key), str) and value[key].strip():
                    merged[key] = value[key]
                else:
                    missing.append(f"{name}.{key}")
            given[name] = _ro(merged)
        elif value is None or (isinstance(value, str | tuple) and _empty(value)):
            missing.append(name)
        elif not isinstance(value, type(base)):
            raise LabelsError(
                language,
                (name,),
                f"labels for {language}: {name} must be {type(base).__name__}, "
                f"got {type(value).__name__}"
            )
        elif isinstance(base, tuple) and len(value) != len(base):
            raise LabelsError(
                language,
                (name,),
                f"labels for {language}: {name} must have {len(base)} entries, got {len(value)}",
            )
        else:
            given[name] = value
    return Labels(language=language, fallbacks=tuple(missing), **given)


# ---------------------------------------------------------------------------- Nynorsk
# Nynorsk as Språkrådet writes it (the official norm of 2012, as in Nynorskordboka,
# ordbokene.no), in the words Nynorsk partnerships use: /work/shared/domain/
# field-phrases.md (§nn: "Framlegg til vedtak", "Rådmannen si tilråding", "Samrøystes",
# "Sakshandsamar", "Hausten 2022", "Tysdag 18. oktober 2016", "Partnarskapsmøte").
# A word the same in both forms is listed in _SAME_IN_NN, a choice, not a fallback.
_SAME_IN_NN = (
    "months",  # januar … desember: the same in Nynorskordboka
    "date_format", "date_numeric_format", "month_numeric_format", "clock_format",
    "time_at", "time_until", "period_until", "period_through", "number",
    "page", "page_of_word", "attachment_to_case", "attachment_n", "kinds", "period",
    "and_word", "in_word", "case_word", "priority_groups", "focus_area", "measure", "status",
    "phase", "case_document", "case_number", "meeting_date", "archive_reference",
    "our_reference", "document_date", "process", "attachments", "decision", "decisions",
    "date_label", "time", "about", "represented", "programme", "agenda", "case_type",
    "case_title", "presentation", "minutes", "approved", "notes", "party", "kind",
    "organisation_number", "kommune_number", "statutory_item", "established", "history",
    "members_over_time", "mandate", "level", "role", "to", "note", "partnership_kinds",
    "absent", "timeline",
)  # fmt: skip
_NN_WORDS: dict[str, Any] = {name: getattr(NB, name) for name in _SAME_IN_NN}
_NN_WORDS.update({
    # Nynorskordboka: måndag, tysdag, laurdag, sundag (søndag is also allowed; sundag
    # is the form the 2012 norm lists first); field-phrases.md: "Måndag 19. september".
    "weekdays": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "period_from": "frå {start}",  # frå (Nynorskordboka)
    # Nynorskordboka: våren, sommaren, hausten; field-phrases.md "Hausten 2022"
    "seasons": {"spring": "våren", "summer": "sommaren", "autumn": "hausten"},
    "adopted_in": "Vedteke i",  # vedta, vedteke (Nynorskordboka); field-phrases "vart vedteke"
    "adopted": "Vedteke",
    "introduction": "Innleiing",  # Nynorskordboka
    "purpose": "Føremål",  # Nynorskordboka (formål is also allowed; føremål is the main form)
    "responsible": "Ansvarleg",  # Nynorskordboka; field-phrases "Ansvarleg for …"
    "timeframe": "Tidsramme",  # Nynorskordboka (tidsperspektiv, a loan, is rare in nn plans)
    "ongoing_activities": "Pågåande aktivitetar som vert vidareførte",  # Språkrådet: vert + perf. part.
    "carried_over_from": "Vidareført frå",  # vidare (Nynorskordboka)
    "previous_plan": "Førre plan",  # førre (Nynorskordboka)
    "timeline_unresolved": "Utan fast dato",
    # the timeline's legend: periode, fastsett (Nynorskordboka), dato eller frist
    "timeline_period": "Periode",
    "timeline_open": "Starta, utan fastsett slutt",
    "timeline_date": "Dato eller frist",
    "agreement_covers": "Avtalen omfattar",  # omfatte, presens omfattar (Nynorskordboka)
    "timeline_key": (
        "Mørk: tidsrommet tiltaket gjeld (ein frist: månaden han fell i). "
        "Lys: starta, utan fastsett slutt."
    ),
    "plan_status": {
        # a strong participle agrees with its noun (Språkrådet, samsvarsbøying 2012): planen
        # er vedteken; the weak ones below take the neuter form, which fits every gender
        "draft": "Utkast", "proposed": "Framlegg", "adopted": "Vedteken",
        "superseded": "Erstatta av ny plan",
    },
    "measure_status": {
        "planned": "Planlagt", "started": "Starta", "ongoing": "Pågår",
        "done": "Gjennomført", "postponed": "Utsett", "cancelled": "Avlyst",
        "carried_over": "Vidareført",
    },
    "case_officer": "Sakshandsamar",  # field-phrases.md "Sakshandsamar John Olaf Rohme"
    "case_officers": "Sakshandsamarar",
    "body": "Utval",  # field-phrases.md "Utvalsnamn", "Samhandlingsutvalet"
    "issued_by": "Frå",
    "proposed_by": "Fremja av",  # fremje, fremja (Nynorskordboka)
    "proposals": {
        "proposed_decision": "Framlegg til vedtak",  # field-phrases.md
        "recommendation": "Tilråding",  # field-phrases.md "Rådmannen si tilråding"
        "innstilling": "Innstilling",
    },
    "sections": {
        "background": "Bakgrunn", "presentation": "Saksframstilling",
        "process": "Orientering om prosess", "facts": "Saksopplysningar",
        "assessment": "Vurdering", "other": "Anna",
    },
    "references": "Tidlegare handsaming",  # handsaming (Nynorskordboka)
    "case_status": {
        "draft": "Utkast", "submitted": "Fremja", "considered": "Handsama",
        "adopted": "Vedteken", "withdrawn": "Trekt",  # saka er vedteken (samsvarsbøying)
    },
    "decision_kinds": {
        "decision": "Vedtak", "recommendation": "Tilråding", "noted": "Til orientering",
        "adopted": "Vedteke", "delegated": "Delegert vedtak", "other": "Avgjerd",
    },
    "unanimous": "Samrøystes",  # field-phrases.md "Samrøystes vedtak."
    "not_unanimous": "Ikkje samrøystes",
    "votes": "{in_favour} for, {against} mot, {abstained} avstod",
    "place": "Stad",  # Nynorskordboka
    "participants": "Deltakarar",
    "presentations": "Presentasjonar",
    "speakers": "Innleiarar",
    "links": "Lenkjer",  # lenkje (Nynorskordboka)
    "participant_roles": {
        "member": "medlem", "deputy": "vara", "chair": "leiar", "secretary": "sekretær",
        "observer": "observatør", "guest": "gjest", "speaker": "innleiar", "other": "anna",
    },
    "parties": "Partar",
    "members": "Medlemer",  # medlem, fl. medlemer (Nynorskordboka; Noregs Mållag)
    "other_organisations": "Andre organisasjonar",  # organisasjon, -ar (Nynorskordboka)
    "name": "Namn",
    "signatories": "Underteikna av",  # underteikne (Nynorskordboka): same in every gender
    "validity": "Gyldigheit",
    "statutory_items": (
        "Lovpålagde avtaleområde (helse- og omsorgstenestelova § 6-2, i stikkord)"
    ),
    "statutory_item_unnumbered": "{subject} (nummeret er ulikt i kjeldene)",
    "statutory_item_unverified": "ikkje stadfesta i lovteksten",
    "covers": "Dekkjer",
    "agreement_levels": {
        "national": "Nasjonal avtale", "overarching": "Overordna samarbeidsavtale",
        "service": "Tenesteavtale", "sub": "Delavtale", "special": "Særavtale",
        "other": "Avtale",
    },
    "agreement_topics": {
        "purpose": "Føremål", "organisation": "Organisering", "financing": "Finansiering",
        "tasks": "Oppgåver", "statutory": "Lovpålagde avtaleområde",
        "termination": "Revisjon og oppseiing", "other": "Anna",
    },
    "parent_agreement": "Underordna",
    "replaces": "Erstattar",
    "bodies": "Organ",
    "agreements": "Avtalar",
    "resources": "Dokument og ressursar",
    "from_": "Frå",
    "also_called": "Også kalla",
    "other_names": "Andre namn",
    "units": "Einingar",
    "organisation_kinds": {
        "kommune": "Kommune", "fylkeskommune": "Fylkeskommune",
        "helseforetak": "Helseføretak", "regionalt_helseforetak": "Regionalt helseføretak",
        "interkommunalt_samarbeid": "Interkommunalt samarbeid",
        "brukerutvalg": "Brukarutval", "fastleger": "Fastlegar", "statlig": "Statleg",
        "other": "Anna",
    },
    "body_kinds": {
        "partnership_meeting": "Partnarskapsmøte",  # Helse Førde: "partnarskapsmote"
        "strategic_committee": "Strategisk samarbeidsutval",  # Helse Møre og Romsdal
        "overarching_committee": "Overordna samarbeidsutval",
        "professional_committee": "Fagleg samarbeidsutval",
        "clinical_committee": "Klinisk samarbeidsutval",
        "local_committee": "Lokalt samarbeidsutval",  # field-phrases.md "LSU (Lokalt samarbeidsutval)"
        "cooperation_board": "Samarbeidsstyre", "owners_meeting": "Eigarmøte",
        "user_council": "Brukarutval", "secretariat": "Sekretariat",
        "working_group": "Arbeidsgruppe", "other": "Anna organ",
    },
    "role_kinds": {
        "chair": "leiar", "deputy_chair": "nestleiar", "member": "medlem",
        "secretary": "sekretær", "case_officer": "sakshandsamar",
        "chief_executive": "administrerande direktør", "director": "direktør",
        "manager": "leiar", "mayor": "ordførar", "user_representative": "brukarrepresentant",
        "gp_representative": "fastlegerepresentant", "practice_consultant": "praksiskonsulent",
        "employee_representative": "tillitsvald", "other": "anna",
    },
    # Following up (not in field-phrases.md, which found no follow-up table with status
    # words: section 5): Nynorskordboka's forms, as in measure_status above
    "status_report": {
        "kind": "Statusrapport",
        "title": "Statusrapport: {plan}",
        "as_of": "Status per {date}",
        "summary": "Oppsummering",
        "whole_plan": "Heile planen",
        "ongoing": "Pågåande aktivitetar",
        "no_status": "Utan status",
        "total": "Tal på tiltak",
        "overdue": "Forseinka",  # forseinke, forseinka (Nynorskordboka)
        "due_soon": "Frist nærmar seg",
        "share_done": "Del som er gjennomført",
        "key": ("Forseinka: tidsramma er passert utan at tiltaket er gjennomført, avlyst "
                "eller vidareført. Frist nærmar seg: tidsramma sluttar innan {days} dagar etter "
                "{date}. Status er den siste som er registrert med dato til og med {date}."),
        "measures": "Tiltak",
        "note": "Siste oppfølging",
        "overdue_list": "Forseinka tiltak",
        "due_soon_list": "Tiltak med frist som nærmar seg",
        "unresolved_list": "Tiltak utan dato i tidsramma",
        "unresolved_key": "Tidsramma er ikkje tolka til ein dato; tiltaka er ikkje vurderte "
                          "som forseinka eller med frist som nærmar seg.",
        "no_timeframe": "inga tidsramme",
        "changes": "Endringar sidan {date}",
        "before": "Status {date}",
        "after": "Status {date}",
        "new_notes": "Nye oppfølgingsnotat",
        "no_changes": "Ingen endringar i status og ingen nye notat sidan {date}.",
        "chart": "Status per fokusområde",
        "chart_alt": "Stolpediagram: tal på tiltak etter status for kvart fokusområde; "
                     "tala står i oppsummeringa over.",
    },
    "meeting_plan": {
        "kind": "Møteplan",
        "title": "Møteplan {year}",
        # saksdokument, pl. saksdokument (Nynorskordboka: dokument, fleirtal dokument)
        "rule": "Frist for saksdokument: {days} dagar før møtet.",
        "rule_same_day": "Frist for saksdokument: møtedagen.",
        "meetings": "Møte",  # møte, fleirtal møte
        "date": "Dato",
        "day": "Dag",
        "deadline": "Frist for saksdokument",
        "note": "Merknad",
        "dates": "Andre datoar",
        "what": "Kva",
        "measures": "Tiltak med dato",
        "other_ring": "Andre datoar og tiltak",
        "wheel": "Årshjul {year}",
        "wheel_alt": "Årshjul: dei tolv månadene i året som ein sirkel, med ein ring per "
                     "utval og eit merke for kvar dato i møteplanen.",
        "wheel_alt_table": "Datoane står i tabellen over: {table}.",
        "wheel_alt_tables": "Datoane står i tabellane over: {tables}.",
        # Nynorskordboka: klokke (med klokka), øvst (superlativ av øvre), tal n. (talet),
        # merke n., ytst (superlativ av ytre), inst (superlativ av indre), open adj.,
        # ikkje, noko, hending
        "wheel_caption": "Året går med klokka frå januar øvst, og talet i eit merke er dagen "
                         "i månaden.",
        "wheel_caption_rings": "Ring 1 er den ytste.",
        "wheel_caption_other": "Den inste ringen, ring {n}, har andre datoar og tiltak.",
        "wheel_caption_due": "Ein open ring er ein frist, ikkje noko som skjer den dagen.",
        "wheel_meeting": "Møte",
        "wheel_day": "Møte eller annan dato",
        "wheel_due": "Frist",
        "no_meetings": "Møteplanen har ingen møte.",
    },
    "plan_changes": {
        "title": "Endringar frå førre plan",
        "compared": "Samanlikna med {plan}.",
        "carried": "Vidareførte tiltak",
        "changed": "Endra tiltak",
        "added": "Nye tiltak i denne planen",
        "removed": "Tiltak som ikkje står i denne planen",
        "focus_areas": "Endra fokusområde",
        "previous": "I førre plan",
        "this": "I denne planen",
        "what": "Endring",
        "text": "tekst", "details": "skildring", "responsibility": "ansvar",
        "timeframe": "tidsramme", "focus_area": "fokusområde",
        "area_added": "nytt i denne planen", "area_removed": "ikkje med i denne planen",
        "area_renamed": "nytt namn", "area_renumbered": "nytt nummer",
        "ongoing": "Pågåande aktivitetar",
        "measure": "tiltak", "in_plan": "{plan}, {where}", "in_area": "tiltak {number} i {area}",
        "none": "Ingen tiltak eller fokusområde er endra.",
        # fjerne, fjerna (a-verb), område n., pl. bunden form områda, liknande (Nynorskordboka)
        "areas_added": "Nye fokusområde",
        "areas_removed": "Fokusområde som ikkje står i denne planen",
        "line_none": "ingen endringar",
        "line_area_added": "nytt fokusområde", "line_area_removed": "fjerna fokusområde",
        "line_area_renamed": "fokusområde med nytt namn",
        "line_area_renumbered": "fokusområde med nytt nummer",
        "line_carried": "vidareført", "line_changed": "endra", "line_added": "nytt",
        "line_removed": "ikkje med", "line_ongoing": "pågåande {number}",
        "line_similar": "liknande tekst {ratio}", "decimal_mark": ",",
        "line_summary": "vidareført: {carried}, endra: {changed}, nye: {added}, ikkje med: "
                        "{removed}, endringar i fokusområda: {focus_areas}",
        # status m., oppfølging f., ny adj., skildring f., tidsramme f., ulik adj., felt n.
        # (pl. felt), plan m. (pl. bunden form planane) (Nynorskordboka)
        "status": "status", "progress": "oppfølging",
        "line_summary_followup": ", ny status eller oppfølging: {followup}",
        "line_none_compared": "ingen endringar i fokusområda eller i tekst, skildring, ansvar, "
                              "tidsramme, status og oppfølging for tiltaka (planane er ulike "
                              "i andre felt)",
    },
    # the HTML page, the site and the calendar: hovud, innhald, oversyn (n.), nettstad,
    # framside (Nynorskordboka); saksdokument, pl. saksdokument, as above
    "web": {
        "skip": "Gå til hovudinnhaldet",
        "contents": "Innhald",
        "timeline_figure": "Tidslinje for tiltaka med datoar. Det same oversynet står "
                           "som tabell under.",
        "timeline_table": "Tiltak på tidslinja med tidsramme slik ho står i planen",
        "quarter": "K{n}",
        "site": "Nettstaden",
        "index": "Framside",
        "documents": "Dokument",
        "partnership": "Partnarskapet",  # field-phrases.md "Partnarskapsmøte"
        "action_plans": "Handlingsplanar",
        "status_reports": "Statusrapportar",
        "meeting_plans": "Møteplanar",
        "meetings": "Møte",
        "case_documents": "Saker",
        # endringar, frå, førre as plan_changes.title (Nynorskordboka: endring, frå, førre)
        "with_changes": "med endringar frå førre plan",
    },
    "calendar": {
        "meeting": "Møte",
        "deadline": "Frist for saksdokument",
        "date": "Dato",
        "due": "Frist: {measure}",
        "start": "Start: {measure}",
    },
    "dissolved": "nedlagt",  # neuter participle: fits utval, organ, styre (samsvarsbøying)
    "membership_roles": {
        "member": "Medlem", "hospital_trust": "Helseføretak", "owner": "Eigar",
        "observer": "Observatør", "associated": "Tilknytt",
    },
})  # fmt: skip

#: Norwegian Nynorsk.
NN = bundle("nn-NO", _NN_WORDS)

# ---------------------------------------------------------------------------- English
# British English, the words the Norwegian health authorities' English pages use
# (helsedirektoratet.no/english: "health partnership", "hospital trust").
_EN_WORDS: dict[str, Any] = {
    "months": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
    "weekdays": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "date_format": "{day} {month} {year}",
    "date_numeric_format": "{day:02d}/{month:02d}/{year:04d}",
    "month_numeric_format": "{month:02d}/{year:04d}",
    "clock_format": "{hour:02d}:{minute:02d}",
    "time_at": "{time}",
    "time_until": "until {time}",
    "period_from": "from {start}",
    "period_until": "until {end}",
    "period_through": "up to and including {event}",
    "number": "no. {number}",
    "page": "Page", "page_of_word": "of",
    "attachment_to_case": "Attachment {number} to case {case}",
    "attachment_n": "Attachment {number}",
    "kinds": {
        "action_plan": "Action plan", "case_document": "Case document", "meeting": "Meeting",
        "agreement": "Agreement", "partnership": "Health partnership",
    },
    "period": "Period",
    "seasons": {"spring": "spring", "summer": "summer", "autumn": "autumn"},
    "adopted_in": "Adopted by", "adopted": "Adopted", "and_word": "and", "in_word": "by",
    "case_word": "case", "introduction": "Introduction", "purpose": "Purpose",
    "priority_groups": "Priority patient groups", "focus_area": "Focus area",
    "measure": "Measure", "responsible": "Responsible", "timeframe": "Timeframe",
    "status": "Status", "ongoing_activities": "Ongoing activities carried over",
    "carried_over_from": "Carried over from", "previous_plan": "Previous plan",
    "phase": "Phase", "timeline": "Timeline", "timeline_unresolved": "No fixed date",
    "timeline_period": "Period", "timeline_open": "Started, no end date",
    "timeline_date": "Date or deadline", "agreement_covers": "The agreement covers",
    "timeline_key": (
        "Dark: the time the measure covers (a deadline: the month it falls in). "
        "Light: started, no set end."
    ),
    "plan_status": {
        "draft": "Draft", "proposed": "Proposal", "adopted": "Adopted",
        "superseded": "Superseded by a new plan",
    },
    "measure_status": {
        "planned": "Planned", "started": "Started", "ongoing": "Ongoing", "done": "Done",
        "postponed": "Postponed", "cancelled": "Cancelled", "carried_over": "Carried over",
    },
    "case_document": "Case document", "case_officer": "Case officer",
    "case_officers": "Case officers", "body": "Committee", "case_number": "Case no.",
    "meeting_date": "Meeting date", "archive_reference": "Archive case",
    "our_reference": "Our ref.", "document_date": "Date", "issued_by": "From",
    "proposed_by": "Proposed by",
    "proposals": {
        "proposed_decision": "Proposed decision", "recommendation": "Recommendation",
        "innstilling": "Committee recommendation",
    },
    "sections": {
        "background": "Background", "presentation": "The case", "process": "The process",
        "facts": "Facts", "assessment": "Assessment", "other": "Other",
    },
    "process": "Process", "references": "Previous consideration",
    "attachments": "Attachments",
    "case_status": {
        "draft": "Draft", "submitted": "Submitted", "considered": "Considered",
        "adopted": "Adopted", "withdrawn": "Withdrawn",
    },
    "decision": "Decision", "decisions": "Decisions",
    "decision_kinds": {
        "decision": "Decision", "recommendation": "Recommendation", "noted": "For information",
        "adopted": "Adopted", "delegated": "Delegated decision", "other": "Resolution",
    },
    "unanimous": "Unanimous", "not_unanimous": "Not unanimous",
    "votes": "{in_favour} for, {against} against, {abstained} abstained",
    "date_label": "Date", "time": "Time", "place": "Place", "participants": "Participants",
    "about": "c.", "represented": "Represented", "programme": "Programme",
    "agenda": "Agenda", "case_type": "Type", "case_title": "Case",
    "presentations": "Presentations", "presentation": "Presentation",
    "speakers": "Speakers", "minutes": "Minutes", "approved": "Approved", "notes": "Notes",
    "links": "Links", "absent": "absent",
    "participant_roles": {
        "member": "member", "deputy": "deputy", "chair": "chair", "secretary": "secretary",
        "observer": "observer", "guest": "guest", "speaker": "speaker", "other": "other",
    },
    "parties": "Parties", "other_organisations": "Other organisations", "party": "Party", "name": "Name", "kind": "Type",
    "organisation_number": "Org. no.", "kommune_number": "Municipality no.",
    "signatories": "Signed by", "validity": "Validity",
    "statutory_items": (
        "Statutory subjects of agreement (Health and Care Services Act § 6-2, in brief)"
    ),
    "statutory_item": "no. {number}: {subject}",
    "statutory_item_unnumbered": "{subject} (the sources number it differently)",
    "statutory_item_unverified": "not confirmed in the text of the Act",
    "covers": "Covers",
    "agreement_levels": {
        "national": "National agreement", "overarching": "Overarching cooperation agreement",
        "service": "Service agreement", "sub": "Sub-agreement", "special": "Special agreement",
        "other": "Agreement",
    },
    "agreement_topics": {
        "purpose": "Purpose", "organisation": "Organisation", "financing": "Financing",
        "tasks": "Tasks", "statutory": "Statutory subjects",
        "termination": "Revision and termination", "other": "Other",
    },
    "parent_agreement": "Under", "replaces": "Replaces", "established": "Established",
    "history": "History", "members_over_time": "Membership over time", "bodies": "Bodies",
    "agreements": "Agreements", "resources": "Documents and resources",
    "members": "Members", "mandate": "Mandate", "level": "Level", "role": "Role",
    "from_": "From", "to": "To", "note": "Note", "also_called": "Also called",
    "other_names": "Other names", "units": "Units",
    "organisation_kinds": {
        "kommune": "Municipality", "fylkeskommune": "County municipality",
        "helseforetak": "Hospital trust", "regionalt_helseforetak": "Regional health authority",
        "interkommunalt_samarbeid": "Inter-municipal cooperation",
        "brukerutvalg": "User committee", "fastleger": "GPs", "statlig": "Government",
        "other": "Other",
    },
    "partnership_kinds": {
        "health_partnership": "Health partnership",
        "municipal_health_cooperation": "Municipal health cooperation",
        "other": "Cooperation",
    },
    "body_kinds": {
        "partnership_meeting": "Partnership meeting",
        "strategic_committee": "Strategic cooperation committee",
        "overarching_committee": "Overarching cooperation committee",
        "professional_committee": "Professional cooperation committee",
        "clinical_committee": "Clinical cooperation committee",
        "local_committee": "Local cooperation committee",
        "cooperation_board": "Cooperation board", "owners_meeting": "Owners' meeting",
        "user_council": "User committee", "secretariat": "Secretariat",
        "working_group": "Working group", "other": "Other body",
    },
    "role_kinds": {
        "chair": "chair", "deputy_chair": "deputy chair", "member": "member",
        "secretary": "secretary", "case_officer": "case officer",
        "chief_executive": "chief executive", "director": "director", "manager": "manager",
        "mayor": "mayor", "user_representative": "user representative",
        "gp_representative": "GP representative", "practice_consultant": "practice consultant",
        "employee_representative": "employee representative", "other": "other",
    },
    "status_report": {
        "kind": "Status report",
        "title": "Status report: {plan}",
        "as_of": "Status as of {date}",
        "summary": "Summary",
        "whole_plan": "Whole plan",
        "ongoing": "Ongoing activities",
        "no_status": "No status",
        "total": "Number of measures",
        "overdue": "Overdue",
        "due_soon": "Due soon",
        "share_done": "Share completed",
        "key": ("Overdue: the timeframe has passed and the measure is not done, cancelled "
                "or carried over. Due soon: the timeframe ends within {days} days after "
                "{date}. The status is the latest recorded with a date up to and including "
                "{date}."),
        "measures": "Measures",
        "note": "Latest follow-up",
        "overdue_list": "Overdue measures",
        "due_soon_list": "Measures due soon",
        "unresolved_list": "Measures without a date in the timeframe",
        "unresolved_key": "The timeframe does not give a date; these measures are not "
                          "assessed as overdue or due soon.",
        "no_timeframe": "no timeframe",
        "changes": "Changes since {date}",
        "before": "Status {date}",
        "after": "Status {date}",
        "new_notes": "New follow-up notes",
        "no_changes": "No changes of status and no new notes since {date}.",
        "chart": "Status by focus area",
        "chart_alt": "Bar chart: the number of measures by status for each focus area; "
                     "the numbers are in the summary above.",
    },
    "meeting_plan": {
        "kind": "Meeting plan",
        "title": "Meeting plan {year}",
        "rule": "Deadline for case documents: {days} days before the meeting.",
        "rule_same_day": "Deadline for case documents: the day of the meeting.",
        "meetings": "Meetings",
        "date": "Date",
        "day": "Day",
        "deadline": "Deadline for case documents",
        "note": "Note",
        "dates": "Other dates",
        "what": "What",
        "measures": "Measures with a date",
        "other_ring": "Other dates and measures",
        "wheel": "Year wheel {year}",
        "wheel_alt": "Year wheel: the twelve months of the year as a circle, with a ring for "
                     "each committee and a mark for each date of the meeting plan.",
        "wheel_alt_table": "The dates are in the table above: {table}.",
        "wheel_alt_tables": "The dates are in the tables above: {tables}.",
        "wheel_caption": "The year runs clockwise from January at the top, and the number in a "
                         "mark is the day of the month.",
        "wheel_caption_rings": "Ring 1 is the outermost.",
        "wheel_caption_other": "The innermost ring, ring {n}, holds other dates and measures.",
        "wheel_caption_due": "A hollow ring is a deadline, not something that happens that day.",
        "wheel_meeting": "Meeting",
        "wheel_day": "Meeting or other date",
        "wheel_due": "Deadline",
        "no_meetings": "The meeting plan has no meetings.",
    },
    "plan_changes": {
        "title": "Changes from the previous plan",
        "compared": "Compared with {plan}.",
        "carried": "Measures carried over",
        "changed": "Measures changed",
        "added": "New in this plan",
        "removed": "Measures not in this plan",
        "focus_areas": "Focus areas changed",
        "previous": "In the previous plan",
        "this": "In this plan",
        "what": "Change",
        "text": "text", "details": "description", "responsibility": "responsibility",
        "timeframe": "timeframe", "focus_area": "focus area",
        "area_added": "new in this plan", "area_removed": "not in this plan",
        "area_renamed": "renamed", "area_renumbered": "renumbered",
        "ongoing": "Ongoing activities",
        "measure": "measure", "in_plan": "{plan}, {where}", "in_area": "measure {number} in {area}",
        "none": "No measure or focus area has changed.",
        "areas_added": "New focus areas",
        "areas_removed": "Focus areas not in this plan",
        "line_none": "no differences",
        "line_area_added": "focus area added", "line_area_removed": "focus area removed",
        "line_area_renamed": "focus area renamed",
        "line_area_renumbered": "focus area renumbered",
        "line_carried": "carried over", "line_changed": "changed", "line_added": "added",
        "line_removed": "removed", "line_ongoing": "ongoing {number}",
        "line_similar": "similar {ratio}", "decimal_mark": ".",
        "line_summary": "{carried} carried over, {changed} changed, {added} added, {removed} "
                        "removed, {focus_areas} focus area change(s)",
        "status": "status", "progress": "progress",
        "line_summary_followup": ", {followup} with new status or progress",
        "line_none_compared": "no differences in the focus areas or in the measures' text, "
                              "description, responsibility, timeframe, status and progress "
                              "(the plans differ in other fields)",
    },
    "web": {
        "skip": "Skip to main content",
        "contents": "Contents",
        "timeline_figure": "Timeline of the measures with dates. The same overview is in "
                           "the table below.",
        "timeline_table": "Measures on the timeline with their timeframe as the plan gives it",
        "quarter": "Q{n}",
        "site": "Website",
        "index": "Home",
        "documents": "Documents",
        "partnership": "The partnership",
        "action_plans": "Action plans",
        "status_reports": "Status reports",
        "meeting_plans": "Meeting plans",
        "meetings": "Meetings",
        "case_documents": "Cases",
        "with_changes": "with changes from the previous plan",
    },
    "calendar": {
        "meeting": "Meeting",
        "deadline": "Deadline for case documents",
        "date": "Date",
        "due": "Deadline: {measure}",
        "start": "Start: {measure}",
    },
    "dissolved": "dissolved",
    "membership_roles": {
        "member": "Member", "hospital_trust": "Hospital trust", "owner": "Owner",
        "observer": "Observer", "associated": "Associate member",
    },
}  # fmt: skip

#: English (British).
EN = bundle("en-GB", _EN_WORDS)

# ---------------------------------------------------------------------- Northern Sámi
# Only the words a public source gives: the Unicode Common Locale Data Repository,
# locale "se" (github.com/unicode-org/cldr, common/main/se.xml, gregorian calendar,
# months "format/wide" and days "format/wide"). Everything else is Bokmål, listed by
# fallbacks("se") and in docs/languages.md; a municipality with checked Sámi words
# adds them through the khsmodel.labels entry point.
_SE_WORDS: dict[str, Any] = {
    "months": (
        "ođđajagemánnu", "guovvamánnu", "njukčamánnu", "cuoŋománnu", "miessemánnu",
        "geassemánnu", "suoidnemánnu", "borgemánnu", "čakčamánnu", "golggotmánnu",
        "skábmamánnu", "juovlamánnu",
    ),
    "weekdays": (
        "vuossárga", "maŋŋebárga", "gaskavahkku", "duorasdat", "bearjadat", "lávvardat",
        "sotnabeaivi",
    ),
}  # fmt: skip

#: Northern Sámi: month and weekday names; every other label is Bokmål (:func:`fallbacks`).
SE = bundle("se-NO", _SE_WORDS)

#: The built-in bundles by primary language tag.
_BUILT_IN: dict[str, Labels] = {"nb": NB, "nn": NN, "en": EN, "se": SE}
#: The complete built-in bundles, which an entry point does not replace.
_COMPLETE = ("nb", "nn", "en")
#: The region a bare tag declares in the output (Word w:lang, PDF /Lang).
_REGION = {"nb": "NO", "nn": "NO", "se": "NO", "smj": "NO", "sma": "NO", "en": "GB"}

#: The entry-point group of label bundles: name = a primary language tag ("smj"),
#: value = a :class:`Labels`, a mapping of label to text (as for :func:`bundle`), or a
#: function without arguments returning either.
ENTRY_POINT_GROUP = "khsmodel.labels"


@functools.cache
def _plugins() -> dict[str, importlib.metadata.EntryPoint]:
    """The ``khsmodel.labels`` entry points by language, looked up once (not loaded)."""
    found: dict[str, importlib.metadata.EntryPoint] = {}
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name.lower(), ep)
    return found


def _from_plugin(primary: str, tag: str) -> Labels | None:
    from .errors import LabelsError

    ep = _plugins().get(primary)
    if ep is None:
        return None
    try:
        value: Any = ep.load()
        if callable(value) and not isinstance(value, Labels):
            value = value()
    except Exception as exc:  # a plugin's failure, named, never a traceback from inside it
        raise LabelsError(
            primary,
            (),
            f"labels for {primary!r} from entry point {ep.value!r} could not be loaded: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if isinstance(value, Labels):
        return value
    if isinstance(value, Mapping):
        return bundle(tag, value)
    raise LabelsError(
        primary,
        (),
        f"entry point {ep.value!r} ({ENTRY_POINT_GROUP}) gave {type(value).__name__}; "
        "expected khsmodel.labels.Labels or a mapping of label to text"
    )


def _output_tag(tag: str) -> str:
    primary = tag.split("-")[0]
    return tag if "-" in tag else f"{primary}-{_REGION.get(primary, 'NO')}"


@functools.cache
def for_language(language: str = "nb") -> Labels:
    """The labels of a document language (``nb``, ``nn``, ``se``, ``smj``, ``sma``,
    ``en``, with or without a region: ``nn-NO``); :class:`~khsmodel.errors.ArgumentError`
    (``argument="language"``) for any other tag.

    A language without built-in words (``smj``, ``sma``) or with only some (``se``)
    takes the missing ones from Bokmål and lists them in :func:`fallbacks`; a
    ``khsmodel.labels`` entry point supplies better ones. The bundle's ``language``
    is the tag the output declares (``nn`` → ``nn-NO``).

    >>> for_language("nn").language, for_language("en").measure
    ('nn-NO', 'Measure')
    >>> for_language("smj").responsible, "responsible" in for_language("smj").fallbacks
    ('Ansvarlig', True)
    """
    from ._base import check_language
    from .errors import ArgumentError, KhsModelError

    if language.lower() in ("no", "nob"):  # earlier spellings of Bokmål
        language = "nb"
    try:
        check_language(language)
    except KhsModelError as exc:
        raise ArgumentError("language", language, f"no labels: {exc}") from None
    primary = language.split("-")[0]
    tag = _output_tag(language)
    labels = None if primary in _COMPLETE else _from_plugin(primary, tag)
    if labels is None:
        labels = _BUILT_IN.get(primary) or bundle(tag, {})
    if labels.language != tag:
        labels = Labels(**{**{f.name: getattr(labels, f.name) for f in fields(Labels)}, "language": tag})
    return labels


def fallbacks(language: str) -> tuple[str, ...]:
    """The labels of ``language`` printed in Bokmål because the bundle lacks them.

    >>> fallbacks("nn")
    ()
    >>> "months" in fallbacks("se"), "responsible" in fallbacks("se")
    (False, True)
    """
    return for_language(language).fallbacks


def available() -> tuple[str, ...]:
    """The languages with words of their own: built in, and from entry points.

    >>> {"nb", "nn", "en", "se"} <= set(available())
    True
    """
    return tuple(sorted(set(_BUILT_IN) | set(_plugins())))


def _clear_cache() -> None:
    """Forget discovered entry points (tests that patch ``entry_points`` call this)."""
    _plugins.cache_clear()
    for_language.cache_clear()

