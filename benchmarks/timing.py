"""One wrapper the benchmark scripts use to add up the time spent in a function."""

from __future__ import annotations

import functools
import time
from typing import Callable, MutableMapping


def timer(totals: MutableMapping[str, float]) -> Callable:
    """``timed = timer(totals)``; ``f = timed("label", f)`` adds each call's wall time to ``totals["label"]``."""

    def timed(label: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - start

        return wrapper

    return timed
