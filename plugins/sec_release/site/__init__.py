"""The published site: the pages and files built from a checked record.

Nothing here imports MkDocs. The plugin asks :mod:`sec_release.publish` for
pages (Markdown text at a path) and files (bytes at a path) and hands them to
the engine.
"""
