import Crypto
import Foundation
import RegistryModel
import Support

/// One input file as the survey recognised it, ready to be read.
public struct InputFile: Sendable, Hashable {
    /// The path relative to the input folder: what `source_file` shows.
    public let name: String
    public let path: String
    public let format: FileFormat
    public let encoding: TextEncoding
    public let kind: SourceKind
    public let layout: FileLayout
    public let byteCount: Int
    /// SHA-256 of the file's bytes, hex: what tells a corrected export from a re-run.
    public let sha256: String

    public var source: SourceFile {
        SourceFile(name: name, kind: kind, layout: layout, format: format, encoding: encoding)
    }
}

/// What reading one file gave.
public struct FileReport: Sendable, Hashable {
    public let file: InputFile
    public var records = 0
    public var accepted = 0
    public var rejected = 0
}

/// The ingest stage: recognises every file in a month's folder, then streams each one's
/// records or rejects, in file order, to the caller.
public struct Ingestor: Sendable {
    public let folder: URL
    public let manifest: Manifest
    /// What the folder holds that is not an export, each with why it is left unread (an
    /// Office lock file, a hidden file): for the month's warnings, never dropped unsaid.
    public let ignoredFiles: [(name: String, reason: String)]
    /// The exports, relative to the folder: listed once, with what is ignored.
    private let fileNames: [String]
    private let synonyms: FieldSynonyms

    public init(folder: URL, synonyms: FieldSynonyms = .standard) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IngestError.unreadableFolder(path: folder.path, reason: "文件夹不存在")
        }
        self.folder = folder
        self.synonyms = synonyms
        manifest = try Manifest.load(from: folder)
        (fileNames, ignoredFiles) = try Self.listing(of: folder)
    }

    /// Recognises every file before any record is used, so that an unreadable file stops
    /// the batch before anything is written. Files are read on every core: nothing else can
    /// start until the survey is done.
    public func survey() throws -> [InputFile] {
        try Parallel.mapEach(fileNames) { try recognise($0) }
    }

    /// Streams one file's records and rejects, in file order, to `emit`.
    public func read(_ file: InputFile, emit: (IngestEvent) -> Void) throws -> FileReport {
        var report = FileReport(file: file)
        try withoutActuallyEscaping(emit) { emit in
            let counting: (IngestEvent) -> Void = { event in
                report.records += 1
                switch event {
                case .record: report.accepted += 1
                case .reject: report.rejected += 1
                }
                emit(event)
            }
            let header = try reader(for: file, emit: counting).read()
            guard header.kind == file.kind, header.layout == file.layout else {
                throw IngestError.unreadableFile(file: file.name, reason: "文件在读取过程中被改动")
            }
        }
        return report
    }

    /// One SHA-256 over every file's name and checksum and the manifest: equal digests
    /// mean a re-run of the same exports.
    public func inputDigest(of files: [InputFile]) throws -> String {
        var hash = SHA256()
        for file in files { hash.update(data: Data("\(file.name)\t\(file.sha256)\n".utf8)) }
        let manifest = folder.appendingPathComponent(Manifest.fileName)
        if FileManager.default.fileExists(atPath: manifest.path) {
            hash.update(data: Data("\(Manifest.fileName)\t".utf8))
            hash.update(data: try Data(contentsOf: manifest))
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Finding files

    private static let workbookExtensions: Set<String> = ["xlsx", "xls", "xlsm", "et", "ods"]

    /// Files under the folder, relative and sorted, so that every run reads them in the same order.
    /// A symbolic link to a file is that file (the office links the bureau's export in place); a
    /// link that leads nowhere, or to anything but a file, stops the batch rather than leave the
    /// records it should have held out unseen.
    private static func listing(of folder: URL) throws -> (files: [String], ignored: [(name: String, reason: String)]) {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
        else { throw IngestError.unreadableFolder(path: folder.path, reason: "无法列出文件") }
        let base = folder.standardizedFileURL.path
        var names: [String] = []
        var ignored: [(name: String, reason: String)] = []
        for case let url as URL in enumerator {
            var name = String(url.standardizedFileURL.path.dropFirst(base.count))
            while name.hasPrefix("/") { name.removeFirst() }
            let values = try? url.resourceValues(forKeys: Set(keys))
            if url.lastPathComponent.hasPrefix("~$") {
                ignored.append((name, "Office 打开文件时留下的临时锁文件，不是导出文件"))
                continue
            }
            if url.lastPathComponent.hasPrefix(".") {
                if values?.isDirectory == true { enumerator.skipDescendants() }
                ignored.append((name, values?.isDirectory == true ? "隐藏文件夹，其中的文件不读" : "隐藏文件，不读"))
                continue
            }
            if values?.isSymbolicLink == true {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                      (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                else { throw IngestError.unreadableFile(file: name, reason: "它是一个符号链接，指向的不是一个存在的文件；请把导出文件本身放进文件夹") }
            } else if values?.isRegularFile != true {
                continue
            }
            if name != Manifest.fileName { names.append(name) }
        }
        return (names.sorted { $0.utf8Precedes($1) }, ignored.sorted { $0.name.utf8Precedes($1.name) })
    }

    // MARK: Recognising a file

    private func recognise(_ name: String) throws -> InputFile {
        let path = folder.appendingPathComponent(name).path
        let file = ChunkedFile(path: path, displayName: name)
        let format = try Self.format(of: name, head: file.head(8))
        let pins = FilePins(manifest.files[name])
        let scan = try Self.scan(file)
        guard scan.byteCount > 0 else { throw IngestError.emptyFile(file: name) }
        guard let encoding = pins.encoding ?? scan.sniffer.verdict else {
            throw IngestError.unrecognisedEncoding(file: name, detail: scan.sniffer.failureDetail)
        }
        let probe = InputFile(name: name, path: path, format: format, encoding: encoding,
                              kind: .civilAffairs, layout: .snapshot, byteCount: scan.byteCount, sha256: scan.sha256)
        let header = try reader(for: probe, emit: { _ in }).recogniseHeader()
        return InputFile(name: name, path: path, format: format, encoding: encoding,
                         kind: header.kind, layout: header.layout, byteCount: scan.byteCount, sha256: scan.sha256)
    }

    /// One pass over the whole file: its checksum, its size and the encoding evidence.
    private static func scan(_ file: ChunkedFile) throws -> (sha256: String, byteCount: Int, sniffer: EncodingSniffer) {
        var sniffer = EncodingSniffer()
        var hash = SHA256()
        var byteCount = 0
        try file.forEachChunk { chunk in
            sniffer.feed(chunk)
            hash.update(bufferPointer: UnsafeRawBufferPointer(chunk))
            byteCount += chunk.count
            return true
        }
        sniffer.finish()
        let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        return (digest, byteCount, sniffer)
    }

    private static func format(of name: String, head: [UInt8]) throws -> FileFormat {
        let fileExtension = (name as NSString).pathExtension.lowercased()
        if workbookExtensions.contains(fileExtension) || head.starts(with: [0x50, 0x4B, 0x03, 0x04])
            || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw IngestError.unsupportedFile(
                file: name, seen: "Excel 工作簿", advice: "请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后放入文件夹")
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.prefix(8).contains(0) {
            throw IngestError.unsupportedFile(
                file: name, seen: "UTF-16 编码的文本",
                advice: "请另存为 UTF-8 或 GB18030 编码的\((name as NSString).pathExtension.lowercased() == "xml" ? " XML" : " CSV")")
        }
        switch fileExtension {
        case "csv": return .csv
        case "xml": return .xml
        default:
            throw IngestError.unsupportedFile(
                file: name, seen: "“.\(fileExtension)”类型的文件",
                advice: "输入文件夹只能放 .csv 和 .xml 导出文件（及 manifest.json），请移走或转换它")
        }
    }

    private func reader(for file: InputFile, emit: @escaping (IngestEvent) -> Void) -> any RecordReader {
        let chunked = ChunkedFile(path: file.path, displayName: file.name)
        let pins = FilePins(manifest.files[file.name])
        let resolver = NameResolver(synonyms: synonyms, manifestColumns: manifest.files[file.name]?.columns)
        switch file.format {
        case .csv: return CSVReader(file: chunked, encoding: file.encoding, resolver: resolver, pins: pins, emit: emit)
        case .xml: return XMLReader(file: chunked, encoding: file.encoding, resolver: resolver, pins: pins, emit: emit)
        }
    }
}

/// A file-format reader: recognises the header, then reads every record.
protocol RecordReader {
    func read() throws -> RecognisedHeader
    func recogniseHeader() throws -> RecognisedHeader
}

extension CSVReader: RecordReader {}
extension XMLReader: RecordReader {}
