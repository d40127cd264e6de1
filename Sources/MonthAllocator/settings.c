// jemalloc's options, read by jemalloc as it starts (Debian's build exports `malloc_conf`
// without a prefix). Linkage builds and frees most of a month's working data within seconds,
// at the month's peak; by default jemalloc keeps freed pages resident for ten seconds before
// it returns them. A background thread returning them after one second took the 1M first
// month's peak from 1,550 MiB (the default; 1,535 with one second but no thread) to
// 1,497-1,499 MiB, measured through MALLOC_CONF, which still overrides this. Wall time moved
// within this machine's noise; system time rose, about 15 s against 12 s for that month.
const char *malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
