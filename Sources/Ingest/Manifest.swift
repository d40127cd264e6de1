import Foundation
import RegistryModel

/// The optional `manifest.json` in an input folder: pins what detection cannot decide.
///
/// ```json
/// {
///   "as_of": "2021-11-30",
///   "files": {
///     "单位名录.csv": {
///       "source": "civil_affairs",
///       "encoding": "gb18030",
///       "layout": "business_list",
///       "delimiter": ";",
///       "columns": { "单位全称": "name", "备注": "ignore" }
///     }
///   }
/// }
/// ```
/// Every key is optional. `columns` maps an export's column or element name to a field
/// (`Field`'s raw values) or to `ignore`, on top of the shipped synonym table.
public struct Manifest: Sendable, Decodable {
    public static let fileName = "manifest.json"

    public struct FileEntry: Sendable, Decodable {
        public var source: SourceKind?
        public var encoding: TextEncoding?
        public var layout: FileLayout?
        public var delimiter: String?
        public var columns: [String: String]?
    }

    /// The date the batch describes, `YYYY-MM-DD`.
    public var asOf: String?
    public var files: [String: FileEntry]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case files
    }

    public init(asOf: String? = nil, files: [String: FileEntry] = [:]) {
        self.asOf = asOf
        self.files = files
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try container.decodeIfPresent(String.self, forKey: .asOf)
        files = try container.decodeIfPresent([String: FileEntry].self, forKey: .files) ?? [:]
    }

    /// Reads the folder's manifest, or an empty one when there is none.
    public static func load(from folder: URL) throws -> Manifest {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return Manifest() }
        do {
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
            try manifest.validate()
            return manifest
        } catch let error as IngestError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw IngestError.invalidManifest(file: fileName, reason: "不是有效的 JSON（\(context.debugDescription)）")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw IngestError.invalidManifest(file: fileName, reason: "“\(path)”的值无法识别（\(context.debugDescription)）")
        } catch {
            throw IngestError.invalidManifest(file: fileName, reason: "\(error)")
        }
    }

    private func validate() throws {
        for (file, entry) in files {
            for (column, target) in entry.columns ?? [:] where target != "ignore" && Field(rawValue: target) == nil {
                let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw IngestError.invalidManifest(
                    file: Self.fileName,
                    reason: "文件“\(file)”的列“\(column)”映射到未知字段“\(target)”（可用：\(known), ignore）")
            }
            if let delimiter = entry.delimiter, delimiter.utf8.count != 1 {
                throw IngestError.invalidManifest(file: Self.fileName, reason: "文件“\(file)”的 delimiter 必须是一个 ASCII 字符")
            }
        }
    }
}
