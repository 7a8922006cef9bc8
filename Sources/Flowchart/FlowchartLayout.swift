import Catalog

/// A flow laid out: boxes, routed edges and labels in SVG user units (pixels), with the
/// origin at the top left and y growing downwards.
public struct FlowchartLayout: Sendable, Equatable {
    public struct Point: Sendable, Equatable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Rect: Sendable, Equatable, Hashable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
        public var maxX: Double { x + width }
        public var maxY: Double { y + height }
        public var midX: Double { x + width / 2 }
        public var midY: Double { y + height / 2 }

        /// Whether the interiors overlap (touching edges do not count).
        public func intersects(_ other: Rect) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }

        /// Whether `p` lies on the rectangle's outline, within `tolerance`.
        public func isOnBorder(_ p: Point, tolerance: Double = 0.01) -> Bool {
            let inX = p.x >= x - tolerance && p.x <= maxX + tolerance
            let inY = p.y >= y - tolerance && p.y <= maxY + tolerance
            let onVertical = abs(p.x - x) <= tolerance || abs(p.x - maxX) <= tolerance
            let onHorizontal = abs(p.y - y) <= tolerance || abs(p.y - maxY) <= tolerance
            return (onVertical && inY) || (onHorizontal && inX)
        }
    }

    /// A small pill inside a box.
    public struct Tag: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// 计时: 否, shown as 「不计时」.
            case untimed
            /// 结束, shown as 结束：准予 / 不予 / 终止.
            case outcome(Outcome)
            /// 适用情形: a step only some applicants go through, shown as 仅当：委托他人办理.
            case scenario
        }
        public var kind: Kind
        public var text: String
    }

    /// One step's box.
    public struct Node: Sendable, Equatable {
        /// 环节.
        public var name: String
        /// The step's position in the steps given (its first occurrence).
        public var index: Int
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        /// The layer, from 0 at the top (the start).
        public var rank: Int
        /// The position among the steps of the same rank, from the left.
        public var order: Int
        /// The name, wrapped.
        public var titleLines: [String]
        /// 岗位 · 时限, wrapped, in smaller text.
        public var detailLines: [String]
        public var tags: [Tag]
        /// The first step.
        public var isStart: Bool
        /// 结束, for an end step.
        public var outcome: Outcome?
        /// 计时: 否.
        public var isUntimed: Bool
        /// On `FlowchartOptions.highlightedPath`.
        public var isCritical: Bool
        /// Reachable from the start; unreachable steps are placed below the others.
        public var isReachable: Bool

        public var frame: Rect { Rect(x: x, y: y, width: width, height: height) }
        public var isEnd: Bool { outcome != nil }
    }

    /// A branch condition's label, drawn on its edge over a white background.
    public struct Label: Sendable, Equatable {
        public var lines: [String]
        public var frame: Rect
    }

    /// One transition, routed.
    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        /// The polyline, from a point on the source's border to one on the target's border.
        public var points: [Point]
        /// 条件.
        public var condition: String?
        public var label: Label?
        /// An edge that closes a cycle (the 补正 loop back to 受理) or leaves an unreachable
        /// step for a reachable one: it runs upwards, drawn dashed on the boxes' right side.
        public var isBackEdge: Bool
        /// A step that leads to itself.
        public var isSelfLoop: Bool
        /// Joins two consecutive steps of `FlowchartOptions.highlightedPath`.
        public var isCritical: Bool
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public var width: Double
    public var height: Double

    public init(nodes: [Node], edges: [Edge], width: Double, height: Double) {
        self.nodes = nodes
        self.edges = edges
        self.width = width
        self.height = height
    }

    /// No step to draw.
    public var isEmpty: Bool { nodes.isEmpty }
}
