"""``khsmodel site``: a static site of a partnership's documents (see khsmodel_exporters.html.site)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from . import _common as c

_PROG = "khsmodel site"
_EPILOG = """\
examples:
  khsmodel site partnerskap.json plan.json sak-2-2016.json --out-dir site/
  khsmodel site *.json --out-dir site/ --no-pdfa
  khsmodel site *.json --out-dir site/ --base-url https://helsefellesskap.example.no/dokumenter/
  khsmodel site *.json --out-dir site/ --language nn

The index page and the site's words are in the documents' language when they
all share one (else nb, with a note; --language chooses); each document's page
and PDF/A are in the document's own language. A language whose bundle lacks
words (se) prints them in Bokmål, with a note on standard error as export gives.

The folder gets index.html, one page per document and its tagged PDF/A-2a
(NAME.html and NAME.pdf, NAME made from the file name: lower case, spaces to
'-', æ ø å to ae o a, Sámi letters to Latin ones, a name taken twice gets -2),
sitemap.xml with --base-url. A JSON file that is no khsmodel document (no
"format" key: the .oparl.json or diff JSON khsmodel writes) is skipped with a
note, as validate does; a khsmodel document that does not load stops the build.
Each document is validated first, as export does: one with validation errors
stops the build (its findings are printed; --no-validate builds anyway);
warnings are counted in one line a file (--warnings prints each). Relative
links only: the folder works opened from disk. A failed build leaves the previous folder as it was.
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "site",
        help="write a static web site of documents: index, pages, PDF/A",
        description=c.wrap("Write a static site a secretariat can upload as it is: an index "
        "page of the partnership and its documents, one accessible HTML page per document, "
        "each with its tagged PDF/A-2a beside it, linked to the documents it belongs with."),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("files", nargs="+", metavar="FILE", help="khsmodel JSON document(s)")
    p.add_argument("--out-dir", required=True, metavar="DIR", help="the site's folder")
    p.add_argument("--no-pdfa", action="store_true", help="leave out the PDF/A files")
    p.add_argument("--base-url", metavar="URL", help="where the site is published (sitemap.xml)")
    p.add_argument("--language", metavar="TAG",
                   help="language of the index page and the site's words (nb, nn, se, smj, "
                   "sma, en; default: the documents' language when they all share one, "
                   "else nb); each document's page keeps its own")  # fmt: skip
    p.add_argument("--no-validate", action="store_true",
                   help="build without validating first (documents with validation errors "
                   "too)")  # fmt: skip
    c.add_warnings_option(p)
    p.set_defaults(func=_cmd_site)


def _valid(documents: list[tuple[str, Any]], warnings: bool) -> bool:
    """Validate every document as ``export`` does before anything is written: a site is
    uploaded as it is, so one document with an error stops the build (its findings
    printed in full); warnings are counted in one line a file (``--warnings``: each)."""
    from ..validation import validate

    ok = True
    for name, doc in documents:
        report = validate(doc)
        rows = report.to_data() if not report.ok else [f.to_data() for f in report.warnings]
        for line in c.findings_lines(name, rows, each=warnings or not report.ok):
            sys.stderr.write(line + "\n")
        if not report.ok:
            sys.stderr.write(f"{name}: not published (validation errors; khsmodel validate "
                             "checks it, --no-validate skips the check)\n")  # fmt: skip
            ok = False
    if not ok:
        c.error(_PROG, "nothing written: a document has validation errors")
    return ok


def _cmd_site(args: argparse.Namespace) -> int:
    from khsmodel_exporters.html.site import page_names

    from ..errors import InvalidDocumentError, KhsModelError

    if args.language is not None:
        try:  # before any document is read: a usage error, exit 2
            c.check_language("--language ", args.language)
        except c.UsageError as exc:
            c.error(_PROG, str(exc))
            return c.EXIT_USAGE
    documents = []
    for name in args.files:
        try:
            documents.append((name, c.read_document(name)))
        except c.Unreadable as exc:
            c.error(_PROG, str(exc))
            return c.EXIT_USAGE
        except InvalidDocumentError as exc:
            note = c.foreign(exc)
            if note is not None:
                sys.stderr.write(f"{_PROG}: note: {name}: {note}\n")
                continue
            for e in exc.errors:
                sys.stderr.write(f"{name}:{e.path}: {e.message}\n")
            return c.EXIT_INVALID
    if not documents:
        c.error(_PROG, "none of the files is a khsmodel document")
        return c.EXIT_INVALID
    if not args.no_validate and not _valid(documents, args.warnings):
        return c.EXIT_INVALID
    from khsmodel_exporters.html.site import build_site, primary_language, site_language

    from ..labels import for_language

    language = args.language or site_language([doc for _, doc in documents])
    if language is None:
        found = sorted({doc.language for _, doc in documents})
        sys.stderr.write(f"{_PROG}: note: the documents are in {', '.join(found)}; the index "
                         "and the site's words are in nb (--language TAG chooses), each "
                         "document's page in its own language\n")  # fmt: skip
        language = "nb"
    # the site's words, then each document's page in its own language: a language whose
    # bundle lacks words (se) is named once, as export names it
    tags: dict[str, str] = {}  # one note per language: se and se-NO, nob and nb are one
    for tag in [language, *(doc.language for _, doc in documents)]:
        tags.setdefault(primary_language(tag), tag)  # as the site tells its languages apart
    for tag in tags.values():
        note = c.fallback_note(tag)
        if note is not None:
            sys.stderr.write(f"{_PROG}: {note}\n")
    names = page_names([Path(n).stem for n, _ in documents])
    documents = [(page, doc) for page, (_, doc) in zip(names, documents, strict=True)]
    try:
        written = build_site(documents, args.out_dir, pdfa=not args.no_pdfa,
                             base_url=args.base_url, labels=for_language(language))  # fmt: skip
    except (KhsModelError, OSError) as exc:
        c.error(_PROG, str(exc))
        return c.EXIT_INVALID
    print(f"{len(written)} files in {args.out_dir}/")
    return c.EXIT_OK
