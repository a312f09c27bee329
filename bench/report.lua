-- Shared by the other scripts (loaded with dofile()): numbered threads with their own random
-- sequences, and the summary printer, one machine-readable line per wrk run, which prints
--   RESULT requests=<n> duration_s=<s> rps=<r> p50_ms=<ms> p99_ms=<ms> errors=<n> non2xx=<n>
function report(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.timeout
   io.write(string.format(
      "RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, errors, e.status))
end

-- Reads one value per line (ids, id pairs, query strings) from a file.
function read_lines(path)
   local lines = {}
   local f = assert(io.open(path, "r"), "cannot open " .. path)
   for line in f:lines() do
      if line ~= "" then lines[#lines + 1] = line end
   end
   f:close()
   assert(#lines > 0, path .. " is empty")
   return lines
end

-- wrk calls setup() once per thread: each gets a number, so that seed_random() gives each thread
-- its own sequence (seeded by time and thread number times a prime of the script's choosing).
local thread_counter = 0

function setup(thread)
   thread_counter = thread_counter + 1
   thread:set("thread_id", thread_counter)
end

function seed_random(prime)
   math.randomseed(os.time() * 1000 + (thread_id or 0) * prime)
end
