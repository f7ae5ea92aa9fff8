/// A built-in data file (a resource of the catalog service) is missing or malformed: a packaging bug, fatal at
/// startup.
public struct BuiltInDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The resource file name.
    public var file: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        self.line > 0 ? "\(self.file):\(self.line): \(self.reason)" : "\(self.file): \(self.reason)"
    }
}
