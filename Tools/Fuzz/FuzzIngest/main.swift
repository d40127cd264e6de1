import Foundation
import FuzzSupport
import Ingest

/// One input is one file in a month's folder; every error Ingest throws is a refusal in a
/// sentence, which is fine: a crash, a hang or a leak is not.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rereg-fuzz-ingest-\(getpid())")

func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let name = (bytes.first ?? 0) & 1 == 0 ? "企业登记信息.csv" : "社会组织.xml"
    guard (try? Data(bytes).write(to: folder.appendingPathComponent(name))) != nil else { return }
    do {
        let ingestor = try Ingestor(folder: folder)
        for file in try ingestor.survey() {
            _ = try ingestor.read(file) { _ in }
        }
    } catch {
        _ = "\(error)"
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if !FUZZING
@main struct Replay { static func main() throws { try FuzzReplay.run(fuzzOne) } }
#endif
