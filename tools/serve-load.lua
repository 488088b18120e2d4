-- serve-load.lua - wrk script for `izde serve`: every request a search
-- for the next query of the file named by $QUERIES (one per line), top 10
-- with snippets, as the page asks.  Used by tests/cli/T190-serve-load.sh
-- and tools/bench-serve.sh.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do
  if #line > 0 then queries[#queries + 1] = line end
end
local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths = {}
for i, q in ipairs(queries) do paths[i] = "/api/search?n=10&q=" .. urlencode(q) end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
