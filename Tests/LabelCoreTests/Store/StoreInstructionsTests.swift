import Foundation
import Testing

@testable import LabelCore

@Suite("Store: the project's instructions")
struct StoreInstructionsTests {
    @Test("instructions are kept in the settings; each user's reading is kept until the text changes")
    func seenPerUserUntilChanged() throws {
        try withTemporaryDirectory { dir in
            let store = try makeProject(in: dir)
            #expect(try store.settings().instructions == nil)
            #expect(try store.settings().instructionsUnseen(by: "ann") == false)
            try store.updateSettings { $0.instructions = "# Guide\n\nRead it all." }
            #expect(try store.settings().instructions == "# Guide\n\nRead it all.")
            #expect(try store.settings().instructionsUnseen(by: "ann") == true)
            let digest = InstructionsDigest.of("# Guide\n\nRead it all.")
            try store.updateSettings { $0.instructionsSeen["ann"] = digest }
            let reopened = try SQLiteProjectStore(directory: store.directory)
            #expect(try reopened.settings().instructionsSeen == ["ann": digest])
            #expect(try reopened.settings().instructionsUnseen(by: "ann") == false)
            #expect(try reopened.settings().instructionsUnseen(by: "bob") == true)
            try reopened.updateSettings { $0.instructions = "# Guide\n\nRead it all, twice." }
            #expect(try reopened.settings().instructionsUnseen(by: "ann") == true)
            try reopened.updateSettings { $0.instructions = nil }
            #expect(try reopened.settings().instructions == nil)
            #expect(try reopened.settings().instructionsUnseen(by: "ann") == false)
        }
    }

    @Test("the digest is the same in every process (FNV-1a of the UTF-8 bytes)")
    func digestIsStable() {
        #expect(InstructionsDigest.of("") == "cbf29ce484222325")
        #expect(InstructionsDigest.of("a") == "af63dc4c8601ec8c")
        #expect(InstructionsDigest.of("Read it all.") != InstructionsDigest.of("Read it all!"))
    }
}
