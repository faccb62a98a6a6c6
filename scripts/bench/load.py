"""The load of `make bench`: `wrk` at fixed concurrency, the Lua script that cycles through
many URLs, and the reading of its output."""

import re
import subprocess

# The URLs of the file in turn, each asked once as long as the scenario lasts less than a pass
# (enough of them are listed for that); answers from the page cache are counted and reported, so
# a scenario that came round to its first URLs shows it ("page cache hits").
LUA_CYCLE = """
paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
counter = 0
hits = 0
threads = {}
setup = function(thread) threads[#threads + 1] = thread end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[((counter - 1) %% #paths) + 1])
end
response = function(status, headers, body)
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("hits") end
  io.write(string.format("page cache hits: %%d\\n", total))
end
"""

UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return round(float(match.group(1)) * UNIT[match.group(2)], 2) if match else None

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    hits = re.search(r"page cache hits: (\d+)", output)  # printed by LUA_CYCLE only
    return {
        "rps": round(rps, 1),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "requests": requests,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
        "cache_hits": int(hits.group(1)) if hits else None,
    }


def wrk(url, duration, connections, headers=(), script=None):
    """One scenario: `wrk` on `url` for `duration` seconds at `connections`, read."""
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        cmd += ["-H", header]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    output = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return parse_wrk(output)
