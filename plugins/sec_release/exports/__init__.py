"""Open data and tools built from the checked record: JSON, CSV, iCalendar, Atom, JSON Schemas.

Every export is a function ``SiteContext -> list[GeneratedFile]`` (registered
in :mod:`sec_release.publish`), so the MkDocs build and ``sec-release export``
write the same bytes. Nothing here imports MkDocs, reads the clock or sees a
draft: the context has filtered drafts out already, and every time stamp comes
from ``ctx.build.built_at``.
"""
