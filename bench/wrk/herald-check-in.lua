-- Safety check-ins on open crisis incidents, one of three ways (BENCH_CHECK_IN):
--   api   POST /api/v1/crisis/incidents/{id}/check-in {"status":"SAFE"} with a Bearer
--         token (BENCH_TOKENS), 204;
--   form  POST /crisis/incidents/{id}/check-in, the form on the alert's page, as a
--         signed-in person with the session's CSRF token (BENCH_FORMS, one
--         "JSESSIONID=… <csrf token> <location>" a line), 302;
--   surge as form, each check-in after opening the alert's page (GET
--         /announcements/{alert}, 200) as that person: the crisis surge.
-- BENCH_INCIDENTS has one "<incident id> <alert post id>" a line. Pair k is person
-- k mod U and incident (k div U) mod I, as in herald-ack.lua: every success is one more
-- person answering until the pairs run out (a repeat answers again: still a success,
-- no new row).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local way = os.getenv("BENCH_CHECK_IN")
local people = read_lines(os.getenv((way == "api") and "BENCH_TOKENS" or "BENCH_FORMS"))
local incidents = read_lines(os.getenv("BENCH_INCIDENTS"))
local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local pending = nil

if way == "api" then
  success_statuses = nil
elseif way == "surge" then
  success_statuses = { [200] = true, [302] = true }
  written_statuses = { [302] = true }
else
  success_statuses = { [302] = true }
end

function request()
  issued = issued + 1
  if pending then
    local next = pending
    pending = nil
    return next
  end
  local k = next_number()
  local person = fields(people[k % #people + 1])
  local incident, alert = incidents[math.floor(k / #people) % #incidents + 1]:match("^(%S+) (%S+)$")
  if way == "api" then
    return wrk.format("POST", "/api/v1/crisis/incidents/" .. incident .. "/check-in",
      { ["Authorization"] = "Bearer " .. person[1], ["Content-Type"] = "application/json" }, '{"status":"SAFE"}')
  end
  local cookie, csrf = person[1], person[2]
  form["Cookie"] = cookie
  local post = wrk.format("POST", "/crisis/incidents/" .. incident .. "/check-in", form,
    "status=SAFE&returnTo=%2Fannouncements%2F" .. alert .. "&_csrf=" .. csrf)
  if way == "surge" then
    pending = post
    return wrk.format("GET", "/announcements/" .. alert, { ["Cookie"] = cookie })
  end
  return post
end
