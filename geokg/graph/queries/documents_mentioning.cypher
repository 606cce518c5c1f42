// Documents mentioning an actor, by number of evidence sentences that mention it
// @param name: string -- name or alias of the actor (case-insensitive)
// @param from: date = null -- only documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 25 -- rows to return
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (s:Sentence)-[:MENTIONS]->(x)
MATCH (s)-[:IN]->(d:Document)
WHERE ($from IS NULL OR (d.date IS NOT NULL AND left(d.date, size($from)) >= $from))
  AND ($to IS NULL OR (d.date IS NOT NULL AND left(d.date, size($to)) <= $to))
RETURN x.name AS actor, d.name AS document, d.date AS date, count(s) AS sentences,
       min(s.start) AS first_offset
ORDER BY sentences DESC, document
LIMIT $limit
