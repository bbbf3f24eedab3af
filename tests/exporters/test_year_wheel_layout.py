"""The årshjul's geometry (issue 18): ``wheel_layout``, shared by the PDF, the HTML SVG and
Word's picture, puts every mark inside its ring's band and clear of the other marks of its
ring, however many fall in one month; a deadline is a hollow ring, a meeting a filled dot."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khsmodel
from khsmodel.labels import NB
from khsmodel_exporters.content.meetingplans import (
    RING_COLOURS,
    Dot,
    WheelLayout,
    YearWheel,
    _spread,
    wheel_layout,
    year_wheel,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

import made_up_meeting_plan  # noqa: E402

D = dt.date
_MONTHS = tuple(m.capitalize() for m in NB.months)


def _wheel(rings: int, marks: list[tuple[int, dt.date, bool]]) -> YearWheel:
    ordered = sorted(marks, key=lambda m: (m[1], m[0]))
    return YearWheel(
        title="Årshjul 2026", year=2026, months=_MONTHS,
        rings=tuple(f"Utvalg {i + 1}" for i in range(rings)),
        marks=tuple((ring, day, f"mark {k}", due) for k, (ring, day, due) in enumerate(ordered)),
        alt="alt", caption="caption",
    )  # fmt: skip


def _check(layout: WheelLayout, wheel: YearWheel) -> None:
    """Every dot inside its ring's band; no two dots of a ring overlapping."""
    c = layout.centre
    assert len(layout.dots) == len(wheel.marks)
    for dot, (ring, day, _text, due) in zip(layout.dots, wheel.marks, strict=True):
        assert dot.ring == ring and dot.day == str(day.day) and dot.deadline == due
        inner, outer = layout.bands[ring]
        dist = math.hypot(dot.x - c, dot.y - c)
        assert inner <= dist - dot.r and dist + dot.r <= outer, (day, dist, dot.r, inner, outer)
        assert dot.r > 0
    for a, b in itertools.combinations(layout.dots, 2):
        if a.ring == b.ring:
            gap = math.hypot(a.x - b.x, a.y - b.y) - a.r - b.r
            assert gap > 0.1 * a.r, (a, b)  # apart, with room for the outline


def _angle_of(dot: Dot, layout: WheelLayout) -> float:
    """The dot's angle clockwise from the top, in days of 2026 (0..365)."""
    a = math.atan2(dot.x - layout.centre, layout.centre - dot.y) % (2 * math.pi)
    return a / (2 * math.pi) * 365


@pytest.mark.parametrize("size", [380.0, 400.0, 520.0])  # the PDF's, Word's, the SVG's
def test_a_dense_month_never_overlaps_and_stays_in_its_band(size: float) -> None:
    marks = [(3, D(2026, 3, day), day % 3 == 0) for day in range(1, 32)]  # every day of March
    marks += [(0, D(2026, 3, day), False) for day in (2, 3, 5, 9, 10, 11, 20, 21)]
    marks += [(0, D(2026, 3, day), True) for day in (2, 9, 20)]  # the same day as a meeting
    marks += [(1, D(2026, 3, 15), False), (1, D(2026, 3, 16), True), (2, D(2026, 3, 31), False)]
    wheel = _wheel(4, marks)
    layout = wheel_layout(wheel, size)
    _check(layout, wheel)
    assert layout == wheel_layout(wheel, size)  # deterministic
    # a crowded ring gets smaller dots than a ring with room
    (r_inner,) = {d.r for d in layout.dots if d.ring == 3}
    (r_outer,) = {d.r for d in layout.dots if d.ring == 1}
    assert r_inner < r_outer
    # the spread keeps the order of the days along the ring (clockwise from March 1)
    ring3 = [_angle_of(d, layout) for d in layout.dots if d.ring == 3]
    start = ring3[0]
    assert [(a - start) % 365 for a in ring3] == sorted((a - start) % 365 for a in ring3)


def test_a_mark_with_room_stays_on_its_day() -> None:
    wheel = _wheel(2, [(0, D(2026, 1, 22), False), (0, D(2026, 6, 11), True),
                       (1, D(2026, 3, 1), False), (1, D(2026, 3, 18), False)])  # fmt: skip
    layout = wheel_layout(wheel, 400.0)
    _check(layout, wheel)
    jan, jun = layout.dots[0], layout.dots[3]
    assert _angle_of(jan, layout) == pytest.approx(21.5, abs=1e-6)  # Jan 22, mid-day
    assert _angle_of(jun, layout) == pytest.approx(161.5, abs=1e-6)  # Jun 11


def test_the_2026_example_no_longer_overlaps() -> None:
    """The reviewer's wheel: 1 and 18 March (ring 4) overlapped and spilled into ring 3."""
    wheel = year_wheel(made_up_meeting_plan.meeting_plan_2026(), NB)
    assert wheel is not None
    march = [m for m in wheel.marks if m[0] == 3 and m[1].month == 3]
    assert [m[1].day for m in march] == [1, 18]
    for size in (380.0, 400.0, 520.0):
        _check(wheel_layout(wheel, size), wheel)


def test_spread_moves_only_what_is_too_close() -> None:
    assert _spread([0.5, 2.0, 4.0], 0.3) == [0.5, 2.0, 4.0]
    a, b = _spread([1.0, 1.0], 0.2)
    assert (a, b) == pytest.approx((0.9, 1.1))  # centred on their day, a gap apart
    # across the turn of the year (Dec 31 and Jan 1): apart around the circle, not across it
    late, early = 2 * math.pi - 0.01, 0.01
    x, y = _spread([early, late], 0.2)
    assert (y - x) % (2 * math.pi) == pytest.approx(2 * math.pi - 0.2)
    # a full ring: evenly round
    full = _spread([0.1 * k for k in range(10)], 2 * math.pi / 10)
    steps = sorted((b - a) % (2 * math.pi) for a, b in zip(full, full[1:] + full[:1], strict=True))
    assert steps[0] == pytest.approx(2 * math.pi / 10)


@settings(max_examples=60, deadline=None)
@given(
    rings=st.integers(1, 6),
    marks=st.lists(st.tuples(st.integers(0, 5), st.dates(D(2026, 1, 1), D(2026, 12, 31)),
                             st.booleans()), min_size=1, max_size=60),
    size=st.sampled_from([380.0, 400.0, 520.0]),
)
def test_any_wheel_keeps_its_marks_apart_and_in_their_bands(
    rings: int, marks: list[tuple[int, dt.date, bool]], size: float
) -> None:
    wheel = _wheel(rings, [(r % rings, day, due) for r, day, due in marks])
    _check(wheel_layout(wheel, size), wheel)


def test_the_svg_draws_the_shared_layout() -> None:
    """HTML draws the marks where wheel_layout puts them (the PDF and Word draw the same)."""
    mp = made_up_meeting_plan.meeting_plan_2026()
    page = khsmodel.export(mp, "html").decode("utf-8")
    wheel = year_wheel(mp, NB)
    assert wheel is not None
    layout = wheel_layout(wheel, 520.0)
    found = re.findall(r'</title><circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="([^"]+)"',
                       page)  # fmt: skip
    assert len(found) == len(layout.dots)
    for (x, y, r, fill), dot in zip(found, layout.dots, strict=True):
        assert (float(x), float(y)) == pytest.approx((dot.x, dot.y), abs=0.06)
        if dot.deadline:  # hollow: white inside, its stroke inside the dot's radius
            assert fill == "#ffffff" and float(r) < dot.r
        else:
            assert fill == RING_COLOURS[dot.ring] and float(r) == pytest.approx(dot.r, abs=0.06)


def test_words_picture_draws_a_deadline_hollow_and_a_meeting_filled() -> None:
    PIL = pytest.importorskip("PIL.Image")
    from khsmodel_exporters.docx._wheel import WIDTH_PT, png

    wheel = year_wheel(made_up_meeting_plan.meeting_plan_2026(), NB)
    assert wheel is not None
    data, width_pt, _h = png(wheel)
    image = PIL.open(io.BytesIO(data)).convert("RGB")
    scale = image.width / width_pt
    layout = wheel_layout(wheel, WIDTH_PT)
    kinds = set()
    for dot in layout.dots:
        # between the digits and the edge: the ring's colour in a dot, white in a ring
        px = image.getpixel((round(dot.x * scale), round((dot.y - 0.62 * dot.r) * scale)))
        colour = RING_COLOURS[dot.ring]
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        if dot.deadline:
            assert min(px) > 235, (dot, px)
        else:
            assert max(abs(a - b) for a, b in zip(px, rgb, strict=True)) < 30, (dot, px)
        kinds.add(dot.deadline)
    assert kinds == {True, False}


def test_a_crowded_ring_gets_smaller_dots_rather_than_marks_far_from_their_day() -> None:
    """Weekly meetings in March, each with its deadline the day before: at full size the
    ten marks would be pushed up to a month from their day; smaller dots keep every mark
    within half a month of it."""
    marks = [(0, D(2026, 3, d), False) for d in (2, 9, 16, 23, 30)]
    marks += [(0, D(2026, 3, d - 1), True) for d in (2, 9, 16, 23, 30)]
    marks += [(1, D(2026, 6, 1), False)]
    wheel = _wheel(2, marks)
    for size in (380.0, 400.0, 520.0):
        layout = wheel_layout(wheel, size)
        _check(layout, wheel)
        for dot, (_ring, day, _t, _d) in zip(layout.dots, wheel.marks, strict=True):
            own = day.timetuple().tm_yday - 0.5
            off = abs((_angle_of(dot, layout) - own + 182.5) % 365 - 182.5)
            assert off <= 365 / 24 + 1e-6, (day, off)  # half a month
        crowded = {d.r for d in layout.dots if d.ring == 0}
        (alone,) = {d.r for d in layout.dots if d.ring == 1}
        assert len(crowded) == 1 and crowded.pop() < alone
