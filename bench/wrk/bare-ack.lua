-- The bare app's acknowledgement (POST /ack/{id}): receipt ids are
-- (post - 1) * readers + reader, 1 … readers * posts, handed out like herald-ack.lua's
-- pairs (thread t takes start + t-1, start + t-1 + T, …), so no receipt repeats while
-- fresh ones are left.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local receipts = tonumber(os.getenv("BENCH_READERS")) * tonumber(os.getenv("BENCH_POST_COUNT"))
local start = tonumber(os.getenv("BENCH_START") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS"))
local n = 0

function request()
  local k = start + n * nthreads + (tid - 1)
  n = n + 1
  issued = issued + 1
  return wrk.format("POST", "/ack/" .. (k % receipts + 1), { ["Content-Length"] = "0" })
end
