/// Pieces for the benchmark executable: a frame shaped like the labeling screen (queue, asset
/// text, form, status line) and the keypress path (build the next frame, diff it).
public enum FrameBenchmark {
    /// A full frame with the queue's cursor on `selected`.
    public static func frame(width: Int = 200, height: Int = 60, selected: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        let (main, statusRow) = screen.bounds.split(bottomHeight: 1)
        let (queueArea, right) = main.split(leftWidth: width / 3, gap: 1)
        let (assetArea, formArea) = right.split(topHeight: right.height / 2)
        let offset = ScrollList.scrollOffset(selected: selected, current: 0, visibleRows: queueArea.height, count: 1_000_000)
        ScrollList(count: 1_000_000, selected: selected, offset: offset) { index in
            ListRow("Task \(index) · review of product 日本語 😀", trailing: index % 3 == 0 ? "draft 0:42" : "new")
        }.draw(in: queueArea, on: &screen)
        Box(title: "Asset").draw(in: assetArea, on: &screen)
        let text = String(repeating: "The battery lasts all day, 価格は高い but worth it. ", count: 40)
        let inner = Box.inner(assetArea)
        for (line, row) in zip(TextWrap.lines(text, width: inner.width), inner.rows) {
            screen.put(line, at: row.origin, clip: row)
        }
        ChoiceList(title: "Sentiment", options: ["Positive", "Negative", "Neutral", "Mixed"], chosen: [0],
                   cursor: 1, hotkeys: ["p", "n", "u", "m"])
            .draw(in: formArea, on: &screen)
        StatusLine(left: [StatusSegment("reviews"), StatusSegment("Label"), StatusSegment("ana")],
                   right: [StatusSegment("\(selected)/1000000"), StatusSegment("00:42")])
            .draw(in: statusRow, on: &screen)
        return screen
    }

    /// One keypress: builds the frame after moving the cursor from `selected` and diffs it with
    /// `previous`. Returns the cells a renderer would write.
    public static func keypress(from previous: Screen, selected: Int) -> (frame: Screen, changedCells: Int) {
        let next = frame(width: previous.width, height: previous.height, selected: selected + 1)
        return (next, ScreenDiff.cellCount(ScreenDiff.changes(from: previous, to: next)))
    }
}
