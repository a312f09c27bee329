-- GET one of the paths listed (one per line) in $BENCH_PATHS, chosen at random per request.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local paths

function init(args)
   seed_random(104729)
   paths = read_lines(os.getenv("BENCH_PATHS"))
end

function request()
   return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
   report(summary, latency, requests)
end
