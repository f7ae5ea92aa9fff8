/// The daily counters the statistics service keeps per receiving unit and procedure: each dossier adds one to a
/// counter on one day for every rule below that it meets (``DossierFacts/contributions()``), and a report for any
/// period [from, to) is computed from the counters' sums over the days before `from` and before `to`
/// (``ReportCounts/init(before:before:)``), never from the dossiers.
///
/// | counter                     | a dossier that…                                                   | on the day…                 |
/// |-----------------------------|-------------------------------------------------------------------|-----------------------------|
/// | receivedOnline/Direct/Postal| was received through that channel                                 | of receipt                  |
/// | receivedAssisted            | was received online, typed in by desk staff                       | of receipt                  |
/// | resolvedEarly/OnTime        | was resolved before / on its appointment date                     | processing ended            |
/// | resolvedLateWith/WithoutApology | was resolved after it, with / without an apology issued       | processing ended            |
/// | returned                    | was rejected, withdrawn or stopped                                | processing ended            |
/// | due                         | has an appointment date                                           | of the appointment          |
/// | dueOrFinished               | has an appointment date and is finished                           | max(ended, appointment)     |
/// | late766Due                  | is late by the Decision 766 rule if its evaluation ends after its appointment (see ``DossierFacts``) | after the appointment |
/// | late766Finished             | the same, finished                                                | processing ended            |
/// | multiSupplementReceived     | had more than one supplement request (late by the 766 rule)       | of receipt                  |
/// | multiSupplementFinished     | the same, finished                                                | processing ended            |
/// | feeBearingReceived          | is of a procedure with fees                                       | of receipt                  |
/// | paidOnlineReceived          | the same, paid online                                             | of receipt                  |
/// | onlineCapableInPerson       | is of an online-capable procedure and was filed at a desk or by post | of receipt               |
/// | onlineCapableOnline         | is of an online-capable procedure and was filed online            | of receipt                  |
public enum StatCounter: Int, CaseIterable, Hashable, Sendable {
    case receivedOnline
    case receivedDirect
    case receivedPostal
    case receivedAssisted
    case resolvedEarly
    case resolvedOnTime
    case resolvedLateWithApology
    case resolvedLateWithoutApology
    case returned
    case due
    case dueOrFinished
    case late766Due
    case late766Finished
    case multiSupplementReceived
    case multiSupplementFinished
    case feeBearingReceived
    case paidOnlineReceived
    case onlineCapableInPerson
    case onlineCapableOnline

    /// How many counters there are.
    public static let count = allCases.count

    /// The snake-case name, also the storage column name, e.g. `received_online`.
    public var name: String {
        switch self {
        case .receivedOnline: "received_online"
        case .receivedDirect: "received_direct"
        case .receivedPostal: "received_postal"
        case .receivedAssisted: "received_assisted"
        case .resolvedEarly: "resolved_early"
        case .resolvedOnTime: "resolved_on_time"
        case .resolvedLateWithApology: "resolved_late_with_apology"
        case .resolvedLateWithoutApology: "resolved_late_without_apology"
        case .returned: "returned"
        case .due: "due"
        case .dueOrFinished: "due_or_finished"
        case .late766Due: "late766_due"
        case .late766Finished: "late766_finished"
        case .multiSupplementReceived: "multi_supplement_received"
        case .multiSupplementFinished: "multi_supplement_finished"
        case .feeBearingReceived: "fee_bearing_received"
        case .paidOnlineReceived: "paid_online_received"
        case .onlineCapableInPerson: "online_capable_in_person"
        case .onlineCapableOnline: "online_capable_online"
        }
    }
}
