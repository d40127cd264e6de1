import ArgumentParser

/// The command line: thin; the work is in Pipeline.
struct Rereg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rereg",
        abstract: "Tracks the re-registration of subject-training institutions as non-profits (巴彦淖尔市民政局).",
        subcommands: [BatchCommand.self, ReportCommand.self, ShowCommand.self, DecideCommand.self, ReplayCommand.self, CodeCommand.self])
}

Rereg.main()
