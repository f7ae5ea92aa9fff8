import Foundation

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init(_ prefix: String = "motcua-statistics-tests") {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.path = url.path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}

/// Runs `body` with a temporary folder that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    return try await body(directory.path)
}
