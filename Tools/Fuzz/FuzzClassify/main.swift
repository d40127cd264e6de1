import Classify
import Foundation
import FuzzSupport
import Normalize
import RegistryModel

/// One input is a business scope and a name (split at the first 0x1F), normalised as a
/// record's are, then read by the classifier's rules: what it teaches, and its category.
let normalizer = try! Normalizer()
let classifier = try! Classifier()
let policyStart = Day(year: 2021, month: 7, day: 24)!

func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    let parts = bytes.split(separator: 0x1F, maxSplits: 1, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let scope = parts.first ?? "", name = parts.count > 1 ? parts[1] : "临河区智远教育科技有限公司"
    _ = classifier.teaching(scope)
    let record = normalizer.normalize(RawRecord(ref: RecordRef(sourceFile: "fuzz.csv", ordinal: 1), kind: .marketRegulation,
                                                layout: .snapshot, values: FieldValues([.name: name, .scope: scope])))
    _ = classifier.classify([record], policyStart: policyStart).evidenceLines
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if !FUZZING
@main struct Replay { static func main() throws { try FuzzReplay.run(fuzzOne) } }
#endif
