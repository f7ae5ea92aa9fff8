import DomainModel

/// The hand-computed scenario of commune 03162 (Nậm Kè) around the period [2022-01-10, 2022-01-20), plus a few
/// dossiers of commune 03157 (Chung Chải) and one of the district 096 itself.
///
/// | dossier | channel         | received | appointment | what happens                                              | in the period           |
/// |---------|-----------------|----------|-------------|-----------------------------------------------------------|-------------------------|
/// | D01     | direct          | 01-05    | 01-12       | resolved 01-11                                            | carried over, early     |
/// | D02     | online          | 01-11    | 01-14       | apology 01-14 (new date 01-18), resolved 01-15            | late with apology       |
/// | D03     | postal          | 01-12    | 01-20       | withdrawn 01-13                                           | returned                |
/// | D04     | direct          | 01-12    | 01-18       | still open                                                | in progress, overdue    |
/// | D05     | online assisted | 01-15    | 01-25       | still open                                                | in progress, within     |
/// | D06     | direct          | 01-10    | 01-13       | resolved 01-13                                            | on time                 |
/// | D07     | direct          | 01-10    | 01-12       | resolved 01-14, no apology                                | late without apology    |
/// | D08     | direct          | 01-10    | 01-14→01-19 | supplement 01-12…01-17 (3 working days), resolved 01-19    | on time (766: on time)  |
/// | D09     | direct          | 01-10    | 01-14       | two supplements (same day each), resolved 01-13            | early (766: late)       |
/// | D10     | direct          | 01-03    | 01-07       | resolved 01-05                                            | nothing (before)        |
/// | D11     | direct          | 01-22    | 01-28       | open                                                      | nothing (after)         |
/// | D12     | online          | 01-16    | 01-20       | rejected 01-16                                            | returned                |
/// | D13     | direct          | 01-10    | 01-12       | supplement requested 01-11, pending                       | in progress, overdue (766: on time) |
///
/// Expected for 03162 over [01-10, 01-20): carried over 1; new online 3 (assisted 1), direct 6, postal 1; resolved
/// early 2, on time 2, late with apology 1, late without 1; returned 2; in progress within 1, overdue 2. 766: 11
/// handled, late D02, D04, D07, D09 → 7 on time.
enum CommuneScenario {
    static let from = jan(10)
    static let to = jan(20)

    static func script() -> FeedScript {
        let feed = FeedScript()
        let d01 = feed.receive("03162-220105-0001", on: jan(5), due: jan(12))
        let d02 = feed.receive("03162-220111-0001", level: 4, scheme: .fullProcess, channel: .online, on: jan(11), due: jan(14))
        let d03 = feed.receive("03162-220112-0001", channel: .postal, on: jan(12), due: jan(20))
        feed.receive("03162-220112-0002", on: jan(12), due: jan(18))  // D04
        feed.receive("03162-220115-0001", level: 3, scheme: .partial, channel: .online, assisted: true, on: jan(15), due: jan(25))  // D05
        let d06 = feed.receive("03162-220110-0001", on: jan(10), due: jan(13))
        let d07 = feed.receive("03162-220110-0002", on: jan(10), due: jan(12))
        let d08 = feed.receive("03162-220110-0003", on: jan(10), due: jan(14))
        let d09 = feed.receive("03162-220110-0004", on: jan(10), due: jan(14))
        let d10 = feed.receive("03162-220103-0001", on: jan(3), due: jan(7))
        feed.receive("03162-220122-0001", on: jan(22), due: jan(28))  // D11
        let d12 = feed.receive("03162-220116-0001", level: 3, scheme: .partial, channel: .online, on: jan(16), due: jan(20))
        let d13 = feed.receive("03162-220110-0005", on: jan(10), due: jan(12))

        d01.startProcessing().resolve(on: jan(11))
        d02.accept().startProcessing().apologise().resolve(on: jan(15)).returnResult()
        d03.withdraw(on: jan(13))
        d06.startProcessing().resolve(on: jan(13))
        d07.startProcessing().resolve(on: jan(14))
        d08.startProcessing().requestSupplement(on: jan(12)).receiveSupplement(newDue: jan(19)).resolve(on: jan(19))
        d09.startProcessing().requestSupplement(on: jan(11)).receiveSupplement(newDue: nil)
            .requestSupplement(on: jan(12)).receiveSupplement(newDue: nil).resolve(on: jan(13))
        d10.startProcessing().resolve(on: jan(5))
        d12.reject(on: jan(16))
        d13.requestSupplement(on: jan(11))
        return feed
    }

    static var expected: ReportCounts {
        var counts = ReportCounts()
        counts.carriedOver = 1
        counts.newOnline = 3
        counts.newDirect = 6
        counts.newPostal = 1
        counts.newAssisted = 1
        counts.resolvedEarly = 2
        counts.resolvedOnTime = 2
        counts.resolvedLateWithApology = 1
        counts.resolvedLateWithoutApology = 1
        counts.returned = 2
        counts.inProgressWithin = 1
        counts.inProgressOverdue = 2
        return counts
    }

    /// Commune 03157: one dossier carried over and still open, one online resolved early, one stopped; and one
    /// dossier received by the district 096 itself.
    static func neighbours(after feed: FeedScript) {
        feed.receive("03157-211220-0001", unit: "03157", on: day(12, 20, year: 2021), due: jan(4)).startProcessing()
        feed.receive("03157-220111-0001", unit: "03157", level: 4, scheme: .fullProcess, channel: .online, on: jan(11), due: jan(17))
            .accept().startProcessing().resolve(on: jan(12))
        feed.receive("03157-220113-0001", unit: "03157", on: jan(13), due: jan(24)).startProcessing().stop(on: jan(14))
        feed.receive("096-220114-0001", unit: "096", procedure: "P-DD-01", field: "Đất đai", on: jan(14), due: jan(28))
    }
}
