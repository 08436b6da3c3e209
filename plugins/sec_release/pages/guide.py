"""The editors' guide page (/editors/), generated from the rulebook.

For every requirement: its id (what a message prints), clause, when it is
due, what satisfies it, and an example. Then every code the loader and the
checker can print, with what it means. The requirement texts come from the
rulebook; the code meanings from the catalogue beside the diagnostics
(:mod:`sec_release.core.message_codes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..core.document_kinds import document_name, release_document
from ..core.message_codes import MESSAGE_CODES, SEVERITIES
from ..core.rulebook import Requirement, due_conditions
from ..model.context import SiteContext
from ..model.pages import GeneratedPage, front_matter
from ..model.escape import protect_braces
from ..model.render import template_env
from ..model.urls import DATA_PAGE, GUIDE_PAGE, page_url, relative_url

@dataclass(frozen=True)
class RequirementGuide:
    requirement: Requirement
    subject: str
    condition: str
    due: str
    checks: list[str]
    example: Markup | None
    waivable: bool


def _document_name(req: Requirement) -> str:
    return document_name(req.applies_to, "release record")


def _quoted(titles: list[str]) -> str:
    quoted = [f'"{t}"' for t in titles]
    return quoted[0] if len(quoted) == 1 else f"{quoted[0]} (or {', '.join(quoted[1:])})"


def when_due(req: Requirement) -> str:
    if req.applies_to == "policy":
        return "Always: the Policy must cover it at every build."
    parts = due_conditions(req)
    if not parts:
        return "Always, for every release."
    text = "Due " + " and ".join(parts) + "."
    if req.due_from in ("baselined", "implemented"):
        text += " Before that it shows as not yet due, even if missing."
    return text


def what_satisfies(req: Requirement) -> list[str]:
    check = req.satisfied_by
    doc = _document_name(req)
    out = []
    document = release_document(req.applies_to)
    if document is not None:
        field = document.release_field
        page = document.page_for("<release-id>")
        where = f"the {doc}, named in the release's YAML under {field}.page (usually content/{page})"
    else:
        where = f"the {doc}"
    if check.document:
        out.append(f"{where[0].upper()}{where[1:]} exists.")
    if check.section:
        out.append(
            f"{where[0].upper()}{where[1:]} has a section headed {_quoted(check.section)} with real content: "
            "case and punctuation do not matter, and a section that says only TBC, TBD or To follow does not count."
        )
    for field in check.fields():
        out.append(f"The release's YAML records {field} (present and not empty).")
    if check.count is not None:
        excluded = f", not counting those whose status is {' or '.join(check.count.excluding_status)}" if check.count.excluding_status else ""
        out.append(f"The release's YAML lists at least {check.count.at_least} entr{'y' if check.count.at_least == 1 else 'ies'} in {check.count.field}{excluded}.")
    return out


def code_block(text: str) -> Markup:
    """A preformatted block; braces as entities so that no template engine reads them later."""
    html = Markup("<pre><code>{}</code></pre>").format(text.rstrip("\n"))
    return Markup(protect_braces(str(html)))


def example_for(req: Requirement) -> Markup | None:
    if req.example:
        return code_block(req.example)
    if req.satisfied_by.section:
        return code_block(f"## {req.satisfied_by.section[0]}\n\nWhat the {_document_name(req)} says about it, in full sentences.")
    return None


def requirement_guides(ctx: SiteContext) -> list[RequirementGuide]:
    rulebook = ctx.record.rulebook
    if rulebook is None:
        return []
    out = []
    for req in rulebook.requirements:
        conditions = []
        if req.kinds is not None:
            conditions.append(f"Only for {' and '.join(req.kinds)} releases (kind:); for the others it is not applicable.")
        if req.condition:
            conditions.append(f"Only for releases whose {req.condition} is true; for the others it is not applicable.")
        condition = " ".join(conditions)
        out.append(RequirementGuide(
            requirement=req,
            subject="The SEC Release Management Policy" if req.applies_to == "policy" else f"Each release's {_document_name(req)}",
            condition=condition,
            due=when_due(req),
            checks=what_satisfies(req),
            example=example_for(req),
            waivable=req.applies_to != "policy",
        ))
    return out


def guide_page(ctx: SiteContext) -> list[GeneratedPage]:
    if ctx.record.rulebook is None:
        return []
    from_url = page_url(GUIDE_PAGE)
    env = template_env(ctx)
    # The example message is one the rulebook can really print: its first
    # requirement on a release document's section.
    sample = next((r for r in ctx.record.rulebook.requirements if release_document(r.applies_to) and r.satisfied_by.section), None)
    content = env.get_template("editors_guide.md.j2").render(
        sample=sample,
        sample_page=release_document(sample.applies_to).page_for("x").split("/")[-1] if sample else "",
        guides=requirement_guides(ctx),
        codes=sorted(MESSAGE_CODES.items()),
        severities=SEVERITIES,
        rulebook_file=ctx.record.config.rulebook,
        data_dir=ctx.record.config.data_dir,
        docs_dir=ctx.record.config.docs_dir,
        data_url=relative_url(page_url(DATA_PAGE), from_url),
    )
    title = "Editors' guide"
    return [GeneratedPage(GUIDE_PAGE, front_matter(title) + content, title, nav_section="Editors' guide", nav_order=(0,), edit_path=ctx.record.config.rulebook)]
