"""``khsmodel diff OLD NEW [--report text|json]``: what changed from one action plan to the next.

Measures added, removed, carried over and changed (status and progress notes
included), focus areas added, removed,
renamed or renumbered (:func:`khsmodel.diff`; docs/followup.md says how
measures are matched). Exit 0 compared (with or without differences); 1 a file
does not load or is not an action plan; 2 a usage error or a file that cannot
be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import _common as c

__all__ = ["add_parser", "run"]

_PROG = "khsmodel diff"

_EPILOG = """\
examples:
  khsmodel diff handlingsplan-2015.json handlingsplan-2016-2017.json
  khsmodel diff old.json new.json --report json > changes.json

Measures are matched by carried_over_from first, then by id, then by the same
text, then by similar text (difflib ratio >= 0.75). The text report is in the
new plan's language (nb, nn or en words); the JSON keys are English. A status
or progress note that differs is listed too (not for a measure carried over);
"ingen endringer" only when the two plans are the same in every field.
exit status: 0 compared (differences or not); 1 a file does not load or is not
an action plan; 2 usage error or a file that cannot be read.
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``diff`` command to the ``khsmodel`` subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="what changed from one action plan to the next",
        description=c.wrap(
            "Compare two action plans: measures added, removed, carried over "
            "and changed (text, responsibility, timeframe, focus area, status, "
            "progress notes), focus areas renamed or moved."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("old", metavar="OLD", help="the earlier plan (a khsmodel JSON file)")
    p.add_argument("new", metavar="NEW", help="the later plan")
    c.add_report_option(p, "the differences")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Load both plans, print their diff; return the exit status."""
    from ..errors import InvalidDocumentError
    from ..plandiff import diff
    from ..plans import ActionPlan

    plans = []
    status = c.EXIT_OK
    for name in (args.old, args.new):
        try:
            doc = c.read_document(name)
        except c.Unreadable as exc:
            c.error(_PROG, str(exc))
            return c.EXIT_USAGE
        except InvalidDocumentError as exc:
            for row in c.load_findings(exc.errors):
                sys.stderr.write(c.finding_line({"file": name, **row}) + "\n")
            status = c.EXIT_INVALID
            continue
        if not isinstance(doc, ActionPlan):
            sys.stderr.write(f"{_PROG}: {name}: expected an action plan, got {type(doc).KIND}\n")
            status = c.EXIT_INVALID
            continue
        plans.append(doc)
    if status != c.EXIT_OK:
        return status
    d = diff(plans[0], plans[1])
    if args.report == "json":
        data = {"old_file": args.old, "new_file": args.new, **d.to_data()}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(d.text() + "\n")
    return c.EXIT_OK
