-- The bare app's page (GET /page?reader=N): the reader rotates over BENCH_READERS
-- people, as Herald's feed rotates over signed-in people.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local readers = tonumber(os.getenv("BENCH_READERS"))
local n = 0

function request()
  n = n + 1
  issued = issued + 1
  return wrk.format("GET", "/page?reader=" .. ((n * 7 + tid) % readers + 1))
end
