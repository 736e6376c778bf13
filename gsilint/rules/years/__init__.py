"""Y: years and dates — one report year, a full statistics period, on-time publication."""
