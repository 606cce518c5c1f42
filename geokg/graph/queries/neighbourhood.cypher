// Neighbourhood of an actor: every relationship it takes part in, with direction and counts
// @param name: string -- name or alias of the actor (case-insensitive)
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 100 -- rows to return
// first_date/last_date: the earliest and latest document date of the relationship's mentions.
// With from/to the counts and dates come from the Mention nodes of dated documents in the range.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (x)-[r]-(o:Entity)
WITH x, o, r, startNode(r) AS src, endNode(r) AS dst
WITH x, o, r,
     CASE WHEN $from IS NULL AND $to IS NULL THEN null
          ELSE [(src)<-[:SOURCE]-(m:Mention)-[:TARGET]->(dst)
                WHERE m.type = type(r) AND m.doc_date IS NOT NULL
                  AND ($from IS NULL OR left(m.doc_date, size($from)) >= $from)
                  AND ($to IS NULL OR left(m.doc_date, size($to)) <= $to) | m] END AS dated
WHERE dated IS NULL OR size(dated) > 0
WITH x, o, r, dated, [m IN coalesce(dated, []) | m.doc_date] AS dates
RETURN x.name AS actor,
       CASE WHEN r.symmetric THEN 'both' WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction,
       type(r) AS type, o.name AS other, head([l IN labels(o) WHERE l <> 'Entity']) AS other_label,
       CASE WHEN dated IS NULL THEN r.mentions ELSE size(dated) END AS mentions,
       CASE WHEN dated IS NULL THEN r.negated ELSE size([m IN dated WHERE m.negated]) END AS negated,
       r.first_year AS first_year, r.last_year AS last_year,
       CASE WHEN dated IS NULL THEN r.first_date
            ELSE reduce(f = null, d IN dates | CASE WHEN f IS NULL OR d < f THEN d ELSE f END)
       END AS first_date,
       CASE WHEN dated IS NULL THEN r.last_date
            ELSE reduce(f = null, d IN dates | CASE WHEN f IS NULL OR d > f THEN d ELSE f END)
       END AS last_date
ORDER BY mentions DESC, type, other
LIMIT $limit
