"""Write a synthetic SEC Release record of N releases, ten modifications each.

The project is complete and valid: it validates clean as of 2026-11-26 and
builds with the shipped configuration (the repository's ``mkdocs.yml``,
``overrides/``, rulebook and Policy). Every release has an Implementation
Document and, when it impacts DCC Systems, a Testing Approach Document, with
a few hundred words of text per section; every modification has a summary.
Text is pseudo-random but deterministic (``--seed``), so two runs are equal.

    python benchmarks/generate_record.py OUT_DIR --releases 100
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MODIFICATIONS_PER_RELEASE = 10
FIRST_YEAR = 2012
LAST_GO_LIVE_YEAR = 2025  # every release implemented, reviewed and past before the benchmarks' as-of date (2026-11-26)

WORDS = (
    "release scope panel party supplier network operator change board authority testing integration "
    "system regression interface service request smart meter communications hub device firmware "
    "security assurance certificate enrolment data message schedule milestone readiness report "
    "implementation approach document consultation response objective strategy environment plan "
    "risk issue mitigation cost impact assessment baseline modification proposal decision criteria "
    "go-live review monitoring quality deliverable external auditor evidence delivery window cut-over "
    "weekend contingency rollback incident defect severity user acceptance participant engagement"
).split()

ID_SECTIONS = ["Release content", "Timescales", "Testing approach", "Go-live criteria", "Progress reporting"]
TA_SECTIONS = ["Testing objectives", "Testing strategy", "Implementation strategy", "Consultation"]


def sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def title(rng: random.Random, words: int = 4) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).title()


def first_year(releases: int) -> int:
    """2012, or earlier when N monthly releases from 2012 would not all be in the past."""
    return min(FIRST_YEAR, LAST_GO_LIVE_YEAR + 1 - -(-releases // 12))


def release_id(index: int, first: int = FIRST_YEAR) -> tuple[str, date]:
    year, month = first + index // 12, index % 12 + 1
    return f"{year}-{month:02d}", date(year, month, 20)


def iso(day: date) -> str:
    return day.isoformat()


def document(rng: random.Random, heading: str, sections: list[str], extra: str = "") -> str:
    parts = [f"---\ntitle: {heading}\n---\n\n# {heading}\n\n{paragraph(rng, 3)}\n"]
    for name in sections:
        parts.append(f"## {name}\n\n{paragraph(rng)}\n\n{paragraph(rng, 4)}\n")
        if name in ("Timescales", "Testing strategy"):
            parts.append("| Phase | Start | End |\n|---|---|---|\n" + "".join(
                f"| {title(rng, 2)} | week {w} | week {w + 3} |\n" for w in range(1, 16, 4)))
    if extra:
        parts.append(extra)
    return "\n".join(parts)


def release_data(index: int, rng: random.Random, first: int = FIRST_YEAR) -> tuple[dict, list[dict]]:
    rid, go_live = release_id(index, first)
    dcc = index % 3 != 2  # two in three releases impact DCC Systems
    mods = []
    for j in range(MODIFICATIONS_PER_RELEASE):
        mid = f"MP{1000 + index * MODIFICATIONS_PER_RELEASE + j}"
        mods.append({
            "id": mid,
            "title": title(rng, rng.randint(3, 7)),
            "decision_path": rng.choice(["authority", "self-governance", "fast-track"]),
            "stage": "implemented",
            "dcc_systems_impact": dcc and j % 2 == 0,
            "raised": iso(go_live - timedelta(days=500 + 7 * j)),
            "url": f"https://example.org/modifications/{mid.lower()}/",
            "summary": paragraph(rng, 3),
        })
    planned = go_live - timedelta(days=14)  # moved later within its own month: a go-live stays in the month of its id
    data: dict = {
        "id": rid,
        "title": f"{go_live:%B %Y} SEC Release",
        "status": "implemented",
        "draft": False,
        "go_live": iso(go_live),
        "sec_version": f"{6 + index // 10}.{index % 10 + 1}",
        "dcc_systems_impact": dcc,
        "summary": paragraph(rng, 2),
        "modifications": [
            {"id": m["id"], "status": "implemented", **({"note": sentence(rng)} if k == 3 else {})}
            for k, m in enumerate(mods)
        ],
        "baselines": [{"scope": "dcc-systems" if dcc else "full", "date": iso(go_live - timedelta(days=300))}],
        "milestones": [
            {"name": name, "date": iso(go_live - timedelta(days=days)), "state": "actual"}
            for name, days in (("Design complete", 200), ("System integration testing complete", 90),
                               ("User integration testing complete", 45), ("Go-live decision", 7))
        ],
        "date_changes": [{
            "requested": iso(planned - timedelta(days=60)), "decided": iso(planned - timedelta(days=50)),
            "from": iso(planned), "to": iso(go_live), "by": "Authority", "reason": sentence(rng),
        }],
        "implementation_document": {"page": f"releases/{rid}/implementation-document.md", "version": "1.2",
                                    "updated": iso(go_live - timedelta(days=40))},
        "progress_reports": [
            {"date": iso(go_live - timedelta(days=d)), "title": f"Readiness report {n}",
             "url": f"https://example.org/reports/{rid}-{n}.pdf"}
            for n, d in enumerate((90, 60, 30), 1)
        ],
        "cost_review": {"date": iso(go_live - timedelta(days=120)), "summary": paragraph(rng, 2)},
        "go_live_decision": {"date": iso(go_live - timedelta(days=7)), "decision": "go", "by": "Panel", "criteria_met": True},
        "post_go_live_review": {"date": iso(go_live + timedelta(days=50)), "summary": paragraph(rng, 2)},
        "waivers": [],
        "amendments": [
            {"date": iso(go_live - timedelta(days=40)), "summary": "Implementation Document v1.2."},
            {"date": iso(go_live + timedelta(days=50)), "summary": "Post go-live review recorded."},
        ],
    }
    if dcc:
        data["testing_approach"] = {
            "page": f"releases/{rid}/testing-approach.md",
            "owner": "DCC",
            "consultation": {"opened": iso(go_live - timedelta(days=330)), "closed": iso(go_live - timedelta(days=300)),
                             "responses": rng.randint(3, 15)},
            "panel_review": {"date": iso(go_live - timedelta(days=290)), "by": "Panel", "outcome": sentence(rng)},
            "approved": {"date": iso(go_live - timedelta(days=280)), "by": "DCC"},
        }
    if index % 4 == 0:
        data["external_auditor"] = {"appointed": iso(go_live - timedelta(days=250)), "name": "Example Assurance LLP",
                                    "scope": sentence(rng)}
    return data, mods


def dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


HOME = """\
---
title: Synthetic record
---

# Synthetic record

A generated record for benchmarks: {n} releases, {m} modifications.
"""


def generate(root: Path, releases: int, seed: int = 0) -> Path:
    """Write the project into ``root`` (replacing what is there) and return it."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", root / "overrides")
    else:
        (root / "overrides").mkdir()
    (root / "data" / "rulebook").mkdir(parents=True)
    shutil.copy(REPO / "data" / "rulebook" / "d10.yaml", root / "data" / "rulebook" / "d10.yaml")
    content = root / "content"
    (content / "policy").mkdir(parents=True)
    shutil.copy(REPO / "content" / "policy" / "release-management-policy.md", content / "policy" / "release-management-policy.md")
    (content / "index.md").write_text(HOME.format(n=releases, m=releases * MODIFICATIONS_PER_RELEASE), encoding="utf-8")
    (root / "data" / "modifications").mkdir(parents=True)
    for index in range(releases):
        data, mods = release_data(index, rng, first_year(releases))
        rid = data["id"]
        dump(root / "data" / "releases" / f"{rid}.yaml", data)
        for mod in mods:
            dump(root / "data" / "modifications" / f"{mod['id']}.yaml", mod)
        folder = content / "releases" / rid
        folder.mkdir(parents=True)
        (folder / "implementation-document.md").write_text(
            document(rng, "SEC Release Implementation Document", ID_SECTIONS), encoding="utf-8")
        if "testing_approach" in data:
            (folder / "testing-approach.md").write_text(
                document(rng, "SEC Release Testing Approach Document", TA_SECTIONS), encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="project folder to write (replaced if it exists)")
    parser.add_argument("--releases", "-n", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    root = generate(args.out, args.releases, args.seed)
    files = sum(1 for p in root.rglob("*") if p.is_file())
    print(f"{root}: {args.releases} releases, {args.releases * MODIFICATIONS_PER_RELEASE} modifications, {files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
