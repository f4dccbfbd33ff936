-- Sends each of N reassignments exactly once (ids split between threads), then stops: the same
-- requests livectl sends in a bulk run, for a side-by-side time.
-- wrk waits out its whole -d duration even after every thread stopped, so each thread notes
-- when it started and when its last answer came, and done() reports that span.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } timeval;
  int gettimeofday(timeval *tv, void *tz);
]]
local function now()
  local tv = ffi.new("timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

local threads = 0
local all = {}
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
  table.insert(all, thread)
end

function init(args)
  token = args[1]
  total = tonumber(args[2])
  nthreads = tonumber(args[3])
  agent = args[4]
  run = args[5]
  -- "nokey": the plain reassign request, without the Idempotency-Key livectl always sends.
  keyed = args[6] ~= "nokey"
  sent = 0
  received = 0
  mine = 0
  for i = tid + 1, total, nthreads do mine = mine + 1 end
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  body = '{"agent":"' .. agent .. '"}'
  started = now()
  finished = 0
  ok = 0
  refused = ""
end

function request()
  local id = tid + 1 + sent * nthreads
  sent = sent + 1
  if id > total then
    -- Nothing left for this connection: a cheap request that acts on nothing.
    return wrk.format("GET", "/healthz")
  end
  -- The same request livectl sends: with an Idempotency-Key of its own (unless "nokey").
  if keyed then
    headers["Idempotency-Key"] = run .. ":reassign:iv_" .. id
  end
  return wrk.format("POST", "/v1/interventions/iv_" .. id .. "/reassign", headers, body)
end

function response(status, headers, body)
  -- The /healthz fillers answer "ok"; every other answer is one of this thread's reassignments.
  if body == "ok" then return end
  received = received + 1
  if status == 200 then
    ok = ok + 1
  else
    refused = refused .. " " .. status .. ":" .. (body or ""):sub(1, 120)
  end
  if received == mine then
    finished = now()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local first, last, answered = math.huge, 0, 0
  for _, t in ipairs(all) do
    first = math.min(first, t:get("started"))
    last = math.max(last, t:get("finished"))
    answered = answered + t:get("ok")
  end
  io.write(string.format("wrk: %d reassigned (200) in %.3f s\n", answered, last - first))
  for _, t in ipairs(all) do
    local r = t:get("refused")
    if r ~= "" then io.write("refused:" .. r .. "\n") end
  end
end
