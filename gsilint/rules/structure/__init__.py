"""S: structure — the template's sections in order, numbered and declared; the tables' format
and shape (S108, S109)."""
