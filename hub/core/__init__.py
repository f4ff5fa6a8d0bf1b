"""What every layer of the hub uses: its errors, settings and clock, who is asking,
secrets and private files, the progress bar.
"""
