"""Load for the fault drill: wrk with per-status counts, and probe threads that note which phase
of the drill each answer came in."""

import collections
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


def get(port, path, cookie=None, timeout=10):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError as exc:
        return f"error: {type(exc).__name__}"


WRK_LUA = """
local targets = %s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {}; counter = 0 end
function request()
  counter = counter + 1
  local t = targets[(counter %% #targets) + 1]
  if t[2] ~= "" then return wrk.format("GET", t[1], {["Cookie"] = t[2]}) end
  return wrk.format("GET", t[1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("STATUS %%d %%d\\n", code, n)) end
  local e = summary.errors
  io.write(string.format("ERRORS connect=%%d read=%%d write=%%d timeout=%%d\\n",
    e.connect, e.read, e.write, e.timeout))
end
"""


def wrk_script(targets, directory):
    entries = ", ".join(f'{{"{path}", "{cookie or ""}"}}' for path, cookie in targets)
    path = Path(directory) / "fault.lua"
    path.write_text(WRK_LUA % f"{{{entries}}}")
    return path


def start_wrk(port, script, connections, seconds):
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["--latency", "-s", str(script), f"http://127.0.0.1:{port}/"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def parse_wrk(output):
    statuses, errors, summary = {}, {}, {}
    for line in output.splitlines():
        parts = line.split()
        if line.startswith("STATUS"):
            statuses[int(parts[1])] = int(parts[2])
        elif line.startswith("ERRORS"):
            errors = {k: int(v) for k, v in (part.split("=") for part in parts[1:])}
        elif line.startswith("Requests/sec:"):
            summary["rps"] = float(parts[1])
        elif line.strip().startswith("50%"):
            summary["p50"] = parts[1]
        elif line.strip().startswith("99%"):
            summary["p99"] = parts[1]
    return {"statuses": dict(sorted(statuses.items())), "errors": errors, **summary}


class Prober:
    """A few threads requesting each kind of URL in turn, each answer stamped with the phase it
    was sent in: up, stopping (pg_ctl stop running), down, starting (pg_ctl start running; the
    server accepts connections before the command returns), started, recovered."""

    def __init__(self, port, targets, threads=4):
        self.port, self.targets, self.threads = port, targets, threads
        self.phase = "up"
        self.seen = collections.defaultdict(collections.Counter)
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def run(self, offset):
        n = offset
        while not self.stop.is_set():
            name, path, cookie = self.targets[n % len(self.targets)]
            phase = self.phase
            status = get(self.port, path, cookie, timeout=10)
            with self.lock:
                self.seen[(phase, name)][status] += 1
            n += 1
            time.sleep(0.05)

    def start(self):
        self.workers = [
            threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(self.threads)
        ]
        for worker in self.workers:
            worker.start()

    def finish(self):
        self.stop.set()
        for worker in self.workers:
            worker.join(timeout=15)
