"""The ``json`` exporter: the strict khsmodel JSON of :func:`khsmodel.dumps`, as UTF-8 bytes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.exporters import CliOption
from khsmodel.serialization import dumps

from .base import SURROGATES, check_options, check_text

__all__ = ["JsonExporter"]


class JsonExporter:
    """Lossless JSON (the file format ``khsmodel.load`` reads). Takes no options.

    Every character is kept (JSON escapes control characters); only lone
    surrogates, which UTF-8 cannot encode, are rejected with their path.
    """

    name = "json"
    suffix = ".json"
    media_type = "application/json"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ()
    install_hint: str | None = None
    cli_options: ClassVar[Mapping[str, CliOption]] = {}

    def export(self, doc: Document, **options: Any) -> bytes:
        check_options(self.name, options, ())
        check_text(doc, SURROGATES)
        return dumps(doc).encode("utf-8")
