import LabelCore
import TerminalUI
import Testing
@testable import termlabel

/// keys.toml: rebinding commands, presets, and every mistake refused with its file, line and column.
@Suite("Keymap files")
struct KeymapFileTests {
    func keymap(_ texts: String..., preset: String? = nil) throws -> Keymap {
        try Keymap(files: texts.enumerated().map { try KeymapFile(path: "keys\($0.offset).toml", text: $0.element) }, preset: preset)
    }

    func refusal(_ text: String, preset: String? = nil) -> String? {
        do {
            _ = try keymap(text, preset: preset)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("submit on Enter: Enter submits in the form, and choose keeps Space")
    func submitOnEnter() throws {
        let map = try keymap("[normal]\nsubmit = [\"enter\", \"s\"]\n")
        #expect(map.keys(.submit, in: .normal) == [.enter, .character("s")])
        #expect(map.keys(.choose, in: .form) == [.character(" ")])
        #expect(map.keys(.open, in: .list) == [.character(" ")])
        #expect(map.command(for: .enter, in: .form, stage: .label) == .submit)
        #expect(map.command(for: .enter, in: .list, stage: .label) == .submit)
        #expect(map.command(for: .character(" "), in: .form, stage: .label) == .choose)
        // Typing modes keep their own Enter.
        #expect(map.command(for: .enter, in: .text, stage: .label) == .done)
        #expect(map.command(for: .enter, in: .dropdown, stage: .label) == .choose)
    }

    @Test("the project's file wins over the user's, key by key")
    func projectWins() throws {
        let map = try keymap("[normal]\nskip = [\"z\"]\nsave = [\"ctrl-s\"]", "[normal]\nskip = [\"y\"]")
        #expect(map.keys(.skip, in: .normal) == [.character("y")])
        #expect(map.keys(.save, in: .normal) == [.control("s")])
        #expect(map.command(for: .character("z"), in: .form, stage: .label) == nil)
    }

    @Test("Ctrl-C always quits, whatever the file says")
    func ctrlCAlwaysQuits() throws {
        #expect(try keymap("[normal]\nquit = [\"Q\"]").keys(.quit, in: .normal) == [.character("Q"), .control("c")])
    }

    @Test("the preset comes from --keys, else the last file that names one")
    func presets() throws {
        #expect(try keymap("preset = \"vim\"").presetName == "vim")
        #expect(try keymap("preset = \"vim\"", "preset = \"default\"").presetName == "default")
        #expect(try keymap("preset = \"vim\"", "[normal]\nskip = [\"x\"]").presetName == "vim")
        #expect(try keymap("preset = \"default\"", preset: "vim").presetName == "vim")
    }

    @Test("every mistake is refused with its file, line and column", arguments: [
        ("[normal]\nsubmit = [\"z\"]\nskip = [\"z\"]",
         "keys0.toml:3:9: error: \"z\" is bound to both submit ([normal], 2:11) and skip ([normal])\n    one key runs one command in a mode: remove it from one of them"),
        ("[normal]\nsubmit = [\"z\"]\n[form]\nclear = [\"z\"]",
         "keys0.toml:4:10: error: \"z\" is bound to both submit ([normal], 2:11) and clear ([form])\n    one key runs one command in a mode: remove it from one of them"),
        ("[normal]\nsubmit = [\"1\"]",
         "keys0.toml:2:11: error: \"1\" for submit is an answer key: the digits choose options\n    choose another key, or preset = \"vim\", where shortcut letters need ; first"),
        ("[form]\nclear = [\"c\"]",
         "keys0.toml:2:10: error: \"c\" for clear is an answer key: the letters a–k go to the question with that shortcut\n    choose another key, or preset = \"vim\", where shortcut letters need ; first"),
        ("[text]\ndone = [\"s\"]",
         "keys0.toml:2:9: error: \"s\" for done types text in [text]\n    printable keys are text while typing; use a key like ctrl-… or a named key"),
        ("[editing]\nline-start = [\"space\"]",
         "keys0.toml:2:15: error: \"space\" for line-start types text in [editing]\n    printable keys are text while typing; use a key like ctrl-… or a named key"),
        ("[normal]\nskip = [\"ctrl-c\"]",
         "keys0.toml:2:9: error: \"ctrl-c\" for skip: Ctrl-C always quits\n    choose another key"),
        ("[normal]\nsubmit = [\"entr\"]",
         "keys0.toml:2:11: error: \"entr\" is not a key name\n    key names: a character (s, J, ?, [), space, enter, tab, shift-tab, esc, backspace, delete, up, down, left, right, home, end, pgup, pgdn, alt-enter, ctrl-r, f1–f12"),
        ("[normal]\nsubmit = [\"s\", \"s\"]",
         "keys0.toml:2:16: error: \"s\" is listed twice for submit (first at 2:11)"),
        ("[normal]\nsbumit = [\"s\"]",
         "keys0.toml:2:1: error: sbumit is not a command of [normal]\n    the commands of [normal]: shortcut, undo, redo, save, submit, reject, edit-answers, open-issue, resolve-issue, hold, show-answers, skip, next-task, previous-task, task-list, form, filter, go-to, scroll-up, scroll-down, zoom-image, image-info, find, instructions, stats, quit, help (termlabel keys lists them all)"),
        ("[normal]\nchoose = [\"c\"]",
         "keys0.toml:2:1: error: choose is not a command of [normal]\n    the commands of [normal]: shortcut, undo, redo, save, submit, reject, edit-answers, open-issue, resolve-issue, hold, show-answers, skip, next-task, previous-task, task-list, form, filter, go-to, scroll-up, scroll-down, zoom-image, image-info, find, instructions, stats, quit, help (termlabel keys lists them all)"),
        ("[nromal]\nsubmit = [\"s\"]",
         "keys0.toml:1:1: error: unknown mode [nromal]\n    modes: normal, form, list, text, prompt, editing, dropdown, tree, zoom, instructions, search, matches, answers"),
        ("submit = [\"s\"]",
         "keys0.toml:1:1: error: submit outside a [mode] table; only preset goes there\n    put commands under their mode: [normal], [form], [list], [text], [prompt], [editing], [dropdown], [tree], [zoom], [instructions], [search], [matches], [answers]"),
        ("preset = \"emacs\"", "keys0.toml:1:10: error: unknown preset \"emacs\"\n    presets: \"default\", \"vim\""),
        ("preset = [\"vim\"]", "keys0.toml:1:10: error: preset takes a string, not a list"),
        ("[normal]\nsubmit = true", "keys0.toml:2:10: error: submit takes a list of key names, not a boolean\n    for example submit = [\"enter\", \"s\"]"),
        ("[normal]\nsubmit = [1]", "keys0.toml:2:11: error: a key name is a string, not a number"),
        ("[normal]\nsubmit = [\"s\"", "keys0.toml:2:10: error: the list opened at 2:10 is not closed with ]\n    see `termlabel keys --help` for the format"),
    ])
    func refused(text: String, message: String) {
        #expect(refusal(text) == message)
    }

    @Test("with the vim preset, shortcut letters are free for commands; digits never are")
    func vimFreesLetters() throws {
        #expect(try keymap("preset = \"vim\"\n[normal]\nskip = [\"c\"]").keys(.skip, in: .normal) == [.character("c")])
        #expect(refusal("preset = \"vim\"\n[normal]\nskip = [\"0\"]")
                == "keys0.toml:3:9: error: \"0\" for skip is an answer key: the digits choose options\n    choose another key, or preset = \"vim\", where shortcut letters need ; first")
    }

    @Test("keymap files are read from XDG_CONFIG_HOME, then the project directory")
    func paths() {
        #expect(KeymapFile.paths(projectDirectory: "/p", environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"])
                == ["/cfg/termlabel/keys.toml", "/p/keys.toml"])
        #expect(KeymapFile.paths(projectDirectory: nil, environment: ["HOME": "/home/a"]) == ["/home/a/.config/termlabel/keys.toml"])
    }
}
