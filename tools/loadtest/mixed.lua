-- A mixed load for `leverage serve` (tools/loadtest/run.sh): reads of every
-- kind, with dates and removals varied so that the cache both hits and
-- misses, plus article reads and small scenario runs, the heavy endpoints.
local article = [[Kazakhstan exported 46.3 million tonnes of crude through the CPC pipeline in 2024, the company said on 5 January 2025. Russia's Transneft controls the Atyrau-Samara line. Tokayev met Putin in Astana; the CSTO deployed 2,500 troops in January 2022.]]

local n = 0
request = function()
  n = n + 1
  local k = n % 20
  if k == 0 then
    return wrk.format("POST", "/api/v1/read?name=load-" .. (n % 7), {["Content-Type"] = "text/plain"}, article)
  elseif k == 1 then
    return wrk.format("POST", "/api/v1/scenarios/run", {["Content-Type"] = "application/json"},
      '{"scenario":"cpc-drone-2025","draws":' .. (50 + n % 50) .. ',"seed":' .. (n % 1000) .. '}')
  elseif k < 8 then
    return wrk.format("GET", "/api/v1/assess?a=RUS&b=KAZ&as_of=" .. (1995 + n % 31))
  elseif k < 11 then
    local without = {"CPC", "BTC", "ATYRAU-SAMARA", "CPC,AKTAU-PORT", "KENKIYAK-KUMKOL"}
    return wrk.format("GET", "/api/v1/transit?exporter=KAZ&without=" .. without[1 + n % #without])
  elseif k < 14 then
    local q = {"ast", "nur", "russia", "kaz", "pipeline", "csto", "moscow", "china"}
    return wrk.format("GET", "/api/v1/actors?q=" .. q[1 + n % #q])
  elseif k < 17 then
    local c = {"energy", "trade", "bloc", "security", "people", "political", "geography"}
    return wrk.format("GET", "/api/v1/facts?actor=KAZ&channel=" .. c[1 + n % #c])
  else
    return wrk.format("GET", "/api/v1/assess?a=KAZ&b=RUS")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
