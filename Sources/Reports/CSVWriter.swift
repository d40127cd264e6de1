import Foundation

/// Writes RFC 4180 CSV in UTF-8, buffered, to a file.
///
/// Files for Excel users start with a BOM (Excel in China otherwise reads UTF-8 as GBK)
/// and have cells that Excel would run as formulas defused, as OWASP advises.
public final class CSVWriter {
    public struct Options: Sendable {
        public var byteOrderMark = false
        public var defuseFormulas = false

        public init(byteOrderMark: Bool = false, defuseFormulas: Bool = false) {
            self.byteOrderMark = byteOrderMark
            self.defuseFormulas = defuseFormulas
        }

        /// For files people open in Excel.
        public static let excel = Options(byteOrderMark: true, defuseFormulas: true)
    }

    private let handle: FileHandle
    private let options: Options
    private var buffer: [UInt8] = []

    public init(path: String, header: [String], options: Options = Options()) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.options = options
        buffer.reserveCapacity(1 << 20)
        if options.byteOrderMark { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        try write(header)
    }

    public func write(_ row: [String]) throws {
        for (index, cell) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append(cell)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ cell: String) {
        var cell = cell
        cell.withUTF8 { bytes in
            let defuse = options.defuseFormulas && bytes.first.map(Self.startsFormula) == true
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
            if defuse { buffer.append(UInt8(ascii: "'")) }
            if needsQuotes && bytes.contains(UInt8(ascii: "\"")) {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
            } else {
                buffer.append(contentsOf: bytes)
            }
            if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
        }
    }

    /// The first characters Excel would take as the start of a formula.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }
}
