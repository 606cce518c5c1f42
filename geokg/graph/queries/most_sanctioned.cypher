// Most sanctioned actors: targets of SANCTIONS by number of distinct sanctioning actors
// @param limit: integer = 25 -- rows to return
// Negated mentions ("the EU never sanctioned Turkey") do not count.
MATCH (s:Entity)-[r:SANCTIONS]->(t:Entity)
WHERE r.mentions > r.negated
WITH t, collect(DISTINCT s.name) AS sanctioners,
     toInteger(sum(r.mentions - r.negated)) AS mentions
RETURN t.name AS target, size(sanctioners) AS sanctioner_count, sanctioners, mentions
ORDER BY sanctioner_count DESC, mentions DESC, target
LIMIT $limit
