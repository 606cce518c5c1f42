// Who betrayed whom: every BETRAYS relationship with its evidence counts
// @param limit: integer = 50 -- rows to return
// negated counts denials ("Russia still isn't betraying anybody"); reported counts claims.
MATCH (a:Entity)-[r:BETRAYS]->(b:Entity)
RETURN a.name AS betrayer, b.name AS betrayed, r.mentions AS mentions, r.negated AS negated,
       r.asserted AS asserted, r.reported AS reported, r.hedged AS hedged,
       r.first_year AS first_year, r.last_year AS last_year
ORDER BY mentions DESC, betrayer, betrayed
LIMIT $limit
