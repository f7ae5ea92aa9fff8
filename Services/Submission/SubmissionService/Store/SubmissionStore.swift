public import RPCCore
public import DomainModel

/// Where dossiers, their history, the retry keys and the event feed are kept.
///
/// Writes go through ``write(_:)``: the work runs inside a transaction and the call returns once the transaction is
/// durable. Implementations may commit concurrent works together (group commit) but isolate each one, so a work that
/// throws leaves no trace and does not affect the others. Every history entry a work writes gets its event, with the
/// next feed sequence, in the same transaction: the feed has no gaps and follows commit order.
///
/// The SQLite implementation is ``GRDBSubmissionStore``; a PostgreSQL one can implement the same protocols.
public protocol SubmissionStore: Sendable {
    /// Runs `work` in a write transaction; returns its result once committed durably.
    ///
    /// - Throws: what `work` throws (nothing of it is written), or a storage error (nothing is written).
    func write<T: Sendable>(_ work: @escaping @Sendable (any SubmissionTransaction) throws -> T) async throws -> T

    /// Runs several works, each isolated as with ``write(_:)``, committed together where possible; one result each.
    func writeAll<T: Sendable>(_ works: [@Sendable (any SubmissionTransaction) throws -> T]) async -> [Result<T, any Error>]

    /// A dossier with its whole history.
    func dossier(code: DossierCode) async throws -> Dossier?

    /// The dossier a retry key created or changed, if the key is known.
    func requestRecord(caller: String, requestID: String) async throws -> RequestRecord?

    /// One page of dossiers matching a query, with the total count.
    func listDossiers(_ query: DossierQuery) async throws -> DossierPage

    /// Events with a sequence greater than `sequence`, in order, at most `limit`.
    func events(after sequence: Int64, limit: Int) async throws -> [DossierEvent]

    /// The sequence of the latest committed event (0 when none).
    func latestSequence() async throws -> Int64

    /// Wakes its subscribers whenever events are committed.
    var feedNotifier: EventFeedNotifier { get }
}

/// The operations a write work can use, all inside one transaction.
public protocol SubmissionTransaction {
    /// A dossier with its whole history, as written so far in this transaction.
    func dossier(code: DossierCode) throws -> Dossier?

    /// The record of a retry key (SubmitDossier, TransitionDossier).
    func requestRecord(caller: String, requestID: String) throws -> RequestRecord?

    /// The record of an imported dossier's source id.
    func importRecord(_ origin: ImportOrigin) throws -> RequestRecord?

    /// The next number of a unit's day: one more than the highest used, so numbers have no gaps or duplicates
    /// (the number is used only if the work's dossier is inserted and the work commits).
    func nextDailyNumber(unit: UnitCode, on date: CivilDate) throws -> Int

    /// Whether a dossier has the code.
    func isCodeInUse(_ code: DossierCode) throws -> Bool

    /// Inserts a new dossier with its history and one event per history entry; returns the events' sequences.
    @discardableResult
    func insert(_ dossier: Dossier) throws -> [Int64]

    /// Saves a dossier's new state and its last `newEntries` history entries, with one event each; returns the
    /// events' sequences.
    @discardableResult
    func append(_ dossier: Dossier, newEntries: Int) throws -> [Int64]

    /// Records a retry key with the fingerprint of its request.
    func recordRequest(caller: String, requestID: String, fingerprint: [UInt8], code: DossierCode) throws

    /// Records an imported dossier's source id with the fingerprint of its content.
    func recordImport(_ origin: ImportOrigin, fingerprint: [UInt8], code: DossierCode) throws
}

/// What a retry key or an import source id refers to.
public struct RequestRecord: Hashable, Sendable {
    /// A digest of the request's content: a retry with other content is refused.
    public var fingerprint: [UInt8]
    public var code: DossierCode

    public init(fingerprint: [UInt8], code: DossierCode) {
        self.fingerprint = fingerprint
        self.code = code
    }
}

/// A dossier in a listing.
public struct DossierSummary: Hashable, Sendable {
    public var code: DossierCode
    public var procedureCode: ProcedureCode
    public var procedureName: String
    public var channel: DossierChannel
    public var assistedByStaff: Bool
    public var status: DossierStatus
    public var version: Int64
    public var applicantName: String
    public var receivedAt: UnixInstant
    public var dueDate: CivilDate
    public var promisedDate: CivilDate?
    public var finishedAt: UnixInstant?

    public init(
        code: DossierCode, procedureCode: ProcedureCode, procedureName: String, channel: DossierChannel, assistedByStaff: Bool,
        status: DossierStatus, version: Int64, applicantName: String, receivedAt: UnixInstant, dueDate: CivilDate,
        promisedDate: CivilDate?, finishedAt: UnixInstant?
    ) {
        self.code = code
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.status = status
        self.version = version
        self.applicantName = applicantName
        self.receivedAt = receivedAt
        self.dueDate = dueDate
        self.promisedDate = promisedDate
        self.finishedAt = finishedAt
    }
}

/// Which dossiers to list (filters combine with AND) and which page.
public struct DossierQuery: Hashable, Sendable {
    /// Where a page starts: after this (received_at, row) position in the newest-first order.
    public struct Cursor: Hashable, Sendable {
        public var receivedAt: UnixInstant
        public var row: Int64

        public init(receivedAt: UnixInstant, row: Int64) {
            self.receivedAt = receivedAt
            self.row = row
        }
    }

    public var unitCode: UnitCode?
    public var procedureCode: ProcedureCode?
    /// Empty: any status.
    public var statuses: Set<DossierStatus>
    public var channel: DossierChannel?
    /// Received on or after this date (Vietnam).
    public var receivedFrom: CivilDate?
    /// Received before this date (exclusive).
    public var receivedTo: CivilDate?
    public var pageSize: Int
    public var after: Cursor?

    public init(
        unitCode: UnitCode? = nil, procedureCode: ProcedureCode? = nil, statuses: Set<DossierStatus> = [], channel: DossierChannel? = nil,
        receivedFrom: CivilDate? = nil, receivedTo: CivilDate? = nil, pageSize: Int = 50, after: Cursor? = nil
    ) {
        self.unitCode = unitCode
        self.procedureCode = procedureCode
        self.statuses = statuses
        self.channel = channel
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.pageSize = pageSize
        self.after = after
    }
}

/// One page of a listing.
public struct DossierPage: Hashable, Sendable {
    public var dossiers: [DossierSummary]
    /// Where the next page starts; nil on the last page.
    public var next: DossierQuery.Cursor?
    /// How many dossiers match in all.
    public var total: Int

    public init(dossiers: [DossierSummary], next: DossierQuery.Cursor?, total: Int) {
        self.dossiers = dossiers
        self.next = next
        self.total = total
    }
}
