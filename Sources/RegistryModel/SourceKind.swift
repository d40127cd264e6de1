/// Which registry a file comes from. The raw values are the words a manifest uses.
public enum SourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 民政: social organisations, among them 民办非企业单位 (non-profits).
    case civilAffairs = "civil_affairs"
    /// 市场监管: enterprises and individual businesses.
    case marketRegulation = "market_regulation"

    public var chineseName: String {
        switch self {
        case .civilAffairs: "民政"
        case .marketRegulation: "市场监管"
        }
    }
}

/// Whether a file describes a whole registry or only the month's business.
public enum FileLayout: String, Sendable, Hashable, CaseIterable, Codable {
    /// A full snapshot of the registry as of the batch date.
    case snapshot
    /// A list of the month's registrations and applications (业务类型, 办结日期).
    case businessList = "business_list"
}

/// How a file's bytes were decoded.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "utf-8"
    case gb18030
}

/// How a file's records are laid out.
public enum FileFormat: String, Sendable, Hashable, Codable {
    case csv
    case xml
}
