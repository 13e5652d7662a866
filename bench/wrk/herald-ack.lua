-- Herald acknowledgements through the API (POST /api/v1/announcements/{id}/ack, Bearer
-- token), spread over (person, post) pairs so that no pair repeats while there are
-- fresh ones: pair k is person k mod U and post (k div U) mod P, where U is the number
-- of tokens and P of posts. Thread t of T takes k = start + t-1, start + t-1 + T, …;
-- BENCH_START moves each round past the pairs the previous rounds took, so every 2xx
-- should be one new acknowledged row (checked by http.sh afterwards).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local tokens = read_lines(os.getenv("BENCH_TOKENS"))
local posts = read_lines(os.getenv("BENCH_POST_IDS"))
local start = tonumber(os.getenv("BENCH_START") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS"))
local n = 0

function request()
  local k = start + n * nthreads + (tid - 1)
  n = n + 1
  issued = issued + 1
  local person = k % #tokens + 1
  local post = math.floor(k / #tokens) % #posts + 1
  return wrk.format("POST", "/api/v1/announcements/" .. posts[post] .. "/ack",
    { ["Authorization"] = "Bearer " .. tokens[person], ["Content-Length"] = "0" })
end
