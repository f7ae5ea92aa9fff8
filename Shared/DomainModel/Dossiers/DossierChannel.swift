/// How a dossier was received (kênh thực hiện, KenhThucHien), numbered as the national portal does.
public enum DossierChannel: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// 1 Trực tiếp: handed in at a one-stop desk.
    case direct = 1
    /// 2 Trực tuyến: submitted online through the portal (possibly typed in by desk staff).
    case online = 2
    /// 3 Bưu chính công ích: sent by the public postal service.
    case postal = 3

    /// The status a dossier starts in: the desk accepts a dossier handed in directly on the spot (it issues the
    /// receipt and appointment slip), while online and postal dossiers wait for the desk's check as ``DossierStatus/new``.
    public var initialStatus: DossierStatus {
        switch self {
        case .direct: .accepted
        case .online, .postal: .new
        }
    }

    /// English name: `direct`, `online`, `postal`.
    public var description: String {
        switch self {
        case .direct: "direct"
        case .online: "online"
        case .postal: "postal"
        }
    }
}
