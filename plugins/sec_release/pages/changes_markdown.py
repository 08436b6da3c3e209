"""A comparison (:mod:`sec_release.core.compare`) written as Markdown.

For a pull-request comment (``sec-release diff``) and for the preview's
``/changes/`` page. Links are the comparison's semantic targets, turned into
addresses by the ``href`` the caller gives (:func:`sec_release.model.urls.target_source`).
Text from the record goes through the one Markdown escaper
(:func:`sec_release.model.escape.markdown_escape`).
"""

from __future__ import annotations

from typing import Any, Optional

from ..core.compare import (
    STATUS_LABELS,
    Comparison,
    ContentChange,
    DocumentChange,
    FieldChange,
    Href,
    ReleaseChange,
    ResultChange,
    Target,
)
from ..core.evaluate import Status
from ..model.escape import markdown_escape


def md_text(text: Any) -> str:
    """Text from the record in one line of Markdown: shown literally, never as HTML or template syntax."""
    # "@name" in a pull-request comment would notify that person or team; an
    # empty comment between the two parts shows "@name" and notifies nobody.
    return str(markdown_escape(text, one_line=True)).replace("@", "@<!-- -->")


def _code(text: str) -> str:
    return "`" + str(text).replace("`", "'") + "`"


def _link(text: str, target: Target, href: Href) -> str:
    address = href(target)
    return f"[{text}]({address})" if address else text


def _status(value: Optional[str]) -> str:
    if value is None:
        return "(not a requirement)"
    return STATUS_LABELS.get(value, value)


def _was(value: Optional[str]) -> str:
    return md_text(value) if value is not None else "(none)"


def _release_heading(change: ReleaseChange, href: Href) -> str:
    text = f"{md_text(change.id)} — {md_text(change.title)}"
    if change.kind != "removed":
        text = _link(text, ("release", change.id), href)
    return text + (" *(draft)*" if change.draft else "")


def _content_line(c: ContentChange, href: Href) -> str:
    name = _link(md_text(c.id), ("modification", c.id), href) + (f" ({md_text(c.part)})" if c.part else "")
    if c.kind == "added":
        return f"Modification added: {name} ({md_text(c.new_status)})"
    if c.kind == "removed":
        return f"Modification removed from the release: {name} ({md_text(c.old_status)} → removed)"
    if c.kind == "unlisted":
        return f"Modification no longer listed: {name} (was {md_text(c.old_status)})"
    if c.kind == "restored":
        return f"Modification back in the release: {name} (removed → {md_text(c.new_status)})"
    if c.kind == "status":
        return f"Modification {name}: {md_text(c.old_status)} → {md_text(c.new_status)}"
    return f"Modification {name}: {md_text(c.detail)}"


def _document_line(d: DocumentChange, href: Href) -> str:
    name = _link(d.name, ("document", d.page), href) if d.page else d.name
    if d.change == "added":
        return f"{name} added (version {_was(d.new_version)}, updated {_was(d.new_updated)})"
    if d.change == "removed":
        return f"{name} no longer named (was version {_was(d.old_version)}, updated {_was(d.old_updated)})"
    if d.change == "reissued":
        parts = []
        for label, before, after in (("version", d.old_version, d.new_version), ("updated", d.old_updated, d.new_updated)):
            parts.append(f"{label} {_was(before)} → {_was(after)}" if before != after else f"{label} {_was(after)}")
        return f"{name} re-issued: " + ", ".join(parts)
    current = [f"{label} {md_text(value)}" for label, value in (("version", d.new_version), ("updated", d.new_updated)) if value]
    return f"{name}: its text changed, but not its version or date" + (f" ({', '.join(current)})" if current else "")


def _result_line(r: ResultChange, href: Href) -> str:
    name = _link(f"{md_text(r.requirement_id)} \\[{md_text(r.clause)}\\]", ("result", r.requirement_id, r.release_id), href)
    return f"Compliance: {name} {_status(r.old)} → **{_status(r.new)}** — {md_text(r.title)}"


def _field_line(f: FieldChange) -> str:
    return f"{_code(f.field)}: {_was(f.old)} → {_was(f.new)}"


def _counts(counts: dict[str, int]) -> str:
    order = [s.value for s in Status]
    parts = [f"{counts[s]} {STATUS_LABELS[s]}" for s in order if counts.get(s)]
    return ", ".join(parts)


def to_markdown(comparison: Comparison, href: Href = lambda target: None, *, level: int = 2) -> str:
    """The comparison as Markdown; ``level`` is the heading level of its sections."""
    h = "#" * level
    lines: list[str] = []
    as_of = f", compliance as of {comparison.as_of.isoformat()}" if comparison.as_of else ""
    lines.append(f"Compared with {md_text(comparison.baseline)}{as_of}.")
    if comparison.baseline_as_of and comparison.as_of and comparison.baseline_as_of != comparison.as_of:
        lines.append("")
        lines.append(
            f"The baseline's compliance results are as of {comparison.baseline_as_of.isoformat()}: "
            "a result may differ only because time has passed."
        )
    for note in comparison.notes:
        lines += ["", f"Note: {md_text(note)}"]
    lines.append("")
    if comparison.is_empty:
        lines.append("**No differences**: this build would publish the same record as the baseline.")
        return "\n".join(lines) + "\n"

    added = comparison.releases_of_kind("added")
    if added:
        lines += [f"{h} Releases added", ""]
        for r in added:
            counts = _counts(r.result_counts)
            lines.append(
                f"- {_release_heading(r, href)}: {md_text(r.status)}, go-live {md_text(r.go_live)}"
                + (f"; compliance: {counts}" if counts else "")
            )
        lines.append("")
    removed = comparison.releases_of_kind("removed")
    if removed:
        lines += [f"{h} Releases removed", ""]
        for r in removed:
            lines.append(f"- {_release_heading(r, href)}: was {md_text(r.status)}, go-live {md_text(r.go_live)}")
        lines.append("")
    changed = comparison.releases_of_kind("changed")
    if changed:
        lines += [f"{h} Releases changed", ""]
        for r in changed:
            lines += [f"{h}# {_release_heading(r, href)}", ""]
            if r.go_live_moved:
                lines.append(f"- Go-live moved: {md_text(r.go_live_moved[0])} → **{md_text(r.go_live_moved[1])}**")
            lines += [f"- {_content_line(c, href)}" for c in r.content]
            lines += [f"- {_document_line(d, href)}" for d in r.documents]
            lines += [f"- {_result_line(x, href)}" for x in r.results]
            lines += [f"- Amendment recorded: {md_text(a)}" for a in r.amendments]
            if r.fields:
                lines.append("- " + _link("Fields changed", ("release", r.id), href) + ":")
                lines += [f"    - {_field_line(f)}" for f in r.fields]
            lines.append("")
    if comparison.modifications:
        lines += [f"{h} Modification register", ""]
        for m in comparison.modifications:
            name = f"{md_text(m.id)} — {md_text(m.title)}"
            if m.kind != "removed":
                name = _link(name, ("modification", m.id), href)
            if m.kind == "changed":
                lines.append(f"- Changed: {name}")
                lines += [f"    - {_field_line(f)}" for f in m.fields]
            else:
                lines.append(f"- {m.kind.capitalize()}: {name}")
        lines.append("")
    if comparison.policy_results or comparison.policy_text_changed:
        lines += [f"{h} SEC Release Management Policy", ""]
        if comparison.policy_text_changed:
            lines.append("- " + _link("The Policy's text changed", ("policy",), href) + ".")
        lines += [f"- {_result_line(x, href)}" for x in comparison.policy_results]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["to_markdown", "md_text"]
