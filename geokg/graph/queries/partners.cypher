// Partners of an actor: cooperative relationships in either direction, strongest first
// @param name: string -- name or alias of the actor (case-insensitive)
// @param limit: integer = 25 -- rows to return
// Counts are non-negated mentions; types lists the cooperative relationship types seen.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (x)-[r]-(p:Entity)
WHERE r.polarity = 'cooperative' AND r.mentions > r.negated
WITH x, p, collect(DISTINCT type(r)) AS types,
     toInteger(sum(r.mentions - r.negated)) AS mentions,
     toInteger(sum(r.asserted)) AS asserted
RETURN x.name AS actor, p.name AS partner,
       head([l IN labels(p) WHERE l <> 'Entity']) AS label, types, mentions, asserted
ORDER BY mentions DESC, partner
LIMIT $limit
