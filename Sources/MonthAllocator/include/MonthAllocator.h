// Nothing to call: linking this module sets jemalloc's options (settings.c).
