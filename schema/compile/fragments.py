"""The fixed pieces every compiled query is made of, the same Cypher as the named queries
the DataLoaders run (cypher/browse/children.cypher, party_orgs.cypher, org_members.cypher,
units/by_code.cypher, units/household_by_code.cypher, browse/household_ancestors.cypher),
reshaped so that they nest.

A fragment is filled with `%`-formatting: node and relationship variables the compiler
numbers itself (n0, r1, …), labels from schema/compile/fields.py, parameter names it numbers
itself (c1_offset, …). Values are always `$parameters`; nothing from a request is ever put
into the text.
"""

from __future__ import annotations

ACTIVE = "%(rel)s.since <= $asOf AND (%(rel)s.until IS NULL OR %(rel)s.until > $asOf)"
# The same test as every named query: the node lies within the caller's unit ($scope).
IN_SCOPE = ("($scope IS NULL OR EXISTS { (%(node)s) (()-[held:IN WHERE held.since <= $asOf "
            "AND (held.until IS NULL OR held.until > $asOf)]->()){%(low)s,%(high)s} "
            "(:Unit {code: $scope}) })")

UNIT_PROJECTION = ".code, .name, labels: labels(%(node)s), .kind, .industry, .size"
PROJECTIONS = {
    "unit": UNIT_PROJECTION,
    # A date as its ISO text, which is what the response holds: no driver Date to build
    # and convert back for each of a browse's hundreds of members.
    "Member": ".code, .name, .phone, .gender, .fullMember, "
              "joinedOn: toString(%(node)s.joinedOn)",
    "Household": ".code, .head, .phone, .size, .address",
}

# What each kind of connection matches, per parent node: (MATCH pattern, WHERE).
# The named queries test $scope on every row because a batch's parents come from anywhere;
# here every node is reached downwards by active links from a root that passed the test, so
# it lies within the caller's unit too (the model is at most four :IN links deep below any
# unit a caller may hold, the bound of IN_SCOPE), and testing it again would only cost.
MATCHES = {
    "children": ("(%(node)s:%(label)s)-[%(rel)s:IN]->(%(parent)s)",
                 "($%(p)s_nameLike IS NULL OR %(node)s.name CONTAINS $%(p)s_nameLike)"),
    "party_orgs": ("(%(node)s:%(label)s)-[%(rel)s:IN]->(%(parent)s)",
                   "($%(p)s_kinds IS NULL OR %(node)s.kind IN $%(p)s_kinds)"),
    "members": ("(%(node)s:%(label)s)-[%(rel)s:MEMBER_OF]->(%(parent)s)", "true"),
}

# One page of one connection, with the size of the whole list, as one map {total, items};
# `nested` holds the CALLs of the page's own connections, `carry` their result names. The
# page is unwound as [null] when empty so that the subquery always returns its one row.
CONNECTION = """CALL (%(parent)s) {
  OPTIONAL MATCH %(pattern)s
  WHERE %(parent)s:%(parent_label)s AND %(active)s AND %(where)s
  WITH %(node)s ORDER BY %(node)s.code
  WITH collect(%(node)s) AS found
  WITH size(found) AS total, found[$%(p)s_offset..$%(p)s_offset + $%(p)s_limit] AS page
  UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS %(node)s
%(nested)s  WITH total, %(node)s%(carry)s ORDER BY %(node)s.code
  WITH total, collect(%(node)s {%(projection)s}) AS items
  RETURN {total: total, items: items} AS %(key)s
}
"""

ROOT_MATCH = {
    "Unit": "MATCH (n0:Unit {code: $code})\nWHERE " + IN_SCOPE + "\n",
    "Household": "MATCH (n0:Household {code: $code})\nWHERE " + IN_SCOPE + "\n",
}
ROOT_SCOPE_DEPTH = {"Unit": (0, 4), "Household": (1, 5)}

# The chain of units above the root, nearest first, cut where it leaves $scope.
CHAIN = """CALL (n0) {
  OPTIONAL MATCH up = (n0) (()-[r:IN WHERE r.since <= $asOf
                         AND (r.until IS NULL OR r.until > $asOf)]->(:Unit)){1,5} ()
  WITH up ORDER BY length(up) DESC
  WITH head(collect(up)) AS up
  RETURN [n IN CASE WHEN up IS NULL THEN [] ELSE tail(nodes(up)) END
          WHERE %(in_scope)s | n {%(projection)s}] AS chain
}
"""

RETURN = "RETURN n0 {%(projection)s} AS root\n"
