"""Process settings for serving requests (called by lotse/wsgi.py)."""

import gc

GC_THRESHOLDS = (50_000, 20, 100)


def tune_garbage_collector() -> None:
    """Keep everything loaded so far out of the garbage collector's passes, and collect
    less often: a request allocates tens of thousands of short-lived objects, and the
    default thresholds stalled requests now and then for up to ~100 ms (calendar feed,
    5,000 events: p95 118 ms -> 52 ms). Call it once the application is loaded."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
