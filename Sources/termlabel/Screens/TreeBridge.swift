import LabelCore
import TerminalUI

/// A tree question seen by the tree picker: index paths there, `" / "` paths in answers.
struct TreeBridge {
    let roots: [TerminalUI.TreeNode]
    private let pathByIndex: [[Int]: String]
    private let indexByPath: [String: [Int]]

    init(_ question: Question) {
        var byIndex: [[Int]: String] = [:]
        func convert(_ nodes: [LabelCore.TreeNode], prefix: [Int], path: String?) -> [TerminalUI.TreeNode] {
            nodes.enumerated().map { i, node in
                let full = path.map { $0 + LabelCore.TreeNode.pathSeparator + node.title } ?? node.title
                byIndex[prefix + [i]] = full
                return TerminalUI.TreeNode(node.title, children: convert(node.children, prefix: prefix + [i], path: full))
            }
        }
        roots = convert(question.tree, prefix: [], path: nil)
        pathByIndex = byIndex
        indexByPath = Dictionary(byIndex.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    func path(_ index: [Int]) -> String? { pathByIndex[index] }
    func index(_ path: String) -> [Int]? { indexByPath[path] }

    /// Chosen nodes, and their ancestors expanded so they can be seen on opening.
    func chosen(_ values: [String]) -> Set<[Int]> { Set(values.compactMap(index)) }

    func ancestorsExpanded(_ values: [String]) -> Set<[Int]> {
        var out: Set<[Int]> = []
        for index in values.compactMap(self.index) {
            for n in 1..<max(1, index.count) { out.insert(Array(index.prefix(n))) }
        }
        return out
    }
}
