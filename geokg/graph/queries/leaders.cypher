// Leaders and what they lead (roles), optionally for one leader or one led entity
// @param name: string = null -- name or alias of the leader or of the led entity; null for all
// @param limit: integer = 100 -- rows to return
MATCH (l:Entity)-[r:LEADS]->(e:Entity)
WHERE $name IS NULL
   OR toLower(l.name) = toLower($name)
   OR toLower(e.name) = toLower($name)
   OR any(alias IN coalesce(l.aliases, []) + coalesce(e.aliases, [])
          WHERE toLower(alias) = toLower($name))
RETURN l.name AS leader, r.roles AS roles, e.name AS leads,
       head([x IN labels(e) WHERE x <> 'Entity']) AS led_label, r.mentions AS mentions,
       r.first_year AS first_year, r.last_year AS last_year
ORDER BY mentions DESC, leader, leads
LIMIT $limit
