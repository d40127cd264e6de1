import Foundation
import Testing

/// Crashes, replays, decisions and refusals, through the real binary.
@Suite struct RecoveryTests {
    func month(_ name: String) -> String { packageRoot.appendingPathComponent("input/\(name)").path }

    @Test func aBatchKilledAtAnyMomentThenRunAgainGivesTheUninterruptedFiles() throws {
        let clean = try temporaryFolder()
        for name in ["2021-09", "2021-10"] {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", name], in: clean).status == 0)
        }
        let expected = try contents(of: clean.appendingPathComponent("2021-10"))

        // Kill the October batch after a spread of delays, from before it reads to after it commits.
        for delay in [0.0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0] {
            let work = try temporaryFolder()
            #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
            try killed(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: work, after: delay)

            let output = work.appendingPathComponent("2021-10")
            if FileManager.default.fileExists(atPath: output.path) {
                #expect(try contents(of: output) == expected, "after \(delay) s a published folder is complete")
            }
            let rerun = try rereg(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: work)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try contents(of: output) == expected, "killed after \(delay) s, then re-run")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".2021-10") }
            #expect(leftovers.isEmpty, "nothing half-written stays beside the output: \(leftovers)")
        }
    }

    /// Starts rereg and kills it after `delay` seconds (or lets it finish first).
    func killed(_ arguments: [String], in folder: URL, after delay: Double) throws {
        let process = Process()
        process.executableURL = reregBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test func aDecideKilledAtAnyMomentThenRunAgainCountsOnce() throws {
        let clean = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: clean) }
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: clean).status == 0)
        let item = try #require(try csvRows(clean.appendingPathComponent("2021-09/review.csv")).first { $0[1] == "类别认定" })
        let decisions = "decision,institution_id,other_institution_id,category,note\ncategory,\(item[2]),,non_subject,已核实\n"
        try decisions.write(to: clean.appendingPathComponent("decisions.csv"), atomically: true, encoding: .utf8)
        #expect(try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: clean).status == 0)
        #expect(try rereg(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: clean).status == 0)
        let expected = try contents(of: clean.appendingPathComponent("2021-10"))

        for delay in [0.0, 0.02, 0.05, 0.1, 0.2, 0.4] {
            let work = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: work) }
            #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
            try decisions.write(to: work.appendingPathComponent("decisions.csv"), atomically: true, encoding: .utf8)
            try killed(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work, after: delay)
            // Recorded or not, as a whole: a second run either records it or finds it made
            // (the same category again is a second, identical decision, harmless).
            let numbered = ((try? FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("ledger.sqlite.decisions").path)) ?? [])
                .filter { $0.first?.isNumber == true }
            if numbered.isEmpty {
                #expect(try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work).status == 0)
            }
            #expect(try rereg(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: work).status == 0)
            #expect(try contents(of: work.appendingPathComponent("2021-10")) == expected, "decide killed after \(delay) s")
        }
    }

    @Test func aReplayKilledAtAnyMomentLeavesTheLedgerItReplaces() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["2021-09", "2021-10"] {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", name], in: work).status == 0)
        }
        let before = try Data(contentsOf: work.appendingPathComponent("ledger.sqlite"))
        let months = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: months) }
        for name in ["2021-09", "2021-10"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("input/\(name)"), to: months.appendingPathComponent(name))
        }
        for delay in [0.05, 0.2, 0.5, 0.8] {
            try killed(["replay", months.path, "--ledger", "ledger.sqlite", "--out-root", "replayed"], in: work, after: delay)
            let now = try Data(contentsOf: work.appendingPathComponent("ledger.sqlite"))
            // Killed before its last step the old ledger is untouched; after it, the rebuilt
            // one gives the same files.
            if now != before {
                #expect(try rereg(["report", "--batch", "2021-10", "--ledger", "ledger.sqlite", "--out", "check"], in: work).status == 0)
                #expect(try contents(of: work.appendingPathComponent("check")) == contents(of: work.appendingPathComponent("2021-10")))
            }
        }
        let replay = try rereg(["replay", months.path, "--ledger", "ledger.sqlite", "--out-root", "replayed"], in: work)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(try contents(of: work.appendingPathComponent("replayed/2021-10")) == contents(of: work.appendingPathComponent("2021-10")))
    }

    @Test func filesThatCannotBeWrittenLeaveTheMonthRecordedAndSaySo() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // --out under a plain file: no one, root included, can make that folder.
        try Data("not a folder".utf8).write(to: work.appendingPathComponent("blocker"))
        let run = try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "blocker/2021-09"], in: work)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("批次 2021-09 已记入台账") && run.stderr.contains("rereg report --batch 2021-09"), "\(run.stderr)")
        #expect(!run.stderr.contains("Error Domain") && !run.stderr.contains("couldn’t"), "no raw system text: \(run.stderr)")

        // The month is in the ledger: report writes its files, the same as an undisturbed run's.
        let report = try rereg(["report", "--batch", "2021-09", "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work)
        #expect(report.status == 0, "\(report.stderr)")
        let clean = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: clean) }
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: clean).status == 0)
        #expect(try contents(of: work.appendingPathComponent("2021-09")) == contents(of: clean.appendingPathComponent("2021-09")))
    }

    @Test func aDamagedLedgerIsNeverWrittenTo() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["2021-09", "2021-10"] {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", name], in: work).status == 0)
        }
        // 4 KB of noise over a page in the middle, as a failing disk or a stray copy leaves it.
        let ledger = work.appendingPathComponent("ledger.sqlite")
        let handle = try FileHandle(forUpdating: ledger)
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        handle.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
        try handle.close()
        let damaged = try Data(contentsOf: ledger)

        let run = try rereg(["batch", month("2021-11"), "--ledger", "ledger.sqlite", "--out", "2021-11"], in: work)
        #expect(run.status == 1 && run.stderr.contains("已损坏") && run.stderr.contains("rereg replay"), "\(run.stderr)")
        #expect(try Data(contentsOf: ledger) == damaged, "not a byte written")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("2021-11").path))
    }

    @Test func decisionsKeptBesideTheLedgerSurviveItsLoss() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
        let item = try #require(try csvRows(work.appendingPathComponent("2021-09/review.csv")).first { $0[1] == "类别认定" })
        try "decision,institution_id,other_institution_id,category,note\ncategory,\(item[2]),,non_subject,已核实\n"
            .write(to: work.appendingPathComponent("decisions.csv"), atomically: true, encoding: .utf8)
        #expect(try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("ledger.sqlite.decisions/0001-decisions.csv").path))

        // The ledger is lost; the month folders and the kept decisions rebuild it.
        try FileManager.default.removeItem(at: work.appendingPathComponent("ledger.sqlite"))
        let months = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: months) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("input/2021-09"), to: months.appendingPathComponent("2021-09"))
        let replay = try rereg(["replay", months.path, "--ledger", "ledger.sqlite", "--out-root", "replayed"], in: work)
        #expect(replay.status == 0, "\(replay.stderr)")
        let lines = try String(contentsOf: work.appendingPathComponent("replayed/2021-09/ledger.jsonl"), encoding: .utf8)
        let line = try #require(lines.split(separator: "\n").first { $0.contains("\"\(item[2])\"") })
        #expect(line.contains("\"category\":\"non_subject\""), "\(line)")
    }

    @Test func anotherAsOfDateForTheNewestMonthIsACorrectionThatReplacesIt() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["2021-12", "2022-01"] {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", name], in: work).status == 0)
        }
        func asOf() throws -> String? {
            let summary = try Data(contentsOf: work.appendingPathComponent("2022-01/summary.json"))
            return (try JSONSerialization.jsonObject(with: summary) as? [String: Any])?["as_of"] as? String
        }
        #expect(try asOf() == "2022-01-31")
        let corrected = try rereg(["batch", month("2022-01"), "--as-of", "2022-01-15", "--ledger", "ledger.sqlite", "--out", "2022-01"], in: work)
        #expect(corrected.status == 0 && corrected.stderr.contains("由 2022-01-31 更正为 2022-01-15"), "\(corrected.stderr)")
        #expect(try asOf() == "2022-01-15")
        // Recorded so: the same date again is the same batch, and the ledger renders it as corrected.
        let again = try rereg(["batch", month("2022-01"), "--as-of", "2022-01-15", "--ledger", "ledger.sqlite", "--out", "2022-01"], in: work)
        #expect(again.status == 0 && again.stderr.contains("未重复记录"), "\(again.stderr)")
        #expect(try rereg(["report", "--batch", "2022-01", "--ledger", "ledger.sqlite", "--out", "2022-01"], in: work).status == 0)
        #expect(try asOf() == "2022-01-15")
    }

    @Test func replayRebuildsTheSameLedgerFiles() throws {
        let work = try temporaryFolder()
        for name in sampleMonths {
            #expect(try rereg(["batch", month(name), "--ledger", "ledger.sqlite", "--out", "monthly/\(name)"], in: work).status == 0)
        }
        let run = try rereg(["replay", packageRoot.appendingPathComponent("input").path, "--ledger", "ledger.sqlite",
                             "--out-root", "replayed"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        for name in sampleMonths {
            #expect(try contents(of: work.appendingPathComponent("replayed/\(name)")) == contents(of: work.appendingPathComponent("monthly/\(name)")))
        }
    }

    @Test func aClerksDecisionsApplyFromTheNextBatchAndSurviveReplay() throws {
        let work = try temporaryFolder()
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
        let reviews = try csvRows(work.appendingPathComponent("2021-09/review.csv"))
        let item = try #require(reviews.first { $0[1] == "类别认定" }, "the sample has an undetermined institution")
        let decided = item[2]
        try "decision,institution_id,other_institution_id,category,note\ncategory,\(decided),,non_subject,已核实为素质拓展\n"
            .write(to: work.appendingPathComponent("decisions.csv"), atomically: true, encoding: .utf8)
        let decide = try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work)
        #expect(decide.status == 0, "\(decide.stderr)")

        #expect(try rereg(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: work).status == 0)
        func category(of id: String, in folder: String) throws -> String? {
            try String(contentsOf: work.appendingPathComponent("\(folder)/ledger.jsonl"), encoding: .utf8)
                .split(separator: "\n").first { $0.contains("\"\(id)\"") }
                .flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["category"] as? String
        }
        #expect(try category(of: decided, in: "2021-10") == "non_subject")

        let replay = try rereg(["replay", packageRoot.appendingPathComponent("input").path, "--ledger", "ledger.sqlite",
                                "--out-root", "replayed"], in: work)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(try category(of: decided, in: "replayed/2021-09") == "non_subject")
    }

    @Test func aDecisionsFileSavedByExcelIsReadAsWritten() throws {
        let work = try temporaryFolder()
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
        let reviews = try csvRows(work.appendingPathComponent("2021-09/review.csv"))
        let decided = try #require(reviews.first { $0[1] == "类别认定" }, "the sample has an undetermined institution")[2]
        // Excel's "CSV UTF-8": a BOM, CRLF, and a note with a comma and a line break quoted.
        let file = "\u{FEFF}decision,institution_id,other_institution_id,category,note\r\n"
            + "category,\(decided),,non_subject,\"已核实，范围为\"\"素质拓展\"\",非学科类\r\n（见走访记录）\"\r\n"
        try Data(file.utf8).write(to: work.appendingPathComponent("decisions.csv"))
        let decide = try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work)
        #expect(decide.status == 0, "\(decide.stderr)")
        #expect(try rereg(["batch", month("2021-10"), "--ledger", "ledger.sqlite", "--out", "2021-10"], in: work).status == 0)
        let line = try String(contentsOf: work.appendingPathComponent("2021-10/ledger.jsonl"), encoding: .utf8)
            .split(separator: "\n").first { $0.contains("\"\(decided)\"") }
        #expect(line?.contains("\"category\":\"non_subject\"") == true)
    }

    @Test func aDecisionAboutAnUnknownIdIsRefusedWhole() throws {
        let work = try temporaryFolder()
        #expect(try rereg(["batch", month("2021-09"), "--ledger", "ledger.sqlite", "--out", "2021-09"], in: work).status == 0)
        try "decision,institution_id,other_institution_id,category,note\nsame,BYN-00000001,BYN-99999999,,\n"
            .write(to: work.appendingPathComponent("decisions.csv"), atomically: true, encoding: .utf8)
        let run = try rereg(["decide", "decisions.csv", "--ledger", "ledger.sqlite"], in: work)
        #expect(run.status != 0)
        #expect(run.stderr.contains("BYN-99999999"))
    }

    @Test func aMonthWithOneRegistryIsRecordedWithALoudWarning() throws {
        let work = try temporaryFolder()
        let input = work.appendingPathComponent("2021-09")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let source = packageRoot.appendingPathComponent("input/2021-09")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.contains("企业") || name.contains("个体") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let run = try rereg(["batch", input.path, "--ledger", "ledger.sqlite", "--out", "out"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("警告：本月没有民政的导出文件"))
        let report = try String(contentsOf: work.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(report.contains("本月没有民政的导出文件"))
    }

    @Test func anUnrecognisableFileStopsTheBatchAndCreatesNoLedger() throws {
        let work = try temporaryFolder()
        let input = work.appendingPathComponent("2021-09")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "编号,项目,金额\n1,办公用品,300\n".write(to: input.appendingPathComponent("报销单.csv"), atomically: true, encoding: .utf8)
        let run = try rereg(["batch", input.path, "--ledger", "ledger.sqlite", "--out", "out"], in: work)
        #expect(run.status != 0)
        #expect(run.stderr.contains("报销单.csv") && run.stderr.contains("“编号”、“项目”、“金额”"))
        #expect(run.stderr.split(separator: "\n").count == 1, "one clear sentence")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("ledger.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out").path))
    }
}
