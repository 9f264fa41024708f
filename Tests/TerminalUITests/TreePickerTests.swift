import Testing
@testable import TerminalUI

@Suite struct TreePickerTests {
    let roots = [
        TreeNode("Animal", children: [TreeNode("Cat"), TreeNode("Dog", children: [TreeNode("Puppy")])]),
        TreeNode("Plant", children: [TreeNode("Tree")]),
    ]

    @Test func showsExpandedNodesWithIndentationAndChecks() {
        var screen = Screen(width: 20, height: 4)
        TreePicker(roots: roots, expanded: [[0]], chosen: [[0, 0]], cursor: 1).draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
              ▾ [ ] Animal
            ›     [x] Cat
                ▸ [ ] Dog
              ▸ [ ] Plant
            """)
    }

    @Test func collapsedTreeShowsRootsOnly() {
        #expect(TreePicker.visibleRows(roots, expanded: []).map(\.label) == ["Animal", "Plant"])
    }

    @Test func childrenOfACollapsedParentStayHidden() {
        let rows = TreePicker.visibleRows(roots, expanded: [[0, 1]])
        #expect(rows.map(\.path) == [[0], [1]])
    }

    @Test func filterShowsMatchesWithTheirAncestorsExpanded() {
        var screen = Screen(width: 20, height: 5)
        TreePicker(title: "Kind", roots: roots, cursor: 2, query: "pup").draw(in: screen.bounds, on: &screen)
        #expect(screen.text == """
            Kind
              Filter: pup
              ▾ [ ] Animal
                ▾ [ ] Dog
            ›       [ ] Puppy
            """)
    }

    @Test func filterMatchingAParentShowsItCollapsed() {
        let rows = TreePicker.visibleRows(roots, expanded: [], query: "plant")
        #expect(rows == [TreeRow(path: [1], label: "Plant", hasChildren: true, isExpanded: false)])
    }

    @Test func nodeAtPathFindsNestedNodes() {
        #expect(TreePicker.node(at: [0, 1, 0], in: roots)?.label == "Puppy")
        #expect(TreePicker.node(at: [5], in: roots) == nil)
    }
}
