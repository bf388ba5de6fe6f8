-- wrk script for bench/api_load.py: rotates the request paths listed in a file (one a line)
-- and prints one machine-readable summary line. Usage:
--   wrk -t1 -c20 -d30s --latency -s bench/api_load.lua http://127.0.0.1:PORT -- PATHS_FILE
-- Each wrk thread starts at its own offset in the list. A "bad" answer is any status other
-- than 200, counted in the response hook (wrk's own socket errors are added at the end).

local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  local f = assert(io.open(args[1], "r"), "cannot open the paths file")
  for line in f:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  f:close()
  assert(#paths > 0, "the paths file is empty")
  i = offset % #paths
  bad = 0
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, t in ipairs(threads) do non200 = non200 + t:get("bad") end
  local e = summary.errors
  io.write(string.format(
    "EVENTWIRE_WRK requests=%d duration_us=%d non200=%d connect=%d read=%d write=%d " ..
    "timeout=%d status=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
    summary.requests, summary.duration, non200, e.connect, e.read, e.write, e.timeout,
    e.status, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
end
