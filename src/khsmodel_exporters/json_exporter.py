"""The ``json`` exporter: the strict khsmodel JSON of :func:`khsmodel.dumps`, as UTF-8 bytes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.errors import KhsModelError
from khsmodel.exporters import CliOption
from khsmodel.serialization import dumps

from ._safety import SURROGATES, check_text

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
    cli_options: ClassVar[Mapping[str, CliOption]] = {}

    def export(self, doc: Document, **options: Any) -> bytes:
        if options:
            raise KhsModelError(f"the json exporter takes no options, got {', '.join(options)}")
        check_text(doc, SURROGATES)
        return dumps(doc).encode("utf-8")
