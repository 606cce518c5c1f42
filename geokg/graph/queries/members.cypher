// Members of an organization, with their membership status (member, applicant, former)
// @param name: string -- name or alias of the organization (case-insensitive)
// @param limit: integer = 100 -- rows to return
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($name)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (m:Entity)-[r:MEMBER_OF]->(x)
RETURN x.name AS organization, m.name AS member, r.status AS status, r.statuses AS statuses,
       r.mentions AS mentions, r.negated AS negated
ORDER BY mentions DESC, member
LIMIT $limit
