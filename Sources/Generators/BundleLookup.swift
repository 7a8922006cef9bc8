// The hand-written lookups (see ViewLookup.swift) for the 一件事 pages' values; the same
// test (ViewLookupTests) checks that each covers every stored property.

import Mustache

extension BundleLinks: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "bundleGuide": bundleGuide
        case "bundleChecklist": bundleChecklist
        case "home": home
        default: nil
        }
    }
}

extension BundleHead: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "bundleName": bundleName
        case "bundleCode": bundleCode
        case "mode": mode
        case "modeText": modeText
        case "memberCount": memberCount
        case "windowCategory": windowCategory
        default: nil
        }
    }
}

extension BundleMemberView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "mark": mark
        case "member": member
        case "memberCode": memberCode
        case "memberStage": memberStage
        case "memberAgency": memberAgency
        case "memberPromised": memberPromised
        case "memberStatutory": memberStatutory
        case "isCritical": isCritical
        case "stageCell": stageCell
        default: nil
        }
    }
}

extension BundleStageCell: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "stageTitle": stageTitle
        case "stageName": stageName
        case "span": span
        case "isConcurrent": isConcurrent
        default: nil
        }
    }
}

extension BundleMaterialRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "materialName": materialName
        case "bundleForm": bundleForm
        case "bundleCopies": bundleCopies
        case "bundleMedium": bundleMedium
        case "bundleSource": bundleSource
        case "necessity": necessity
        case "isRequired": isRequired
        case "isOptional": isOptional
        case "isDeferrable": isDeferrable
        case "isShareable": isShareable
        case "bundleCondition": bundleCondition
        case "collect": collect
        case "neededByMarks": neededByMarks
        case "isNeededByAll": isNeededByAll
        case "scenario": scenario
        default: nil
        }
    }
}

extension BundleFlowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "svgHTML": svgHTML
        case "criticalMembers": criticalMembers
        case "criticalTotal": criticalTotal
        case "criticalCases": criticalCases
        case "hasCriticalCases": !criticalCases.isEmpty
        case "caseData": caseData
        default: nil
        }
    }
}

extension BundleCaseView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "caseKey": caseKey
        case "caseMembers": caseMembers
        case "caseTotal": caseTotal
        default: nil
        }
    }
}

extension BundleTimesView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "bundlePromised": bundlePromised
        case "oneByOne": oneByOne
        case "statutoryTotal": statutoryTotal
        case "timeSaved": timeSaved
        case "timeSummary": timeSummary
        default: nil
        }
    }
}

extension BundleMaterialFigures: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "materialsBefore": materialsBefore
        case "materialsAfter": materialsAfter
        case "materialsSaved": materialsSaved
        case "shareableCount": shareableCount
        default: nil
        }
    }
}

extension BundleGuidePage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "bundleLinks": bundleLinks
        case "bundle": bundle
        case "bundleNote": bundleNote
        case "leadAgency": leadAgency
        case "hasStages": hasStages
        case "members": members
        case "bundleFlow": bundleFlow
        case "bundleMaterials": bundleMaterials
        case "materialFigures": materialFigures
        case "anyShareable": anyShareable
        case "anyDeferrable": anyDeferrable
        case "bundleWindows": bundleWindows
        case "times": times
        case "timeLimitNote": timeLimitNote
        case "questionnaire": questionnaire
        default: nil
        }
    }
}

extension BundleChecklistPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "bundleLinks": bundleLinks
        case "bundle": bundle
        case "leadAgency": leadAgency
        case "members": members
        case "bundleWindows": bundleWindows
        case "times": times
        case "bundleMaterials": bundleMaterials
        case "materialFigures": materialFigures
        case "noticeMaterials": noticeMaterials
        case "memberNames": memberNames
        case "legalWording": legalWording
        case "noticeWindow": noticeWindow
        case "noticePhone": noticePhone
        case "questionnaire": questionnaire
        default: nil
        }
    }
}

extension BundleEntry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "bundleEntryName": bundleEntryName
        case "bundleEntryCode": bundleEntryCode
        case "bundleHref": bundleHref
        case "bundleMode": bundleMode
        case "bundleMemberCount": bundleMemberCount
        case "bundleEntryPromised": bundleEntryPromised
        case "bundleMemberNames": bundleMemberNames
        default: nil
        }
    }
}
