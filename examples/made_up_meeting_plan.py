"""A MADE-UP meeting plan (oppdiktet eksempel): no seed gives a year's meeting plan.

Every name, date, place and measure here is invented to show what a meeting
plan holds and how it prints: several bodies, times, places, the deadline for
case documents (two weeks before, and one meeting with a date of its own),
reporting dates and an action plan whose dated measures the årshjul shows. It
is not a partnership's plan, and its title says so. The places carry Sámi
letters (Kárášjohka, Guovdageaidnu) so that every format shows it keeps them.
"""

from __future__ import annotations

import datetime as dt

from khsmodel import (
    ActionPlan,
    Body,
    BodyKind,
    ByDate,
    FocusArea,
    Measure,
    MeetingPlan,
    OnDate,
    Partnership,
    PartnershipKind,
    Period,
    PlannedMeeting,
    Timeframe,
    YearDate,
)

__all__ = ["meeting_plan_2026"]

D = dt.date
T = dt.time


def _partnership() -> Partnership:
    return Partnership(
        id="eksempel",
        name="Helsefellesskapet Eksempel (oppdiktet)",
        kind=PartnershipKind.HEALTH_PARTNERSHIP,
        bodies=(
            Body(id="partnerskapsmotet", kind=BodyKind.PARTNERSHIP_MEETING,
                 name="Partnerskapsmøtet"),
            Body(id="osu", kind=BodyKind.OVERARCHING_COMMITTEE,
                 name="Overordnet samarbeidsutvalg", abbreviation="OSU"),
            Body(id="ssu", kind=BodyKind.STRATEGIC_COMMITTEE,
                 name="Strategisk samarbeidsutvalg", abbreviation="SSU"),
        ),
    )  # fmt: skip


def _plan() -> ActionPlan:
    def measure(n: int, text: str, tf: str, interp: OnDate | ByDate) -> Measure:
        return Measure(number=n, text=text, timeframe=Timeframe(text=tf, interpretation=interp))

    return ActionPlan(
        title="Handlingsplan 2026 (oppdiktet)",
        id="eksempel-hp-2026",
        period=Period(start=D(2026, 1, 1), end=D(2026, 12, 31)),
        focus_areas=(FocusArea(number=1, title="Barn og unge", measures=(
            measure(1, "Fagdag om psykisk helse", "18. mars 2026", OnDate(date=D(2026, 3, 18))),
            measure(2, "Felles rutine for utskrivning", "Innen 1. oktober 2026",
                    ByDate(date=D(2026, 10, 1))),
        )),),
    )  # fmt: skip


def meeting_plan_2026() -> MeetingPlan:
    """The made-up meeting plan of 2026."""
    return MeetingPlan(
        year=2026,
        id="eksempel-moteplan-2026",
        title="Møteplan 2026 (oppdiktet eksempel)",
        partnership=_partnership(),
        documents_due_days=14,
        meetings=(
            PlannedMeeting(body="osu", date=D(2026, 1, 22), start_time=T(10, 0),
                           end_time=T(14, 0), location="Digitalt (Teams)"),
            PlannedMeeting(body="ssu", date=D(2026, 2, 12), start_time=T(9, 0),
                           end_time=T(12, 0), location="Kárášjohka"),
            PlannedMeeting(body="osu", date=D(2026, 4, 23), start_time=T(10, 0),
                           end_time=T(14, 0), location="Guovdageaidnu"),
            PlannedMeeting(body="ssu", date=D(2026, 5, 7), start_time=T(9, 0),
                           end_time=T(12, 0), location="Digitalt (Teams)"),
            PlannedMeeting(body="osu", date=D(2026, 6, 11), start_time=T(10, 0),
                           end_time=T(14, 0), location="Digitalt (Teams)",
                           documents_due=D(2026, 5, 22),
                           note="Sakspapirer tidligere på grunn av pinse & ferie"),
            PlannedMeeting(body="ssu", date=D(2026, 9, 10), start_time=T(9, 0),
                           end_time=T(12, 0), location="Kárášjohka"),
            PlannedMeeting(body="partnerskapsmotet", date=D(2026, 10, 15),
                           start_time=T(9, 30), end_time=T(15, 30), location="Guovdageaidnu",
                           title="Partnerskapsmøte 2026"),
            PlannedMeeting(body="osu", date=D(2026, 11, 26), start_time=T(10, 0),
                           end_time=T(14, 0), location="Digitalt (Teams)"),
        ),
        dates=(
            YearDate(date=D(2026, 3, 1), text="Årsrapport 2025 til partnerskapsmøtet",
                     body="ssu"),
            YearDate(date=D(2026, 8, 31), text="Statusrapport for handlingsplanen",
                     body="osu"),
        ),
        plan=_plan(),
    )  # fmt: skip
