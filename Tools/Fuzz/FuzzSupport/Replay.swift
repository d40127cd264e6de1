import Foundation

/// Built without libFuzzer, a fuzz target replays the inputs named on its command line: how a
/// crash libFuzzer left in fuzz-crashes/ is reproduced.
public enum FuzzReplay {
    public static func run(_ fuzzOne: (UnsafeRawBufferPointer) -> Void) throws {
        for path in CommandLine.arguments.dropFirst() {
            try Data(contentsOf: URL(fileURLWithPath: path)).withUnsafeBytes(fuzzOne)
        }
    }
}
