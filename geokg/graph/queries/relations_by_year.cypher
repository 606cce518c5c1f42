// Relations by year: how many relationships of each type carry a mention dated to each year
// @param name: string = null -- only relationships of this actor (name or alias); null for all
// @param from: date = null -- only mentions in documents dated on or after (YYYY[-MM[-DD]])
// @param to: date = null -- only mentions in documents dated on or before (YYYY[-MM[-DD]])
// Years come from the sentences ("In 2014 Russia annexed Crimea"); undated mentions are left out.
// Counted from the Mention nodes (the evidence), so a year is never lost to a relationship's summary.
// from/to select by the document's date (see timeline for counts by document date).
MATCH (a:Entity)<-[:SOURCE]-(m:Mention)-[:TARGET]->(b:Entity)
WHERE m.year IS NOT NULL
  AND ($name IS NULL
       OR toLower(a.name) = toLower($name) OR toLower(b.name) = toLower($name)
       OR any(alias IN coalesce(a.aliases, []) + coalesce(b.aliases, [])
              WHERE toLower(alias) = toLower($name)))
  AND ($from IS NULL OR (m.doc_date IS NOT NULL AND left(m.doc_date, size($from)) >= $from))
  AND ($to IS NULL OR (m.doc_date IS NOT NULL AND left(m.doc_date, size($to)) <= $to))
WITH m.year AS year, m.type AS type, collect(DISTINCT a.name + ' -> ' + b.name) AS pairs
RETURN year, type, size(pairs) AS relationships, pairs
ORDER BY year, type
