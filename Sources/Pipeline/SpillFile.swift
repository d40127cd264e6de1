import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Text a month needs only late, kept in a temporary file instead of in memory: the records'
/// exported values until the ledger write (`ExportedFields`), the stored histories until each
/// institution is assessed (`HeldMemory`). The page cache holds what is read back soon;
/// the month's memory does not.
///
/// The file is unlinked as soon as it is made, so nothing is left behind whatever ends the
/// run; it closes when the last holder lets go of it. Appending is one thread's (`Appender`);
/// reading a range already flushed is any thread's.
final class SpillFile: Sendable {
    private let descriptor: Int32

    /// Makes the file in `directory`: by default the system's temporary folder (`TMPDIR`).
    init(in directory: URL = FileManager.default.temporaryDirectory) throws {
        var template = Array(directory.appendingPathComponent("rereg-spill-XXXXXX").path.utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw PipelineError.temporaryFile(reason: Self.lastError()) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)  // no child process inherits the month's data
        // Fully initialised from here: a throw runs `deinit`, which closes the file.
        guard template.withUnsafeBufferPointer({ unlink($0.baseAddress!) }) == 0 else {
            throw PipelineError.temporaryFile(reason: Self.lastError())
        }
    }

    /// The C library's last error, in words; read right after the call that failed.
    fileprivate static func lastError() -> String {
        String(cString: strerror(errno))
    }

    deinit {
        close(descriptor)
    }

    /// The bytes at `range`, in one read.
    func read(_ range: Range<Int>) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        let failure: String? = bytes.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound + done))
                if result < 0 && errno == EINTR { continue }
                if result < 0 { return Self.lastError() }
                if result == 0 { return "文件比应有的短" }
                done += result
            }
            return nil
        }
        if let failure { throw PipelineError.temporaryFile(reason: failure) }
        return bytes
    }

    /// The text at `range`.
    func text(_ range: Range<Int>) throws -> String {
        String(decoding: try read(range), as: UTF8.self)
    }

    /// Writes to the file through a buffer, from one thread; a range it returns can be read
    /// once `flush` has run.
    final class Appender {
        let file: SpillFile
        private var pending: [UInt8] = []
        private var flushedBytes = 0
        private var failure: (any Error)?

        /// Flushed at this size: one system call per thousands of texts.
        private static let flushSize = 1 << 20

        init(to file: SpillFile) {
            self.file = file
            pending.reserveCapacity(Self.flushSize + 4096)
        }

        /// Appends the text (its UTF-8); returns where it will be in the file.
        func append(_ text: some Collection<UInt8>) -> Range<Int> {
            let start = flushedBytes + pending.count
            pending.append(contentsOf: text)
            let end = flushedBytes + pending.count
            if pending.count >= Self.flushSize { writePending() }
            return start ..< end
        }

        /// Writes what is pending; the first write error, if any, now.
        func flush() throws {
            writePending()
            if let failure { throw failure }
        }

        /// After a failed write the rest is dropped, not kept in memory: the month fails at
        /// `flush` anyway, and keeping it would bring back the memory this file saves.
        private func writePending() {
            defer {
                flushedBytes += pending.count
                pending.removeAll(keepingCapacity: true)
            }
            guard failure == nil, !pending.isEmpty else { return }
            let count = pending.count
            let reason: String? = pending.withUnsafeBytes { bytes in
                var done = 0
                while done < count {
                    let result = write(file.descriptor, bytes.baseAddress! + done, count - done)
                    if result < 0 && errno == EINTR { continue }
                    if result < 0 { return SpillFile.lastError() }
                    if result == 0 { return "写入未能进行" }
                    done += result
                }
                return nil
            }
            if let reason { failure = PipelineError.temporaryFile(reason: reason) }
        }
    }
}
