internal import DomainModel
internal import Foundation

/// The opaque `page_token` of ListProcedures: where the next page starts, tied to the filters it was made for.
///
/// Encoding (base64url, no padding): version byte 1, the filter's 64-bit fingerprint (big-endian), the relevance rank
/// (one byte), then the last code of the page (UTF-8). Nothing in it is secret; it is opaque so that its shape can
/// change.
enum ProcedurePageToken {
    private static let version: UInt8 = 1

    static func encode(_ cursor: ProcedureCursor, filter: ProcedureFilter) -> String {
        var bytes: [UInt8] = [self.version]
        let fingerprint = filter.fingerprint
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: fingerprint >> UInt64(shift))) }
        bytes.append(UInt8(clamping: cursor.rank))
        bytes += Array(cursor.code.rawValue.utf8)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The cursor of a token, or an `invalidArgument` error for `page_token`.
    static func decode(_ token: String, filter: ProcedureFilter) throws(DomainError) -> ProcedureCursor {
        let malformed = DomainError.invalid(field: "page_token", "is not a page token issued by ListProcedures")
        guard token.utf8.count <= 200, token.utf8.allSatisfy({ Self.isBase64URL($0) }) else { throw malformed }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { throw malformed }
        let bytes = [UInt8](data)
        guard bytes.count > 10, bytes[0] == self.version else { throw malformed }
        let fingerprint = bytes[1...8].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        guard fingerprint == filter.fingerprint else {
            throw DomainError.invalid(field: "page_token", "was issued for other filters; send the same filters as the first page")
        }
        guard bytes[9] <= 3, let text = String(validating: bytes[10...], as: UTF8.self), let code = ProcedureCode(text) else { throw malformed }
        return ProcedureCursor(rank: Int(bytes[9]), code: code)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
