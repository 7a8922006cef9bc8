extension Item {
    /// The 行政区划 (a six-digit GB/T 2260 code) the item belongs to, or `nil` when nothing
    /// tells:
    /// - the six digits its 事项编码 begins with, when they stand alone before a `-` or are
    ///   the whole code (DB44/T 1147's `440100-XK-00012-001`);
    /// - else characters 3–8 of `agency`'s 统一社会信用代码, which GB 32100 gives to the
    ///   行政区划 of the authority that registered it.
    ///
    /// The code comes first: an item coded under the province and carried out by a district's
    /// agency is the province's item.
    public func region(agency: Agency?) -> String? {
        let codeDigits = code.utf8.prefix { $0 != UInt8(ascii: "-") }
        if let region = Self.region(codeDigits) { return region }
        guard let credit = agency?.creditCode?.utf8, credit.count == 18 else { return nil }
        return Self.region(credit.dropFirst(2).prefix(6))
    }

    /// `bytes` as a region code: six ASCII digits, the first not 0.
    private static func region<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        guard bytes.count == 6, bytes.allSatisfy({ (0x30...0x39).contains($0) }), bytes.first != 0x30 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
