-- Herald acknowledgements through the button on a post's page: POST
-- /announcements/{id}/ack as a signed-in person, with the session's CSRF token in the
-- _csrf field, as the browser sends the form; Herald answers 302 (Post/Redirect/Get),
-- which wrk does not follow. BENCH_FORMS has one "JSESSIONID=… <csrf token> <location>" a
-- line. The (person, post) pairs are handed out as in herald-ack.lua.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local sessions = read_lines(os.getenv("BENCH_FORMS"))
local posts_for = load_posts()
success_statuses = { [302] = true }

function request()
  local k = next_number()
  issued = issued + 1
  local person = fields(sessions[k % #sessions + 1])
  local posts = posts_for(person[3])
  local post = posts[math.floor(k / #sessions) % #posts + 1]
  -- The bench posts are never revised: revision 1 is the one the page shows.
  return wrk.format("POST", "/announcements/" .. post .. "/ack",
    { ["Cookie"] = person[1], ["Content-Type"] = "application/x-www-form-urlencoded" },
    "revision=1&_csrf=" .. person[2])
end
