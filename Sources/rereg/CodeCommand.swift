import ArgumentParser
import Normalize

/// `rereg code [--json] CODE...`: explains credit codes to a clerk.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Explains 统一社会信用代码: the cleaned code, valid or not and why, authority, category and division.",
        discussion: """
            Valid means 18 characters of the code alphabet passing both check characters \
            (GB 32100 at position 18, GB 11714 at position 17). An invalid code is explained, \
            never repaired. Exit status 0 whether the codes are valid or not.
            """)

    @Flag(help: "Print one JSON object a line, in input order (keys input, code, valid, problems, …).")
    var json = false

    @Argument(help: ArgumentHelp(
        "The codes, as an export carried them (quote codes that contain spaces).", valueName: "CODE"))
    var codes: [String]

    func run() throws {
        let explanations = codes.map(CreditCodeExplanation.init(input:))
        if json {
            for explanation in explanations { print(explanation.jsonLine) }
        } else {
            print(explanations.map(\.text).joined(separator: "\n\n"))
        }
    }
}
