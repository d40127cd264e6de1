import RegistryModel

/// Maps one file's column or element names to fields, and decides from them which
/// registry wrote the file and whether it is a snapshot or a business list.
struct NameResolver {
    private let synonyms: FieldSynonyms
    /// The manifest's columns for this file, by synonym key; nil means "ignore".
    private let overrides: [String: Field?]

    init(synonyms: FieldSynonyms, manifestColumns: [String: String]?) {
        self.synonyms = synonyms
        var overrides: [String: Field?] = [:]
        for (name, target) in manifestColumns ?? [:] {
            overrides[FieldSynonyms.key(name)] = Field(rawValue: target)
        }
        self.overrides = overrides
    }

    func field(for name: String) -> Field? {
        if let pinned = overrides[FieldSynonyms.key(name)] { return pinned }
        return synonyms.entry(for: name)?.field
    }

    func kindHint(for name: String) -> SourceKind? {
        overrides[FieldSynonyms.key(name)] == nil ? synonyms.entry(for: name)?.kind : nil
    }

    /// Whether these names can be a header: an identifying field and at least one more.
    func recognises(_ names: [String]) -> Bool {
        let fields = Set(names.compactMap(field(for:)))
        return (fields.contains(.name) || fields.contains(.creditCode)) && fields.count >= 2
    }

    /// Which registry wrote a file with these names: the manifest's word, else the
    /// registry whose own names dominate.
    func kind(of names: [String], pinned: SourceKind?, file: String) throws -> SourceKind {
        if let pinned { return pinned }
        var votes: [SourceKind: Int] = [:]
        for name in names { if let kind = kindHint(for: name) { votes[kind, default: 0] += 1 } }
        let civil = votes[.civilAffairs, default: 0]
        let market = votes[.marketRegulation, default: 0]
        if civil > market { return .civilAffairs }
        if market > civil { return .marketRegulation }
        throw IngestError.undecidableSource(file: file, namesSeen: names)
    }

    /// A business list shows its nature in 业务类型 or 办结日期; anything else is a snapshot.
    func layout(of names: [String], pinned: FileLayout?) -> FileLayout {
        if let pinned { return pinned }
        let fields = Set(names.compactMap(field(for:)))
        return fields.contains(.businessType) || fields.contains(.completedOn) ? .businessList : .snapshot
    }

    /// The sentence saying what a file lacks to be recognised.
    static let requirement = "机构名称或统一社会信用代码列（如 企业名称、社会组织名称、QYMC、SHZZMC、统一社会信用代码）以及至少一个其他已知列"
}
