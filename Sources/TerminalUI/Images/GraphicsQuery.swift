#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the terminal which graphics it has (`GraphicsQueryAnswer.request`) before the screen
/// opens: echo and line mode off, the request written, the answer read until DA1's arrives or
/// `timeoutMilliseconds` pass, then the terminal's mode put back as it was. It never waits longer
/// than the timeout, and returns what was typed meanwhile in `rest` for the key reader.
public enum GraphicsQuery {
    /// How long a terminal may take to answer (a local terminal answers in a few milliseconds).
    public static let timeoutMilliseconds = 150

    /// The answer on `input` to the request written to `output`; nil when either is not a
    /// terminal (nothing is written then). Standard input and output by default.
    public static func ask(input: Int32 = 0, output: Int32 = 1,
                           timeoutMilliseconds: Int = timeoutMilliseconds) -> GraphicsQueryAnswer? {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSANOW, &quiet) == 0 else { return nil }
        defer { _ = tcsetattr(input, TCSANOW, &saved) }

        let request = GraphicsQueryAnswer.request
        let written = request.withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
        guard written == request.count else { return GraphicsQueryAnswer() }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        let deadline = now() + timeoutMilliseconds
        while true {
            let left = deadline - now()
            guard left > 0 else { break }
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(left))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0, descriptor.revents & Int16(POLLIN) != 0 else { break }
            let count = read(input, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
            // Bounded: a terminal that streams input the whole time is not read further.
            if GraphicsQueryAnswer(parsing: bytes).isComplete || bytes.count > 65_536 { break }
        }
        return GraphicsQueryAnswer(parsing: bytes)
    }

    /// Milliseconds on the monotonic clock.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
