// An actor's latest evidence: sentences naming it and an actor it is related to, newest first
// @param name: string -- name or alias of the actor (case-insensitive)
// @param limit: integer = 10 -- sentences to return
// Ordered by document date (undated documents last), then document and sentence.
// Used by `geokg show`.
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (s:Sentence)-[:MENTIONS]->(x)
MATCH (s)-[:MENTIONS]->(o:Entity)
WHERE o <> x AND (x)--(o)
MATCH (s)-[:IN]->(d:Document)
WITH d, s, collect(DISTINCT o.name) AS others
RETURN d.date AS date, d.name AS document, s.text AS sentence, others
ORDER BY coalesce(d.date, '') DESC, document, sentence
LIMIT $limit
