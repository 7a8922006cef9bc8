/// Text from a catalog made safe to show on a terminal or in a line-based log: every
/// character a terminal would act on, or that could change what a reader sees, is written
/// as a visible escape instead.
///
/// - line breaks and tabs: `\n`, `\r`, `\t`;
/// - the other C0 controls, DEL and the C1 controls (ESC, BEL, CSI …): `\u{1B}`, in hex;
/// - the line and paragraph separators U+2028 and U+2029;
/// - the bidirectional marks and overrides (U+061C, U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069), which reorder what is shown after them.
///
/// So a value, key or file name can neither start a line of its own (forging a
/// diagnostic), clear the screen, retitle the window, nor reorder the words around it.
/// Everything else, Chinese and combining marks included, is left as it is.
public enum VisibleText {
    /// `text` with every character ``escape(for:)`` names replaced by its escape.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { escape(for: $0) != nil }) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let escape = escape(for: scalar) { out += escape } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The escape shown for `scalar`, or nil when it is shown as it is.
    public static func escape(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: nil
        }
    }
}
