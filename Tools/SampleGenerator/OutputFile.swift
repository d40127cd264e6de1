import Glibc

enum OutputEncoding {
    case utf8
    /// UTF-8 with a BOM, which Chinese Excel users' tools write and which ends up glued to the first header.
    case utf8BOM
    /// GB18030 without a BOM, as Excel in China saves CSV.
    case gb18030

    var label: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8 with BOM"
        case .gb18030: "GB18030"
        }
    }
}

/// A file written in large chunks. Text arrives as UTF-8 and is converted on the way
/// out; callers flush only at row boundaries, so no character is ever split.
final class OutputFile {
    let path: String
    private let handle: UnsafeMutablePointer<FILE>
    private let encoder: GB18030Encoder?
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0
    private static let chunk = 1 << 20

    init(path: String, encoding: OutputEncoding) throws {
        guard let handle = fopen(path, "wb") else { throw GeneratorError.io(path: path, errno: errno) }
        self.path = path
        self.handle = handle
        encoder = encoding == .gb18030 ? GB18030Encoder() : nil
        buffer.reserveCapacity(Self.chunk + 4096)
        if encoding == .utf8BOM { buffer += [0xEF, 0xBB, 0xBF] }
    }

    deinit { fclose(handle) }

    func append(_ text: String) { buffer.append(contentsOf: text.utf8) }
    func append(bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Call between rows.
    func flushIfFull() throws {
        if buffer.count >= Self.chunk { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let bytes = try encoder?.encode(buffer) ?? buffer
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == bytes.count else { throw GeneratorError.io(path: path, errno: errno) }
        bytesWritten += written
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        guard fflush(handle) == 0 else { throw GeneratorError.io(path: path, errno: errno) }
    }
}
