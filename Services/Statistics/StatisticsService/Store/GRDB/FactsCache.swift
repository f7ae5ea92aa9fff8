internal import DomainModel
internal import Synchronization

/// The committed facts of recently changed dossiers, so that the events of a dossier arriving in consecutive batches
/// do not read its row back. Two generations: lookups try the current then the previous one; when the current one is
/// full it becomes the previous one (an approximate LRU without bookkeeping per hit).
///
/// Only committed facts go in (``remember(_:)`` after the transaction), so a rolled-back batch leaves the cache as
/// the database is.
final class FactsCache: Sendable {
    struct Entry: Sendable {
        var facts: DossierFacts
        var cellID: Int64
    }

    private struct State {
        var current: [String: Entry] = [:]
        var previous: [String: Entry] = [:]
    }

    private let generationSize: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.generationSize = max(1, capacity / 2)
    }

    func lookup(_ code: String) -> Entry? {
        self.state.withLock { $0.current[code] ?? $0.previous[code] }
    }

    /// Looks up many codes under one lock.
    func lookup(_ codes: some Sequence<String>) -> [String: Entry] {
        self.state.withLock { state in
            var found: [String: Entry] = [:]
            for code in codes {
                if let entry = state.current[code] ?? state.previous[code] { found[code] = entry }
            }
            return found
        }
    }

    func remember(_ entries: [String: Entry]) {
        self.state.withLock { state in
            for (code, entry) in entries {
                state.current[code] = entry
                if state.current.count >= self.generationSize {
                    state.previous = state.current
                    state.current = [:]
                    state.current.reserveCapacity(self.generationSize)
                }
            }
        }
    }

    func removeAll() {
        self.state.withLock { $0 = State() }
    }
}
