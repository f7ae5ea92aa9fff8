internal import MotCuaCLI

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The `motcua` executable: runs the command line and exits with its code.
@main
struct MotCua {
    static func main() async {
        let code = await MotCuaCLI.run(Array(CommandLine.arguments.dropFirst()), context: .standard())
        exit(code)
    }
}
