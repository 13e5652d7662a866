-- Herald's feed (GET /feed) as signed-in people: each request takes the next session
-- cookie from BENCH_COOKIES (one "JSESSIONID=…" a line), so the pages are different
-- people's feeds, as in real use.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local cookies = read_lines(os.getenv("BENCH_COOKIES"))
local n = 0

function request()
  n = n + 1
  issued = issued + 1
  local cookie = cookies[(n * 7 + tid) % #cookies + 1]
  return wrk.format("GET", "/feed", { ["Cookie"] = cookie })
end
