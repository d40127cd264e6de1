import ArgumentParser
import Foundation

/// Which world, and which of its months, an evaluation reads: the arguments every Evaluate
/// program shares.
public struct WorldArguments: ParsableArguments {
    @Argument(help: "The folder holding input/ and truth/ (default: the current folder).") public var root: String?
    @Option(help: "Only these months (2021-09,2021-10).") public var months: String?

    public init() {}

    public var rootURL: URL { URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath) }
    public var onlyMonths: Set<String>? { months.map { Set($0.split(separator: ",").map(String.init)) } }
}
