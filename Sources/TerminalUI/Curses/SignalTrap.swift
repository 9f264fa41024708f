import CNCursesW
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling for the terminal's lifetime.
///
/// Handlers for SIGINT/SIGTERM/SIGHUP, SIGTSTP and SIGCONT only set a bit in an atomic; the input
/// loop turns the bits into events and does the real work (endwin, stopping) outside the handler,
/// where it is safe. Installed before `newterm`, they also keep ncurses from installing its own
/// (which would exit the process from inside a handler).
///
/// Fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE) get a handler that uses only
/// async-signal-safe calls: it writes the terminal's reset strings, restores the saved termios, puts
/// back the previous handler (Swift's backtracer or the default) and lets the signal happen again,
/// so the shell is usable and the crash report still appears.
enum SignalTrap {
    struct Pending: OptionSet {
        let rawValue: UInt32
        static let interrupt = Pending(rawValue: 1 << 0)
        static let terminate = Pending(rawValue: 1 << 1)
        static let hangup = Pending(rawValue: 1 << 2)
        static let suspend = Pending(rawValue: 1 << 3)
        static let resume = Pending(rawValue: 1 << 4)
    }

    static let recorded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT]
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE]

    /// Takes (and clears) the signals recorded since the last call.
    static func take() -> Pending {
        Pending(rawValue: pendingSignals.exchange(0, ordering: .acquiringAndReleasing))
    }

    /// Takes only the given signals, leaving the others recorded.
    static func take(_ signals: Pending) -> Pending {
        let old = pendingSignals.bitwiseAnd(~signals.rawValue, ordering: .acquiringAndReleasing).oldValue
        return Pending(rawValue: old & signals.rawValue)
    }

    /// Lets this thread receive the signals we handle. Swift Testing's worker threads and processes
    /// spawned from them start with most signals blocked, which would make Ctrl-C do nothing.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in recorded + fatal + [SIGWINCH] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Installs every handler (once; later calls only update the restore data). `fd` is the
    /// terminal the fatal handler restores to `termios`.
    static func install(fd: Int32, termios saved: termios?) {
        _ = pendingSignals.load(ordering: .relaxed)
        crash.pointee.fd = fd
        crash.pointee.hasTermios = saved != nil
        if let saved { crash.pointee.mode = saved }
        // Installing twice would make our own handler the "previous" one, and a crash would loop.
        guard !installed.contains(true) else { return }
        for signal in recorded {
            // A shell without job control starts us with SIGTSTP ignored; keep it that way.
            if signal == SIGTSTP && cn_signal_is_ignored(signal) != 0 { continue }
            installed[Int(signal)] = cn_set_handler(signal, recordSignal, previous + Int(signal)) == 0
        }
        for signal in fatal {
            installed[Int(signal)] = cn_set_action(signal, restoreTerminalAndRethrow, previous + Int(signal)) == 0
        }
    }

    /// What the fatal handler writes to the terminal before restoring its mode: exit the alternate
    /// screen, show the cursor, …
    static func setResetBytes(_ bytes: [UInt8]) {
        crash.pointee.count = 0
        for (index, byte) in bytes.prefix(crashBufferSize).enumerated() { crashBytes[index] = byte }
        crash.pointee.count = min(bytes.count, crashBufferSize)
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        for signal in recorded + fatal where installed[Int(signal)] {
            _ = cn_restore_action(signal, previous + Int(signal))
            installed[Int(signal)] = false
        }
        crash.pointee.fd = -1
        _ = take()
    }

    /// Reinstalls the SIGTSTP handler after stopping with the default action.
    static func reinstallSuspendHandler() {
        _ = cn_set_handler(SIGTSTP, recordSignal, nil)
    }

    static func bit(for signal: Int32) -> UInt32 {
        switch signal {
        case SIGINT: Pending.interrupt.rawValue
        case SIGTERM: Pending.terminate.rawValue
        case SIGHUP: Pending.hangup.rawValue
        case SIGTSTP: Pending.suspend.rawValue
        case SIGCONT: Pending.resume.rawValue
        default: 0
        }
    }
}

private let pendingSignals = Atomic<UInt32>(0)

/// What the fatal handler needs, in memory that Swift's exclusivity checks do not watch (a handler
/// may interrupt any access).
private struct CrashRestore {
    var fd: Int32 = -1
    var count = 0
    var hasTermios = false
    var mode = termios()
}

private let crashBufferSize = 512
nonisolated(unsafe) private let crash: UnsafeMutablePointer<CrashRestore> = {
    let pointer = UnsafeMutablePointer<CrashRestore>.allocate(capacity: 1)
    pointer.initialize(to: CrashRestore())
    return pointer
}()
nonisolated(unsafe) private let crashBytes: UnsafeMutablePointer<UInt8> = .allocate(capacity: crashBufferSize)
nonisolated(unsafe) private let previous: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    pointer.initialize(repeating: sigaction(), count: 65)
    return pointer
}()
nonisolated(unsafe) private var installed = [Bool](repeating: false, count: 65)

private let recordSignal: @convention(c) (Int32) -> Void = { signal in
    pendingSignals.bitwiseOr(SignalTrap.bit(for: signal), ordering: .acquiringAndReleasing)
}

private let restoreTerminalAndRethrow: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, _ in
    let state = crash.pointee
    if state.fd >= 0 {
        _ = write(state.fd, crashBytes, state.count)
        if state.hasTermios {
            var saved = state.mode
            _ = tcsetattr(state.fd, TCSANOW, &saved)
        }
    }
    _ = cn_restore_action(signal, previous + Int(signal))
    // A fault happens again when the handler returns; a signal sent by a process (kill, abort)
    // must be sent again.
    if cn_siginfo_code(info) <= 0 { raise(signal) }
}
