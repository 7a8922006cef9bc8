import Catalog

/// Sizes and colours shared by the layout and the SVG writer.
enum Style {
    // Text.
    static let titleFont = 14.0
    static let titleLine = 20.0
    static let detailFont = 12.0
    static let detailLine = 17.0
    static let labelFont = 12.0
    static let labelLine = 16.0
    static let tagFont = 12.0
    static let tagHeight = 16.0
    static let tagPadX = 6.0
    static let tagSpacing = 6.0
    static let tagTop = 5.0
    /// Wrap widths: about 12 CJK characters for names and labels, 16 for the detail line.
    static let titleWrap = 12 * titleFont
    static let detailWrap = 16 * detailFont
    static let labelWrap = 12 * labelFont

    // Boxes.
    static let boxPadX = 14.0
    static let terminalPadX = 22.0
    static let boxPadY = 10.0
    static let minBoxWidth = 100.0
    static let cornerRadius = 6.0
    static let labelPadX = 5.0
    static let labelPadY = 2.0

    // Spacing.
    static let margin = 16.0
    static let startMarkerSpace = 30.0
    static let nodeGap = 40.0
    static let nodeDummyGap = 20.0
    static let dummyGap = 14.0
    static let laneGap = 16.0
    static let selfLabelGap = 6.0
    static let layerGap = 24.0
    static let maxLayerGap = 72.0
    static let arrowStub = 9.0
    static let exitStub = 4.0

    // Colours.
    static let ink = "#1a202c"
    static let muted = "#4a5568"
    static let edge = "#4a5568"
    static let backEdge = "#718096"
    /// The critical path (关键路径): 5.6:1 on white, the same colour as the pages' 关键路径 tag.
    static let accent = "#b93e0a"
    static let stepFill = "#f7fafc"
    static let stepStroke = "#4a5568"
    static let criticalFill = "#fff4e6"
    static let untimedFill = "#ffffff"
    /// The 仅当 tag of a step only some applicants go through (情形).
    static let scenarioTagFill = "#fef3c7"
    static let untimedStroke = "#718096"
    static let tagFill = "#e2e8f0"
    static func endFill(_ o: Outcome) -> String {
        switch o {
        case .granted: "#e6f4ea"
        case .refused: "#fdecea"
        case .terminated: "#edf2f7"
        }
    }
    static func endStroke(_ o: Outcome) -> String {
        switch o {
        case .granted: "#2f855a"
        case .refused: "#c53030"
        case .terminated: "#4a5568"
        }
    }
    static let fontFamily =
        "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

}
