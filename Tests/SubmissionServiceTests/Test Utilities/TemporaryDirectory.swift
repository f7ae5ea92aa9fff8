import Foundation

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
struct TemporaryDirectory: Sendable {
    let path: String

    init(_ label: String = "submission") {
        let name = "motcua-\(label)-\(UUID().uuidString.prefix(8))"
        self.path = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name).path
        try? FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}
