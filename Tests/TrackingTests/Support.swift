import Foundation
import Normalize
import RegistryModel
import Tracking

let normalizer: Normalizer = {
    do { return try Normalizer() } catch { fatalError("Normalize's data files do not load: \(error)") }
}()

let tracker = Tracker(policyStart: Day(iso: "2021-07-24")!, deadline: Day(iso: "2021-12-31")!)

func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A valid credit code: both check characters computed for the given 16 characters.
func creditCode(_ first16: String) -> String {
    let bytes = Array(first16.utf8)
    precondition(bytes.count == 16)
    let organizationCheck = CreditCodeRules.organizationCheckCharacter(forFirst8: bytes[8..<16])!
    let first17 = bytes + [organizationCheck]
    return String(decoding: first17 + [CreditCodeRules.checkCharacter(forFirst17: first17)!], as: UTF8.self)
}

let enterpriseCode = creditCode("91150802MA0B7K2Q")
let enterpriseName = "巴彦淖尔市临河区智远教育科技有限公司"
let nonprofitCode = creditCode("52150802MJ0Y3C8A")
let nonprofitName = "临河区智远培训学校"
let secondNonprofitCode = creditCode("52150802MJ0Y4D9B")

/// One month's records of one institution, as the exports would carry them, normalised for real.
struct Batch {
    let month: String
    let asOf: Day
    private(set) var records: [SourceRecord] = []
    private var ordinals: [String: Int] = [:]

    init(_ month: String) {
        self.month = month
        let parts = month.split(separator: "-").map { Int($0)! }
        asOf = Day(year: parts[0], month: parts[1], day: Day.daysIn(month: parts[1], year: parts[0]))!
    }

    /// A row of the market-regulation snapshot (企业登记信息).
    mutating func enterprise(
        status: String? = "存续", code: String? = enterpriseCode, name: String = enterpriseName,
        established: String = "2018-05-10", type: String = "有限责任公司(自然人投资或控股)",
        scope: String = "中小学生语文、数学、英语课外辅导"
    ) {
        var values: [Field: String] = [
            .name: name, .organizationType: type, .legalRepresentative: "王建国", .establishedOn: established,
            .scope: scope, .address: "巴彦淖尔市临河区团结路88号", .authority: "临河区市场监督管理局",
        ]
        if let code { values[.creditCode] = code }
        if let status { values[.status] = status }
        add(.marketRegulation, .snapshot, "企业登记信息_\(month).csv", values)
    }

    /// A row of the civil-affairs snapshot (社会组织登记信息).
    mutating func nonprofit(
        status: String = "正常", code: String? = nonprofitCode, name: String = nonprofitName,
        registered: String? = "2021-11-20", type: String = "民办非企业单位", former: String? = enterpriseCode
    ) {
        var values: [Field: String] = [
            .name: name, .organizationType: type, .legalRepresentative: "王建国", .status: status,
            .scope: "义务教育阶段语文、数学、英语学科类培训", .address: "巴彦淖尔市临河区团结路88号",
            .authority: "临河区民政局", .supervisor: "临河区教育局",
        ]
        if let code { values[.creditCode] = code }
        if let registered { values[.establishedOn] = registered }
        if let former { values[.formerCreditCode] = former }
        add(.civilAffairs, .snapshot, "社会组织登记信息_\(month).csv", values)
    }

    /// A row of the civil-affairs business list (社会组织登记业务办理情况): 业务类型, 办结日期.
    mutating func business(
        _ type: String, completed: String?, status: String?, code: String? = nonprofitCode, name: String = nonprofitName
    ) {
        var values: [Field: String] = [
            .businessType: type, .name: name, .legalRepresentative: "王建国",
            .address: "巴彦淖尔市临河区团结路88号", .scope: "义务教育阶段语文、数学、英语学科类培训",
        ]
        if let completed { values[.completedOn] = completed }
        if let status { values[.status] = status }
        if let code { values[.creditCode] = code }
        add(.civilAffairs, .businessList, "\(month)社会组织登记业务办理情况.csv", values)
    }

    private mutating func add(_ kind: SourceKind, _ layout: FileLayout, _ file: String, _ values: [Field: String]) {
        let ordinal = (ordinals[file] ?? 0) + 1
        ordinals[file] = ordinal
        let raw = RawRecord(ref: RecordRef(sourceFile: file, ordinal: ordinal), kind: kind, layout: layout, values: FieldValues(values))
        records.append(normalizer.normalize(raw))
    }
}

/// Feeds the batches in order, as the pipeline does month after month.
func history(_ batches: [Batch]) -> RegistrationHistory {
    var history: RegistrationHistory? = nil
    for batch in batches {
        // An institution absent from a month is not updated at all: it keeps its history.
        guard !batch.records.isEmpty else { continue }
        history = tracker.update(history, with: batch.records, batch: batch.month, asOf: batch.asOf)
    }
    return history!
}

/// The status of a required subject institution as of a day.
func required(_ history: RegistrationHistory, asOf: Day, category: RegistryModel.Category = .subject) -> TrackedStatus {
    tracker.status(of: history, requirement: .required, currentCategory: category, asOf: asOf)
}
