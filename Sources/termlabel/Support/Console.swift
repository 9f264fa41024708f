import ArgumentParser
import Foundation
import LabelCore
import TerminalUI

/// Where commands say things: results to standard output, problems to standard error.
///
/// Everything said here passes through `visible(_:)`: names, paths, titles and values come from
/// files and users, and an ESC, a C1 control (U+009B is a CSI on its own) or a bidi override
/// among them would retitle, recolour or reorder the reader's terminal.
enum Console {
    static func out(_ text: String) { write(visible(text) + "\n", to: FileHandle.standardOutput) }

    static func error(_ text: String) { write(visible(text) + "\n", to: FileHandle.standardError) }

    /// JSON text, written as it is: `JSONWriter` escapes every control and bidi scalar as `\uXXXX`,
    /// and the text must stay the exact JSON a program reads.
    static func json(_ text: String) { write(text + "\n", to: FileHandle.standardOutput) }

    /// The text as a terminal may show it: line breaks kept, every other control, DEL and bidi
    /// control replaced by its visible symbol (as the labeling screen shows them).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && Sanitizer.replacement(for: $0) != nil }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.visible(String($0)) }.joined(separator: "\n")
    }

    private static func write(_ text: String, to handle: FileHandle) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { error(d.description) }
    }

    /// Runs a command body, turning the errors people cause into messages and exit code 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitCode(1)
        } catch let error as Diagnostic {
            report([error])
            throw ExitCode(1)
        } catch let error as StoreError {
            self.error("termlabel: \(error)")
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            self.error("termlabel: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Who is working: the operating system's user and host (`alice@labelbox1`), unless
/// `--user` or `TERMLABEL_USER` names someone else.
enum Identity {
    static func current(override: String?) -> String {
        if let override, !override.isEmpty { return override }
        if let env = ProcessInfo.processInfo.environment["TERMLABEL_USER"], !env.isEmpty { return env }
        // As `whoami` says: the effective user's name, not $USER (which sudo and su keep).
        var login = ""
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { login = String(cString: name) }
        if login.isEmpty { login = ProcessInfo.processInfo.environment["USER"] ?? "" }
        if login.isEmpty { login = "uid\(geteuid())" }
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let hostName = String(decoding: host.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return hostName.isEmpty ? login : "\(login)@\(hostName)"
    }
}

struct ProjectOption: ParsableArguments {
    @Argument(help: "The project directory.", completion: .directory)
    var directory: String

    func open() throws -> any ProjectStore { try ProjectLocation.open(directory) }
}

struct UserOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Work as this user (default: TERMLABEL_USER, else your login and host, as `whoami`@`hostname`).", valueName: "name"))
    var user: String?

    var resolved: String { Identity.current(override: user) }
}

/// How the labeling screen uses the terminal.
struct ScreenOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Leave the mouse to the terminal (plain text selection); else a click or the wheel works the screen and Shift+drag selects text. Also TERMLABEL_NO_MOUSE=1."))
    var noMouse = false

    @Option(name: .long, help: ArgumentHelp(
        "The keymap preset: default, or vim (hjkl moves; question shortcuts after ;). Wins over `preset` in keys.toml; `termlabel keys` shows the keys in force.",
        valueName: "preset"))
    var keys: String?

    @Option(name: .long, help: ArgumentHelp(
        "How pictures are drawn: auto (from the terminal: its environment, else its answer to a query; symbols inside tmux), kitty, iterm, sixel, symbols (colour blocks, any terminal), or none (the path or URL as text). Wins over the project's setting (`termlabel config DIR --image`).",
        valueName: "protocol"))
    var image: ImageProtocol?

    var mouse: Bool {
        let env = ProcessInfo.processInfo.environment["TERMLABEL_NO_MOUSE"] ?? ""
        return !noMouse && (env.isEmpty || env == "0")
    }
}

extension ImageProtocol: ExpressibleByArgument {}

extension Stage: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
