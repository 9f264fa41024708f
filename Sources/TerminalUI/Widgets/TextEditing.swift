/// Text being edited and a cursor counted in graphemes (what the user sees as characters), with
/// the editing operations a field needs. A value: the app keeps it in its state and tests call the
/// operations directly.
public struct TextEditing: Hashable, Sendable {
    public private(set) var text: String
    /// 0 ... `text.count`, in graphemes.
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

    /// Inserts at the cursor and moves past it. A combining mark typed after a letter joins it, and
    /// the cursor stays after the combined character.
    public mutating func insert(_ character: Character) {
        insert(String(character))
    }

    public mutating func insert(_ string: String) {
        let index = cursorIndex
        let before = String(text[..<index]) + string
        cursor = before.count
        text = before + text[index...]
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let end = cursorIndex
        let before = text[..<text.index(before: end)]
        cursor = before.count
        text = String(before) + text[end...]
    }

    /// Deletes the grapheme after the cursor.
    public mutating func delete() {
        guard cursor < text.count else { return }
        text.remove(at: cursorIndex)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(text.count, cursor + 1) }

    /// To the start of the current line.
    public mutating func home() {
        let characters = Array(text)
        var position = cursor
        while position > 0, !TextWrap.isLineBreak(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    /// To the end of the current line.
    public mutating func end() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, !TextWrap.isLineBreak(characters[position]) { position += 1 }
        cursor = position
    }

    /// To the start of the word before the cursor.
    public mutating func wordLeft() {
        let characters = Array(text)
        var position = cursor
        while position > 0, !Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    /// To the end of the word after the cursor.
    public mutating func wordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, Self.isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    /// Deletes from the start of the word before the cursor to the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let end = cursor
        wordLeft()
        let characters = Array(text)
        text = String(characters[..<cursor]) + String(characters[end...])
    }

    /// Deletes everything (Ctrl-U in a one-line field).
    public mutating func clear() {
        text = ""
        cursor = 0
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
