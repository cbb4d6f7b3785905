-- wrk script: cycles through the paths in the file named by $PATHS, sends $COOKIE (a signed-in
-- session) or $AUTH (base64 user:password, HTTP Basic), and prints median, p95 and p99.
-- PATHS=paths.txt COOKIE=portal_session=... wrk -t2 -c8 -d15s -s bench/wrk-paths.lua http://localhost:7070
local paths = {}
local counter = 0
init = function(args)
  for line in io.lines(os.getenv("PATHS")) do if #line > 0 then table.insert(paths, line) end end
  counter = math.random(#paths)
end
request = function()
  counter = counter % #paths + 1
  local headers = {}
  if os.getenv("COOKIE") then headers["Cookie"] = os.getenv("COOKIE") end
  if os.getenv("AUTH") then headers["Authorization"] = "Basic " .. os.getenv("AUTH") end
  return wrk.format("GET", paths[counter], headers)
end
done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d median=%.2fms p95=%.2fms p99=%.2fms\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
