import RegistryModel

/// Which files a month's folder holds. Five layouts rotate, so that encodings, formats,
/// column names and mess differ from month to month the way a real office's inputs do.
enum MonthPlans {
    static func files(for month: YearMonth, isFirst: Bool) -> [FileSpec] {
        let day = month.lastDay
        let (y, m, d) = day.components
        let yyyymm = "\(y)\(pad2(m))"
        let yyyymmdd = "\(yyyymm)\(pad2(d))"
        let business = businessList(month: month, isFirst: isFirst)
        let layout = ((month.year - 2021) * 12 + month.month - 9 + 500) % 5
        let snapshotTitle = "巴彦淖尔市社会组织登记信息（截至\(y)年\(m)月\(d)日）"

        switch layout {
        case 0:
            return [
                FileSpec(
                    name: "\(snapshotTitle).csv", source: .civilSnapshot,
                    format: .csv(title: snapshotTitle, blankAfterTitle: true, footer: "合计", crlf: true,
                                 rowMess: RowMessProfile(duplicateRate: 0.01, blankLineRate: 0.01, raggedRate: 0.01)),
                    encoding: .gb18030, columns: civilColumns(former: false, personal: false),
                    mess: MessProfile(dateStyle: .slashShort, nullWords: ["", "无"], excel: true)),
                business(.utf8BOM, false, .chinese, ["", "-"], false),
                FileSpec(
                    name: "企业登记信息_\(yyyymm).csv", source: .market(.companies),
                    format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: true, rowMess: utf8RowMess),
                    encoding: .utf8BOM, columns: marketColumns(variant: 0, serial: true, extra: true),
                    mess: MessProfile(dateStyle: .iso, nullWords: ["", "N/A"], allowsBOM: true, capitalStyle: 0)),
                FileSpec(
                    name: "个体工商户登记信息_\(yyyymm).csv", source: .market(.individuals),
                    format: .csv(title: nil, blankAfterTitle: false, footer: "总计", crlf: true, rowMess: gbRowMess),
                    encoding: .gb18030, columns: marketColumns(variant: 0, serial: true, extra: false),
                    mess: MessProfile(dateStyle: .slashShort, nullWords: ["", "无"], individualShortRate: 0.5, excel: true, capitalStyle: 3)),
            ]
        case 1:
            return [
                FileSpec(
                    name: "shzz_djxx_\(yyyymmdd).xml", source: .civilSnapshot,
                    format: .xml(style: .attributes, declaredEncoding: "UTF-8", duplicateRate: 0.008),
                    encoding: .utf8, columns: civilXMLColumns, mess: MessProfile(dateStyle: .compact, allowsBOM: true)),
                business(.utf8BOM, true, .iso, [""], true),
                FileSpec(
                    name: "qydj_\(yyyymm).xml", source: .market(.all),
                    format: .xml(style: .elements, declaredEncoding: "GBK", duplicateRate: 0.006),
                    encoding: .gb18030, columns: marketXMLColumns,
                    mess: MessProfile(dateStyle: .isoTime, nullWords: ["", "无"], individualShortRate: 0.3, allowsMongolian: false, capitalStyle: 2)),
            ]
        case 2:
            return [
                FileSpec(
                    name: "\(snapshotTitle).csv", source: .civilSnapshot,
                    format: .csv(title: snapshotTitle, blankAfterTitle: false, footer: "合计", crlf: true, rowMess: gbRowMess),
                    encoding: .gb18030, columns: civilColumns(former: true, personal: true),
                    mess: MessProfile(dateStyle: .chinese, nullWords: ["", "无"], excel: true)),
                business(.utf8BOM, false, .dot, ["", "N/A"], false),
                FileSpec(
                    name: "市场主体登记信息（\(y)年\(m)月）.csv", source: .market(.all),
                    format: .csv(title: nil, blankAfterTitle: false, footer: "合计", crlf: true, rowMess: gbRowMess),
                    encoding: .gb18030, columns: marketColumns(variant: 1, serial: true, extra: true),
                    mess: MessProfile(dateStyle: .slash, nullWords: ["", "-"], individualShortRate: 0.2, excel: true, capitalStyle: 1)),
            ]
        case 3:
            return [
                FileSpec(
                    name: "巴彦淖尔市社会组织登记信息_\(yyyymmdd).csv", source: .civilSnapshot,
                    format: .csv(title: snapshotTitle, blankAfterTitle: false, footer: "合计", crlf: false, rowMess: utf8RowMess),
                    encoding: .utf8BOM, columns: civilColumns(former: true, personal: true),
                    mess: MessProfile(dateStyle: .iso, nullWords: ["", "N/A"], allowsBOM: true)),
                business(.utf8BOM, true, .chinese, [""], true),
                FileSpec(
                    name: "企业登记信息_\(yyyymm).csv", source: .market(.companies),
                    format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: false, rowMess: utf8RowMess),
                    encoding: .utf8BOM, columns: marketColumns(variant: 0, serial: false, extra: true),
                    mess: MessProfile(dateStyle: .compact, nullWords: ["", "N/A", "-"], allowsBOM: true, capitalStyle: 0)),
                FileSpec(
                    name: "个体工商户_\(yyyymm).xml", source: .market(.individuals),
                    format: .xml(style: .elements, declaredEncoding: "GB18030", duplicateRate: 0.01),
                    encoding: .gb18030, columns: marketXMLColumns,
                    mess: MessProfile(dateStyle: .chineseFullWidth, otherDateRate: 0.1, nullWords: [""], individualShortRate: 0.6, capitalStyle: 4)),
            ]
        default:
            return [
                FileSpec(
                    name: "shzz_\(yyyymmdd).xml", source: .civilSnapshot,
                    format: .xml(style: .attributes, declaredEncoding: "UTF-8", duplicateRate: 0.008),
                    encoding: .utf8, columns: civilXMLColumns, mess: MessProfile(dateStyle: .iso, nullWords: ["", "无"], allowsBOM: true)),
                business(.utf8BOM, true, .compact, ["", "-"], false),
                FileSpec(
                    name: "市场主体登记信息（\(y)年\(m)月）.csv", source: .market(.companies),
                    format: .csv(title: "巴彦淖尔市市场主体登记信息（企业）", blankAfterTitle: true, footer: "总计", crlf: true, rowMess: gbRowMess),
                    encoding: .gb18030, columns: marketColumns(variant: 1, serial: true, extra: false),
                    mess: MessProfile(dateStyle: .slashShort, nullWords: ["", "无"], excel: true, capitalStyle: 1)),
                FileSpec(
                    name: "个体工商户登记信息_\(yyyymm).csv", source: .market(.individuals),
                    format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: false, rowMess: utf8RowMess),
                    encoding: .utf8, columns: marketColumns(variant: 0, serial: false, extra: false),
                    mess: MessProfile(dateStyle: .iso, nullWords: ["", "N/A"], individualShortRate: 0.4, allowsBOM: true, capitalStyle: 3)),
            ]
        }
    }

    static let utf8RowMess = RowMessProfile(duplicateRate: 0.008, blankLineRate: 0.01, raggedRate: 0.008, mojibakeRate: 0.015)
    static let gbRowMess = RowMessProfile(duplicateRate: 0.008, blankLineRate: 0.01, raggedRate: 0.008)

    /// The month's business list; the first month's covers everything since the policy began.
    private static func businessList(month: YearMonth, isFirst: Bool)
        -> (OutputEncoding, Bool, DateStyle, [String], Bool) -> FileSpec
    {
        let (y, m, d) = month.lastDay.components
        let after = isFirst ? Policy.start.plus(days: -1) : month.first.plus(days: -1)
        let name = isFirst
            ? "社会组织登记业务办理情况（2021年7月24日-\(m)月\(d)日）.csv"
            : "\(y)年\(m)月社会组织登记业务办理情况.csv"
        return { encoding, former, dateStyle, nullWords, crlf in
            FileSpec(
                name: name, source: .civilBusiness(after: after),
                format: .csv(title: nil, blankAfterTitle: false, footer: nil, crlf: crlf,
                             rowMess: RowMessProfile(duplicateRate: 0.02, blankLineRate: 0.02)),
                encoding: encoding, columns: businessColumns(former: former),
                mess: MessProfile(dateStyle: dateStyle, nullWords: nullWords, allowsBOM: true))
        }
    }

    static func civilColumns(former: Bool, personal: Bool) -> [(Column, String)] {
        var columns: [(Column, String)] = [
            (.serial, "序号"), (.name, "社会组织名称"), (.code, "统一社会信用代码"), (.organizationType, "社会组织类型"),
            (.representative, "法定代表人"), (.established, "成立登记日期"), (.status, "登记状态"), (.authority, "登记管理机关"),
            (.supervisor, "业务主管单位"), (.address, "住所"), (.scope, "业务范围"), (.capital, "开办资金"), (.certificate, "登记证号"),
        ]
        if former { columns.append((.formerCode, "原统一社会信用代码")) }
        if personal { columns += [(.residentID, "法定代表人身份证号"), (.phone, "联系电话")] }
        columns += [(.province, "所在省份"), (.region, "地区")]
        return columns
    }

    static func businessColumns(former: Bool) -> [(Column, String)] {
        var columns: [(Column, String)] = [
            (.serial, "序号"), (.businessType, "业务类型"), (.name, "社会组织名称"), (.code, "统一社会信用代码"),
            (.completedOn, "办结日期"), (.status, "登记状态"), (.address, "住所"), (.representative, "法定代表人"), (.scope, "业务范围"),
        ]
        if former { columns.append((.formerCode, "原统一社会信用代码")) }
        return columns
    }

    /// Variant 0 uses 法定代表人 / 成立日期 / 登记状态 / 住所; variant 1 the synonyms
    /// 法人代表 / 注册日期 / 经营状态 / 注册地址.
    static func marketColumns(variant: Int, serial: Bool, extra: Bool) -> [(Column, String)] {
        var columns: [(Column, String)] = serial ? [(.serial, "序号")] : []
        columns += [
            (.name, "企业名称"), (.code, "统一社会信用代码"), (.organizationType, "企业类型"),
            (.representative, variant == 0 ? "法定代表人" : "法人代表"), (.established, variant == 0 ? "成立日期" : "注册日期"),
            (.scope, "经营范围"), (.status, variant == 0 ? "登记状态" : "经营状态"), (.authority, "登记机关"),
            (.address, variant == 0 ? "住所" : "注册地址"), (.capital, "注册资本"),
        ]
        if extra { columns += [(.province, "所在省份"), (.region, "地区")] }
        return columns
    }

    static let civilXMLColumns: [(Column, String)] = [
        (.name, "SHZZMC"), (.code, "TYSHXYDM"), (.representative, "FDDBR"), (.established, "CLRQ"), (.status, "DJZT"),
        (.address, "ZS"), (.scope, "YWFW"), (.supervisor, "YWZGDW"), (.formerCode, "YTYSHXYDM"), (.authority, "DJJG"),
    ]

    static let marketXMLColumns: [(Column, String)] = [
        (.name, "QYMC"), (.code, "TYSHXYDM"), (.organizationType, "QYLX"), (.representative, "FDDBR"), (.established, "CLRQ"),
        (.scope, "JYFW"), (.status, "DJZT"), (.authority, "DJJG"), (.address, "ZS"), (.capital, "ZCZB"),
    ]
}
