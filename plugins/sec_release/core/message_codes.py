"""The catalogue of message codes: every code a diagnostic can carry, with what it means.

A :class:`~sec_release.core.diagnostics.Diagnostic` carries either a
rulebook requirement id (``d10-13-timescales``: explained by the rulebook
itself) or one of the codes below. The editors' guide is generated from this
table, and a test fails when any module reports a code that is not in it, or
the table explains a code nothing reports.
"""

from __future__ import annotations

# Every code a message can carry other than a requirement id: what it means.
MESSAGE_CODES: dict[str, str] = {
    "yaml-syntax": "The file is not valid YAML: check the indentation, colons and quotes near the line given. Some control characters are not allowed at all.",
    "yaml-tab": "A tab character where YAML needs spaces (most editors show a tab as spaces, so the message gives its line and column). Replace it with spaces, indented like the line named in the hint.",
    "yaml-duplicate-key": "The same key appears twice in one mapping. YAML would silently keep only the last one, so it is an error: remove one.",
    "yaml-key": "A key is a list or a mapping instead of a plain word.",
    "yaml-tag": "A YAML tag (such as !!python/object or !include) is used. The record holds plain values only.",
    "yaml-unsupported": "Anchors and aliases (&name, *name), merge keys (<<), or an enormous number of values: write the values out in full.",
    "yaml-number": "An unquoted number that is not plain decimal: 010 (YAML would read 8), 1:30 (90), 0x1f, 1_000. Write plain digits, or put the text in quotes.",
    "yaml-boolean": "A yes/no value spelt other than true or false (yes, no, on, off, True, FALSE ...). Write true or false in lower case, or put the text in quotes.",
    "unsafe-link": "A link or image address that is never published: javascript:, data:, vbscript:, file: and the like, also when hidden with character references (&#58;) or spaces. Only https://, http://, mailto:, #fragment and relative links are published.",
    "html-not-allowed": "An HTML element a page may not hold: script, style, iframe, object, embed, form, svg, math, meta, base and anything else off the allowlist (README: Raw HTML in pages).",
    "html-attribute-not-allowed": "An HTML attribute a page may not hold: event handlers (onclick, onerror ...), style outside table cells, and anything else off the allowlist.",
    "html-unreadable": "Raw HTML in a page that cannot be read at all (a stray <![ ... ]> or a tag cut short), so the check could not go past it. Remove it or write the characters as text (&lt;).",
    "page-template": "A template expression in a page that reaches beyond sec.* and page.* (__globals__, __class__, config, os, the attr filter ...), or one that does not parse. Nothing of it runs.",
    "yaml-too-deep": "Values are nested far deeper than the record format ever needs; usually broken indentation.",
    "encoding": "The file is not UTF-8 text, or contains a NUL character. Save it as UTF-8.",
    "encoding-bom": "The file starts with a byte-order mark. Save it as UTF-8 without BOM.",
    "empty-file": "The file is empty or holds no data. Fill it in or delete it.",
    "file-too-large": "The file is larger than a record file may be. Long text belongs in the Markdown documents under content/.",
    "io": "The file cannot be read (permissions, or it vanished during the check).",
    "file-name": "A record file ends in .yml instead of .yaml, or a .yaml name is not a regular file (a folder or a broken link).",
    "missing-folder": "data/releases/ or data/modifications/ (or the data_dir set in mkdocs.yml) does not exist.",
    "schema": "The file does not hold a mapping of keys to values: it should start with lines like  id: ...",
    "unknown-key": "A key the record format does not have, usually a typo. The hint names the closest allowed key and lists all of them.",
    "missing-key": "A required key is missing, e.g. a release without go_live or a modification without decision_path.",
    "not-allowed": "The value is not one of the allowed words, e.g. a status other than planned, baselined, implemented or cancelled. Values are lower case where the format shows them so.",
    "wrong-type": "The value has the wrong shape: text where a list belongs, a number where text belongs (write sec_version: \"6.21\" in quotes), or yes/no where true/false belongs.",
    "invalid-value": "The value has the right type but is not valid: an impossible date (2021-02-30), a date not written YYYY-MM-DD, an id in the wrong form, a web address not starting with https://, empty or over-long text.",
    "too-many-problems": "A file has so many problems that only the first ones are listed. Fix those and validate again.",
    "id-mismatch": "The id inside the file differs from its file name. Rename the file or change the id.",
    "unknown-modification": "A release (its modifications: or a baseline's modifications:) or a modification's alternative_of: names a modification that has no file in data/modifications/ (or whose file has errors). The hint suggests the closest id; create a new one with sec-release new modification.",
    "duplicate-modification": "A release lists the same modification twice. Use part: to tell apart the shares of a modification split over releases.",
    "sec-document-name": "Two modifications name the same section, schedule or appendix under different titles (\"Schedule 8 (GB Companion Specification)\" and \"Schedule 8 (Great Britain Companion Specification)\"). The site lists one page per name, so write it one way everywhere.",
    "unknown-party": "A modification's impacts: names a SEC Party category that is not in data/parties.yaml. The hint suggests the closest id and lists them all.",
    "duplicate-party": "data/parties.yaml lists the same category id twice.",
    "unknown-release": "A modification's rest_in: names a release that has no file in data/releases/ (or names the release itself). The hint suggests the closest id.",
    "baseline-not-listed": "A baseline's modifications: names a modification the release does not list. List it under the release's modifications (status: removed if it has left the release).",
    "outside-window": "A date change's new date (to:) is outside the window (window: earliest, latest) it was approved with.",
    "removed-date": "A modification in a release has a removed: date but its status is not removed.",
    "history-order": "A modification's history is not in date order. List its steps oldest first.",
    "unknown-requirement": "A waiver names a requirement id that is not in the rulebook. The hint suggests the closest id.",
    "page-path": "A document's page path is not a Markdown file inside content/ (an absolute path, a '..', not .md, or a link that leads outside).",
    "missing-page": "The document page a release names does not exist under content/.",
    "front-matter": "A Markdown document's front matter (between the --- lines) is not a mapping of keys to values.",
    "date-order": "Two dates that cannot both be true: a consultation that closed before it opened, a date change decided before it was requested.",
    "go-live-mismatch": "go_live is not the date the last approved date change moved it to. Set go_live to that date, or record the date change that explains it.",
    "amendment-order": "A release's amendments are not in date order. Amendments are a change log: append new ones at the end.",
    "rulebook": "The rulebook file is missing, or an entry in it names something that does not exist (a field, a condition) or repeats an id.",
    "stale-release": "A release is still planned or baselined although its go-live date has passed, so the site would show a date to come that is past. If it went live, set status: implemented with the actual go_live; if it was moved, record the date change and the new go_live. (In a draft release it is a note.)",
    "go-live-month": "The go-live date the release was planned for is not in the month its id names (2027-11 goes live in November 2027). Correct the date; if the release really moved to another month, keep the id and record the move under date_changes.",
    "milestone-after-go-live": "A milestone is dated after the release's go-live. Correct whichever date is wrong; a milestone that really comes after go-live takes after_go_live: true (the post go-live review has its own field).",
    "date-change-from": "A date change starts from a date other than the one the previous approved change moved the go-live to. Date changes are a chain, oldest first: each from: is the go-live before that decision.",
    "future-implemented": "Warning: a release is marked implemented but its go-live date is in the future.",
    # sec-release check-published: the published record is never rewritten silently.
    "published-amendment-edited": "An amendments entry of a published release was edited, or an entry was inserted before it. Published amendments are append-only: restore the entry and add a new one at the end.",
    "published-amendment-removed": "An amendments entry of a published release was removed. Restore it; correct an old entry by adding a new one.",
    "published-release-removed": "A published release is no longer in the record (its file was deleted or its id renamed). Restore it; a release that will not go ahead gets status: cancelled.",
    "published-release-unpublished": "A published release was set back to draft: true, which would take it off the published record. Set draft: false; cancel it instead.",
    "published-unrecorded-change": "The data of a published release changed with no new amendments entry. Append one saying what changed and why.",
}

SEVERITIES = {
    "error": "The build stops and nothing is published until it is fixed.",
    "warning": "The build goes on and reports it; `mkdocs build --strict` (or warnings_fail: true) stops on it.",
    "info": "A note. Gaps in a draft release are notes: drafts are never published, so they never stop a build.",
}
