-- Shared by every workload of bench/http.sh. Each wrk thread gets a number (so the ack
-- scripts can hand out disjoint work), counts the responses it saw by status class, and
-- done() prints one machine-readable line that http.sh parses:
--   RESULT requests=… seconds=… rps=… p50_ms=… p99_ms=… ok=… non2xx=… errors=… issued=… span=…
-- Counting in response() costs wrk a little CPU; every workload, Herald's and bare's,
-- pays it alike.

local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

-- Per thread (each thread has its own Lua state).
ok = 0
other = 0
issued = 0

function count_response(status)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    other = other + 1
    -- A few examples are enough to tell what went wrong.
    if other <= 3 then
      io.stderr:write("unexpected status " .. status .. "\n")
    end
  end
end

function response(status, headers, body)
  count_response(status)
end

-- Lines of a file as an array (tokens, cookies, post ids); empty lines skipped.
function read_lines(path)
  local lines = {}
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in file:lines() do
    if line ~= "" then
      table.insert(lines, line)
    end
  end
  file:close()
  assert(#lines > 0, "no lines in " .. path)
  return lines
end

function done(summary, latency, requests)
  local total_ok, total_other, total_issued, most = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
    total_issued = total_issued + thread:get("issued")
    most = math.max(most, thread:get("issued"))
  end
  -- The ack scripts hand thread t of T the numbers start + t-1 + i*T, so the next run must
  -- start past T times what the busiest thread took, not past the total.
  local span = most * #threads
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f ok=%d non2xx=%d errors=%d issued=%d span=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, total_ok, total_other, e.connect + e.read + e.write + e.timeout,
    total_issued, span))
end
