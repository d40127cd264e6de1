import Classify
import Foundation
import Normalize
import RegistryModel

/// Scores the classifier on real registrations labelled by people: JSON lines of `name`,
/// `company_type` and `scope` (one enterprise each, `record_ref` numbering them) and one or two
/// files of labels (`record_ref`, `category`). With two readings, the rows they disagree on are
/// set aside and counted. An optional strata file (`record_strata`, `weights`) weights the
/// figures back to the corpus the sample was drawn from.
struct LabelledRegistrations {
    struct Row { let ref: Int; let name: String; let type: String?; let scope: String }

    let rows: [Row]
    let labels: [Int: RegistryModel.Category]
    let setAside: Int
    let weights: [Int: Double]

    init(sample: URL, labelFiles: [URL], strata: URL?) throws {
        func lines(_ url: URL) throws -> [[String: Any]] {
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        rows = try lines(sample).compactMap { object in
            guard let ref = object["record_ref"] as? Int, let name = object["name"] as? String else { return nil }
            return Row(ref: ref, name: name, type: object["company_type"] as? String, scope: object["scope"] as? String ?? "")
        }
        let readings = try labelFiles.map { file in
            Dictionary(try lines(file).compactMap { object -> (Int, RegistryModel.Category)? in
                guard let ref = object["record_ref"] as? Int,
                      let category = (object["category"] as? String).flatMap(RegistryModel.Category.init(rawValue:)) else { return nil }
                return (ref, category)
            }, uniquingKeysWith: { first, _ in first })
        }
        var agreed: [Int: RegistryModel.Category] = [:]
        var disagreed = 0
        for row in rows {
            let categories = readings.compactMap { $0[row.ref] }
            guard categories.count == readings.count, let first = categories.first else { continue }
            if categories.allSatisfy({ $0 == first }) { agreed[row.ref] = first } else { disagreed += 1 }
        }
        labels = agreed
        setAside = disagreed
        var weights: [Int: Double] = [:]
        if let strata, let object = try JSONSerialization.jsonObject(with: Data(contentsOf: strata)) as? [String: Any],
           let byRef = object["record_strata"] as? [String: String], let byStratum = object["weights"] as? [String: Double] {
            for (ref, stratum) in byRef { if let ref = Int(ref) { weights[ref] = byStratum[stratum] } }
        }
        self.weights = weights
    }

    /// Prints the confusion matrix and the figures issue #22 names: of the rows called subject or
    /// mixed, the share labelled so (precision); of those labelled so, the share called so (recall).
    func score(classifier: Classifier, normalizer: Normalizer, policyStart: Day, show: Int) {
        let categories = RegistryModel.Category.allCases
        var confusion: [RegistryModel.Category: [RegistryModel.Category: Int]] = [:]
        var called = 0.0, calledRight = 0.0, labelled = 0.0, found = 0.0, foundOrUndetermined = 0.0
        var calledN = 0, calledRightN = 0, labelledN = 0, foundN = 0
        var misses: [String] = []
        for row in rows {
            guard let expected = labels[row.ref] else { continue }
            var values: [Field: String] = [.name: row.name, .scope: row.scope, .status: "存续"]
            values[.organizationType] = row.type
            let record = normalizer.normalize(RawRecord(
                ref: RecordRef(sourceFile: "registrations", ordinal: row.ref), kind: .marketRegulation, layout: .snapshot,
                values: FieldValues(values)))
            let result = classifier.classify([record], policyStart: policyStart)
            confusion[expected, default: [:]][result.category, default: 0] += 1
            let weight = weights[row.ref] ?? 1
            if result.category.isSubjectOrMixed {
                called += weight; calledN += 1
                if expected.isSubjectOrMixed { calledRight += weight; calledRightN += 1 }
            }
            if expected.isSubjectOrMixed {
                labelled += weight; labelledN += 1
                if result.category.isSubjectOrMixed { found += weight; foundN += 1 }
                if result.category.isSubjectOrMixed || result.category == .undetermined { foundOrUndetermined += weight }
            }
            if expected.isSubjectOrMixed != result.category.isSubjectOrMixed && misses.count < show {
                misses.append("  #\(row.ref) labelled \(expected.rawValue) → \(result.category.rawValue): \(row.name) | \(row.scope.prefix(80))")
            }
        }
        print("labelled rows \(labels.count) (two readings agree), set aside \(setAside) (they disagree), of \(rows.count)")
        print("confusion (rows label, columns rereg):")
        print("  " + "".padding(toLength: 14, withPad: " ", startingAt: 0) + categories.map { $0.rawValue.leftPadded(13) }.joined())
        for label in categories {
            print("  " + label.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + categories.map { String(confusion[label]?[$0] ?? 0).leftPadded(13) }.joined())
        }
        func ratio(_ a: Double, _ b: Double) -> String { b == 0 ? "n/a" : String(format: "%.4f", a / b) }
        print("called subject or mixed and labelled so (precision): sample \(calledRightN)/\(calledN)"
              + (weights.isEmpty ? "" : ", weighted to the corpus \(ratio(calledRight, called))"))
        print("labelled subject or mixed and called so (recall):     sample \(foundN)/\(labelledN)"
              + (weights.isEmpty ? "" : ", weighted \(ratio(found, labelled)); with undetermined counted as found \(ratio(foundOrUndetermined, labelled))"))
        if !misses.isEmpty { print("first \(misses.count) rows where required-or-not differs:\n" + misses.joined(separator: "\n")) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
