import Foundation
import RegistryModel

/// HTML text helpers. Everything that comes from data goes through `escape`.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `63.2%`.
    static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }

    /// `2021年11月30日`.
    static func chineseDate(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    /// `+3`, `-2`, `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}

/// `report.html`: the monthly progress report for the city's leading group (《实施方案》五(二):
/// regular progress reports). One self-contained file: no script, no network, system fonts,
/// A4 print styles. Its figures are the summary it is given, never recounted.
public enum HTMLReport {
    /// How many institutions each list shows before pointing to ledger.xlsx.
    public static let defaultListLimit = 40

    /// Writes `report.html` into `folder` and returns its URL.
    @discardableResult
    public static func write(_ report: BatchReport, into folder: URL, listLimit: Int = defaultListLimit) throws -> URL {
        let url = folder.appendingPathComponent("report.html")
        try Data(render(report, listLimit: listLimit).utf8).write(to: url)
        return url
    }

    /// The whole document.
    public static func render(_ report: BatchReport, listLimit: Int = defaultListLimit) -> String {
        var page = Page(report: report, listLimit: listLimit)
        page.build()
        return page.html
    }
}

private struct Page {
    let report: BatchReport
    let listLimit: Int
    var html = ""

    init(report: BatchReport, listLimit: Int) {
        self.report = report
        self.listLimit = max(1, listLimit)
    }

    var title: String { "巴彦淖尔市学科类校外培训机构重新登记为非营利性机构工作进展（\(report.batchMonth)）" }

    mutating func build() {
        html += """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>

            """
        header()
        headline()
        overall()
        counties()
        trend()
        lists()
        dataQuality()
        footer()
        html += "</main>\n</body>\n</html>\n"
    }

    // MARK: - Sections

    mutating func header() {
        html += """
            <header class="title">
            <h1>巴彦淖尔市学科类校外培训机构<br>重新登记为非营利性机构工作进展</h1>
            <p class="meta">第 \(HTML.escape(report.batchMonth)) 批次 · 数据截至 \(HTML.chineseDate(report.asOf)) · \
            依据《实施方案》四（二）4、五（二）</p>
            </header>

            """
        if let warning = report.missingRegistryWarning {
            html += "<div class=\"warning\" role=\"alert\"><strong>数据缺失警告：</strong>\(HTML.escape(warning))</div>\n"
        }
    }

    mutating func headline() {
        let summary = report.summary
        let days = report.daysToDeadline
        let deadlineValue: String
        let deadlineLabel: String
        let deadlineClass: String
        if days > 0 {
            deadlineValue = "\(days) 天"
            deadlineLabel = "距截止日期 \(report.deadline.iso)"
            deadlineClass = days <= 31 ? "warn" : ""
        } else if days == 0 {
            deadlineValue = "今日截止"
            deadlineLabel = "截止日期 \(report.deadline.iso)"
            deadlineClass = "warn"
        } else {
            deadlineValue = "已逾期 \(-days) 天"
            deadlineLabel = "截止日期 \(report.deadline.iso)"
            deadlineClass = "bad"
        }
        var changeValue = "—"
        var changeLabel = "首个批次，无上月数据"
        if let previous = report.previousSummary, let month = report.previousBatchMonth {
            let points = (summary.completionRate - previous.completionRate) * 100
            changeValue = (points >= 0.05 ? "+" : "") + String(format: "%.1f", points) + " 个百分点"
            if changeValue.hasPrefix("-0.0") { changeValue = "0.0 个百分点" }
            changeLabel = "较上月（\(month)，\(HTML.percent(previous.completionRate))）"
        }
        let open = summary.inProgress + summary.notStarted
        html += """
            <section class="cards" aria-label="要点">
            <div class="card primary"><div class="value">\(HTML.percent(summary.completionRate))</div>\
            <div class="label">完成率（已完成 \(summary.completed) + 已退出 \(summary.exited)，共应重新登记 \(summary.required) 家）</div></div>
            <div class="card \(deadlineClass)"><div class="value">\(deadlineValue)</div><div class="label">\(deadlineLabel)</div></div>
            <div class="card"><div class="value">\(HTML.escape(changeValue))</div><div class="label">\(HTML.escape(changeLabel))</div></div>
            <div class="card \(summary.overdue > 0 ? "bad" : (open > 0 ? "warn" : ""))"><div class="value">\(summary.overdue > 0 ? "\(summary.overdue) 家逾期" : "\(open) 家未完成")</div>\
            <div class="label">\(summary.overdue > 0 ? "逾期未完成重新登记" : "办理中 \(summary.inProgress) 家，未启动 \(summary.notStarted) 家")</div></div>
            </section>

            """
        html += "<p class=\"lead\">\(HTML.escape(movementSentence()))</p>\n"
    }

    /// What moved since the previous batch, counted from the two ledgers.
    func movementSentence() -> String {
        guard let month = report.previousBatchMonth else {
            return "本批为首个批次：共有 \(report.lines.count) 家机构纳入台账，其中应重新登记 \(report.summary.required) 家。"
        }
        var newlyCompleted = 0
        var newlyExited = 0
        var newlyInProgress = 0
        var newInstitutions = 0
        forEachWithPrevious(report.lines, previous: report.previousLines) { line, old in
            guard let old else {
                newInstitutions += 1
                return
            }
            guard line.reregistrationRequired, old.reregistrationStatus != line.reregistrationStatus else { return }
            switch line.reregistrationStatus {
            case .completed: newlyCompleted += 1
            case .exited: newlyExited += 1
            case .inProgress: newlyInProgress += 1
            default: break
            }
        }
        return "与上一批次（\(month)）相比：新完成重新登记 \(newlyCompleted) 家，新退出学科类培训 \(newlyExited) 家，"
            + "新进入办理程序 \(newlyInProgress) 家；台账新增机构 \(newInstitutions) 家。"
    }

    mutating func overall() {
        let s = report.summary
        let p = report.previousSummary
        func delta(_ now: Int, _ before: Int?) -> String {
            guard let before else { return "" }
            return "<span class=\"delta\">（\(HTML.signed(now - before))）</span>"
        }
        html += """
            <section>
            <h2>一、总体进展</h2>
            <table class="numbers">
            <thead><tr><th>应重新登记</th><th>已完成</th><th>已退出</th><th>办理中</th><th>未启动</th><th>逾期</th><th>完成率</th></tr></thead>
            <tbody><tr id="summary-overall">\
            <td>\(s.required)\(delta(s.required, p?.required))</td>\
            <td>\(s.completed)\(delta(s.completed, p?.completed))</td>\
            <td>\(s.exited)\(delta(s.exited, p?.exited))</td>\
            <td>\(s.inProgress)\(delta(s.inProgress, p?.inProgress))</td>\
            <td>\(s.notStarted)\(delta(s.notStarted, p?.notStarted))</td>\
            <td>\(s.overdue)\(delta(s.overdue, p?.overdue))</td>\
            <td>\(HTML.percent(s.completionRate))</td></tr></tbody>
            </table>
            <p class="note">括号内为较上一批次的变化。完成率 =（已完成 + 已退出）÷ 应重新登记；应重新登记指政策实施时为营利性的学科类（含兼有）培训机构（《实施方案》四（二）3、4）。</p>
            </section>

            """
    }

    mutating func counties() {
        let rows = report.countyKeys.map { key in
            (name: BatchReport.countyName(forKey: key), key: key, counts: report.summaryByCounty[key] ?? ProgressCounts())
        }
        let charted = rows.filter { County(rawValue: $0.key) != nil || $0.counts.required > 0 }
        html += "<section class=\"keep\">\n<h2>二、分旗县区进展</h2>\n"
        html += SVGCharts.countyBars(charted.map { ($0.name, $0.counts) })
        html += """
            <table class="numbers counties">
            <thead><tr><th>旗县区</th><th>应重新登记</th><th>已完成</th><th>已退出</th><th>办理中</th><th>未启动</th><th>逾期</th><th>完成率</th></tr></thead>
            <tbody>

            """
        for row in charted {
            let c = row.counts
            html += "<tr id=\"county-\(HTML.escape(row.key))\"><th>\(HTML.escape(row.name))</th><td>\(c.required)</td><td>\(c.completed)</td>"
                + "<td>\(c.exited)</td><td>\(c.inProgress)</td><td>\(c.notStarted)</td><td>\(c.overdue)</td>"
                + "<td>\(HTML.percent(c.completionRate))</td></tr>\n"
        }
        let s = report.summary
        html += "<tr class=\"total\"><th>全市</th><td>\(s.required)</td><td>\(s.completed)</td><td>\(s.exited)</td>"
            + "<td>\(s.inProgress)</td><td>\(s.notStarted)</td><td>\(s.overdue)</td><td>\(HTML.percent(s.completionRate))</td></tr>\n"
        html += "</tbody>\n</table>\n</section>\n"
    }

    mutating func trend() {
        html += "<section class=\"keep\">\n<h2>三、月度趋势</h2>\n"
        if report.trend.isEmpty {
            html += "<p class=\"muted\">尚无已记录的批次。</p>\n"
        } else {
            html += SVGCharts.trendLine(report.trend, deadline: report.deadline)
            html += "<p class=\"note\">折线为各批次的完成率，红色虚线为截止日期（《实施方案》四（二）4：2021年底前完成重新登记）。</p>\n"
        }
        html += "</section>\n"
    }

    mutating func lists() {
        html += "<section>\n<h2>四、需关注的机构</h2>\n"
        // Positions are sorted, not the lines: moving half a million lines (a dozen references
        // each) while sorting cost more than comparing them.
        let all = report.lines
        let lines = all.indices.sorted {
            (all[$0].countyCode ?? "999999", all[$0].institutionID) < (all[$1].countyCode ?? "999999", all[$1].institutionID)
        }.map { all[$0] }
        let required = lines.filter(\.reregistrationRequired)

        let overdue = required.filter(\.overdue).sorted { ($1.daysOverdue, $0.countyCode ?? "999999") < ($0.daysOverdue, $1.countyCode ?? "999999") }
        if report.daysToDeadline >= 0 {
            let notStarted = required.filter { $0.reregistrationStatus == .notStarted }
            institutionList(
                "（一）尚未启动重新登记的机构", note: "截止日期前需重点督促；截至本批尚无逾期机构。", id: "list-not-started",
                notStarted, columns: [("旗县区", county), ("归口部门", department), ("首次出现", { $0.firstSeenBatch })])
        } else {
            institutionList(
                "（一）逾期未完成重新登记的机构", note: "截止日期后仍未完成或退出的机构，按逾期天数排列。", id: "list-overdue",
                overdue,
                columns: [("旗县区", county), ("状态", { $0.reregistrationStatus.chineseName }),
                          ("逾期天数", { String($0.daysOverdue) })])
        }
        institutionList(
            "（二）办理中的机构", note: "民政部门已受理或正在审查的申请。", id: "list-in-progress",
            required.filter { $0.reregistrationStatus == .inProgress },
            columns: [("旗县区", county), ("归口部门", department), ("逾期", { $0.overdue ? "是（\($0.daysOverdue) 天）" : "否" })])
        institutionList(
            "（三）已重新登记但原营业执照仍存续", note: "新登记后原营业执照应在 7 个工作日内变更或注销，请市场监管部门跟进。",
            id: "list-former-active",
            lines.filter { $0.flags.contains(.formerRegistrationActive) },
            columns: [("旗县区", county), ("登记日期", { $0.completedOn?.iso ?? "" }),
                      ("原统一社会信用代码", { $0.formerCreditCodes.joined(separator: "、") })])
        reviewList()
        complianceList(lines)
        html += "</section>\n"
    }

    func county(_ line: LedgerLine) -> String { line.countyName ?? "未能确定" }
    func department(_ line: LedgerLine) -> String { line.department?.chineseName ?? "未定" }

    mutating func institutionList(
        _ heading: String, note: String, id: String, _ lines: [LedgerLine],
        columns: [(String, (LedgerLine) -> String)]
    ) {
        html += "<h3 id=\"\(id)\">\(HTML.escape(heading))：\(lines.count) 家</h3>\n"
        guard !lines.isEmpty else {
            html += "<p class=\"muted\">无。</p>\n"
            return
        }
        html += "<p class=\"note\">\(HTML.escape(note))</p>\n<table class=\"list\">\n<thead><tr><th>机构名称</th>"
        for (title, _) in columns { html += "<th>\(HTML.escape(title))</th>" }
        html += "<th>机构编号</th></tr></thead>\n<tbody>\n"
        for line in lines.prefix(listLimit) {
            html += "<tr><td>\(HTML.escape(line.name))</td>"
            for (title, value) in columns {
                html += "<td class=\"\(title == "逾期天数" ? "num" : "nw")\">\(HTML.escape(value(line)))</td>"
            }
            html += "<td class=\"id\">\(HTML.escape(line.institutionID.rawValue))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        more(lines.count)
    }

    mutating func more(_ count: Int) {
        if count > listLimit {
            html += "<p class=\"more\">另有 \(count - listLimit) 家未列出，完整名单见 ledger.xlsx。</p>\n"
        }
    }

    mutating func reviewList() {
        let items = report.reviewItems
        html += "<h3 id=\"list-review\">（四）待人工复核事项：\(items.count) 项</h3>\n"
        guard !items.isEmpty else {
            html += "<p class=\"muted\">无。</p>\n"
            return
        }
        var byKind: [String] = []
        for kind in ReviewItem.Kind.allCases {
            let count = items.filter { $0.kind == kind }.count
            if count > 0 { byKind.append("\(kind.chineseName) \(count) 项") }
        }
        html += "<p class=\"note\">\(HTML.escape(byKind.joined(separator: "，")))。复核结论按机构编号记入台账。</p>\n"
        html += "<table class=\"list\">\n<thead><tr><th>类型</th><th>待定事项</th><th>依据</th><th>机构编号</th></tr></thead>\n<tbody>\n"
        for item in items.prefix(listLimit) {
            let evidence = item.evidence.count > 90 ? String(item.evidence.prefix(90)) + "…" : item.evidence
            html += "<tr><td class=\"nw\">\(item.kind.chineseName)</td><td>\(HTML.escape(item.summary))</td>"
                + "<td class=\"evidence\">\(HTML.escape(evidence))</td>"
                + "<td class=\"id\">\(HTML.escape(item.institutionIDs.map(\.rawValue).joined(separator: " ")))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if items.count > listLimit {
            html += "<p class=\"more\">另有 \(items.count - listLimit) 项未列出，完整清单见 review.csv 与 ledger.xlsx。</p>\n"
        }
    }

    mutating func complianceList(_ lines: [LedgerLine]) {
        let flags: [(InstitutionFlag, String)] = [
            (.disguisedSubjectRisk, "四（二）6"), (.preschoolSubject, "四（二）3、五（七）"), (.foreignCapital, "四（二）8"),
            (.listedCompany, "四（二）8"), (.newAfterPolicy, "四（二）3"), (.subjectInNonSubject, "四（二）6"),
        ]
        let flagged = lines.filter { line in flags.contains { line.flags.contains($0.0) } }
        html += "<h3 id=\"list-compliance\">（五）合规风险提示：\(flagged.count) 家</h3>\n"
        html += "<table class=\"list flags\">\n<thead><tr><th>风险</th><th>依据《实施方案》</th><th>机构数</th></tr></thead>\n<tbody>\n"
        for (flag, section) in flags {
            let count = lines.filter { $0.flags.contains(flag) }.count
            html += "<tr><td>\(HTML.escape(flag.chineseName))</td><td class=\"nw\">\(section)</td><td class=\"num\">\(count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        guard !flagged.isEmpty else { return }
        html += "<table class=\"list\">\n<thead><tr><th>机构名称</th><th>旗县区</th><th>类别</th><th>风险</th><th>机构编号</th></tr></thead>\n<tbody>\n"
        for line in flagged.prefix(listLimit) {
            let names = flags.filter { line.flags.contains($0.0) }.map(\.0.chineseName).joined(separator: "；")
            html += "<tr><td>\(HTML.escape(line.name))</td><td class=\"nw\">\(HTML.escape(county(line)))</td>"
                + "<td class=\"nw\">\(HTML.escape(line.category.chineseName))</td><td>\(HTML.escape(names))</td>"
                + "<td class=\"id\">\(HTML.escape(line.institutionID.rawValue))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        more(flagged.count)
    }

    mutating func dataQuality() {
        let files = report.files
        let records = files.reduce(0) { $0 + $1.records }
        let accepted = files.reduce(0) { $0 + $1.accepted }
        let rejected = files.reduce(0) { $0 + $1.rejected }
        html += """
            <section>
            <h2>五、数据质量</h2>
            <p>本批读入 <b>\(files.count)</b> 个文件，记录 <b>\(records)</b> 条，接受 <b>\(accepted)</b> 条，\
            拒绝 <b>\(rejected)</b> 条；合并完全重复记录 <b>\(report.duplicatesMerged)</b> 条；\
            统一社会信用代码校验不通过 <b>\(report.invalidCodes)</b> 条。</p>

            """
        if !report.merges.isEmpty {
            let shown = report.merges.prefix(10).map { "\($0.retired.rawValue) → \($0.survivor.rawValue)" }.joined(separator: "，")
            html += "<p>本批经代码或人工决定确认为同一机构、并入其他编号的机构编号 <b>\(report.merges.count)</b> 个"
                + "（\(HTML.escape(shown))\(report.merges.count > 10 ? " 等" : "")）：其统计已并入保留的编号，"
                + "各项数字随之变化，详见 changes.csv。</p>\n"
        }
        if let warning = report.missingRegistryWarning {
            html += "<p class=\"warning\">\(HTML.escape(warning))</p>\n"
        }
        if !files.isEmpty {
            html += "<table class=\"list files\">\n<thead><tr><th>文件</th><th>来源</th><th>格式</th><th>编码</th><th>记录</th><th>接受</th><th>拒绝</th></tr></thead>\n<tbody>\n"
            for file in files {
                html += "<tr><td>\(HTML.escape(file.name))</td><td>\(file.registry.chineseName)</td>"
                    + "<td>\(file.format.rawValue.uppercased())</td><td>\(file.encoding.rawValue.uppercased())</td>"
                    + "<td class=\"num\">\(file.records)</td><td class=\"num\">\(file.accepted)</td><td class=\"num\">\(file.rejected)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !report.rejectGroups.isEmpty {
            html += "<h3>拒绝原因</h3>\n<table class=\"list\">\n<thead><tr><th>原因</th><th>条数</th><th>示例</th></tr></thead>\n<tbody>\n"
            for group in report.rejectGroups.sorted(by: { ($1.count, $0.code) < ($0.count, $1.code) }) {
                let examples = group.examples.prefix(3).map { "\($0.sourceFile)#\($0.ordinal)" }.joined(separator: "，")
                html += "<tr><td>\(HTML.escape(group.reason))</td><td class=\"num\">\(group.count)</td>"
                    + "<td class=\"evidence\">\(HTML.escape(examples))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "</section>\n"
    }

    mutating func footer() {
        html += """
            <footer>
            <p>口径：只统计应重新登记的机构；“已退出”指注销、吊销、撤销、迁出或经营范围已去除学科类培训；\
            “逾期”指截止日期后仍未完成或退出。各旗县区按机构所在地统计，无法确定所在地的单列。\
            完整台账见 ledger.xlsx，各归口部门数据见 departments/（《实施方案》四（二）1、2）。</p>
            <p>本报告由台账第 \(HTML.escape(report.batchMonth)) 批次生成，不含个人信息（《实施方案》四（二）6）。</p>
            </footer>

            """
    }

    static let style = """

        @page { size: A4; margin: 14mm 12mm 16mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #f4f5f7; color: #1d1d1f;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
          font-size: 15px; line-height: 1.55; }
        main { max-width: 1060px; margin: 0 auto; padding: 28px 36px 40px; background: #fff; }
        h1 { font-size: 26px; line-height: 1.35; margin: 0 0 6px; color: #0b3d91; }
        h2 { font-size: 19px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #0b3d91; color: #0b3d91; }
        h3 { font-size: 16px; margin: 18px 0 6px; }
        .meta { margin: 0; color: #555; }
        .lead { margin: 10px 0 0; }
        .note, .muted, .more { color: #666; font-size: 13px; margin: 4px 0 8px; }
        .warning { border: 2px solid #c62828; background: #fdecea; color: #8e0000; padding: 8px 12px; margin: 12px 0; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-top: 18px; }
        .card { border: 1px solid #d0d7e2; border-top: 4px solid #0b3d91; padding: 10px 12px; background: #fafbfd; }
        .card.warn { border-top-color: #f9a825; }
        .card.bad { border-top-color: #c62828; }
        .card .value { font-size: 26px; font-weight: 700; line-height: 1.2; }
        .card.primary .value { color: #2e7d32; font-size: 32px; }
        .card.bad .value { color: #c62828; }
        .card .label { font-size: 13px; color: #555; margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 13.5px; }
        th, td { border: 1px solid #d0d7e2; padding: 4px 7px; text-align: left; vertical-align: top; }
        thead th { background: #e8eef8; font-weight: 600; white-space: nowrap; }
        td.nw { white-space: nowrap; }
        table.numbers td, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.numbers thead th { text-align: center; }
        #summary-overall td { text-align: center; font-size: 17px; font-weight: 600; }
        tr.total th, tr.total td { font-weight: 700; background: #f3f6fb; }
        .delta { color: #666; font-size: 12px; margin-left: 2px; }
        td.id { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 12px; white-space: nowrap; color: #444; padding-top: 6px; }
        td.evidence { font-size: 12.5px; color: #444; }
        table.flags { width: auto; min-width: 60%; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0; font-size: 13px; }
        svg .axis { fill: #333; font-size: 13px; }
        svg .legend { fill: #333; font-size: 12.5px; }
        svg .muted { fill: #888; font-size: 12px; }
        svg .inbar { font-size: 12px; font-weight: 600; }
        svg .rate { fill: #1d1d1f; font-size: 13px; font-weight: 700; }
        svg .grid { stroke: #e3e6eb; stroke-width: 1; }
        svg .tick { stroke: #888; stroke-width: 1; }
        svg .deadline { stroke: #c62828; stroke-width: 2; stroke-dasharray: 6 4; }
        svg .deadline-label { fill: #c62828; font-size: 12.5px; font-weight: 600; }
        svg .trend { fill: none; stroke: #0b3d91; stroke-width: 2.5; }
        svg .dot { fill: #0b3d91; }
        svg .point-label { fill: #0b3d91; font-size: 12.5px; font-weight: 600; }
        footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid #d0d7e2; color: #666; font-size: 12.5px; }
        @media print {
          body { background: #fff; font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 18pt; }
          h2 { font-size: 13.5pt; break-after: avoid; }
          h3 { font-size: 11.5pt; break-after: avoid; }
          .card .value { font-size: 17pt; }
          .card.primary .value { font-size: 20pt; }
          table { font-size: 9pt; }
          thead { display: table-header-group; }
          tr, .card, svg.chart { break-inside: avoid; }
          section.keep { break-inside: avoid-page; }
        }
        @media (max-width: 720px) { .cards { grid-template-columns: repeat(2, 1fr); } }

        """
}
