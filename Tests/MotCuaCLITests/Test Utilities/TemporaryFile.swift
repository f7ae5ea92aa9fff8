#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

struct TemporaryFileError: Error {}

/// A file under /tmp with the given content, removed when the value goes away.
final class TemporaryFile {
    let path: String

    init(_ text: String) throws {
        var template = Array("/tmp/motcua-cli-test-XXXXXX.csv".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else { throw TemporaryFileError() }
        self.path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw TemporaryFileError() }
    }

    deinit {
        unlink(self.path)
    }
}
