import LabelCore

/// claimNext for a consensus project's Label stage on PostgreSQL: the user's own task first, then
/// their open hold in a round, then the first task whose round has room.
///
/// Every change to a round holds the task's row lock, so at any moment some open tasks are locked
/// by other annotators' transactions (a claim, a draft, a submit of the same round). The search
/// skips those (`SKIP LOCKED`: nobody waits behind a busy task while others are free), but a task
/// skipped that way may still have room once its holder commits: when the search finds nothing
/// free, it looks again without the lock, and if an open task is only locked, waits for that one
/// task's lock (in a transaction of its own that holds no other lock, so it cannot deadlock) and
/// counts its round again. So the queue is never called empty while a round has a place.
extension PostgresProjectStore {
    /// What one attempt at a consensus claim found.
    enum RoundPick {
        case claimed(LabelTask)
        /// Not to be tried again: its round was full (or the task had moved on) once its lock was held.
        case passed(Int64)
        /// The first open task, locked by another annotator's transaction just now.
        case busy(Int64)
        /// No open task at all.
        case none
    }

    /// At most this many attempts (each a short transaction) before a claim gives up.
    static let consensusClaimAttempts = 64

    func claimConsensus(user: String, at time: Timestamp, n: Int) throws -> LabelTask? {
        var passed: [Int64] = []
        var waitFor: Int64?
        for attempt in 0..<Self.consensusClaimAttempts {
            let pick = try link.transaction { session -> RoundPick in
                if attempt == 0, let own = try Self.ownInRound(session, user: user, at: time) { return .claimed(own) }
                return try Self.pickInRound(session, user: user, at: time, n: n, passed: passed, waitFor: waitFor)
            }
            waitFor = nil
            switch pick {
            case .claimed(let task): return task
            case .none: return nil
            case .passed(let id): passed.append(id)
            case .busy(let id): waitFor = id
            }
        }
        return nil
    }

    /// The user's own Label task (a draft, a task sent back), else their open hold in a round.
    static func ownInRound(_ session: DatabaseSession, user: String, at time: Timestamp) throws -> LabelTask? {
        if let own = try session.int("""
            SELECT id FROM task WHERE assignee = $1 AND stage = 'Label' AND status NOT IN ('skipped', 'hold') AND readonlyreason IS NULL AND benchmark IS NULL
            ORDER BY priority DESC, id LIMIT 1
            """, [.text(user)]) {
            let task = try fetchTask(session, own, lock: true)
            try hold(session, own, user, at: time)
            return task
        }
        if let own = try session.int("""
            SELECT a.task FROM consensus_answer a JOIN task t ON t.id = a.task
            WHERE a.username = $1 AND a.submittedat IS NULL AND a.skipped = 0 AND t.stage = 'Label' AND t.assignee IS NULL
            ORDER BY t.priority DESC, t.id LIMIT 1
            """, [.text(user)]) {
            let task = try fetchTask(session, own, lock: true)
            try holdInRound(session, own, user, at: time)
            return task
        }
        return nil
    }

    /// A task open to a round: in Label, workable, not gold, held by no one alone.
    static let openToRound = """
        stage = 'Label' AND status NOT IN ('skipped', 'hold') AND readonlyreason IS NULL AND benchmark IS NULL AND assignee IS NULL
        """

    /// The first task open to a round that `user` is not in and that has room: $1 the user, $2
    /// holds active before this ran out, $3 the round's size.
    static func roomInRoundSQL(passing passed: [Int64]) -> String {
        let notPassed = passed.isEmpty ? "" : "AND id NOT IN (\(passed.map(String.init).joined(separator: ",")))"
        return """
            SELECT id FROM task t WHERE \(openToRound)
            AND NOT EXISTS (SELECT 1 FROM consensus_answer a WHERE a.task = t.id AND a.username = $1)
            AND (SELECT COUNT(*) FROM consensus_answer a WHERE a.task = t.id AND a.skipped = 0
                AND (a.submittedat IS NOT NULL OR a.activeat >= $2)) < $3 \(notPassed)
            ORDER BY priority DESC, id LIMIT 1
            """
    }

    static func pickInRound(
        _ session: DatabaseSession, user: String, at time: Timestamp, n: Int, passed: [Int64], waitFor: Int64?
    ) throws -> RoundPick {
        let expired = try leaseExpiry(session, at: time)
        let search: [SQLValue] = [.text(user), .int(expired), .int(n)]
        let id: Int64
        if let waitFor {
            // Waits for the other annotator's commit; this transaction holds no other lock.
            guard let locked = try session.int("SELECT id FROM task WHERE id = $1 AND \(openToRound) FOR UPDATE", [.int(waitFor)]) else {
                return .passed(waitFor)
            }
            id = locked
        } else if let free = try session.int(roomInRoundSQL(passing: passed) + " FOR UPDATE OF t SKIP LOCKED", search) {
            id = free
        } else if let locked = try session.int(roomInRoundSQL(passing: passed), search) {
            return .busy(locked)
        } else {
            return .none
        }
        // Counted again under the lock: the round may have filled while the search ran.
        let task = try fetchTask(session, id)
        let live = try session.int(liveInRoundSQL, [.int(id), .int(expired)]) ?? 0
        let mine = try session.int("SELECT 1 FROM consensus_answer WHERE task = $1 AND username = $2", [.int(id), .text(user)]) != nil
        guard ConsensusRound.applies(consensus: n, stage: task.stage, assignee: task.assignee), live < n, !mine else { return .passed(id) }
        try holdInRound(session, id, user, at: time)
        return .claimed(try fetchTask(session, id))
    }
}
