// Documents mentioning an actor, by number of evidence sentences that mention it
// @param name: string -- name or alias of the actor (case-insensitive)
// @param limit: integer = 25 -- rows to return
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (s:Sentence)-[:MENTIONS]->(x)
MATCH (s)-[:IN]->(d:Document)
RETURN x.name AS actor, d.name AS document, count(s) AS sentences, min(s.start) AS first_offset
ORDER BY sentences DESC, document
LIMIT $limit
