-- wrk script: sends the signed requests of a file (unique_requests.py), each once, in turn.
local requests = {}
local at = 0
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("part", counter)
end

function init(args)
  for line in io.lines(args[1]) do
    local ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    requests[#requests + 1] = {ts, sig, body}
  end
  -- Each thread starts in its own part of the file, so that no question is sent twice.
  at = math.floor((part - 1) * #requests / tonumber(args[2]))
end

function request()
  at = at % #requests + 1
  local r = requests[at]
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = r[1],
    ["X-Slack-Signature"] = r[2],
  }, r[3])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / summary.duration * 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests))
end
