// Shifts: pairs whose cooperation/conflict balance changed sign between two periods
// @param from: date -- start of period A (YYYY[-MM[-DD]])
// @param to: date -- end of period B, inclusive (YYYY[-MM[-DD]])
// @param split: date = null -- start of period B; null: the year halfway from from to to
// @param limit: integer = 50 -- rows to return
// Period A is [from, split), period B is [split, to]; the default split is the year
// (from + to + 1) / 2 of the two bounds' years (from=2019, to=2025: A 2019-2021, B 2022-2025).
// A pair's balance in a period is its cooperative minus its conflictual non-negated mentions,
// in either direction, from documents dated in the period (structural types and undated
// documents do not count). A row needs mentions in both periods and balances of different
// sign (positive, zero or negative). The sentences are a query away:
// geokg query timeline -p a=A -p b=B, then geokg query evidence with --from/--to.
WITH $from AS lo, $to AS hi,
     coalesce($split,
              toString(toInteger((toInteger(left($from, 4)) + toInteger(left($to, 4)) + 1) / 2)))
       AS mid
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.polarity IN ['cooperative', 'conflictual'] AND r.mentions > r.negated
MATCH (a)<-[:SOURCE]-(m:Mention)-[:TARGET]->(b)
WHERE m.type = type(r) AND NOT m.negated AND m.doc_date IS NOT NULL
  AND left(m.doc_date, size(lo)) >= lo AND left(m.doc_date, size(hi)) <= hi
WITH lo, hi, mid, m,
     CASE WHEN a.id < b.id THEN a ELSE b END AS p, CASE WHEN a.id < b.id THEN b ELSE a END AS q,
     CASE WHEN r.polarity = 'cooperative' THEN 1 ELSE -1 END AS weight,
     left(m.doc_date, size(mid)) < mid AS early
WITH lo, hi, mid, p, q,
     toInteger(sum(CASE WHEN early THEN weight ELSE 0 END)) AS a_balance,
     toInteger(sum(CASE WHEN early THEN 1 ELSE 0 END)) AS a_mentions,
     toInteger(sum(CASE WHEN early THEN 0 ELSE weight END)) AS b_balance,
     toInteger(sum(CASE WHEN early THEN 0 ELSE 1 END)) AS b_mentions,
     min(m.doc_date) AS first_date, max(m.doc_date) AS last_date
WHERE a_mentions > 0 AND b_mentions > 0 AND sign(a_balance) <> sign(b_balance)
RETURN p.name AS actor_a, q.name AS actor_b, a_balance, b_balance, a_mentions, b_mentions,
       CASE WHEN b_balance > a_balance THEN 'toward cooperation' ELSE 'toward conflict' END
         AS shift,
       '[' + lo + ', ' + mid + ')' AS period_a, '[' + mid + ', ' + hi + ']' AS period_b, first_date, last_date
ORDER BY abs(b_balance - a_balance) DESC, actor_a, actor_b
LIMIT $limit
