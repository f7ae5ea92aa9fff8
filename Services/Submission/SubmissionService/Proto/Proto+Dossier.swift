internal import DomainModel
internal import RPCProtobuf

// Domain → wire: the dossier views, the listing and the events.

extension Motcua_Submission_V1_DossierStatus {
    init(_ status: DossierStatus?) { self.init(rawValue: Int32(status?.rawValue ?? 0)) }
}

extension Motcua_Submission_V1_Channel {
    init(_ channel: DossierChannel) { self.init(rawValue: Int32(channel.rawValue)) }
}

extension Motcua_Submission_V1_DossierAction {
    init(_ kind: DossierActionKind) { self.init(rawValue: Int32(kind.rawValue)) }
}

extension Motcua_Submission_V1_Applicant {
    init(_ applicant: Applicant) {
        self.init()
        self.fullName = applicant.fullName
        self.idNumber = applicant.idNumber
        self.phone = applicant.phone
        self.email = applicant.email
        self.address = applicant.address
    }
}

extension Motcua_Submission_V1_Attachment {
    init(_ attachment: Attachment) {
        self.init()
        self.name = attachment.name
        self.component = attachment.component
        self.mediaType = attachment.mediaType
        self.sizeBytes = attachment.sizeBytes
        self.sha256 = attachment.sha256
    }
}

extension Motcua_Submission_V1_Apology {
    init(_ apology: Apology) {
        self.init()
        self.newDate = Motcua_Catalog_V1_Date(apology.newDate)
        self.reason = apology.reason
    }
}

extension Motcua_Submission_V1_Payment {
    init(_ payment: Payment) {
        self.init()
        self.method = Motcua_Submission_V1_PaymentMethod(rawValue: Int32(payment.method.rawValue))
        self.amountVnd = payment.amountVND
    }
}

extension Motcua_Submission_V1_HistoryEntry {
    init(_ entry: DossierHistoryEntry) {
        self.init()
        self.step = Int32(clamping: entry.step)
        self.action = Motcua_Submission_V1_DossierAction(entry.action)
        self.fromStatus = Motcua_Submission_V1_DossierStatus(entry.fromStatus)
        self.status = Motcua_Submission_V1_DossierStatus(entry.status)
        self.occurredAt = Google_Protobuf_Timestamp(entry.occurredAt)
        self.recordedAt = Google_Protobuf_Timestamp(entry.recordedAt)
        self.actor = entry.actor
        self.note = entry.note
        self.apology = entry.apology.map(Motcua_Submission_V1_Apology.init)
        self.payment = entry.payment.map(Motcua_Submission_V1_Payment.init)
        self.dueDate = Motcua_Catalog_V1_Date(entry.after.dueDate)
    }
}

extension Motcua_Submission_V1_Dossier {
    init(_ dossier: Dossier) {
        self.init()
        self.code = dossier.code.rawValue
        self.procedureCode = dossier.procedure.code.rawValue
        self.procedureName = dossier.procedure.name
        self.procedureField = dossier.procedure.field
        self.unitCode = dossier.unit.code.rawValue
        self.unitName = dossier.unit.name
        self.channel = Motcua_Submission_V1_Channel(dossier.channel)
        self.assistedByStaff = dossier.assistedByStaff
        self.status = Motcua_Submission_V1_DossierStatus(dossier.status)
        self.version = dossier.version
        self.applicant = Motcua_Submission_V1_Applicant(dossier.applicant)
        self.attachments = dossier.attachments.map(Motcua_Submission_V1_Attachment.init)
        self.receivedAt = Google_Protobuf_Timestamp(dossier.receivedAt)
        self.receivedOn = Motcua_Catalog_V1_Date(dossier.receivedOn)
        self.legalDeadline = CatalogProto.legalDeadline(dossier.procedure.legalDeadline)
        self.onlineLevel = Int32(dossier.procedure.onlineLevel.rawValue)
        self.onlineScheme = CatalogProto.onlineScheme(dossier.procedure.onlineScheme)
        self.feeBearing = dossier.procedure.feeBearing
        let workflow = dossier.workflow
        self.dueDate = Motcua_Catalog_V1_Date(workflow.dueDate)
        self.dueAt = Google_Protobuf_Timestamp(workflow.dueAt)
        self.promisedDate = workflow.promisedDate.map(Motcua_Catalog_V1_Date.init)
        self.supplementRequests = Int32(clamping: workflow.supplementRequests)
        self.apologies = Int32(clamping: workflow.apologies)
        self.pausedSince = workflow.pausedSince.map(Google_Protobuf_Timestamp.init)
        self.finishedAt = workflow.finishedAt.map(Google_Protobuf_Timestamp.init)
        self.returnedAt = workflow.returnedAt.map(Google_Protobuf_Timestamp.init)
        self.history = dossier.history.map(Motcua_Submission_V1_HistoryEntry.init)
        if let origin = dossier.origin {
            var message = Motcua_Submission_V1_ImportOrigin()
            message.sourceSystem = origin.sourceSystem
            message.sourceID = origin.sourceID
            self.origin = message
        }
        self.updatedAt = Google_Protobuf_Timestamp(dossier.updatedAt)
    }
}

extension Motcua_Submission_V1_DossierPublicView {
    /// The citizen's view: no applicant data, no actors, notes only where they are notices to the citizen.
    init(_ dossier: Dossier) {
        self.init()
        self.code = dossier.code.rawValue
        self.procedureCode = dossier.procedure.code.rawValue
        self.procedureName = dossier.procedure.name
        self.unitCode = dossier.unit.code.rawValue
        self.unitName = dossier.unit.name
        self.status = Motcua_Submission_V1_DossierStatus(dossier.status)
        self.statusName = dossier.status.vietnameseName
        self.receivedAt = Google_Protobuf_Timestamp(dossier.receivedAt)
        self.dueDate = Motcua_Catalog_V1_Date(dossier.workflow.dueDate)
        self.promisedDate = dossier.workflow.promisedDate.map(Motcua_Catalog_V1_Date.init)
        self.finishedAt = dossier.workflow.finishedAt.map(Google_Protobuf_Timestamp.init)
        self.returnedAt = dossier.workflow.returnedAt.map(Google_Protobuf_Timestamp.init)
        self.history = dossier.history.map { entry in
            var message = Motcua_Submission_V1_PublicHistoryEntry()
            message.action = Motcua_Submission_V1_DossierAction(entry.action)
            message.status = Motcua_Submission_V1_DossierStatus(entry.status)
            message.occurredAt = Google_Protobuf_Timestamp(entry.occurredAt)
            message.notice = entry.action.noteIsCitizenNotice ? entry.note : ""
            message.apology = entry.apology.map(Motcua_Submission_V1_Apology.init)
            return message
        }
    }
}

extension Motcua_Submission_V1_DossierSummary {
    init(_ summary: DossierSummary) {
        self.init()
        self.code = summary.code.rawValue
        self.procedureCode = summary.procedureCode.rawValue
        self.procedureName = summary.procedureName
        self.unitCode = summary.code.unitCode.rawValue
        self.channel = Motcua_Submission_V1_Channel(summary.channel)
        self.assistedByStaff = summary.assistedByStaff
        self.status = Motcua_Submission_V1_DossierStatus(summary.status)
        self.version = summary.version
        self.applicantName = summary.applicantName
        self.receivedAt = Google_Protobuf_Timestamp(summary.receivedAt)
        self.dueDate = Motcua_Catalog_V1_Date(summary.dueDate)
        self.promisedDate = summary.promisedDate.map(Motcua_Catalog_V1_Date.init)
        self.finishedAt = summary.finishedAt.map(Google_Protobuf_Timestamp.init)
    }
}

extension Motcua_Submission_V1_DossierEvent {
    init(_ event: DossierEvent) {
        self.init()
        self.sequence = event.sequence
        self.dossierCode = event.dossierCode.rawValue
        self.dossierVersion = event.dossierVersion
        self.action = Motcua_Submission_V1_DossierAction(event.action)
        self.fromStatus = Motcua_Submission_V1_DossierStatus(event.fromStatus)
        self.status = Motcua_Submission_V1_DossierStatus(event.status)
        self.occurredAt = Google_Protobuf_Timestamp(event.occurredAt)
        self.recordedAt = Google_Protobuf_Timestamp(event.recordedAt)
        self.imported = event.imported
        self.unitCode = event.unitCode.rawValue
        self.procedureCode = event.procedure.code.rawValue
        self.procedureField = event.procedure.field
        self.onlineLevel = Int32(event.procedure.onlineLevel.rawValue)
        self.onlineScheme = CatalogProto.onlineScheme(event.procedure.onlineScheme)
        self.feeBearing = event.procedure.feeBearing
        self.legalDeadline = CatalogProto.legalDeadline(event.procedure.legalDeadline)
        self.channel = Motcua_Submission_V1_Channel(event.channel)
        self.assistedByStaff = event.assistedByStaff
        self.receivedAt = Google_Protobuf_Timestamp(event.receivedAt)
        self.receivedOn = Motcua_Catalog_V1_Date(VietnamTime.date(of: event.receivedAt))
        let after = event.after
        self.dueDate = Motcua_Catalog_V1_Date(after.dueDate)
        self.promisedDate = after.promisedDate.map(Motcua_Catalog_V1_Date.init)
        self.supplementRequests = Int32(clamping: after.supplementRequests)
        self.apologies = Int32(clamping: after.apologies)
        self.pausedSince = after.pausedSince.map(Google_Protobuf_Timestamp.init)
        self.finishedAt = after.finishedAt.map(Google_Protobuf_Timestamp.init)
        self.payment = event.payment.map(Motcua_Submission_V1_Payment.init)
        self.apology = event.apology.map(Motcua_Submission_V1_Apology.init)
    }
}
