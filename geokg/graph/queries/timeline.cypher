// Timeline of a pair: mentions per year (or month) of the documents, by type and polarity
// @param a: string -- name or alias of one actor (case-insensitive)
// @param b: string -- name or alias of the other actor
// @param by: string = year -- period: year or month
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// Both directions; one row per period, type and direction. mentions counts every mention,
// negated the denials among them; undated documents are left out, and by month a document
// dated only to the year falls under its year. The sentences behind a row are a query away:
// geokg query evidence -p source=A -p target=B -p type=T --from P --to P
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($a)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($a))
MATCH (y:Entity)
WHERE toLower(y.name) = toLower($b)
   OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower($b))
MATCH (x)-[r]-(y)
WITH DISTINCT r, startNode(r) AS src, endNode(r) AS dst
MATCH (src)<-[:SOURCE]-(m:Mention)-[:TARGET]->(dst)
WHERE m.type = type(r) AND m.doc_date IS NOT NULL
  AND ($from IS NULL OR left(m.doc_date, size($from)) >= $from)
  AND ($to IS NULL OR left(m.doc_date, size($to)) <= $to)
WITH r, src, dst, m,
     left(m.doc_date, CASE WHEN toLower($by) = 'month' THEN 7 ELSE 4 END) AS period
WITH period, type(r) AS type, r.polarity AS polarity, src.name AS source, dst.name AS target,
     collect(m) AS ms, min(m.doc_date) AS first_date, max(m.doc_date) AS last_date
RETURN period, type, polarity, source, target, size(ms) AS mentions,
       size([m IN ms WHERE m.negated]) AS negated,
       size([m IN ms WHERE m.modality = 'asserted']) AS asserted, first_date, last_date
ORDER BY period, polarity, type, source, target
