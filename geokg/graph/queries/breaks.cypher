// Who broke with whom: every BREAKS_WITH relationship with its evidence counts and dates
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// @param limit: integer = 50 -- rows to return
// Breaking with: severing or suspending ties, recalling an ambassador, leaving a body.
// Counted from the Mention nodes; first_date/last_date are the earliest and latest document
// dates, first_year/last_year the years stated in the sentences.
MATCH (a:Entity)-[r:BREAKS_WITH]->(b:Entity)
MATCH (a)<-[:SOURCE]-(m:Mention)-[:TARGET]->(b)
WHERE m.type = 'BREAKS_WITH'
  AND ($from IS NULL OR (m.doc_date IS NOT NULL AND left(m.doc_date, size($from)) >= $from))
  AND ($to IS NULL OR (m.doc_date IS NOT NULL AND left(m.doc_date, size($to)) <= $to))
WITH a, b, collect(m) AS ms, min(m.year) AS first_year, max(m.year) AS last_year,
     min(m.doc_date) AS first_date, max(m.doc_date) AS last_date
RETURN a.name AS source, b.name AS target, size(ms) AS mentions,
       size([m IN ms WHERE m.negated]) AS negated,
       size([m IN ms WHERE m.modality = 'asserted']) AS asserted,
       size([m IN ms WHERE m.modality = 'reported']) AS reported,
       size([m IN ms WHERE m.modality = 'hedged']) AS hedged,
       first_year, last_year, first_date, last_date
ORDER BY mentions DESC, source, target
LIMIT $limit
