"""The domain rules read from the graph: coverage, the departure allowance,
personal data masking, claimed figures, data completeness.
"""
