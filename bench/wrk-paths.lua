-- wrk script: cycles through the paths in the file named by $PATHS (or "POST path body" lines), sends $COOKIE (a signed-in
-- session) or $AUTH (base64 user:password, HTTP Basic), and prints the client's median, p95 and
-- p99, then the same percentiles of the server's own time (its Server-Timing header, app;dur=).
-- PATHS=paths.txt COOKIE=portal_session=... wrk -t2 -c8 -d15s -s bench/wrk-paths.lua http://localhost:7070
local paths = {}
local counter = 0
local threads = {}
server_ms = {}
unexpected = 0

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  for line in io.lines(os.getenv("PATHS")) do if #line > 0 then table.insert(paths, line) end end
  counter = math.random(#paths)
end

request = function()
  counter = counter % #paths + 1
  local headers = {}
  if os.getenv("COOKIE") then headers["Cookie"] = os.getenv("COOKIE") end
  if os.getenv("AUTH") then headers["Authorization"] = "Basic " .. os.getenv("AUTH") end
  -- "POST <path> <form body>": a form sent as a browser sends it, {csrf} replaced by $CSRF
  local path, body = string.match(paths[counter], "^POST (%S+) (%S+)$")
  if path then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", path, headers, (string.gsub(body, "{csrf}", os.getenv("CSRF") or "")))
  end
  return wrk.format("GET", paths[counter], headers)
end

response = function(status, headers, body)
  -- an error, or a redirect to the sign-in page (the session ended), makes the figures meaningless
  local location = headers["Location"] or headers["location"] or ""
  if status >= 400 or string.find(location, "/login", 1, true) then unexpected = unexpected + 1 end
  local timing = headers["Server-Timing"] or headers["server-timing"]
  if timing then
    local ms = tonumber(string.match(timing, "dur=([%d%.]+)"))
    if ms then table.insert(server_ms, ms) end
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

done = function(summary, latency, requests)
  local all = {}
  local wrong = 0
  for _, thread in ipairs(threads) do
    for _, ms in ipairs(thread:get("server_ms")) do table.insert(all, ms) end
    wrong = wrong + thread:get("unexpected")
  end
  table.sort(all)
  io.write(string.format("requests=%d errors=%d unexpected-status=%d\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    wrong))
  io.write(string.format("client median=%.2fms p95=%.2fms p99=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("server median=%.2fms p95=%.2fms p99=%.2fms (%d timed)\n",
    percentile(all, 50), percentile(all, 95), percentile(all, 99), #all))
end
