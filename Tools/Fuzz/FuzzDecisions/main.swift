import Foundation
import Ingest

/// One input is a clerk's decisions file, read by libcsv as `rereg decide` reads it.
func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    do {
        let rows = try CSVTableReader.rows(in: Array(bytes))
        _ = rows.reduce(0) { $0 + $1.count }
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
@main struct ReplayInputs {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            data.withUnsafeBytes(fuzzOne)
        }
    }
}
#endif
