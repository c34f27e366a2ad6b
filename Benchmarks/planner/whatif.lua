-- wrk script: POSTs one what-if body (WHATIF_BODY, a file) and prints the latency's p50 and p95 in milliseconds.
local file = io.open(os.getenv("WHATIF_BODY"), "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

local errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non200=%d rps=%.1f\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.requests / (summary.duration / 1e6)))
end
