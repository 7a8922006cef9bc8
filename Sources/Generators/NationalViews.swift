import Mustache

// The values of the national 实施清单 elements (GB/T 39554.2-2020) on the guide, the
// checklist and the manual, with both renderers' lookups (see Views.swift for the rules: plain
// text only, and names no other view uses, since a nil is looked up again further out).

/// One labelled fact: a row of 办理须知 or of the manual's 实施清单要素.
struct FactRow {
    var factLabel: String
    var factValue: String
    /// A badge after the value, e.g. 最多跑一次.
    var factBadge: String?
    var factLink: LinkView?
    /// A line under the value, e.g. 必须现场办理原因.
    var factNote: String?
    /// The values 情形差异 sets for some scenarios, besides `factValue` (the item's own).
    var factVariants: ListView<VariantView>? = nil
    /// In place of `factValue`, lines of which some apply only in some scenarios (收费).
    var factLines: ListView<FactLine>? = nil
}

/// One line of a ``FactRow`` that may apply only in some scenarios.
struct FactLine {
    var lineText: String
    var scenario: ScenarioTag?
}

/// 特别程序: its time is not counted in 办理时限.
struct SpecialProcedureView {
    var procKind: String
    var procLimit: String?
    var procBasis: LinkView?
    var procArticle: String?
    var procNote: String?
}

/// 审批结果.
struct ResultView {
    var resultType: String
    var resultName: String?
    var resultValidity: String?
    /// The sample, published at `attachments/<path>`.
    var resultSample: LinkView?
    /// 送达方式, joined.
    var delivery: String?
}

/// 监督投诉.
struct ComplaintView {
    /// A `tel:` link when the number is only digits and separators.
    var complaintPhone: LinkView?
    var complaintWebsite: LinkView?
    var complaintAddress: String?
    var complaintEmail: String?
}

/// The sections of the national elements the guide and the manual share.
struct NationalSections {
    var specialProcedures: ListView<SpecialProcedureView>?
    var result: ResultView?
    var complaint: ComplaintView?
    var faqs: ListView<FAQView>?
    var quantityLimit: String?
    var versionText: String?
}

extension NationalSections: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "specialProcedures": specialProcedures
        case "result": result
        case "complaint": complaint
        case "faqs": faqs
        case "quantityLimit": quantityLimit
        case "versionText": versionText
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .specialProcedures: specialProcedures.fast
        case .result: result.fast
        case .complaint: complaint.fast
        case .faqs: faqs.fast
        case .quantityLimit: quantityLimit.fast
        case .versionText: versionText.fast
        default: nil
        }
    }
}

/// One entry of 常见问题.
struct FAQView {
    var question: String
    var answer: Prose
}

extension FactRow: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "factLabel": factLabel
        case "factValue": factValue
        case "factBadge": factBadge
        case "factLink": factLink
        case "factNote": factNote
        case "factVariants": factVariants
        case "factLines": factLines
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .factLabel: factLabel.fast
        case .factValue: factValue.fast
        case .factBadge: factBadge.fast
        case .factLink: factLink.fast
        case .factNote: factNote.fast
        case .factVariants: factVariants.fast
        case .factLines: factLines.fast
        default: nil
        }
    }
}

extension FactLine: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "lineText": lineText
        case "scenario": scenario
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .lineText: lineText.fast
        case .scenario: scenario.fast
        default: nil
        }
    }
}

extension SpecialProcedureView: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "procKind": procKind
        case "procLimit": procLimit
        case "procBasis": procBasis
        case "procArticle": procArticle
        case "procNote": procNote
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .procKind: procKind.fast
        case .procLimit: procLimit.fast
        case .procBasis: procBasis.fast
        case .procArticle: procArticle.fast
        case .procNote: procNote.fast
        default: nil
        }
    }
}

extension ResultView: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "resultType": resultType
        case "resultName": resultName
        case "resultValidity": resultValidity
        case "resultSample": resultSample
        case "delivery": delivery
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .resultType: resultType.fast
        case .resultName: resultName.fast
        case .resultValidity: resultValidity.fast
        case .resultSample: resultSample.fast
        case .delivery: delivery.fast
        default: nil
        }
    }
}

extension ComplaintView: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "complaintPhone": complaintPhone
        case "complaintWebsite": complaintWebsite
        case "complaintAddress": complaintAddress
        case "complaintEmail": complaintEmail
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .complaintPhone: complaintPhone.fast
        case .complaintWebsite: complaintWebsite.fast
        case .complaintAddress: complaintAddress.fast
        case .complaintEmail: complaintEmail.fast
        default: nil
        }
    }
}

extension FAQView: MustacheParent, FastParent, FastValueConvertible {
    func child(named key: String) -> Any? {
        switch key {
        case "question": question
        case "answer": answer
        default: nil
        }
    }
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .question: question.fast
        case .answer: answer.fast
        default: nil
        }
    }
}
