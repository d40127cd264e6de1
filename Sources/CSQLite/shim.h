// The system SQLite GRDB also links (libsqlite3-dev): the ledger binds its bulk inserts
// through the C API (`RowInserter`).
#include <sqlite3.h>
