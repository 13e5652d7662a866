-- Herald's GET /api/v1/me with personal access tokens (Bearer), rotating over people:
-- the cheapest authenticated API call, so mostly the cost of the filter chain and the
-- token lookup.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local tokens = read_lines(os.getenv("BENCH_TOKENS"))
local n = 0

function request()
  n = n + 1
  issued = issued + 1
  return wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. fields(tokens[(n * 7 + tid) % #tokens + 1])[1] })
end
