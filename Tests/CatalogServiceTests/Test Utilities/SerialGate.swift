/// Runs bodies one at a time, in arrival order, without blocking a thread while waiting.
///
/// The catalog tests each open and seed a SQLite file: run all at once they saturate the small machines CI uses
/// (2 cores) and starve the cooperative thread pool that the timing-sensitive transport tests share with them.
actor SerialGate {
    static let databases = SerialGate()

    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await self.acquire()
        defer { self.release() }
        return try await body()
    }

    private func acquire() async {
        if !self.busy {
            self.busy = true
            return
        }
        await withCheckedContinuation { self.waiters.append($0) }
    }

    private func release() {
        if self.waiters.isEmpty {
            self.busy = false
        } else {
            self.waiters.removeFirst().resume()
        }
    }
}
