"""The hand-written part of a page, sanitised after rendering.

A page may mix hand-written Markdown (``content/``) and generated parts (the
home page's tables, a document's header). Before rendering, the hand-written
Markdown (each piece of it) is put between two marker comments that carry a fresh random token,
so that an editor cannot write them; after rendering, what lies between them
goes through the allowlist sanitiser
(:func:`sec_release.core.content_html.sanitise`) and the markers are removed.
If the end marker went missing (broken HTML swallowed it), everything after
the start marker is sanitised.
"""

from __future__ import annotations

import secrets

from ..core.content_html import sanitise


class HandWritten:
    def __init__(self) -> None:
        token = secrets.token_hex(16)  # never in the output: the markers are removed
        self.start = f"<!--sec-release-hand-written-start-{token}-->"
        self.end = f"<!--sec-release-hand-written-end-{token}-->"

    def mark(self, markdown: str) -> str:
        return f"{self.start}\n\n{markdown}\n\n{self.end}\n"

    def sanitise(self, html: str) -> str:
        """``html`` with every marked piece sanitised and the markers removed."""
        if self.start not in html:
            return sanitise(html)  # the markers are gone: treat everything as hand-written
        out: list[str] = []
        rest = html
        while True:
            begin = rest.find(self.start)
            if begin < 0:
                out.append(rest)
                break
            out.append(rest[:begin])
            rest = rest[begin + len(self.start):]
            stop = rest.find(self.end)
            if stop < 0:
                out.append(sanitise(rest))
                break
            out.append(sanitise(rest[:stop]))
            rest = rest[stop + len(self.end):]
        return "".join(out)
