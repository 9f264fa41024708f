import ArgumentParser
import Foundation
import LabelCore

/// Where commands say things: results to standard output, problems to standard error.
enum Console {
    static func out(_ text: String) { print(text) }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
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

    func open() throws -> SQLiteProjectStore { try SQLiteProjectStore(directory: directory) }
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

    var mouse: Bool {
        let env = ProcessInfo.processInfo.environment["TERMLABEL_NO_MOUSE"] ?? ""
        return !noMouse && (env.isEmpty || env == "0")
    }
}

extension Stage: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
