import Foundation
import Pipeline
import Testing

/// A month's institutions are decoded, assessed and written a chunk at a time. The sample
/// months fit in one chunk of the size the office runs with, so here they also run in chunks
/// of seven: the files must not change.
@Suite struct ChunkingTests {
    @Test func monthsRunInSmallChunksGiveTheSameFiles() throws {
        let work = try temporaryFolder()
        let months = ["2021-09", "2021-10"]
        for (name, chunk) in [("whole", BatchSettings().institutionChunk), ("sevens", 7)] {
            var settings = BatchSettings()
            settings.institutionChunk = chunk
            for month in months {
                _ = try BatchRunner.run(BatchRequest(
                    inputFolder: packageRoot.appendingPathComponent("input/\(month)"),
                    ledgerPath: work.appendingPathComponent("\(name)/ledger.sqlite").path,
                    outputFolder: work.appendingPathComponent("\(name)/\(month)"), settings: settings))
            }
        }
        for month in months {
            let whole = try contents(of: work.appendingPathComponent("whole/\(month)"))
            #expect(whole.count > 10, "\(month): the contract's files")
            #expect(try contents(of: work.appendingPathComponent("sevens/\(month)")) == whole, "\(month)")
        }
    }
}
