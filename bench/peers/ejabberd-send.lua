-- wrk: ejabberd's HTTP API send_message (mod_admin_extra) from one sender to a random online
-- recipient r1..rN of bench.local; N from the environment (PEER_RECIPIENTS).
local n = tonumber(os.getenv("PEER_RECIPIENTS") or "50")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format(
    '{"type":"chat","from":"sender@bench.local","to":"r%d@bench.local","subject":"","body":"peer message %d"}',
    math.random(1, n), counter)
  return wrk.format(nil, "/api/send_message", nil, body)
end
