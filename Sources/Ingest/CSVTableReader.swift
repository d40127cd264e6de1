internal import CLibCSV
import Foundation
import RegistryModel

/// A small CSV file read whole through libcsv, for the files clerks and tools hand back
/// (`rereg decide`'s decisions, the truth tables): rows of fields, header row included.
/// Quoted fields keep their commas, doubled quotes and line breaks; a UTF-8 BOM is dropped;
/// a file that is not UTF-8 is read as GB18030, as Excel in China saves CSV.
public enum CSVTableReader {
    public enum Failure: Error, Equatable {
        /// Neither UTF-8 nor GB18030 (the sniffer's detail says where).
        case encoding(String)
        /// libcsv stopped (its message), or the file ended inside a quoted field.
        case malformed(String)
    }

    public static func rows(of url: URL) throws -> [[String]] {
        try rows(in: [UInt8](try Data(contentsOf: url)))
    }

    public static func rows(in bytes: [UInt8]) throws -> [[String]] {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var sniffer = EncodingSniffer()
        bytes.withUnsafeBufferPointer { sniffer.feed($0) }
        sniffer.finish()
        guard let encoding = sniffer.verdict else { throw Failure.encoding(sniffer.failureDetail) }
        let collector = Collector(decoder: FieldDecoder(encoding: encoding))

        var parser = csv_parser()
        guard csv_init(&parser, 0) == 0 else { throw Failure.malformed("libcsv 无法初始化") }
        defer { csv_free(&parser) }
        csv_set_space_func(&parser) { _ in 0 }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        try withExtendedLifetime(collector) {
            let parsed = bytes.withUnsafeBytes { csv_parse(&parser, $0.baseAddress, $0.count, onTableField, onTableRowEnd, context) }
            guard parsed == bytes.count else { throw Failure.malformed(String(cString: csv_strerror(csv_error(&parser)))) }
            // The file ended inside a quoted field (libcsv's FIELD_BEGUN state, 2, quoted).
            guard !(parser.pstate == 2 && parser.quoted != 0) else { throw Failure.malformed("文件在引号内结束") }
            csv_fini(&parser, onTableField, onTableRowEnd, context)
        }
        if let failure = collector.failure { throw failure }
        return collector.rows
    }

    fileprivate final class Collector {
        let decoder: FieldDecoder
        var rows: [[String]] = []
        var row: [String] = []
        var failure: Failure?

        init(decoder: FieldDecoder) { self.decoder = decoder }

        func field(_ bytes: UnsafeRawBufferPointer) {
            guard let text = decoder.decode(bytes) else {
                if failure == nil { failure = .encoding("第 \(rows.count + 1) 行有无法解码的字节") }
                row.append("")
                return
            }
            row.append(text)
        }

        func endRow() {
            // A blank line is no row.
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
    }
}

private func onTableField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<CSVTableReader.Collector>.fromOpaque(context!).takeUnretainedValue()
        .field(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
}

private func onTableRowEnd(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<CSVTableReader.Collector>.fromOpaque(context!).takeUnretainedValue().endRow()
}
