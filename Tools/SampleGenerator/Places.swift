import RegistryModel

/// Where institutions are: counties with their towns and streets, weighted by how many
/// training institutions each plausibly holds (临河区, the city seat, the most).
enum Places {
    static let countyWeights: [(County, Double)] = [
        (.linhe, 45), (.wuyuan, 12), (.dengkou, 7), (.uratFront, 10), (.uratMiddle, 7), (.uratRear, 5), (.hangginRear, 14),
    ]

    static func randomCounty(using rng: inout SplitMix64) -> County {
        countyWeights[rng.weighted(countyWeights.map(\.1))].0
    }

    private static func town(_ county: County) -> String {
        switch county {
        case .linhe: ""
        case .wuyuan: "隆兴昌镇"
        case .dengkou: "巴彦高勒镇"
        case .uratFront: "乌拉山镇"
        case .uratMiddle: "海流图镇"
        case .uratRear: "巴音宝力格镇"
        case .hangginRear: "陕坝镇"
        }
    }

    private static func streets(_ county: County) -> [String] {
        switch county {
        case .linhe: ["胜利路", "新华东街", "新华西街", "五一街", "光明路", "金川大道", "建设路", "利民街", "团结路", "解放街", "河套大街", "朔方路", "临狼路", "曙光街"]
        case .wuyuan: ["丰收路", "人民路", "新华街", "义和渠路", "胜丰街"]
        case .dengkou: ["建设路", "团结路", "文化路", "巴彦路"]
        case .uratFront: ["光明路", "乌拉山大街", "福瑞街", "西山嘴路"]
        case .uratMiddle: ["巴音路", "团结路", "乌兰大街", "海流图街"]
        case .uratRear: ["阿拉腾大街", "乌力吉路", "赛乌素街"]
        case .hangginRear: ["新华路", "建设街", "解放街", "团结路", "陕坝大街"]
        }
    }

    private static let buildings = ["商业综合楼", "金川小区", "恒大名都", "华联商厦", "万达广场", "新天地商城", "文化大厦", "锦绣家园", "河套文化广场", "阳光小区"]

    /// A full address in the county; `developmentZone` places it in the zone (which lies in 临河区).
    static func address(county: County, developmentZone: Bool, using rng: inout SplitMix64) -> String {
        let number = rng.int(1...388)
        let tail: String
        switch rng.below(4) {
        case 0: tail = "\(number)号"
        case 1: tail = "\(rng.pick(buildings))\(rng.int(1...18))号楼\(rng.int(1...4))单元\(rng.int(1...6))0\(rng.int(1...4))"
        case 2: tail = "\(rng.pick(buildings))\(rng.int(1...4))层\(rng.int(101...330))室"
        default: tail = "\(number)号\(rng.int(1...12))号商铺"
        }
        let place: String
        if developmentZone {
            place = "临河区巴彦淖尔经济技术开发区\(rng.pick(["科技路", "园区大道", "创业路"]))"
        } else {
            place = "\(county.name)\(town(county))\(rng.pick(streets(county)))"
        }
        switch rng.below(10) {
        case 0..<4: return "内蒙古自治区巴彦淖尔市\(place)\(tail)"
        case 4..<8: return "巴彦淖尔市\(place)\(tail)"
        default: return "\(place)\(tail)"
        }
    }

    /// The market-regulation authority that registers at a division.
    static func marketAuthority(division: String) -> String {
        switch division {
        case BayannurDivision.city: "巴彦淖尔市市场监督管理局"
        case BayannurDivision.developmentZone: "巴彦淖尔市市场监督管理局经济技术开发区分局"
        default: "巴彦淖尔市\(County(rawValue: division)!.name)市场监督管理局"
        }
    }

    static func civilAuthority(division: String) -> String {
        switch division {
        case BayannurDivision.city, BayannurDivision.developmentZone: "巴彦淖尔市民政局"
        default: "\(County(rawValue: division)!.name)民政局"
        }
    }

    /// Mongolian script for 巴彦淖尔市, as bilingual signage and some records carry it.
    static let mongolianCity = "ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ"
}
