// An actor's identity: canonical name, labels and aliases, with its evidence sentence count
// @param name: string -- name or alias of the actor (case-insensitive)
// sentences counts the evidence sentences that mention the actor. Used by `geokg show`.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
OPTIONAL MATCH (s:Sentence)-[:MENTIONS]->(x)
WITH x, count(s) AS sentences
RETURN x.name AS name, [l IN labels(x) WHERE l <> 'Entity'] AS labels,
       coalesce(x.aliases, []) AS aliases, sentences
ORDER BY sentences DESC, name
