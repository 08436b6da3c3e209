"""Benchmarks at N = 10, 100 and 300 releases (ten modifications each): print a table.

For each N this script generates a record (``generate_record.py``) and measures:

* ``sec-release validate`` wall time (the command, start to exit; best of 3);
* a full ``mkdocs build`` of the record with the plugin, and beside it two
  plain MkDocs + Material builds (no plugin, no overrides, the same nav, theme
  settings and Markdown extensions, ``search``), measured in the same rounds:
  - **the same visible text** (what users pay for the plugin): every page with
    anything generated in it becomes the text of its ``<article>`` in the
    plugin's build as plain Markdown (headings stay headings, every other block
    a paragraph); a page that is only hand-written keeps its own Markdown;
  - the plugin's Markdown: each page as the plugin handed it to Python-Markdown
    (generated HTML inside Markdown included), which hides what that costs;
* ``mkdocs serve`` started as ``python3 tasks.py serve`` starts it (on a free
  port): the first build, then the title of the newest release edited in its
  YAML file, timed until the served release page shows it (each wait bounded;
  the file is restored and the server stopped at the end);
* the plugin's own time: every ``on_*`` handler of ``SecReleasePlugin`` is
  wrapped with a timer in the build process, as a share of the build;
* page and site sizes, peak memory (max RSS) of each build and of validate,
  and the load average (1 min) before, during and after.

Every build runs in its own subprocess, so that memory is measured per build
and nothing is cached between them. Timings are wall-clock; on a shared
machine run with ``--repeat 3`` (the best of the runs is kept, and the ratio
of each round, one plugin build and its plain builds back to back, is shown).

    .venv/bin/python benchmarks/run_benchmarks.py [--sizes 10 100 300] [--repeat 1] [--serve-edits 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))  # tasks.py: the serve command's options

AS_OF = "2026-11-26"
TARGETS = {"validate_s": 0.6, "ratio": 1.25, "text_ratio": 1.25, "serve_edit_s": 3.0, "plugin_share": 0.05,
           "page_growth": 0.10, "peak_mb": 1024}
CHILD_ENV = {"SEC_RELEASE_AS_OF": AS_OF, "SEC_RELEASE_PREVIEW": "0", "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
META_KEPT = ("title", "hide", "search", "description", "status", "icon")  # front matter a plain build understands


# ---------------------------------------------------------------------------
# child processes: one build each


def _child_build(mode: str, config_file: str, site_dir: str, out_json: str, plain_dir: str | None) -> None:
    """Runs in a subprocess: build once, write the figures (and, for the plugin build, a plain twin)."""
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    timings: dict[str, float] = {}
    parts: dict[str, float] = {}  # inside the handlers: the core's check, each page and file provider
    captured: dict[str, tuple[dict, str]] = {}
    nav_holder: list = []
    if mode == "plugin":
        from sec_release.mkdocs_plugin import SecReleasePlugin

        def timed(name, method):
            @functools.wraps(method)  # keeps mkdocs_priority set by @event_priority
            def wrapper(self, *args, **kwargs):
                start = time.perf_counter()
                try:
                    result = method(self, *args, **kwargs)
                finally:
                    timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
                if name == "on_page_markdown" and plain_dir:
                    page = args[1] if len(args) > 1 else kwargs["page"]
                    has_generated_part = bool(page.file.generated_by) or page.file.src_uri in self.generated
                    markdown = result if result is not None else args[0]
                    aside = getattr(self, "set_aside", {}).get(page.file.src_uri)  # HTML kept out of Python-Markdown
                    for index, block in enumerate(aside.blocks if aside is not None else []):
                        markdown = markdown.replace(aside.placeholder(index), block, 1)  # the Markdown with its HTML
                    captured[page.file.src_uri] = (dict(page.meta), markdown, page.file.dest_uri, has_generated_part)
                if name == "on_nav" and plain_dir:
                    nav_holder.append(result if result is not None else args[0])
                return result

            return wrapper

        for name in [n for n in dir(SecReleasePlugin) if n.startswith("on_")]:
            setattr(SecReleasePlugin, name, timed(name, getattr(SecReleasePlugin, name)))
        _time_parts(parts)

    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir, strict=False)
    build(config)
    seconds = time.perf_counter() - start
    Path(out_json).write_text(json.dumps({"build_s": seconds, "handlers": timings, "parts": parts}), encoding="utf-8")

    if mode == "plugin" and plain_dir:
        nav = nav_holder[-1] if nav_holder else None
        markdown_pages = {src: (meta, markdown) for src, (meta, markdown, _, _) in captured.items()}
        _write_plain_twin(Path(config_file), Path(plain_dir) / "markdown", markdown_pages, nav)
        _write_plain_twin(Path(config_file), Path(plain_dir) / "text", _visible_text_pages(Path(site_dir), captured), nav)


def _time_parts(parts: dict[str, float]) -> None:
    """Time what the handlers call: the core's load + validate, every page and file provider, the manifest.
    Only what exists is wrapped, so the benchmark runs whatever page kinds the site has so far."""
    import sec_release.mkdocs_plugin as adapter
    import sec_release.publish as publish

    from timing import timer  # benchmarks/timing.py, beside this script

    timed = timer(parts)

    if hasattr(adapter, "check_project"):
        adapter.check_project = timed("core: load + validate (check_project)", adapter.check_project)
    try:  # the adapter checks through a cache of the checked record
        import sec_release.core.check_cache as check_cache
    except ImportError:
        check_cache = None
    if check_cache is not None:
        check_cache.check_project = timed("core: load + validate (check_project)", check_cache.check_project)
    for attribute, kind in (("PAGE_PROVIDERS", "pages"), ("FILE_PROVIDERS", "files")):
        providers = getattr(publish, attribute, None)
        if isinstance(providers, list):
            providers[:] = [timed(f"{kind}: {getattr(f, '__name__', f)}", f) for f in providers]
    if hasattr(adapter, "write_manifest"):
        adapter.write_manifest = timed("files: write_manifest", adapter.write_manifest)


def _nav_config(items) -> list:
    from mkdocs.structure.nav import Link, Section
    from mkdocs.structure.pages import Page

    out: list = []
    for item in items:
        if isinstance(item, Page):
            out.append({item.title or item.file.src_uri: item.file.src_uri} if item.title else item.file.src_uri)
        elif isinstance(item, Section):
            out.append({item.title: _nav_config(item.children)})
        elif isinstance(item, Link):
            out.append({item.title: item.url})
    return out


class _ArticleText(HTMLParser):
    """The visible text of a page's ``<article>`` as plain Markdown: headings stay headings (so the
    plain build has the same table of contents and search sections), every other block of text
    becomes a paragraph; no links, lists, tables, code or raw HTML."""

    BLOCKS = {"p", "li", "td", "th", "dt", "dd", "caption", "figcaption", "pre", "blockquote", "summary",
              "div", "section", "tr", "table", "ul", "ol", "dl", "figure", "details", "br", "hr", "svg"}
    SKIPPED = {"script", "style", "template", "title", "desc"}  # not shown (svg <title>/<desc> are alternatives)
    SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]#|>!{}"} | {"&": "&amp;", "<": "&lt;"})
    LIST_START = re.compile(r"^(\d+)\.|^([-+])")  # text that would start a list

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0
        self.heading = 0
        self.text: list[str] = []
        self.blocks: list[str] = []

    def flush(self) -> None:
        words = " ".join("".join(self.text).split())
        self.text = []
        if words:
            words = self.LIST_START.sub(lambda m: f"{m[1]}\\." if m[1] else f"\\{m[2]}", words.translate(self.SPECIAL))
            self.blocks.append(("#" * self.heading + " " + words) if self.heading else words)

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
            return
        if not self.depth:
            return
        if tag in self.SKIPPED or (tag == "a" and "headerlink" in (dict(attrs).get("class") or "")):
            self.skip += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.flush()
            self.heading = int(tag[1])
        elif tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "article":
            self.flush()
            self.depth -= 1
            return
        if not self.depth:
            return
        if self.skip and (tag in self.SKIPPED or tag == "a"):
            self.skip -= 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.flush()
            self.heading = 0
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def article_markdown(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.blocks) + "\n"


def _visible_text_pages(site: Path, captured: dict) -> dict:
    """The baseline of issue 14: a page with anything generated in it becomes the visible text of its
    ``<article>`` in the plugin's build, as plain Markdown; a page that is only hand-written keeps its
    own Markdown (as the plugin hands it to Python-Markdown), which a plain site would have too."""
    pages = {}
    for src_uri, (meta, markdown, dest_uri, has_generated_part) in captured.items():
        if has_generated_part:
            markdown = article_markdown((site / dest_uri).read_text(encoding="utf-8"))
        pages[src_uri] = (meta, markdown)
    return pages


def _write_plain_twin(config_file: Path, plain: Path, captured: dict, nav) -> None:
    """A plain MkDocs + Material project with the same pages (as Markdown) and the same nav."""
    import yaml

    class Tolerant(yaml.SafeLoader):
        """Reads mkdocs.yml, whose !!python/name tags are registered below."""

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    settings = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Tolerant)
    theme = dict(settings.get("theme") or {"name": "material"})
    theme.pop("custom_dir", None)
    plain_settings = {
        "site_name": settings.get("site_name", "Plain"),
        "site_url": settings.get("site_url"),
        "docs_dir": "docs",
        "theme": theme,
        "markdown_extensions": settings.get("markdown_extensions") or [],
        "plugins": ["search"],
        "validation": {"omitted_files": "info", "absolute_links": "info", "unrecognized_links": "info", "anchors": "info",
                       "nav": {"omitted_files": "info", "not_found": "info", "absolute_links": "info"}},
    }
    if nav is not None:
        plain_settings["nav"] = _nav_config(nav.items)
    if plain.exists():
        shutil.rmtree(plain)
    docs = plain / "docs"
    for src_uri, (meta, markdown) in captured.items():
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        kept = {k: v for k, v in meta.items() if k in META_KEPT}
        head = "---\n" + yaml.safe_dump(kept, allow_unicode=True) + "---\n\n" if kept else ""
        target.write_text(head + markdown, encoding="utf-8")
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_settings, sort_keys=False, allow_unicode=True), encoding="utf-8")


# ---------------------------------------------------------------------------
# the parent: run children, measure them


LAST_CPU_S = [0.0]


def run_measured(args: list[str], cwd: Path | None = None) -> tuple[float, int, int, str]:
    """(wall seconds, peak RSS in bytes, exit code, stderr tail) of one child process; its CPU seconds
    (user + system, from ``wait4``) in ``LAST_CPU_S``: on a loaded machine they move far less than wall time."""
    env = {**os.environ, **CHILD_ENV}
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        LAST_CPU_S[0] = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
    return seconds, usage.ru_maxrss * 1024, proc.returncode, tail


def child(mode: str, config_file: Path, site_dir: Path, plain_dir: Path | None = None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out_json = Path(handle.name)
    try:
        args = [sys.executable, str(Path(__file__).resolve()), "_child", mode, str(config_file), str(site_dir), str(out_json)]
        if plain_dir is not None:
            args.append(str(plain_dir))
        wall, rss, code, tail = run_measured(args)
        if code != 0:
            raise SystemExit(f"{mode} build of {config_file} failed (exit {code}):\n{tail}")
        figures = json.loads(out_json.read_text(encoding="utf-8"))
    finally:
        out_json.unlink(missing_ok=True)
    figures.update(process_s=wall, peak_bytes=rss, cpu_s=LAST_CPU_S[0])
    return figures


def site_figures(site: Path, release_ids: list[str]) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]

    def page_size(rid: str) -> int | None:
        page = site / "releases" / rid / "index.html"
        return page.stat().st_size if page.is_file() else None

    return {
        "pages": len(pages),
        "site_bytes": sum(p.stat().st_size for p in files),
        "html_bytes": sum(p.stat().st_size for p in pages),
        "oldest_release_page": page_size(release_ids[0]),
        "newest_release_page": page_size(release_ids[-1]),
    }


def measure(n: int, work: Path, repeat: int, serve_edits: int) -> dict:
    from generate_record import first_year, generate, release_id

    project = generate(work / f"n{n}" / "record", n)
    plain = work / f"n{n}" / "plain"
    ids = [release_id(i, first_year(n))[0] for i in range(n)]
    load = [os.getloadavg()[0]]

    validate = []
    for _ in range(3):
        wall, rss, code, tail = run_measured([sys.executable, "-m", "sec_release.cli", "validate", str(project), "--as-of", AS_OF])
        if code != 0:
            raise SystemExit(f"validate failed on the generated record (exit {code}):\n{tail}")
        validate.append((wall, rss, LAST_CPU_S[0]))

    plugin_runs, markdown_runs, text_runs, ratios, cpu_ratios = [], [], [], [], []
    for attempt in range(repeat):  # alternate, so that all three see the same machine load
        plugin_runs.append(child("plugin", project / "mkdocs.yml", work / f"n{n}" / "site", plain if attempt == 0 else None))
        markdown_runs.append(child("plain", plain / "markdown" / "mkdocs.yml", work / f"n{n}" / "plain-markdown-site"))
        text_runs.append(child("plain", plain / "text" / "mkdocs.yml", work / f"n{n}" / "plain-text-site"))
        ratios.append(plugin_runs[-1]["build_s"] / text_runs[-1]["build_s"])
        cpu_ratios.append(plugin_runs[-1]["cpu_s"] / text_runs[-1]["cpu_s"])
        load.append(os.getloadavg()[0])
    # The oldest release is on its own pages and the lists; the newest is also named in the nav of every page.
    serve = serve_edit_latency(project, [ids[0], ids[-1]], serve_edits)
    load.append(os.getloadavg()[0])
    plugin = min(plugin_runs, key=lambda f: f["build_s"])
    markdown_build = min(markdown_runs, key=lambda f: f["build_s"])
    text_build = min(text_runs, key=lambda f: f["build_s"])
    plugin_s = sum(plugin["handlers"].values())
    return {
        "n": n,
        "modifications": n * 10,
        "validate_s": min(w for w, _, _ in validate),
        "validate_cpu_s": min(c for _, _, c in validate),
        "validate_peak_bytes": max(r for _, r, _ in validate),
        "build_s": plugin["build_s"],
        "plain_build_s": markdown_build["build_s"],
        "ratio": plugin["build_s"] / markdown_build["build_s"],
        "text_build_s": text_build["build_s"],
        "text_ratio": plugin["build_s"] / text_build["build_s"],
        "text_ratios_in_one_round": ratios,
        "cpu_s": min(f["cpu_s"] for f in plugin_runs),
        "text_cpu_s": min(f["cpu_s"] for f in text_runs),
        "markdown_cpu_s": min(f["cpu_s"] for f in markdown_runs),
        "cpu_ratios_in_one_round": cpu_ratios,
        "plugin_s": plugin_s,
        "plugin_share": plugin_s / plugin["build_s"],
        "handlers": plugin["handlers"],
        "parts": plugin.get("parts", {}),
        "build_peak_bytes": max(f["peak_bytes"] for f in plugin_runs),
        "plain_peak_bytes": max(f["peak_bytes"] for f in markdown_runs),
        "text_peak_bytes": max(f["peak_bytes"] for f in text_runs),
        "serve": serve,
        "load": load,
        "site": site_figures(work / f"n{n}" / "site", ids),
        "plain_site": site_figures(work / f"n{n}" / "plain-markdown-site", ids),
        "text_site": site_figures(work / f"n{n}" / "plain-text-site", ids),
        "oldest_id": ids[0],
        "newest_id": ids[-1],
    }


# ---------------------------------------------------------------------------
# `mkdocs serve`: an edit in the record, until the browser would see it

SERVE_START_LIMIT_S = 900  # the first build of N = 300 on a loaded machine; the loop stops by itself after this
SERVE_EDIT_LIMIT_S = 300


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError):
        return None  # not up yet, or rebuilding


def _wait_for(url: str, done, limit_s: float) -> tuple[float, str | None]:
    """Poll ``url`` every 50 ms until ``done(html)``; (seconds waited, html), html None when the limit passed."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit_s:
        html = _fetch(url)
        if html is not None and done(html):
            return time.perf_counter() - start, html
        time.sleep(0.05)
    return time.perf_counter() - start, None


def serve_edit_latency(project: Path, releases: list[str], edits: int, options: list[str] | None = None) -> dict:
    """Start `mkdocs serve` as ``python3 tasks.py serve`` does (on a free port), edit the title of each
    release in its YAML file ``edits`` times, and time each edit until the served release page shows
    the new title. The files are restored and the server stopped at the end, whatever happens."""
    import tasks  # the repository's tasks.py: the serve command's options

    port = _free_port()
    originals = {rid: (project / "data" / "releases" / f"{rid}.yaml").read_text(encoding="utf-8") for rid in releases}
    options = getattr(tasks, "SERVE_OPTIONS", []) if options is None else options  # [] before issue 14
    args = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *options]
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(args, cwd=project, env={**os.environ, **CHILD_ENV}, stdin=subprocess.DEVNULL,
                              stdout=log, stderr=subprocess.STDOUT)
    figures: dict = {"options": options, "releases": releases, "edits_s": {rid: [] for rid in releases}}
    try:
        url = f"http://127.0.0.1:{port}/releases/{releases[0]}/"
        figures["first_build_s"], html = _wait_for(url, lambda html: "<article" in html, SERVE_START_LIMIT_S)
        if html is None:
            raise SystemExit(f"mkdocs serve did not serve {url} within {SERVE_START_LIMIT_S} s")
        time.sleep(2)  # let the watcher take its first look at the files
        for rid in releases:
            url = f"http://127.0.0.1:{port}/releases/{rid}/"
            source = project / "data" / "releases" / f"{rid}.yaml"
            title_line = next(line for line in originals[rid].splitlines() if line.startswith("title: "))
            for edit in range(1, edits + 1):
                marker = f"edited {edit} for the benchmark"
                source.write_text(originals[rid].replace(title_line, f"{title_line.rstrip()} ({marker})", 1), encoding="utf-8")
                seconds, html = _wait_for(url, lambda html, marker=marker: marker in html, SERVE_EDIT_LIMIT_S)
                if html is None:
                    raise SystemExit(f"the edit did not reach {url} within {SERVE_EDIT_LIMIT_S} s")
                figures["edits_s"][rid].append(seconds)
                time.sleep(1)
    finally:
        for rid, text in originals.items():
            (project / "data" / "releases" / f"{rid}.yaml").write_text(text, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return figures


# ---------------------------------------------------------------------------
# the report


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass  # no /proc/cpuinfo: the model stays unknown
    try:
        import mkdocs
        import material

        versions = f"MkDocs {mkdocs.__version__}, Material {getattr(material, '__version__', '?')}"
    except Exception:  # noqa: BLE001 - only for the report
        versions = ""
    return {"nproc": os.cpu_count(), "cpu": model or platform.processor(), "python": platform.python_version(),
            "platform": platform.platform(), "versions": versions, "load": os.getloadavg()}


def _mb(value: int | None) -> str:
    return "–" if value is None else f"{value / 2**20:.1f} MB"


def _kb(value: int | None) -> str:
    return "–" if value is None else f"{value / 1024:.1f} kB"


def table(results: list[dict]) -> str:
    first, last = results[0], results[-1]
    growth = None
    if first["site"]["oldest_release_page"] and last["site"]["oldest_release_page"]:
        growth = last["site"]["oldest_release_page"] / first["site"]["oldest_release_page"] - 1
    header = "| | " + " | ".join(f"N = {r['n']}" for r in results) + f" | target at N = {last['n']} | met |"
    rows = [header, "|---" * (len(results) + 3) + "|"]

    def row(label, cells, target="", met=""):
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {target} | {met} |")

    def ok(flag):
        return "" if flag is None else ("yes" if flag else "**no**")

    row("releases / modifications", [f"{r['n']} / {r['modifications']}" for r in results])
    row("pages built (HTML files)", [str(r["site"]["pages"]) for r in results])
    row("load average (1 min) before, during, after", ["–".join(f"{x:.1f}" for x in (r["load"][0], max(r["load"]), r["load"][-1])) for r in results])
    row("`sec-release validate`", [f"{r['validate_s']:.2f} s" for r in results], "≤ 0.6 s", ok(last["validate_s"] <= TARGETS["validate_s"]))
    row("`sec-release validate`: CPU time", [f"{r['validate_cpu_s']:.2f} s" for r in results])
    row("`mkdocs build` with the plugin", [f"{r['build_s']:.1f} s" for r in results])
    row("plain MkDocs + Material build of the same visible text, same nav", [f"{r['text_build_s']:.1f} s" for r in results])
    row("**ratio** (plugin / plain, same visible text)", [f"**{r['text_ratio']:.2f}×**" for r in results], "≤ 1.25×", ok(last["text_ratio"] <= TARGETS["text_ratio"]))
    row("ratio in each round (one plugin build, then its plain builds)", [", ".join(f"{x:.2f}×" for x in r["text_ratios_in_one_round"]) for r in results])
    row("CPU time (user + system) of the build with the plugin / plain, same visible text",
        [f"{r['cpu_s']:.1f} / {r['text_cpu_s']:.1f} s" for r in results])
    row("**CPU ratio** (plugin / plain, same visible text), each round", [", ".join(f"**{x:.2f}×**" for x in r["cpu_ratios_in_one_round"]) for r in results],
        "≤ 1.25×", ok(min(last["cpu_ratios_in_one_round"]) <= TARGETS["text_ratio"]))
    row("plain build of the plugin's Markdown, same nav", [f"{r['plain_build_s']:.1f} s" for r in results])
    row("ratio (plugin / plain, the plugin's Markdown)", [f"{r['ratio']:.2f}×" for r in results])
    row("`mkdocs serve`: first build until the page is served", [f"{r['serve']['first_build_s']:.1f} s" for r in results])
    for which, label in ((0, "oldest release (not in the nav)"), (-1, "newest release (in the nav of every page)")):
        cells = []
        for r in results:
            seconds = r["serve"]["edits_s"][r["serve"]["releases"][which]]
            cells.append(f"**{min(seconds):.1f} s** ({', '.join(f'{x:.1f}' for x in seconds)})")
        best = min(last["serve"]["edits_s"][last["serve"]["releases"][which]])
        row(f"**`mkdocs serve`: title of the {label} edited → new page served**", cells, "≤ 3 s", ok(best <= TARGETS["serve_edit_s"]))
    row("plugin's own time (all handlers)", [f"{r['plugin_s']:.2f} s ({r['plugin_share']:.1%})" for r in results])
    row("per page: build with the plugin / plain (same text)",
        [f"{r['build_s'] / r['site']['pages'] * 1000:.1f} / {r['text_build_s'] / r['site']['pages'] * 1000:.1f} ms" for r in results])
    row("oldest release page (the same page at every N)", [_kb(r["site"]["oldest_release_page"]) for r in results],
        "within 10 % of N = 10", ok(None if growth is None else abs(growth) <= TARGETS["page_growth"]))
    row("newest release page", [f"{_kb(r['site']['newest_release_page'])} ({r['newest_id']})" for r in results])
    row("whole site (all files)", [_mb(r["site"]["site_bytes"]) for r in results])
    row("plain site, same visible text (all files)", [_mb(r["text_site"]["site_bytes"]) for r in results])
    row("peak memory: build with the plugin", [_mb(r["build_peak_bytes"]) for r in results], "≤ 1 GB", ok(last["build_peak_bytes"] <= TARGETS["peak_mb"] * 2**20))
    row("peak memory: plain build (same visible text)", [_mb(r["text_peak_bytes"]) for r in results])
    row("peak memory: validate", [_mb(r["validate_peak_bytes"]) for r in results])
    text = "\n".join(rows)
    if growth is not None:
        text += f"\n\nOldest release page: {growth:+.1%} from N = {first['n']} to N = {last['n']}."
    return text


def handler_table(results: list[dict]) -> str:
    rows = ["| plugin time | " + " | ".join(f"N = {r['n']}" for r in results) + " |", "|---" * (len(results) + 1) + "|"]
    for key, prefix in (("handlers", "handler "), ("parts", "")):
        names = sorted({name for r in results for name in r.get(key, {})})
        for name in names:
            label = f"{prefix}`{name}`" if prefix else name
            cells = [f"{r.get(key, {}).get(name, 0):.3f} s ({r.get(key, {}).get(name, 0) / r['build_s']:.1%})" for r in results]
            rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        _child_build(*argv[1:5], *(argv[5:6] or [None]))
        return 0
    parser = argparse.ArgumentParser(description="Benchmarks of validate and build at N releases.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300])
    parser.add_argument("--serve-edits", type=int, default=3, help="edits timed under mkdocs serve per size")
    parser.add_argument("--repeat", type=int, default=1, help="builds per size; the fastest is kept")
    parser.add_argument("--work", type=Path, help="folder for the generated records and sites (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="sec-release-bench-"))
    results = []
    for n in args.sizes:
        print(f"N = {n}: generating, validating, building, serving ...", file=sys.stderr, flush=True)
        results.append(measure(n, work, args.repeat, args.serve_edits))
    info = machine()
    print(f"Machine: {info['nproc']} CPUs, {info['cpu']}; Python {info['python']}; {info['versions']}; "
          f"load average at the end {info['load'][0]:.2f}")
    print(f"Command: .venv/bin/python benchmarks/run_benchmarks.py {' '.join(argv)}".rstrip())
    print()
    print(table(results))
    print()
    print("Plugin time by handler, and what the handlers spend it on (share of the build with the plugin):")
    print()
    print(handler_table(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=2), encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
