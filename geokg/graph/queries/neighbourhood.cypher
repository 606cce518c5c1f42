// Neighbourhood of an actor: every relationship it takes part in, with direction and counts
// @param name: string -- name or alias of the actor (case-insensitive)
// @param limit: integer = 100 -- rows to return
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (x)-[r]-(o:Entity)
RETURN x.name AS actor,
       CASE WHEN r.symmetric THEN 'both' WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction,
       type(r) AS type, o.name AS other, head([l IN labels(o) WHERE l <> 'Entity']) AS other_label,
       r.mentions AS mentions, r.negated AS negated, r.first_year AS first_year,
       r.last_year AS last_year
ORDER BY mentions DESC, type, other
LIMIT $limit
