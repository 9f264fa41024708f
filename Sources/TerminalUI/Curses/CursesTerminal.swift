import CNCursesW
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal through ncursesw: a `Renderer` that sends only the cells that changed since
/// the last frame, and a `KeySource` that decodes keys, resizes, focus changes, Ctrl-Z and
/// termination signals into `InputEvent`s.
///
/// Open one at a time, on the main thread; `close()` (or deinit) restores the terminal. A crash
/// restores it too (see `SignalTrap`). The app must handle `.interrupt`, `.terminate` and `.hangup`
/// by saving and closing: the signals no longer end the process by themselves.
public final class CursesTerminal: Renderer, KeySource {
    public enum ColorMode: Sendable {
        /// Colour when the terminal has it and `NO_COLOR` is not set.
        case automatic
        case never
    }

    /// Whether styles are drawn with colour (else only bold, reverse, …).
    public var colorsEnabled: Bool { palette.colorsEnabled }
    /// How many colours styles can use: 0 without colour, else the terminal's COLORS (8, 16, 256, …).
    public var colorCount: Int { Int(palette.colorCount) }
    /// Cells copied into ncurses by the last `render`.
    public private(set) var lastCellsWritten = 0
    /// Rows of the last frame compared with the one before (those the app changed since it was
    /// shown, when it says so with `Screen.markShown()`; else all of them).
    public private(set) var lastRowsCompared = 0

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let outputFD: Int32
    private let inputFD: Int32
    private let outputFile: UnsafeMutablePointer<FILE>
    private let inputFile: UnsafeMutablePointer<FILE>
    private var palette: CursesPalette
    private var previous: Screen?
    /// The revision of the app's frame `previous` holds.
    private var previousRevision: Int?
    private var shownGraphics: [PixelGraphic] = []
    private var cursorVisible: Bool?
    private var queued: [InputEvent] = []
    private var stopBeforeNextRead = false
    private var inputEnded = false
    private var isClosed = false
    /// Whether the terminal was asked to report the mouse.
    public private(set) var mouseEnabled = false
    private let characters = UnsafeMutablePointer<wchar_t>.allocate(capacity: 8)
    private let tickMilliseconds: Int

    private static let focusOn: [UInt8] = Array("\u{1B}[?1004h".utf8)
    private static let focusOff: [UInt8] = Array("\u{1B}[?1004l".utf8)
    /// Presses, releases and the wheel (1000), reported as SGR (1006).
    private static let mouseOn: [UInt8] = Array("\u{1B}[?1000h\u{1B}[?1006h".utf8)
    private static let mouseOff: [UInt8] = Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)
    /// Bracketed paste (2004): a paste arrives between `CSI 200~` and `CSI 201~`, so it is never
    /// read as keys.
    private static let pasteOn: [UInt8] = Array("\u{1B}[?2004h".utf8)
    private static let pasteOff: [UInt8] = Array("\u{1B}[?2004l".utf8)
    /// The longest paste kept, in characters; the rest is read and dropped.
    public static let pasteLimit = 1_000_000

    /// Opens the terminal on `input` (standard input by default) and `output` (standard output, or
    /// the controlling terminal when standard output is redirected).
    ///
    /// - Parameters:
    ///   - terminalType: the terminfo name; `TERM` by default.
    ///   - tickMilliseconds: how long `nextEvent()` waits before answering `.tick`.
    ///   - mouse: report left presses and the wheel as `.mouse` events. While on, the terminal
    ///     selects text only with Shift held (as in every program that takes the mouse).
    ///   - typedAhead: input read before the screen opened (while the terminal was asked about its
    ///     graphics, `GraphicsQuery`), read as keys first.
    public init(terminalType: String? = nil, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                tickMilliseconds: Int32 = 250, colors: ColorMode = .automatic, mouse: Bool = false,
                typedAhead: [UInt8] = []) throws(TerminalError) {
        _ = TerminalLocale.prepare()
        guard isatty(input) == 1 else { throw .notATerminal }
        let type = terminalType ?? Self.environment("TERM") ?? ""
        guard !type.isEmpty else { throw .unknownTerminalType("") }
        guard type != "dumb" else { throw .unsupportedTerminalType(type) }
        guard terminalIsOpen.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw .alreadyOpen }

        let outputFD = isatty(output) == 1 ? dup(output) : open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        let inputFD = dup(input)
        guard outputFD >= 0, inputFD >= 0,
              let outputFile = fdopen(outputFD, "w"), let inputFile = fdopen(inputFD, "r") else {
            if outputFD >= 0 { Glibc.close(outputFD) }
            if inputFD >= 0 { Glibc.close(inputFD) }
            terminalIsOpen.store(false, ordering: .releasing)
            throw .notATerminal
        }
        var shellMode = termios()
        let hasShellMode = tcgetattr(outputFD, &shellMode) == 0

        SignalTrap.unblock()
        // Before newterm, so ncurses keeps its hands off these signals.
        SignalTrap.install(fd: outputFD, termios: hasShellMode ? shellMode : nil)
        guard let screen = newterm(type, outputFile, inputFile), let window = cn_stdscr() else {
            SignalTrap.uninstall()
            fclose(outputFile)
            fclose(inputFile)
            terminalIsOpen.store(false, ordering: .releasing)
            throw .unknownTerminalType(type)
        }
        self.screen = screen
        self.window = window
        self.outputFD = outputFD
        self.inputFD = inputFD
        self.outputFile = outputFile
        self.inputFile = inputFile
        self.tickMilliseconds = Int(max(1, tickMilliseconds))

        cbreak()
        noecho()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        wtimeout(window, max(1, tickMilliseconds))
        Self.disableFlowControl(outputFD)
        def_prog_mode()

        let wantsColor = colors == .automatic && (Self.environment("NO_COLOR") ?? "").isEmpty && has_colors()
        if wantsColor {
            start_color()
            use_default_colors()
        }
        palette = CursesPalette(colorsEnabled: wantsColor, colorCount: cn_colors(), pairLimit: cn_color_pairs())

        _ = define_key("\u{1B}[I", KeyDecoder.focusInCode)
        _ = define_key("\u{1B}[O", KeyDecoder.focusOutCode)
        _ = define_key("\u{1B}[200~", KeyDecoder.pasteStartCode)
        _ = define_key("\u{1B}[201~", KeyDecoder.pasteEndCode)
        _ = define_key("\u{1B}[?", KeyDecoder.lateAnswerCode)
        _ = define_key("\u{1B}_G", KeyDecoder.lateKittyReplyCode)
        for (sequence, code) in KeyDecoder.extraKeys { _ = define_key(sequence, code) }
        // The mouse is read here, not by ncurses: its gesture logic drops presses that arrive in
        // one read with their release (as over a slow link). SGR reports (mode 1006) have no
        // size limit and are plain ASCII; normal reports are decoded too, for terminals without.
        mouseEnabled = mouse
        if mouse {
            _ = define_key("\u{1B}[<", KeyDecoder.mouseSGRCode)
            _ = define_key("\u{1B}[M", KEY_MOUSE)
        }
        SignalTrap.setResetBytes(Self.resetBytes(mouse: mouseEnabled))
        if mouse { write(Self.mouseOn) }
        write(Self.focusOn + Self.pasteOn)
        Self.putBack(typedAhead)
    }

    /// Puts input read before the screen opened back in ncurses' queue, where nothing decodes it
    /// again: characters as they are, an escape sequence as the key ncurses knows it by (a cursor
    /// key sent before keypad mode, `CSI A`, as its keypad form, `SS3 A`). An escape sequence it
    /// does not know is dropped rather than read as Esc and letters.
    private static func putBack(_ bytes: [UInt8]) {
        var keys: [(code: Int32, isKey: Bool)] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x1B, index + 1 < bytes.count else {
                // A run of characters up to the next escape.
                let end = bytes[(index + 1)...].firstIndex(of: 0x1B) ?? bytes.count
                for scalar in String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars { keys.append((Int32(scalar.value), false)) }
                index = end
                continue
            }
            // ESC [ or ESC O, parameters, then a final byte; or ESC and one character (Alt with it).
            var end = index + 2
            if bytes[index + 1] == UInt8(ascii: "[") || bytes[index + 1] == UInt8(ascii: "O") {
                while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
                end = min(end + 1, bytes.count)
            }
            var sequence = Array(bytes[index..<end])
            var code = definedKey(sequence)
            if code <= 0, sequence.count == 3, sequence[1] == UInt8(ascii: "[") {
                sequence[1] = UInt8(ascii: "O")
                code = definedKey(sequence)
            }
            if code > 0 {
                keys.append((code, true))
            } else if end == index + 2, bytes[index + 1] != UInt8(ascii: "[") && bytes[index + 1] != UInt8(ascii: "O") {
                keys += [(0x1B, false), (Int32(bytes[index + 1]), false)]
            }
            index = end
        }
        // ncurses reads what was put back last first.
        for key in keys.reversed() {
            _ = key.isKey ? ungetch(key.code) : unget_wch(wchar_t(key.code))
        }
    }

    /// The key code ncurses decodes `sequence` to; 0 or less when none.
    private static func definedKey(_ sequence: [UInt8]) -> Int32 {
        String(decoding: sequence, as: UTF8.self).withCString { key_defined($0) }
    }

    deinit {
        close()
        characters.deallocate()
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor, turns focus reports
    /// off) and the previous signal handlers. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        if shownGraphics.contains(where: { $0.kind == .kitty }) { write(Self.kittyDeleteAll) }
        write(Self.pasteOff + Self.focusOff)
        if mouseEnabled { write(Self.mouseOff) }
        endwin()
        delscreen(screen)
        fclose(outputFile)
        fclose(inputFile)
        SignalTrap.uninstall()
        terminalIsOpen.store(false, ordering: .releasing)
    }

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    // MARK: Rendering

    public func render(_ frame: Screen, cursor: Point?) {
        guard !isClosed else { return }
        let rows = previous == nil ? nil : previousRevision.flatMap { frame.rowsChanged(since: $0) }
        lastRowsCompared = rows?.count ?? frame.height
        let runs = ScreenDiff.changes(from: previous, to: frame, rows: rows)
        copy(runs, of: frame)
        if palette.exhausted {
            // Pictures used up the colour pairs: start the table again and repaint everything.
            palette.reset()
            clearok(cn_curscr(), true)
            copy(ScreenDiff.changes(from: nil, to: frame), of: frame)
        }
        let maxX = Int(getmaxx(window)), maxY = Int(getmaxy(window))
        placeCursor(cursor, maxX: maxX, maxY: maxY)
        wnoutrefresh(window)
        doupdate()
        keep(frame, runs: runs)
        writeGraphics(frame.graphics, runs: runs)
    }

    /// Keeps the frame as the last one shown: in its own cells, updated where `runs` changed
    /// them. (Keeping the frame itself would share its cells with the screen the app draws the
    /// next frame on, and that screen's next change would copy every cell.)
    private func keep(_ frame: Screen, runs: [ScreenDiff.Run]) {
        var kept = previous
        previous = nil
        if kept?.size == frame.size {
            kept!.copyCells(runs, from: frame)
        } else {
            kept = Screen(size: frame.size)
            kept!.copyCells(ScreenDiff.changes(from: nil, to: frame), from: frame)
        }
        previous = kept
        previousRevision = frame.revision
    }

    /// The size of a cell in pixels, when the terminal reports its pixel size (sixel and kitty
    /// pictures are made to fit it); nil when it does not.
    public var cellPixelSize: Size? {
        var width: Int32 = 0, height: Int32 = 0, cols: Int32 = 0, rows: Int32 = 0
        guard cn_window_pixels(outputFD, &width, &height, &cols, &rows) == 0, width > 0, height > 0, cols > 0, rows > 0 else { return nil }
        return Size(width: Int(width / cols), height: Int(height / rows))
    }

    private func copy(_ runs: [ScreenDiff.Run], of frame: Screen) {
        let maxX = Int(getmaxx(window)), maxY = Int(getmaxy(window))
        var written = 0
        var lastStyle: Style?
        var attributes: (attributes: attr_t, pair: Int16) = (cn_a_normal(), 0)
        var cell = cchar_t()
        for run in runs where run.y < maxY {
            for x in run.x..<min(run.x + run.count, maxX) {
                let source = frame[x, run.y]
                if source.isContinuation || (source.width == 2 && x + 1 >= maxX) { continue }
                if source.style != lastStyle {
                    attributes = palette.attributes(for: source.style)
                    lastStyle = source.style
                }
                fill(&cell, with: source.character, attributes: attributes)
                mvwadd_wch(window, Int32(run.y), Int32(x), &cell)
                written += 1
            }
        }
        lastCellsWritten = written
    }

    private static let kittyDeleteAll: [UInt8] = Array("\u{1B}_Ga=d,d=A\u{1B}\\".utf8)

    /// Pictures in a graphics protocol go out after the cells, and only when they changed or
    /// cells under them were rewritten; a picture that went away is deleted (kitty) or its cells
    /// repainted (sixel, iTerm2).
    private func writeGraphics(_ graphics: [PixelGraphic], runs: [ScreenDiff.Run]) {
        func rewritten(_ rect: Rect) -> Bool {
            runs.contains { $0.y >= rect.minY && $0.y < rect.maxY && $0.x < rect.maxX && $0.x + $0.count > rect.minX }
        }
        guard graphics != shownGraphics || graphics.contains(where: { rewritten($0.rect) }) else { return }
        var bytes: [UInt8] = []
        if shownGraphics.contains(where: { $0.kind == .kitty }) { bytes += Self.kittyDeleteAll }
        var repaint = false
        for old in shownGraphics where old.kind == .inCells && !graphics.contains(old) {
            wredrawln(window, Int32(old.rect.y), Int32(old.rect.height))
            repaint = true
        }
        if repaint {
            wnoutrefresh(window)
            doupdate()
        }
        for graphic in graphics {
            // Saved and restored around the picture, so ncurses' idea of the cursor stays true.
            bytes += Array("\u{1B}7\u{1B}[\(graphic.rect.y + 1);\(graphic.rect.x + 1)H".utf8) + graphic.bytes + Array("\u{1B}8".utf8)
        }
        write(bytes)
        shownGraphics = graphics
    }

    /// Forgets the last frame, so the next `render` writes every cell (after anything else drew on
    /// the terminal).
    public func invalidate() {
        previous = nil
        shownGraphics = []
        clearok(cn_curscr(), true)
    }

    private func fill(_ cell: inout cchar_t, with character: String, attributes: (attributes: attr_t, pair: Int16)) {
        var count = 0
        // A cchar_t holds a base and at most CCHARW_MAX - 1 combining scalars.
        for scalar in character.unicodeScalars where count < 5 {
            characters[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 { characters[count] = 0x20; count = 1 }
        characters[count] = 0
        if cn_setcchar(&cell, characters, attributes.attributes, attributes.pair) != OK {
            characters[1] = 0
            _ = cn_setcchar(&cell, characters, attributes.attributes, attributes.pair)
        }
    }

    private func placeCursor(_ cursor: Point?, maxX: Int, maxY: Int) {
        let visible = cursor.map { $0.x >= 0 && $0.y >= 0 && $0.x < maxX && $0.y < maxY } ?? false
        if let cursor, visible { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        if cursorVisible != visible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
    }

    // MARK: Input

    public func nextEvent() -> InputEvent? {
        while !isClosed && !inputEnded {
            if stopBeforeNextRead {
                stopBeforeNextRead = false
                suspend()
                return .resumed
            }
            collectSignals()
            if !queued.isEmpty { return queued.removeFirst() }
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            collectSignals()
            var raw: KeyDecoder.Raw = switch result {
            case OK: .character(UInt32(character))
            case KEY_CODE_YES: .keyCode(Int32(bitPattern: character))
            default: .timeout
            }
            if raw == .keyCode(KeyDecoder.pasteStartCode) {
                queued.append(.paste(readPaste()))
                return queued.removeFirst()
            }
            if raw == .keyCode(KeyDecoder.pasteEndCode) { continue }
            if raw == .keyCode(KeyDecoder.lateAnswerCode) {
                // Device attributes: parameters up to the final c.
                _ = readMouseBytes(256, until: { $0 == UInt32(UInt8(ascii: "c")) })
                continue
            }
            if raw == .keyCode(KeyDecoder.lateKittyReplyCode) {
                // kitty's reply: up to ESC \ (the escape first, then its backslash).
                if readMouseBytes(256, until: { $0 == 0x1B }).last == 0x1B { _ = readMouseBytes(1) }
                continue
            }
            if raw == .keyCode(KeyDecoder.mouseSGRCode) {
                // Up to the final M (press) or m (release).
                let scalars = readMouseBytes(24, until: { $0 == 0x4D || $0 == 0x6D }).compactMap(Unicode.Scalar.init)
                guard let event = KeyDecoder.sgrMouse(String(String.UnicodeScalarView(scalars))) else { continue }
                raw = .mouse(event)
            } else if raw == .keyCode(KEY_MOUSE) {
                guard let event = KeyDecoder.x10Mouse(readMouseBytes(3)) else { continue }
                raw = .mouse(event)
            }
            if raw == .timeout && terminalHungUp() {
                inputEnded = true
                queued.append(.hangup)
            } else if raw == .keyCode(KEY_RESIZE) {
                previous = nil
            }
            if let event = KeyDecoder.decode(raw, size: { self.size }), !(event == .tick && !queued.isEmpty) {
                queued.append(event)
            }
            if !queued.isEmpty { return queued.removeFirst() }
        }
        return queued.isEmpty ? nil : queued.removeFirst()
    }

    /// A bracketed paste's text, up to its end mark. Key codes inside it (a pasted escape sequence
    /// that looks like a key) are dropped; a paste whose end never comes ends after two seconds
    /// without input.
    private func readPaste() -> String {
        var values: [UInt32] = []
        var quietTicks = 0
        let ticksToGiveUp = max(1, 2000 / tickMilliseconds)
        while quietTicks < ticksToGiveUp {
            var character: wint_t = 0
            switch wget_wch(window, &character) {
            case OK:
                quietTicks = 0
                if values.count < Self.pasteLimit { values.append(UInt32(character)) }
            case KEY_CODE_YES:
                quietTicks = 0
                if Int32(bitPattern: character) == KeyDecoder.pasteEndCode { return KeyDecoder.pasteText(values) }
            default:
                quietTicks += 1
            }
        }
        return KeyDecoder.pasteText(values)
    }

    /// The rest of a mouse report, sent with its start: up to `limit` characters, ending with
    /// the one `stop` accepts.
    private func readMouseBytes(_ limit: Int, until stop: (UInt32) -> Bool = { _ in false }) -> [UInt32] {
        var values: [UInt32] = []
        while values.count < limit {
            var character: wint_t = 0
            guard wget_wch(window, &character) == OK else { break }
            values.append(UInt32(character))
            if stop(UInt32(character)) { break }
        }
        return values
    }

    private func collectSignals() {
        let pending = SignalTrap.take()
        if pending.contains(.terminate) { queued.append(.terminate) }
        if pending.contains(.hangup) { queued.append(.hangup) }
        if pending.contains(.interrupt) { queued.append(.interrupt) }
        if pending.contains(.suspend) {
            queued.append(.suspended)
            stopBeforeNextRead = true
        } else if pending.contains(.resume) {
            // Stopped by someone else (kill -STOP); the screen may be stale.
            clearok(cn_curscr(), true)
            queued.append(.resumed)
        }
    }

    /// Gives the terminal back to the shell, stops until `fg`, then takes it again and repaints.
    private func suspend() {
        write(Self.pasteOff + Self.focusOff)
        if mouseEnabled { write(Self.mouseOff) }
        endwin()
        cn_signal_default(SIGTSTP)
        raise(SIGTSTP)
        SignalTrap.reinstallSuspendHandler()
        _ = SignalTrap.take(.resume)
        clearok(cn_curscr(), true)
        wrefresh(window)
        write(Self.focusOn + Self.pasteOn)
        if mouseEnabled { write(Self.mouseOn) }
    }

    /// After a hangup, reads fail at once instead of waiting, and poll reports it.
    private func terminalHungUp() -> Bool {
        var descriptor = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    // MARK: Helpers

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = Glibc.write(outputFD, $0.baseAddress, $0.count) }
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Ctrl-S and Ctrl-Q freeze and unfreeze output under flow control; a user who presses Ctrl-S
    /// would think the program hung, so they become ordinary keys.
    private static func disableFlowControl(_ fd: Int32) {
        var mode = termios()
        guard tcgetattr(fd, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        _ = tcsetattr(fd, TCSANOW, &mode)
    }

    /// What undoes our terminal setup, for the crash handler: terminfo's strings for this terminal,
    /// without their padding delays.
    private static func resetBytes(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = (mouse ? mouseOff : []) + pasteOff + focusOff
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = cn_tigetstr(name) else { continue }
            bytes += stripPadding(Array(String(cString: value).utf8))
        }
        return bytes + Array("\r\n".utf8)
    }

    static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
               let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                index = close + 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}

private let terminalIsOpen = Atomic<Bool>(false)
