"""Small, complete records built in the test, written to a temporary project.

``write_project`` writes a record that validates clean; a test then removes
exactly one thing and checks what the validator says about it.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
RULEBOOK = REPO / "data" / "rulebook" / "d10.yaml"

MKDOCS_YML = """\
site_name: Test record
site_url: https://example.org/test/
repo_url: https://github.com/example/test
edit_uri: edit/main/content/
docs_dir: content
theme:
  name: material
  custom_dir: overrides
plugins:
  - search
  - sec-release:
      data_dir: data
      rulebook: data/rulebook/d10.yaml
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""

POLICY = """\
---
title: SEC Release Management Policy
version: "1.0"
---
# SEC Release Management Policy

## Release formulation
Modification Proposals are allocated to releases by the Panel.

## Scope monitoring
The Panel monitors the scope of each release.

## Cost review
The Panel reviews DCC's costs.

## Quality monitoring
Formal deliverables are reviewed for quality.

## Change management
Changes to scope follow the change process.

## Reporting
SECAS reports monthly.

## Go-live decision
The Panel decides go-live against the criteria.

## Post go-live review
The Panel reviews each release after go-live.

## External auditor
The Panel may appoint an external auditor.
"""

IMPLEMENTATION_DOCUMENT = """\
---
title: Implementation Document
---
# Implementation Document

## Release content
The modifications listed in the record.

## Timescales
See the milestones.

## Testing approach
DCC tests per its Testing Approach Document.

## Go-live criteria
All tests passed.

## Progress reporting
DCC reports readiness monthly.
"""

TESTING_APPROACH = """\
---
title: Testing Approach Document
---
# Testing Approach Document

## Testing objectives
Prove the changes work.

## Testing strategy
System integration then user integration testing.

## Implementation strategy
A single cut-over weekend.

## Consultation
DCC consulted industry for four weeks.
"""


PARTIES = [
    {"id": "large-suppliers", "label": "Large Suppliers", "description": "Large Supplier Parties."},
    {"id": "small-suppliers", "label": "Small Suppliers", "description": "Small Supplier Parties."},
    {"id": "dcc", "label": "DCC", "description": "The Data Communications Company."},
]


def modification(mid: str, **overrides) -> dict:
    data = {
        "id": mid,
        "title": f"Modification {mid}",
        "decision_path": "self-governance",
        "stage": "implemented",
        "dcc_systems_impact": True,
    }
    data.update(overrides)
    return data


def complete_release(rid: str = "2019-11", go_live: str = "2019-11-29", **overrides) -> dict:
    """An implemented release that satisfies every requirement of the rulebook."""
    data = {
        "id": rid,
        "title": f"Release {rid}",
        "status": "implemented",
        "draft": False,
        "go_live": go_live,
        "sec_version": "6.21",
        "dcc_systems_impact": True,
        "summary": "A test release.",
        "modifications": [{"id": "MP071", "status": "implemented"}],
        "baselines": [{"scope": "full", "date": "2019-05-01"}],
        # Before go-live, whatever go_live is: a milestone after go-live is an error.
        "milestones": [{"name": "Testing complete", "date": (date.fromisoformat(go_live) - timedelta(days=77)).isoformat(), "state": "actual"}],
        "implementation_document": {"page": f"releases/{rid}/implementation-document.md", "version": "1.0", "updated": "2019-10-31"},
        "testing_approach": {
            "page": f"releases/{rid}/testing-approach.md",
            "owner": "DCC",
            "consultation": {"opened": "2019-01-07", "closed": "2019-02-01", "responses": 7},
            "panel_review": {"date": "2019-02-15", "by": "Panel", "outcome": "No objections."},
            "approved": {"date": "2019-02-22", "by": "DCC"},
        },
        "progress_reports": [{"date": "2019-09-20", "title": "Readiness report 3"}],
        "cost_review": {"date": "2019-06-14", "summary": "Costs reviewed."},
        "go_live_decision": {"date": "2019-11-22", "decision": "go", "by": "Panel", "criteria_met": True},
        "post_go_live_review": {"date": "2020-01-17", "summary": "No incidents."},
        "waivers": [],
        "amendments": [{"date": "2019-10-31", "summary": "First publication."}],
    }
    data.update(copy.deepcopy(overrides))
    return data


def write_yaml(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def write_project(
    root: Path,
    releases: list[dict] | None = None,
    modifications: list[dict] | None = None,
    *,
    policy: str | None = POLICY,
    implementation_document: str = IMPLEMENTATION_DOCUMENT,
    testing_approach: str = TESTING_APPROACH,
    parties: list[dict] | None = None,
) -> Path:
    releases = [complete_release()] if releases is None else releases
    modifications = [modification("MP071")] if modifications is None else modifications
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "overrides").mkdir(parents=True, exist_ok=True)
    (root / "data" / "rulebook").mkdir(parents=True, exist_ok=True)
    shutil.copy(RULEBOOK, root / "data" / "rulebook" / "d10.yaml")
    (root / "data" / "releases").mkdir(parents=True, exist_ok=True)
    (root / "data" / "modifications").mkdir(parents=True, exist_ok=True)
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text("# Test record\n\nHand-written home text.\n", encoding="utf-8")
    if policy is not None:
        (content / "policy").mkdir(parents=True, exist_ok=True)
        (content / "policy" / "release-management-policy.md").write_text(policy, encoding="utf-8")
    if parties is not None:
        write_yaml(root / "data" / "parties.yaml", {"parties": parties})
    for m in modifications:
        write_yaml(root / "data" / "modifications" / f"{m['id']}.yaml", m)
    for r in releases:
        write_yaml(root / "data" / "releases" / f"{r['id']}.yaml", r)
        folder = content / "releases" / r["id"]
        folder.mkdir(parents=True, exist_ok=True)
        if r.get("implementation_document"):
            (content / r["implementation_document"]["page"]).write_text(implementation_document, encoding="utf-8")
        if r.get("testing_approach"):
            (content / r["testing_approach"]["page"]).write_text(testing_approach, encoding="utf-8")
    return root
