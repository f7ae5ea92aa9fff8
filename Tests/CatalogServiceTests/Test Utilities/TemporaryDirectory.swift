import Foundation

/// Runs `body` with a fresh folder under the system's temporary directory, removed afterwards. One at a time (see
/// ``SerialGate``): every caller opens a SQLite database there.
func withTemporaryDirectory<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
    try await SerialGate.databases.run { try await withTemporaryDirectoryNow(body) }
}

private func withTemporaryDirectoryNow<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("motcua-catalog-tests-\(UUID().uuidString)", isDirectory: true).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// The bytes of a file, or empty.
func fileBytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}
