import Foundation
import Testing

/// One writer per ledger (issue 24): two batches started together on one ledger give what
/// running them one after the other gives, or the second is refused with a sentence.
@Suite struct OneWriterTests {
    func month(_ name: String) -> String { packageRoot.appendingPathComponent("input/\(name)").path }

    func start(_ name: String, in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = reregBinary
        process.arguments = ["batch", month(name), "--ledger", "ledger.sqlite", "--out", name]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    @Test func twoBatchesStartedTogetherNeverLoseAMonth() throws {
        // The ledger as November left it, and what December then January give on it, in order,
        // and what January alone gives (when it takes the ledger first, December is refused).
        let november = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: november) }
        for name in ["2021-09", "2021-10", "2021-11"] {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", name], in: november).status == 0)
        }
        let ledger = november.appendingPathComponent("ledger.sqlite")
        func copyOfNovember() throws -> URL {
            let work = try temporaryFolder()
            try FileManager.default.copyItem(at: ledger, to: work.appendingPathComponent("ledger.sqlite"))
            return work
        }
        let inOrder = try copyOfNovember(), januaryAlone = try copyOfNovember()
        defer { for folder in [inOrder, januaryAlone] { try? FileManager.default.removeItem(at: folder) } }
        for name in ["2021-12", "2022-01"] {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", name], in: inOrder).status == 0)
        }
        #expect(try rereg(["batch", month("2022-01"), "--ledger", "ledger.sqlite", "--out", "2022-01"], in: januaryAlone).status == 0)
        let december = try contents(of: inOrder.appendingPathComponent("2021-12"))
        let january = try contents(of: inOrder.appendingPathComponent("2022-01"))
        let januaryWithoutDecember = try contents(of: januaryAlone.appendingPathComponent("2022-01"))
        #expect(january != januaryWithoutDecember, "December's records change January's files")

        // January started 0 to 490 ms after December, fifty times.
        for offset in stride(from: 0, to: 500, by: 10) {
            let work = try copyOfNovember()
            defer { try? FileManager.default.removeItem(at: work) }
            let (first, firstErrors) = try start("2021-12", in: work)
            Thread.sleep(forTimeInterval: Double(offset) / 1000)
            let (second, secondErrors) = try start("2022-01", in: work)
            let firstText = String(decoding: firstErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let secondText = String(decoding: secondErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            first.waitUntilExit()
            second.waitUntilExit()
            let januaryFiles = try contents(of: work.appendingPathComponent("2022-01"))
            if first.terminationStatus == 0 {
                #expect(second.terminationStatus == 0, "\(offset) ms: \(secondText)")
                #expect(try contents(of: work.appendingPathComponent("2021-12")) == december, "\(offset) ms")
                #expect(januaryFiles == january, "\(offset) ms: January computed from the ledger December left")
            } else {
                // January took the ledger first: December, older, is refused in a sentence.
                #expect(first.terminationStatus == 1 && firstText.contains("不能再记录更早的 2021-12"), "\(offset) ms: \(firstText)")
                #expect(januaryFiles == januaryWithoutDecember, "\(offset) ms")
            }
        }
    }

    @Test func aWriterThatCannotGetTheLedgerSaysSo() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
        // Another process holds the writer's lock (flock(1), as an administrator's script might).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [work.appendingPathComponent("ledger.sqlite.lock").path, "sleep", "5"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.3)
        let decisions = work.appendingPathComponent("decisions.csv")
        try "decision,institution_id,other_id,category,note\n".write(to: decisions, atomically: true, encoding: .utf8)
        let started = Date()
        let run = try rereg(["decide", decisions.path, "--ledger", "ledger.sqlite", "--wait", "1"], in: work)
        #expect(run.status == 1 && run.stderr.contains("正被另一个 rereg 使用"), "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 4)
    }
}
