internal import ArgumentParser
internal import DomainModel
internal import Foundation
internal import RPCCore
internal import RPCProtobuf
internal import RPCTransportHTTP2
internal import SubmissionService
internal import Synchronization

/// `submission-bench`: durable SubmitDossier throughput against a running submission-server.
///
/// `--concurrency` callers each submit new dossiers back to back (every request with its own request_id, so every
/// call creates and durably commits a dossier) for `--warmup` plus `--duration` seconds; the calls acknowledged during
/// the measured window give the throughput. Prints one summary line, and a JSON line with `--json`.
@main
struct SubmissionBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submission-bench", abstract: "Measures durable SubmitDossier throughput with concurrent callers.")

    @Option(help: "The submission-server, host:port.")
    var target = "127.0.0.1:50052"

    @Option(help: "Concurrent callers.")
    var concurrency = 64

    @Option(help: "HTTP/2 connections the callers share (round robin).")
    var connections = 2

    @Option(help: "Seconds measured.")
    var duration = 10.0

    @Option(help: "Seconds of load before measuring.")
    var warmup = 2.0

    @Option(help: "Procedure code to submit.")
    var procedure = "DEMO-HT-X001"

    @Option(help: "Comma-separated unit codes, used in turn.")
    var units = "03162,03157,03154"

    @Flag(help: "Also print the summary as JSON.")
    var json = false

    @Flag(help: "Instead of submitting, read the whole event feed (StreamEvents from 0 to the current sequence) and report events/s.")
    var feed = false

    @Option(
        name: .customLong("in-process"),
        help: "Skip the network: drive the engine and a SQLite store in this folder directly (measures the storage path alone).")
    var inProcessDirectory: String?

    func run() async throws {
        guard let colon = self.target.lastIndex(of: ":"), let port = Int(self.target[self.target.index(after: colon)...]) else {
            throw ValidationError("--target must be host:port")
        }
        let host = String(self.target[..<colon])
        let unitCodes = self.units.split(separator: ",").map(String.init)
        guard !unitCodes.isEmpty, self.concurrency > 0, self.connections > 0 else { throw ValidationError("nothing to run") }
        let clients = (0..<self.connections).map { _ in RPCClient(transport: HTTP2ClientTransport(host: host, port: port)) }
        defer { for client in clients { client.close() } }
        let service: SubmissionRPCService? = try self.inProcessDirectory.map { directory in
            let store = try GRDBSubmissionStore.open(directory: directory)
            let catalog = InMemoryCatalogGateway(
                procedures: [Procedure(
                    code: ProcedureCode(self.procedure)!, name: "Đăng ký khai sinh", field: "Hộ tịch", implementingLevel: .commune,
                    onlineLevel: .fullyOnline, onlineScheme: .fullProcess, legalDeadline: .workingDays(3))],
                units: unitCodes.map { code in
                    AdministrativeUnit(
                        code: UnitCode(code)!, name: "Xã \(code)", level: .commune, type: .commune, parentCode: UnitCode("096"),
                        validity: Validity(from: CivilDate(year: 2004, month: 1, day: 1)!))
                },
                calendarDays: (2020...2040).map { year in
                    CalendarDay(date: CivilDate(year: year, month: 1, day: 1)!, kind: .publicHoliday, name: "Tết Dương lịch")
                })
            return SubmissionRPCService(engine: SubmissionEngine(store: store, catalog: catalog))
        }
        if self.feed {
            try await self.readFeed(clients[0])
            return
        }
        let runID = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let recorder = Recorder()
        let start = ContinuousClock.now
        let measureFrom = start + .milliseconds(Int64(self.warmup * 1000))
        let end = measureFrom + .milliseconds(Int64(self.duration * 1000))
        let procedure = self.procedure

        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<self.concurrency {
                let client = clients[caller % clients.count]
                group.addTask {
                    var index = 0
                    while ContinuousClock.now < end {
                        var request = Motcua_Submission_V1_SubmitDossierRequest()
                        request.caller = "bench"
                        request.requestID = "\(runID)-\(caller)-\(index)"
                        request.procedureCode = procedure
                        request.unitCode = unitCodes[(caller + index) % unitCodes.count]
                        request.channel = Motcua_Submission_V1_Channel(rawValue: 1)
                        var applicant = Motcua_Submission_V1_Applicant()
                        applicant.fullName = "Người nộp \(caller)-\(index)"
                        applicant.idNumber = "0110950" + String(100_000 + index % 100_000).dropFirst()
                        request.applicant = applicant
                        index += 1
                        let began = ContinuousClock.now
                        do {
                            let response: Motcua_Submission_V1_SubmitDossierResponse
                            if let service {
                                response = try await service.submitDossier(request)
                            } else {
                                response = try await client.unary(
                                    Motcua_Submission_V1_SubmissionService.SubmitDossier.descriptor, request: ClientRequest(message: request),
                                    options: CallOptions(timeout: .seconds(30)), responseType: Motcua_Submission_V1_SubmitDossierResponse.self
                                ).message
                            }
                            let finished = ContinuousClock.now
                            if response.replayed { recorder.replay() }
                            if began >= measureFrom && finished <= end { recorder.ok(latency: finished - began) }
                        } catch {
                            recorder.error("\(error)")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let summary = recorder.summary(seconds: self.duration)
        print(
            "submission-bench: \(summary.acknowledged) dossiers acknowledged in \(self.duration) s = \(Int(summary.throughput)) dossiers/s "
                + "(concurrency \(self.concurrency), \(self.connections) connections); latency p50 \(summary.p50) ms, p90 \(summary.p90) ms, "
                + "p99 \(summary.p99) ms; errors \(summary.errors), replays \(summary.replays)")
        if let firstError = summary.firstError { print("submission-bench: first error: \(firstError)") }
        if self.json {
            print(
                "{\"acknowledged\": \(summary.acknowledged), \"seconds\": \(self.duration), \"throughput\": \(Int(summary.throughput)), "
                    + "\"concurrency\": \(self.concurrency), \"p50_ms\": \(summary.p50), \"p90_ms\": \(summary.p90), \"p99_ms\": \(summary.p99), "
                    + "\"errors\": \(summary.errors)}")
        }
        if summary.errors > 0 || summary.replays > 0 { throw ExitCode(1) }
    }
}

extension SubmissionBench {
    /// Reads StreamEvents from the start up to the sequence current when it started, and reports the rate.
    func readFeed(_ client: RPCClient) async throws {
        let start = ContinuousClock.now
        let (count, head) = try await client.serverStreaming(
            Motcua_Submission_V1_SubmissionService.StreamEvents.descriptor,
            request: ClientRequest(message: Motcua_Submission_V1_StreamEventsRequest())
        ) { (response: StreamingClientResponse<Motcua_Submission_V1_StreamEventsResponse>) -> (Int, Int64) in
            var count = 0
            var head: Int64 = 0
            for try await message in response.messages {
                switch message.message {
                case .started(let started):
                    head = started.currentSequence
                    if head == 0 { return (0, 0) }
                case .event(let event):
                    count += 1
                    guard event.sequence == Int64(count) else { throw ValidationError("gap or reordering at \(event.sequence)") }
                    if event.sequence >= head { return (count, head) }
                case nil:
                    break
                }
            }
            return (count, head)
        }
        let seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18 + Double((ContinuousClock.now - start).components.seconds)
        print("submission-bench: feed of \(count) events (head \(head)) read in \(String(Int(seconds * 1000))) ms = \(Int(Double(count) / seconds)) events/s")
    }
}

/// Latencies and errors of the measured window.
final class Recorder: Sendable {
    struct Summary {
        var acknowledged: Int
        var throughput: Double
        var p50: Double
        var p90: Double
        var p99: Double
        var errors: Int
        var replays: Int
        var firstError: String?
    }

    private let state = Mutex((latencies: [Double](), errors: 0, replays: 0, firstError: String?.none))

    func ok(latency: Duration) {
        let milliseconds = Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15
        self.state.withLock { $0.latencies.append(milliseconds) }
    }

    func error(_ text: String) {
        self.state.withLock { state in
            state.errors += 1
            if state.firstError == nil { state.firstError = text }
        }
    }

    func replay() { self.state.withLock { $0.replays += 1 } }

    func summary(seconds: Double) -> Summary {
        self.state.withLock { state in
            let sorted = state.latencies.sorted()
            func percentile(_ p: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
                return (value * 100).rounded() / 100
            }
            return Summary(
                acknowledged: sorted.count, throughput: Double(sorted.count) / seconds, p50: percentile(0.5), p90: percentile(0.9),
                p99: percentile(0.99), errors: state.errors, replays: state.replays, firstError: state.firstError)
        }
    }
}
