"""Exporter plugins: the :class:`Exporter` protocol, the registry, and :func:`export`.

Exporters are found through the entry-point group ``khsmodel.exporters``; the
built-ins (``json``, ``docx``, …) are registered there by khsmodel's own
pyproject.toml exactly like a third-party plugin (see docs/plugins.md).

- :func:`available` lists the exporters that can be used: it loads each plugin
  (cheap: plugins import their dependencies inside ``export()``, and
  ``requires`` is only looked up) and leaves out those that fail.
  :func:`info` lists every exporter, the unusable ones with their error.
- :func:`get` imports one on first use. An unknown name raises
  :class:`UnknownExporterError` listing the usable names, with a "did you
  mean" for a name that differs only by case or a leading dot, or that is an
  exporter's file suffix (``.docx``); a plugin that fails to
  import, or whose dependency is missing, raises
  :class:`ExporterUnavailableError` naming the plugin, its error and an install
  hint (``pip install "khsmodel[docx]"``). Other plugins are never affected.
- :func:`register` adds an exporter by hand; it wins over discovery.
- The registry checks a document's kind before an exporter sees it
  (:class:`UnsupportedKindError`); exporters do not check it again.
- Errors carry their data (all in :mod:`khsmodel.errors` too):
  :class:`ExporterOptionError` and :class:`UnknownOptionError` (``exporter``,
  ``key``, ``value``), :class:`UnsupportedKindError` (``exporter``, ``kind``,
  ``kinds``), :class:`ExporterUnavailableError` (``name``, ``reason``,
  ``requires``, ``hint``), :class:`UnwritableTextError` (``path``, ``detail``).
  Exporter authors raise them through :mod:`khsmodel_exporters.base`, and check
  their exporter with :func:`khsmodel.testing.check_exporter`.
- :func:`export` runs one and returns bytes, or writes them atomically to a
  path whose name ends in the format's file extension (:func:`check_output_name`).
- An exporter may declare the options it takes from the command line
  (``cli_options``: name to :class:`CliOption`) and an external program it
  needs (``missing_program()``); ``khsmodel formats`` shows both.

>>> from khsmodel import ActionPlan, exporters
>>> "json" in exporters.available()
True
>>> print(exporters.export(ActionPlan(title="Handlingsplan 2016-2017"), "json").decode())
{
  "format": "khsmodel",
  "format_version": 2,
  "kind": "action_plan",
  "title": "Handlingsplan 2016-2017"
}
<BLANKLINE>
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

from .errors import (
    ExporterError,
    ExporterOptionError,
    ExporterUnavailableError,
    KhsModelError,
    UnknownOptionError,
    UnsupportedKindError,
    UnwritableTextError,
)

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from .documents import Document

__all__ = [
    "GROUP",
    "CliOption",
    "Exporter",
    "ExporterError",
    "ExporterInfo",
    "ExporterOptionError",
    "ExporterUnavailableError",
    "OutputNameError",
    "UnknownExporterError",
    "UnknownOptionError",
    "UnsupportedKindError",
    "UnwritableTextError",
    "available",
    "check_output_name",
    "export",
    "get",
    "info",
    "refresh",
    "register",
    "unregister",
]

#: The entry-point group exporters register under.
GROUP = "khsmodel.exporters"


@runtime_checkable
class Exporter(Protocol):
    """What an exporter provides. Writing files is not its job: it returns bytes.

    ``kinds`` are the document kinds it can export (``"action_plan"``,
    ``"case_document"``, ``"meeting"``, ``"agreement"``, ``"partnership"``,
    ``"status_report"``, ``"meeting_plan"``); the registry checks a document's
    kind before :meth:`export` is called, so an exporter never checks it again.
    Heavy imports belong inside :meth:`export`, so listing and loading stay
    cheap. ``requires`` are module names checked with
    ``importlib.util.find_spec`` before use (``()`` for none); ``install_hint``
    is what to install when one is missing (``'pip install "khsmodel[docx]"'``,
    or None: a hint only names what exists). A plugin written before these two
    were part of the protocol still loads: the registry reads them as ``()``
    and None when they are missing.

    Optional attributes: ``cli_options`` (a mapping of option name to
    :class:`CliOption`: the options ``khsmodel export -O KEY=VALUE`` accepts
    and how their text is read) and ``missing_program()`` (returns why an
    external program the exporter runs is missing, with what to install or
    set, or None; :func:`info` then lists it as unavailable with that reason).
    The helpers of :mod:`khsmodel_exporters.base` check options and text the
    way the built-ins do; :func:`khsmodel.testing.check_exporter` checks these
    promises.
    """

    # Read-only members, so a class attribute of a narrower type fits
    # (``kinds: tuple[str, ...] = ("action_plan",)``, ``install_hint = None``).
    @property
    def name(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def media_type(self) -> str: ...
    @property
    def kinds(self) -> Collection[str]: ...
    @property
    def requires(self) -> Collection[str]: ...
    @property
    def install_hint(self) -> str | None: ...

    def export(self, doc: Document, **options: Any) -> bytes: ...


class UnknownExporterError(ExporterError):
    """No exporter by that name; the message lists the usable names.

    ``suggestions`` are the exporters the name was probably meant as: equal
    but for case or a leading dot (``"DOCX"``, ``".docx"``), or an exporter's
    file suffix (``".noark5.xml"``), or a letter or two away (``"pfd"``). The
    library only suggests them; the command line takes a name that differs in
    case alone (``-f PDF``).
    """

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        self.suggestions = suggestions
        super().__init__(message)


class OutputNameError(ExporterError):
    """A file name whose extension belongs to another format (``plan.docx`` for ``pdf``).

    ``fits`` holds the extensions that fit the format (``(".pdfa.pdf", ".pdf")``).
    """

    def __init__(self, message: str, fits: tuple[str, ...]) -> None:
        self.fits = fits
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class CliOption:
    """An exporter option the command line can set (``-O KEY=VALUE``), and how to read it.

    ``type`` is ``"bool"`` (true/false, yes/no, ja/nei, 1/0), ``"int"``,
    ``"number"`` (int or float), ``"text"`` or ``"choice"`` (one of
    ``choices``). ``metavar`` shows what a value looks like in help and
    errors (``/path/to/soffice``); ``help`` is one line.
    """

    type: str = "text"
    metavar: str = ""
    help: str = ""
    choices: tuple[str, ...] = ()

    def shape(self) -> str:
        """What a value looks like: ``true|false``, ``en|nb``, ``SECONDS``, ``TEXT``."""
        if self.metavar:
            return self.metavar
        if self.type == "bool":
            return "true|false"
        if self.type == "choice":
            return "|".join(self.choices)
        return {"int": "N", "number": "NUMBER"}.get(self.type, "TEXT")


@dataclass(frozen=True, slots=True)
class ExporterInfo:
    """One line of :func:`info`: an exporter's declared facts, or why it is unavailable."""

    name: str
    available: bool
    suffix: str | None = None
    media_type: str | None = None
    kinds: tuple[str, ...] = ()
    error: str | None = None
    source: str = "entry point"


# Registered by hand (wins), loaded from entry points (cache), failures (cache).
_manual: dict[str, Exporter] = {}
_loaded: dict[str, Exporter] = {}
_failed: dict[str, ExporterUnavailableError] = {}
_entry_points: dict[str, EntryPoint] | None = None


def _discover() -> dict[str, EntryPoint]:
    global _entry_points
    if _entry_points is None:
        from importlib.metadata import entry_points

        found: dict[str, EntryPoint] = {}
        for ep in entry_points(group=GROUP):
            found.setdefault(ep.name, ep)  # first on sys.path wins, like imports
        _entry_points = found
    return _entry_points


def refresh() -> None:
    """Forget discovered and loaded plugins (after installing one in a running process)."""
    global _entry_points
    _entry_points = None
    _loaded.clear()
    _failed.clear()


def _names() -> tuple[str, ...]:
    """Names of all exporters, usable or not, sorted, without importing any plugin."""
    return tuple(sorted(set(_discover()) | set(_manual)))


def _usable(name: str) -> Exporter | None:
    try:
        return get(name)
    except ExporterError:
        return None


def available() -> tuple[str, ...]:
    """Names of the exporters that can be used, sorted.

    Loads each plugin once (see :func:`get`); a plugin whose import fails, whose
    ``requires`` are missing, that breaks the protocol or whose external program
    is missing (``missing_program()``, e.g. LibreOffice for ``pdfa``) is left
    out. :func:`info` lists those too, with their error.
    """
    return tuple(r.name for r in info() if r.available)


def _missing_program(exporter: Exporter) -> str | None:
    """Why an external program ``exporter`` needs is missing, or None (also for no such hook)."""
    check = getattr(exporter, "missing_program", None)
    if not callable(check):
        return None
    try:
        reason = check()
    except Exception as exc:  # a broken hook must not break the listing
        return f"{type(exc).__name__}: {exc}"
    return reason if isinstance(reason, str) and reason else None


def _last_extension(suffix: str) -> str:
    """``".pdf"`` of ``".pdfa.pdf"``; ``""`` for a suffix without a dot."""
    at = suffix.rfind(".")
    return suffix[at:] if at >= 0 else ""


def check_output_name(format: str, path: str | os.PathLike[str]) -> None:
    """Raise :class:`OutputNameError` unless ``path`` ends in the extension of ``format``.

    A format's files fit when their name ends in the last extension of its
    suffix, in any case: ``pdfa`` (suffix ``.pdfa.pdf``) takes ``plan.pdf``,
    ``noark5`` (``.noark5.xml``) takes ``arkivstruktur.xml``, ``oparl``
    (``.oparl.json``) takes ``meeting.json``. The full suffix stays the
    default name of the command line's outputs.

    >>> check_output_name("json", "plan.JSON")
    >>> check_output_name("json", "plan.docx")
    Traceback (most recent call last):
    ...
    khsmodel.exporters.OutputNameError: plan.docx does not fit the json format: its file names end in .json
    """
    exp = get(format)
    suffix = exp.suffix if isinstance(exp.suffix, str) else ""
    last = _last_extension(suffix)
    if not last:
        return
    name = os.fspath(path)
    base = os.path.basename(name)
    if base.lower().endswith(last.lower()) and len(base) > len(last):
        return
    fits = (suffix, last) if suffix != last else (last,)
    also = f" (default name: …{suffix})" if suffix != last else ""
    raise OutputNameError(
        f"{name} does not fit the {format} format: its file names end in {last}{also}", fits
    )


def _suggestions(name: str) -> tuple[str, ...]:
    """Exporters ``name`` was meant as: same but for case, spaces or leading dots, or a suffix.

    >>> _suggestions("DOCX"), _suggestions(".docx"), _suggestions(".Noark5.XML")
    (('docx',), ('docx',), ('noark5',))
    >>> _suggestions("odt")
    ()

    Else names of the same length a letter or two away (a typo: ``pfd`` for ``pdf``), as
    :func:`difflib.get_close_matches` finds them.
    """
    wanted = name.strip().lstrip(".").lower()
    if not wanted:
        return ()
    by_name = [n for n in _names() if n.lower() == wanted]
    if by_name:
        return tuple(by_name)
    by_suffix = []
    for n in _names():
        suffix = getattr(_usable(n), "suffix", None)
        if isinstance(suffix, str) and suffix.lstrip(".").lower() == wanted:
            by_suffix.append(n)
    if by_suffix:
        return tuple(by_suffix)
    import difflib

    # only names of the same length: a letter swapped or mistyped, not another format
    # (``doc`` is not ``docx``)
    lowered = {n.lower(): n for n in _names() if len(n) == len(wanted)}
    return tuple(lowered[m] for m in difflib.get_close_matches(wanted, lowered, n=2, cutoff=0.6))


def _unknown(name: str) -> UnknownExporterError:
    suggestions = _suggestions(name)
    msg = f"unknown export format {name!r}"
    if suggestions:
        msg += f" (did you mean {' or '.join(repr(s) for s in suggestions)}?)"
    msg += f"; valid formats: {', '.join(available()) or '(none)'}"
    return UnknownExporterError(msg, suggestions)


def khsmodel_extras() -> frozenset[str]:
    """The extras of the installed khsmodel distribution (``docx``, ``pdf``, …), read once.

    An install hint of a built-in exporter names one of them or nothing.
    """
    global _extras
    if _extras is None:
        from importlib.metadata import PackageNotFoundError, metadata

        try:
            _extras = frozenset(metadata("khsmodel").get_all("Provides-Extra") or ())
        except PackageNotFoundError:  # run from a source tree that is not installed
            _extras = frozenset()
    return _extras


_extras: frozenset[str] | None = None


def _hint(name: str, ep: EntryPoint | None, obj: object = None) -> str | None:
    """What to install for exporter ``name``: its own ``install_hint`` (also None) if it
    declares one; else its distribution, or for khsmodel's own an extra of that name if
    khsmodel has one; else None."""
    if obj is not None and hasattr(obj, "install_hint"):
        hint = getattr(obj, "install_hint", None)
        return hint if isinstance(hint, str) and hint else None
    dist = getattr(ep, "dist", None) if ep is not None else None
    dist_name = getattr(dist, "name", None)
    if ep is None or dist_name is None or dist_name.lower() == "khsmodel" or ep.value.startswith(
        "khsmodel_exporters"
    ):
        return f'pip install "khsmodel[{name}]"' if name in khsmodel_extras() else None
    return f'pip install "{dist_name}"'


def _check_protocol(name: str, obj: object) -> Exporter:
    missing = [a for a in ("name", "suffix", "media_type", "kinds") if not hasattr(obj, a)]
    if not callable(getattr(obj, "export", None)):
        missing.append("export()")
    if missing:
        raise ExporterError(
            f"exporter {name!r} does not follow the Exporter protocol: missing {', '.join(missing)}"
        )
    exp = cast(Exporter, obj)  # requires and install_hint may be missing: read with getattr
    if exp.name != name:
        raise ExporterError(f"exporter registered as {name!r} calls itself {exp.name!r}")
    return exp


def _check_requires(name: str, exp: Exporter, ep: EntryPoint | None) -> None:
    requires = getattr(exp, "requires", ())
    if not requires:
        return
    from importlib.util import find_spec

    for module in requires:
        try:
            spec = find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            raise ExporterUnavailableError(
                name, f"No module named {module!r}", _hint(name, ep, exp), requires
            )


def _load(name: str) -> Exporter:
    ep = _discover().get(name)
    if ep is None:
        raise _unknown(name)
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin must not break anything else
        raise ExporterUnavailableError(
            name, f"{type(exc).__name__}: {exc}", _hint(name, ep)
        ) from exc
    if isinstance(obj, type):
        try:
            obj = obj()
        except Exception as exc:
            raise ExporterUnavailableError(
                name, f"{type(exc).__name__}: {exc}", _hint(name, ep)
            ) from exc
    try:
        exp = _check_protocol(name, obj)
        _check_requires(name, exp, ep)
    except ExporterError:
        raise
    except Exception as exc:  # e.g. a property that raises, or ``requires`` not a list
        raise ExporterUnavailableError(
            name, f"{type(exc).__name__}: {exc}", _hint(name, ep)
        ) from exc
    return exp


def get(name: str) -> Exporter:
    """The exporter called ``name``: registered by hand, else loaded from its entry point."""
    if name in _manual:
        return _manual[name]
    if name in _loaded:
        return _loaded[name]
    if name in _failed:
        raise _failed[name]
    try:
        exp = _load(name)
    except ExporterUnavailableError as exc:
        _failed[name] = exc
        raise
    _loaded[name] = exp
    return exp


def register(exporter: Exporter) -> Exporter:
    """Register an exporter object by hand; it wins over a discovered one of the same name.

    Returns the exporter, so a module can write ``EXPORTER = register(MyExporter())``.
    """
    key = getattr(exporter, "name", None)
    if not isinstance(key, str) or not key:
        raise ExporterError("an exporter needs a non-empty string name")
    _manual[key] = _check_protocol(key, exporter)
    return exporter


def unregister(name: str) -> None:
    """Remove a hand-registered exporter (discovered ones come back)."""
    _manual.pop(name, None)


def info() -> tuple[ExporterInfo, ...]:
    """Every exporter with its facts, loading each; broken ones are listed with their error.

    An exporter whose external program is missing (``missing_program()``) is
    listed as unavailable with the reason, though :func:`get` still gives it
    (a program can be named in its options, e.g. ``soffice=`` of ``pdfa``).
    """
    out = []
    for name in _names():
        source = "registered" if name in _manual else "entry point"
        try:
            exp = get(name)
        except ExporterError as exc:
            reason = str(exc)
            if isinstance(exc, ExporterUnavailableError):
                reason = exc.reason + (f" (install it with: {exc.hint})" if exc.hint else "")
            out.append(ExporterInfo(name=name, available=False, error=reason, source=source))
            continue
        program = _missing_program(exp)
        if program is not None:  # the reason says what to install or set
            out.append(ExporterInfo(name=name, available=False, error=program, source=source))
            continue
        out.append(
            ExporterInfo(
                name=name,
                available=True,
                suffix=exp.suffix,
                media_type=exp.media_type,
                kinds=tuple(exp.kinds),
                source=source,
            )
        )
    return tuple(out)


def export(
    doc: Document,
    format: str,
    path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> bytes:
    """Export ``doc`` with the exporter ``format``; write it atomically to ``path`` if given.

    Returns the bytes either way. ``path`` must end in the format's file
    extension (:func:`check_output_name`: ``plan.pdf`` for ``pdf`` and
    ``pdfa``; ``plan.docx`` for ``pdf`` raises :class:`OutputNameError`); its
    folder must exist. On any error nothing is written (no file, no half file):
    the exporter runs fully in memory first, then
    :func:`khsmodel.serialization.write_atomic` writes a temporary file and
    renames it. Errors from the exporter's own code that are not a
    :class:`KhsModelError` are wrapped in an :class:`ExporterError` naming it.

    This is a plain function: it does not validate the document (the command
    line does). To refuse a document with validation errors first::

        khsmodel.validate(doc).raise_for_errors()  # ValidationError listing the errors
        khsmodel.export(doc, "pdf", path="plan.pdf")
    """
    exp = get(format)
    if path is not None:
        check_output_name(format, path)
    data = _run(exp, doc, options, _discover().get(format))
    if path is not None:
        from ._files import write_atomic

        write_atomic(path, data)
    return data


def _run(
    exp: Exporter, doc: Document, options: dict[str, Any], ep: EntryPoint | None = None
) -> bytes:
    """Run ``exp`` on ``doc`` with the registry's checks: the one place a document's kind
    is checked (:class:`UnsupportedKindError`); an ImportError is the exporter being
    unavailable; any other error that is not a :class:`KhsModelError` is wrapped in an
    :class:`ExporterError` naming the exporter; anything but bytes is refused.
    """
    name = exp.name
    kind = getattr(type(doc), "KIND", None)
    if kind is None:
        raise KhsModelError(f"expected a khsmodel document, got {type(doc).__name__}")
    if kind not in exp.kinds:
        raise UnsupportedKindError(name, kind, exp.kinds)
    try:
        data = exp.export(doc, **options)
    except KhsModelError:
        raise
    except ImportError as exc:
        raise ExporterUnavailableError(name, f"{type(exc).__name__}: {exc}", _hint(
            name, ep, exp), getattr(exp, "requires", ())) from exc  # fmt: skip
    except Exception as exc:
        raise ExporterError(f"exporter {name!r} failed: {type(exc).__name__}: {exc}") from exc
    if not isinstance(data, bytes):
        raise ExporterError(f"exporter {name!r} returned {type(data).__name__}, expected bytes")
    return data
