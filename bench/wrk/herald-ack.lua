-- Herald receipts through the API with a Bearer token: POST /api/v1/announcements/{id}/ack
-- (BENCH_RECEIPT=ack, the default) or …/read (BENCH_RECEIPT=read), 204. Spread over
-- (person, post) pairs so that no pair repeats while there are fresh ones: pair k is
-- person k mod U and post (k div U) mod P, where U is the number of tokens (BENCH_TOKENS,
-- "<token> <location>" a line) and P the person's posts (all of them, or their location's
-- with BENCH_SPREAD=location), k from next_number() in common.lua; so every 2xx should be
-- one new acknowledged (or read) row, checked by http.sh afterwards.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("common")

local tokens = read_lines(os.getenv("BENCH_TOKENS"))
local posts_for = load_posts()
local receipt = os.getenv("BENCH_RECEIPT") or "ack"

function request()
  local k = next_number()
  issued = issued + 1
  local person = fields(tokens[k % #tokens + 1])
  local posts = posts_for(person[2])
  local post = posts[math.floor(k / #tokens) % #posts + 1]
  return wrk.format("POST", "/api/v1/announcements/" .. post .. "/" .. receipt,
    { ["Authorization"] = "Bearer " .. person[1], ["Content-Length"] = "0" })
end
