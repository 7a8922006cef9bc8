extension LocalizedText {
    /// The longest message kept, in characters, per language. Messages quote what a file
    /// says (a name, a route through the flow), and a file can say a lot: 4,000 steps that
    /// each quoted a 5,000-character step name made 60 MB of diagnostics.
    public static let maxMessageLength = 500

    /// Each language's text cut to ``maxMessageLength`` characters, with "…" where it was cut.
    public func clipped() -> LocalizedText {
        LocalizedText(zh: Self.clip(zh), en: Self.clip(en))
    }

    static func clip(_ text: String) -> String {
        guard text.utf8.count > maxMessageLength,
            let end = text.index(text.startIndex, offsetBy: maxMessageLength, limitedBy: text.endIndex),
            end < text.endIndex
        else { return text }
        return String(text[..<end]) + "…"
    }
}
