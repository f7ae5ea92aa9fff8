internal import DomainModel
public import RPCProtobuf

/// Tables of statistics responses.
public enum StatisticsRendering {
    public typealias Counts = Motcua_Statistics_V1_Counts

    /// `Tỉnh Điện Biên (11)`.
    static func unitLabel(_ unit: Motcua_Statistics_V1_UnitRef?) -> String {
        guard let unit else { return "" }
        return unit.name.isEmpty ? unit.code : "\(unit.name) (\(unit.code))"
    }

    // MARK: - Report

    /// The report columns (short English headers; docs/cli.md gives the Vietnamese report terms).
    static let countColumns: [Table.Column] = [
        .number("CARRIED"), .number("ONLINE"), .number("DIRECT"), .number("POSTAL"), .number("NEW"),
        .number("TO HANDLE"), .number("EARLY"), .number("ON TIME"), .number("LATE"), .number("RESOLVED"),
        .number("RETURNED"), .number("WITHIN"), .number("OVERDUE"), .number("IN PROGRESS"), .number("ONLINE %"),
        .number("ON TIME %"),
    ]

    static func countCells(_ counts: Counts?) -> [String] {
        let counts = counts ?? Counts()
        return [
            counts.carriedOver, counts.newOnline, counts.newDirect, counts.newPostal, counts.newTotal, counts.toHandle,
            counts.resolvedEarly, counts.resolvedOnTime, counts.resolvedLate, counts.resolvedTotal, counts.returned,
            counts.inProgressWithin, counts.inProgressOverdue, counts.inProgressTotal,
        ].map { String($0) } + [Format.rate(counts.onlineRate), Format.rate(counts.onTimeRate)]
    }

    /// The report: a header line, then the rows with a total row, or the total alone as a list.
    public static func report(_ report: Motcua_Statistics_V1_Report) -> String {
        var header = "\(Self.unitLabel(report.unit)), \(Format.period(report.period))"
        if report.breakdown.rawValue != 0 { header += ", by \(report.breakdown.token)" }
        header += " (feed sequence \(report.asOfSequence))\n\n"
        guard !report.rows.isEmpty || report.breakdown.rawValue != 0 else {
            return header + Self.countsList(report.total)
        }
        var table = Table([Table.Column(Self.rowHeader(report.breakdown), maxWidth: 36)] + Self.countColumns)
        for row in report.rows {
            var label = row.label.isEmpty ? row.key : row.label
            if row.kind == .unitItself { label += " (itself)" }
            table.add([label] + Self.countCells(row.counts))
        }
        table.addTotal(["Total"] + Self.countCells(report.total))
        return header + table.render()
    }

    static func rowHeader(_ breakdown: Motcua_Statistics_V1_Breakdown) -> String {
        switch breakdown {
        case .childUnit: "UNIT"
        case .field: "FIELD"
        case .onlineLevel: "ONLINE LEVEL"
        case .onlineScheme: "SCHEME"
        default: ""
        }
    }

    /// Every column of one `Counts`, with the report's Vietnamese terms.
    public static func countsList(_ counts: Counts?) -> String {
        let counts = counts ?? Counts()
        var list = DetailList()
        let entries: [(String, String)] = [
            ("Carried over (kỳ trước chuyển qua)", String(counts.carriedOver)),
            (
                "New online (trực tuyến)",
                "\(counts.newOnline)" + (counts.newAssisted > 0 ? " (\(counts.newAssisted) typed in by staff)" : "")
            ),
            ("New at a desk (trực tiếp)", String(counts.newDirect)),
            ("New by post (bưu chính)", String(counts.newPostal)),
            ("New in the period (mới tiếp nhận)", String(counts.newTotal)),
            ("To handle (tổng số)", String(counts.toHandle)),
            ("Resolved early (trước hạn)", String(counts.resolvedEarly)),
            ("Resolved on time (đúng hạn)", String(counts.resolvedOnTime)),
            ("Resolved late (quá hạn)", "\(counts.resolvedLate) (\(counts.resolvedLateWithApology) with an apology)"),
            ("Resolved (đã giải quyết)", String(counts.resolvedTotal)),
            ("Returned or withdrawn (trả lại/rút)", String(counts.returned)),
            ("In progress, within time (trong hạn)", String(counts.inProgressWithin)),
            ("In progress, overdue (quá hạn)", String(counts.inProgressOverdue)),
            ("In progress (đang giải quyết)", String(counts.inProgressTotal)),
            ("Online rate", Format.rate(counts.onlineRate)),
            ("On-time rate", Format.rate(counts.onTimeRate)),
        ]
        for (label, value) in entries { list.add(label, value, always: true) }
        return list.render()
    }

    // MARK: - Unit activity

    /// The units with their counts and flags, then how many received nothing and which.
    public static func activity(_ response: Motcua_Statistics_V1_ListUnitActivityResponse) -> String {
        var text = "\(Self.unitLabel(response.parent)), \(Format.period(response.period))\n\n"
        if !response.units.isEmpty {
            var table = Table([
                .init("CODE"), .init("NAME", maxWidth: 32), .number("NEW"), .number("ONLINE"), .number("DIRECT"),
                .number("POSTAL"), .number("TO HANDLE"), .number("RESOLVED"), .number("OVERDUE"), .number("ONLINE %"),
                .number("ON TIME %"), .init("FLAGS"),
            ])
            for unit in response.units {
                let counts = unit.counts ?? Counts()
                var flags: [String] = []
                if unit.noDossier {
                    flags.append("no dossier")
                } else if unit.noOnlineDossier {
                    flags.append("no online")
                }
                if unit.idle { flags.append("idle") }
                table.add([
                    unit.unit?.code ?? "", unit.unit?.name ?? "", String(counts.newTotal), String(counts.newOnline),
                    String(counts.newDirect), String(counts.newPostal), String(counts.toHandle),
                    String(counts.resolvedTotal), String(counts.inProgressOverdue), Format.rate(counts.onlineRate),
                    Format.rate(counts.onTimeRate), flags.joined(separator: ", "),
                ])
            }
            let parent = response.parentCounts ?? Counts()
            table.addTotal([
                "", "Total", String(parent.newTotal), String(parent.newOnline), String(parent.newDirect),
                String(parent.newPostal), String(parent.toHandle), String(parent.resolvedTotal),
                String(parent.inProgressOverdue), Format.rate(parent.onlineRate), Format.rate(parent.onTimeRate), "",
            ])
            text += table.render() + "\n"
        }
        let noun = Self.levelNoun(response.units.first?.unit?.level, count: Int(response.unitCount))
        text +=
            "\(response.withoutDossierCount) of \(response.unitCount) \(noun) received no dossier; "
            + "\(response.withoutOnlineDossierCount) received no online dossier; \(response.idleCount) had nothing to handle.\n"
        let silent = response.units.filter(\.noDossier)
        if !silent.isEmpty {
            text +=
                "No dossier: "
                + silent.map { "\($0.unit?.name ?? "") (\($0.unit?.code ?? ""))" }.joined(separator: ", ") + ".\n"
        }
        return text
    }

    static func levelNoun(_ level: Motcua_Catalog_V1_UnitLevel?, count: Int) -> String {
        let word: String
        switch level {
        case .commune?: word = "commune"
        case .district?: word = "district"
        case .province?: word = "province"
        default: word = "unit"
        }
        return count == 1 ? word : word + "s"
    }

    // MARK: - Time series

    /// One row per bucket with a bar of new dossiers, and a total row.
    public static func series(_ response: Motcua_Statistics_V1_GetTimeSeriesResponse) -> String {
        let text =
            "\(Self.unitLabel(response.unit)), \(Format.period(response.period)), per \(response.granularity.token) "
            + "(feed sequence \(response.asOfSequence))\n\n"
        var table = Table([
            .init("FROM"), .init("TO"), .number("ONLINE"), .number("DIRECT"), .number("POSTAL"), .number("ASSISTED"),
            .number("NEW"), .number("RESOLVED"), .number("LATE"), .number("RETURNED"), .number("IN PROGRESS"),
            .number("ONLINE %"), .init("NEW DOSSIERS"),
        ])
        let largest = response.points.map(\.newTotal).max() ?? 0
        var total = Motcua_Statistics_V1_TimeSeriesPoint()
        for point in response.points {
            let last = point.end?.civilDate.map { Format.date($0.adding(days: -1)) } ?? Format.date(point.end)
            let bar =
                largest == 0
                ? "" : String(repeating: "█", count: Int((Double(point.newTotal) / Double(largest) * 20).rounded()))
            table.add([
                Format.date(point.start), last, String(point.newOnline), String(point.newDirect),
                String(point.newPostal),
                String(point.newAssisted), String(point.newTotal), String(point.resolvedTotal),
                String(point.resolvedLate),
                String(point.returned), String(point.inProgressTotal), Format.rate(point.onlineRate), bar,
            ])
            total.newOnline += point.newOnline
            total.newDirect += point.newDirect
            total.newPostal += point.newPostal
            total.newAssisted += point.newAssisted
            total.newTotal += point.newTotal
            total.resolvedTotal += point.resolvedTotal
            total.resolvedLate += point.resolvedLate
            total.returned += point.returned
        }
        let rate = total.newTotal == 0 ? 0 : Double(total.newOnline) / Double(total.newTotal)
        table.addTotal([
            "Total", "", String(total.newOnline), String(total.newDirect), String(total.newPostal),
            String(total.newAssisted),
            String(total.newTotal), String(total.resolvedTotal), String(total.resolvedLate), String(total.returned),
            String(response.points.last?.inProgressTotal ?? 0), Format.rate(rate), "",
        ])
        return text + table.render()
    }

    // MARK: - Service index

    /// The Decision 766 indicators with their points, a total row, and what is not supported.
    public static func serviceIndex(_ index: Motcua_Statistics_V1_ServiceIndex) -> String {
        var text =
            "\(Self.unitLabel(index.unit)), \(Format.period(index.period)), Decision 766/QĐ-TTg "
            + "(feed sequence \(index.asOfSequence))\n\n"
        var table = Table([
            .init("CODE"), .init("INDICATOR", maxWidth: 50), .number("NUMERATOR"), .number("DENOMINATOR"),
            .number("RATE"),
            .number("THRESHOLD"), .number("POINTS"), .number("MAX"),
        ])
        for indicator in index.indicators {
            table.add([
                indicator.code, indicator.name, String(indicator.numerator), String(indicator.denominator),
                Format.rate(indicator.rate), Format.rate(indicator.threshold), Format.decimal(indicator.points),
                Format.decimal(indicator.maxPoints),
            ])
        }
        table.addTotal(["", "Total", "", "", "", "", Format.decimal(index.points), Format.decimal(index.maxPoints)])
        text += table.render()
        if !index.notSupported.isEmpty {
            text += "\nNot computed:\n" + index.notSupported.map { "  \($0)\n" }.joined()
        }
        return text
    }

    // MARK: - Adoption gaps

    /// The communes by gap, each followed by its procedures.
    public static func adoptionGaps(_ response: Motcua_Statistics_V1_GetAdoptionGapsResponse) -> String {
        let text =
            "\(Self.unitLabel(response.unit)), \(Format.period(response.period)): dossiers of online-capable "
            + "procedures filed in person (feed sequence \(response.asOfSequence))\n\n"
        var table = Table([
            .number("RANK"), .init("COMMUNE / PROCEDURE", maxWidth: 56), .number("IN PERSON"), .number("ONLINE"),
            .number("ONLINE SHARE"), .number("NEW"),
        ])
        for commune in response.communes {
            table.add([
                String(commune.rank), Self.unitLabel(commune.unit), String(commune.inPersonOnlineCapable),
                String(commune.online), Format.rate(commune.onlineShare), String(commune.newTotal),
            ])
            for procedure in commune.procedures {
                let name =
                    procedure.procedureName.isEmpty
                    ? procedure.procedureCode : "\(procedure.procedureCode) \(procedure.procedureName)"
                table.add(["", "  ↳ " + name, String(procedure.inPerson), String(procedure.online), "", ""])
            }
        }
        table.addTotal(["", "Total", String(response.totalInPersonOnlineCapable), "", "", ""])
        return text + table.render()
    }

    // MARK: - Feed status

    /// Where the feed consumer stands.
    public static func feedStatus(_ status: Motcua_Statistics_V1_FeedStatus) -> String {
        var list = DetailList()
        list.add("State", status.state.token, always: true)
        let behind =
            status.headSequence > status.appliedSequence
            ? " (\(status.headSequence - status.appliedSequence) behind)" : ""
        list.add("Applied sequence", "\(status.appliedSequence)\(behind)", always: true)
        list.add("Feed head", status.headSequence == 0 ? "unknown" : String(status.headSequence), always: true)
        list.add("Submission service", status.submissionAddress)
        list.add("Events applied", String(status.eventsApplied), always: true)
        list.add("Connections", String(status.connections), always: true)
        list.add("Last applied", Format.dateTime(status.lastAppliedAt, seconds: true))
        list.add("Dossiers known", String(status.dossiers), always: true)
        list.add("Last error", status.lastError)
        return list.render()
    }
}
