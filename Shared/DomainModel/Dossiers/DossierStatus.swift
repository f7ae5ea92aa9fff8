/// The status of a dossier, numbered as the national catalogue (trạng thái hồ sơ) that provincial systems use
/// to synchronise with the National Public Service Portal: 1 Mới đăng ký … 10 Đã trả kết quả.
public enum DossierStatus: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// 1 Mới đăng ký: submitted online or by post, not yet accepted by the desk.
    case new = 1
    /// 2 Được tiếp nhận: accepted by the one-stop desk, with a receipt and appointment slip (Mẫu 01).
    case accepted = 2
    /// 3 Không được tiếp nhận: refused at receipt (Mẫu 03).
    case rejected = 3
    /// 4 Đang xử lý: with the competent office.
    case processing = 4
    /// 5 Yêu cầu bổ sung giấy tờ: waiting for the citizen to supplement (Mẫu 02); the clock is paused.
    case supplementRequested = 5
    /// 6 Yêu cầu thực hiện nghĩa vụ tài chính: fees or taxes to be paid.
    case paymentRequested = 6
    /// 7 Công dân yêu cầu rút hồ sơ: withdrawn at the citizen's request.
    case withdrawn = 7
    /// 8 Dừng xử lý: processing stopped by the agency.
    case stopped = 8
    /// 9 Đã xử lý xong: resolved; the result waits at the desk.
    case resolved = 9
    /// 10 Đã trả kết quả: the result was returned to the citizen.
    case resultReturned = 10

    /// The Vietnamese name of the national catalogue, e.g. `Đang xử lý`.
    public var vietnameseName: String {
        switch self {
        case .new: "Mới đăng ký"
        case .accepted: "Được tiếp nhận"
        case .rejected: "Không được tiếp nhận"
        case .processing: "Đang xử lý"
        case .supplementRequested: "Yêu cầu bổ sung giấy tờ"
        case .paymentRequested: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawn: "Công dân yêu cầu rút hồ sơ"
        case .stopped: "Dừng xử lý"
        case .resolved: "Đã xử lý xong"
        case .resultReturned: "Đã trả kết quả"
        }
    }

    /// English snake-case name, e.g. `supplement_requested`.
    public var name: String {
        switch self {
        case .new: "new"
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .processing: "processing"
        case .supplementRequested: "supplement_requested"
        case .paymentRequested: "payment_requested"
        case .withdrawn: "withdrawn"
        case .stopped: "stopped"
        case .resolved: "resolved"
        case .resultReturned: "result_returned"
        }
    }

    /// Whether processing has ended: rejected, withdrawn, stopped, resolved or result returned.
    public var isFinished: Bool {
        switch self {
        case .rejected, .withdrawn, .stopped, .resolved, .resultReturned: true
        case .new, .accepted, .processing, .supplementRequested, .paymentRequested: false
        }
    }

    /// Whether no step leaves the status: rejected, withdrawn, stopped, result returned.
    public var isFinal: Bool { self.isFinished && self != .resolved }

    /// `4 (processing)`: the number and the name, as error messages show a status.
    public var description: String { "\(self.rawValue) (\(self.name))" }
}
