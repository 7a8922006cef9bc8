// The fast renderer's lookups (FastMustache.swift): the same names ViewLookup.swift
// answers for swift-mustache, as typed values. FastMustacheTests checks that both give the
// same answer for every stored property of every view.

/// Every name a view answers to.
enum ViewKey: String, CaseIterable {
    case feeText
    case bookletRows
    case bookletAgencies
    case bookletTypes
    case windowItems
    case entry
    case windowLists
    case reports
    case flowSVG
    case jsonLDHTML
    case printStyleHTML
    case memberOf, bundles
    case bundleEntryName, bundleEntryCode, bundleHref, bundleMode, bundleMemberCount, bundleEntryPromised
    case bundleMemberNames
    case root
    case catalogName
    case region
    case isInternal
    case text
    case href
    case isLink
    case paragraphs
    case entries
    case count
    case agencyName
    case agencyAddress
    case agencyPhone
    case agencyWebsite
    case windowName
    case category
    case location
    case hours
    case windowPhone
    case number
    case materialName
    case form
    case copies
    case medium
    case source
    case necessity
    case isRequired
    case isOptional
    case isDeferrable
    case isShareable
    case materialCondition
    case requirement
    case collect
    case reviewPoints
    case alsoUsedBy
    case alsoUsedByTotal
    case alsoUsedByIndex
    case stepName
    case role
    case limit
    case isTimed
    case timedText
    case isCritical
    case next
    case outcome
    case stepNote
    case target
    case when
    case svgHTML
    case steps
    case criticalPath
    case criticalDuration
    case statutory
    case promised
    case compression
    case isFree
    case feeRows
    case feeName
    case standard
    case feeBasis
    case law
    case level
    case documentNumber
    case article
    case clause
    case consultPhone
    case consultAddress
    case consultWebsite
    case email
    case certificateName
    case validity
    case sample
    case reconsideration
    case litigation
    case staffRole
    case duties
    case qualification
    case title
    case isInternalElement
    case textValue
    case listValue
    case guide
    case checklist
    case flow
    case manual
    case home
    case name
    case code
    case type
    case caseType
    case isImmediate
    case site
    case links
    case item
    case serviceObjects
    case agency
    case scope
    case handlingForms
    case conditions
    case materials
    case anyShareable
    case anyDeferrable
    case windows
    case timeLimits
    case timeLimitNote
    case fees
    case legalBasis
    case rights
    case consultation
    case certificate
    case progressQuery
    case remedies
    case additional
    case noticeMaterials
    case legalWording
    case noticeWindow
    case noticePhone
    case staff
    case supervision
    case entryName
    case entryCode
    case entryCaseType
    case promisedLimit
    case anchor
    case sharedAnchor
    case isShareableMaterial
    case itemCount
    case byCategory
    case byAgency
    case shared
    // National 实施清单 elements (NationalViews.swift).
    case national
    case exemptNote
    case extraNotes
    case formLinks
    case exemptLead
    case notice
    case specialProcedures
    case result
    case complaint
    case faqs
    case quantityLimit
    case versionText
    case checklistFacts
    case nationalFacts
    case factLabel
    case factValue
    case factBadge
    case factLink
    case factNote
    case procKind
    case procLimit
    case procBasis
    case procArticle
    case procNote
    case resultType
    case resultName
    case resultValidity
    case resultSample
    case delivery
    case complaintPhone
    case complaintWebsite
    case complaintAddress
    case complaintEmail
    case question
    case answer
    // 情形 (ScenarioViews.swift).
    case scenario, whenData, whenText, hasScenarioSteps
    case questionnaire, questions, variantData, questionID, questionText, options, optionText, optionIndex
    case scenarioConditions, conditionText
    case caseTypeVariants, promisedVariants, statutoryVariants, variantKey, variantText, variantLabel
    case factVariants, factLines, lineText, variantBadge, variantNote
    case hasCaseCharts, scenarioNote, variesByScenario
    case flowCases, caseData, caseKey, caseSVG, casePath, caseDuration, casePromised
}

extension Chrome: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .printStyleHTML: printStyleHTML.fast
        case .root: root.fast
        case .catalogName: catalogName.fast
        case .region: region.fast
        case .isInternal: isInternal.fast
        default: nil
        }
    }
}

extension LinkView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .text: text.fast
        case .href: href.fast
        case .isLink: isLink.fast
        default: nil
        }
    }
}

extension Prose: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .paragraphs: paragraphs.fast
        default: nil
        }
    }
}

extension ListView: FastParent, FastValueConvertible where Entry: FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .entries: entries.fast
        case .count: count.fast
        default: nil
        }
    }
}

extension AgencyView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .agencyName: agencyName.fast
        case .agencyAddress: agencyAddress.fast
        case .agencyPhone: agencyPhone.fast
        case .agencyWebsite: agencyWebsite.fast
        default: nil
        }
    }
}

extension WindowView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .windowName: windowName.fast
        case .category: category.fast
        case .location: location.fast
        case .hours: hours.fast
        case .windowPhone: windowPhone.fast
        default: nil
        }
    }
}

extension MaterialRow: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .number: number.fast
        case .materialName: materialName.fast
        case .form: form.fast
        case .copies: copies.fast
        case .medium: medium.fast
        case .source: source.fast
        case .necessity: necessity.fast
        case .isRequired: isRequired.fast
        case .isOptional: isOptional.fast
        case .isDeferrable: isDeferrable.fast
        case .isShareable: isShareable.fast
        case .exemptNote: exemptNote.fast
        case .materialCondition: materialCondition.fast
        case .requirement: requirement.fast
        case .collect: collect.fast
        case .reviewPoints: reviewPoints.fast
        case .alsoUsedBy: alsoUsedBy.fast
        case .alsoUsedByTotal: alsoUsedByTotal.fast
        case .alsoUsedByIndex: alsoUsedByIndex.fast
        case .extraNotes: extraNotes.fast
        case .formLinks: formLinks.fast
        case .scenario: scenario.fast
        default: nil
        }
    }
}

extension StepView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .number: number.fast
        case .stepName: stepName.fast
        case .role: role.fast
        case .limit: limit.fast
        case .isTimed: isTimed.fast
        case .timedText: timedText.fast
        case .isCritical: isCritical.fast
        case .next: next.fast
        case .outcome: outcome.fast
        case .stepNote: stepNote.fast
        case .scenario: scenario.fast
        default: nil
        }
    }
}

extension TransitionView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .target: target.fast
        case .when: when.fast
        default: nil
        }
    }
}

extension FlowView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .svgHTML: svgHTML.fast
        case .steps: steps.fast
        case .criticalPath: criticalPath.fast
        case .criticalDuration: criticalDuration.fast
        case .hasScenarioSteps: hasScenarioSteps.fast
        case .flowCases: flowCases.fast
        case .caseData: caseData.fast
        case .hasCaseCharts: hasCaseCharts.fast
        case .variesByScenario: variesByScenario.fast
        default: nil
        }
    }
}

extension TimeLimitsView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .statutory: statutory.fast
        case .promised: promised.fast
        case .compression: compression.fast
        case .promisedVariants: promisedVariants.fast
        case .statutoryVariants: statutoryVariants.fast
        default: nil
        }
    }
}

extension FeesView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .isFree: isFree.fast
        case .feeRows: feeRows.fast
        default: nil
        }
    }
}

extension FeeRow: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .feeName: feeName.fast
        case .standard: standard.fast
        case .feeBasis: feeBasis.fast
        case .scenario: scenario.fast
        default: nil
        }
    }
}

extension BasisView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .law: law.fast
        case .level: level.fast
        case .documentNumber: documentNumber.fast
        case .article: article.fast
        case .clause: clause.fast
        default: nil
        }
    }
}

extension ConsultationView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .consultPhone: consultPhone.fast
        case .consultAddress: consultAddress.fast
        case .consultWebsite: consultWebsite.fast
        case .email: email.fast
        default: nil
        }
    }
}

extension CertificateView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .certificateName: certificateName.fast
        case .validity: validity.fast
        case .sample: sample.fast
        default: nil
        }
    }
}

extension RemediesView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .reconsideration: reconsideration.fast
        case .litigation: litigation.fast
        default: nil
        }
    }
}

extension StaffView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .staffRole: staffRole.fast
        case .duties: duties.fast
        case .qualification: qualification.fast
        default: nil
        }
    }
}

extension AdditionalView: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .title: title.fast
        case .isInternalElement: isInternalElement.fast
        case .textValue: textValue.fast
        case .listValue: listValue.fast
        default: nil
        }
    }
}

extension ItemLinks: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .flowSVG: flowSVG.fast
        case .guide: guide.fast
        case .checklist: checklist.fast
        case .flow: flow.fast
        case .manual: manual.fast
        case .home: home.fast
        default: nil
        }
    }
}

extension ItemHead: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .name: name.fast
        case .code: code.fast
        case .type: type.fast
        case .caseType: caseType.fast
        case .isImmediate: isImmediate.fast
        default: nil
        }
    }
}

extension GuidePage: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .jsonLDHTML: jsonLDHTML.fast
        case .memberOf: memberOf.fast
        case .site: site.fast
        case .links: links.fast
        case .item: item.fast
        case .serviceObjects: serviceObjects.fast
        case .agency: agency.fast
        case .scope: scope.fast
        case .handlingForms: handlingForms.fast
        case .conditions: conditions.fast
        case .flow: flow.fast
        case .materials: materials.fast
        case .anyShareable: anyShareable.fast
        case .anyDeferrable: anyDeferrable.fast
        case .windows: windows.fast
        case .timeLimits: timeLimits.fast
        case .timeLimitNote: timeLimitNote.fast
        case .fees: fees.fast
        case .legalBasis: legalBasis.fast
        case .rights: rights.fast
        case .consultation: consultation.fast
        case .certificate: certificate.fast
        case .progressQuery: progressQuery.fast
        case .remedies: remedies.fast
        case .additional: additional.fast
        case .exemptLead: exemptLead.fast
        case .notice: notice.fast
        case .national: national.fast
        case .questionnaire: questionnaire.fast
        case .scenarioConditions: scenarioConditions.fast
        case .caseTypeVariants: caseTypeVariants.fast
        default: nil
        }
    }
}

extension ChecklistPage: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .agency: agency.fast
        case .site: site.fast
        case .links: links.fast
        case .item: item.fast
        case .windows: windows.fast
        case .timeLimits: timeLimits.fast
        case .fees: fees.fast
        case .materials: materials.fast
        case .noticeMaterials: noticeMaterials.fast
        case .legalWording: legalWording.fast
        case .noticeWindow: noticeWindow.fast
        case .noticePhone: noticePhone.fast
        case .checklistFacts: checklistFacts.fast
        case .questionnaire: questionnaire.fast
        case .caseTypeVariants: caseTypeVariants.fast
        default: nil
        }
    }
}

extension ManualPage: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .site: site.fast
        case .links: links.fast
        case .item: item.fast
        case .serviceObjects: serviceObjects.fast
        case .agency: agency.fast
        case .scope: scope.fast
        case .windows: windows.fast
        case .handlingForms: handlingForms.fast
        case .conditions: conditions.fast
        case .flow: flow.fast
        case .materials: materials.fast
        case .timeLimits: timeLimits.fast
        case .fees: fees.fast
        case .legalBasis: legalBasis.fast
        case .rights: rights.fast
        case .consultation: consultation.fast
        case .certificate: certificate.fast
        case .progressQuery: progressQuery.fast
        case .remedies: remedies.fast
        case .staff: staff.fast
        case .supervision: supervision.fast
        case .additional: additional.fast
        case .nationalFacts: nationalFacts.fast
        case .national: national.fast
        case .questionnaire: questionnaire.fast
        case .scenarioConditions: scenarioConditions.fast
        case .caseTypeVariants: caseTypeVariants.fast
        default: nil
        }
    }
}

extension FlowPage: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .site: site.fast
        case .links: links.fast
        case .item: item.fast
        case .flow: flow.fast
        default: nil
        }
    }
}

extension IndexEntry: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .entryName: entryName.fast
        case .entryCode: entryCode.fast
        case .href: href.fast
        case .entryCaseType: entryCaseType.fast
        case .promisedLimit: promisedLimit.fast
        default: nil
        }
    }
}

extension IndexGroup: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .title: title.fast
        case .count: count.fast
        case .entries: entries.fast
        case .anchor: anchor.fast
        default: nil
        }
    }
}

extension SharedGroup: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .sharedAnchor: sharedAnchor.fast
        case .materialName: materialName.fast
        case .isShareableMaterial: isShareableMaterial.fast
        case .count: count.fast
        case .entries: entries.fast
        default: nil
        }
    }
}

extension IndexPage: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .windowLists: windowLists.fast
        case .site: site.fast
        case .itemCount: itemCount.fast
        case .byCategory: byCategory.fast
        case .byAgency: byAgency.fast
        case .shared: shared.fast
        case .bundles: bundles.fast
        default: nil
        }
    }
}

extension BundleEntry: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .bundleEntryName: bundleEntryName.fast
        case .bundleEntryCode: bundleEntryCode.fast
        case .bundleHref: bundleHref.fast
        case .bundleMode: bundleMode.fast
        case .bundleMemberCount: bundleMemberCount.fast
        case .bundleEntryPromised: bundleEntryPromised.fast
        case .bundleMemberNames: bundleMemberNames.fast
        default: nil
        }
    }
}

extension ManualIndexPage: FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .windowLists: windowLists.fast
        case .reports: reports.fast
        case .site: site.fast
        case .itemCount: itemCount.fast
        case .byAgency: byAgency.fast
        default: nil
        }
    }
}
