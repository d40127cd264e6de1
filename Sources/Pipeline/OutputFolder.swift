import Foundation

/// A batch's output folder, written beside its final place and moved there only when
/// every file is complete: a crash leaves either the old folder or the new one, never a
/// half-written mix.
struct OutputFolder {
    let final: URL
    let staging: URL

    init(final: URL) throws {
        self.final = final.standardizedFileURL
        let parent = self.final.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.final.lastPathComponent).partial-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            // What a killed run left half-written beside the folder goes first.
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            for name in leftovers where name.hasPrefix(".\(self.final.lastPathComponent).partial-")
                || name.hasPrefix(".\(self.final.lastPathComponent).previous-") {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw PipelineError.cannotWriteOutput(path: final.path, reason: Self.reason(error))
        }
    }

    /// Replaces the final folder with the staged one: two renames, so that at every moment
    /// the final path holds a complete folder or (between them, briefly) none.
    func publish() throws {
        let manager = FileManager.default
        let previous = staging.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).previous-\(getpid())")
        do {
            try? manager.removeItem(at: previous)
            if manager.fileExists(atPath: final.path) { try manager.moveItem(at: final, to: previous) }
            try manager.moveItem(at: staging, to: final)
            try? manager.removeItem(at: previous)
        } catch {
            throw PipelineError.cannotWriteOutput(path: final.path, reason: Self.reason(error))
        }
    }

    /// What went wrong, in the clerk's words where the system gave a reason (a full disk, a
    /// folder that cannot be written), else as the error says it.
    static func reason(_ error: any Error) -> String {
        if case PipelineError.cannotWriteOutput(_, let reason) = error { return reason }
        var current = error as NSError
        while current.domain != NSPOSIXErrorDomain, let underlying = current.userInfo[NSUnderlyingErrorKey] as? any Error {
            current = underlying as NSError
        }
        guard current.domain == NSPOSIXErrorDomain else { return "\(error)" }
        switch Int32(current.code) {
        case ENOSPC, EDQUOT: return "磁盘空间不足"
        case EACCES, EPERM: return "没有写入权限"
        case EROFS: return "磁盘是只读的"
        case ENOTDIR, EEXIST: return "路径中有一段是文件而不是文件夹"
        default: return String(cString: strerror(Int32(current.code)))
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
