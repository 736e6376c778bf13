"""S: structure — the template's sections, in order, numbered and declared, and the tables' format
and shape."""
