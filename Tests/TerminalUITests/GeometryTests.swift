import Testing
@testable import TerminalUI

@Suite struct GeometryTests {
    let rect = Rect(x: 2, y: 1, width: 10, height: 6)

    @Test func insetShrinksEverySide() {
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 4))
        #expect(rect.inset(by: 10).isEmpty)
    }

    @Test func splitsSideBySide() {
        let (left, right) = rect.split(leftWidth: 3, gap: 1)
        #expect(left == Rect(x: 2, y: 1, width: 3, height: 6))
        #expect(right == Rect(x: 6, y: 1, width: 6, height: 6))
        #expect(rect.split(rightWidth: 4).right == Rect(x: 8, y: 1, width: 4, height: 6))
    }

    @Test func splitsTopAndBottom() {
        #expect(rect.split(topHeight: 2).bottom == Rect(x: 2, y: 3, width: 10, height: 4))
        #expect(rect.split(bottomHeight: 1).bottom == Rect(x: 2, y: 6, width: 10, height: 1))
        #expect(rect.split(bottomHeight: 1).top.height == 5)
    }

    @Test func splittingMoreThanThereIsGivesEmptyParts() {
        #expect(rect.split(leftWidth: 50).right.width == 0)
        #expect(rect.split(topHeight: -3).top.height == 0)
    }

    @Test func rowsAreOneHigh() {
        #expect(rect.rows.count == 6)
        #expect(rect.row(2) == Rect(x: 2, y: 3, width: 10, height: 1))
        #expect(rect.row(9).isEmpty)
    }

    @Test func centeredFitsInside() {
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 3, width: 4, height: 2))
        #expect(rect.centered(width: 40, height: 20) == rect)
    }

    @Test func intersectionOfDisjointRectsIsEmpty() {
        #expect(rect.intersection(Rect(x: 30, y: 30, width: 2, height: 2)).isEmpty)
    }
}
