import RegistryModel

/// A phrase found in a field and kept after exclusions and masks.
struct Hit: Sendable, Hashable {
    let rule: Int
    let field: Field
    let record: RecordRef
    /// Byte offset in the field, to keep evidence in reading order.
    let offset: Int
    /// Whether it is the first subject/non-subject phrase of a clause that also names training
    /// (used to tell open subject training from hints).
    let withTraining: Bool
    /// For disguise phrases: youth, stage or subject words in the same clause.
    var withContent: Bool = false
}

/// What one field of one record says, after exclusion clauses, non-training uses and
/// adult-only items are taken out.
struct FieldReading: Sendable {
    var subject: [Hit] = []
    var nonSubject: [Hit] = []
    var stages: [Hit] = []
    var youth: [Hit] = []
    var training: [Hit] = []
    var nameMarkers: [Hit] = []
    var adult: [Hit] = []
    var disguise: [Hit] = []
    /// Items (the parts between `、` `；` `，` …, outside brackets) that carry any text.
    var items = 0
    /// Items that name training or training content.
    var trainingItems = 0
    /// Items that name training content (subject or non-subject phrases).
    var contentItems = 0
    /// The phrases of the training items, for the evidence.
    var trainingItemTexts: [String] = []
}

/// Byte-level reading of a normalised text against the compiled rules.
struct TextReader: Sendable {
    let rules: [Rule]
    let matcher: PhraseMatcher
    private let singleScalar: [Bool]
    private let closers: [[UInt8]]

    /// A clause of at most this many items counts as one list for co-location.
    static let shortListItems = 6

    init(rules: [Rule]) {
        self.rules = rules
        matcher = PhraseMatcher(phrases: rules.map { Array($0.phrase.utf8) })
        singleScalar = rules.map { $0.phrase.unicodeScalars.count == 1 }
        closers = rules.map { $0.kind == .exclusion && $0.value != "clause" ? Array($0.value.utf8) : [] }
    }

    private enum Mark { case none, clause, item, open, close }

    /// What a byte position starts: delimiters and brackets, in either width.
    private static func mark(_ b: [UInt8], _ i: Int) -> (Mark, Int) {
        let byte = b[i]
        switch byte {
        case 0x3B, 0x2C, 0x0A, 0x0D: return (.clause, 1)        // ; , \n \r
        case 0x20, 0x09: return (.item, 1)
        case 0x28, 0x5B: return (.open, 1)                      // ( [
        case 0x29, 0x5D: return (.close, 1)                     // ) ]
        case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80:
            switch b[i + 2] {
            case 0x82: return (.clause, 3)                      // 。
            case 0x81: return (.item, 3)                        // 、
            case 0x90: return (.open, 3)                        // 【
            case 0x91: return (.close, 3)                       // 】
            default: return (.none, 1)
            }
        case 0xEF where i + 2 < b.count && b[i + 1] == 0xBC:
            switch b[i + 2] {
            case 0x9B, 0x8C: return (.clause, 3)                // ； ，
            case 0x88: return (.open, 3)                        // （
            case 0x89: return (.close, 3)                       // ）
            default: return (.none, 1)
            }
        default: return (.none, 1)
        }
    }

    func read(_ text: String, field: Field, record: RecordRef) -> FieldReading {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var reading = FieldReading()
        guard n > 0 else { return reading }

        // Structure: clause and item ids per byte (depth 0 delimiters only), brackets.
        var clauseOf = [Int32](repeating: 0, count: n)
        var itemOf = [Int32](repeating: 0, count: n)
        var innermostOpen = [Int32](repeating: -1, count: n)
        var closeOf: [Int: Int] = [:]
        var boundaryBefore = [Bool](repeating: false, count: n + 1)
        var clauseEnds: [Int] = []          // clause id → end byte
        var itemRanges: [Range<Int>] = []
        var stack: [Int] = []
        var clause: Int32 = 0, item: Int32 = 0
        var itemStart = 0
        boundaryBefore[0] = true
        var i = 0
        while i < n {
            let (mark, width) = Self.mark(bytes, i)
            switch mark {
            case .open: stack.append(i)
            case .close: if let open = stack.popLast() { closeOf[open] = i }
            default: break
            }
            let top = Int32(stack.last ?? -1)
            for k in i..<min(i + width, n) {
                clauseOf[k] = clause
                itemOf[k] = item
                innermostOpen[k] = mark == .open ? (stack.count >= 2 ? Int32(stack[stack.count - 2]) : -1) : top
            }
            if mark != .none { boundaryBefore[i + width] = true }
            if stack.isEmpty && (mark == .clause || mark == .item) {
                itemRanges.append(itemStart..<i)
                itemStart = i + width
                item += 1
                if mark == .clause {
                    clauseEnds.append(i)
                    clause += 1
                }
            }
            i += width
        }
        itemRanges.append(itemStart..<n)
        clauseEnds.append(n)

        let matches = matcher.matches(in: bytes)

        // Exclusion spans.
        var excluded: [Range<Int>] = []
        for m in matches where rules[m.phrase].kind == .exclusion {
            if singleScalar[m.phrase] && !boundaryBefore[m.start] { continue }
            let end: Int
            let open = Int(innermostOpen[m.start])
            if open >= 0 {
                end = closeOf[open] ?? n
            } else {
                let clauseEnd = clauseEnds[Int(clauseOf[m.start])]
                let closer = closers[m.phrase]
                if closer.isEmpty {
                    end = clauseEnd
                } else if let found = Self.find(closer, in: bytes, from: m.end, to: clauseEnd) {
                    end = found + closer.count
                } else {
                    end = clauseEnd
                }
            }
            excluded.append(m.start..<max(end, m.end))
        }
        // Masks: non-training uses and adult-only phrases hide what they contain.
        var masks: [Range<Int>] = []
        for m in matches where !excluded.contains(where: { $0.contains(m.start) }) {
            let kind = rules[m.phrase].kind
            if kind == .nonTraining || kind == .adult { masks.append(m.start..<m.end) }
        }
        var kept: [PhraseMatcher.Match] = []
        for m in matches {
            let kind = rules[m.phrase].kind
            if kind == .exclusion || kind == .nonTraining { continue }
            if excluded.contains(where: { $0.contains(m.start) }) { continue }
            if masks.contains(where: { $0.lowerBound <= m.start && m.end <= $0.upperBound && $0 != m.start..<m.end }) { continue }
            if kind == .nameMarker && field != .name { continue }
            if kind == .disguise && rules[m.phrase].disguise == .weakName && field != .name { continue }
            kept.append(m)
        }

        // Per clause and item: training words, youth words, adult words. Clause and item ids
        // are small and dense, so flags by id are plain arrays (a field is read per record).
        let isName = field == .name
        let clauseCount = Int(clause) + 1, itemCount = Int(item) + 1
        var clauseTraining = [Bool](repeating: false, count: clauseCount), clauseYouth = clauseTraining
        var clauseSubject = clauseTraining
        var itemAdult = [Bool](repeating: false, count: itemCount), itemYouth = itemAdult, itemTraining = itemAdult
        var itemSubject = itemAdult
        for m in kept {
            let c = isName ? 0 : Int(clauseOf[m.start]), it = isName ? 0 : Int(itemOf[m.start])
            switch rules[m.phrase].kind {
            case .training, .nameMarker: clauseTraining[c] = true; itemTraining[it] = true
            case .youth, .stage: clauseYouth[c] = true; itemYouth[it] = true
            case .adult: itemAdult[it] = true
            case .subject: clauseSubject[c] = true; itemSubject[it] = true
            default: break
            }
        }
        // Co-location is by clause when the clause is a short list (`美术、书法、舞蹈培训`);
        // in a long list (forty services joined by `、`) only the item itself counts. Ids only
        // grow along the text, and every item holds at least its delimiter, so a clause's items
        // are the ids from its first byte's to its last byte's.
        var clauseFirstItem = [Int32](repeating: -1, count: clauseCount), clauseLastItem = clauseFirstItem
        for k in 0 ..< n {
            let c = Int(clauseOf[k])
            if clauseFirstItem[c] < 0 { clauseFirstItem[c] = itemOf[k] }
            clauseLastItem[c] = itemOf[k]
        }
        var trainingItems = [Bool](repeating: false, count: itemCount), contentItems = trainingItems
        for m in kept {
            let rule = rules[m.phrase]
            let c = isName ? 0 : Int(clauseOf[m.start]), it = isName ? 0 : Int(itemOf[m.start])
            let adultItem = itemAdult[it] && !itemYouth[it]
            let shortClause = isName || clauseLastItem[c] - clauseFirstItem[c] + 1 <= Self.shortListItems
            let withTraining = shortClause ? clauseTraining[c] : itemTraining[it]
            let withYouth = shortClause ? clauseYouth[c] : itemYouth[it]
            var hit = Hit(rule: m.phrase, field: field, record: record, offset: m.start, withTraining: withTraining)
            hit.withContent = withYouth || (shortClause ? clauseSubject[c] : itemSubject[it])
            switch rule.kind {
            case .subject:
                guard !adultItem, rule.strongSubject || withTraining || withYouth else { continue }
                reading.subject.append(hit)
                contentItems[it] = true; trainingItems[it] = true
            case .nonSubject:
                guard !adultItem, withTraining || withYouth else { continue }
                reading.nonSubject.append(hit)
                contentItems[it] = true; trainingItems[it] = true
            case .stage:
                reading.stages.append(hit)
                reading.youth.append(hit)
            case .youth:
                reading.youth.append(hit)
            case .training:
                guard !adultItem else { continue }
                reading.training.append(hit)
                trainingItems[it] = true
            case .nameMarker:
                reading.nameMarkers.append(hit)
            case .adult:
                reading.adult.append(hit)
            case .disguise:
                reading.disguise.append(hit)
            case .exclusion, .nonTraining:
                break
            }
        }
        if !isName {
            for (index, range) in itemRanges.enumerated() {
                let hasText = bytes[range].contains { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
                guard hasText else { continue }
                reading.items += 1
                if trainingItems[index] {
                    reading.trainingItems += 1
                    reading.trainingItemTexts.append(String(decoding: bytes[range], as: UTF8.self))
                }
                if contentItems[index] { reading.contentItems += 1 }
            }
        }
        return reading
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, to - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= to {
            if bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
