-- POST /polls with varied, valid poll documents.
-- Pollsters bench-pollster-01 .. bench-pollster-NN must be registered first (run.sh does it).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local pollster_count = tonumber(os.getenv("BENCH_POLLSTERS") or "20")
-- writes need an API key (run.sh starts the instance with BENCH_API_KEY as its bootstrap key)
local auth = "Bearer " .. (os.getenv("BENCH_API_KEY") or "")
local topics = { "economy", "health", "immigration", "climate", "education", "housing", "security", "trade" }
local populations = { "adults", "registered_voters", "likely_voters", "voters" }
local modes = { "online", "phone", "ivr", "mixed" }
local countries = { "US", "GB", "DE", "FR", "IL", "CA" }
local dimensions = { { "age", { "18-34", "35-54", "55+" } }, { "sex", { "Women", "Men" } },
                     { "region", { "North", "South", "East", "West" } } }

function init(args)
   seed_random(7919)
end

local function pick(list) return list[math.random(#list)] end

local function date(days)
   return os.date("!%Y-%m-%d", 1514764800 + days * 86400) -- days since 2018-01-01
end

local function question(n)
   -- two or three options summing to at most 100
   local a = math.random(200, 600) / 10
   local b = math.random(100, math.floor(990 - a * 10)) / 10
   local options = { { "Approve", a }, { "Disapprove", b } }
   if math.random() < 0.5 then
      local rest = math.floor((100 - a - b) * 10) / 10
      options[3] = { "Not sure", rest }
   end
   local parts = {}
   for i, o in ipairs(options) do
      parts[i] = string.format('{"label":"%s","percentage":%.1f}', o[1], o[2])
   end
   local dim = pick(dimensions)
   local sa = math.random(200, 700) / 10
   local sb = math.random(50, math.floor(990 - sa * 10)) / 10
   local subgroup = string.format(
      '{"dimension":"%s","label":"%s","sampleSize":%d,"percentages":{"Approve":%.1f,"Disapprove":%.1f}}',
      dim[1], pick(dim[2]), math.random(150, 600), sa, sb)
   local t1, t2 = pick(topics), pick(topics)
   local topic_list = t1 == t2 and string.format('["%s"]', t1) or string.format('["%s","%s"]', t1, t2)
   return string.format(
      '{"wording":"Question %d of survey %d: do you approve of the government\'s handling of %s?","topics":%s,"options":[%s],"subgroups":[%s]}',
      n, math.random(1, 1000000), t1, topic_list, table.concat(parts, ","), subgroup)
end

function request()
   local start = math.random(0, 2500)
   local length = math.random(1, 6)
   local questions = {}
   for q = 1, math.random(1, 3) do questions[q] = question(q) end
   local body = string.format(
      '{"pollster":"bench-pollster-%02d","fieldStart":"%s","fieldEnd":"%s","publishedOn":"%s","population":"%s",' ..
      '"country":"%s","mode":"%s","sampleSize":%d,"marginOfError":%.1f,"sourceUrl":"https://example.org/polls/%d",' ..
      '"questions":[%s]}',
      math.random(1, pollster_count), date(start), date(start + length), date(start + length + math.random(0, 3)),
      pick(populations), pick(countries), pick(modes), math.random(400, 3000), math.random(20, 50) / 10,
      math.random(1, 1000000000), table.concat(questions, ","))
   return wrk.format("POST", "/polls", { ["Content-Type"] = "application/json", ["Authorization"] = auth }, body)
end

function done(summary, latency, requests)
   report(summary, latency, requests)
end
