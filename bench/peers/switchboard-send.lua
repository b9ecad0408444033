-- wrk: Switchboard's Allmine send (POST /api/v2/messages) from one sender into a random one of its
-- direct chats with the online recipients; chat ids one a line in PEER_CHATS, token in PEER_TOKEN.
local chats = {}
for line in io.lines(os.getenv("PEER_CHATS")) do chats[#chats + 1] = line end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PEER_TOKEN")
request = function()
  counter = counter + 1
  local body = string.format('{"type":"text","chatId":"%s","content":"peer message %d"}',
    chats[math.random(1, #chats)], counter)
  return wrk.format(nil, "/api/v2/messages", nil, body)
end
