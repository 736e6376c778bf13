"""T: text hygiene — the small errors that embarrass a published report.

One module per rule; ``_prose`` says which text they read, ``_data`` loads
``rules/hygiene.toml`` and the word list.
"""
