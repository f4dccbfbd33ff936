-- Cycles interventions through assign -> reassign -> return, each request a committed action.
-- Arguments: token, count, threads, agent a, agent b, first id, keyed (1: an Idempotency-Key on
-- every request, as livectl sends). Thread t takes the ids first+t, first+t+T, ... of the
-- `count` ids from `first`; an id comes round again only after every other id of its thread, so
-- no two requests in flight touch the same intervention. wrk calls request() once to check it
-- before the run, so the first id of thread 0 is one step behind: its reassign and return of
-- the first cycle are refused (409), the 2 non-2xx answers of each run, which are not counted.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  token = args[1]
  total = tonumber(args[2])
  nthreads = tonumber(args[3])
  agent_a = args[4]
  agent_b = args[5]
  first = tonumber(args[6] or "1")
  keyed = args[7] == "1"
  per = math.floor(total / nthreads)
  k = 0
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
  local idx = k % per
  local round = math.floor(k / per) % 3
  k = k + 1
  if keyed then
    headers["Idempotency-Key"] = "bench-" .. first .. "-" .. tid .. "-" .. k
  end
  local id = "iv_" .. (first + idx * nthreads + tid)
  if round == 0 then
    return wrk.format("POST", "/v1/interventions/" .. id .. "/assign", headers, '{"agent":"' .. agent_a .. '"}')
  elseif round == 1 then
    return wrk.format("POST", "/v1/interventions/" .. id .. "/reassign", headers, '{"agent":"' .. agent_b .. '"}')
  else
    return wrk.format("POST", "/v1/interventions/" .. id .. "/return", headers, '{}')
  end
end
