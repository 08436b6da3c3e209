"""The exit codes of every ``sec-release`` command, in one place.

0: nothing is wrong or missing; 1: something is (problems in the record, a
failed build, nothing exported); 2: the command was used wrongly (a bad
argument, a mkdocs.yml or option that cannot be used, a baseline that cannot
be read).
"""

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
