import Foundation
import TestSupport
import Testing

/// Golden files live in `Golden/` next to this file (see ``TestSupport/expectGolden``).
enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ bytes: [UInt8], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectGolden(bytes, file: folder.appendingPathComponent(name).path, sourceLocation: sourceLocation)
    }
}
