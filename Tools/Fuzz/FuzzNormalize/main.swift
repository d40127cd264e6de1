import Foundation
import FuzzSupport
import Normalize
import RegistryModel

/// One input is one record: its fields are the input split at 0x1F, in `Field` order, each
/// decoded as UTF-8 (damaged bytes replaced), for both registries and layouts.
let normalizer = try! Normalizer()

func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    let parts = bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    var values: [Field: String] = [:]
    for (field, text) in zip(Field.allCases, parts) { values[field] = text }
    let kind: SourceKind = (bytes.first ?? 0) & 1 == 0 ? .marketRegulation : .civilAffairs
    let layout: FileLayout = (bytes.first ?? 0) & 2 == 0 ? .snapshot : .businessList
    let record = normalizer.normalize(RawRecord(ref: RecordRef(sourceFile: "fuzz.csv", ordinal: 1), kind: kind, layout: layout,
                                                values: FieldValues(values)))
    _ = "\(record.creditCode as Any) \(record.establishedOn as Any) \(record.nameKeys as Any) \(record.county)"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if !FUZZING
@main struct Replay { static func main() throws { try FuzzReplay.run(fuzzOne) } }
#endif
