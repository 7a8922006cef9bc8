import Catalog
import Testing

/// ``Item/region(agency:)``: the 行政区划 an item's pages give.
@Suite struct RegionTests {
    /// The code's region first, then the agency's, and only six-digit GB/T 2260 codes.
    @Test func regionOfAnItem() {
        let agency = Agency(id: "a", name: "甲", creditCode: "11440103MB2D031874")
        func region(_ code: String, _ agency: Agency?) -> String? {
            Item(code: code, name: "", type: "", agencyID: agency?.id ?? "").region(agency: agency)
        }
        #expect(region("440000-XK-00001-001", agency) == "440000")
        #expect(region("XK-00001", agency) == "440103")
        #expect(region("XK-00001", nil) == nil)
        #expect(region("XK-00001", Agency(id: "b", name: "乙")) == nil)
        #expect(region("000104-XK-00001-001", nil) == nil)      // no region begins with 0
        #expect(region("4401001-XK-00001-001", nil) == nil)     // seven digits
        #expect(region("440100", nil) == "440100")
        #expect(region("44010A-XK-00001-001", nil) == nil)
        #expect(region("XK-00001", Agency(id: "c", name: "丙", creditCode: "11000000MB2D03187X")) == nil)
    }
}
