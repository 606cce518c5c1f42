// Relations by year: how many relationships of each type carry a mention dated to each year
// @param name: string = null -- only relationships of this actor (name or alias); null for all
// Years come from the sentences ("In 2014 Russia annexed Crimea"); undated mentions are left out.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE size(coalesce(r.years, [])) > 0
  AND ($name IS NULL
       OR toLower(a.name) = toLower($name) OR toLower(b.name) = toLower($name)
       OR any(alias IN coalesce(a.aliases, []) + coalesce(b.aliases, [])
              WHERE toLower(alias) = toLower($name)))
UNWIND r.years AS year
RETURN year, type(r) AS type, count(*) AS relationships, collect(a.name + ' -> ' + b.name) AS pairs
ORDER BY year, type
