-- wrk script: one Purchase per request, as TikTok's Events API 2.0 receives it, with a unique event_id.
-- TOKEN and PIXEL come from the environment (benchmarks/run.sh and benchmarks/cluster.sh set them).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Access-Token"] = os.getenv("TOKEN")
local pixel = os.getenv("PIXEL")
local n = 0
-- A prefix of its own for every run and Lua state: math.random without a seed returns the same
-- number in every wrk process, so each run used to resend the event_ids of the one before it
-- (dedup dropped them all) and two wrk processes at once sent each other's.
local urandom = io.open("/dev/urandom", "rb")
local prefix = urandom:read(6):gsub(".", function(c) return string.format("%02x", c:byte()) end)
urandom:close()
request = function()
  n = n + 1
  local body = '{"event_source":"web","event_source_id":"' .. pixel .. '","data":[{"event":"Purchase","event_time":' .. os.time() ..
    ',"event_id":"w' .. prefix .. '-' .. n .. '","user":{"email":"848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f","ttp":"ttp-' .. n ..
    '","ip":"203.0.113.7","user_agent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/156"},"page":{"url":"https://shop.example.com/thanks?ttclid=E.C.P.' .. n ..
    '"},"properties":{"currency":"BRL","value":59.9,"contents":[{"content_id":"sku-1","price":59.9,"quantity":1}]}}]}'
  return wrk.format(nil, "/open_api/v1.3/event/track/", nil, body)
end
