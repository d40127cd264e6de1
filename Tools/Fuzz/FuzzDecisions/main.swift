import Foundation
import FuzzSupport
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
@main struct Replay { static func main() throws { try FuzzReplay.run(fuzzOne) } }
#endif
