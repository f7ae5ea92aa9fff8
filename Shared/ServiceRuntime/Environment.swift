#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads configuration from environment variables (flags win over variables; variables win over defaults).
public enum Environment {
    /// The value of an environment variable, or nil if unset or empty.
    public static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let value = String(cString: raw)
        return value.isEmpty ? nil : value
    }

    /// An integer variable, or the default when unset or not an integer.
    public static func int(_ name: String, default defaultValue: Int) -> Int {
        self.value(name).flatMap { Int($0) } ?? defaultValue
    }

    /// A string variable, or the default.
    public static func string(_ name: String, default defaultValue: String) -> String {
        self.value(name) ?? defaultValue
    }
}
