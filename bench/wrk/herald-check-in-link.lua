-- Safety check-ins through the signed one-click link of the alert's e-mail, signed out:
-- POST /check-in/{token} with status=SAFE, as the link's page sends it, 302. The page is
-- open to everyone but its form carries a CSRF token, so the requests go out in a few
-- anonymous sessions (BENCH_LINK_SESSIONS, one "JSESSIONID=… <csrf token>" a line, each
-- got by opening a link's page). BENCH_LINKS has one token a line in the order of
-- next_number() (common.lua); a link works once, so each is used once (a second use would
-- be 410 and count as a failure).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local sessions = read_lines(os.getenv("BENCH_LINK_SESSIONS"))
local links = read_lines(os.getenv("BENCH_LINKS"))
success_statuses = { [302] = true }

function request()
  local k = next_number()
  issued = issued + 1
  local cookie, csrf = sessions[k % #sessions + 1]:match("^(%S+) (%S+)$")
  return wrk.format("POST", "/check-in/" .. links[k % #links + 1],
    { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
    "status=SAFE&_csrf=" .. csrf)
end
