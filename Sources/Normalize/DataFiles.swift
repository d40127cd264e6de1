import Foundation

/// Reads Normalize's data files: from a deployment folder when it holds the file, else the
/// copy bundled with the module (`Sources/Normalize/Data`).
struct DataFiles {
    let overrideDirectory: URL?

    static let names = [
        "regions.tsv", "name-suffixes.txt", "traditional.tsv", "status-words.tsv",
        "business-types.tsv", "organization-types.tsv",
    ]

    func url(_ name: String) throws -> URL {
        if let overrideDirectory {
            let candidate = overrideDirectory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        if let bundled = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data") {
            return bundled
        }
        if let folder = Bundle.module.url(forResource: "Data", withExtension: nil) {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        throw NormalizeError.dataFileMissing(name: name)
    }

    /// The file's lines that are neither blank nor `#` comments, split on tabs, with their
    /// 1-based line numbers.
    func rows(_ name: String) throws -> [(line: Int, columns: [String])] {
        let url = try url(name)
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8)
        else { throw NormalizeError.unreadableDataFile(path: url.path) }
        var rows: [(Int, [String])] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            rows.append((offset + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }))
        }
        return rows
    }
}
