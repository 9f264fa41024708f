import LabelCore
import Testing
@testable import termlabel

/// The TOML a keymap file uses, read with every place kept; everything else refused with its place.
@Suite("TOML subset")
struct TOMLSubsetTests {
    func error(_ text: String) -> TOMLSubset.SyntaxError? {
        do {
            _ = try TOMLSubset(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    func at(_ line: Int, _ column: Int) -> LabelCore.SourceLocation { LabelCore.SourceLocation(line: line, column: column) }

    @Test("tables, bare and quoted keys, strings, lists over several lines, comments, booleans and numbers")
    func parsesTheSubset() throws {
        let document = try TOMLSubset(parsing: """
            # keys
            preset = 'vim'   # a comment
            [normal]
            "submit" = ["enter", "s",]
            quit = [
              "q",  # quits
              "ctrl-c"
            ]
            flag = true
            n = -1_0
            esc = "\\u00e9\\t\\"\\\\"
            """)
        #expect(document.tables.map(\.name) == [nil, "normal"])
        #expect(document.tables[0].pairs == [TOMLSubset.Pair(key: "preset", keyAt: at(2, 1), value: .init(value: .string("vim"), at: at(2, 10)))])
        let normal = document.tables[1]
        #expect(normal.at == at(3, 1))
        #expect(normal.pairs.map(\.key) == ["submit", "quit", "flag", "n", "esc"])
        #expect(normal.pairs[0].value == .init(value: .array([.init(value: .string("enter"), at: at(4, 13)), .init(value: .string("s"), at: at(4, 22))]), at: at(4, 12)))
        #expect(normal.pairs[1].value.value == .array([.init(value: .string("q"), at: at(6, 3)), .init(value: .string("ctrl-c"), at: at(7, 3))]))
        #expect(normal.pairs[2].value.value == .bool(true))
        #expect(normal.pairs[3].value.value == .integer(-10))
        #expect(normal.pairs[4].value.value == .string("é\t\"\\"))
    }

    @Test("an empty file and one of comments only have an empty root table")
    func empty() throws {
        #expect(try TOMLSubset(parsing: "").tables == [TOMLSubset.Table(name: nil, at: at(1, 1))])
        #expect(try TOMLSubset(parsing: "# nothing\n\n  # here\r\n").tables == [TOMLSubset.Table(name: nil, at: at(1, 1))])
    }

    @Test("every syntax error names its line and column", arguments: [
        ("[normal\nx = 1", "expected ] to close the table name", 1, 8),
        ("[[normal]]", "arrays of tables ([[…]]) are not part of a keymap file; write [mode] once", 1, 1),
        ("[]", "expected a table name", 1, 2),
        ("[a.b]", "dotted table names are not part of a keymap file; write [mode]", 1, 3),
        ("[a]\n[a]", "[a] appears twice (first on line 1); put its keys in one table", 2, 1),
        ("[a] x", "unexpected text after [a]; one setting per line (a comment starts with #)", 1, 5),
        ("= 1", "expected a name (a command, or preset)", 1, 1),
        ("a.b = 1", "dotted keys are not part of a keymap file; put the key in its [mode] table", 1, 2),
        ("submit [\"s\"]", "expected = after submit", 1, 8),
        ("submit =", "expected a value: a \"string\" or a [\"list\", \"of strings\"]", 1, 9),
        ("preset = vim", "expected a value, found vim: strings go in quotes (\"vim\")", 1, 10),
        ("s = \"x\" \"y\"", "unexpected text after the value of s; one setting per line (a comment starts with #)", 1, 9),
        ("s = \"x\"\ns = \"y\"", "s is set twice in this table (first on line 1)", 2, 1),
        ("s = \"abc", "the string opened at 1:5 is not closed with \" on its line", 1, 5),
        ("s = 'abc\n'", "the string opened at 1:5 is not closed with ' on its line", 1, 5),
        ("s = \"\\q\"", "unknown escape \\q; escapes are \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX", 1, 6),
        ("s = \"\\u12\"", "\\u takes 4 hex digits of a Unicode scalar", 1, 6),
        ("s = \"\"\"x\"\"\"", "multi-line strings (\"\"\") are not part of a keymap file; a key name fits on one line", 1, 5),
        ("s = {a = 1}", "inline tables ({…}) are not part of a keymap file", 1, 5),
        ("s = [\"a\"\n", "the list opened at 1:5 is not closed with ]", 1, 5),
        ("s = [\"a\" \"b\"]", "expected , or ] in the list", 1, 10),
    ])
    func syntaxErrors(text: String, message: String, line: Int, column: Int) {
        #expect(error(text) == TOMLSubset.SyntaxError(message: message, at: at(line, column)))
    }
}
