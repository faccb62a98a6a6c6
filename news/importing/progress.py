"""A one-line progress bar on stderr for long imports, with no dependency.

Shown only where someone watches it (a terminal, or when asked with --progress) and only for
more than one file; messages printed meanwhile go through `write`, which clears the bar first
so the lines do not mix.
"""

import time

WIDTH = 30


class Progress:
    def __init__(self, stream, total, enabled):
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 1
        self.done = 0
        self.started = time.monotonic()

    def _clear(self):
        if self.enabled:
            self.stream.write("\r\033[K")

    def _draw(self):
        if not self.enabled:
            return
        filled = WIDTH * self.done // self.total
        elapsed = time.monotonic() - self.started
        bar = "#" * filled + "-" * (WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} tệp, {elapsed:.0f} giây")
        self.stream.flush()

    def write(self, stream, line):
        """Print `line` on `stream` above the bar."""
        self._clear()
        stream.write(line if line.endswith("\n") else line + "\n")
        stream.flush()
        self._draw()

    def advance(self):
        self.done += 1
        self._draw()

    def finish(self):
        """Leave the full bar on its own line."""
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
