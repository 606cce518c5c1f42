// Cooperation/conflict balance per country: (cooperative - conflictual) / all, from -1 to 1
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 100 -- rows to return
// Counts non-negated mentions of cooperative and conflictual relationships in both directions.
// With from/to the counts come from the Mention nodes of dated documents in the range.
MATCH (c:Country)-[r]-(:Entity)
WHERE r.polarity IN ['cooperative', 'conflictual']
WITH c, r, startNode(r) AS src, endNode(r) AS dst
WITH c, r,
     CASE WHEN $from IS NULL AND $to IS NULL THEN r.mentions - r.negated
          ELSE size([(src)<-[:SOURCE]-(m:Mention)-[:TARGET]->(dst)
                     WHERE m.type = type(r) AND NOT m.negated AND m.doc_date IS NOT NULL
                       AND ($from IS NULL OR left(m.doc_date, size($from)) >= $from)
                       AND ($to IS NULL OR left(m.doc_date, size($to)) <= $to) | m]) END AS n
WITH c,
     toInteger(sum(CASE WHEN r.polarity = 'cooperative' THEN n ELSE 0 END)) AS cooperative,
     toInteger(sum(CASE WHEN r.polarity = 'conflictual' THEN n ELSE 0 END)) AS conflictual
WHERE cooperative + conflictual > 0
RETURN c.name AS country, cooperative, conflictual,
       round(1000.0 * (cooperative - conflictual) / (cooperative + conflictual)) / 1000.0 AS balance
ORDER BY balance DESC, country
LIMIT $limit
