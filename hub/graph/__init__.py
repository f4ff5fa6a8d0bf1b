"""Neo4j: the project's own local server, the one door to it (`db`: named queries
from `cypher/`, time limits, round-trip counts) and the schema migrations.
"""
