import Foundation

/// A file written through a 1 MiB buffer: the month's files are made a line at a time and
/// never held whole, not built as one string and copied into `Data` (measured: BENCHMARKS.md,
/// history, `b6e286e`).
final class BufferedFile {
    private let handle: FileHandle
    /// What is not written yet: writers append to it, then call `lineEnded()`.
    var pending: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        pending.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        pending.append(contentsOf: text.utf8)
        try lineEnded()
    }

    /// Writes the buffer out once it holds a mebibyte.
    func lineEnded() throws {
        if pending.count >= 1 << 20 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
