// Strongest alliances: pairs of actors ranked by cooperative (alliance-type) mentions
// @param limit: integer = 25 -- rows to return
// Alliance types: PARTNERS_WITH, AGREES_WITH, SUPPORTS, TRADES_WITH, either direction.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id < b.id AND type(r) IN ['PARTNERS_WITH', 'AGREES_WITH', 'SUPPORTS', 'TRADES_WITH']
WITH a, b, collect(DISTINCT type(r)) AS types,
     toInteger(sum(r.mentions - r.negated)) AS strength
WHERE strength > 0
RETURN a.name AS actor_a, b.name AS actor_b, types, strength
ORDER BY strength DESC, actor_a, actor_b
LIMIT $limit
