import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per ledger: `rereg batch`, `decide` and `replay` hold it from before they read the
/// ledger until they are done, so that a second one waits for the first instead of computing a
/// month from a state the first is about to replace (a lost update). An advisory lock
/// (`flock`) on a file beside the ledger (`ledger.sqlite.lock`), which the system releases when
/// its process ends, however it ends: a killed batch never leaves the ledger locked.
public final class WriterLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Waits for the lock up to `seconds`, checking ten times a second; then refuses with a
    /// sentence (`LedgerError.busy`).
    public init(ledgerPath: String, waiting seconds: Int = Ledger.defaultBusyTimeout) throws {
        let path = ledgerPath + ".lock"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LedgerError.cannotOpen(path: ledgerPath, reason: "无法创建锁文件“\(path)”（\(String(cString: strerror(errno)))）")
        }
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw LedgerError.busy(path: ledgerPath, waited: seconds)
            }
            usleep(100_000)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
