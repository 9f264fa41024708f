/// A radio (`( )`/`(•)`) or checkbox (`[ ]`/`[x]`) group. Options 1 to 9 show their number, a
/// hotkey letter is shown after the label, and `›` marks the cursor:
///
///     Topics
///       [ ] 1 Battery (b)
///     › [x] 2 Price
public struct ChoiceList {
    public var title: String?
    public var options: [String]
    public var chosen: Set<Int>
    /// The option under the cursor; nil when the list does not have focus.
    public var cursor: Int?
    public var multiple: Bool
    /// A hotkey per option (parallel to `options`, may be shorter).
    public var hotkeys: [Character?]
    public var titleStyle: Style
    public var cursorStyle: Style

    public init(title: String? = nil, options: [String], chosen: Set<Int> = [], cursor: Int? = nil,
                multiple: Bool = false, hotkeys: [Character?] = [], titleStyle: Style = .bold,
                cursorStyle: Style = .bold) {
        self.title = title
        self.options = options
        self.chosen = chosen
        self.cursor = cursor
        self.multiple = multiple
        self.hotkeys = hotkeys
        self.titleStyle = titleStyle
        self.cursorStyle = cursorStyle
    }

    /// Rows needed to show everything.
    public var naturalHeight: Int { options.count + (title == nil ? 0 : 1) }

    public func draw(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area)
        var list = area
        if let title {
            screen.put(TextLayout.truncate(title, to: area.width), at: area.origin, style: titleStyle, clip: area)
            list = area.split(topHeight: 1).bottom
        }
        let first = ScrollList.scrollOffset(selected: cursor, current: 0, visibleRows: list.height, count: options.count)
        for line in 0..<min(list.height, options.count - first) {
            drawOption(first + line, in: list.row(line), on: &screen)
        }
    }

    /// Draws option `index` again on `row` (blanked first), as `draw` draws it when every option
    /// fits: after a cursor move only the row it left and the one it reached change.
    public func draw(option index: Int, in row: Rect, on screen: inout Screen) {
        guard options.indices.contains(index), !row.isEmpty else { return }
        screen.fill(row)
        drawOption(index, in: Rect(x: row.x, y: row.y, width: row.width, height: 1), on: &screen)
    }

    private func drawOption(_ index: Int, in row: Rect, on screen: inout Screen) {
        let isCursor = index == cursor
        let isChosen = chosen.contains(index)
        let mark = multiple ? (isChosen ? "[x]" : "[ ]") : (isChosen ? "(•)" : "( )")
        let number = index < 9 ? "\(index + 1)" : " "
        let prefix = (isCursor ? "› " : "  ") + mark + " " + number + " "
        let style: Style = isCursor ? cursorStyle : .plain
        var x = row.x + screen.put(prefix, at: row.origin, style: style, clip: row)
        var hotkeyText = ""
        if index < hotkeys.count, let key = hotkeys[index] { hotkeyText = " (\(key))" }
        let room = row.maxX - x
        let labelWidth = DisplayWidth.of(options[index])
        // The hotkey gives way when it would squeeze the label below a readable few columns.
        if labelWidth + DisplayWidth.of(hotkeyText) > room && room - DisplayWidth.of(hotkeyText) < min(labelWidth, 6) {
            hotkeyText = ""
        }
        let labelRoom = room - DisplayWidth.of(hotkeyText)
        x += screen.put(TextLayout.truncate(options[index], to: labelRoom), at: Point(x: x, y: row.y), style: style, clip: row)
        if !hotkeyText.isEmpty {
            screen.put(hotkeyText, at: Point(x: x, y: row.y), style: .dim, clip: row)
        }
    }
}
