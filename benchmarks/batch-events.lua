-- wrk script: batches of 1,000 Events API 2.0 events (the shape of the Java load generator's
-- Bodies.batch: ~600 bytes an event, hashed email, ttp, ip, user agent, URL with ttclid, contents).
-- 16 bodies are built once and sent in turn, so wrk spends almost no CPU of its own; a response
-- counts only when its envelope says code 0 (anything else is counted in "not ok" at the end).
-- TOKEN and PIXEL come from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Access-Token"] = os.getenv("TOKEN")
local pixel = os.getenv("PIXEL")
local bodies = {}
local per_request = 1000

local function event(name, id, time, i)
  return '{"event":"' .. name .. '","event_time":' .. time .. ',"event_id":"' .. id .. '",' ..
    '"user":{"email":"848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f","ttp":"ttp-' .. (i % 5000) ..
    '","ip":"203.0.113.' .. (i % 250) .. '","user_agent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/156"},' ..
    '"page":{"url":"https://shop.example.com/products/' .. (i % 400) .. '?ttclid=E.C.P.bench' .. i .. '"},' ..
    '"properties":{"currency":"BRL","value":' .. (10 + i % 90) .. '.9,"content_type":"product",' ..
    '"contents":[{"content_id":"sku-' .. (i % 400) .. '","price":' .. (10 + i % 90) .. '.9,"quantity":1}]}}'
end

local prefix = tostring(math.random(1, 1000000000))
local time = os.time()
for b = 0, 15 do
  local events = {}
  for i = 0, per_request - 1 do
    local name = (i % 3 == 0) and "Purchase" or "ViewContent"
    events[#events + 1] = event(name, "w" .. prefix .. "-" .. b .. "-" .. i, time, b * per_request + i)
  end
  bodies[#bodies + 1] = '{"event_source":"web","event_source_id":"' .. pixel .. '","data":[' .. table.concat(events, ",") .. ']}'
end

local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, "/open_api/v1.3/event/track/", nil, bodies[(n % #bodies) + 1])
end

local not_ok = 0
response = function(status, headers, body)
  if status ~= 200 or string.sub(body, 1, 10) ~= '{"code":0,' then
    not_ok = not_ok + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("events/s (code 0 only): %.0f, requests: %d, not ok: %d, p50 %.1f ms, p99 %.1f ms\n",
    (summary.requests - not_ok) * per_request / (summary.duration / 1e6), summary.requests, not_ok,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
