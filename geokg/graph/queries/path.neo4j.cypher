// Path between two actors: the shortest chains of relationships (either direction, up to 6 hops)
// @param source: string -- name or alias of the first actor
// @param target: string -- name or alias of the second actor
// @param limit: integer = 5 -- paths to return
// Neo4j form: allShortestPaths, so any length up to 6 hops is found without enumerating paths.
MATCH (a:Entity)
WHERE toLower(a.name) = toLower($source)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
MATCH (b:Entity)
WHERE a <> b AND (toLower(b.name) = toLower($target)
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target)))
MATCH p = allShortestPaths((a)-[:LEADS|MEMBER_OF|PARTNERS_WITH|MEETS|AGREES_WITH|TRADES_WITH|SUPPORTS|RECOGNIZES|OPPOSES|CRITICIZES|THREATENS|SANCTIONS|BREAKS_WITH|ATTACKS|INVADES|ANNEXES|BETRAYS*..6]-(b))
WITH p, length(p) AS hops
ORDER BY hops
LIMIT $limit
RETURN hops, [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS types
