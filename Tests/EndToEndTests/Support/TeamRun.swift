import Foundation
import Testing

/// Several annotators as real processes, each in a private tmux server (its own directory,
/// socket and exit file), started at one moment: each pane waits at a barrier file until all are
/// made. Then driven round robin until every queue is empty.
struct TeamRun {
    let names: [String]
    let sessions: [TmuxSession]

    /// Makes one pane per command, named by `names`, and releases them all at once.
    init(names: [String], commands: [[String]], environment: [String: String] = [:], in scratch: TemporaryDirectory) throws {
        self.names = names
        let go = scratch.path + "/go"
        var sessions: [TmuxSession] = []
        do {
            for (name, command) in zip(names, commands) {
                let home = scratch.path + "/tmux-" + name
                try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
                sessions.append(try TmuxSession(
                    width: 100, height: 30, environment: environment,
                    command: ["/bin/sh", "-c", "while [ ! -e \"$0\" ]; do sleep 0.01; done; exec \"$@\"", go] + command,
                    in: home))
            }
        } catch {
            sessions.forEach { $0.kill() }
            throw error
        }
        self.sessions = sessions
        #expect(FileManager.default.createFile(atPath: go, contents: nil))
    }

    func kill() { sessions.forEach { $0.kill() } }

    /// Round robin: a pane gets the keys `keys(pane, task)` gives once it shows a task it has not
    /// been sent keys for (nil: none for it), so keys never pile up behind a submit and never
    /// reach a pane whose queue is empty (a key there would clear the message that says so).
    /// Returns the tasks each pane was sent keys for, in order.
    func drain(within deadline: Int, until queueEmpty: String, openTask: ([String]) -> String?,
               keys: (Int, String) -> [String]?) throws -> [[String]] {
        var done = Array(repeating: false, count: sessions.count)
        var lastSent: [String?] = Array(repeating: nil, count: sessions.count)
        var sent: [[String]] = Array(repeating: [], count: sessions.count)
        let clock = Stopwatch()
        while done.contains(false) {
            guard clock.now() < deadline else {
                let screens = sessions.indices.map { "\(names[$0]):\n" + TmuxSession.framed((try? sessions[$0].screen()) ?? []) }
                Issue.record("The queue was not empty in every pane after \(deadline) ms. Screens:\n\(screens.joined(separator: "\n"))")
                throw SpawnError(description: "timed out")
            }
            for i in sessions.indices where !done[i] {
                let screen = try sessions[i].screen()
                if screen.contains(queueEmpty) {
                    done[i] = true
                    continue
                }
                guard let id = openTask(screen), id != lastSent[i], let send = keys(i, id) else { continue }
                try sessions[i].sendKeys(send)
                lastSent[i] = id
                sent[i].append(id)
            }
            usleep(2_000)
        }
        return sent
    }
}
