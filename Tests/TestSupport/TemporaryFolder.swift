import Foundation

/// Scratch folders for tests: each test gets its own, all under one folder per test process,
/// which is removed when the process ends, whatever a test left in it (thousands of folders
/// a day otherwise pile up in /tmp on a machine that runs the suite every commit).
public enum TestScratch {
    private static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rereg-tests-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.rootWithoutCreating) }
        return root
    }()

    private static var rootWithoutCreating: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rereg-tests-\(getpid())", isDirectory: true)
    }

    /// A fresh, empty folder; `label` names what made it, for a person looking in /tmp meanwhile.
    public static func folder(_ label: String) throws -> URL {
        let url = root.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
