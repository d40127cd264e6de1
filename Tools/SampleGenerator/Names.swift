import RegistryModel

/// People and institution names.
enum Names {
    private static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟段雷钱汤尹黎常武乔贺赖龚文")
    private static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫宇浩凯婷雪琳晨阳海燕瑞峰斌志建国红军春雨文博子涵思远晓东")
    /// Mongolian names are written in Chinese characters without a surname.
    private static let mongolianNames = ["巴特尔", "其其格", "乌云", "苏日娜", "额尔敦", "斯琴", "阿拉坦", "图雅", "宝音", "娜仁花", "敖登", "朝鲁"]

    static func person(using rng: inout SplitMix64) -> String {
        if rng.chance(0.06) { return rng.pick(mongolianNames) }
        var name = String(rng.pick(surnames))
        name.append(rng.pick(givenCharacters))
        if rng.chance(0.7) { name.append(rng.pick(givenCharacters)) }
        return name
    }

    // Brands: two characters as local training businesses choose them. The pairs below
    // differ by one character and are kept out of the common pool, so that only the
    // institutions the truth marks as `one_char_brand` carry them.
    static let oneCharacterPairs: [(String, String)] = [
        ("智远", "致远"), ("博学", "博雪"), ("启航", "起航"), ("育才", "育材"), ("思源", "思远"),
        ("卓越", "卓跃"), ("英才", "英材"), ("新蕾", "新雷"), ("明德", "铭德"), ("睿思", "锐思"),
    ]
    /// Chain-like brands that the `same_brand_other_county` case reuses across counties.
    static let chainBrands = ["新起点", "小状元", "金钥匙", "状元郎", "学而优", "学而思", "优学派", "小博士", "快乐星", "好未来"]
    /// Brands written with traditional characters, as a few registrations are.
    static let traditionalBrands = ["書香", "藝苑", "學優", "華育"]

    /// The common pool: every combination of the two lists, minus the reserved brands.
    static let brandPool: [String] = {
        let first = Array("智博启明育才英思乐新天华优卓金阳星弘睿雅翰文德正尚腾鸿志嘉慧晨贝蓝童朗")
        let second = Array("远学航德贤源达星辰峰阳桥苑成韵艺轩图品佳益宸林杰鼎瀚跃")
        let reserved = Set(oneCharacterPairs.flatMap { [$0.0, $0.1] })
        var pool: [String] = []
        for a in first {
            for b in second where a != b {
                let brand = String([a, b])
                if !reserved.contains(brand) { pool.append(brand) }
            }
        }
        return pool
    }()

    /// Business-style brands for companies that are not training institutions.
    static let businessBrandPool: [String] = {
        let first = Array("鑫宏恒永兴盛富泰隆祥瑞通德华安昌荣丰源利顺")
        let second = Array("盛达通泰源隆昌兴发利丰诚信和鼎辉")
        var pool: [String] = []
        for a in first {
            for b in second where a != b { pool.append(String([a, b])) }
        }
        return pool
    }()

    /// The brand of `same_brand_other_county` pair `index`: the chain-like list first, then
    /// a pool brand with a shop word (智远堂), unique per pair, so that in a large world each
    /// pair's brand is its own and names stay unique per county.
    static func chainBrand(_ index: Int) -> String {
        if index < chainBrands.count { return chainBrands[index] }
        return derived(index - chainBrands.count, marks: chainMarks.map { [$0] })[0]
    }

    /// The brands of `one_char_brand` pair `index`: the list first, then a pool brand with
    /// one of two near-identical last characters (智远园 / 智远圆), unique per pair.
    static func oneCharacterPair(_ index: Int) -> (String, String) {
        if index < oneCharacterPairs.count { return oneCharacterPairs[index] }
        let brands = derived(index - oneCharacterPairs.count, marks: oneCharacterMarks.map { [$0.0, $0.1] })
        return (brands[0], brands[1])
    }

    /// Third characters for derived pair brands: the two sets are disjoint and not second
    /// characters of the pool (no 智远远), and no common brand has three characters, so
    /// derived brands never meet a common one.
    private static let chainMarks: [Character] = Array("堂坊斋塾馆社")
    private static let oneCharacterMarks: [(Character, Character)] = [
        ("园", "圆"), ("阁", "格"), ("家", "嘉"), ("舟", "洲"), ("梦", "孟"), ("宇", "羽"),
    ]

    /// Pool brand `index % pool` with mark set `index / pool`, and beyond that a further pool
    /// brand in front: a bijection from indexes to brands.
    private static func derived(_ index: Int, marks: [[Character]]) -> [String] {
        let size = brandPool.count * marks.count
        let base = brandPool[index % brandPool.count]
        let front = index >= size ? brandPool[(index / size - 1) % brandPool.count] : ""
        return marks[(index / brandPool.count) % marks.count].map { front + base + String($0) }
    }

    /// Another brand for an institution whose name is already taken in its county: first
    /// other two-character brands of its pool, then four-character ones made of two (金色童年
    /// style), of which there are enough for millions of institutions.
    static func replacementBrand(business: Bool, attempt: Int, using rng: inout SplitMix64) -> String {
        let pool = business ? businessBrandPool : brandPool
        if attempt <= 8 { return rng.pick(pool) }
        var first = rng.pick(pool)
        var second = rng.pick(pool)
        while first == second { first = rng.pick(pool); second = rng.pick(pool) }
        return first + second
    }

    /// Words put before a social group's name when the plain one is taken in its county.
    static let socialGroupQualifiers = ["青少年", "少儿", "老年", "职工", "女子", "业余", "青年", "社区", "农民", "城区"]

    /// How an enterprise name is put together around its brand.
    struct EnterpriseNameStyle: Hashable {
        /// 0 巴彦淖尔市临河区…, 1 临河区…, 2 巴彦淖尔市…, 3 内蒙古…, 4 巴彦淖尔市…（临河）有限公司
        var prefix: Int
        var trade: String
        var form: String
    }

    static func enterpriseName(brand: String, county: County, style: EnterpriseNameStyle) -> String {
        switch style.prefix {
        case 0: "巴彦淖尔市\(county.name)\(brand)\(style.trade)\(style.form)"
        case 1: "\(county.name)\(brand)\(style.trade)\(style.form)"
        case 2: "巴彦淖尔市\(brand)\(style.trade)\(style.form)"
        case 3: "内蒙古\(brand)\(style.trade)\(style.form)"
        default: "巴彦淖尔市\(brand)\(style.trade)（\(county.shortName)）\(style.form)"
        }
    }

    /// 个体工商户 names carry the county and a shop word instead of a legal form.
    static func individualName(brand: String, county: County, trade: String) -> String {
        "\(county.name)\(brand)\(trade)"
    }

    static func nonprofitName(brand: String, county: County, cityLevel: Bool, style: Int, trade: String) -> String {
        if cityLevel { return "巴彦淖尔市\(brand)\(trade)" }
        return style == 0 ? "\(county.name)\(brand)\(trade)" : "巴彦淖尔市\(county.name)\(brand)\(trade)"
    }

    static let nonprofitTrades = ["培训学校", "培训中心", "文化培训学校", "教育培训学校", "学科培训学校", "课外培训学校"]
    static let forms = ["有限公司", "有限公司", "有限公司", "有限公司", "有限责任公司"]
}
