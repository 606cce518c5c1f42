// Contradictory signals: an actor both cooperates with and acts against the same actor
// @param name: string = null -- name or alias of the acting actor; null for all
// @param limit: integer = 50 -- rows to return
// Cooperative: a directed cooperative type from the actor, or a symmetric one either way;
// conflictual: a directed conflictual type from the actor. Negated mentions do not count.
MATCH (a:Entity)-[c]-(b:Entity)
WHERE c.polarity = 'cooperative' AND c.mentions > c.negated
  AND (c.symmetric OR startNode(c) = a)
  AND ($name IS NULL OR toLower(a.name) = toLower($name)
       OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($name)))
WITH a, b, collect(DISTINCT type(c)) AS cooperative,
     toInteger(sum(c.mentions - c.negated)) AS cooperative_mentions
MATCH (a)-[x]->(b)
WHERE x.polarity = 'conflictual' AND x.mentions > x.negated
WITH a, b, cooperative, cooperative_mentions, collect(DISTINCT type(x)) AS conflictual,
     toInteger(sum(x.mentions - x.negated)) AS conflictual_mentions
RETURN a.name AS actor, b.name AS towards, cooperative, cooperative_mentions, conflictual,
       conflictual_mentions
ORDER BY cooperative_mentions + conflictual_mentions DESC, actor, towards
LIMIT $limit
