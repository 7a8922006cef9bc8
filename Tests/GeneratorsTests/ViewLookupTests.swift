import Catalog
import Mustache
import Testing

@testable import Generators

/// The hand-written `child(named:)` lookups (ViewLookup.swift) answer for every stored
/// property of every view value, as reflection would.
@Suite struct ViewLookupTests {
    @Test func lookupsCoverEveryStoredProperty() {
        let catalog = Fixtures.catalogWithMixedBundle
        let b = ViewBuilder(catalog: catalog)
        var roots: [Any] = [b.index(), b.manualIndex()]
        for item in catalog.items {
            roots += [b.guide(item), b.checklist(item), b.manual(item), b.flowPage(item)]
        }
        for bundle in catalog.bundles { roots += [b.bundleGuide(bundle), b.bundleChecklist(bundle)] }
        var seen = Set<String>()
        func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value { visit(wrapped) }
                return
            }
            if mirror.displayStyle == .collection {
                for child in mirror.children { visit(child.value) }
                return
            }
            guard mirror.displayStyle == .struct, let parent = value as? MustacheParent else { return }
            seen.insert(String(describing: type(of: value)).components(separatedBy: "<")[0])
            for child in mirror.children {
                guard let label = child.label else { continue }
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional
                    && Mirror(reflecting: child.value).children.isEmpty
                let looked = parent.child(named: label)
                #expect((looked == nil) == isNil, "\(type(of: value)).\(label)")
                if let looked { #expect(String(describing: looked) == String(describing: unwrap(child.value)), "\(type(of: value)).\(label)") }
                visit(child.value)
            }
            #expect(parent.child(named: "noSuchField") == nil)
        }
        func unwrap(_ v: Any) -> Any {
            let m = Mirror(reflecting: v)
            if m.displayStyle == .optional, let w = m.children.first?.value { return w }
            return v
        }
        for root in roots { visit(root) }
        #expect(
            seen == [
                "Chrome", "LinkView", "Prose", "ListView", "AgencyView", "WindowView", "MaterialRow",
                "StepView", "TransitionView", "FlowView", "TimeLimitsView", "FeesView", "FeeRow",
                "BasisView", "ConsultationView", "CertificateView", "RemediesView", "StaffView",
                "AdditionalView", "ItemLinks", "ItemHead", "GuidePage", "ChecklistPage", "ManualPage",
                "FlowPage", "IndexEntry", "IndexGroup", "SharedGroup", "IndexPage", "ManualIndexPage",
                "BundleLinks", "BundleHead", "BundleMemberView", "BundleStageCell", "BundleMaterialRow",
                "BundleFlowView", "BundleTimesView", "BundleMaterialFigures", "BundleGuidePage",
                "BundleChecklistPage", "BundleEntry",
            ])
    }
}
