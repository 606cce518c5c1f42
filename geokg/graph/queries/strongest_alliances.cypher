// Strongest alliances: pairs of actors ranked by cooperative (alliance-type) mentions
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 25 -- rows to return
// Alliance types: PARTNERS_WITH, AGREES_WITH, SUPPORTS, TRADES_WITH, either direction.
// With from/to the counts come from the Mention nodes of dated documents in the range.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id < b.id AND type(r) IN ['PARTNERS_WITH', 'AGREES_WITH', 'SUPPORTS', 'TRADES_WITH']
WITH a, b, r, startNode(r) AS src, endNode(r) AS dst
WITH a, b, r,
     CASE WHEN $from IS NULL AND $to IS NULL THEN r.mentions - r.negated
          ELSE size([(src)<-[:SOURCE]-(m:Mention)-[:TARGET]->(dst)
                     WHERE m.type = type(r) AND NOT m.negated AND m.doc_date IS NOT NULL
                       AND ($from IS NULL OR left(m.doc_date, size($from)) >= $from)
                       AND ($to IS NULL OR left(m.doc_date, size($to)) <= $to) | m]) END AS n
WHERE n > 0
WITH a, b, collect(DISTINCT type(r)) AS types, toInteger(sum(n)) AS strength
RETURN a.name AS actor_a, b.name AS actor_b, types, strength
ORDER BY strength DESC, actor_a, actor_b
LIMIT $limit
