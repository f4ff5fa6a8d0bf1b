"""Side-by-side benchmark of the hub, @neo4j/graphql and raw Cypher (issue 8)."""
