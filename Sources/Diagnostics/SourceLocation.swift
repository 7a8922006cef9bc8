/// A position in a source file: 1-based line, and 1-based column counted in characters
/// (Unicode scalars), so a Chinese character is one column.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A span of a source file. `end` is exclusive: the range of `ab` at line 1 column 1 ends
/// at column 3. An empty range (`start == end`) marks a point.
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    /// A zero-width range at one location.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }
}
