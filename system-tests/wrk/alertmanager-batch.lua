-- One Alertmanager (webhook version 4) notification of 50 firing alerts per request, every alert new, for
--   wrk -t2 -c32 -d30s --latency -s alertmanager-batch.lua http://127.0.0.1:PORT/webhooks/alertmanager/bench-am
-- against `IntakeLoadDriver serve` (system-tests/README.md). Alerts/s = requests/s x 50.
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
end

local alert = [[{"status": "firing", "labels": {"alertname": "HighLoginFailureRate", "instance": "auth-%s-%d-%d-%d:9100",
 "job": "node", "severity": "critical", "client": "acme"},
 "annotations": {"summary": "Login failures above 50/s", "description": "auth rejected 312 logins"},
 "startsAt": "2026-11-23T01:52:30Z", "endsAt": "0001-01-01T00:00:00Z",
 "generatorURL": "http://prometheus.acme.internal:9090/graph", "fingerprint": "f%s-%d-%d-%d"}]]

function request()
   counter = counter + 1
   local alerts = {}
   for i = 1, 50 do
      alerts[i] = string.format(alert, run, id, counter, i, run, id, counter, i)
   end
   local body = string.format([[{"receiver": "vigie", "status": "firing", "alerts": [%s],
 "groupLabels": {"alertname": "HighLoginFailureRate"}, "commonLabels": {"alertname": "HighLoginFailureRate"},
 "commonAnnotations": {}, "externalURL": "http://alertmanager.acme.internal:9093", "version": "4",
 "groupKey": "{}:{alertname=\"HighLoginFailureRate\", batch=\"%s-%d-%d\"}", "truncatedAlerts": 0}]],
      table.concat(alerts, ","), run, id, counter)
   return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
   io.write(string.format("requests %d in %.1f s = %.0f/s (%.0f alerts/s); p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
      .. "non-2xx %d, socket errors %d\n", summary.requests, summary.duration / 1e6,
      summary.requests / (summary.duration / 1e6), 50 * summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3, summary.errors.status,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
