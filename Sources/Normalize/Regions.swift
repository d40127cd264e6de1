import RegistryModel

/// The region names of `regions.tsv`, and how names, addresses and authorities are searched
/// for them.
struct RegionTable: Sendable {
    enum Place: Sendable, Hashable {
        case county(County)
        case city
        case province
    }

    struct Term: Sendable {
        let bytes: [UInt8]
        let place: Place
        let short: Bool
    }

    /// Longest first, so that `临河区` is tried before `临河`.
    let terms: [Term]
    /// Each first character's terms (positions in `terms`, in its order). A text is read once,
    /// character by character, not searched once per term (BENCHMARKS.md, history, `5632289`).
    private let termsByFirstCharacter: [UInt32: [Int]]

    init(rows: [(line: Int, columns: [String])]) throws {
        var terms: [Term] = []
        for (line, columns) in rows {
            let bad = NormalizeError.badDataLine(
                file: "regions.tsv", line: line, text: columns.joined(separator: "\t"),
                expected: "名称<TAB>六位代码|city|province[<TAB>short]")
            guard columns.count >= 2, !columns[0].isEmpty, let text = TextFolding.displayName(columns[0]) else { throw bad }
            let place: Place
            switch columns[1] {
            case "city": place = .city
            case "province": place = .province
            case let code:
                if let county = BayannurDivision.county(forDivisionCode: code) {
                    place = .county(county)
                } else if code == BayannurDivision.city || code == BayannurDivision.formerLeague {
                    place = .city
                } else {
                    throw bad
                }
            }
            let short = columns.count > 2 && columns[2] == "short"
            if columns.count > 2 && !columns[2].isEmpty && !short { throw bad }
            terms.append(Term(bytes: Array(text.utf8), place: place, short: short))
        }
        let sorted = terms.sorted { $0.bytes.count > $1.bytes.count }
        self.terms = sorted
        termsByFirstCharacter = Dictionary(grouping: sorted.indices) { Self.character(at: 0, in: sorted[$0].bytes).key }
    }

    /// The place a free text names: the county term occurring first (the longest of those
    /// starting there), else `.city` when a city term occurs. Short terms only when
    /// `includeShort`.
    func find(in bytes: [UInt8], includeShort: Bool) -> CountyFinding? {
        var city = false
        var offset = 0
        while offset < bytes.count {
            let (key, length) = Self.character(at: offset, in: bytes)
            for term in (termsByFirstCharacter[key] ?? []).lazy.map({ terms[$0] }) where includeShort || !term.short {
                guard bytes.count - offset >= term.bytes.count,
                      bytes[offset ..< offset + term.bytes.count].elementsEqual(term.bytes) else { continue }
                switch term.place {
                case .county(let county): return .county(county)
                case .city: city = true
                case .province: break
                }
            }
            offset += length
        }
        return city ? .cityLevel : nil
    }

    /// The UTF-8 character starting at `offset`, its bytes as one number, and its length.
    private static func character(at offset: Int, in bytes: [UInt8]) -> (key: UInt32, length: Int) {
        let lead = bytes[offset]
        let length = min(bytes.count - offset, lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
        let key = bytes[offset ..< offset + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (key, length)
    }

    /// The term the bytes start with (longest), if any.
    func prefix(of bytes: ArraySlice<UInt8>) -> Term? {
        terms.first { bytes.starts(with: $0.bytes) }
    }

    /// The term equal to the bytes, if any.
    func exact(_ bytes: ArraySlice<UInt8>) -> Term? {
        terms.first { $0.bytes.count == bytes.count && bytes.elementsEqual($0.bytes) }
    }
}

/// Matching keys of names: traditional folding, region removal, suffix stripping.
struct NameKeyMaker: Sendable {
    let regions: RegionTable
    /// Suffixes (and region terms, which may close a name too), longest first.
    let suffixes: [[UInt8]]
    /// Simplified scalar for each traditional one in U+3400…U+9FFF (0 = unchanged).
    let traditional: [UInt32]

    static let traditionalBase: UInt32 = 0x3400
    static let open: [UInt8] = Array("（".utf8)
    static let close: [UInt8] = Array("）".utf8)
    static let longLimitedForm: [UInt8] = Array("有限责任公司".utf8)
    static let shortLimitedForm: [UInt8] = Array("有限公司".utf8)

    init(regions: RegionTable, suffixRows: [(line: Int, columns: [String])], traditionalRows: [(line: Int, columns: [String])]) throws {
        self.regions = regions
        var table = [UInt32](repeating: 0, count: Int(0xA000 - Self.traditionalBase))
        for (line, columns) in traditionalRows {
            let scalars = columns.map { Array($0.unicodeScalars) }
            guard columns.count == 2, scalars[0].count == 1, scalars[1].count == 1,
                  (Self.traditionalBase..<0xA000).contains(scalars[0][0].value)
            else {
                throw NormalizeError.badDataLine(
                    file: "traditional.tsv", line: line, text: columns.joined(separator: "\t"),
                    expected: "一个繁体字<TAB>一个简体字")
            }
            table[Int(scalars[0][0].value - Self.traditionalBase)] = scalars[1][0].value
        }
        traditional = table
        var suffixes: [[UInt8]] = []
        for (line, columns) in suffixRows {
            guard columns.count == 1, let text = TextFolding.displayName(columns[0]) else {
                throw NormalizeError.badDataLine(
                    file: "name-suffixes.txt", line: line, text: columns.joined(separator: "\t"),
                    expected: "每行一个后缀")
            }
            suffixes.append(Array(Self.fold(text, table).utf8))
        }
        suffixes.append(contentsOf: regions.terms.map(\.bytes))
        self.suffixes = suffixes.sorted { $0.count > $1.count }
    }

    static func fold(_ text: String, _ table: [UInt32]) -> String {
        var changed = false
        for scalar in text.unicodeScalars where scalar.value >= traditionalBase && scalar.value < 0xA000 {
            if table[Int(scalar.value - traditionalBase)] != 0 { changed = true; break }
        }
        guard changed else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= traditionalBase && scalar.value < 0xA000,
               case let mapped = table[Int(scalar.value - traditionalBase)], mapped != 0,
               let simplified = Unicode.Scalar(mapped) {
                out.append(simplified)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Traditional characters folded to simplified (the table in `traditional.tsv`).
    func foldTraditional(_ text: String) -> String { Self.fold(text, traditional) }

    /// Keys of a display name, and the place its regions name (for county resolution).
    func keys(displayName: String) -> (keys: NameKeys, place: CountyFinding?) {
        let full = foldTraditional(displayName)
        var bytes = Array(full.utf8)
        var county: County? = nil
        var city = false
        func note(_ place: RegionTable.Place) {
            switch place {
            case .county(let c): if county == nil { county = c }
            case .city: city = true
            case .province: break
            }
        }
        // Leading regions: 内蒙古自治区巴彦淖尔市临河区…, 临河智远…
        var start = 0
        while let term = regions.prefix(of: bytes[start...]), bytes.count - start > term.bytes.count {
            note(term.place)
            start += term.bytes.count
        }
        // Bracketed regions anywhere: …（临河）…
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            if bytes[index] == Self.open[0], bytes[index...].starts(with: Self.open),
               let closeAt = bytes.firstOffset(of: Self.close, from: index + Self.open.count),
               let term = regions.exact(bytes[(index + Self.open.count)..<closeAt]) {
                note(term.place)
                index = closeAt + Self.close.count
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        bytes = out
        // Full county names elsewhere in the name (…有限公司临河区分公司).
        if county == nil, case .county(let c)? = regions.find(in: bytes, includeShort: false) {
            county = c
        }
        // 有限责任公司 and 有限公司 are one legal form, written either way by the two registries.
        let regionless = bytes.hasSuffix(Self.longLimitedForm)
            ? Array(bytes.dropLast(Self.longLimitedForm.count)) + Self.shortLimitedForm : bytes
        // Suffixes, repeatedly, longest first, keeping at least two characters.
        var core = bytes
        var stripped = true
        while stripped {
            stripped = false
            for suffix in suffixes where core.count > suffix.count && core.hasSuffix(suffix) {
                let rest = core[..<(core.count - suffix.count)]
                if rest.lazy.filter({ $0 & 0xC0 != 0x80 }).count >= 2 {
                    core = Array(rest)
                    stripped = true
                    break
                }
            }
        }
        // A key that took nothing away is the text it came from, shared rather than copied.
        let regionlessText = regionless.isEmpty || regionless.count == full.utf8.count
            ? full : String(decoding: regionless, as: UTF8.self)
        let keys = NameKeys(
            full: full,
            regionless: regionlessText,
            core: core.isEmpty ? full : core.count == regionless.count ? regionlessText : String(decoding: core, as: UTF8.self))
        let place: CountyFinding? = county.map { .county($0) } ?? (city ? .cityLevel : nil)
        return (keys, place)
    }
}
