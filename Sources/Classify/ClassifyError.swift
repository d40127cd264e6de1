/// Why a classifier could not be built. Messages are for the clerk who edits the rules.
public enum ClassifyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rules file is not there.
    case missingRules(path: String)
    /// The rules file is not UTF-8.
    case notUTF8(path: String)
    /// A line of the rules file cannot be read.
    case badRule(source: String, line: String, reason: String)

    public var description: String {
        switch self {
        case .missingRules(let path):
            "找不到分类规则文件：\(path) (missing_rules)"
        case .notUTF8(let path):
            "分类规则文件不是 UTF-8 编码：\(path)，请另存为 UTF-8 (rules_not_utf8)"
        case .badRule(let source, let line, let reason):
            "分类规则 \(source) 有误：\(reason)；该行为“\(line)” (bad_rule)"
        }
    }
}
