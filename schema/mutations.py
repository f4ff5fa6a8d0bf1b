"""Everyday edits as GraphQL mutations, each one transaction holding the change and its audit
entry, with the jurisdiction checked inside the Cypher (`$scope`) and the importer's rules.

Each mutation first reads the state it depends on (`cypher/edit/*_state.cypher`, bounded by
`$scope`), decides in Python whether the edit is allowed, then writes (`cypher/edit/*.cypher`,
bounded by `$scope` again) and records the audit entry, all in one `Database.in_write_tx`:
the change and its entry land together or not at all. Relationships are closed with `until`,
never deleted. The service role (another county system) cannot write.
"""

from __future__ import annotations

import strawberry

from schema.edit_orders import OrderEdits
from schema.edit_people import PeopleEdits


@strawberry.type(description="日常编辑（每次写入附审计记录）/ everyday edits, each audited")
class Mutation(PeopleEdits, OrderEdits):
    pass
