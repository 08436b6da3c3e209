"""`pip install .` (not only editable) gives a working plugin: templates, theme and entry points inside."""

import subprocess
import sys
import zipfile

from tests.conftest import REPO


def test_the_wheel_carries_everything_a_plain_install_needs(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    [wheel] = tmp_path.glob("sec_release-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("sec_release/templates/release.md.j2", "sec_release/theme/sec_release/main.html", "sec_release/core/evaluate.py",
                   "sec_release/theme/assets/javascripts/sec-release.js", "sec_release/templates/party.md.j2"):
        assert needed in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "sec-release = sec_release.cli:main" in text
    assert "sec-release = sec_release.mkdocs_plugin:SecReleasePlugin" in text
