// Partners of an actor: cooperative relationships in either direction, strongest first
// @param name: string -- name or alias of the actor (case-insensitive)
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 25 -- rows to return
// Counts are non-negated mentions; types lists the cooperative relationship types seen.
// With from/to the counts come from the Mention nodes of dated documents in the range.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (x)-[r]-(p:Entity)
WHERE r.polarity = 'cooperative' AND r.mentions > r.negated
WITH x, p, r, startNode(r) AS src, endNode(r) AS dst
WITH x, p, r,
     CASE WHEN $from IS NULL AND $to IS NULL THEN null
          ELSE [(src)<-[:SOURCE]-(m:Mention)-[:TARGET]->(dst)
                WHERE m.type = type(r) AND m.doc_date IS NOT NULL
                  AND ($from IS NULL OR left(m.doc_date, size($from)) >= $from)
                  AND ($to IS NULL OR left(m.doc_date, size($to)) <= $to) | m] END AS dated
WITH x, p, r,
     CASE WHEN dated IS NULL THEN r.mentions - r.negated
          ELSE size([m IN dated WHERE NOT m.negated]) END AS n,
     CASE WHEN dated IS NULL THEN r.asserted
          ELSE size([m IN dated WHERE m.modality = 'asserted']) END AS a
WHERE n > 0
WITH x, p, collect(DISTINCT type(r)) AS types, toInteger(sum(n)) AS mentions,
     toInteger(sum(a)) AS asserted
RETURN x.name AS actor, p.name AS partner,
       head([l IN labels(p) WHERE l <> 'Entity']) AS label, types, mentions, asserted
ORDER BY mentions DESC, partner
LIMIT $limit
