// The territorial chain above each household in $codes, nearest first (grid or village →
// community → township → county), by :IN links active as of $asOf, cut where it leaves $scope. One
// query answers every `parent { parent { … } }` of a document: the chain primes the loader.
// 各户向上的地域链（由近及远，超出管辖范围处截断）。Params: $codes, $asOf, $scope.
UNWIND $codes AS wanted
MATCH (start:Household {code: wanted})
OPTIONAL MATCH up = (start) (()-[r:IN WHERE r.since <= $asOf
                              AND (r.until IS NULL OR r.until > $asOf)]->(:Unit)){1,5} ()
WITH wanted, up ORDER BY length(up) DESC
WITH wanted, head(collect(up)) AS up
RETURN wanted AS code,
       [n IN CASE WHEN up IS NULL THEN [] ELSE tail(nodes(up)) END
        WHERE $scope IS NULL OR EXISTS { (n) (()-[held:IN WHERE held.since <= $asOf
                                           AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                         (:Unit {code: $scope}) }
        | n {.code, .name, labels: labels(n), .kind, .industry, .size}] AS chain
