"""T: text hygiene — the small errors that embarrass a published report.

One module per rule; ``prose`` says which text they read, ``data`` loads
``rules/hygiene.toml``.
"""

from gsilint.rules.hygiene import repeated  # noqa: F401
from gsilint.rules.hygiene import placeholder, url  # noqa: F401,E402
from gsilint.rules.hygiene import script  # noqa: F401,E402
from gsilint.rules.hygiene import punctuation  # noqa: F401,E402
from gsilint.rules.hygiene import spacing  # noqa: F401,E402
from gsilint.rules.hygiene import brackets  # noqa: F401,E402
