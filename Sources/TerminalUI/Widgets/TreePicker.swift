/// A node of a `TreePicker`: a label and its children.
public struct TreeNode: Hashable, Sendable {
    public var label: String
    public var children: [TreeNode]

    public init(_ label: String, children: [TreeNode] = []) {
        self.label = label
        self.children = children
    }
}

/// One visible row of a tree: which node (its index path from the roots) at what depth.
public struct TreeRow: Hashable, Sendable {
    public var path: [Int]
    public var label: String
    public var depth: Int { path.count - 1 }
    public var hasChildren: Bool
    public var isExpanded: Bool

    public init(path: [Int], label: String, hasChildren: Bool, isExpanded: Bool) {
        self.path = path
        self.label = label
        self.hasChildren = hasChildren
        self.isExpanded = isExpanded
    }
}

/// A tree of checkable nodes with `▸`/`▾` expand markers, two columns of indentation per level,
/// and a filter that shows the matching nodes with their ancestors opened:
///
///     › ▾ [ ] Animal
///         [x] Cat
///       ▸ [ ] Dog
public struct TreePicker {
    public var title: String?
    public var roots: [TreeNode]
    /// Index paths of expanded nodes.
    public var expanded: Set<[Int]>
    /// Index paths of chosen nodes.
    public var chosen: Set<[Int]>
    /// Position of the cursor among `rows`.
    public var cursor: Int?
    public var query: String

    public init(title: String? = nil, roots: [TreeNode], expanded: Set<[Int]> = [], chosen: Set<[Int]> = [],
                cursor: Int? = nil, query: String = "") {
        self.title = title
        self.roots = roots
        self.expanded = expanded
        self.chosen = chosen
        self.cursor = cursor
        self.query = query
    }

    /// The rows as shown, top to bottom.
    public var rows: [TreeRow] { Self.visibleRows(roots, expanded: expanded, query: query) }

    /// Flattens the visible tree. Without a query: roots, and the children of expanded nodes. With a
    /// query: nodes whose label matches and their ancestors (shown expanded), nothing else.
    public static func visibleRows(_ roots: [TreeNode], expanded: Set<[Int]>, query: String = "") -> [TreeRow] {
        var rows: [TreeRow] = []
        let filtering = OptionFilter.isActive(query)
        func visit(_ nodes: [TreeNode], parent: [Int]) {
            for (index, node) in nodes.enumerated() {
                let path = parent + [index]
                if filtering {
                    let descendantMatches = node.children.contains { subtreeMatches($0, query: query) }
                    guard descendantMatches || OptionFilter.matches(node.label, query: query) else { continue }
                    rows.append(TreeRow(path: path, label: node.label, hasChildren: !node.children.isEmpty,
                                        isExpanded: descendantMatches))
                    if descendantMatches { visit(node.children, parent: path) }
                } else {
                    let isOpen = expanded.contains(path) && !node.children.isEmpty
                    rows.append(TreeRow(path: path, label: node.label, hasChildren: !node.children.isEmpty, isExpanded: isOpen))
                    if isOpen { visit(node.children, parent: path) }
                }
            }
        }
        visit(roots, parent: [])
        return rows
    }

    private static func subtreeMatches(_ node: TreeNode, query: String) -> Bool {
        OptionFilter.matches(node.label, query: query) || node.children.contains { subtreeMatches($0, query: query) }
    }

    /// The node at an index path, if any.
    public static func node(at path: [Int], in roots: [TreeNode]) -> TreeNode? {
        var nodes = roots
        var found: TreeNode?
        for index in path {
            guard nodes.indices.contains(index) else { return nil }
            found = nodes[index]
            nodes = nodes[index].children
        }
        return found
    }

    public func draw(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area)
        var list = area
        if let title {
            screen.put(TextLayout.truncate(title, to: area.width), at: area.origin, style: .bold, clip: area)
            list = list.split(topHeight: 1).bottom
        }
        if !query.isEmpty, !list.isEmpty {
            let row = list.row(0)
            let used = screen.put("  Filter: ", at: row.origin, style: .dim, clip: row)
            screen.put(TextLayout.truncateHead(query, to: row.width - used - 1), at: Point(x: row.x + used, y: row.y), clip: row)
            list = list.split(topHeight: 1).bottom
        }
        let rows = self.rows
        guard !list.isEmpty else { return }
        if rows.isEmpty {
            screen.put("  (no match)", at: list.origin, style: .dim, clip: list)
            return
        }
        let first = ScrollList.scrollOffset(selected: cursor, current: 0, visibleRows: list.height, count: rows.count)
        for line in 0..<min(list.height, rows.count - first) {
            drawRow(rows[first + line], isCursor: first + line == cursor, in: list.row(line), on: &screen)
        }
    }

    private func drawRow(_ row: TreeRow, isCursor: Bool, in area: Rect, on screen: inout Screen) {
        let marker = row.hasChildren ? (row.isExpanded ? "▾ " : "▸ ") : "  "
        let box = chosen.contains(row.path) ? "[x] " : "[ ] "
        let prefix = (isCursor ? "› " : "  ") + String(repeating: "  ", count: row.depth) + marker + box
        let style: Style = isCursor ? .bold : .plain
        let used = screen.put(prefix, at: area.origin, style: style, clip: area)
        screen.put(TextLayout.truncate(row.label, to: area.width - used), at: Point(x: area.x + used, y: area.y),
                   style: style, clip: area)
    }
}
