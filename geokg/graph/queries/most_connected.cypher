// Most connected actors: by distinct neighbours over all entity relationships
// @param limit: integer = 25 -- rows to return
MATCH (e:Entity)-[r]-(o:Entity)
WITH e, count(DISTINCT o) AS neighbours, count(r) AS relationships,
     toInteger(sum(r.mentions)) AS mentions
RETURN e.name AS actor, head([l IN labels(e) WHERE l <> 'Entity']) AS label, neighbours,
       relationships, mentions
ORDER BY neighbours DESC, mentions DESC, actor
LIMIT $limit
