"""Time-stamped progress lines, shared by the fault drill's modules."""

import time


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)
