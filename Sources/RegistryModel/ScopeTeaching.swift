/// What a business scope says is taught, as linkage weighs a non-profit against the
/// enterprises that may have preceded it: a subject school's predecessor taught subjects, a
/// sister company of the same owner often teaches something else, or nothing.
/// Ordered: an institution's records together teach the most any of them states.
public enum ScopeTeaching: String, Sendable, Hashable, Comparable, CaseIterable {
    /// No training stated (outside exclusions): another trade, or education as a trade
    /// (`教育信息咨询`), which a sister company of a training school often is.
    case none
    /// Training stated, what is taught not (`教育培训`, `业务培训`).
    case unstated
    /// Non-subject content only (美术, 篮球, 编程).
    case otherContent = "other"
    /// School subjects taught, whatever else is.
    case subject

    public static func < (a: ScopeTeaching, b: ScopeTeaching) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Training stated at all.
    public var trains: Bool { self != .none }
}
