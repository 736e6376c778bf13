"""E: problems with the input itself — unreadable files, unparsable text, unused suppressions.

E001 and E002 are emitted by the engine; their modules hold their documentation.
"""
