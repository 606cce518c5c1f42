// Cooperation/conflict balance per country: (cooperative - conflictual) / all, from -1 to 1
// @param limit: integer = 100 -- rows to return
// Counts non-negated mentions of cooperative and conflictual relationships in both directions.
MATCH (c:Country)-[r]-(:Entity)
WHERE r.polarity IN ['cooperative', 'conflictual']
WITH c,
     toInteger(sum(CASE WHEN r.polarity = 'cooperative'
                        THEN r.mentions - r.negated ELSE 0 END)) AS cooperative,
     toInteger(sum(CASE WHEN r.polarity = 'conflictual'
                        THEN r.mentions - r.negated ELSE 0 END)) AS conflictual
WHERE cooperative + conflictual > 0
RETURN c.name AS country, cooperative, conflictual,
       round(1000.0 * (cooperative - conflictual) / (cooperative + conflictual)) / 1000.0 AS balance
ORDER BY balance DESC, country
LIMIT $limit
