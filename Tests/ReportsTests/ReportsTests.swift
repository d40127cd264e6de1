import Foundation
import RegistryModel
import Testing
@testable import Reports

// MARK: - Masking

struct MaskCase: Sendable, CustomTestStringConvertible {
    let raw: String?
    let expected: String?
    var testDescription: String { "\(raw ?? "nil") → \(expected ?? "nil")" }
}

@Suite struct MaskingTests {
    @Test(arguments: [
        MaskCase(raw: "15080219850612123X", expected: "150802********123X"),
        MaskCase(raw: "15080219850612123x", expected: "150802********123X"),
        MaskCase(raw: " 150802 19850612 1234 ", expected: "150802********1234"),
        MaskCase(raw: "150802850612123", expected: "150802*****2123"),  // 15-character ID of before 1999
        MaskCase(raw: "1508021985", expected: "**********"),
        MaskCase(raw: "", expected: nil),
        MaskCase(raw: nil, expected: nil),
    ])
    func idNumber(_ item: MaskCase) {
        #expect(Masking.idNumber(item.raw) == item.expected)
    }

    @Test(arguments: [
        MaskCase(raw: "13812345678", expected: "138****5678"),
        MaskCase(raw: "138 1234 5678", expected: "138****5678"),
        MaskCase(raw: "+86 138-1234-5678", expected: "138****5678"),
        MaskCase(raw: "008613812345678", expected: "138****5678"),
        MaskCase(raw: "１３８１２３４５６７８", expected: "138****5678"),
        MaskCase(raw: "0478-8123456", expected: "047****3456"),
        MaskCase(raw: "8123456", expected: "*******"),
        MaskCase(raw: "无", expected: nil),
        MaskCase(raw: nil, expected: nil),
    ])
    func phone(_ item: MaskCase) {
        #expect(Masking.phone(item.raw) == item.expected)
    }

    /// Personal numbers typed into a free-text field (issue 24, item 7).
    @Test("numbers shaped like an ID or a mobile are masked in free text", arguments: [
        ("150802198506121236", "150802********1236"),
        ("王芳 15080219900101021x", "王芳 150802********021X"),
        ("李明（身份证152801197309018994，电话13812345678）", "李明（身份证152801********8994，电话138****5678）"),
        ("赵刚 150802850612123", "赵刚 150802*****2123"),
    ])
    func personalNumbersInFreeText(_ raw: String, _ expected: String) {
        #expect(Masking.personalNumbers(in: raw) == expected)
    }

    @Test("codes, numbers inside longer runs and wrong check characters stay", arguments: [
        "91150800MA0N2XKQ5U",      // a credit code
        "150821485890715",          // a 注册号: no birth date at 7–12
        "150802198506121235",       // an 18-digit number whose check character is wrong
        "1380013800013800",         // a mobile inside a longer run of digits
        "临河区智远培训学校",
        "电话 04788123456",
    ])
    func nothingElseIsMasked(_ text: String) {
        #expect(Masking.personalNumbers(in: text) == text)
    }
}

// MARK: - report.html

@Suite struct HTMLReportTests {
    @Test func containsChartsAndTheSummaryNumbers() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report()
        let url = try HTMLReport.write(report, into: folder)
        let html = try String(contentsOf: url, encoding: .utf8)

        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2, "county bars and trend line")
        #expect(html.contains("class=\"deadline\""), "the trend marks the deadline")
        #expect(html.contains("<polyline"), "five batches make a line")

        let s = report.summary
        #expect(s.required > 0 && s.overdue > 0, "the fixture is past the deadline with overdue institutions")
        let overall = try cells(of: "summary-overall", in: html)
        #expect(overall == [
            s.required, s.completed, s.exited, s.inProgress, s.notStarted, s.overdue,
        ].map(String.init) + [HTML.percent(s.completionRate)])
        for county in County.allCases {
            let c = report.summaryByCounty[county.code] ?? ProgressCounts()
            let row = try cells(of: "county-\(county.code)", in: html)
            #expect(row == [
                county.name, String(c.required), String(c.completed), String(c.exited), String(c.inProgress),
                String(c.notStarted), String(c.overdue), HTML.percent(c.completionRate),
            ])
        }
        #expect(html.contains("已逾期 \(-report.daysToDeadline) 天"))
        #expect(html.contains("2022年1月31日"))
        #expect(html.contains("截止 2021-12-31"))
    }

    @Test func isSelfContainedAndEscaped() throws {
        var report = FakeBatch.report(missingRegistry: true)
        report.lines[0].name = "<b>伪造</b>&\"机构\""
        let html = HTMLReport.render(report, listLimit: 10_000)
        #expect(!html.contains("<script"), "review evidence carries a <script> that must be escaped")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<b>伪造</b>"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1
            == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1,
            "the only URLs are SVG namespaces: nothing is fetched")
        #expect(!html.contains("https://"))
        #expect(!html.contains("@import") && !html.contains("<link") && !html.contains("url("))
        #expect(html.contains("数据缺失警告"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func beforeTheDeadlineShowsDaysLeftAndNoPreviousMonth() throws {
        let report = FakeBatch.report(month: 0)
        let html = HTMLReport.render(report)
        #expect(html.contains("\(report.daysToDeadline) 天"))
        #expect(report.daysToDeadline == 92)
        #expect(html.contains("首个批次"))
        #expect(!html.contains("<polyline"), "one batch is a point, not a line")
    }

    @Test func sameInputSameBytes() {
        #expect(HTMLReport.render(FakeBatch.report()) == HTMLReport.render(FakeBatch.report()))
    }

    /// The text of the cells of the table row with this id (tags stripped, deltas dropped).
    func cells(of rowID: String, in html: String) throws -> [String] {
        let start = try #require(html.range(of: "<tr id=\"\(rowID)\">"))
        let end = try #require(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        let row = String(html[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: #"<span class="delta">.*?</span>"#, with: "", options: .regularExpression)
        return row.split(separator: try Regex("</t[dh]>")).map {
            $0.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        }
    }
}

// MARK: - ledger.xlsx

@Suite struct LedgerWorkbookTests {
    @Test func isAWorkbookWithTheExpectedSheets() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report()
        let outcome = try LedgerWorkbook.write(report, into: folder)
        let url = folder.appendingPathComponent("ledger.xlsx")
        #expect(outcome == .written(url))

        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip")
        let workbook = try unzip(url, "xl/workbook.xml")
        let names = try Regex(#"<sheet name="([^"]+)""#)
        let sheets = workbook.matches(of: names).map { String($0.output[1].substring!) }
        #expect(sheets == ["台账", "临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗", "未能确定旗县区", "待复核", "拒绝记录"])
        #expect(sheets == LedgerWorkbook.sheetNames(for: report))

        // The 台账 sheet: frozen header, Chinese headers (inline strings in constant-memory mode), a date cell.
        let sheet1 = try unzip(url, "xl/worksheets/sheet1.xml")
        #expect(sheet1.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet1.contains("<t>机构编号</t>") && sheet1.contains("<t>登记为非营利性机构日期</t>"))
        #expect(sheet1.contains("<col "), "column widths are set")
        // Column L is 登记为非营利性机构日期: a number with a date style, not text.
        let completed = try #require(report.lines.sorted { $0.institutionID < $1.institutionID }
            .firstIndex { $0.completedOn != nil })
        let day = try #require(report.lines.sorted { $0.institutionID < $1.institutionID }[completed].completedOn)
        let serial = day.daysSinceEpoch + 25_569
        let cell = try #require(sheet1.firstMatch(of: try Regex("<c r=\"L\(completed + 2)\" s=\"(\\d+)\"><v>(\\d+)</v></c>")))
        #expect(Int(cell.output[2].substring!) == serial)
        let styles = try unzip(url, "xl/styles.xml")
        #expect(styles.contains(#"formatCode="yyyy\-mm\-dd""#) || styles.contains(#"formatCode="yyyy-mm-dd""#))
        #expect(sheet1.contains("<t>是</t>") && sheet1.contains("<t>否</t>"))
        // The county sheet holds exactly that county's lines.
        let linhe = try unzip(url, "xl/worksheets/sheet2.xml")
        let linheCount = report.lines.filter { $0.countyCode == County.linhe.code }.count
        #expect(linhe.components(separatedBy: "<row ").count - 1 == linheCount + 1)
        // The rejects sheet.
        let rejects = try unzip(url, "xl/worksheets/sheet11.xml")
        #expect(rejects.contains("<t>拒绝原因</t>") && rejects.contains("footer_row"))
    }

    @Test func respectsTheSizeLimitUnlessForced() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report(count: 40)
        #expect(try LedgerWorkbook.write(report, into: folder, lineLimit: 10) == .skipped(lines: report.lines.count, limit: 10))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ledger.xlsx").path))
        if case .written = try LedgerWorkbook.write(report, into: folder, lineLimit: 10, force: true) {} else {
            Issue.record("forced write was skipped")
        }
        #expect(LedgerWorkbook.defaultLineLimit == 100_000)
    }

    @Test func sameInputSameBytes() throws {
        let a = try FakeBatch.temporaryFolder()
        let b = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        try LedgerWorkbook.write(FakeBatch.report(count: 50), into: a)
        Thread.sleep(forTimeInterval: 2.1)  // zip entries carry times at 2-second resolution
        try LedgerWorkbook.write(FakeBatch.report(count: 50), into: b)
        #expect(try Data(contentsOf: a.appendingPathComponent("ledger.xlsx")) == Data(contentsOf: b.appendingPathComponent("ledger.xlsx")))
    }

    @Test func widthsCountCJKDouble() {
        #expect(XLSXWorkbook.displayWidth("abc") == 3)
        #expect(XLSXWorkbook.displayWidth("临河区") == 6)
        #expect(XLSXWorkbook.displayWidth("（临河）A") == 9)
    }

    func unzip(_ url: URL, _ entry: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", url.path, entry]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "unzip -p \(entry) failed: not a valid zip or no such entry")
        return String(decoding: data, as: UTF8.self)
    }
}

// MARK: - departments/

@Suite struct DepartmentFeedTests {
    @Test func feedsLeakNoUnmaskedPersonalData() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report()
        let written = try DepartmentFeeds.write(report, into: folder)
        #expect(written.count == Department.allCases.count * 2)

        // An 18-character resident ID (region, birth date, sequence, check) and an 11-digit mobile.
        // NSRegularExpression (ICU): Swift's Regex has no lookbehind yet.
        let idNumber = try NSRegularExpression(
            pattern: #"(?<![0-9A-Za-z])[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])"#)
        let mobile = try NSRegularExpression(pattern: #"(?<!\d)1[3-9]\d{9}(?!\d)"#)
        func finds(_ regex: NSRegularExpression, _ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        // The scanner itself must see the raw values it guards against.
        let sample = try #require(report.contacts[InstitutionID(sequence: 1)])
        #expect(finds(idNumber, "身份证号：\(sample.idNumber!)。") && finds(mobile, "电话\(sample.phone!)"))
        var maskedIDs = 0
        var maskedPhones = 0
        for url in written {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!finds(idNumber, text), "unmasked ID number in \(url.lastPathComponent)")
            #expect(!finds(mobile, text), "unmasked mobile number in \(url.lastPathComponent)")
            for contact in report.contacts.values {
                #expect(!text.contains(contact.idNumber!) && !text.contains(contact.phone!))
            }
            maskedIDs += text.matches(of: try Regex(#"\d{6}\*{8}\d{3}[0-9X]"#)).count
            maskedPhones += text.matches(of: try Regex(#"1\d{2}\*{4}\d{4}"#)).count
        }
        #expect(maskedIDs > 0 && maskedPhones > 0, "education's follow-up rows carry masked contacts")
    }

    @Test func onlyEducationCarriesPersonalData() {
        for department in Department.allCases {
            let personal = DepartmentFeeds.fields(for: department).filter(\.isPersonal).map(\.key)
            #expect(personal == (department == .education
                ? ["legal_representative", "legal_representative_id_masked", "phone_masked"] : []))
        }
    }

    @Test func eachFeedListsExactlyItsDepartmentsInstitutions() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report()
        try DepartmentFeeds.write(report, into: folder)
        for department in Department.allCases {
            let expected = report.lines
                .filter { $0.department == department && $0.category != .outOfScope }
                .map(\.institutionID.rawValue).sorted()
            #expect(!expected.isEmpty)

            let jsonl = try String(contentsOf: folder.appendingPathComponent("departments/\(department.rawValue).jsonl"), encoding: .utf8)
            let objects = try jsonl.split(separator: "\n").map {
                try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(objects.compactMap { $0["institution_id"] as? String }.sorted() == expected)
            #expect(objects.allSatisfy { ($0["category"] as? String) != "out_of_scope" })

            let csvData = try Data(contentsOf: folder.appendingPathComponent("departments/\(department.rawValue).csv"))
            #expect(csvData.starts(with: [0xEF, 0xBB, 0xBF]), "BOM for Excel")
            let csv = String(decoding: csvData.dropFirst(3), as: UTF8.self)
            let rows = csv.split(separator: "\n")
            #expect(rows.first?.hasPrefix("机构编号,机构名称,统一社会信用代码") == true)
            #expect(rows.dropFirst().map { String($0.prefix { $0 != "," }) }.sorted() == expected)
        }
    }

    @Test func anIDNumberTypedIntoTheRepresentativesNameLeavesMasked() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = FakeBatch.report()
        for id in report.contacts.keys { report.contacts[id]?.legalRepresentative = "王芳150802198506121236" }
        try DepartmentFeeds.write(report, into: folder)
        for file in ["education.jsonl", "education.csv"] {
            let text = try String(contentsOf: folder.appendingPathComponent("departments/\(file)"), encoding: .utf8)
            #expect(!text.contains("150802198506121236") && text.contains("王芳150802********1236"), "\(file)")
        }
    }

    @Test func educationFillsContactsOnlyOnFollowUpRows() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report()
        try DepartmentFeeds.write(report, into: folder)
        let jsonl = try String(contentsOf: folder.appendingPathComponent("departments/education.jsonl"), encoding: .utf8)
        var followUps = 0
        for line in jsonl.split(separator: "\n") {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let followUp = try #require(object["follow_up"] as? Bool)
            let name = object["legal_representative"] as? String
            #expect((name != nil) == followUp)
            if followUp {
                followUps += 1
                let id = InstitutionID(rawValue: try #require(object["institution_id"] as? String))
                let contact = try #require(report.contacts[id])
                #expect(object["phone_masked"] as? String == Masking.phone(contact.phone))
                #expect(object["legal_representative_id_masked"] as? String == Masking.idNumber(contact.idNumber))
            }
        }
        #expect(followUps > 0)
    }

    @Test func csvCellsAreFormulaDefused() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = FakeBatch.report(count: 30)
        let index = try #require(report.lines.firstIndex { $0.department == .education })
        report.lines[index].name = "=HYPERLINK(\"http://x\")"
        try DepartmentFeeds.write(report, into: folder)
        let csv = try String(contentsOf: folder.appendingPathComponent("departments/education.csv"), encoding: .utf8)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    }
}

/// The contract files walk lines in id order without sorting copies of them: lines that come
/// in another order must give the same bytes, and each line must meet its own last month.
@Suite struct ContractFileOrderTests {
    @Test func linesOutOfOrderWriteTheSameFiles() throws {
        let folder = try FakeBatch.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = FakeBatch.report(count: 200)
        #expect(!report.previousLines.isEmpty && report.lines.count > report.previousLines.count)
        // Out of order, the same way every run: this month backwards, last month turned halfway.
        let shuffled = Array(report.lines.reversed())
        let half = report.previousLines.count / 2
        let shuffledBefore = Array(report.previousLines[half...] + report.previousLines[..<half])
        func written(_ lines: [LedgerLine], _ previous: [LedgerLine], _ tag: String) throws -> [String] {
            let paths = ["jsonl", "csv", "changes"].map { folder.appendingPathComponent("\(tag)-\($0)").path }
            try ContractFiles.writeLedgerJSONL(lines, to: paths[0])
            try ContractFiles.writeLedgerCSV(lines, to: paths[1])
            try ContractFiles.writeChanges(lines, previous: previous, to: paths[2])
            return try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        }
        let sorted = try written(report.lines, report.previousLines, "sorted")
        #expect(try written(shuffled, shuffledBefore, "unordered") == sorted)
        let ids = sorted[0].split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            .map { $0["institution_id"] as! String }
        #expect(ids == report.lines.map(\.institutionID.rawValue).sorted())
        // A line new this month is 新增; one whose status moved shows both statuses.
        let changes = sorted[2].split(separator: "\n").dropFirst()
        let new = try #require(report.lines.first { line in !report.previousLines.contains { $0.institutionID == line.institutionID } })
        #expect(changes.contains { $0.hasPrefix(new.institutionID.rawValue + ",") && $0.contains("新增") })
        let moved = try #require(report.lines.first { line in
            report.previousLines.contains { $0.institutionID == line.institutionID && $0.reregistrationStatus != line.reregistrationStatus }
        })
        let before = try #require(report.previousLines.first { $0.institutionID == moved.institutionID })
        #expect(changes.contains {
            $0.hasPrefix(moved.institutionID.rawValue + ",") && $0.contains(before.reregistrationStatus.chineseName + "," + moved.reregistrationStatus.chineseName)
        })
    }
}

// MARK: - The sample for the screenshot

@Suite struct SampleReportTests {
    /// Writes every file of the fake 2022-01 batch; with REREG_REPORT_SAMPLE_DIR set, there
    /// (scripts/screenshot-report.sh renders its report.html).
    @Test func writesTheSampleBatch() throws {
        let folder: URL
        if let path = ProcessInfo.processInfo.environment["REREG_REPORT_SAMPLE_DIR"] {
            folder = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } else {
            folder = try FakeBatch.temporaryFolder()
        }
        defer {
            if ProcessInfo.processInfo.environment["REREG_REPORT_SAMPLE_DIR"] == nil {
                try? FileManager.default.removeItem(at: folder)
            }
        }
        let report = FakeBatch.report()
        try HTMLReport.write(report, into: folder)
        try LedgerWorkbook.write(report, into: folder)
        try DepartmentFeeds.write(report, into: folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }
}
