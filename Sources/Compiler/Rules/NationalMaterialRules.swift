import Catalog
import Diagnostics
import Standards

/// The rules of GB/T 39554.2-2020 that read several elements of an item: 告知承诺's
/// materials resolved (and the ones it replaces made 免提交: 告知承诺), and 废止日期 after
/// 生效日期. Run by the binder when the catalog follows the profile.
struct NationalMaterialRules {
    func check(_ item: inout Item, spans: ItemSpans, binder b: inout FieldBinder) {
        checkDates(item.national, spans, &b)
        applyCommitment(&item, spans: spans, &b)
        for (m, at) in zip(item.materials, spans.undecidedShareable) where !m.isExempt {
            guard let at else { continue }
            b.reporter.report(CompilerCodes.shareableSuggestsExemption, at: at,
                zh: "材料库“\(m.libraryID ?? "")”（\(m.name)）标记为可共享；申请人确实不用提交时写“免提交: 数据共享”，窗口仍要看原件时写“核验原件: 是”或“免提交: 否”",
                en: "the 材料库 entry \"\(m.libraryID ?? "")\" (\(m.name)) is shareable; write 免提交: 数据共享 if the applicant really hands nothing in, 核验原件: 是 or 免提交: 否 if the window still sees the original")
        }
    }

    /// 告知承诺: its materials resolved, and those it replaces made 免提交 (告知承诺).
    private func applyCommitment(_ item: inout Item, spans: ItemSpans, _ b: inout FieldBinder) {
        guard let commitment = item.national.commitment, let pledgeAt = spans.pledge else { return }
        let names = item.materials.map(\.name)
        // The 承诺书: a material of the item by name, or by its 材料库 id.
        let pledge = item.materials.firstIndex { $0.name == commitment.pledgeMaterial }
            ?? item.materials.firstIndex { $0.libraryID == commitment.pledgeMaterial }
        if let pledge {
            if item.materials[pledge].isExempt || commitment.replacedMaterials.contains(item.materials[pledge].name) {
                b.reporter.report(CompilerCodes.pledgeExempt, at: pledgeAt,
                    zh: "承诺书“\(item.materials[pledge].name)”必须由申请人提交，不能免提交，也不能列在替代材料中",
                    en: "the 承诺书 \"\(item.materials[pledge].name)\" is handed in by the applicant: it cannot be 免提交 nor among 替代材料")
            }
        } else {
            unknown(commitment.pledgeMaterial, at: pledgeAt, field: "承诺书", names: names + item.materials.compactMap(\.libraryID), &b)
        }
        for (name, at) in zip(commitment.replacedMaterials, spans.replaced) {
            guard let i = item.materials.firstIndex(where: { $0.name == name }) else {
                unknown(name, at: at, field: "替代材料", names: names, &b)
                continue
            }
            if i != pledge && !item.materials[i].isExempt { item.materials[i].exemption = .commitment }
        }
    }

    private func unknown(_ name: String, at: SourceRange, field: String, names: [String], _ b: inout FieldBinder) {
        let hint = b.reporter.didYouMean(name, in: names)
        let list = names.isEmpty ? "" : "；本事项的申请材料：" + names.prefix(8).joined(separator: "、") + (names.count > 8 ? "……" : "")
        b.reporter.report(CompilerCodes.unknownCommitmentMaterial, at: at,
            zh: "告知承诺的\(field)“\(name)”不是本事项的申请材料\(hint.zh)\(hint.zh.isEmpty ? list : "")",
            en: "the \(field) \"\(name)\" of 告知承诺 is not a material of this item\(hint.en)")
    }

    private func checkDates(_ national: NationalElements, _ spans: ItemSpans, _ b: inout FieldBinder) {
        guard let effective = national.effectiveDate, let repeal = national.repealDate, let at = spans.repealDate,
              repeal <= effective
        else { return }
        b.reporter.report(CompilerCodes.repealNotAfterEffect, at: at,
            zh: "废止日期 \(repeal) 不晚于生效日期 \(effective)；请核对两个日期",
            en: "废止日期 \(repeal) is not after 生效日期 \(effective); check the two dates",
            notes: spans.effectiveDate.map { [b.reporter.note($0, zh: "生效日期写在这里", en: "生效日期 is here")] } ?? [])
    }
}
