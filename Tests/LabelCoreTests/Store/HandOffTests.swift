import Foundation
import Synchronization
import Testing

@testable import LabelCore

/// A streamed add reads the file on one thread while the calling one writes: every item arrives
/// once and in order, no more than `depth` wait between the two, and an error on either side
/// ends both and is the one thrown.
@Suite("Store: handing batches from the reading thread to the writing one")
struct HandOffTests {
    struct Failure: Error, Equatable { let side: String }

    @Test("every item arrives once, in order, with at most `depth` waiting", arguments: [1, 3])
    func inOrderAndBounded(depth: Int) throws {
        let sent = Atomic<Int>(0)
        var received: [Int] = []
        var mostAhead = 0
        try HandOff.run(depth: depth, produce: { out in
            for i in 0..<500 {
                sent.add(1, ordering: .sequentiallyConsistent)
                try out.send(i)
            }
        }, consume: { item in
            received.append(item)
            // Sent but not yet received: the ones waiting, and at most one more being sent.
            mostAhead = max(mostAhead, sent.load(ordering: .sequentiallyConsistent) - received.count)
            if item % 50 == 0 { usleep(200) }
        })
        #expect(received == Array(0..<500))
        #expect(mostAhead <= depth + 1)
        #expect(mostAhead >= 1)
    }

    @Test("the producer's error is thrown after what it sent before was consumed")
    func producerFails() {
        var received: [Int] = []
        #expect(throws: Failure(side: "producer")) {
            try HandOff.run(produce: { out in
                try out.send(1)
                try out.send(2)
                throw Failure(side: "producer")
            }, consume: { received.append($0) })
        }
        #expect(received == [1, 2])
    }

    @Test("the consumer's error stops the producer, whose send throws, and is the one thrown")
    func consumerFails() {
        let sends = Atomic<Int>(0)
        let producerSawStop = Atomic<Bool>(false)
        #expect(throws: Failure(side: "consumer")) {
            try HandOff.run(produce: { out in
                do {
                    for i in 0..<1_000_000 {
                        sends.add(1, ordering: .relaxed)
                        try out.send(i)
                    }
                } catch is HandOff.ConsumerStopped {
                    producerSawStop.store(true, ordering: .relaxed)
                    throw HandOff.ConsumerStopped()
                }
            }, consume: { item in
                if item == 3 { throw Failure(side: "consumer") }
            })
        }
        let stopped = producerSawStop.load(ordering: .relaxed)
        let sent = sends.load(ordering: .relaxed)
        #expect(stopped)
        #expect(sent < 10)
    }

    @Test("a producer that sends nothing ends the run at once")
    func nothingSent() throws {
        var received = 0
        try HandOff.run(produce: { (_: HandOff.Outbox<Int>) in }, consume: { _ in received += 1 })
        #expect(received == 0)
    }

    @Test("the producer learns whether the consumer waits for an item or is busy with one")
    func consumerWaiting() throws {
        let gate = NSCondition()
        var released = false
        var seen: [Bool] = []
        try HandOff.run(produce: { (out: HandOff.Outbox<Int>) in
            var local: [Bool] = []
            // The consumer starts waiting as soon as it can.
            for _ in 0..<2_000 where !out.consumerIsWaiting { usleep(1_000) }
            local.append(out.consumerIsWaiting)
            try out.send(1)
            // The consumer holds item 1 until released; item 2 then waits in the channel.
            try out.send(2)
            local.append(out.consumerIsWaiting)
            gate.lock()
            released = true
            gate.broadcast()
            gate.unlock()
            try out.send(3)
            seen = local
        }, consume: { (item: Int) in
            if item == 1 {
                gate.lock()
                while !released { gate.wait() }
                gate.unlock()
            }
        })
        #expect(seen == [true, false])
    }
}
