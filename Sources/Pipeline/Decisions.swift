import Foundation
import Ingest
import Ledger
import RegistryModel

/// A clerk's decisions file (`rereg decide FILE`): a CSV answering review.csv.
///
/// ```
/// decision,institution_id,other_institution_id,category,note
/// same,BYN-00000375,BYN-00000147,,法定代表人与住所相同，确认为重新登记
/// different,BYN-00000394,BYN-00000320,,两家为姐妹公司
/// category,BYN-00000212,,non_subject,经营范围已删除学科类培训
/// revoke,BYN-00000375,BYN-00000147,,误判
/// ```
/// `decision` is `same`, `different`, `category` or `revoke` (Chinese 同一机构, 不同机构, 类别,
/// 撤销 too); `revoke` withdraws the active same/different decision about the pair, or the
/// category decision about one institution.
public enum Decisions {
    public struct Outcome: Sendable {
        public let added: Int
        public let revoked: Int
    }

    public static func apply(file: URL, ledgerPath: String, wait: Int = Ledger.defaultBusyTimeout) throws -> Outcome {
        guard FileManager.default.fileExists(atPath: ledgerPath) else { throw DecisionError.noLedger(ledgerPath) }
        let lock = try WriterLock(ledgerPath: ledgerPath, waiting: wait)
        defer { withExtendedLifetime(lock) {} }
        let ledger = try Ledger(path: ledgerPath)
        try ledger.checkIntact()
        let decisions = try read(file, knownBy: ledger)
        // Kept as received beside the ledger: a ledger rebuilt from the exports after damage
        // takes them from there (`Replay`). Copied before they count and numbered once they
        // do, so that a run killed between the two leaves no numbered file the ledger lacks.
        let (partial, kept) = try keep(file, beside: ledgerPath)
        do {
            let outcome = try apply(decisions, to: ledger)
            try? FileManager.default.moveItem(at: partial, to: kept)
            return outcome
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// What one decisions file asks for.
    struct FileDecisions {
        var additions: [DecisionRow] = []
        var revocations: [Revocation] = []
    }

    /// More lines than a clerk's review answers in a month, by far: a file longer is a mistake
    /// (a merged export, a copy pasted again and again), refused before it slows every batch.
    public static let maximumLines = 10_000

    /// The folder beside a ledger where every decisions file it recorded is kept, numbered in
    /// the order recorded.
    public static func keptFolder(beside ledgerPath: String) -> URL {
        URL(fileURLWithPath: ledgerPath + ".decisions")
    }

    /// The kept files, in the order they were recorded.
    static func keptFiles(beside ledgerPath: String) -> [URL] {
        let folder = keptFolder(beside: ledgerPath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.first?.isNumber == true }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The file copied beside the ledger under a name no listing counts, and the numbered name
    /// it takes once its decisions are recorded.
    private static func keep(_ file: URL, beside ledgerPath: String) throws -> (partial: URL, kept: URL) {
        let folder = keptFolder(beside: ledgerPath)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let name = String(format: "%04d-", keptFiles(beside: ledgerPath).count + 1) + file.lastPathComponent
            let partial = folder.appendingPathComponent(".partial-" + name)
            try? FileManager.default.removeItem(at: partial)
            try FileManager.default.copyItem(at: file, to: partial)
            return (partial, folder.appendingPathComponent(name))
        } catch {
            throw PipelineError.cannotWriteOutput(path: folder.path, reason: OutputFolder.reason(error))
        }
    }

    /// Records a file's decisions, all or none: revocations first, then the new decisions. A
    /// revocation that finds no decision to withdraw refuses the file.
    static func apply(_ decisions: FileDecisions, to ledger: Ledger) throws -> Outcome {
        do {
            let revoked = try ledger.record(decisions.additions, revoking: decisions.revocations)
            return Outcome(added: decisions.additions.count, revoked: revoked)
        } catch LedgerError.nothingToRevoke(let index) {
            throw DecisionError.invalid(line: decisions.revocations[index].line, reason: "没有可撤销的决定（台账中没有这两个编号或这个编号上仍然有效的决定）")
        }
    }

    /// Reads a decisions file; with a ledger, every id in it must be one the ledger minted.
    static func read(_ file: URL, knownBy ledger: Ledger?) throws -> FileDecisions {
        // Read as the CSV it is (libcsv): a note Excel quoted because it holds a comma or a
        // line break stays one cell.
        let rows: [[String]]
        do { rows = try CSVTableReader.rows(of: file) } catch { throw DecisionError.unreadable(file.path) }
        guard rows.count <= maximumLines + 1 else {
            throw DecisionError.invalid(line: "共 \(rows.count) 行", reason: "一个决定文件最多 \(maximumLines) 行，请分成几个文件")
        }
        var additions: [DecisionRow] = []
        var revocations: [Revocation] = []
        var seen: [[String]: Int] = [:]
        for (number, row) in rows.enumerated() {
            let cells = row.map { $0.trimmingCharacters(in: .whitespaces) }
            let where_ = "第 \(number + 1) 行"
            guard let word = cells.first, !word.isEmpty, number > 0 || !["decision", "决定"].contains(word) else { continue }
            // A line written twice would count twice (or revoke what it just made).
            let key = Array(row.prefix(4).map { $0.trimmingCharacters(in: .whitespaces) })
            if let earlier = seen[key] { throw DecisionError.invalid(line: where_, reason: "与第 \(earlier) 行是同一项决定") }
            seen[key] = number + 1
            let id = InstitutionID(rawValue: cells.count > 1 ? cells[1] : "")
            let other = cells.count > 2 && !cells[2].isEmpty ? InstitutionID(rawValue: cells[2]) : nil
            let note = cells.count > 4 ? cells[4...].joined(separator: ",") : ""
            for known in [id] + (other.map { [$0] } ?? []) where !(try ledger?.knows(known) ?? true) {
                throw DecisionError.invalid(line: where_, reason: "台账中没有机构编号“\(known.rawValue)”")
            }
            switch word {
            case "same", "同一机构", "different", "不同机构":
                guard let other, other != id else { throw DecisionError.invalid(line: where_, reason: "需要两个不同的机构编号") }
                let kind: DecisionRow.Kind = ["same", "同一机构"].contains(word) ? .same : .different
                additions.append(DecisionRow(kind: kind, institution: id, other: other, note: note))
            case "category", "类别":
                guard cells.count > 3, let category = Category(rawValue: cells[3]) else {
                    let words = Category.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DecisionError.invalid(line: where_, reason: "类别须为 \(words) 之一")
                }
                additions.append(DecisionRow(kind: .category, institution: id, category: category, note: note))
            case "revoke", "撤销":
                revocations.append(Revocation(kinds: other == nil ? [.category] : [.same, .different], institution: id,
                                              other: other, line: where_))
            default:
                throw DecisionError.invalid(line: where_, reason: "决定“\(word)”无法识别（same / different / category / revoke）")
            }
        }
        return FileDecisions(additions: additions, revocations: revocations)
    }
}

public enum DecisionError: Error, CustomStringConvertible {
    case noLedger(String)
    case unreadable(String)
    case invalid(line: String, reason: String)

    public var description: String {
        switch self {
        case .noLedger(let path): "台账“\(path)”不存在：请先运行 rereg batch。"
        case .unreadable(let path): "无法读取决定文件“\(path)”（须为 UTF-8 或 GB18030 编码的 CSV，引号成对）。"
        case .invalid(let line, let reason): "决定文件\(line)有误：\(reason)；未记录任何决定。"
        }
    }
}
