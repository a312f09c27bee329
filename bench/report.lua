-- Shared summary printer: one machine-readable line per wrk run.
-- Loaded by the other scripts with dofile(); prints
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
