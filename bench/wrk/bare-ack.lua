-- The bare app's acknowledgement (POST /ack/{id}, one idempotent UPDATE, 204): the floor
-- for every writing workload of Herald. Receipt ids are (post - 1) * readers + reader,
-- 1 … readers * posts, taken in the order of next_number() (common.lua), so no receipt
-- repeats while fresh ones are left.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local receipts = tonumber(os.getenv("BENCH_READERS")) * tonumber(os.getenv("BENCH_POST_COUNT"))

function request()
  local k = next_number()
  issued = issued + 1
  return wrk.format("POST", "/ack/" .. (k % receipts + 1), { ["Content-Length"] = "0" })
end
