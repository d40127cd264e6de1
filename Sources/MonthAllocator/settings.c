// jemalloc's options, read by jemalloc as it starts (Debian's build exports `malloc_conf`
// without a prefix). Linkage builds and frees most of a month's working data within seconds,
// at the month's peak; by default jemalloc keeps freed pages resident for ten seconds before
// it returns them. A background thread returning them after one second took the 1M first
// month's peak from 1,535-1,550 to 1,493-1,499 MiB at the same speed (MALLOC_CONF, which
// still overrides this, measured it).
const char *malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
