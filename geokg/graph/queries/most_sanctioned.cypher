// Most sanctioned actors: targets of SANCTIONS by number of distinct sanctioning actors
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 25 -- rows to return
// Negated mentions ("the EU never sanctioned Turkey") do not count.
// With from/to the counts come from the Mention nodes of dated documents in the range.
MATCH (s:Entity)-[r:SANCTIONS]->(t:Entity)
WITH s, t, r,
     CASE WHEN $from IS NULL AND $to IS NULL THEN r.mentions - r.negated
          ELSE size([(s)<-[:SOURCE]-(m:Mention)-[:TARGET]->(t)
                     WHERE m.type = 'SANCTIONS' AND NOT m.negated AND m.doc_date IS NOT NULL
                       AND ($from IS NULL OR left(m.doc_date, size($from)) >= $from)
                       AND ($to IS NULL OR left(m.doc_date, size($to)) <= $to) | m]) END AS n
WHERE n > 0
WITH t, collect(DISTINCT s.name) AS sanctioners, toInteger(sum(n)) AS mentions
RETURN t.name AS target, size(sanctioners) AS sanctioner_count, sanctioners, mentions
ORDER BY sanctioner_count DESC, mentions DESC, target
LIMIT $limit
