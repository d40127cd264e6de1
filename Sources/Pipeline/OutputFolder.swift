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
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw PipelineError.cannotWriteOutput(path: final.path, reason: error.localizedDescription)
        }
    }

    func path(_ name: String) -> String { staging.appendingPathComponent(name).path }

    /// Replaces the final folder with the staged one.
    func publish() throws {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: final.path) {
                _ = try manager.replaceItemAt(final, withItemAt: staging)
            } else {
                try manager.moveItem(at: staging, to: final)
            }
        } catch {
            throw PipelineError.cannotWriteOutput(path: final.path, reason: error.localizedDescription)
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
