"""T: text hygiene — the small errors that embarrass a published report.

One module per rule; ``prose`` says which text they read, ``data`` loads
``rules/hygiene.toml``.
"""

from gsilint.rules.hygiene import (  # noqa: F401,E402
    brackets,  # noqa: F401,E402
    placeholder,
    punctuation,  # noqa: F401,E402
    repeated,  # noqa: F401
    script,  # noqa: F401,E402
    spacing,  # noqa: F401,E402
    url,
)
