"""The `hub` command (`main`), on top of every other layer: it starts the local Neo4j,
migrates, imports and runs the application.
"""
