-- Shared by every workload of bench/http.sh. Each wrk thread gets a number (so the writing
-- scripts can hand out disjoint work), counts the responses it saw as success or not, and
-- done() prints one machine-readable line that http.sh parses (ok= and non2xx= are
-- successes and the rest, whatever the script counts as success):
--   RESULT requests=… seconds=… rps=… p50_ms=… p95_ms=… p99_ms=… ok=… non2xx=… errors=… issued=… span=… written=…
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
taken = 0
written = 0

-- The statuses a script counts as success, e.g. { [302] = true } for a form post that
-- redirects (Post/Redirect/Get); nil means any 2xx.
success_statuses = nil

-- The successes that each wrote one thing (for a workload that mixes reading pages and
-- writing, e.g. { [302] = true }); nil means every success.
written_statuses = nil

function succeeded(status)
  if success_statuses then
    return success_statuses[status] == true
  end
  return status >= 200 and status < 300
end

function count_response(status)
  if succeeded(status) then
    ok = ok + 1
    if written_statuses == nil or written_statuses[status] then
      written = written + 1
    end
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

-- Disjoint work for the writing scripts: thread t of T takes the numbers start + t-1,
-- start + t-1 + T, … (BENCH_START moves each run past the numbers the runs before it
-- took), so no number repeats while the script has fresh ones to map it to.
local first = tonumber(os.getenv("BENCH_START") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")

function next_number()
  local k = first + taken * nthreads + (tid - 1)
  taken = taken + 1
  return k
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

-- The fields of a line (a person: token or cookie, CSRF token, location number).
function fields(line)
  local found = {}
  for field in line:gmatch("%S+") do
    table.insert(found, field)
  end
  return found
end

-- The bench posts by audience, from BENCH_POST_IDS ("<post id> <audience>" a line, the
-- audience "all" or a location number, see BENCH_SPREAD): posts_for(location) are the
-- posts a person of that location receives.
function load_posts()
  local all, by = {}, {}
  for _, line in ipairs(read_lines(os.getenv("BENCH_POST_IDS"))) do
    local id, audience = line:match("^(%S+) (%S+)$")
    table.insert(all, id)
    by[audience] = by[audience] or {}
    table.insert(by[audience], id)
  end
  return function(location)
    return by["all"] and all or assert(by[location], "no posts for location " .. tostring(location))
  end
end

function done(summary, latency, requests)
  local total_ok, total_other, total_issued, total_written, most = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
    total_issued = total_issued + thread:get("issued")
    total_written = total_written + thread:get("written")
    most = math.max(most, thread:get("taken"))
  end
  -- next_number() hands thread t of T the numbers start + t-1 + i*T, so the next run must
  -- start past T times what the busiest thread took, not past the total.
  local span = most * #threads
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f ok=%d non2xx=%d errors=%d issued=%d span=%d written=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, total_ok, total_other, e.connect + e.read + e.write + e.timeout,
    total_issued, span, total_written))
end
