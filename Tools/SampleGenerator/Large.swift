import RegistryModel

/// One big month for load tests: institutions are made one at a time from their index
/// and written to every file at once, so memory stays flat however many records are asked for.
struct LargeWriter {
    let seed: UInt64
    let records: Int
    let month: YearMonth

    /// Random plans instead of the world builder's: no hard cases, brands may repeat.
    static func plan(seed: UInt64, index: Int) -> InstitutionPlan {
        var rng = SplitMix64(seed: seed, stream: 2, index: UInt64(index))
        let kind = InstitutionFactory.kindShares[rng.weighted(InstitutionFactory.kindShares.map(\.1))].0
        let brand: String = switch kind {
        case .socialGroup: ""
        case .outOfScope: rng.pick(Names.businessBrandPool)
        default: rng.chance(0.02) ? rng.pick(Names.chainBrands) : rng.pick(Names.brandPool)
        }
        var plan = InstitutionPlan(kind: kind, brand: brand)
        if kind == .subject {
            plan.foreignCapital = rng.chance(0.01)
            plan.listed = !plan.foreignCapital && rng.chance(0.005)
            plan.newAfterPolicy = rng.chance(0.02)
        }
        plan.countyConflict = kind != .alreadyNonprofit && kind != .socialGroup && rng.chance(0.01)
        return plan
    }

    static func files(for month: YearMonth) -> [FileSpec] {
        let (y, m, d) = month.lastDay.components
        let yyyymm = "\(y)\(pad2(m))"
        return [
            FileSpec(
                name: "shzz_djxx_\(yyyymm)\(pad2(d)).xml", source: .civilSnapshot,
                format: .xml(style: .attributes, declaredEncoding: "UTF-8", duplicateRate: 0.005),
                encoding: .utf8, columns: MonthPlans.civilXMLColumns, mess: MessProfile(dateStyle: .compact, allowsBOM: true)),
            FileSpec(
                name: "社会组织登记业务办理情况（2021年7月24日-\(m)月\(d)日）.csv", source: .civilBusiness(after: Policy.start.plus(days: -1)),
                format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: false, rowMess: RowMessProfile(duplicateRate: 0.01, blankLineRate: 0.01)),
                encoding: .utf8BOM, columns: MonthPlans.businessColumns(former: true),
                mess: MessProfile(dateStyle: .chinese, allowsBOM: true)),
            FileSpec(
                name: "企业登记信息_临河区_\(yyyymm).csv", source: .market(.companiesInLinhe),
                format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: true, rowMess: MonthPlans.utf8RowMess),
                encoding: .utf8BOM, columns: MonthPlans.marketColumns(variant: 0, serial: true, extra: true),
                mess: MessProfile(dateStyle: .iso, nullWords: ["", "N/A"], allowsBOM: true)),
            FileSpec(
                name: "qydj_qixian_\(yyyymm).xml", source: .market(.individualsAndCountiesOtherThanLinhe),
                format: .xml(style: .elements, declaredEncoding: "GB18030", duplicateRate: 0.005),
                encoding: .gb18030, columns: MonthPlans.marketXMLColumns,
                mess: MessProfile(dateStyle: .isoTime, nullWords: ["", "无"], individualShortRate: 0.3, capitalStyle: 2)),
            FileSpec(
                name: "巴彦淖尔市社会组织登记信息（截至\(y)年\(m)月\(d)日）.csv", source: .civilSnapshot,
                format: .csv(title: "巴彦淖尔市社会组织登记信息（截至\(y)年\(m)月\(d)日）", blankAfterTitle: true, footer: "合计", crlf: true, rowMess: MonthPlans.gbRowMess),
                encoding: .gb18030, columns: MonthPlans.civilColumns(former: true, personal: false),
                mess: MessProfile(dateStyle: .slashShort, nullWords: ["", "无"], excel: true)),
        ]
    }

    /// A single clean-structured UTF-8 CSV of market-regulation records (values still
    /// messy), for comparing ingest speed with DuckDB's `read_csv`.
    static func singleCSV(name: String) -> FileSpec {
        FileSpec(
            name: name, source: .market(.all),
            format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: false, rowMess: .none),
            encoding: .utf8, columns: MonthPlans.marketColumns(variant: 0, serial: false, extra: true),
            mess: MessProfile(dateStyle: .iso, nullWords: ["", "N/A"], allowsBOM: false))
    }

    /// Writes the files; returns each file's name, record count and size.
    func write(specs: [FileSpec], folder: String) throws -> [(name: String, records: Int, bytes: Int)] {
        try FileSystem.makeFolder(folder)
        let asOf = month.lastDay
        let exports = try specs.enumerated().map { index, spec in
            try OpenExport(spec: spec, folder: folder, asOf: asOf, seed: seed, stream: UInt64(5000 + index), truth: nil)
        }
        let factory = InstitutionFactory(seed: seed)
        var index = 0
        var written = 0
        while written < records {
            let institution = factory.make(index: index, plan: Self.plan(seed: seed, index: index), partner: nil)
            if institution.exists(on: asOf) {
                for export in exports { try export.write(institution) }
                written = exports.reduce(0) { $0 + $1.writer.records }
            }
            index += 1
        }
        for export in exports { try export.finish() }
        return exports.map { ($0.spec.name, $0.writer.records, $0.writer.bytesWritten) }
    }
}
