/// The 2022 classification of online public services (Decree 42/2022/NĐ-CP, Art. 11(1)).
public enum OnlineScheme: String, CaseIterable, Hashable, Sendable {
    /// DVCTT toàn trình: filed and handled entirely online; result online or by public post.
    case fullProcess = "full_process"
    /// DVCTT một phần: online, but not meeting the full-process conditions.
    case partial
    /// Not an online public service.
    case notOnline = "none"

    /// The classification implied by an old level when none is given. The domain brief (1.2) gives this mapping
    /// as an inference, not a rule: level 4 ≈ full process, level 3 ≈ partial; levels 1–2 are not online
    /// submission at all.
    public static func derived(from level: OnlineServiceLevel) -> OnlineScheme {
        switch level {
        case .fullyOnline: .fullProcess
        case .onlineSubmission: .partial
        case .informationOnly, .downloadableForms: .notOnline
        }
    }

    /// Whether the classification can go with an old level: full process needs online submission (level 3 or
    /// 4), and a service with online submission is at least partial.
    public func isConsistent(with level: OnlineServiceLevel) -> Bool {
        switch self {
        case .fullProcess: level.allowsOnlineSubmission
        case .notOnline: !level.allowsOnlineSubmission
        case .partial: true
        }
    }
}
