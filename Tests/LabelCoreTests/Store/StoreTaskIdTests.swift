import Foundation
import Testing

@testable import LabelCore

/// New taskIds look like Ango's (MongoDB ObjectIds) and ascend, so a large add appends to the
/// taskId index instead of touching a random page of it per task.
@Suite("Store: new taskIds")
struct StoreTaskIdTests {
    @Test("24 lowercase hexadecimal digits: the time in seconds, then a part of this process, then a counter; made one after another, they ascend")
    func shapeAndOrder() {
        let before = UInt32(time(nil))
        let ids = (0..<1000).map { _ in SQLiteProjectStore.newTaskId() }
        let after = UInt32(time(nil))
        for id in ids {
            #expect(id.count == 24)
            #expect(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            let seconds = UInt32(id.prefix(8), radix: 16) ?? 0
            #expect(seconds >= before && seconds <= after)
        }
        #expect(Set(ids.map { $0.dropFirst(8).prefix(10) }).count == 1)
        #expect(Set(ids).count == ids.count)
        // The 24-bit counter may wrap once in a thousand ids: at most one step down.
        #expect(zip(ids, ids.dropFirst()).filter { $0 >= $1 }.count <= 1)
    }
}
