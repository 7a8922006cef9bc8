// swift-mustache looks values up by name. Without help it reflects (Mirror) on every
// lookup, which dominated generation time; these switches answer directly. A test checks
// that each covers every stored property (ViewLookupTests).

import Mustache

extension Chrome: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "printStyleHTML": printStyleHTML
        case "root": root
        case "catalogName": catalogName
        case "region": region
        case "isInternal": isInternal
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        case "isLink": isLink
        default: nil
        }
    }
}

extension Prose: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "paragraphs": paragraphs
        default: nil
        }
    }
}

extension ListView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "entries": entries
        case "count": count
        default: nil
        }
    }
}

extension AgencyView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "agencyName": agencyName
        case "agencyAddress": agencyAddress
        case "agencyPhone": agencyPhone
        case "agencyWebsite": agencyWebsite
        default: nil
        }
    }
}

extension WindowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "windowName": windowName
        case "category": category
        case "location": location
        case "hours": hours
        case "windowPhone": windowPhone
        default: nil
        }
    }
}

extension MaterialRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "materialName": materialName
        case "form": form
        case "copies": copies
        case "medium": medium
        case "source": source
        case "necessity": necessity
        case "isRequired": isRequired
        case "isOptional": isOptional
        case "isDeferrable": isDeferrable
        case "isShareable": isShareable
        case "exemptNote": exemptNote
        case "materialCondition": materialCondition
        case "requirement": requirement
        case "collect": collect
        case "reviewPoints": reviewPoints
        case "alsoUsedBy": alsoUsedBy
        case "alsoUsedByTotal": alsoUsedByTotal
        case "alsoUsedByIndex": alsoUsedByIndex
        case "extraNotes": extraNotes
        case "formLinks": formLinks
        case "scenario": scenario
        default: nil
        }
    }
}

extension StepView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "stepName": stepName
        case "role": role
        case "limit": limit
        case "isTimed": isTimed
        case "timedText": timedText
        case "isCritical": isCritical
        case "next": next
        case "outcome": outcome
        case "stepNote": stepNote
        case "scenario": scenario
        default: nil
        }
    }
}

extension TransitionView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "target": target
        case "when": when
        default: nil
        }
    }
}

extension FlowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "svgHTML": svgHTML
        case "steps": steps
        case "criticalPath": criticalPath
        case "criticalDuration": criticalDuration
        case "hasScenarioSteps": hasScenarioSteps
        case "flowCases": flowCases
        case "caseData": caseData
        case "hasCaseCharts": hasCaseCharts
        case "variesByScenario": variesByScenario
        default: nil
        }
    }
}

extension TimeLimitsView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "statutory": statutory
        case "promised": promised
        case "compression": compression
        case "promisedVariants": promisedVariants
        case "statutoryVariants": statutoryVariants
        default: nil
        }
    }
}

extension FeesView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "isFree": isFree
        case "feeRows": feeRows
        default: nil
        }
    }
}

extension FeeRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "feeName": feeName
        case "standard": standard
        case "feeBasis": feeBasis
        case "scenario": scenario
        default: nil
        }
    }
}

extension BasisView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "law": law
        case "level": level
        case "documentNumber": documentNumber
        case "article": article
        case "clause": clause
        default: nil
        }
    }
}

extension ConsultationView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "consultPhone": consultPhone
        case "consultAddress": consultAddress
        case "consultWebsite": consultWebsite
        case "email": email
        default: nil
        }
    }
}

extension CertificateView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "certificateName": certificateName
        case "validity": validity
        case "sample": sample
        default: nil
        }
    }
}

extension RemediesView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "reconsideration": reconsideration
        case "litigation": litigation
        default: nil
        }
    }
}

extension StaffView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "staffRole": staffRole
        case "duties": duties
        case "qualification": qualification
        default: nil
        }
    }
}

extension AdditionalView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "isInternalElement": isInternalElement
        case "textValue": textValue
        case "listValue": listValue
        default: nil
        }
    }
}

extension ItemLinks: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "flowSVG": flowSVG
        case "guide": guide
        case "checklist": checklist
        case "flow": flow
        case "manual": manual
        case "home": home
        default: nil
        }
    }
}

extension ItemHead: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "code": code
        case "type": type
        case "caseType": caseType
        case "isImmediate": isImmediate
        default: nil
        }
    }
}

extension GuidePage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "jsonLDHTML": jsonLDHTML
        case "site": site
        case "links": links
        case "item": item
        case "serviceObjects": serviceObjects
        case "agency": agency
        case "scope": scope
        case "handlingForms": handlingForms
        case "conditions": conditions
        case "flow": flow
        case "materials": materials
        case "anyShareable": anyShareable
        case "anyDeferrable": anyDeferrable
        case "windows": windows
        case "timeLimits": timeLimits
        case "timeLimitNote": timeLimitNote
        case "fees": fees
        case "legalBasis": legalBasis
        case "rights": rights
        case "consultation": consultation
        case "certificate": certificate
        case "progressQuery": progressQuery
        case "remedies": remedies
        case "additional": additional
        case "memberOf": memberOf
        case "exemptLead": exemptLead
        case "notice": notice
        case "national": national
        case "questionnaire": questionnaire
        case "scenarioConditions": scenarioConditions
        case "caseTypeVariants": caseTypeVariants
        default: nil
        }
    }
}

extension ChecklistPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "agency": agency
        case "site": site
        case "links": links
        case "item": item
        case "windows": windows
        case "timeLimits": timeLimits
        case "fees": fees
        case "materials": materials
        case "noticeMaterials": noticeMaterials
        case "legalWording": legalWording
        case "noticeWindow": noticeWindow
        case "noticePhone": noticePhone
        case "checklistFacts": checklistFacts
        case "questionnaire": questionnaire
        case "caseTypeVariants": caseTypeVariants
        default: nil
        }
    }
}

extension ManualPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "links": links
        case "item": item
        case "serviceObjects": serviceObjects
        case "agency": agency
        case "scope": scope
        case "windows": windows
        case "handlingForms": handlingForms
        case "conditions": conditions
        case "flow": flow
        case "materials": materials
        case "timeLimits": timeLimits
        case "fees": fees
        case "legalBasis": legalBasis
        case "rights": rights
        case "consultation": consultation
        case "certificate": certificate
        case "progressQuery": progressQuery
        case "remedies": remedies
        case "staff": staff
        case "supervision": supervision
        case "additional": additional
        case "nationalFacts": nationalFacts
        case "national": national
        case "questionnaire": questionnaire
        case "scenarioConditions": scenarioConditions
        case "caseTypeVariants": caseTypeVariants
        default: nil
        }
    }
}

extension FlowPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "site": site
        case "links": links
        case "item": item
        case "flow": flow
        default: nil
        }
    }
}

extension IndexEntry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "entryName": entryName
        case "entryCode": entryCode
        case "href": href
        case "entryCaseType": entryCaseType
        case "promisedLimit": promisedLimit
        default: nil
        }
    }
}

extension IndexGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "count": count
        case "entries": entries
        case "anchor": anchor
        default: nil
        }
    }
}

extension SharedGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "sharedAnchor": sharedAnchor
        case "materialName": materialName
        case "isShareableMaterial": isShareableMaterial
        case "count": count
        case "entries": entries
        default: nil
        }
    }
}

extension IndexPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "windowLists": windowLists
        case "site": site
        case "itemCount": itemCount
        case "byCategory": byCategory
        case "byAgency": byAgency
        case "shared": shared
        case "bundles": bundles
        default: nil
        }
    }
}

extension ManualIndexPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "windowLists": windowLists
        case "reports": reports
        case "site": site
        case "itemCount": itemCount
        case "byAgency": byAgency
        default: nil
        }
    }
}
