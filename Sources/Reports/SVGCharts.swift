import Foundation
import RegistryModel

/// Inline SVG charts for report.html: drawn from the numbers given, no script, no fonts
/// of their own (text inherits the page's system font).
enum SVGCharts {
    struct Segment {
        let label: String
        let color: String
    }

    static let completed = Segment(label: "已完成", color: "#2e7d32")
    static let exited = Segment(label: "已退出", color: "#9ccc65")
    static let inProgress = Segment(label: "办理中", color: "#f9a825")
    static let notStarted = Segment(label: "未启动", color: "#c62828")
    static let segments = [completed, exited, inProgress, notStarted]

    static func values(_ counts: ProgressCounts) -> [Int] {
        [counts.completed, counts.exited, counts.inProgress, counts.notStarted]
    }

    /// Horizontal stacked bars, one per county, scaled to the largest county's required count.
    static func countyBars(_ rows: [(name: String, counts: ProgressCounts)]) -> String {
        let width = 760.0
        let labelWidth = 124.0
        let rateWidth = 70.0
        let barArea = width - labelWidth - rateWidth - 8
        let rowHeight = 30.0
        let top = 34.0
        let height = top + rowHeight * Double(rows.count) + 8
        let maximum = max(1, rows.map { $0.counts.required }.max() ?? 1)
        var svg = """
            <svg class="chart" viewBox="0 0 \(n(width)) \(n(height))" width="100%" role="img" \
            aria-label="各旗县区重新登记进展（条形图）" xmlns="http://www.w3.org/2000/svg">
            <title>各旗县区重新登记进展</title>

            """
        svg += legend(x: labelWidth, y: 12)
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 19))\" text-anchor=\"end\" class=\"axis\">\(HTML.escape(row.name))</text>\n"
            var x = labelWidth
            let scale = barArea / Double(maximum)
            if row.counts.required == 0 {
                svg += "<text x=\"\(n(x + 4))\" y=\"\(n(y + 19))\" class=\"muted\">无应重新登记机构</text>\n"
            }
            for (segment, value) in zip(segments, values(row.counts)) where value > 0 {
                let w = Double(value) * scale
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y + 4))\" width=\"\(n(w))\" height=\"\(n(rowHeight - 8))\" fill=\"\(segment.color)\"><title>\(HTML.escape(row.name)) \(segment.label) \(value)</title></rect>\n"
                if w >= 22 {
                    let fill = segment.color == exited.color || segment.color == inProgress.color ? "#222" : "#fff"
                    svg += "<text x=\"\(n(x + w / 2))\" y=\"\(n(y + 19))\" text-anchor=\"middle\" class=\"inbar\" fill=\"\(fill)\">\(value)</text>\n"
                }
                x += w
            }
            svg += "<text x=\"\(n(width - 4))\" y=\"\(n(y + 19))\" text-anchor=\"end\" class=\"rate\">\(HTML.percent(row.counts.completionRate))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    static func legend(x: Double, y: Double) -> String {
        var out = ""
        var cursor = x
        for segment in segments {
            out += "<rect x=\"\(n(cursor))\" y=\"\(n(y - 9))\" width=\"12\" height=\"12\" fill=\"\(segment.color)\"/>"
            out += "<text x=\"\(n(cursor + 16))\" y=\"\(n(y + 1))\" class=\"legend\">\(segment.label)</text>\n"
            cursor += 80
        }
        out += "<text x=\"\(n(760 - 4))\" y=\"\(n(y + 1))\" text-anchor=\"end\" class=\"legend\">完成率</text>\n"
        return out
    }

    /// The completion rate month by month, on a time axis that reaches past the deadline,
    /// with the deadline drawn as a dashed red line.
    static func trendLine(_ points: [TrendPoint], deadline: Day) -> String {
        let width = 760.0
        let height = 260.0
        let left = 52.0
        let right = 24.0
        let top = 24.0
        let bottom = 44.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let sorted = points.sorted { $0.asOf < $1.asOf }
        guard let first = sorted.first, let last = sorted.last else { return "" }
        // From the first of the first batch's month to a month past the later of the last batch and the deadline.
        let start = Day(year: first.asOf.year, month: first.asOf.month, day: 1)!.daysSinceEpoch
        let endDay = max(last.asOf, deadline)
        let end = max(start + 1, endDay.daysSinceEpoch + 20)
        func x(_ day: Day) -> Double { left + plotWidth * Double(day.daysSinceEpoch - start) / Double(end - start) }
        func y(_ rate: Double) -> Double { top + plotHeight * (1 - min(max(rate, 0), 1)) }

        var svg = """
            <svg class="chart" viewBox="0 0 \(n(width)) \(n(height))" width="100%" role="img" \
            aria-label="完成率月度趋势（折线图）" xmlns="http://www.w3.org/2000/svg">
            <title>完成率月度趋势</title>

            """
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = y(Double(tick) / 100)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(width - right))\" y2=\"\(n(ty))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(ty + 4))\" text-anchor=\"end\" class=\"axis\">\(tick)%</text>\n"
        }
        // A light tick at the first of each month; each batch is labelled under its point.
        var month = Day(year: first.asOf.year, month: first.asOf.month, day: 1)!
        while month.daysSinceEpoch <= end {
            let tx = x(month)
            svg += "<line x1=\"\(n(tx))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(tx))\" y2=\"\(n(top + plotHeight + 4))\" class=\"tick\"/>"
            month = month.month == 12 ? Day(year: month.year + 1, month: 1, day: 1)! : Day(year: month.year, month: month.month + 1, day: 1)!
        }
        svg += "\n"
        for point in sorted {
            svg += "<text x=\"\(n(x(point.asOf)))\" y=\"\(n(top + plotHeight + 20))\" text-anchor=\"middle\" class=\"axis\">\(HTML.escape(point.month))</text>\n"
        }
        svg += "<text x=\"\(n(left))\" y=\"\(n(height - 4))\" class=\"muted\">批次（数据截至各月末）</text>\n"
        let dx = x(deadline)
        svg += "<line x1=\"\(n(dx))\" y1=\"\(n(top - 6))\" x2=\"\(n(dx))\" y2=\"\(n(top + plotHeight))\" class=\"deadline\"/>"
        svg += "<text x=\"\(n(dx - 4))\" y=\"\(n(top + 6))\" text-anchor=\"end\" class=\"deadline-label\">截止 \(deadline.iso)</text>\n"
        let coordinates = sorted.map { (x($0.asOf), y($0.counts.completionRate)) }
        if coordinates.count > 1 {
            let path = coordinates.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" class=\"trend\"/>\n"
        }
        for (point, (px, py)) in zip(sorted, coordinates) {
            svg += "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"4\" class=\"dot\"><title>\(point.month) 完成率 \(HTML.percent(point.counts.completionRate))（\(point.counts.completed + point.counts.exited)/\(point.counts.required)）</title></circle>"
            let labelY = py < top + 16 ? py + 18 : py - 9
            svg += "<text x=\"\(n(px))\" y=\"\(n(labelY))\" text-anchor=\"middle\" class=\"point-label\">\(HTML.percent(point.counts.completionRate))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// A number for SVG attributes: at most one decimal, no trailing `.0`.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}
