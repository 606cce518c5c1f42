// An actor's relationships: every type and counterpart, either direction, with mention counts
// @param name: string -- name or alias of the actor (case-insensitive)
// @param limit: integer = 500 -- rows to return
// direction is out where the actor is the source (or the type is symmetric), in otherwise.
// mentions counts every mention, denied and hedged ones included. Used by `geokg show`.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (x)-[r]-(o:Entity)
WITH x, o, type(r) AS type, CASE WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction,
     r.mentions AS mentions
RETURN x.name AS actor, type, direction, o.name AS other,
       head([l IN labels(o) WHERE l <> 'Entity']) AS other_label,
       toInteger(sum(mentions)) AS mentions
ORDER BY mentions DESC, other, type
LIMIT $limit
