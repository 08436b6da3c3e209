"""The plugin's options and the environment variables, declared once.

:class:`Options` is the ``sec-release`` entry of ``plugins:`` in
``mkdocs.yml``: every option with its type, default and help. The MkDocs
plugin and every ``sec-release`` command validate the same entry with
:func:`parse_options`, so a wrong value gets the same message from both.

:class:`Environment` is every environment variable the package reads, read
here and nowhere else (:func:`read_environment`); :data:`ENV` names them for
the code that sets them (``sec-release build``, the tests).
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, Mapping, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

MODE_PRODUCTION = "production"
MODE_PREVIEW = "preview"

# The same defaults as the plugin's ``licence`` / ``licence_url`` options.
DEFAULT_LICENCE = "Open Government Licence v3.0"
DEFAULT_LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class OptionsError(Exception):
    """The plugin's options in mkdocs.yml cannot be used; the message names each option and the fix."""


def _iso_date(value: Any) -> Any:
    # YAML reads an unquoted 2026-11-26 as a date, a quoted one as text: both are fine.
    # Nothing else is: pydantic would read a number as seconds since 1970 (as_of: 0 is 1 January 1970).
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    elif value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


AsOf = Annotated[Optional[date], BeforeValidator(_iso_date)]


class Options(BaseModel):
    """The ``sec-release`` plugin's options (``plugins: - sec-release: {...}`` in mkdocs.yml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    data_dir: StrictStr = Field("data", description="The folder of the record's YAML (releases/, modifications/), relative to mkdocs.yml.")
    rulebook: StrictStr = Field("data/rulebook/d10.yaml", description="The D10 rulebook file, relative to mkdocs.yml.")
    policy_page: StrictStr = Field("policy/release-management-policy.md", description="The SEC Release Management Policy, relative to docs_dir.")
    as_of: AsOf = Field(None, description="Check the record as of this date (YYYY-MM-DD) instead of today; SEC_RELEASE_AS_OF does the same.")
    warnings_fail: StrictBool = Field(False, description="Stop the build on warnings too (as mkdocs build --strict).")
    mode: Literal["production", "preview"] = Field(MODE_PRODUCTION, description="production, or preview: drafts, the preview banner, noindex and /changes/ (SEC_RELEASE_PREVIEW=1 does the same).")
    compare_to: Optional[StrictStr] = Field(None, description="The published baseline the preview's /changes/ page compares with: a git ref or a folder (SEC_RELEASE_COMPARE_TO overrides it).")
    notice: Optional[StrictStr] = Field(None, description="A notice shown at the top of every page.")
    licence: StrictStr = Field(DEFAULT_LICENCE, description="The licence the open data is published under.")
    licence_url: StrictStr = Field(DEFAULT_LICENCE_URL, description="Where the licence's terms are.")
    nav_releases: Annotated[StrictInt, Field(ge=0)] = Field(8, description="How many releases the navigation names (in progress first, then the latest); the releases index lists them all.")
    page_macros: StrictBool = Field(True, description="Render {{ sec.* }} in hand-written pages, in a sandbox (see Macros in hand-written pages); false: leave them as written.")


def parse_options(raw: Mapping[str, Any] | None, where: str = "mkdocs.yml") -> Options:
    """The options as written (None: not given), validated; raises OptionsError naming every problem."""
    values = {key: value for key, value in (raw or {}).items() if value is not None}
    try:
        return Options.model_validate(values)
    except ValidationError as exc:
        known = list(Options.model_fields)
        problems = []
        for error in exc.errors(include_url=False):
            name = ".".join(str(part) for part in error["loc"]) or "?"
            if error["type"] == "extra_forbidden":
                close = difflib.get_close_matches(name, known, n=1)
                problems.append(
                    f'unknown option "{name}"' + (f' (did you mean "{close[0]}"?)' if close else "")
                    + f"; the options are: {', '.join(known)}"
                )
            else:
                problems.append(f"option {name}: {error['msg'].removeprefix('Value error, ')} (it is {error.get('input')!r})")
        raise OptionsError(f"{where}, plugin sec-release: " + "; ".join(problems)) from None


def options_table() -> str:
    """The README's tables of the options and the environment variables (a test keeps them the same)."""
    lines = ["| option | default | what it does |", "|---|---|---|"]
    lines += [f"| `{name}` | `{default}` | {text} |" for name, default, text in option_help()]
    lines += ["", "| environment variable | what it does |", "|---|---|"]
    lines += [f"| `{variable}` | {text} |" for variable, text in ENV_HELP.values()]
    return "\n".join(lines) + "\n"


def option_help() -> list[tuple[str, str, str]]:
    """(name, default as written in mkdocs.yml, help) of every option, in declaration order."""
    out = []
    for name, info in Options.model_fields.items():
        default = info.default
        shown = "(none)" if default is None else ("true" if default is True else "false" if default is False else str(default))
        out.append((name, shown, info.description or ""))
    return out


# ---------------------------------------------------------------------------
# Environment variables

# key -> (variable, what it does); the README's table is checked against this.
ENV_HELP: dict[str, tuple[str, str]] = {
    "as_of": ("SEC_RELEASE_AS_OF", "Check the record as of this date (YYYY-MM-DD), when neither --as-of nor the as_of option gives one."),
    "preview": ("SEC_RELEASE_PREVIEW", "1: a preview build (as mode: preview)."),
    "compare_to": ("SEC_RELEASE_COMPARE_TO", "The preview's baseline, instead of compare_to (CI names the pull request's base branch)."),
    "commit": ("SEC_RELEASE_COMMIT", "The commit built, when git cannot tell (a build from an archive)."),
    "branch": ("SEC_RELEASE_BRANCH", "The branch built, for the preview banner."),
    "github_head_ref": ("GITHUB_HEAD_REF", "Set by GitHub Actions: a pull request's branch, when SEC_RELEASE_BRANCH is not set."),
    "source_date_epoch": ("SOURCE_DATE_EPOCH", "The build's date (seconds since 1970), for reproducible builds; sec-release build sets it to the commit's date."),
    "engine": ("SEC_RELEASE_ENGINE", "mkdocs (the default) or properdocs: what sec-release build, and the test suite, build with (as --engine)."),
}
ENV = {key: variable for key, (variable, _) in ENV_HELP.items()}


@dataclass(frozen=True)
class Environment:
    as_of: str = ""
    preview: bool = False
    compare_to: str = ""
    commit: str = ""
    branch: str = ""
    source_date_epoch: str = ""
    engine: str = ""


def read_environment(environ: Mapping[str, str] | None = None) -> Environment:
    """The environment variables the package reads, from ``environ`` (default: this process's)."""
    env = os.environ if environ is None else environ
    return Environment(
        as_of=env.get(ENV["as_of"], ""),
        preview=env.get(ENV["preview"], "") not in ("", "0"),
        compare_to=env.get(ENV["compare_to"], ""),
        commit=env.get(ENV["commit"], ""),
        branch=env.get(ENV["branch"], "") or env.get(ENV["github_head_ref"], ""),
        source_date_epoch=env.get(ENV["source_date_epoch"], ""),
        engine=env.get(ENV["engine"], ""),
    )


def with_environment(options: Options, env: Environment) -> Options:
    """The options a build uses: SEC_RELEASE_PREVIEW and SEC_RELEASE_COMPARE_TO override mode and compare_to."""
    update: dict[str, Any] = {}
    if env.preview:
        update["mode"] = MODE_PREVIEW
    if env.compare_to:
        update["compare_to"] = env.compare_to
    return options.model_copy(update=update) if update else options


__all__ = [
    "Options", "OptionsError", "parse_options", "option_help", "options_table", "ENV", "ENV_HELP", "Environment", "read_environment",
    "with_environment", "MODE_PRODUCTION", "MODE_PREVIEW", "DEFAULT_LICENCE", "DEFAULT_LICENCE_URL",
]
