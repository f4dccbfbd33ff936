-- Cycles every intervention through assign -> reassign -> return, each request a committed
-- action. Thread t takes the ids t+1, t+1+T, ...; an id comes round again only after every other
-- id of its thread, so no two requests in flight touch the same intervention.
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
  per = math.floor(total / nthreads)
  k = 0
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
  local idx = k % per
  local round = math.floor(k / per) % 3
  k = k + 1
  local id = "iv_" .. (idx * nthreads + tid + 1)
  if round == 0 then
    return wrk.format("POST", "/v1/interventions/" .. id .. "/assign", headers, '{"agent":"' .. agent_a .. '"}')
  elseif round == 1 then
    return wrk.format("POST", "/v1/interventions/" .. id .. "/reassign", headers, '{"agent":"' .. agent_b .. '"}')
  else
    return wrk.format("POST", "/v1/interventions/" .. id .. "/return", headers, '{}')
  end
end
