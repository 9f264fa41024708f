import Foundation

/// Two stages of a long job on two threads: `produce` runs on a thread of its own and hands its
/// items over one by one, while the calling thread consumes them (reading and parsing a file on
/// one core while the other writes to the database). At most `depth` items wait between them, so
/// memory stays flat however many pass. Either side's error ends both: the producer's `send`
/// throws once the consumer has failed, and `run` throws the first error (the consumer's, or
/// the producer's) after the producer's thread has ended; nothing outlives the call.
enum HandOff {
    /// Thrown by `send` to a producer whose consumer has failed, so that it stops.
    struct ConsumerStopped: Error {}

    /// What the producer hands its items to.
    struct Outbox<Item: Sendable>: Sendable {
        fileprivate let channel: Channel<Item>

        /// Waits while `depth` items wait; throws `ConsumerStopped` once the consumer has failed.
        func send(_ item: Item) throws { try channel.send(item) }

        /// Whether the consumer waits for an item, idle: the item sent next had best be handed
        /// over as soon as it can be. Otherwise the consumer is busy, and the producer has time
        /// for work the consumer would do (it would wait anyway).
        var consumerIsWaiting: Bool { channel.consumerIsWaiting }
    }

    static func run<Item: Sendable>(
        depth: Int = 1,
        produce: (_ out: Outbox<Item>) throws -> Void,
        consume: (Item) throws -> Void
    ) throws {
        let channel = Channel<Item>(depth: depth)
        try withoutActuallyEscaping(produce) { produce in
            let job = Job(produce)
            let thread = Thread {
                // The closure is let go of before the end is signalled: it must not outlive `run`.
                var failure: (any Error)?
                do { try job.take()?(Outbox(channel: channel)) } catch { failure = error }
                channel.finish(failure)
            }
            // A JSON parse of deeply nested input recurses: as much stack as the main thread's.
            thread.stackSize = 8 << 20
            thread.start()
            var consumerError: (any Error)?
            while let item = channel.receive() {
                do {
                    try consume(item)
                } catch {
                    consumerError = error
                    channel.stop()
                    break
                }
            }
            let producerError = channel.waitForProducer()
            if let consumerError { throw consumerError }
            if let producerError { throw producerError }
        }
    }

    /// The producer handed to its thread, used there only while `run` waits for it, and taken
    /// out (so the thread holds it no longer) when it starts.
    private final class Job<Value>: @unchecked Sendable {
        private var value: Value?
        init(_ value: Value) { self.value = value }
        func take() -> Value? {
            defer { value = nil }
            return value
        }
    }

    fileprivate final class Channel<Item: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let depth: Int
        private var waiting: [Item] = []
        private var produced = false
        private var producerError: (any Error)?
        private var stopped = false

        init(depth: Int) { self.depth = max(1, depth) }

        /// Whether `receive` waits for an item.
        private var receiving = false

        var consumerIsWaiting: Bool {
            condition.lock()
            defer { condition.unlock() }
            return receiving
        }

        func send(_ item: Item) throws {
            condition.lock()
            defer { condition.unlock() }
            while waiting.count >= depth, !stopped { condition.wait() }
            if stopped { throw ConsumerStopped() }
            waiting.append(item)
            condition.broadcast()
        }

        /// The next item, or nil once the producer has ended and nothing waits.
        func receive() -> Item? {
            condition.lock()
            defer { condition.unlock() }
            receiving = true
            while waiting.isEmpty, !produced { condition.wait() }
            receiving = false
            guard !waiting.isEmpty else { return nil }
            let item = waiting.removeFirst()
            condition.broadcast()
            return item
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            producerError = error
            produced = true
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopped = true
            waiting.removeAll()
            condition.broadcast()
            condition.unlock()
        }

        /// Waits until the producer's thread has ended; its error, unless it only stopped
        /// because the consumer had.
        func waitForProducer() -> (any Error)? {
            condition.lock()
            defer { condition.unlock() }
            while !produced { condition.wait() }
            return producerError is ConsumerStopped ? nil : producerError
        }
    }
}
