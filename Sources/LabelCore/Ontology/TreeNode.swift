/// A node of a tree dropdown's `treeOptions`. Answers name a node by its full path: the titles
/// from the root down, joined by `" / "` (`"Animal / Cat"`), as Ango writes them.
public struct TreeNode: Equatable, Hashable, Sendable {
    public var title: String
    public var key: String
    public var value: String
    public var children: [TreeNode]

    public init(title: String, key: String, value: String? = nil, children: [TreeNode] = []) {
        self.title = title
        self.key = key
        self.value = value ?? key
        self.children = children
    }

    public static let pathSeparator = " / "
}

/// A tree node with its place: its full path and depth, in depth-first order.
public struct FlatTreeNode: Equatable, Hashable, Sendable {
    public var node: TreeNode
    public var path: String
    public var depth: Int
    public var parentPath: String?
}

extension Array where Element == TreeNode {
    /// Every node, depth first, each with its full path.
    public func flattened() -> [FlatTreeNode] {
        var out: [FlatTreeNode] = []
        func walk(_ nodes: [TreeNode], prefix: String?, depth: Int) {
            for node in nodes {
                let path = prefix.map { $0 + TreeNode.pathSeparator + node.title } ?? node.title
                out.append(FlatTreeNode(node: node, path: path, depth: depth, parentPath: prefix))
                walk(node.children, prefix: path, depth: depth + 1)
            }
        }
        walk(self, prefix: nil, depth: 0)
        return out
    }
}
