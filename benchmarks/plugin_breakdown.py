"""Where the plugin's own time goes at N releases: finer than run_benchmarks.py's handler table.

The script generates a record (``generate_record.py``), builds it once (for
the site the manifest hashes and for the build's wall time), then runs
passes, each in a fresh process and cold, as in a build: the plugin's
``on_config`` (load + validate), every page provider and every file provider
once, and the manifest of the built site. Inside the record pages it times
what our code calls but does not do itself: Jinja compiling the templates,
Python-Markdown converting the record's Markdown fields, the timeline SVGs,
the links; what is left of the record pages is Jinja rendering them.
Figures are the fastest of ``--repeat`` passes, item by item.

    .venv/bin/python benchmarks/plugin_breakdown.py [-n 100] [--repeat 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run_benchmarks import CHILD_ENV  # noqa: E402 - the same environment as the benchmark's builds

# Labels, in the order of the table.
CHECK = "load + validate (`check_project`)"
VIEWS = "record pages: view models (`SiteViews`)"
COMPILE = "record pages: Jinja compiling the templates"
MARKDOWN = "record pages: Python-Markdown, the record's Markdown fields"
SVG = "record pages: timeline SVGs"
LINKS = "record pages: relative links"
RENDER = "record pages: Jinja rendering (the rest)"
OTHER_PAGES = "data and editors' guide pages"
FILES = {"json_files": "JSON files and schemas", "csv_files": "CSV files", "ics_files": "iCalendar files (icalendar)",
         "atom_files": "Atom feed", "preview_files": "robots.txt (preview builds only)"}
WALK, HASH, MANIFEST = "manifest: listing the site", "manifest: SHA-256 of every file", "manifest: the rest (JSON)"


def one_pass(project: Path, site: Path) -> dict[str, float]:
    """Runs in a fresh process: the plugin's work once, timed item by item."""
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    from mkdocs.config import load_config

    import sec_release.mkdocs_plugin as adapter
    import sec_release.exports.manifest as manifest
    import sec_release.pages.record_pages as pages
    from sec_release import publish

    times: dict[str, float] = defaultdict(float)

    from timing import timer  # benchmarks/timing.py, beside this script

    timed = timer(times)

    # Module globals, looked up when called: the Renderer's cached `md` filter,
    # the providers and build_manifest call these wrappers.
    adapter.check_project = timed(CHECK, adapter.check_project)
    pages.markdown_to_html = timed(MARKDOWN, pages.markdown_to_html)
    pages.release_svg = timed(SVG, pages.release_svg)
    pages.record_svg = timed(SVG, pages.record_svg)
    pages.link = timed(LINKS, pages.link)
    manifest.site_files = timed(WALK, manifest.site_files)
    manifest._sha256_and_size = timed(HASH, manifest._sha256_and_size)

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    plugin = config.plugins["sec-release"]
    plugin.on_config(config)
    ctx = plugin.ctx

    start = time.perf_counter()
    renderer = pages.Renderer(ctx)  # what record_pages() does, in steps
    times[VIEWS] = time.perf_counter() - start
    renderer.env.compile = timed(COMPILE, renderer.env.compile)  # the loader compiles each template on first use
    start = time.perf_counter()
    for provider in pages.PROVIDERS:
        provider(renderer)
    inside = sum(times[label] for label in (COMPILE, MARKDOWN, SVG, LINKS))
    times[RENDER] = time.perf_counter() - start - inside

    for provider in publish.PAGE_PROVIDERS:
        if provider is not pages.record_pages:
            timed(OTHER_PAGES, provider)(ctx)
    for provider in publish.FILE_PROVIDERS:
        timed(FILES.get(provider.__name__, provider.__name__), provider)(ctx)
    start = time.perf_counter()
    manifest.build_manifest(ctx, site)
    times[MANIFEST] = time.perf_counter() - start - times[WALK] - times[HASH]
    return dict(times)


def run(n: int, repeat: int, work: Path) -> tuple[list[dict[str, float]], float]:
    from generate_record import generate

    project = generate(work / "record", n)
    site = work / "site"
    env = {**os.environ, **CHILD_ENV}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    build_s = time.perf_counter() - start
    passes = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "_pass", str(project), str(site)],
                             env=env, check=True, capture_output=True, text=True)
        passes.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return passes, build_s


def table(passes: list[dict[str, float]]) -> str:
    labels = [CHECK, VIEWS, COMPILE, MARKDOWN, SVG, LINKS, RENDER, OTHER_PAGES, *FILES.values(), WALK, HASH, MANIFEST]
    labels += sorted({k for p in passes for k in p} - set(labels))
    best = {label: min(p.get(label, 0.0) for p in passes) for label in labels}
    total = sum(best.values())
    rows = ["| the plugin's work | seconds | share of the plugin's time |", "|---|---|---|"]
    rows += [f"| {label} | {best[label]:.3f} | {best[label] / total:.0%} |" for label in labels]
    rows.append(f"| **total** | **{total:.3f}** | 100% |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_pass":
        print(json.dumps(one_pass(Path(argv[1]), Path(argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description="Where the plugin's own time goes, item by item.")
    parser.add_argument("--releases", "-n", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="passes, each in a fresh process; the fastest of each item is kept")
    parser.add_argument("--work", type=Path, help="folder for the record and the site (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="sec-release-breakdown-"))
    passes, build_s = run(args.releases, args.repeat, work)
    print(f"N = {args.releases}; fastest of {args.repeat} passes, item by item; one `mkdocs build` of the record "
          f"took {build_s:.1f} s (process wall time); load average {os.getloadavg()[0]:.2f}")
    print()
    print(table(passes))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
