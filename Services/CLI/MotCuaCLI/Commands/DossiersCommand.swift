public import ArgumentParser
internal import DomainModel
internal import RPCCore
internal import RPCProtobuf

private typealias Submission = Motcua_Submission_V1_SubmissionService

/// `motcua dossiers …`: dossiers (hồ sơ) and their workflow.
public struct DossiersCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossiers",
        abstract: "Dossiers (hồ sơ): submit, look up, list, move through the workflow, import (submission).",
        subcommands: [Submit.self, Show.self, Lookup.self, List.self, Transition.self, Import.self, Events.self]
    )

    public init() {}

    /// `motcua dossiers submit`: SubmitDossier.
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a dossier received online, at a desk or by post (SubmitDossier).",
            discussion: """
                Retry-safe: the same --caller and --request-id never create a second dossier (the default request \
                id is random, so give one to retry safely).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Procedure code.", valueName: "code")) var procedure: String
        @Option(help: ArgumentHelp("GSO code of the receiving unit.", valueName: "code")) var unit: String
        @Option(help: "How it was received.") var channel: Motcua_Submission_V1_Channel
        @Flag(help: "Desk staff typed an online dossier in for the citizen.") var assisted = false

        @Option(help: ArgumentHelp("Applicant's full name.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("Applicant's ID number (CCCD, passport, tax code).", valueName: "id")) var idNumber:
            String
        @Option(help: ArgumentHelp("Applicant's phone.", valueName: "phone")) var phone: String?
        @Option(help: ArgumentHelp("Applicant's e-mail.", valueName: "email")) var email: String?
        @Option(help: ArgumentHelp("Applicant's address.", valueName: "address")) var address: String?

        @Option(
            help: ArgumentHelp(
                "An attached file: NAME[,COMPONENT[,MEDIA_TYPE[,SIZE_BYTES]]] (repeatable).", valueName: "file"))
        var attachment: [String] = []

        @Option(help: ArgumentHelp("Who received it (default: the caller).", valueName: "account")) var receivedBy:
            String?
        @Option(help: ArgumentHelp("Note for the first history entry.", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("Who is calling (retry key with --request-id).", valueName: "caller")) var caller =
            "motcua-cli"
        @Option(help: ArgumentHelp("Id of this submission (default: random).", valueName: "id")) var requestID: String?

        func validate() throws {
            for text in self.attachment { _ = try Self.parseAttachment(text) }
        }

        static func parseAttachment(_ text: String) throws -> Motcua_Submission_V1_Attachment {
            let fields: [String]
            do {
                fields = try CSVReader.records(Array(text.utf8)).first?.fields.map { $0.trimmingWhitespace() } ?? []
            } catch {
                throw ValidationError("--attachment '\(text)': \(error.message)")
            }
            guard let name = fields.first, !name.isEmpty, fields.count <= 4 else {
                throw ValidationError("--attachment '\(text)': expected NAME[,COMPONENT[,MEDIA_TYPE[,SIZE_BYTES]]]")
            }
            var attachment = Motcua_Submission_V1_Attachment()
            attachment.name = name
            if fields.count > 1 { attachment.component = fields[1] }
            if fields.count > 2 { attachment.mediaType = fields[2] }
            if fields.count > 3 {
                guard let size = Int64(fields[3]), size >= 0 else {
                    throw ValidationError("--attachment '\(text)': size '\(fields[3])' is not a number of bytes")
                }
                attachment.sizeBytes = size
            }
            return attachment
        }

        func request() -> Motcua_Submission_V1_SubmitDossierRequest {
            Motcua_Submission_V1_SubmitDossierRequest.with {
                $0.caller = self.caller
                $0.requestID = self.requestID ?? RequestID.random()
                $0.procedureCode = self.procedure
                $0.unitCode = self.unit
                $0.channel = self.channel
                $0.assistedByStaff = self.assisted
                $0.applicant = Motcua_Submission_V1_Applicant.with {
                    $0.fullName = self.name
                    $0.idNumber = self.idNumber
                    $0.phone = self.phone ?? ""
                    $0.email = self.email ?? ""
                    $0.address = self.address ?? ""
                }
                $0.attachments = self.attachment.compactMap { try? Self.parseAttachment($0) }
                $0.receivedBy = self.receivedBy ?? ""
                $0.note = self.note ?? ""
            }
        }

        func run() async throws {
            let request = self.request()
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .submission, Submission.SubmitDossier.descriptor, request,
                    responseType: Submission.SubmitDossier.Output.self)
                session.output(response) { DossierRendering.submitted(response) }
            }
        }
    }

    /// `motcua dossiers show CODE`: GetDossier.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dossier with its applicant and whole history, as staff see it (GetDossier).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dossier code, e.g. 03162-220128-0001.") var code: String

        func run() async throws {
            let request = Motcua_Submission_V1_GetDossierRequest.with { $0.code = self.code }
            try await CommandSession.run(self.global) { session in
                let dossier = try await session.clients.unary(
                    .submission, Submission.GetDossier.descriptor, request,
                    responseType: Submission.GetDossier.Output.self)
                session.output(dossier) { DossierRendering.dossier(dossier) }
            }
        }
    }

    /// `motcua dossiers lookup CODE --id-number ID`: LookupDossier.
    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look a dossier up as the citizen does: code plus ID number, no personal data (LookupDossier).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dossier code.") var code: String
        @Option(help: ArgumentHelp("The applicant's ID number.", valueName: "id")) var idNumber: String

        func run() async throws {
            let request = Motcua_Submission_V1_LookupDossierRequest.with {
                $0.code = self.code
                $0.idNumber = self.idNumber
            }
            try await CommandSession.run(self.global) { session in
                let view = try await session.clients.unary(
                    .submission, Submission.LookupDossier.descriptor, request,
                    responseType: Submission.LookupDossier.Output.self)
                session.output(view) { DossierRendering.publicView(view) }
            }
        }
    }

    /// `motcua dossiers list`: ListDossiers.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List dossiers, newest receipt first (ListDossiers).")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only dossiers received by this unit.", valueName: "code")) var unit: String?
        @Option(help: ArgumentHelp("Only dossiers of this procedure.", valueName: "code")) var procedure: String?
        @Option(help: "Only dossiers in this status (repeatable).") var status: [Motcua_Submission_V1_DossierStatus] =
            []
        @Option(help: "Only dossiers received through this channel.") var channel: Motcua_Submission_V1_Channel?
        @Option(help: ArgumentHelp("Received on or after this date.", valueName: "date")) var from: DateArgument?
        @Option(help: ArgumentHelp("Received on or before this date (inclusive).", valueName: "date")) var to:
            DateArgument?
        @OptionGroup var paging: Paging

        func validate() throws {
            if let from = self.from?.date, let to = self.to?.date, to < from {
                throw ValidationError("--to \(to) is before --from \(from)")
            }
            if self.status.count > 10 { throw ValidationError("at most 10 --status values") }
        }

        func run() async throws {
            let request = Motcua_Submission_V1_ListDossiersRequest.with {
                $0.unitCode = self.unit ?? ""
                $0.procedureCode = self.procedure ?? ""
                $0.statuses = self.status
                $0.channel = self.channel ?? .unspecified
                $0.receivedFrom = self.from?.date.proto
                $0.receivedTo = self.to?.date.adding(days: 1).proto
                $0.pageToken = self.paging.pageToken ?? ""
            }
            let paging = self.paging
            try await CommandSession.run(self.global) { session in
                let result = try await paging.collect(firstToken: request.pageToken) { token, pageSize in
                    var page = request
                    page.pageToken = token
                    page.pageSize = pageSize
                    let response = try await session.clients.unary(
                        .submission, Submission.ListDossiers.descriptor, page,
                        responseType: Submission.ListDossiers.Output.self)
                    return (response.dossiers, response.nextPageToken, response.totalSize)
                }
                let merged = Motcua_Submission_V1_ListDossiersResponse.with {
                    $0.dossiers = result.items
                    $0.nextPageToken = result.next
                    $0.totalSize = result.total
                }
                session.output(merged) {
                    guard !result.items.isEmpty else { return "No dossier matches.\n" }
                    return DossierRendering.dossiers(result.items)
                        + CatalogRendering.pageFooter(
                            shown: result.items.count, total: Int(result.total), noun: "dossier",
                            hasMore: !result.next.isEmpty)
                }
            }
        }
    }

    /// `motcua dossiers transition CODE ACTION`: TransitionDossier.
    struct Transition: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a workflow step to a dossier (TransitionDossier).",
            discussion: """
                Actions: accept, reject, start-processing, request-supplement, receive-supplement, request-payment, \
                record-payment (with --payment-method and --payment-amount), resolve, return-result, withdraw, \
                stop-processing, issue-apology (with --apology-date and --apology-reason). Without --version the \
                dossier's current version is read first (GetDossier); give --version to be sure nobody changed it \
                since you looked (ABORTED otherwise).
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dossier code.") var code: String
        @Argument(help: "The step, e.g. accept, resolve, issue-apology.") var action: Motcua_Submission_V1_DossierAction

        @Option(help: ArgumentHelp("Who does it (staff account or system).", valueName: "account")) var actor: String
        @Option(help: ArgumentHelp("The version you last saw (default: the current one).", valueName: "n")) var version:
            Int64?
        @Option(help: ArgumentHelp("Reason, what to supplement, ...", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("New appointment date (issue-apology).", valueName: "date")) var apologyDate:
            DateArgument?
        @Option(help: ArgumentHelp("Why the dossier is late (issue-apology).", valueName: "text")) var apologyReason:
            String?
        @Option(help: "How the fees were paid (record-payment).") var paymentMethod: Motcua_Submission_V1_PaymentMethod?
        @Option(help: ArgumentHelp("Amount paid in đồng (record-payment).", valueName: "vnd")) var paymentAmount: Int64?
        @Option(help: ArgumentHelp("Retry key with --request-id.", valueName: "caller")) var caller: String?
        @Option(help: ArgumentHelp("Id of this step, for safe retries.", valueName: "id")) var requestID: String?

        func validate() throws {
            if self.action == .submit {
                throw ValidationError("submit is not a workflow step: use 'motcua dossiers submit'")
            }
            let apology = self.apologyDate != nil || self.apologyReason != nil
            if self.action == .issueApology && (self.apologyDate == nil || self.apologyReason == nil) {
                throw ValidationError("issue-apology needs --apology-date and --apology-reason")
            }
            if apology && self.action != .issueApology {
                throw ValidationError("--apology-date and --apology-reason go with issue-apology only")
            }
            let payment = self.paymentMethod != nil || self.paymentAmount != nil
            if self.action == .recordPayment && (self.paymentMethod == nil || self.paymentAmount == nil) {
                throw ValidationError("record-payment needs --payment-method and --payment-amount")
            }
            if payment && self.action != .recordPayment {
                throw ValidationError("--payment-method and --payment-amount go with record-payment only")
            }
            if (self.caller == nil) != (self.requestID == nil) {
                throw ValidationError("--caller and --request-id go together")
            }
            if let version = self.version, version < 1 { throw ValidationError("--version must be at least 1") }
        }

        func request(version: Int64) -> Motcua_Submission_V1_TransitionDossierRequest {
            Motcua_Submission_V1_TransitionDossierRequest.with {
                $0.code = self.code
                $0.action = self.action
                $0.expectedVersion = version
                $0.actor = self.actor
                $0.note = self.note ?? ""
                if let date = self.apologyDate {
                    $0.apology = Motcua_Submission_V1_Apology.with {
                        $0.newDate = date.date.proto
                        $0.reason = self.apologyReason ?? ""
                    }
                }
                if let method = self.paymentMethod {
                    $0.payment = Motcua_Submission_V1_Payment.with {
                        $0.method = method
                        $0.amountVnd = self.paymentAmount ?? 0
                    }
                }
                $0.caller = self.caller ?? ""
                $0.requestID = self.requestID ?? ""
            }
        }

        func run() async throws {
            try await CommandSession.run(self.global) { session in
                var version = self.version
                if version == nil {
                    let current = try await session.clients.unary(
                        .submission, Submission.GetDossier.descriptor,
                        Motcua_Submission_V1_GetDossierRequest.with { $0.code = self.code },
                        responseType: Submission.GetDossier.Output.self)
                    version = current.version
                }
                let response = try await session.clients.unary(
                    .submission, Submission.TransitionDossier.descriptor, self.request(version: version ?? 1),
                    responseType: Submission.TransitionDossier.Output.self)
                session.output(response) { DossierRendering.transitioned(response) }
            }
        }
    }

    /// `motcua dossiers import FILE.csv`: ImportDossiers (client streaming).
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import dossiers with their history from a CSV file (ImportDossiers).",
            discussion: """
                Each dossier is written on its own: rejected dossiers are listed with their line and do not stop \
                the others; the exit code is 1 when any was rejected. Importing the same file again creates \
                nothing (dossiers are matched by source_system and source_id). Progress bar on standard error \
                when it is a terminal. See docs/cli.md for the columns.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The CSV file (UTF-8); - for standard input.", valueName: "file.csv")) var file:
            String
        @Option(help: ArgumentHelp("Dossiers per stream message (at most 1000).", valueName: "n")) var batchSize = 100

        func validate() throws {
            guard (1...1_000).contains(self.batchSize) else {
                throw ValidationError("--batch-size must be 1 to 1000, got \(self.batchSize)")
            }
        }

        func run() async throws {
            let parsed = try parseCSV(self.file) { bytes throws(CSVProblems) in try DossierCSV.parse(bytes) }
            let dossiers = parsed.dossiers
            let batchSize = self.batchSize
            try await CommandSession.run(self.global) { session in
                let progress = ProgressBar(
                    console: session.console, label: "Importing dossiers", total: dossiers.count,
                    enabled: session.console.errorIsTerminal)
                let response = try await session.clients.clientStreaming(
                    .submission, Submission.ImportDossiers.descriptor, limited: false,
                    responseType: Submission.ImportDossiers.Output.self
                ) { (writer: RPCWriter<Motcua_Submission_V1_ImportDossiersRequest>) in
                    var start = 0
                    while start < dossiers.count {
                        let end = min(start + batchSize, dossiers.count)
                        try await writer.write(
                            Motcua_Submission_V1_ImportDossiersRequest.with {
                                $0.dossiers = Array(dossiers[start..<end])
                            })
                        progress.advance(by: end - start)
                        start = end
                    }
                }
                progress.finish()
                session.output(response) { DossierRendering.importDossiers(response, lines: parsed.lines) }
                let rejected = Swift.Set(response.rejected.map(\.position)).count
                if rejected > 0 {
                    throw CLIError.failure("\(self.file): \(rejected) dossier\(rejected == 1 ? "" : "s") rejected")
                }
            }
        }
    }

    /// `motcua dossiers events`: StreamEvents.
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the event feed (StreamEvents): up to the current head, or live with --follow.",
            discussion: "With --json, one object per line (the `started` message first).")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Start after this sequence (0: from the first event).", valueName: "sequence"))
        var after: Int64 = 0
        @Flag(help: "Keep following new events until Ctrl-C.") var follow = false
        @Option(help: ArgumentHelp("Stop after this many events.", valueName: "n")) var count: Int?

        func validate() throws {
            if self.after < 0 { throw ValidationError("--after must not be negative") }
            if let count = self.count, count < 1 { throw ValidationError("--count must be at least 1") }
        }

        func run() async throws {
            let request = Motcua_Submission_V1_StreamEventsRequest.with { $0.afterSequence = self.after }
            let follow = self.follow
            let limit = self.count
            try await CommandSession.run(self.global) { session in
                try await session.following(follow ? self.global : GlobalOptions()) {
                    try await session.clients.serverStreaming(
                        .submission, Submission.StreamEvents.descriptor, request, limited: false,
                        responseType: Submission.StreamEvents.Output.self
                    ) { messages in
                        var head: Int64 = 0
                        var events = 0
                        for try await message in messages {
                            session.outputStreamed(message) { DossierRendering.event(message) }
                            switch message.message {
                            case .started(let started)?:
                                head = started.currentSequence
                                if !follow && (head <= request.afterSequence && !started.resetRequired) { return }
                                if !follow && head == 0 { return }
                            case .event(let event)?:
                                events += 1
                                if let limit, events >= limit { return }
                                if !follow && event.sequence >= head { return }
                            case nil:
                                break
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Random request ids for retry keys.
enum RequestID {
    /// 32 random hexadecimal digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[Int(generator.next() % 16)] })
    }
}
