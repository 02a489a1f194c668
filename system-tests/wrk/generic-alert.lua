-- One ~1 KB generic alert per request, each with its own reference and asset (so neither the reference nor the
-- fingerprint window makes it a duplicate), for
--   wrk -t2 -c64 -d30s --latency -s generic-alert.lua http://127.0.0.1:PORT/api/v1/alerts       (intake)
--   wrk -t2 -c64 -d30s --latency -s generic-alert.lua http://127.0.0.1:PORT/bare                (bare endpoint)
-- against `IntakeLoadDriver serve` (system-tests/README.md). The bare endpoint ignores the headers.
local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   run = tostring(os.time())
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["Authorization"] = "Bearer load-driver-token"
   wrk.headers["X-Vigie-Source"] = "bench"
end

local template = [[{"reference": "WRK-%s-%d-%d", "title": "Multiple failed logins followed by a success",
 "description": "User j.martin failed 27 logins from 198.51.100.23 in 2 minutes, then logged in successfully; the session then listed 1,400 mailbox folders. Correlated by the SIEM from the IdP and the mail gateway logs.",
 "severity": "high", "detectedAt": "2026-11-23T01:45:00Z", "asset": "mail-%s-%d-%d.acme.internal",
 "service": "webmail", "client": "acme", "accounts": ["j.martin"],
 "ipAddresses": ["198.51.100.23", "10.0.8.21"],
 "indicators": [{"type": "IP", "value": "198.51.100.23"}, {"type": "USER_AGENT", "value": "python-requests/2.31"}],
 "tags": ["account-compromise", "mail"],
 "links": [{"label": "SIEM search", "url": "https://siem.example.net/search?q=user%%3Dj.martin"}],
 "attributes": {"idp.tenant": "acme-prod", "mail.folders": "1400", "rule": "brute-force-then-success"}}]]

function request()
   counter = counter + 1
   return wrk.format(nil, nil, nil, string.format(template, run, id, counter, run, id, counter))
end

function done(summary, latency, requests)
   local non2xx = summary.errors.status
   io.write(string.format("requests %d in %.1f s = %.0f/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
      .. "non-2xx %d, socket errors %d\n", summary.requests, summary.duration / 1e6,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
      latency.max / 1e3, non2xx, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
