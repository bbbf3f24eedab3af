"""Follow-up benchmarks: the status report of a plan and the diff of two plans, by size.

    python benchmarks/followup.py [--sizes 1000,5000,10000] [--repeats K] [--quick] [--json FILE]

Also run by ``benchmarks/run.py`` (group ``followup``). Targets (issue 18), in
the model, before any export: ``khsmodel.report`` of a 10 000-measure plan
<= 50 ms; ``khsmodel.diff`` of two 5 000-measure plans <= 200 ms, growing
about linearly (times at each size show it). Each time is the minimum of K
repeats.

The diff compares a plan with a reworked copy, the hard case for matching:
no ``carried_over_from`` and no ids (so every measure is matched by its
text), one measure in ten reworded (found by the similar-text step), one in
twenty removed and as many new ones added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {"report_10k_ms": 50.0, "diff_5k_ms": 200.0}


def _best(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def reworked(plan: Any) -> Any:
    """The plan's copy for the diff: no references, no ids, a tenth reworded, a
    twentieth removed and as many added."""
    from khsmodel import Measure
    from khsmodel._base import evolve

    areas = []
    k = 0
    for fa in plan.focus_areas:
        measures = []
        for m in fa.measures:
            k += 1
            if k % 20 == 0:
                continue  # removed
            text = m.text
            if k % 10 == 3:
                text = f"{text} i hele regionen"  # reworded
            measures.append(evolve(m, number=len(measures) + 1, id=None, label=None,
                                   carried_over_from=None, text=text))  # fmt: skip
            if k % 20 == 7:
                measures.append(Measure(number=len(measures) + 1,
                                        text=f"Nytt tiltak {k}: pilot i Guovdageaidnu"))  # fmt: skip
        areas.append(evolve(fa, measures=tuple(measures)))
    return evolve(plan, id="neste", focus_areas=tuple(areas))


def measure(sizes: tuple[int, ...], repeats: int) -> dict[str, Any]:
    """Seconds of report() and diff() at each size."""
    from _plans import make_plan

    from khsmodel import diff, report

    out: dict[str, Any] = {"report": {}, "diff": {}}
    for n in sizes:
        plan = make_plan(n)
        start = plan.period.start if plan.period and plan.period.start else dt.date(2016, 1, 1)
        as_of = start + dt.timedelta(days=200)
        new = reworked(plan)
        out["report"][n] = _best(lambda p=plan, a=as_of, s=start: report(p, a, since=s), repeats)
        out["diff"][n] = _best(lambda p=plan, q=new: diff(p, q), repeats)
    return out


def summary(times: dict[str, Any]) -> dict[str, float | None]:
    r, d = times["report"], times["diff"]
    return {
        "report_10k_ms": r[10000] * 1000 if 10000 in r else None,
        "diff_5k_ms": d[5000] * 1000 if 5000 in d else None,
    }


def table(times: dict[str, Any]) -> str:
    sizes = sorted(times["report"])
    lines = ["follow-up (ms, best of repeats)",
             "  measures  " + "".join(f"{n:>9}" for n in sizes)]  # fmt: skip
    for key in ("report", "diff"):
        lines.append(f"  {key:<10}" + "".join(f"{times[key][n] * 1000:>9.1f}" for n in sizes))
    for key, value in summary(times).items():
        if value is not None:
            ok = "ok" if value <= TARGETS[key] else "OVER"
            lines.append(f"  {key}: {value:.1f} (target <= {TARGETS[key]:.0f}) {ok}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,10000", help="measure counts, comma-separated")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="sizes 20,100 and one repeat")
    ap.add_argument("--json", metavar="FILE", help="write the times (seconds) here")
    args = ap.parse_args(argv)
    sizes = (20, 100) if args.quick else tuple(int(x) for x in args.sizes.split(","))
    times = measure(sizes, 1 if args.quick else args.repeats)
    print(table(times))
    if args.json:
        Path(args.json).write_text(json.dumps(times, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
