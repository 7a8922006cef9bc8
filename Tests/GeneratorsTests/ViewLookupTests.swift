import Catalog
import Mustache
import Testing

@testable import Generators

/// The hand-written `child(named:)` lookups (ViewLookup.swift) answer for every stored
/// property of every view value, as reflection would.
@Suite struct ViewLookupTests {
    @Test func lookupsCoverEveryStoredProperty() {
        var seen = Set<String>()
        forEachView(in: pageViews(of: Fixtures.catalogWithMixedBundle) + pageViews(of: Fixtures.nationalCatalog)) { value, parent, mirror in
            seen.insert(String(describing: type(of: value)).components(separatedBy: "<")[0])
            for child in mirror.children {
                guard let label = child.label else { continue }
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional
                    && Mirror(reflecting: child.value).children.isEmpty
                let looked = parent.child(named: label)
                #expect((looked == nil) == isNil, "\(type(of: value)).\(label)")
                if let looked { #expect(String(describing: looked) == String(describing: unwrap(child.value)), "\(type(of: value)).\(label)") }
            }
            #expect(parent.child(named: "noSuchField") == nil)
        }
        func unwrap(_ v: Any) -> Any {
            let m = Mirror(reflecting: v)
            if m.displayStyle == .optional, let w = m.children.first?.value { return w }
            return v
        }
        #expect(
            seen == [
                "Chrome", "LinkView", "Prose", "ListView", "AgencyView", "WindowView", "MaterialRow",
                "StepView", "TransitionView", "FlowView", "TimeLimitsView", "FeesView", "FeeRow",
                "BasisView", "ConsultationView", "CertificateView", "RemediesView", "StaffView",
                "AdditionalView", "ItemLinks", "ItemHead", "GuidePage", "ChecklistPage", "ManualPage",
                "FlowPage", "IndexEntry", "IndexGroup", "SharedGroup", "IndexPage", "ManualIndexPage",
                "WindowItemView", "WindowListPage", "BookletPage", "BookletType", "BookletAgency", "BookletRow",
                "BundleLinks", "BundleHead", "BundleMemberView", "BundleStageCell", "BundleMaterialRow",
                "BundleFlowView", "BundleTimesView", "BundleMaterialFigures", "BundleGuidePage",
                "BundleChecklistPage", "BundleEntry", "FactRow", "SpecialProcedureView", "ResultView",
                "ComplaintView", "FAQView", "NationalSections",
            ])
    }
}
