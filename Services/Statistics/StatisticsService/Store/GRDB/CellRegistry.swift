internal import DomainModel
internal import Synchronization

/// The ids of the stored cells, both ways, kept in memory (a few hundred thousand at most). New cells become
/// visible here only once the transaction that inserted them has committed.
final class CellRegistry: Sendable {
    private struct State {
        var ids: [StatCell: Int64] = [:]
        var cells: [Int64: StatCell] = [:]
    }

    private let state = Mutex(State())

    init() {}

    func id(of cell: StatCell) -> Int64? { self.state.withLock { $0.ids[cell] } }

    func cell(id: Int64) -> StatCell? { self.state.withLock { $0.cells[id] } }

    func register(_ entries: [StatCell: Int64]) {
        guard !entries.isEmpty else { return }
        self.state.withLock { state in
            for (cell, id) in entries {
                state.ids[cell] = id
                state.cells[id] = cell
            }
        }
    }

    func removeAll() {
        self.state.withLock { $0 = State() }
    }

    var count: Int { self.state.withLock { $0.ids.count } }
}

extension OnlineScheme? {
    /// The stored name: the scheme's raw value, or `unspecified`.
    var storedName: String { self?.rawValue ?? "unspecified" }

    init(storedName: String) {
        self = OnlineScheme(rawValue: storedName)
    }
}
