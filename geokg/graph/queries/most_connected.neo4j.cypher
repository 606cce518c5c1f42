// Most connected actors: by distinct neighbours over all entity relationships
// @param limit: integer = 25 -- rows to return
// Neo4j form: COUNT and COLLECT subqueries per entity instead of one global expansion.
MATCH (e:Entity)
WITH e,
     COUNT { MATCH (e)--(o:Entity) RETURN DISTINCT o } AS neighbours,
     COUNT { (e)--(:Entity) } AS relationships,
     COLLECT { MATCH (e)-[r]-(:Entity) RETURN r.mentions } AS counts
WHERE relationships > 0
RETURN e.name AS actor, head([l IN labels(e) WHERE l <> 'Entity']) AS label, neighbours,
       relationships, reduce(total = 0, m IN counts | total + m) AS mentions
ORDER BY neighbours DESC, mentions DESC, actor
LIMIT $limit
