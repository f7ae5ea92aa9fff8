internal import DomainModel
public import RPCProtobuf

/// Tables and detail views of submission responses.
public enum DossierRendering {
    public typealias Dossier = Motcua_Submission_V1_Dossier
    public typealias Status = Motcua_Submission_V1_DossierStatus

    /// `processing (4 Đang xử lý)`.
    public static func status(_ status: Status) -> String {
        guard let known = DomainModel.DossierStatus(rawValue: Int(status.rawValue)) else { return status.token }
        return "\(status.token) (\(status.rawValue) \(known.vietnameseName))"
    }

    /// The due date, with the apology's promised date when there is one.
    static func due(_ due: Motcua_Catalog_V1_Date?, promised: Motcua_Catalog_V1_Date?) -> String {
        let text = Format.date(due)
        guard let promised else { return text }
        return text + " (promised \(Format.date(promised)))"
    }

    /// The full view of a dossier: its fields, attachments and history.
    public static func dossier(_ dossier: Dossier) -> String {
        var list = DetailList()
        list.add("Code", dossier.code)
        list.add("Status", Self.status(dossier.status))
        list.add("Procedure", "\(dossier.procedureCode) \(dossier.procedureName)")
        list.add("Field", dossier.procedureField)
        list.add("Unit", "\(dossier.unitCode) \(dossier.unitName)")
        list.add("Channel", dossier.channel.token + (dossier.assistedByStaff ? " (typed in by desk staff)" : ""))
        if let applicant = dossier.applicant {
            list.add("Applicant", applicant.fullName)
            list.add("ID number", applicant.idNumber)
            list.add("Phone", applicant.phone)
            list.add("E-mail", applicant.email)
            list.add("Address", applicant.address)
        }
        list.add("Received", Format.dateTime(dossier.receivedAt))
        let online =
            dossier.onlineLevel == 0 ? "" : ", online level \(dossier.onlineLevel) / \(dossier.onlineScheme.token)"
        list.add("Legal deadline", Format.deadline(dossier.legalDeadline) + online)
        list.add("Due date", Self.due(dossier.dueDate, promised: dossier.promisedDate))
        list.add("Fees", dossier.feeBearing ? "yes" : "no")
        if dossier.supplementRequests > 0 { list.add("Supplements", "\(dossier.supplementRequests) requested") }
        if dossier.apologies > 0 { list.add("Apologies", "\(dossier.apologies)") }
        list.add("Paused since", Format.dateTime(dossier.pausedSince))
        list.add("Finished", Format.dateTime(dossier.finishedAt))
        list.add("Returned", Format.dateTime(dossier.returnedAt))
        if let origin = dossier.origin {
            list.add("Imported from", "\(origin.sourceSystem) \(origin.sourceID)")
        }
        list.add("Version", String(dossier.version))
        var text = list.render()
        if !dossier.attachments.isEmpty {
            var table = Table([
                .init("ATTACHMENT", maxWidth: 40), .init("COMPONENT", maxWidth: 40), .init("TYPE"), .number("BYTES"),
            ])
            for attachment in dossier.attachments {
                table.add([attachment.name, attachment.component, attachment.mediaType, String(attachment.sizeBytes)])
            }
            text += "\n" + table.render()
        }
        if !dossier.history.isEmpty {
            var table = Table([
                .number("#"), .init("TIME"), .init("ACTION"), .init("STATUS"), .init("ACTOR", maxWidth: 24),
                .init("DUE"), .init("NOTE", maxWidth: 50),
            ])
            for entry in dossier.history {
                var note = entry.note
                if let apology = entry.apology {
                    note =
                        "new date \(Format.date(apology.newDate)): \(apology.reason)"
                        + (note.isEmpty ? "" : "; " + note)
                }
                if let payment = entry.payment {
                    note =
                        "\(Format.vnd(payment.amountVnd)) \(payment.method.token)" + (note.isEmpty ? "" : "; " + note)
                }
                table.add([
                    String(entry.step), Format.dateTime(entry.occurredAt), entry.action.token,
                    entry.fromStatus.rawValue == 0
                        ? entry.status.token : "\(entry.fromStatus.token) → \(entry.status.token)",
                    entry.actor, Format.date(entry.dueDate), note,
                ])
            }
            text += "\n" + table.render()
        }
        return text
    }

    /// The citizen's view of a dossier.
    public static func publicView(_ view: Motcua_Submission_V1_DossierPublicView) -> String {
        var list = DetailList()
        list.add("Code", view.code)
        list.add(
            "Status", view.statusName.isEmpty ? Self.status(view.status) : "\(view.statusName) (\(view.status.token))")
        list.add("Procedure", "\(view.procedureCode) \(view.procedureName)")
        list.add("Unit", "\(view.unitCode) \(view.unitName)")
        list.add("Received", Format.dateTime(view.receivedAt))
        list.add("Due date", Self.due(view.dueDate, promised: view.promisedDate))
        list.add("Finished", Format.dateTime(view.finishedAt))
        list.add("Returned", Format.dateTime(view.returnedAt))
        var text = list.render()
        if !view.history.isEmpty {
            var table = Table([.init("TIME"), .init("ACTION"), .init("STATUS"), .init("NOTICE", maxWidth: 60)])
            for entry in view.history {
                var notice = entry.notice
                if let apology = entry.apology {
                    notice =
                        "new date \(Format.date(apology.newDate)): \(apology.reason)"
                        + (notice.isEmpty ? "" : "; " + notice)
                }
                table.add([Format.dateTime(entry.occurredAt), entry.action.token, entry.status.token, notice])
            }
            text += "\n" + table.render()
        }
        return text
    }

    /// Dossier summaries, one per row.
    public static func dossiers(_ dossiers: [Motcua_Submission_V1_DossierSummary]) -> String {
        var table = Table([
            .init("CODE"), .init("RECEIVED"), .init("STATUS"), .init("CHANNEL"), .init("PROCEDURE", maxWidth: 40),
            .init("APPLICANT", maxWidth: 24), .init("DUE"), .init("FINISHED"),
        ])
        for dossier in dossiers {
            table.add([
                dossier.code, Format.dateTime(dossier.receivedAt), dossier.status.token,
                dossier.channel.token + (dossier.assistedByStaff ? "*" : ""),
                "\(dossier.procedureCode) \(dossier.procedureName)", dossier.applicantName,
                Self.due(dossier.dueDate, promised: dossier.promisedDate), Format.dateTime(dossier.finishedAt),
            ])
        }
        return table.render()
    }

    /// The outcome of SubmitDossier.
    public static func submitted(_ response: Motcua_Submission_V1_SubmitDossierResponse) -> String {
        guard let dossier = response.dossier else { return "No dossier in the response.\n" }
        let head =
            response.replayed
            ? "Already submitted (same caller and request id): dossier \(dossier.code).\n"
            : "Registered dossier \(dossier.code), due \(Format.date(dossier.dueDate)).\n"
        return head + "\n" + Self.dossier(dossier)
    }

    /// The outcome of TransitionDossier.
    public static func transitioned(_ response: Motcua_Submission_V1_TransitionDossierResponse) -> String {
        guard let dossier = response.dossier else { return "No dossier in the response.\n" }
        let head =
            response.replayed
            ? "Already applied (same caller and request id): \(dossier.code) is \(Self.status(dossier.status)).\n"
            : "\(dossier.code) is now \(Self.status(dossier.status)), version \(dossier.version).\n"
        return head + "\n" + Self.dossier(dossier)
    }

    /// The outcome of ImportDossiers; `lines` maps positions (from 1) to the CSV line of each dossier.
    public static func importDossiers(_ response: Motcua_Submission_V1_ImportDossiersResponse, lines: [Int]) -> String {
        var text = ""
        if !response.rejected.isEmpty {
            var table = Table([
                .number("LINE"), .number("DOSSIER"), .init("SOURCE ID"), .init("FIELD"), .init("REASON"),
            ])
            for rejected in response.rejected {
                let index = Int(rejected.position) - 1
                let line = lines.indices.contains(index) ? String(lines[index]) : ""
                table.add([line, String(rejected.position), rejected.sourceID, rejected.field, rejected.reason])
            }
            text += table.render()
        }
        let rejectedDossiers = Swift.Set(response.rejected.map(\.position)).count
        text +=
            "\(response.received) dossiers: \(response.imported) imported, \(response.alreadyImported) already imported, "
            + "\(rejectedDossiers) rejected.\n"
        return text
    }

    /// One message of StreamEvents as a line.
    public static func event(_ response: Motcua_Submission_V1_StreamEventsResponse) -> String {
        switch response.message {
        case .started(let started)?:
            return "feed at sequence \(started.currentSequence)"
                + (started.resetRequired ? " (reset required: rebuild from the start)" : "") + "\n"
        case .event(let event)?:
            let status =
                event.fromStatus.rawValue == 0
                ? event.status.token : "\(event.fromStatus.token) → \(event.status.token)"
            return [
                String(event.sequence), Format.dateTime(event.occurredAt), event.dossierCode, event.action.token,
                status,
                event.unitCode, event.procedureCode, event.imported ? "imported" : "",
            ].filter { !$0.isEmpty }.joined(separator: "  ") + "\n"
        case nil:
            return ""
        }
    }
}
