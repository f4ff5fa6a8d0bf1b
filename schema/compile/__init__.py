"""One Cypher per root field: the selection of a request compiled into a single query.

The DataLoader path (schema/loaders.py) runs one query per level of a document, and graphql-core
then completes every field of the answer one by one. For the documents this package knows,
`CompiledExecution` (run.py) instead compiles each root field's selection into one Cypher
query whose nested CALL subqueries page every connection and return the answer as one nested
map (fragments.py, build.py), then shapes that map into the response in one pass over a plan
made once per document (shape.py): enums, cursors, and personal data through hub/query/personal.py.
A coverage analysis is already one query; a `coverage(…)` root is shaped the same way from
what that query measured (coverage.py).

What the compiler does not know (a field outside `fields.py`, a directive, a page above the
limit, a unit not found) is left to the ordinary resolvers: the whole operation then runs as
before, so every answer and every error is the same either way (tests/test_compile_*.py).
"""
