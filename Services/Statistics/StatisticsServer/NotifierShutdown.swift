internal import ServiceLifecycle
internal import StatisticsService
internal import UnixSignals

/// Ends every WatchReport stream as soon as SIGTERM or SIGINT arrives, before the server drains its calls, so that
/// open dashboards do not hold the process for the whole grace period (the service group stops the server before
/// it reaches the background services). With a `ServiceRunner` that takes an `onShutdown` hook, that hook can do
/// this instead.
struct NotifierShutdown: Service {
    let notifier: ReportChangeNotifier

    func run() async throws {
        let notifier = self.notifier
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                    notifier.finishAll()
                    break
                }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        notifier.finishAll()
    }
}
