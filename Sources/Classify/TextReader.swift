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
    /// Subject and non-subject words standing (nearly) alone as an item, with nothing in the
    /// field saying they are taught (`特色英语`): content only where the name is a school's.
    var contentHints: [Hit] = []
    /// Items (the parts between `、` `；` `，` …, outside brackets) that carry any text.
    var items = 0
    /// Items that name training or training content.
    var trainingItems = 0
    /// Items that name training content (subject or non-subject phrases).
    var contentItems = 0
    /// Items about adult learners (考研英语, 驾驶员培训).
    var adultItems = 0
    /// An exclusion names subject training (`滑冰培训（不含学科类培训）`): what is taught is not.
    var subjectExcluded = false
    /// Training is named outside exclusions and goods, for adults or not, or a disguise that
    /// teaches (夏令营); 教育咨询 alone is a trade, not training named.
    var namesTraining = false
    /// The phrases of the training items, for the evidence.
    var trainingItemTexts: [String] = []
}

/// Byte-level reading of a normalised text against the compiled rules.
struct TextReader: Sendable {
    let rules: [Rule]
    let matcher: PhraseMatcher
    // What the reading asks of each rule, by rule index: reading `rules[i]` in the loops below
    // would copy a rule's five strings per match.
    private let kinds: [RuleKind]
    private let singleScalar: [Bool]
    private let strongSubject: [Bool]
    private let educationService: [Bool]
    /// Adult phrases that hide a training word inside them (驾驶员培训): training all the same.
    private let namesTrainingItself: [Bool]
    /// Disguise phrases that are teaching by themselves or nearly (住家教师, 夏令营), not the
    /// weak ones that many other trades write (教育信息咨询).
    private let teachesItself: [Bool]
    private let inNamesOnly: [Bool]
    private let closers: [[UInt8]]

    /// A clause of at most this many items counts as one list for co-location.
    static let shortListItems = 6
    /// A content word is what an item is about when the rest of the item is at most this many
    /// bytes (four CJK characters: `小学语文`, `青少年英语口语`); in a longer item
    /// (`农牧业生物高新技术研发`) it is part of something else, and counts only beside a
    /// training or youth word of its own item.
    static let bareItemExtraBytes = 12

    init(rules: [Rule]) {
        self.rules = rules
        matcher = PhraseMatcher(phrases: rules.map { Array($0.phrase.utf8) })
        kinds = rules.map(\.kind)
        singleScalar = rules.map { $0.phrase.unicodeScalars.count == 1 }
        strongSubject = rules.map(\.strongSubject)
        educationService = rules.map(\.educationService)
        let trainingWords = rules.filter { $0.kind == .training && !$0.educationService }.map(\.phrase)
        namesTrainingItself = rules.map { rule in rule.kind == .adult && trainingWords.contains { rule.phrase.contains($0) } }
        teachesItself = rules.map { [.selfEvident, .strong].contains($0.disguise) }
        inNamesOnly = rules.map { $0.kind == .nameMarker || $0.disguise == .weakName }
        closers = rules.map { $0.kind == .exclusion && $0.value != "clause" ? Array($0.value.utf8) : [] }
    }

    private enum Mark { case none, clause, item, open, close }

    /// What a byte position starts: delimiters and brackets, in either width.
    private static func mark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Mark, Int) {
        let byte = b[i]
        switch byte {
        case 0x3B, 0x2C, 0x0A, 0x0D, 0x3A: return (.clause, 1)  // ; , \n \r :  (许可项目：… starts a part)
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
            case 0x9B, 0x8C, 0x9A: return (.clause, 3)          // ； ， ：
            case 0x88: return (.open, 3)                        // （
            case 0x89: return (.close, 3)                       // ）
            default: return (.none, 1)
            }
        default: return (.none, 1)
        }
    }

    /// Where a byte stands in the text's structure (delimiters at depth 0 only).
    private struct Place {
        var clause: Int32 = 0
        var item: Int32 = 0
        /// The innermost bracket open around the byte, -1 outside brackets.
        var innermostOpen: Int32 = -1
        /// At an opening bracket: where it closes, -1 when it never does.
        var close: Int32 = -1
        /// A delimiter or bracket ends right before the byte (or the text starts there).
        var boundaryBefore = false
    }

    /// A clause: the part up to `；` `，` `。` or a line break, outside brackets.
    private struct Clause {
        var end: Int
        /// Its items: ids only grow along the text, and every item holds at least its
        /// delimiter, so a clause's items are the ids from its first byte's to its last byte's.
        var firstItem: Int32
        var lastItem: Int32
        var training = false, youth = false, subject = false, adult = false
        /// Distinct weak subject words that stand as items of their own (`数学、英语、物理`).
        var bareSubjects: [Int] = []
    }

    /// An item: the part between `、` (or a space) and the next delimiter, outside brackets.
    private struct Item {
        var range: Range<Int>
        var adult = false, youth = false, training = false, subject = false
        /// Where the item's last goods word (销售, 研发 …) ends, -1 when it has none, and where
        /// its last training word ends: an item whose last such word is goods sells or makes things.
        var goodsEnd = -1, trainingEnd = -1
        /// Names training or training content.
        var trainingItem = false
        /// Names training content.
        var contentItem = false
        /// Its learners are adults (its own adult word, or its short list's).
        var adultLearners = false
    }

    func read(_ text: String, field: Field, record: RecordRef) -> FieldReading {
        var text = text
        return text.withUTF8 { read($0, field: field, record: record) }
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, field: Field, record: RecordRef) -> FieldReading {
        let n = bytes.count
        var reading = FieldReading()
        guard n > 0 else { return reading }

        // Structure: per byte its clause, item and brackets; the clauses and items themselves.
        // One array of places, one of clauses, one of items: a field is read per record.
        var places = [Place](repeating: Place(), count: n)
        places[0].boundaryBefore = true
        var clauses: [Clause] = []
        var items: [Item] = []
        var stack: [Int32] = []
        var clause: Int32 = 0, item: Int32 = 0
        var itemStart = 0, clauseFirstItem: Int32 = 0
        var i = 0
        while i < n {
            let (mark, width) = Self.mark(bytes, i)
            switch mark {
            case .open: stack.append(Int32(i))
            case .close: if let open = stack.popLast() { places[Int(open)].close = Int32(i) }
            default: break
            }
            let innermostOpen = mark == .open ? (stack.count >= 2 ? stack[stack.count - 2] : -1) : stack.last ?? -1
            for k in i ..< min(i + width, n) {
                places[k].clause = clause
                places[k].item = item
                places[k].innermostOpen = innermostOpen
            }
            if mark != .none && i + width < n { places[i + width].boundaryBefore = true }
            if stack.isEmpty && (mark == .clause || mark == .item) {
                items.append(Item(range: itemStart ..< i))
                itemStart = i + width
                if mark == .clause {
                    clauses.append(Clause(end: i, firstItem: clauseFirstItem, lastItem: item))
                    clauseFirstItem = item + 1
                    clause += 1
                }
                item += 1
            }
            i += width
        }
        items.append(Item(range: itemStart ..< n))
        clauses.append(Clause(end: n, firstItem: clauseFirstItem, lastItem: item))

        let matches = matcher.matches(in: bytes)

        // Exclusion spans.
        var excluded: [Range<Int>] = []
        for m in matches where kinds[m.phrase] == .exclusion {
            let place = places[m.start]
            if singleScalar[m.phrase] && !place.boundaryBefore { continue }
            let end: Int
            if place.innermostOpen >= 0 {
                let close = places[Int(place.innermostOpen)].close
                end = close >= 0 ? Int(close) : n
            } else {
                let clauseEnd = clauses[Int(place.clause)].end
                let closer = closers[m.phrase]
                if closer.isEmpty {
                    end = clauseEnd
                } else if let found = Self.find(closer, in: bytes, from: m.end, to: clauseEnd) {
                    end = found + closer.count
                } else {
                    end = clauseEnd
                }
            }
            excluded.append(m.start ..< max(end, m.end))
        }
        reading.subjectExcluded = matches.contains { m in
            kinds[m.phrase] == .subject && excluded.contains { $0.contains(m.start) }
        }
        // Masks: non-training uses and adult-only phrases hide what they contain.
        var masks: [Range<Int>] = []
        for m in matches where !excluded.contains(where: { $0.contains(m.start) }) {
            let kind = kinds[m.phrase]
            if kind == .nonTraining || kind == .adult { masks.append(m.start ..< m.end) }
        }
        let isName = field == .name
        var kept: [PhraseMatcher.Match] = []
        for m in matches {
            let kind = kinds[m.phrase]
            if kind == .exclusion || kind == .nonTraining || kind == .goods { continue }
            if excluded.contains(where: { $0.contains(m.start) }) { continue }
            // A phrase that begins inside a mask is part of it (`非学科类培训`, `成人高考辅导`).
            if masks.contains(where: { $0.contains(m.start) && $0 != m.start ..< m.end }) { continue }
            if inNamesOnly[m.phrase] && !isName { continue }
            kept.append(m)
        }

        // Per clause and item: training words, youth words, adult words, goods words.
        for m in matches where kinds[m.phrase] == .goods && !excluded.contains(where: { $0.contains(m.start) }) {
            let it = isName ? 0 : Int(places[m.start].item)
            items[it].goodsEnd = max(items[it].goodsEnd, m.end)
        }
        for m in kept {
            let c = isName ? 0 : Int(places[m.start].clause), it = isName ? 0 : Int(places[m.start].item)
            switch kinds[m.phrase] {
            case .training, .nameMarker: clauses[c].training = true; items[it].training = true; items[it].trainingEnd = max(items[it].trainingEnd, m.end)
            case .youth, .stage: clauses[c].youth = true; items[it].youth = true
            case .adult: items[it].adult = true; clauses[c].adult = true
            case .subject:
                clauses[c].subject = true; items[it].subject = true
                if !isName && Self.isBare(m, in: items[it]) && !clauses[c].bareSubjects.contains(m.phrase) {
                    clauses[c].bareSubjects.append(m.phrase)
                }
            default: break
            }
        }
        // A training word anywhere in the field: school subjects standing as items of their own
        // (`数学、英语、物理、化学，短期培训`, `数学，寒暑假培训`) are what is taught.
        let fieldTraining = kept.contains { kinds[$0.phrase] == .training || kinds[$0.phrase] == .nameMarker }
        // Co-location is by clause when the clause is a short list (`美术、书法、舞蹈培训`);
        // in a long list (forty services joined by `、`) only the item itself counts.
        for m in kept {
            let c = isName ? 0 : Int(places[m.start].clause), it = isName ? 0 : Int(places[m.start].item)
            let shortClause = isName || clauses[c].lastItem - clauses[c].firstItem + 1 <= Self.shortListItems
            // Adult learners named in a short list are the whole list's (`考研英语、数学辅导`).
            let adultItem = items[it].adult ? !items[it].youth : shortClause && clauses[c].adult && !clauses[c].youth
            if adultItem { items[it].adultLearners = true }
            let withTraining = shortClause ? clauses[c].training : items[it].training
            let withYouth = shortClause ? clauses[c].youth : items[it].youth
            var hit = Hit(rule: m.phrase, field: field, record: record, offset: m.start, withTraining: withTraining)
            hit.withContent = withYouth || (shortClause ? clauses[c].subject : items[it].subject)
            // An item whose last goods or training word is goods (`教学实训设备销售`) sells or makes things.
            let goodsItem = items[it].goodsEnd > max(items[it].trainingEnd, m.end - 1)
            // A content word counts beside a training or youth word of its own item; beside one of
            // its clause only when it is what its item is about.
            let bare = isName || Self.isBare(m, in: items[it])
            let taught = items[it].training || items[it].youth || (bare && (withTraining || withYouth))
            switch kinds[m.phrase] {
            case .subject:
                guard !adultItem, !goodsItem else { continue }
                let listed = !isName && fieldTraining && clauses[c].bareSubjects.contains(m.phrase)
                guard strongSubject[m.phrase] || taught || listed else {
                    if bare && !isName { reading.contentHints.append(hit) }
                    continue
                }
                reading.subject.append(listed && !taught
                    ? Hit(rule: m.phrase, field: field, record: record, offset: m.start, withTraining: true) : hit)
                items[it].contentItem = true; items[it].trainingItem = true
            case .nonSubject:
                // Vocational skills taught to adults (育婴员培训（面向成年人）) are still taught.
                let vocational = rules[m.phrase].department == .humanResources
                guard !adultItem || vocational, !goodsItem else { continue }
                guard taught else {
                    if bare && !isName { reading.contentHints.append(hit) }
                    continue
                }
                reading.nonSubject.append(hit)
                items[it].contentItem = true; items[it].trainingItem = true
            case .stage:
                reading.stages.append(hit)
                reading.youth.append(hit)
            case .youth:
                reading.youth.append(hit)
            case .training:
                guard !goodsItem else { continue }
                if !educationService[m.phrase] { reading.namesTraining = true }
                guard !adultItem else { continue }
                reading.training.append(hit)
                items[it].trainingItem = true
            case .nameMarker:
                reading.nameMarkers.append(hit)
            case .adult:
                reading.adult.append(hit)
                if namesTrainingItself[m.phrase] && !goodsItem { reading.namesTraining = true }
            case .disguise:
                // Team-building for a company's staff (企业员工素质拓展) is said to be for adults.
                guard !adultItem else { continue }
                reading.disguise.append(hit)
                if teachesItself[m.phrase] { reading.namesTraining = true }
            case .exclusion, .nonTraining, .goods:
                break
            }
        }
        if !isName {
            for item in items {
                let hasText = bytes[item.range].contains { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
                guard hasText else { continue }
                reading.items += 1
                if item.trainingItem {
                    reading.trainingItems += 1
                    reading.trainingItemTexts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[item.range]), as: UTF8.self))
                }
                if item.contentItem { reading.contentItems += 1 }
                if item.adultLearners || (item.adult && !item.youth) { reading.adultItems += 1 }
            }
        }
        return reading
    }

    /// Whether a phrase is what its item is about (`bareItemExtraBytes`).
    private static func isBare(_ match: PhraseMatcher.Match, in item: Item) -> Bool {
        item.range.count - (match.end - match.start) <= bareItemExtraBytes
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, to - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= to {
            if bytes[i] == needle[0] && bytes[i ..< i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
