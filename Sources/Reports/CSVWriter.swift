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

    private let file: BufferedFile
    private let options: Options

    public init(path: String, header: [String], options: Options = Options()) throws {
        file = try BufferedFile(path: path)
        self.options = options
        if options.byteOrderMark { file.pending.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        try write(header)
    }

    public func write(_ row: [String]) throws {
        for (index, cell) in row.enumerated() {
            if index > 0 { file.pending.append(UInt8(ascii: ",")) }
            append(cell)
        }
        file.pending.append(UInt8(ascii: "\n"))
        try file.lineEnded()
    }

    public func close() throws {
        try file.close()
    }

    private func append(_ cell: String) {
        var cell = cell
        cell.withUTF8 { bytes in
            let defuse = options.defuseFormulas && bytes.first.map(Self.startsFormula) == true
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes { file.pending.append(UInt8(ascii: "\"")) }
            if defuse { file.pending.append(UInt8(ascii: "'")) }
            if needsQuotes && bytes.contains(UInt8(ascii: "\"")) {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { file.pending.append(byte) }
                    file.pending.append(byte)
                }
            } else {
                file.pending.append(contentsOf: bytes)
            }
            if needsQuotes { file.pending.append(UInt8(ascii: "\"")) }
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
