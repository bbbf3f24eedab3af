"""The built-in exporter plugins of khsmodel.

Each is registered under the entry-point group ``khsmodel.exporters`` in
khsmodel's pyproject.toml, the same way a third-party plugin is. Use them
through :func:`khsmodel.export` or :func:`khsmodel.exporters.get`; the
modules here import their heavy dependencies only inside ``export()``.

Shared by the document exporters: :mod:`.content` (what a reader sees, as
format-neutral blocks) and :mod:`._safety` (text a format cannot hold is
rejected with its field path).
"""
