#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in large chunks with plain `read(2)`, so memory stays flat whatever the
/// file's size (`FileHandle.bytes` does not exist on Linux).
struct ChunkedFile {
    static let chunkSize = 1 << 20

    let path: String
    let displayName: String

    /// Calls `body` with each chunk in order; `body` returns false to stop early.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestError.unreadableFile(file: displayName, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, Self.chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadableFile(file: displayName, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return }
            guard try body(UnsafeBufferPointer(rebasing: buffer[..<count])) else { return }
        }
    }

    /// The first bytes of the file (fewer when it is shorter).
    func head(_ length: Int) throws -> [UInt8] {
        var head: [UInt8] = []
        try forEachChunk { chunk in
            head.append(contentsOf: chunk.prefix(length - head.count))
            return head.count < length
        }
        return head
    }
}
