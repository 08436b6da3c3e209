"""`sec-release new release|modification`: scaffolds that validate and never overwrite."""

from __future__ import annotations

import json
import shutil
from datetime import date

import jsonschema
import pytest
import yaml

from sec_release.cli import main
from sec_release.core.check import check_project
from sec_release.core.diagnostics import DiagnosticList, Severity
from sec_release.core.documents import parse_document
from sec_release.core.project import load_project
from tests.conftest import run_cli
from tests.test_exports_editor_tools import as_editor_sees
from tests.factory import REPO

AS_OF = date(2026, 11, 26)


def new(project, *args: str) -> int:
    return main(["new", *args, "--project-dir", str(project)])


def rulebook_sections(project, applies_to: str) -> list[str]:
    """The first accepted title of every section the rulebook asks of a document: read from the data, not the code."""
    rulebook = yaml.safe_load((project / "data" / "rulebook" / "d10.yaml").read_text(encoding="utf-8"))
    titles = []
    for req in rulebook["requirements"]:
        sections = req["satisfied_by"].get("section")
        if req["applies_to"] == applies_to and sections:
            first = sections[0] if isinstance(sections, list) else sections
            if first not in titles:
                titles.append(first)
    return titles


def headings(path) -> list[tuple[str, str]]:
    doc = parse_document(path.read_text(encoding="utf-8"), "x", "x", DiagnosticList())
    return [(s.title, "provided" if s.provided else "placeholder") for s in doc.sections if s.level == 2]


def test_the_issues_example_scaffolds_a_release_that_validates(project, capsys):
    assert new(project, "release", "2027-11", "--title", "November 2027 SEC Release", "--go-live", "2027-11-04", "--dcc-systems-impact") == 0
    out = capsys.readouterr().out
    assert "created data/releases/2027-11.yaml" in out

    data = yaml.safe_load((project / "data" / "releases" / "2027-11.yaml").read_text(encoding="utf-8"))
    assert data["title"] == "November 2027 SEC Release" and data["status"] == "planned" and data["draft"] is True
    assert data["go_live"] == date(2027, 11, 4)

    folder = project / "content" / "releases" / "2027-11"
    for kind, name in (("implementation_document", "implementation-document.md"), ("testing_approach", "testing-approach.md")):
        assert data[kind]["page"] == f"releases/2027-11/{name}"
        assert headings(folder / name) == [(t, "placeholder") for t in rulebook_sections(project, kind)]

    checked = check_project(load_project(project), AS_OF)
    failing = [d for d in checked.evaluation.diagnostics if d.severity in (Severity.ERROR, Severity.WARNING)]
    assert failing == []
    assert "2027-11" in checked.record.releases  # loaded, not dropped
    results = {r.requirement.id: r.status.value for r in checked.evaluation.for_release("2027-11")}
    assert results["d10-13-timescales"] == "not-yet-due"


def test_with_its_modifications_it_validates_without_a_single_note(project):
    assert new(project, "modification", "MP250", "--title", "Faster widgets", "--decision-path", "self-governance", "--dcc-systems-impact") == 0
    assert new(project, "release", "2027-11", "--title", "November 2027 SEC Release", "--go-live", "2027-11-04", "--dcc-systems-impact", "--modification", "MP250") == 0
    checked = check_project(load_project(project), AS_OF)
    assert checked.evaluation.diagnostics == []
    assert checked.record.releases["2027-11"].modifications[0].id == "MP250"
    assert checked.record.modifications["MP250"].stage == "development"


def test_in_a_subprocess_exit_codes_and_validate(project):
    created = run_cli("new", "release", "2027-11", "--title", "November 2027 SEC Release", "--go-live", "2027-11-04", "--dcc-systems-impact", "--project-dir", str(project))
    assert created.returncode == 0, created.stderr
    validated = run_cli("validate", str(project), "--as-of", "2026-11-26")
    assert validated.returncode == 0, validated.stdout
    assert "0 errors, 0 warnings" in validated.stdout
    again = run_cli("new", "release", "2027-11", "--title", "Other", "--go-live", "2027-11-05", "--dcc-systems-impact", "--project-dir", str(project))
    assert again.returncode == 1 and "refusing to overwrite data/releases/2027-11.yaml" in again.stderr
    assert "Traceback" not in again.stderr


def test_it_never_overwrites_and_writes_nothing_when_one_file_exists(project, capsys):
    page = project / "content" / "releases" / "2027-11" / "testing-approach.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Written by hand\n", encoding="utf-8")
    assert new(project, "release", "2027-11", "--title", "November 2027 SEC Release", "--go-live", "2027-11-04", "--dcc-systems-impact") == 1
    assert "refusing to overwrite content/releases/2027-11/testing-approach.md" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == "# Written by hand\n"
    assert not (project / "data" / "releases" / "2027-11.yaml").exists()
    assert not (page.parent / "implementation-document.md").exists()

    existing = project / "data" / "modifications" / "MP071.yaml"
    before = existing.read_bytes()
    assert new(project, "modification", "MP071", "--title", "Again", "--decision-path", "authority", "--dcc-systems-impact") == 1
    assert existing.read_bytes() == before


def test_no_testing_approach_without_dcc_systems_impact(project):
    assert new(project, "release", "2028-02", "--title", "February 2028 SEC Release", "--go-live", "2028-02-24", "--no-dcc-systems-impact") == 0
    data = yaml.safe_load((project / "data" / "releases" / "2028-02.yaml").read_text(encoding="utf-8"))
    assert data["dcc_systems_impact"] is False and "testing_approach" not in data
    assert not (project / "content" / "releases" / "2028-02" / "testing-approach.md").exists()


def test_section_titles_come_from_the_rulebook(project):
    rulebook = project / "data" / "rulebook" / "d10.yaml"
    rulebook.write_text(rulebook.read_text(encoding="utf-8").replace("[Timescales, Timeline, Schedule]", "[Plan and milestones, Timescales]"), encoding="utf-8")
    assert new(project, "release", "2027-11", "--title", "November 2027 SEC Release", "--go-live", "2027-11-04", "--dcc-systems-impact") == 0
    titles = [t for t, _ in headings(project / "content" / "releases" / "2027-11" / "implementation-document.md")]
    assert "Plan and milestones" in titles and "Timescales" not in titles


def test_the_scaffold_is_valid_for_the_editor_schema(project):
    assert new(project, "release", "2027-11-minor", "--title", 'A "quoted": title #1', "--go-live", "2027-11-25", "--dcc-systems-impact") == 0
    text = (project / "data" / "releases" / "2027-11-minor.yaml").read_text(encoding="utf-8")
    data = as_editor_sees(yaml.safe_load(text))
    schema = json.loads((REPO / "schemas" / "release.schema.json").read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)] == []
    assert data["title"] == 'A "quoted": title #1'


@pytest.mark.parametrize(
    "args, message",
    [
        (["release", "2027-13", "--title", "x", "--go-live", "2027-11-04", "--dcc-systems-impact"], "'2027-13' is not a release id"),
        (["release", "2027-11", "--title", "x\ny", "--go-live", "2027-11-04", "--dcc-systems-impact"], "write the title on one line"),
        (["release", "2027-11", "--title", "x", "--go-live", "2027-11-04", "--dcc-systems-impact", "--modification", "MP404"], "no such modification"),
        (["modification", "mp250", "--title", "x", "--decision-path", "authority", "--dcc-systems-impact"], "'mp250' is not a modification id"),
        (["modification", "MP250", "--title", " ", "--decision-path", "authority", "--dcc-systems-impact"], "title"),
    ],
)
def test_bad_input_is_refused_with_a_reason(project, capsys, args, message):
    assert new(project, *args) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (project / "data" / "releases").iterdir()) == ["2019-11.yaml"]
    assert sorted(p.name for p in (project / "data" / "modifications").iterdir()) == ["MP071.yaml"]


def test_usage_errors_exit_2(project):
    result = run_cli("new", "modification", "MP250", "--title", "x", "--decision-path", "ofgem", "--dcc-systems-impact", "--project-dir", str(project))
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.parametrize("kind", [
    ["modification", "MP250", "--title", "x", "--decision-path", "authority"],
    ["release", "2027-11", "--title", "x", "--go-live", "2027-11-04"],
])
def test_whether_it_impacts_dcc_systems_is_asked_not_guessed(project, capsys, kind):
    with pytest.raises(SystemExit) as exit_:
        new(project, *kind)
    assert exit_.value.code == 2
    assert "one of the arguments --dcc-systems-impact --no-dcc-systems-impact is required" in capsys.readouterr().err
    assert sorted(p.name for p in (project / "data" / "modifications").iterdir()) == ["MP071.yaml"]


def test_it_lists_what_it_created_and_the_next_command(project, capsys):
    assert new(project, "modification", "MP250", "--title", "Faster widgets", "--decision-path", "authority", "--no-dcc-systems-impact") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "created data/modifications/MP250.yaml"
    assert out[1].startswith("next: put it in a release: sec-release new release ID") and "--modification MP250" in out[1]
    assert out[2] == f"next: run sec-release validate {project}"
    assert yaml.safe_load((project / "data" / "modifications" / "MP250.yaml").read_text())["dcc_systems_impact"] is False
    assert new(project, "release", "2027-11", "--title", "N", "--go-live", "2027-11-04", "--no-dcc-systems-impact", "--modification", "MP250") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "created data/releases/2027-11.yaml (planned, draft: true)",
        "created content/releases/2027-11/implementation-document.md (the Implementation Document, every section TBC)",
    ]
    assert out[2].startswith(f"next: run sec-release validate {project}")


@pytest.mark.parametrize(
    "args, message",
    [
        (["2027-11", "--go-live", "2027-12-02"], "--go-live 2027-12-02 is not in the month the id 2027-11 names"),
        (["2026-11", "--go-live", "2026-11-02"], "--go-live 2026-11-02 has passed (as of 2026-11-26)"),
        (["2027-11", "--go-live", "2027-11-04", "--modification", "MP07"], 'did you mean "MP071"?'),
    ],
)
def test_a_release_that_would_fail_at_once_is_refused(project, capsys, args, message):
    assert new(project, "release", args[0], "--title", "x", "--dcc-systems-impact", *args[1:]) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (project / "data" / "releases").iterdir()) == ["2019-11.yaml"]


def _with_parties(project):
    shutil.copy(REPO / "data" / "parties.yaml", project / "data" / "parties.yaml")


def test_impacts_are_party_ids_from_the_parties_file(project, capsys):
    _with_parties(project)
    args = ["modification", "MP250", "--title", "x", "--decision-path", "authority", "--no-dcc-systems-impact"]
    assert new(project, *args, "--impacts", "large-supplier", "dcc") == 1
    err = capsys.readouterr().err
    assert '"large-supplier" is not a SEC Party category in data/parties.yaml (did you mean "large-suppliers"?)' in err
    assert not (project / "data" / "modifications" / "MP250.yaml").exists()
    assert new(project, *args, "--impacts", "large-suppliers,small-suppliers", "--impacts", "dcc") == 0
    data = yaml.safe_load((project / "data" / "modifications" / "MP250.yaml").read_text(encoding="utf-8"))
    assert data["impacts"] == ["large-suppliers", "small-suppliers", "dcc"]
    assert check_project(load_project(project), AS_OF).evaluation.diagnostics == []


def test_impacts_alone_means_no_party_and_absent_means_not_recorded(project):
    args = ["--title", "x", "--decision-path", "authority", "--no-dcc-systems-impact"]
    assert new(project, "modification", "MP250", *args, "--impacts") == 0
    assert new(project, "modification", "MP251", *args) == 0
    assert yaml.safe_load((project / "data" / "modifications" / "MP250.yaml").read_text())["impacts"] == []
    assert "impacts" not in yaml.safe_load((project / "data" / "modifications" / "MP251.yaml").read_text())


def test_impacts_without_a_parties_file_are_refused_with_the_way_out(project, capsys):
    assert not (project / "data" / "parties.yaml").exists()
    assert new(project, "modification", "MP250", "--title", "x", "--decision-path", "authority", "--dcc-systems-impact", "--impacts", "dcc") == 1
    assert "data/parties.yaml does not exist" in capsys.readouterr().err
