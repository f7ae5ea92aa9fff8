internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

@Suite("Table rendering")
struct TableRenderingTests {
    @Test("Vietnamese letters count one column each, precomposed or decomposed")
    func vietnameseWidths() {
        let precomposed = "Xã Nậm Kè"
        let decomposed = "Xa\u{0303} Na\u{0323}\u{0302}m Ke\u{0300}"
        #expect(precomposed.utf8.count == 13)
        #expect(decomposed.unicodeScalars.count == 13)
        #expect(TextWidth.columns(precomposed) == 9)
        #expect(TextWidth.columns(decomposed) == 9)
        #expect(TextWidth.columns("Thành phố Điện Biên Phủ") == 23)
        #expect(TextWidth.columns("Đăng ký khai sinh") == 17)
    }

    @Test("Wide characters and emoji take two columns; controls none")
    func wideCharacters() {
        #expect(TextWidth.columns("越南") == 4)
        #expect(TextWidth.columns("🇻🇳") == 2)
        #expect(TextWidth.columns("👨‍👩‍👧") == 2)
        #expect(TextWidth.columns("a\u{7}b") == 2)
    }

    @Test("Cells are cut to the column's width by grapheme cluster, with an ellipsis")
    func truncation() {
        #expect(TextWidth.truncate("Đăng ký khai sinh", to: 8) == "Đăng ký…")
        #expect(TextWidth.truncate("Na\u{0323}\u{0302}m Kè", to: 3) == "Na\u{0323}\u{0302}…")
        #expect(TextWidth.truncate("short", to: 10) == "short")
        #expect(TextWidth.truncate("越南越南", to: 5) == "越南…")
    }

    @Test("Columns line up on display width; numbers are right-aligned; no trailing spaces")
    func alignment() {
        var table = Table([.init("CODE"), .init("NAME"), .number("NEW")])
        table.add(["03162", "Xã Nậm Kè", "0"])
        table.add(["03127", "Phường Him Lam", "1"])
        table.add(["03157", "Xa\u{0303} Chung Cha\u{0309}i", "12"])
        #expect(
            table.render() == """
                CODE   NAME            NEW
                -----  --------------  ---
                03162  Xã Nậm Kè         0
                03127  Phường Him Lam    1
                03157  Xa\u{0303} Chung Cha\u{0309}i    12

                """)
    }

    @Test("Total rows follow a rule; long cells are cut at maxWidth; line breaks become spaces")
    func totalsAndLimits() {
        var table = Table([.init("FIELD", maxWidth: 10), .number("PROCEDURES")])
        table.add(["Hộ tịch", "154"])
        table.add(["Đất đai và\nmôi trường", "98"])
        table.addTotal(["Total", "252"])
        #expect(
            table.render() == """
                FIELD       PROCEDURES
                ----------  ----------
                Hộ tịch            154
                Đất đai v…          98
                ----------  ----------
                Total              252

                """)
    }

    @Test("Detail lists align their labels and indent continuation lines")
    func detailList() {
        var list = DetailList()
        list.add("Code", "1.001193")
        list.add("Fees", "Lệ phí: 8.000 đ\nPhí: 2.000 đ")
        list.add("Empty", "")
        list.add("Kept", "", always: true)
        #expect(list.render() == "Code  1.001193\nFees  Lệ phí: 8.000 đ\n      Phí: 2.000 đ\nKept  \n")
    }

    @Test("Readable values: dates and times in Vietnam, rates, amounts, deadlines, periods")
    func formats() {
        #expect(Format.date(Fixtures.date(2022, 2, 9)) == "09/02/2022")
        #expect(Format.date(nil as Motcua_Catalog_V1_Date?) == "")
        // 2022-01-27T17:30:00Z is 00:30 on 28 January in Vietnam.
        #expect(Format.dateTime(.with { $0.seconds = 1_643_304_600 }) == "28/01/2022 00:30")
        #expect(Format.dateTime(.with { $0.seconds = 1_643_304_605 }, seconds: true) == "28/01/2022 00:30:05")
        #expect(Format.dateTime(.with { $0.seconds = -1 }) == "01/01/1970 06:59")
        #expect(Format.rate(0.857142) == "85.7%")
        #expect(Format.rate(0) == "0.0%")
        #expect(Format.rate(1) == "100.0%")
        #expect(Format.decimal(2.5714) == "2.57")
        #expect(Format.decimal(20) == "20")
        #expect(Format.decimal(41.6, decimals: 0) == "42")  // no decimals: a whole number (used to trap)
        #expect(Format.vnd(1_500_000) == "1.500.000 đ")
        #expect(Format.grouped(8_479) == "8,479")
        #expect(
            Format.deadline(
                .with {
                    $0.amount = 1; $0.unit = .workingDays
                }) == "1 working day")
        #expect(
            Format.deadline(
                .with {
                    $0.amount = 24; $0.unit = .hours
                }) == "24 hours")
        #expect(Format.period(Fixtures.period) == "01/01/2022 – 16/02/2022")
    }

    @Test("The progress bar shows done, total and percent, and is drawn only on a terminal")
    func progressBar() {
        #expect(
            ProgressBar.render(label: "Importing", done: 600, total: 1764, width: 10)
                == "Importing [███░░░░░░░]  600/1764  34%")
        #expect(ProgressBar.render(label: "x", done: 0, total: 0, width: 4) == "x [████] 0/0 100%")
        let terminal = Console.capturing(terminal: true)
        let bar = ProgressBar(console: terminal, label: "Importing", total: 4, enabled: terminal.errorIsTerminal)
        bar.advance(by: 2)
        bar.advance(by: 2)
        bar.finish()
        #expect(terminal.capturedError.hasPrefix("\rImporting ["))
        #expect(terminal.capturedError.hasSuffix("4/4 100%\n"))
        #expect(terminal.capturedOutput.isEmpty)
        let pipe = Console.capturing(terminal: false)
        let silent = ProgressBar(console: pipe, label: "Importing", total: 4, enabled: pipe.errorIsTerminal)
        silent.advance(by: 4)
        silent.finish()
        #expect(pipe.capturedError.isEmpty)
    }
}
