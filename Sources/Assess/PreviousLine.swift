import RegistryModel

/// What assessing an institution reads of its line last month, and no more: the full lines
/// (dates, counts, former codes, and a list of their own for stages and flags) would be held
/// through linkage and the write. Measured: BENCHMARKS.md, history, `e49deec`.
public struct PreviousLine: Sendable {
    public let name: String
    public let creditCode: String?
    public let countyCode: String?
    public let category: Category
    public let department: Department?
    public let status: ReregistrationStatus
    private let stageBits: UInt8
    private let flagBits: UInt32

    public init(_ line: LedgerLine) {
        name = line.name
        creditCode = line.creditCode
        countyCode = line.countyCode
        category = line.category
        department = line.department
        status = line.reregistrationStatus
        stageBits = Self.bits(of: line.stages)
        flagBits = Self.bits(of: line.flags)
    }

    /// In the order of `Stage.allCases`, as lines keep them.
    public var stages: [Stage] { Self.cases(in: stageBits) }
    /// In the order of `InstitutionFlag.allCases`, as lines keep them.
    public var flags: [InstitutionFlag] { Self.cases(in: flagBits) }

    private static func bits<Case: CaseIterable & Equatable, Bits: FixedWidthInteger>(of cases: [Case]) -> Bits {
        precondition(Case.allCases.count <= Bits.bitWidth, "\(Case.self) has outgrown the bits a previous line keeps")
        var bits: Bits = 0
        for (position, each) in Case.allCases.enumerated() where cases.contains(each) { bits |= 1 << position }
        return bits
    }

    private static func cases<Case: CaseIterable, Bits: FixedWidthInteger>(in bits: Bits) -> [Case] {
        Case.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
    }
}
