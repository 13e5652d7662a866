-- A Herald page as signed-in people: GET BENCH_PAGE (/feed, /channels/company,
-- /notifications, or /announcements/{post}, where {post} takes the next of BENCH_POST_IDS).
-- Each request takes the next session cookie from BENCH_COOKIES ("JSESSIONID=… <location>"
-- a line), so the pages are different people's, as in real use; a post is one the person
-- received (opening it records their reading the first time).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local cookies = read_lines(os.getenv("BENCH_COOKIES"))
local page = os.getenv("BENCH_PAGE")
local posts_for = page:find("{post}", 1, true) and load_posts()
local n = 0

function request()
  n = n + 1
  issued = issued + 1
  local person = fields(cookies[(n * 7 + tid) % #cookies + 1])
  local path = page
  if posts_for then
    local posts = posts_for(person[2])
    path = page:gsub("{post}", posts[(n * 13 + tid) % #posts + 1])
  end
  return wrk.format("GET", path, { ["Cookie"] = person[1] })
end
