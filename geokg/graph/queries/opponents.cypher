// Opponents of an actor: conflictual relationships in either direction, strongest first
// @param name: string -- name or alias of the actor (case-insensitive)
// @param limit: integer = 25 -- rows to return
// Counts are non-negated mentions; types lists the conflictual relationship types seen.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (x)-[r]-(o:Entity)
WHERE r.polarity = 'conflictual' AND r.mentions > r.negated
WITH x, o, collect(DISTINCT type(r)) AS types,
     toInteger(sum(r.mentions - r.negated)) AS mentions,
     toInteger(sum(r.asserted)) AS asserted
RETURN x.name AS actor, o.name AS opponent,
       head([l IN labels(o) WHERE l <> 'Entity']) AS label, types, mentions, asserted
ORDER BY mentions DESC, opponent
LIMIT $limit
