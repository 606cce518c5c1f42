// Evidence for a relationship: each mention with its sentence, document, date, offsets and cue
// @param source: string -- name or alias of the source actor
// @param target: string -- name or alias of the target actor
// @param type: string = null -- relationship type (e.g. SUPPORTS); null for every type
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 100 -- mentions to return
// Symmetric types match in either order; directed types only source -> target.
// Each relationship's evidence is its Mention nodes: (:Mention)-[:SOURCE|TARGET]->(:Entity),
// (:Mention)-[:IN]->(:Sentence)-[:IN]->(:Document).
MATCH (a:Entity)
WHERE toLower(a.name) = toLower($source)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
MATCH (b:Entity)
WHERE toLower(b.name) = toLower($target)
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target))
MATCH (a)-[r]-(b)
WHERE ($type IS NULL OR type(r) = toUpper($type)) AND (r.symmetric OR startNode(r) = a)
WITH r, startNode(r) AS src, endNode(r) AS dst
MATCH (src)<-[:SOURCE]-(m:Mention)-[:TARGET]->(dst)
WHERE m.type = type(r)
  AND ($from IS NULL OR (m.doc_date IS NOT NULL AND left(m.doc_date, size($from)) >= $from))
  AND ($to IS NULL OR (m.doc_date IS NOT NULL AND left(m.doc_date, size($to)) <= $to))
MATCH (m)-[:IN]->(s:Sentence)-[:IN]->(d:Document)
RETURN type(r) AS type, src.name AS source, dst.name AS target, d.name AS document,
       d.date AS date, s.start AS start_offset, s.end AS end_offset, s.text AS sentence,
       m.trigger AS cue, m.modality AS modality, m.negated AS negated_mention,
       r.mentions AS mentions, r.negated AS negated
ORDER BY type, document, start_offset, cue
LIMIT $limit
