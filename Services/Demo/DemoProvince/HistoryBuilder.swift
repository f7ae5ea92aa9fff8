import DomainModel

/// Writes one dossier's history: acceptance, processing, supplements, payments, then an outcome (resolved early, on
/// time or late with or without an apology; rejected, withdrawn, stopped; or left open), at plausible office times.
/// Every step is applied to a ``DossierWorkflow`` (the state machine the submission service replays on import) as it
/// is written, so the history is valid and its outcome (appointment date, status, end of processing) is known.
struct HistoryBuilder {
    enum Outcome {
        case resolved, rejected, withdrawn, stopped, open
    }

    enum Timing {
        case early, onTime, late
    }

    let calendar: WorkingCalendar
    let cutoff: UnixInstant
    var workflow: DossierWorkflow
    var steps: [DemoProvince.Step] = []
    var last: UnixInstant
    /// Set once a step would fall after the cutoff: nothing more is written.
    var truncated = false
    var paid = false
    let sourceLabel: String

    // MARK: - One dossier

    static func build(
        _ draft: Generator.Draft, calendar: WorkingCalendar, cutoff: UnixInstant, random: inout SplitMix64
    ) throws -> DemoProvince.Dossier {
        let due: DueDate
        do {
            due = try calendar.dueDate(receivedAt: draft.receivedAt, deadline: draft.procedure.deadline)
        } catch {
            throw DemoProvince.PlanError(message: "\(draft.procedure.code) received \(draft.receivedAt): \(error.message)")
        }
        var builder = HistoryBuilder(
            calendar: calendar, cutoff: cutoff,
            workflow: DossierWorkflow(channel: draft.channel, receivedAt: draft.receivedAt, due: due),
            last: draft.receivedAt, sourceLabel: "\(draft.unit.code) \(draft.procedure.code) \(draft.receivedAt)")
        try builder.write(draft, random: &random)

        let urban = draft.unit.type != .commune
        let person = DemoNames.person(urban: urban, random: &random)
        let applicant = DemoProvince.Applicant(
            fullName: person.name, idNumber: person.idNumber, phone: DemoNames.phone(random: &random),
            address: Self.address(unit: draft.unit, random: &random))
        let receivedBy = draft.channel == .online && !draft.assisted ? "portal" : Self.desk(draft.unit)
        let state = builder.workflow
        return DemoProvince.Dossier(
            sourceID: "", code: "", procedureCode: draft.procedure.code, unitCode: draft.unit.code, channel: draft.channel,
            assistedByStaff: draft.assisted, applicant: applicant, receivedAt: draft.receivedAt, receivedBy: receivedBy,
            steps: builder.steps, receivedOn: VietnamTime.date(of: draft.receivedAt), dueDate: state.dueDate, status: state.status,
            finishedOn: state.finishedAt.map(VietnamTime.date(of:)), apologies: state.apologies,
            supplementRequests: state.supplementRequests, paid: builder.paid)
    }

    static func desk(_ unit: DemoProvince.Unit) -> String { "DEMO:mc-\(unit.code)" }
    static func officer(_ unit: DemoProvince.Unit) -> String { "DEMO:cb-\(unit.code)" }

    static func address(unit: DemoProvince.Unit, random: inout SplitMix64) -> String {
        let place = unit.level == .commune ? random.pick(DemoNames.villages) + ", " + unit.name : unit.name
        return place + ", tỉnh Điện Biên"
    }

    static let rejectReasons = [
        "Hồ sơ không thuộc thẩm quyền giải quyết", "Thành phần hồ sơ không đúng quy định", "Tệp đính kèm không đọc được",
        "Nộp trùng hồ sơ đã tiếp nhận",
    ]
    static let supplementNotes = [
        "Bổ sung bản sao giấy khai sinh", "Bổ sung giấy xác nhận cư trú", "Thiếu chữ ký của người yêu cầu",
        "Bổ sung bản chính để đối chiếu", "Bổ sung trích lục bản đồ địa chính", "Ảnh chụp không rõ, nộp lại bản giấy",
    ]
    static let stopReasons = [
        "Người yêu cầu không bổ sung hồ sơ theo thông báo", "Có tranh chấp, chuyển hòa giải",
        "Không đủ điều kiện theo quy định",
    ]
    static let apologyReasons = [
        "Chờ xác minh của cơ quan liên quan", "Cán bộ thụ lý đi công tác", "Chờ kết quả đo đạc thực địa",
        "Phải lấy ý kiến của các phòng chuyên môn",
    ]

    /// Writes the steps of the draft's history.
    mutating func write(_ draft: Generator.Draft, random: inout SplitMix64) throws {
        let unit = draft.unit
        let desk = Self.desk(unit)
        let officer = Self.officer(unit)
        let outcome: Outcome
        let inPerson = draft.channel == .direct
        let rejected = !inPerson && random.chance(0.04)
        let draw = random.unit()
        if rejected {
            outcome = .rejected
        } else if draw < 0.012 {
            outcome = .withdrawn
        } else if draw < 0.018 {
            outcome = .stopped
        } else if draw < 0.024 {
            outcome = .open
        } else {
            outcome = .resolved
        }
        let timingDraw = random.unit()
        let timing: Timing = timingDraw < 0.72 ? .early : timingDraw < 0.89 ? .onTime : .late
        let supplements = random.chance(0.09) ? (random.chance(0.12) ? 2 : 1) : 0
        let lateLimit = unit.level == .commune ? 5 : 12

        // Online and postal dossiers wait for the desk's check; desk filings are accepted on the spot.
        if !inPerson {
            let checked = self.laterWorkingTime(after: self.last, minutes: 20...300, random: &random)
            if outcome == .rejected {
                try self.add(.reject, at: checked, actor: desk, note: random.pick(Self.rejectReasons))
                return
            }
            try self.add(.accept, at: checked, actor: desk)
        }
        try self.add(.startProcessing, at: self.laterWorkingTime(after: self.last, minutes: 10...200, random: &random), actor: officer)

        // Fees of district and provincial procedures are often paid after a request.
        if draft.procedure.feeVND > 0 && unit.level != .commune && random.chance(0.3) {
            try self.add(
                .requestPayment, at: self.laterWorkingTime(after: self.last, minutes: 30...240, random: &random), actor: officer,
                note: "Đề nghị nộp phí, lệ phí theo quy định")
            let method: PaymentMethod =
                draft.channel == .online && draft.procedure.onlineLevel == 4 && random.chance(0.7)
                ? (random.chance(0.5) ? .onlineNationalPortal : .onlineProvincialPortal) : .atDesk
            let day = try self.workingDay(after: self.day(of: self.last), within: 0...2, random: &random)
            try self.add(
                .recordPayment(Payment(method: method, amountVND: draft.procedure.feeVND)),
                at: self.time(on: day, minutes: 480...990, random: &random), actor: method == .atDesk ? desk : "portal")
            self.paid = self.paid || !self.truncated
        }

        for index in 0..<supplements {
            let requestDay = try self.dayBeforeDue(random: &random)
            try self.add(
                .requestSupplement, at: self.time(on: requestDay, minutes: 480...990, random: &random), actor: officer,
                note: random.pick(Self.supplementNotes))
            let lastOne = index == supplements - 1
            if lastOne && outcome == .open { return }  // the citizen never came back
            if lastOne && outcome == .withdrawn && random.chance(0.5) {
                let day = try self.workingDay(after: requestDay, within: 1...5, random: &random)
                try self.add(.withdraw, at: self.time(on: day, minutes: 480...990, random: &random), actor: desk, note: "Công dân xin rút hồ sơ")
                return
            }
            let back = try self.workingDay(after: requestDay, within: 1...5, random: &random)
            try self.add(.receiveSupplement, at: self.time(on: back, minutes: 450...1000, random: &random), actor: desk)
        }

        switch outcome {
        case .rejected, .resolved:
            break
        case .withdrawn:
            let day = try self.dayBeforeDue(random: &random)
            try self.add(.withdraw, at: self.time(on: day, minutes: 480...990, random: &random), actor: desk, note: "Công dân xin rút hồ sơ")
            return
        case .stopped:
            let day = try self.dayBeforeDue(random: &random)
            try self.add(
                .stopProcessing, at: self.time(on: day, minutes: 480...990, random: &random), actor: officer,
                note: random.pick(Self.stopReasons))
            return
        case .open:
            return  // stuck at the competent office: open, and overdue once its appointment passes
        }

        // Resolved: before, on or after the appointment date as moved by the supplements.
        let due = self.workflow.dueDate
        let current = self.day(of: self.last)
        var resolveDay: CivilDate
        switch timing {
        case .early where current < due:
            let candidates = self.workingDays(from: current, before: due)
            resolveDay = candidates.isEmpty ? due : random.pick(candidates)
        case .early, .onTime:
            resolveDay = due >= current ? due : try self.calendar.workingDay(number: 1, after: current)
        case .late:
            resolveDay = try self.calendar.workingDay(number: random.int(1...lateLimit), after: max(due, current))
        }
        if resolveDay > due && random.chance(0.45) {
            // Late: an apology letter (Mẫu 04) on the appointment date, promising the day it will in fact be resolved.
            if !self.calendar.isWorkingDay(resolveDay) { resolveDay = try self.calendar.firstWorkingDay(onOrAfter: resolveDay) }
            let issued = max(due, current)
            try self.add(
                .issueApology(Apology(newDate: resolveDay, reason: random.pick(Self.apologyReasons))),
                at: self.time(on: issued, minutes: 840...990, random: &random), actor: officer)
        }
        try self.add(.resolve, at: self.time(on: resolveDay, minutes: 480...990, random: &random), actor: officer)
        if random.chance(0.9) {
            let day = try self.workingDay(after: resolveDay, within: 0...3, random: &random)
            try self.add(.returnResult, at: self.time(on: day, minutes: 450...1005, random: &random), actor: desk)
        }
    }

    // MARK: - Steps and times

    /// Applies a step to the workflow and records it; a step after the cutoff ends the history there.
    mutating func add(_ action: DossierAction, at proposed: UnixInstant, actor: String, note: String = "") throws {
        guard !self.truncated else { return }
        let at = max(proposed, self.last)
        guard at <= self.cutoff else {
            self.truncated = true
            return
        }
        do {
            _ = try self.workflow.apply(action, at: at, calendar: self.calendar)
        } catch {
            throw DemoProvince.PlanError(message: "demo history of \(self.sourceLabel): \(action) at \(at): \(error.message)")
        }
        self.steps.append(DemoProvince.Step(action: action, at: at, actor: actor, note: note))
        self.last = at
    }

    func day(of instant: UnixInstant) -> CivilDate { VietnamTime.date(of: instant) }

    func minuteOfDay(_ instant: UnixInstant) -> Int {
        Int((instant.seconds - VietnamTime.startOfDay(self.day(of: instant)).seconds) / 60)
    }

    /// A time on `day` within the minutes of the day, and a little after the last step when that was the same day.
    func time(on day: CivilDate, minutes: ClosedRange<Int>, random: inout SplitMix64) -> UnixInstant {
        let proposed = VietnamTime.startOfDay(day).adding(seconds: Int64(random.int(minutes)) * 60 + Int64(random.int(0...59)))
        guard day == self.day(of: self.last), proposed <= self.last else { return proposed }
        return self.last.adding(seconds: Int64(random.int(5...90)) * 60)
    }

    /// Some minutes after `instant` when that is still office hours of a working day, else the next working morning.
    func laterWorkingTime(after instant: UnixInstant, minutes: ClosedRange<Int>, random: inout SplitMix64) -> UnixInstant {
        let day = self.day(of: instant)
        let minute = self.minuteOfDay(instant) + random.int(minutes)
        if self.calendar.isWorkingDay(day) && minute <= 17 * 60 {
            return VietnamTime.startOfDay(day).adding(seconds: Int64(minute) * 60 + Int64(random.int(0...59)))
        }
        let next = (try? self.calendar.workingDay(number: 1, after: day)) ?? day.adding(days: 1)
        return VietnamTime.startOfDay(next).adding(seconds: Int64(random.int(450...540)) * 60 + Int64(random.int(0...59)))
    }

    /// `day` itself (0) or its n-th next working day, n drawn from `within`.
    func workingDay(after day: CivilDate, within: ClosedRange<Int>, random: inout SplitMix64) throws -> CivilDate {
        let count = random.int(within)
        guard count > 0 else { return day }
        return try self.calendar.workingDay(number: count, after: day)
    }

    /// A working day from the last step's day to the day before the appointment date (the last step's day when there
    /// is none).
    func dayBeforeDue(random: inout SplitMix64) throws -> CivilDate {
        let current = self.day(of: self.last)
        let candidates = self.workingDays(from: current, before: self.workflow.dueDate)
        return candidates.isEmpty ? current : random.pick(candidates)
    }

    /// Working days `d` with `from <= d < end`.
    func workingDays(from: CivilDate, before end: CivilDate) -> [CivilDate] {
        var days: [CivilDate] = []
        var day = from
        while day < end {
            if self.calendar.isWorkingDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }
}
