import Foundation
import TestSupport
import Ingest
import RegistryModel

/// The committed fixture exports (see Fixtures/README.md).
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/exports")

/// A fresh folder per test: tests run in parallel.
func temporaryFolder() throws -> URL {
    try TestScratch.folder("ingest")
}

/// A folder holding exactly these files.
func folder(with files: [String: [UInt8]]) throws -> URL {
    let url = try temporaryFolder()
    for (name, bytes) in files {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }
    return url
}

func folder(with files: [String: String]) throws -> URL {
    try folder(with: files.mapValues { Array($0.utf8) })
}

struct Ingested {
    var files: [InputFile] = []
    var records: [RawRecord] = []
    var rejects: [Reject] = []
    var reports: [FileReport] = []

    func records(in file: String) -> [RawRecord] { records.filter { $0.ref.sourceFile == file } }
    func rejects(in file: String) -> [Reject] { rejects.filter { $0.ref.sourceFile == file } }
    func record(_ file: String, _ ordinal: Int) -> RawRecord? {
        records.first { $0.ref == RecordRef(sourceFile: file, ordinal: ordinal) }
    }
}

func ingest(_ folder: URL) throws -> Ingested {
    let ingestor = try Ingestor(folder: folder)
    var result = Ingested()
    result.files = try ingestor.survey()
    for file in result.files {
        let report = try ingestor.read(file) { event in
            switch event {
            case .record(let record): result.records.append(record)
            case .reject(let reject): result.rejects.append(reject)
            }
        }
        result.reports.append(report)
    }
    return result
}

/// The error a folder's ingest stops with, or nil when it does not stop.
func ingestError(_ folder: URL) -> IngestError? {
    do {
        _ = try ingest(folder)
        return nil
    } catch {
        return error as? IngestError
    }
}

func fixtureBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: fixturesFolder.appendingPathComponent(name)))
}
