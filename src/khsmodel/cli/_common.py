"""What every subcommand shares: exit codes, reading inputs, printing findings, ``-O``, signals.

Exit codes, the same for every subcommand:

- 0: success;
- 1: a document is invalid (it does not load, or validation found an error)
  or an export failed;
- 2: a usage error, or an input that cannot be read (missing, a folder, empty,
  not UTF-8, not JSON).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import signal
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..documents import Document
    from ..exporters import CliOption, Exporter

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "KindHelp",
    "Terminated",
    "Unreadable",
    "UsageError",
    "add_report_option",
    "add_warnings_option",
    "check_language",
    "check_unrecognized",
    "date_argument",
    "error",
    "exporter",
    "fallback_note",
    "finding_line",
    "findings_lines",
    "foreign",
    "formats_for",
    "load_findings",
    "option_argument",
    "option_lines",
    "option_refused",
    "parse_options",
    "read_bytes",
    "read_document",
    "read_text_input",
    "refuse_extra",
    "signal_handlers",
    "summary_line",
    "warning_summary",
    "wrap",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_TRUE = frozenset({"true", "yes", "ja", "1"})
_FALSE = frozenset({"false", "no", "nei", "0"})


class UsageError(Exception):
    """A usage error found after argparse: printed as ``khsmodel CMD: error: …``, exit 2."""


class Unreadable(Exception):
    """An input that cannot be read as text or JSON: exit 2. The message names the file."""


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that ``finally`` clean-ups run (temporary files)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def signal_handlers() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (SIGINT is ``KeyboardInterrupt``).

    The previous handler comes back afterwards (``main()`` may run inside
    another program). Outside the main thread nothing is changed.
    """
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, AttributeError):  # not the main thread, or no SIGTERM
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def add_report_option(p: argparse.ArgumentParser, what: str) -> None:
    """``--report text|json``: how findings are printed (the same option in every subcommand)."""
    p.add_argument(
        "--report",
        choices=("text", "json"),
        default="text",
        help=f"how to print {what}: text (one line each, default) or json",
    )


def add_warnings_option(p: argparse.ArgumentParser) -> None:
    """``--warnings``: each warning in full, where by default one line per file counts them
    (the commands that export despite warnings: ``export``, ``report``)."""
    p.add_argument(
        "--warnings",
        action="store_true",
        help="print each warning as validate does (default: one line per file with "
        "their number and codes)",
    )


# ---------------------------------------------------------------- unrecognized arguments
_NUMBER = re.compile(r"-\d+$|-\d*\.\d+$")


def _subcommand(
    parser: argparse.ArgumentParser, argv: Sequence[str]
) -> tuple[argparse.ArgumentParser, list[str]] | None:
    """The subcommand's parser named in ``argv`` and the arguments after its name (None when
    no known subcommand is named: argparse then says so itself)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return None
    for i, token in enumerate(argv):
        if token.startswith("-"):  # the top level's own options (-h, --version)
            continue
        sub = subs[0].choices.get(token)
        return None if sub is None else (sub, list(argv[i + 1 :]))
    return None


def _unknown_options(sub: argparse.ArgumentParser, args: Sequence[str]) -> list[str]:
    """The options in ``args`` that ``sub`` does not take, read as argparse reads them: an
    option's value is skipped, ``--form`` abbreviates ``--format``, ``-fpdf`` is ``-f pdf``,
    ``--`` ends the options, a negative number is a value."""
    known = sub._option_string_actions
    unknown: list[str] = []
    skip = False
    for token in args:
        if skip:
            skip = False
            continue
        if token == "--":
            break
        if not token.startswith("-") or token == "-" or _NUMBER.match(token):
            continue
        key = token.split("=", 1)[0] if token.startswith("--") else token
        action = known.get(key)
        if action is None and token.startswith("--"):
            matches = [o for o in known if o.startswith(key)]
            action = known[matches[0]] if len(matches) == 1 else None
            if len(matches) > 1:  # ambiguous: argparse names the candidates
                continue
        if action is None and not token.startswith("--") and len(token) > 2:
            action = known.get(token[:2])  # -fpdf, -Otimeline=false
            if action is not None:
                continue
        if action is None:
            unknown.append(key)
        else:  # its value follows unless given with "=" (flags take none: nargs 0)
            skip = "=" not in token and action.nargs is None
    return unknown


def _unrecognized(sub: argparse.ArgumentParser, tokens: Sequence[str]) -> str:
    """``unrecognized argument --fromat (did you mean --format?)``: one such part a token."""
    import difflib

    options = [o for o in sub._option_string_actions if o.startswith("--")] or list(
        sub._option_string_actions
    )
    parts = []
    for token in tokens:
        if token.startswith("-"):
            near = difflib.get_close_matches(token, options, n=1, cutoff=0.6)
            if not near and not token.startswith("--"):  # -format for --format
                near = difflib.get_close_matches("-" + token, options, n=1, cutoff=0.6)
            parts.append(f"{token} (did you mean {near[0]}?)" if near else token)
        else:
            parts.append(token)
    return f"unrecognized argument{'' if len(parts) == 1 else 's'} " + ", ".join(parts)


def check_unrecognized(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """Refuse an option the subcommand in ``argv`` does not take before argparse reads it,
    from that subcommand, with the option meant (``--fromat``: did you mean ``--format``?),
    exit 2: argparse itself first reports a missing required option ("-f/--format is
    required") and then leaves the unknown one to the top level's usage."""
    found = _subcommand(parser, argv)
    if found is None:
        return
    sub, args = found
    unknown = _unknown_options(sub, args)
    if unknown:
        sub.error(_unrecognized(sub, unknown))


def refuse_extra(parser: argparse.ArgumentParser, argv: Sequence[str], extra: Sequence[str]) -> None:
    """Arguments argparse left over (``khsmodel diff a.json b.json c.json``), reported by the
    subcommand that was given them rather than with the top level's usage; exit 2."""
    found = _subcommand(parser, argv)
    (found[0] if found is not None else parser).error(
        _unrecognized(found[0], extra) if found is not None else
        f"unrecognized arguments: {' '.join(extra)}")  # fmt: skip


# ---------------------------------------------------------------- reading inputs
def read_bytes(name: str) -> bytes:
    """The bytes of an input file; :class:`Unreadable` for a missing file, a folder, …"""
    path = Path(name)
    if path.is_dir():
        raise Unreadable(f"{name}: is a folder, not a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"{name}: cannot read: {exc.strerror or exc}") from None


def _not_empty(name: str, raw: bytes) -> None:
    """:class:`Unreadable` for a JSON input with nothing in it: "the file is empty", where the
    JSON parser would say "Expecting value (line 1, column 1)" and leave the user looking for
    a syntax error. White space only (a byte-order mark, spaces, newlines) is empty too."""
    if not raw:
        raise Unreadable(f"{name}: the file is empty")
    if not raw.removeprefix(b"\xef\xbb\xbf").strip(b" \t\r\n"):
        raise Unreadable(f"{name}: the file is empty (white space only)")


def read_text_input(name: str) -> str:
    """A JSON input file as UTF-8 text (a UTF-8 byte-order mark is dropped); else
    :class:`Unreadable` (an empty file included)."""
    raw = read_bytes(name)
    _not_empty(name, raw)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"{name}: not UTF-8 text (byte {exc.start + 1} is 0x{raw[exc.start]:02x}); "
            "khsmodel files are UTF-8"
        ) from None


def read_document(name: str) -> Document:
    """Load a khsmodel document from a file.

    Raises :class:`Unreadable` when the file cannot be read, is empty, is not
    UTF-8 or is not JSON (exit 2), and :class:`~khsmodel.InvalidDocumentError` when it
    is JSON but not a valid document (exit 1; a JSON file without
    ``"format": "khsmodel"`` gives one error: not a khsmodel document).
    """
    from ..errors import NotJsonError
    from ..serialization import loads

    raw = read_bytes(name)
    _not_empty(name, raw)
    try:
        return loads(raw)
    except NotJsonError as exc:
        raise Unreadable(f"{name}: {exc.errors[0].message}") from None


def foreign(exc: Exception) -> str | None:
    """The one-line note for a JSON file that is no khsmodel document at all (no ``"format"``
    key: another program's JSON, khsmodel's own ``.oparl.json`` or diff JSON), else None.

    ``validate`` and ``site`` over a glob (``*.json``) skip such files with this note on
    standard error; a khsmodel document that does not load is still an error."""
    errors: list[Any] = list(getattr(exc, "errors", ()))
    if len(errors) == 1 and errors[0].path == "$":
        message = str(errors[0].message)
        if message.startswith("not a khsmodel document"):
            return f"{message}; skipped"
    return None


# ---------------------------------------------------------------- findings
def load_findings(errors: Iterable[Any]) -> list[dict[str, str]]:
    """The errors of a document that does not load, as LOAD001 findings (plain data)."""
    return [
        {
            "code": "LOAD001",
            "severity": "error",
            "path": e.path,
            "message": f"the file does not load: {e.message}",
        }
        for e in errors
    ]


def finding_line(row: Mapping[str, str]) -> str:
    """One finding as ``validate`` prints it: ``FILE:PATH: CODE SEVERITY MESSAGE``."""
    return f"{row['file']}:{row['path']}: {row['code']} {row['severity']} {row['message']}"


def summary_line(rows: Iterable[Mapping[str, str]], checked: int, unreadable: int) -> str:
    """``2 files checked: 1 error, 0 warnings, 0 info`` (and the files that could not be read)."""
    rows = list(rows)
    counts = {s: sum(1 for r in rows if r["severity"] == s) for s in ("error", "warning", "info")}
    e, w, i = counts["error"], counts["warning"], counts["info"]
    text = (
        f"{checked} file{'' if checked == 1 else 's'} checked: "
        f"{e} error{'' if e == 1 else 's'}, {w} warning{'' if w == 1 else 's'}, {i} info"
    )
    if unreadable:
        text += f"; {unreadable} file{'' if unreadable == 1 else 's'} could not be read"
    return text


def warning_summary(file: str, rows: Iterable[Mapping[str, str]]) -> str:
    """The one line that stands for a file's warnings where a command goes on despite them
    (``export``, ``report``): ``plan.json: 2 warnings (PLAN011); --warnings or khsmodel
    validate prints them``. Each line in full on every export of a document whose source
    legitimately lacks something (a plan without a responsible column) is noise; no word
    at all would hide them. The codes come in the order first found."""
    rows = list(rows)
    codes, n = list(dict.fromkeys(r["code"] for r in rows)), len(rows)
    return (
        f"{file}: {n} warning{'' if n == 1 else 's'} ({', '.join(codes)}); "
        "--warnings or khsmodel validate prints them"
    )


def findings_lines(file: str, rows: Sequence[Mapping[str, str]], *, each: bool) -> list[str]:
    """The lines a command that exports prints for a file's findings: ``each`` in full
    (errors, or ``--warnings``), else the one :func:`warning_summary` line; none for none."""
    if not rows:
        return []
    if each:
        return [finding_line({"file": file, **row}) for row in rows]
    return [warning_summary(file, rows)]


# ---------------------------------------------------------------- -O KEY=VALUE
@dataclass(frozen=True)
class _Raw:
    key: str
    value: str


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def date_argument(text: str) -> dt.date:
    """argparse ``type=`` of every date option (``--as-of``, ``--since``): ``YYYY-MM-DD``,
    and a real calendar date, worded as the loader words a date in a file:
    ``'2016-02-30' is not a real calendar date (YYYY-MM-DD)``."""
    if not _DATE.match(text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a real calendar date (YYYY-MM-DD)"
        ) from None


def option_argument(text: str) -> _Raw:
    """argparse ``type=`` of ``-O``: only the ``KEY=VALUE`` shape; values are read later."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE (e.g. timeline=false), got {text!r}")
    return _Raw(key.strip(), value)


def _guess(value: str) -> object:
    """An exporter that declares no ``cli_options``: true/false, whole numbers, else text."""
    import re

    if value in ("true", "false"):  # only these: "no" may well be a language code
        return value == "true"
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def _read(fmt: str, key: str, value: str, spec: CliOption) -> object:
    shape = f"-O {key}={spec.shape()}"
    if spec.type == "bool":
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise UsageError(
            f"-O {key}={value}: expected {shape} (also yes/no, ja/nei, 1/0) for the {fmt} format"
        )
    if spec.type in ("int", "number"):
        try:
            return int(value)
        except ValueError:
            pass
        if spec.type == "number":
            try:
                number = float(value)
            except ValueError:
                pass
            else:
                if number == number and number not in (float("inf"), float("-inf")):
                    return number
        raise UsageError(f"-O {key}={value}: expected {shape} for the {fmt} format")
    if spec.type == "choice":
        if value in spec.choices:
            return value
        raise UsageError(f"-O {key}={value}: expected {shape} for the {fmt} format")
    if not value:
        raise UsageError(f"-O {key}= is empty: expected {shape} for the {fmt} format")
    return value


def parse_options(fmt: str, exporter: Exporter, raw: Iterable[_Raw]) -> dict[str, object]:
    """The ``-O`` options read the way ``exporter`` declares them (``cli_options``).

    A key it does not declare, or a value of the wrong shape, is a
    :class:`UsageError` worded in command-line terms (``-O timeline=true|false``).
    An exporter that declares nothing gets the values guessed (true/false,
    whole numbers, text) and checks them itself.
    """
    declared = _declared(exporter)
    out: dict[str, object] = {}
    for item in raw:
        if item.key in out:
            raise UsageError(f"-O {item.key} is given twice")
        if declared is None:
            out[item.key] = _guess(item.value)
            continue
        spec = declared.get(item.key)
        if spec is None:
            valid = ", ".join(f"-O {k}={s.shape()}" for k, s in sorted(declared.items()))
            raise UsageError(
                f"-O {item.key}: the {fmt} format has no such option "
                + (f"(it takes: {valid})" if valid else "(it takes none)")
            )
        out[item.key] = _read(fmt, item.key, item.value, spec)
        if item.key == "language":  # before any document is read: a usage error, exit 2
            _check_language(fmt, item.value)
    return out


def option_refused(exc: Exception, given: Mapping[str, object]) -> str:
    """The message of an option the exporter itself refused (an
    :class:`~khsmodel.errors.ExporterOptionError`: a value only it can judge, such as
    ``-O namespace=`` of noark5), naming the ``-O`` it came from. The CLI exits 2 for it:
    a bad option is a usage error, whoever finds it."""
    key = getattr(exc, "key", None)
    if key is None or key not in given:
        return str(exc)
    value = given[key]
    shown = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f"-O {key}={shown}: {exc}"


def fallback_note(language: str) -> str | None:
    """The note for words of ``language`` printed in Bokmål because its bundle lacks them
    (``se``): a fallback is never silent. None when the bundle has every label. Worded alike
    by every command that prints a language's words (``export``, ``site``)."""
    from ..labels import fallbacks

    missing = fallbacks(language)
    if not missing:
        return None
    shown = ", ".join(missing[:5]) + (", …" if len(missing) > 5 else "")
    return (
        f"note: {len(missing)} label(s) have no {language} text and are printed in Bokmål "
        f"({shown}); khsmodel.labels.fallbacks({language!r}) lists them"
    )


def check_language(option: str, value: str, where: str = "") -> None:
    """A language tag given on the command line (``-O language=nno``, ``--language nno``):
    a :class:`UsageError` naming the option, worded alike for every command."""
    from ..errors import KhsModelError
    from ..labels import for_language

    try:
        for_language(value)
    except KhsModelError:
        raise UsageError(
            f"{option}{value}: expected a language tag such as nb, nn, se, smj, sma or en "
            f"(optionally with a region, e.g. nb-NO){where}"
        ) from None


def _check_language(fmt: str, value: str) -> None:
    """``-O language=nno``: refused as every bad ``-O`` value is, naming the option."""
    check_language("-O language=", value, f" for the {fmt} format")


def _declared(exporter: Exporter) -> dict[str, CliOption] | None:
    """The exporter's ``cli_options``, or None when it declares none (or not as a mapping of
    :class:`~khsmodel.exporters.CliOption`: a plugin's mistake must not become a traceback)."""
    from ..exporters import CliOption

    declared = getattr(exporter, "cli_options", None)
    if not isinstance(declared, Mapping):
        return None
    if not all(isinstance(k, str) and isinstance(v, CliOption) for k, v in declared.items()):
        return None
    return dict(declared)


def option_lines(exporter: Exporter) -> list[str]:
    """``-O KEY=SHAPE  help`` for each option ``exporter`` declares (for ``khsmodel formats``)."""
    declared = _declared(exporter)
    if declared is None:
        return []
    heads = [(f"-O {k}={s.shape()}", s.help) for k, s in sorted(declared.items())]
    width = max((len(h) for h, _ in heads), default=0)
    return [f"{h:<{width}}  {text}".rstrip() for h, text in heads]


def exporter(name: str) -> tuple[str, Exporter]:
    """``-f NAME``: the exporter and its registered name. Names are read case-insensitively
    (``-f PDF`` is ``pdf``); any other unknown name raises
    :class:`~khsmodel.exporters.UnknownExporterError`, whose message suggests the names
    meant (``-f pfd``: did you mean 'pdf'?)."""
    from ..exporters import UnknownExporterError, get

    try:
        return name, get(name)
    except UnknownExporterError as exc:
        same = [s for s in exc.suggestions if s.lower() == name.strip().lower()]
        if len(same) != 1:
            raise
        return same[0], get(same[0])


def formats_for(kind: str) -> str:
    """The usable formats that export documents of ``kind``, as ``json, csv, …`` (for help
    texts: the registry says, so a new exporter is listed without editing the help)."""
    from ..exporters import info

    return ", ".join(r.name for r in info() if r.available and kind in r.kinds) or "(none)"


class KindHelp(argparse.RawDescriptionHelpFormatter):
    """A help formatter that fills ``{formats:KIND}`` in help and epilog with
    :func:`formats_for` (only when the help is shown: the plugins load then)."""

    _TOKEN = re.compile(r"\{formats:([a-z_]+)\}")

    def _fill(self, text: str) -> str:
        return self._TOKEN.sub(lambda m: formats_for(m.group(1)), text)

    def _expand_help(self, action: argparse.Action) -> str:
        return self._fill(super()._expand_help(action))

    def _format_text(self, text: str) -> str:
        return super()._format_text(self._fill(text))


def wrap(text: str) -> str:
    """A description wrapped to 79 columns (the raw help formatter keeps lines as given)."""
    import textwrap

    return textwrap.fill(text, 79)


def error(prog: str, message: str) -> None:
    """``khsmodel CMD: error: message`` on standard error."""
    sys.stderr.write(f"{prog}: error: {message}\n")
