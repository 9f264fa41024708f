import Foundation
import LabelCore
import Testing

extension EndToEnd {
    /// The bundled demo, as a new user meets it: `termlabel` with no arguments.
    @Suite struct DemoEveryTool {
        @Test func demoOpensAt80x24() throws {
            let scratch = try TemporaryDirectory()
            let tmux = try TmuxSession(
                width: 80, height: 24, environment: ["XDG_DATA_HOME": scratch.path + "/xdg"],
                command: [try Termlabel.binary(), "--user", "alice"], in: scratch.path)
            defer { tmux.kill() }

            let screen = try tmux.waitFor("the first frame") { $0.count == 24 && $0[23].contains("labeled") }
            #expect(screen[0].hasPrefix("┌ Tasks · all · 34 ─"))
            #expect(ScreenText.rightPane(screen[0]).hasPrefix("┌ review-0003 · new ─"))
            #expect(ScreenText.rightPane(screen[1]) == "│Terrible support. I called four times about the broken│")
            #expect(ScreenText.maskingTimer(screen[23])
                == ScreenText.statusLine("termlabel │ demo │ Label │ alice", "0/34 labeled │ ⏱ M:SS", width: 80))
            #expect(ScreenText.form(screen).prefix(3) == [
                "▸ Sentiment * [a] — required",
                "  › ( ) 1 Positive",
                "    ( ) 2 Neutral",
            ])
            try tmux.quit()
        }

        @Test func answeringEveryToolTypeIsExportedExactly() throws {
            let scratch = try TemporaryDirectory()
            let opened = ContinuousClock.now
            let tmux = try TmuxSession(
                width: 100, height: 30, environment: ["XDG_DATA_HOME": scratch.path + "/xdg"],
                command: [try Termlabel.binary(), "--user", "alice"], in: scratch.path)
            defer { tmux.kill() }

            var screen = try tmux.waitFor("the first frame") { $0.count == 30 && $0[29].contains("labeled") }
            #expect(ScreenText.rightPane(screen[0]).hasPrefix("┌ review-0003 · new ─"))
            #expect(ScreenText.maskingTimer(screen[29])
                == ScreenText.statusLine("termlabel │ demo │ Label │ alice", "0/34 labeled │ ⏱ M:SS", width: 100))

            // Submit with the required questions empty: refused, with the reason.
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "Cannot submit")
            #expect(screen[28] == "Cannot submit: “Sentiment” is required.")

            // Radio with a nested checkbox shown only for Negative, and a nested text shown only
            // for Shipping.
            try tmux.sendKeys("3")
            screen = try tmux.waitFor(text: "What went wrong?")
            #expect(Array(ScreenText.form(screen).prefix(10)) == [
                "▸ Sentiment * [a]",
                "    ( ) 1 Positive",
                "    ( ) 2 Neutral",
                "  › (•) 3 Negative",
                "    ( ) 4 Mixed",
                "    What went wrong? * — required",
                "      [ ] 1 Battery",
                "      [ ] 2 Price",
                "      [ ] 3 Shipping",
                "      [ ] 4 Quality",
            ])
            try tmux.sendKeys("Tab", "3")
            screen = try tmux.waitFor(text: "Days late")
            #expect(Array(ScreenText.form(screen).prefix(12)) == [
                "    (•) 3 Negative",
                "    ( ) 4 Mixed",
                "  ▸ What went wrong? *",
                "      [ ] 1 Battery",
                "      [ ] 2 Price",
                "    › [x] 3 Shipping",
                "      [ ] 4 Quality",
                "      [ ] 5 Support",
                "      Days late",
                "        (empty — Enter to type)",
                "    Confidence",
                "      ( ) 1 Sure",
            ])
            try tmux.sendKeys("Tab", "Enter", "6", "Enter")
            try tmux.waitFor(text: "› “6”")
            try tmux.sendKeys("Tab", "1")
            try tmux.waitFor(text: "(•) 1 Sure")

            // Checkbox: two options by number.
            try tmux.sendKeys("b", "1", "3")
            try tmux.waitFor(text: "[x] 3 Price")

            // Single dropdown: filter by typing, choose with Enter.
            try tmux.sendKeys("c", "Enter")
            try tmux.waitFor(text: "Language (Space or Enter chooses, Esc closes)")
            try tmux.sendText("ger")
            screen = try tmux.waitFor(text: "Filter: ger")
            #expect(Array(ScreenText.form(screen).prefix(4)) == [
                "Language (Space or Enter chooses, Esc closes)",
                "  Filter: ger",
                "› ( ) German",
                "",
            ])
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "▾ German")

            // Multi dropdown: two values, each found by filtering, toggled with Space.
            try tmux.sendKeys("d", "Enter")
            try tmux.waitFor(text: "Brands mentioned (Space toggles, Esc closes)")
            try tmux.sendText("sam")
            try tmux.waitFor(text: "› [ ] Samsung")
            try tmux.sendKeys("Space")
            try tmux.waitFor(text: "› [x] Samsung")
            try tmux.sendKeys("BSpace", "BSpace", "BSpace")
            try tmux.sendText("goo")
            try tmux.waitFor(text: "› [ ] Google")
            try tmux.sendKeys("Space")
            try tmux.waitFor(text: "› [x] Google")
            try tmux.sendKeys("Escape")
            try tmux.waitFor(text: "▾ Samsung, Google")

            // Tree dropdown: open Home, then Kitchen, choose Blenders (three levels).
            try tmux.sendKeys("e", "Enter")
            try tmux.waitFor(text: "Product category (type to filter")
            try tmux.sendKeys("Down", "Right", "Down", "Right", "Down", "Down", "Space")
            screen = try tmux.waitFor(text: "[x] Blenders")
            #expect(Array(ScreenText.form(screen).prefix(9)) == [
                "Product category (type to filter, →← open/close, Space chooses, Esc…",
                "  ▸ [ ] Electronics",
                "  ▾ [ ] Home",
                "    ▾ [ ] Kitchen",
                "        [ ] Coffee makers",
                "›       [x] Blenders",
                "    ▸ [ ] Furniture",
                "  ▸ [ ] Books",
                "",
            ])
            try tmux.sendKeys("Escape")
            try tmux.waitFor(text: "▾ Home / Kitchen / Blenders")

            // Text with a regex: a value that does not match is refused with the pattern shown,
            // and while the field is open `s` is typed, not a submit.
            try tmux.sendKeys("f", "Enter")
            try tmux.sendText("ab-12")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "does not match ^[A-Z]{2}-[0-9]{4}$")
            let order = try #require(ScreenText.form(screen).firstIndex(of: "▸ Order number [f]"), "\(TmuxSession.framed(screen))")
            #expect(Array(ScreenText.form(screen)[order...].prefix(3)) == [
                "▸ Order number [f]",
                "  ab-12",
                "  does not match ^[A-Z]{2}-[0-9]{4}$",
            ])
            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "  ab-12s")
            #expect(screen[29].contains("0/34 labeled"))
            try tmux.sendKeys("Escape")
            screen = try tmux.waitFor(text: "› (empty — Enter to type)")
            try tmux.sendKeys("Enter")
            try tmux.sendText("AB-1234")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "“AB-1234”")

            // Rank: move the first item down one place.
            try tmux.sendKeys("g", "]")
            screen = try tmux.waitFor(text: "› 2. Price")
            let rank = try #require(ScreenText.form(screen).firstIndex(of: "▸ Aspects by importance [g]"), "\(TmuxSession.framed(screen))")
            #expect(Array(ScreenText.form(screen)[rank...].prefix(5)) == [
                "▸ Aspects by importance [g]",
                "    1. Quality",
                "  › 2. Price",
                "    3. Delivery",
                "    4. Support",
            ])

            // Free text, not ASCII.
            try tmux.sendKeys("h", "Enter")
            try tmux.sendText("très bien 日本")
            try tmux.sendKeys("Enter")
            screen = try tmux.waitFor(text: "› “très bien 日本”")
            #expect(ScreenText.box("Form", in: screen).first?.hasPrefix("┌ Form · ready to submit ─") == true)

            try tmux.sendKeys("s")
            screen = try tmux.waitFor(text: "1/34 labeled")
            let submitted = ContinuousClock.now
            #expect(screen[28] == "review-0003 submitted → Complete.")
            try tmux.quit()

            let export = try Termlabel.export(scratch.path + "/xdg/termlabel/demo", in: scratch)
            #expect(export.count == 1)
            let asset = try ExportReading.asset("review-0003", in: export)
            let task = try #require(asset["task"])
            let classifications = try #require(task["classifications"]?.arrayValue)
            typealias A = ExportReading
            let expected: [JSONValue] = [
                A.answer("q-sentiment", "radio", "Sentiment", "Negative", [
                    A.answer("q-wrong", "checkbox", "What went wrong?", ["Shipping"], [
                        A.answer("q-days-late", "text", "Days late", "6"),
                    ]),
                    A.answer("q-confidence", "radio", "Confidence", "Sure"),
                ]),
                A.answer("q-topics", "checkbox", "Topics", ["Battery", "Price"]),
                A.answer("q-language", "single-dropdown", "Language", "German"),
                A.answer("q-brands", "multi-dropdown", "Brands mentioned", ["Samsung", "Google"]),
                A.answer("q-category", "tree-dropdown", "Product category", ["Home / Kitchen / Blenders"]),
                A.answer("q-order", "text", "Order number", "AB-1234"),
                A.answer("q-aspects", "rank", "Aspects by importance", ["Quality", "Price", "Delivery", "Support"]),
                A.answer("q-notes", "text", "Notes", "très bien 日本"),
            ]
            #expect(A.stable(classifications) == expected)

            let objects = A.flattened(classifications)
            #expect(objects.count == 11)
            for object in objects {
                let schemaId = object["schemaId"]?.stringValue ?? "?"
                #expect(A.isObjectId(object["objectId"]), "objectId of \(schemaId): \(String(describing: object["objectId"]))")
                let metadata = object["metadata"]?.objectValue ?? [:]
                #expect(metadata["createdBy"] == "alice", "metadata of \(schemaId): \(metadata)")
                #expect(metadata["createdIn"] == "Label", "metadata of \(schemaId): \(metadata)")
                #expect(metadata["createdAt"]?.stringValue.flatMap(Timestamp.init(iso8601:)) != nil, "metadata of \(schemaId): \(metadata)")
            }
            #expect(Set(objects.compactMap { $0["objectId"]?.stringValue }).count == objects.count, "objectIds are unique")

            #expect(task["stage"] == "Complete")
            #expect(task["updatedBy"] == "alice")
            let history = try #require(task["stageHistory"]?.arrayValue)
            #expect(history.map { $0["stage"] } == ["Start", "Label"])
            let label = history[1]
            #expect(label["completedBy"] == "alice")
            #expect(label["completedAt"]?.stringValue.flatMap(Timestamp.init(iso8601:)) != nil)
            #expect(A.stable(label["classifications"]?.arrayValue ?? []) == expected)
            let total = try #require(task["totalDuration"]?.intValue)
            let wall = (submitted - opened).milliseconds
            #expect(total > 0 && total <= wall, "totalDuration \(total) ms, wall time from launch to submit seen \(wall) ms")
            #expect(label["duration"]?.intValue == total)
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
