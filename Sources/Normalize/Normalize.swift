// Normalize stage: raw records → typed source records.
