-- The bare app's GET /health (a tiny JSON): the floor for Herald's /api/v1/me.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

function request()
  issued = issued + 1
  return wrk.format("GET", "/health")
end
