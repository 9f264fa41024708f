import CNCursesW

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's character-type locale, which both `wcwidth` and ncurses read.
///
/// Without a UTF-8 `LC_CTYPE`, `wcwidth` answers -1 for every non-ASCII scalar and ncurses draws
/// them (box drawing included) as blanks; a missing `LANG` (cron, `env -i`, some ssh setups, test
/// runners) is common, so we fall back to `C.UTF-8`. Only `LC_CTYPE` is touched: changing
/// `LC_NUMERIC` and friends would change how C formats numbers elsewhere in the process.
public enum TerminalLocale {
    /// Sets up the locale once per process; later calls are free. Returns whether it is UTF-8.
    @discardableResult
    public static func prepare() -> Bool { isUTF8 }

    private static let isUTF8: Bool = {
        _ = setlocale(LC_CTYPE, "")
        if codesetIsUTF8() { return true }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            if codesetIsUTF8() { return true }
        }
        return false
    }()

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = cn_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
