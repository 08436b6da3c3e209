"""Publishing the public record of SEC Releases and their check against the Smart Energy Code.

The package has three layers:

* ``sec_release.core`` - the record, the rulebook and its evaluation. Plain
  Python with no MkDocs imports, so any engine (or none) can drive it.
* ``sec_release.cli`` - the ``sec-release`` command.
* ``sec_release.mkdocs_plugin`` - the thin adapter that MkDocs loads.
"""

__version__ = "0.1.0"
