public import RPCCore

/// The notifier that wakes this service's open watch streams: see ``ChangeNotifier``.
public typealias EventFeedNotifier = ChangeNotifier
