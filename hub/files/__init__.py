"""The files a county fills in: the kinds of record and their columns, reading a CSV
folder or an .xlsx workbook into rows (guarded against zip bombs), the problems
found in them, and the templates generated from the same registry.
"""
