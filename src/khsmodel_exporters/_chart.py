"""What every drawn chart of counts needs, whatever draws it: the value axis's ticks and
labels wrapped at word boundaries.

:func:`count_ticks` gives round ticks (steps of 1, 2 or 5 × 10^k) from 0 to
an axis end at or above the largest value, so no bar runs past the axis; at
most a handful of them. :func:`wrap_words` wraps a label into lines of a
width, breaking only between words; a word wider than the line by itself is
broken between letters (no hyphen is added: a hyphen would look like a
word's own), the last resort. The text is measured by the caller
(reportlab's ``stringWidth`` for the PDF, :func:`._widths.text_width`
elsewhere), so each format wraps by its own font's widths.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["count_ticks", "wrap_words"]


def count_ticks(largest: int, most: int = 5) -> tuple[int, ...]:
    """Ticks 0, s, 2s … of an axis counting up to ``largest`` (≥ 0): the step ``s`` the
    smallest of 1, 2, 5, 10, 20, 50 … that needs at most ``most`` steps, the last tick
    the first multiple of ``s`` at or above ``largest``. An axis of nothing (0) still
    has a unit: (0, 1).

    >>> count_ticks(9), count_ticks(3), count_ticks(0), count_ticks(230)
    ((0, 2, 4, 6, 8, 10), (0, 1, 2, 3), (0, 1), (0, 50, 100, 150, 200, 250))
    """
    if largest < 0 or most < 1:
        raise ValueError(f"count_ticks needs largest >= 0 and most >= 1, got {largest}, {most}")
    step, k = 1, 0
    while True:
        for m in (1, 2, 5):
            step = m * 10**k
            if -(-largest // step) <= most:
                steps = max(1, -(-largest // step))
                return tuple(i * step for i in range(steps + 1))
        k += 1


def wrap_words(text: str, width: float, width_of: Callable[[str], float]) -> list[str]:
    """``text`` in lines no wider than ``width`` (as ``width_of`` measures), broken between
    words only; a word wider than ``width`` alone is broken between letters, as few times
    as it must. Runs of white space count as one space. At least one line ("" for none).

    >>> wrap_words("Samhandling om forebyggende helsearbeid", 14, len)
    ['Samhandling om', 'forebyggende', 'helsearbeid']
    >>> wrap_words("Rehabiliteringsressursene", 10, len)
    ['Rehabilite', 'ringsressu', 'rsene']
    """
    words = text.split()
    whole = " ".join(words)
    if width_of(whole) <= width:  # most labels: one measurement
        return [whole]
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if width_of(trial) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
            line = ""
        if width_of(word) <= width:
            line = word
            continue
        for ch in word:  # the last resort: a word longer than the line by itself
            if line and width_of(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
    if line or not lines:
        lines.append(line)
    return lines
