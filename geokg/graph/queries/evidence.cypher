// Evidence for a relationship: the sentences (with document and offsets) that state it
// @param source: string -- name or alias of the source actor
// @param target: string -- name or alias of the target actor
// @param type: string = null -- relationship type (e.g. SUPPORTS); null for every type
// Symmetric types match in either order; directed types only source -> target.
MATCH (a:Entity)
WHERE toLower(a.name) = toLower($source)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
MATCH (b:Entity)
WHERE toLower(b.name) = toLower($target)
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target))
MATCH (a)-[r]-(b)
WHERE ($type IS NULL OR type(r) = toUpper($type)) AND (r.symmetric OR startNode(r) = a)
UNWIND r.sentence_ids AS sid
MATCH (s:Sentence {id: sid})-[:IN]->(d:Document)
RETURN type(r) AS type, startNode(r).name AS source, endNode(r).name AS target,
       d.name AS document, s.start AS start_offset, s.end AS end_offset, s.text AS sentence,
       r.mentions AS mentions, r.negated AS negated
ORDER BY type, document, start_offset
