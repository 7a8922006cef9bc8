/// The folder an item's or a bundle's pages go to: `items/<segment>/…`, `bundles/<segment>/…`.
/// Codes the profiles allow (`440100-XK-00012-001`) are used as they are; a code with
/// anything that is unsafe in a file name or a URL path gets those characters replaced by
/// `_` and a short hash of the whole code appended, so that the folder never escapes its
/// parent. A long code is cut to 80 bytes before the hash, so a segment is at most 97 bytes
/// (file systems take 255).
public enum PathSegment {
    /// The most bytes of the code a segment keeps.
    static let keptBytes = 80

    public static func forCode(_ code: String) -> String {
        var out = ""
        var changed = false
        var bytes = 0
        for scalar in code.unicodeScalars {
            // A leading "." would make a hidden folder (or "..").
            let kept: Unicode.Scalar = isSafe(scalar) && !(out.isEmpty && scalar == ".") ? scalar : "_"
            if kept != scalar { changed = true }
            if bytes + kept.utf8.count > keptBytes {
                changed = true
                break
            }
            bytes += kept.utf8.count
            out.unicodeScalars.append(kept)
        }
        if out.isEmpty { changed = true }
        guard changed else { return out }
        return out + "-" + fnv1a(code)
    }

    /// What a file system that ignores case and normalization (macOS, Windows) makes of
    /// the code's folder name: two codes with equal keys must not both be published. Keys
    /// are compared as Swift strings, that is by canonical equivalence.
    public static func folderKey(_ code: String) -> String {
        forCode(code).lowercased()
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default:
            // CJK and other letters are fine in file names and in hrefs (browsers
            // percent-encode them), but nothing with URL or shell meaning.
            return scalar.value > 0x7F && scalar.properties.isAlphabetic
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: stable across runs and platforms.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
