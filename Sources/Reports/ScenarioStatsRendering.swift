import Catalog
import Diagnostics

/// The 情形 figures in the text, JSON and CSV reports: present only when an item has 情形,
/// so a catalog without them reports exactly as before.
extension CatalogStats {
    /// The section after 跑动与网办: numbered 七 (or 八 with 一件事), empty without 情形.
    func scenarioText(_ language: ReportLanguage) -> String {
        guard !scenarioItems.isEmpty, let full = meanFullList, let personal = meanPersonalList else { return "" }
        let zh = language == .zh
        let number = bundles.isEmpty ? (zh ? "七" : "7") : (zh ? "八" : "8")
        func one(_ x: Double) -> String { decimal(x, places: 1, fixed: true) }
        let reduction = listReduction.map(percent) ?? "n/a"
        let (largest, exact) = largestPersonalList
        var out = zh ? "\n\(number)、情形（精准告知）\n" : "\n\(number). Scenarios (情形, 精准告知)\n"
        out += zh ? "  使用情形的事项：\(scenarioItems.count) 项，共 \(scenarioCount) 种情形\n"
                  : "  Items with 情形: \(scenarioItems.count), \(scenarioCount) scenarios in all\n"
        out += zh ? "  精准告知使申请材料从平均 \(one(full)) 项减少到平均 \(one(personal)) 项（减少 \(reduction)）；个人清单最多 \(exact ? "" : "不超过 ")\(largest) 项\n"
                  : "  精准告知 reduces the list from \(one(full)) to \(one(personal)) materials on average (\(reduction) fewer); a personal list has at most \(largest)\(exact ? "" : " (a bound)")\n"
        for f in scenarioItems {
            out += "  \(VisibleText.escaped(f.code)) \(VisibleText.escaped(f.name))"
            out += zh ? "：\(f.questions) 个问题，\(f.scenarios) 种情形；全部材料 \(f.fullList) 项，个人清单平均 \(one(f.meanList)) 项，最多 \(f.largestIsExact ? "" : "不超过 ")\(f.largestList) 项\n"
                      : ": \(f.questions == 1 ? "1 question" : "\(f.questions) questions"), \(f.scenarios) scenarios; \(f.fullList) materials in full, \(one(f.meanList)) on average per scenario, at most \(f.largestList)\(f.largestIsExact ? "" : " (a bound)")\n"
        }
        out += zh ? "  注：情形为各问题选项的组合；个人清单平均值按每种情形同等权重计算；材料计数含免提交材料，与“全部材料”一致；组合超过 \(ScenarioFigures.enumerationLimit) 种的一组问题不逐一计算，“最多”为上界。\n"
                  : "  Note: a scenario is a combination of the questions' options; the average weighs every scenario the same; 免提交 materials count, as in All; a group of questions with more than \(ScenarioFigures.enumerationLimit) combinations is not enumerated and its \"at most\" is a bound.\n"
        return out
    }

    /// The `scenarios` member of ``json()``, left out without 情形:
    ///
    ///     "scenarios": {"items": Int, "scenarios": Int, "fullListMean": Number, "personalListMean": Number,
    ///                   "reduction": Ratio, "largestList": Int, "largestExact": Bool,
    ///                   "byItem": [{"code": String, "name": String, "questions": Int, "scenarios": Int,
    ///                               "fullList": Int, "personalListMean": Number, "largestList": Int,
    ///                               "largestExact": Bool}]}
    ///
    /// A count of scenarios is an exact integer and may exceed 2⁵³ (read it as a big integer).
    func scenarioJSON() -> [(String, JSON)] {
        guard !scenarioItems.isEmpty else { return [] }
        let (largest, exact) = largestPersonalList
        return [("scenarios", .object([
            ("items", .int(scenarioItems.count)), ("scenarios", .number(scenarioCount.description)),
            ("fullListMean", ratioJSON(meanFullList)), ("personalListMean", ratioJSON(meanPersonalList)),
            ("reduction", ratioJSON(listReduction)), ("largestList", .int(largest)), ("largestExact", .bool(exact)),
            ("byItem", .array(scenarioItems.map { f in
                .object([
                    ("code", .string(f.code)), ("name", .string(f.name)), ("questions", .int(f.questions)),
                    ("scenarios", .number(f.scenarios.description)), ("fullList", .int(f.fullList)),
                    ("personalListMean", ratioJSON(f.meanList)), ("largestList", .int(f.largestList)),
                    ("largestExact", .bool(f.largestIsExact)),
                ])
            })),
        ]))]
    }

    /// The rows ``csv()`` ends with, none without 情形: `scenarios,,items|scenarios|`
    /// `full_list_mean|personal_list_mean|reduction|largest_list|largest_exact`, then per item
    /// `scenario_item,<事项编码>,name|questions|scenarios|full_list|personal_list_mean|largest_list|largest_exact`.
    func scenarioRows() -> [(String, String?, String, CSVCell)] {
        guard !scenarioItems.isEmpty else { return [] }
        func number(_ x: Double?) -> CSVCell { .number(x.map { decimal($0, places: 4) } ?? "") }
        let (largest, exact) = largestPersonalList
        var rows: [(String, String?, String, CSVCell)] = [
            ("scenarios", nil, "items", .number(String(scenarioItems.count))),
            ("scenarios", nil, "scenarios", .number(scenarioCount.description)),
            ("scenarios", nil, "full_list_mean", number(meanFullList)),
            ("scenarios", nil, "personal_list_mean", number(meanPersonalList)),
            ("scenarios", nil, "reduction", number(listReduction)),
            ("scenarios", nil, "largest_list", .number(String(largest))),
            ("scenarios", nil, "largest_exact", .text(String(exact))),
        ]
        for f in scenarioItems {
            rows += [
                ("scenario_item", f.code, "name", .text(f.name)),
                ("scenario_item", f.code, "questions", .number(String(f.questions))),
                ("scenario_item", f.code, "scenarios", .number(f.scenarios.description)),
                ("scenario_item", f.code, "full_list", .number(String(f.fullList))),
                ("scenario_item", f.code, "personal_list_mean", number(f.meanList)),
                ("scenario_item", f.code, "largest_list", .number(String(f.largestList))),
                ("scenario_item", f.code, "largest_exact", .text(String(f.largestIsExact))),
            ]
        }
        return rows
    }
}
