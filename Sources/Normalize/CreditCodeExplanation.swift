import RegistryModel
import Support

/// What `rereg code` tells a clerk about one credit code: the cleaned code, whether it is
/// valid and why not, and what its parts say.
public struct CreditCodeExplanation: Sendable, Hashable {
    /// The argument exactly as given.
    public let input: String
    /// Nil when the input is empty or a null token.
    public let reading: CreditCodeReading?

    public init(input: String) {
        self.input = input
        self.reading = CreditCodeReader.read(input)
    }

    public var isValid: Bool { reading?.isValid ?? false }

    /// The name of a division code as a clerk reads it: the Bayannur names (with the
    /// pre-2003 and development-zone codes explained), else the province of the code.
    public static func divisionName(_ code: String) -> String {
        switch code {
        case BayannurDivision.city: return "巴彦淖尔市"
        case BayannurDivision.formerLeague: return "巴彦淖尔盟（2003 年前的代码，今巴彦淖尔市）"
        case BayannurDivision.formerLinhe: return "临河市（2003 年前的代码，今临河区）"
        case BayannurDivision.developmentZone: return "巴彦淖尔经济技术开发区（计入临河区）"
        default: break
        }
        if let county = County(rawValue: code) { return county.name }
        if code.hasPrefix("1508") || code.hasPrefix("1528") { return "巴彦淖尔市（未知的旗县区代码）" }
        if let province = provinces[String(code.prefix(2))] { return "\(province)（巴彦淖尔市以外）" }
        return "未知行政区划"
    }

    static let provinces: [String: String] = [
        "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
        "21": "辽宁省", "22": "吉林省", "23": "黑龙江省", "31": "上海市", "32": "江苏省",
        "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
        "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
        "46": "海南省", "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省",
        "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
        "65": "新疆维吾尔自治区", "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
        "10": "国家级",
    ]

    /// Lines for a clerk, in Chinese.
    public var text: String {
        var lines = ["输入：\(input)"]
        guard let reading else {
            lines.append("  空值：没有代码")
            return lines.joined(separator: "\n")
        }
        lines.append("  代码：\(reading.code)")
        if !reading.cleanups.isEmpty {
            lines.append("  整理：" + reading.cleanups.map(\.chinese).joined(separator: "；"))
        }
        if reading.isValid {
            lines.append("  结果：有效（两个校验码均正确）")
        } else {
            lines.append("  结果：无效")
            for problem in reading.problems { lines.append("    - \(problem.chinese)") }
        }
        if reading.hasWellFormedPrefix {
            let first = String(reading.code.prefix(1))
            lines.append("  登记管理部门（第 1 位）：\(first) \(reading.authority?.chineseName ?? "未知")")
            if let category = reading.categoryCode {
                lines.append("  机构类别（第 1-2 位）：\(category) \(reading.category?.chineseName ?? "未知类别")")
            }
            if let division = reading.divisionCode {
                var line = "  登记管理机关行政区划（第 3-8 位）：\(division) \(Self.divisionName(division))"
                if let county = reading.county, county.code != division { line += "，旗县区：\(county.code) \(county.name)" }
                lines.append(line)
            }
            if let organization = reading.organizationCode {
                lines.append("  组织机构代码（第 9-17 位）：\(organization)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object on one line. Keys: `input`, `code` (null for an empty value),
    /// `valid`, `problems` (English codes), `explanations` (Chinese, one per problem),
    /// `cleanups`, and when the code is well formed `authority`, `authority_name`,
    /// `category`, `category_name`, `division`, `division_name`, `county_code`,
    /// `county_name` (null when the division is not a county).
    public var jsonLine: String {
        let problems = reading?.problems ?? []
        var fields: [(String, String)] = [
            ("input", JSONText.string(input)),
            ("code", JSONText.optional(reading?.code)),
            ("valid", JSONText.bool(isValid)),
            ("problems", JSONText.array(problems.map(\.code))),
            ("explanations", JSONText.array(problems.map(\.chinese))),
            ("cleanups", JSONText.array((reading?.cleanups ?? []).map(\.rawValue))),
        ]
        if let reading, reading.hasWellFormedPrefix {
            let division = reading.divisionCode ?? ""
            fields += [
                ("authority", JSONText.string(String(reading.code.prefix(1)))),
                ("authority_name", JSONText.optional(reading.authority?.chineseName)),
                ("category", JSONText.optional(reading.categoryCode)),
                ("category_name", JSONText.optional(reading.category?.chineseName)),
                ("division", JSONText.string(division)),
                ("division_name", JSONText.string(Self.divisionName(division))),
                ("county_code", JSONText.optional(reading.county?.code)),
                ("county_name", JSONText.optional(reading.county?.name)),
            ]
        }
        return JSONText.object(fields)
    }
}
