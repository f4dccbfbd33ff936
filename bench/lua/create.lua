-- POST /v1/conversations with a new key each time: each starts one queued intervention.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  token = args[1]
  n = 0
end

function request()
  n = n + 1
  local key = tid .. "-" .. n
  local body = '{"key":"bench-' .. key .. '","user":{"key":"bench-' .. key ..
    '","name":"Bench User","channel":"web"},"messages":[{"sender":"user","text":"I need a person"}],' ..
    '"intervention":{"summary":"benchmark takeover"}}'
  return wrk.format("POST", "/v1/conversations",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
