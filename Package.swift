// swift-tools-version:6.1
import PackageDescription

// MARK: - Settings shared by every Swift target

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

/// Hot-path modules skip dynamic exclusivity checks in release builds (they cost ~4% of a unary call).
let hotPathSettings: [SwiftSetting] = swiftSettings + [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-cross-module-optimization"], .when(configuration: .release))
]

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let dequeModule = Target.Dependency.product(name: "DequeModule", package: "swift-collections")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let grdbSQLite = Target.Dependency.product(name: "GRDBSQLite", package: "GRDB.swift")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")

let package = Package(
    name: "MotCua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "interop-server", targets: ["InteropServer"]),
        .executable(name: "interop-client", targets: ["InteropClient"]),
        .executable(name: "greeter-server", targets: ["GreeterServer"]),
        .executable(name: "catalog-server", targets: ["CatalogServer"]),
        .executable(name: "motcua", targets: ["MotCua"]),
        .executable(name: "submission-server", targets: ["SubmissionServer"]),
        .executable(name: "submission-bench", targets: ["SubmissionBench"]),
        .executable(name: "statistics-server", targets: ["StatisticsServer"]),
        .executable(name: "statistics-bench", targets: ["StatisticsBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - C libraries (system) and generated C code

        .systemLibrary(
            name: "CNGHTTP2",
            path: "Shared/CNGHTTP2",
            pkgConfig: "libnghttp2",
            providers: [.apt(["libnghttp2-dev"])]
        ),
        .systemLibrary(
            name: "CProtobufC",
            path: "Shared/CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Shared/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CMotCuaSystem",
            path: "Shared/CMotCuaSystem"
        ),
        .target(
            name: "CProtoMessages",
            dependencies: ["CProtobufC"],
            path: "Shared/CProtoMessages"
        ),

        // MARK: - RPC runtime

        .target(
            name: "RPCCore",
            dependencies: [logging],
            path: "Shared/RPCCore",
            swiftSettings: hotPathSettings
        ),
        .target(
            name: "RPCProtobuf",
            dependencies: ["RPCCore", "CProtobufC", "CProtoMessages"],
            path: "Shared/RPCProtobuf",
            swiftSettings: hotPathSettings
        ),
        .target(
            name: "RPCTransportHTTP2",
            dependencies: ["RPCCore", "CNGHTTP2", "CZlib", "CMotCuaSystem", nioCore, nioPosix, dequeModule, logging],
            path: "Shared/RPCTransportHTTP2",
            swiftSettings: hotPathSettings
        ),
        .target(
            name: "RPCStandardServices",
            dependencies: ["RPCCore", "RPCProtobuf"],
            path: "Shared/RPCStandardServices",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ServiceRuntime",
            dependencies: ["RPCCore", "RPCProtobuf", "RPCTransportHTTP2", "RPCStandardServices", logging, serviceLifecycle, unixSignals],
            path: "Shared/ServiceRuntime",
            swiftSettings: swiftSettings
        ),

        // MARK: - Domain model and storage

        .target(
            name: "DomainModel",
            path: "Shared/DomainModel",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: [grdb, logging],
            path: "Shared/Storage",
            swiftSettings: swiftSettings
        ),

        // MARK: - Services

        .target(
            name: "CatalogService",
            dependencies: ["DomainModel", "Storage", "RPCCore", "RPCProtobuf", grdb, logging],
            path: "Services/Catalog/CatalogService",
            resources: [
                .copy("Resources/dien-bien-units-2022.csv"),
                .copy("Resources/vietnam-days-off-2021-2027.csv"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CatalogServer",
            dependencies: ["CatalogService", "DomainModel", "ServiceRuntime", "RPCTransportHTTP2", argumentParser, logging],
            path: "Services/Catalog/CatalogServer",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "SubmissionService",
            dependencies: ["DomainModel", "RPCCore", "RPCProtobuf", grdb, logging, serviceLifecycle],
            path: "Services/Submission/SubmissionService",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SubmissionServer",
            dependencies: ["SubmissionService", "DomainModel", "ServiceRuntime", "RPCCore", "RPCTransportHTTP2", argumentParser, logging, serviceLifecycle, unixSignals],
            path: "Services/Submission/SubmissionServer",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SubmissionBench",
            dependencies: ["SubmissionService", "DomainModel", "RPCCore", "RPCProtobuf", "RPCTransportHTTP2", argumentParser],
            path: "Services/Submission/SubmissionBench",
            swiftSettings: swiftSettings
        ),

        // MARK: - The demo province (generator of the demo history; loaded by `motcua demo load`)

        .target(
            name: "DemoProvince",
            dependencies: ["DomainModel"],
            path: "Services/Demo/DemoProvince",
            swiftSettings: swiftSettings
        ),

        // MARK: - Command-line client

        .target(
            name: "MotCuaCLI",
            dependencies: ["RPCCore", "RPCProtobuf", "RPCTransportHTTP2", "DomainModel", "DemoProvince", argumentParser, logging],
            path: "Services/CLI/MotCuaCLI",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MotCua",
            dependencies: ["MotCuaCLI"],
            path: "Services/CLI/MotCua",
            swiftSettings: swiftSettings
        ),

        // MARK: - Statistics

        .target(
            name: "StatisticsService",
            dependencies: ["DomainModel", "RPCCore", "RPCProtobuf", grdb, grdbSQLite, logging, serviceLifecycle],
            path: "Services/Statistics/StatisticsService",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StatisticsServer",
            dependencies: ["StatisticsService", "DomainModel", "RPCCore", "ServiceRuntime", "RPCTransportHTTP2", argumentParser, logging, serviceLifecycle, unixSignals],
            path: "Services/Statistics/StatisticsServer",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StatisticsBench",
            dependencies: ["StatisticsService", "DomainModel", "RPCCore", "RPCProtobuf", "RPCTransportHTTP2", argumentParser, logging],
            path: "Services/Statistics/StatisticsBench",
            swiftSettings: swiftSettings
        ),

        // MARK: - Test and benchmark servers

        .target(
            name: "InteropService",
            dependencies: ["RPCCore", "RPCProtobuf"],
            path: "Services/Interop/InteropService",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "InteropServer",
            dependencies: ["InteropService", "RPCCore", "RPCProtobuf", "RPCTransportHTTP2", "RPCStandardServices", "ServiceRuntime", argumentParser, logging, serviceLifecycle, unixSignals],
            path: "Services/Interop/InteropServer",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "InteropClient",
            dependencies: ["RPCCore", "RPCProtobuf", "RPCTransportHTTP2", argumentParser, logging],
            path: "Services/Interop/InteropClient",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GreeterServer",
            dependencies: ["RPCCore", "RPCProtobuf", "RPCTransportHTTP2", "ServiceRuntime", logging, serviceLifecycle, unixSignals],
            path: "Services/Greeter/GreeterServer",
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(
            name: "RPCCoreTests",
            dependencies: ["RPCCore"],
            path: "Tests/RPCCoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DomainModelTests",
            dependencies: ["DomainModel"],
            path: "Tests/DomainModelTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CatalogServiceTests",
            dependencies: ["CatalogService", "DomainModel", "Storage", "RPCCore", "RPCProtobuf", logging],
            path: "Tests/CatalogServiceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SubmissionServiceTests",
            dependencies: ["SubmissionService", "DomainModel", "RPCCore", "RPCProtobuf", "RPCTransportHTTP2", grdb, logging],
            path: "Tests/SubmissionServiceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StatisticsServiceTests",
            dependencies: ["StatisticsService", "DomainModel", "RPCCore", "RPCProtobuf", "RPCTransportHTTP2", grdb, logging, serviceLifecycle],
            path: "Tests/StatisticsServiceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DemoProvinceTests",
            dependencies: ["DemoProvince", "CatalogService", "DomainModel"],
            path: "Tests/DemoProvinceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RPCProtobufTests",
            dependencies: ["RPCCore", "RPCProtobuf"],
            path: "Tests/RPCProtobufTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MotCuaCLITests",
            dependencies: ["MotCuaCLI", "RPCCore", "RPCProtobuf", "DomainModel", "DemoProvince", argumentParser],
            path: "Tests/MotCuaCLITests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RPCTransportHTTP2Tests",
            dependencies: ["RPCCore", "RPCTransportHTTP2", "RPCProtobuf", "RPCStandardServices", "InteropService", nioCore, nioPosix],
            path: "Tests/RPCTransportHTTP2Tests",
            swiftSettings: swiftSettings
        ),
    ]
)
