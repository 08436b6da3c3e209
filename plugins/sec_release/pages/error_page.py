"""The page every URL shows while `mkdocs serve` runs on a record with errors.

A failed rebuild used to leave the browser waiting for a site that never
came, with the messages only in the terminal. While serving, the adapter
builds this page in place of every page instead, so the editor sees each
problem (file, line, message, hint) where they are looking; the served page
reloads itself once the files are fixed. `mkdocs build` still stops on the
same errors and publishes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from markupsafe import escape

from ..core.diagnostics import Diagnostic, printable, sorted_diagnostics, summary_line
from ..core.record import Record
from ..model.pages import front_matter
from ..model.urls import Sources

ERROR_PAGE_TITLE = "The record has errors"


def record_file_pages(record: Record) -> list[str]:
    """The page path of every release and modification file, loaded or not: the page an editor
    has open is most often the one of the file that has just broken."""
    data_dir = record.config.data_dir
    paths = []
    for file in record.sources:
        folder, _, name = file.rpartition("/")
        stem = name.removesuffix(".yaml")
        if folder == f"{data_dir}/releases":
            paths.append(Sources.release(stem))
        elif folder == f"{data_dir}/modifications":
            paths.append(Sources.modification(stem))
    return paths


def _item(d: Diagnostic) -> str:
    clause = f" [{d.clause}]" if d.clause else ""
    hint = f'<p class="sec-release-error-hint"><strong>hint:</strong> {escape(printable(d.hint))}</p>' if d.hint else ""
    return (
        "<li>"
        f"<p><code>{escape(printable(str(d.location), newlines=False))}</code> "
        f"{escape(d.severity.value)} <code>{escape(d.code)}</code>{escape(clause)}</p>"
        f"<p>{escape(printable(d.message))}</p>"
        f"{hint}"
        "</li>"
    )


def error_page_markdown(problems: Iterable[Diagnostic], files_checked: int, unread: Iterable[str], as_of: date) -> str:
    """The page's Markdown: front matter that keeps mkdocs-macros away, then raw HTML, every text escaped."""
    listed = sorted_diagnostics(problems)
    summary = summary_line(listed, files_checked, unread)
    items = "\n".join(_item(d) for d in listed)
    body = (
        '<div class="admonition failure" role="alert">\n'
        "<p class=\"admonition-title\">This site is not the record until these problems are fixed</p>\n"
        "<p>Every page shows this list while the record has errors. Fix the files named below and save them: "
        "the site is rebuilt and this page reloads by itself. <code>mkdocs build</code> and "
        "<code>sec-release validate</code> report the same problems.</p>\n"
        f"<p>{escape(summary).replace(chr(10), '<br>')} Checked as of {as_of.isoformat()}.</p>\n"
        f'<ol class="sec-release-errors">\n{items}\n</ol>\n'
        "</div>\n"
    )
    return front_matter(ERROR_PAGE_TITLE, search={"exclude": True}) + f"# {ERROR_PAGE_TITLE}\n\n" + body
