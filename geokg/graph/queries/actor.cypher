// Find an actor by name or alias: its labels, aliases, ISO code and mention counts
// @param name: string -- name or alias (case-insensitive)
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
RETURN x.id AS id, x.name AS name, [l IN labels(x) WHERE l <> 'Entity'] AS labels,
       x.aliases AS aliases, x.iso3 AS iso3, x.mentions AS mentions, x.doc_count AS documents
ORDER BY mentions DESC
