// swift-tools-version:6.0
import PackageDescription

// The programs that run a month, or measure it, allocate through jemalloc (Debian's
// libjemalloc-dev), with the options in MonthAllocator/settings.c: a month makes and frees
// tens of millions of small strings and arrays, and glibc's malloc took 8 % more time and
// 4 % more memory for the same 250k-record month.
let monthAllocator: Target.Dependency = "MonthAllocator"
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
// A fuzz target is a library of one function for libFuzzer, which brings its own main.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

// One module per pipeline stage (Ingest, Normalize, Linkage, Classify, Tracking, Assess,
// Ledger, Reports). A stage depends on the vocabulary (RegistryModel), the general-purpose
// helpers (Support) and its own C module only; Pipeline is the one place that wires stages
// together.
let package = Package(
    name: "rereg",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rereg", targets: ["rereg"]),
        .executable(name: "rereg-samples", targets: ["SampleGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),

        .target(name: "MonthAllocator", linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        .target(name: "Support", exclude: ["README.md"]),
        .target(name: "RegistryModel", dependencies: ["Support"], exclude: ["README.md"]),
        .target(
            name: "Ingest",
            dependencies: ["RegistryModel", "Support", "CLibCSV", "CLibXML2", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"], resources: [.copy("Data")]),
        .target(name: "Normalize", dependencies: ["RegistryModel", "Support"], exclude: ["README.md"], resources: [.copy("Data")]),
        .target(name: "Linkage", dependencies: ["RegistryModel", "Support"], exclude: ["README.md"]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "Ledger", dependencies: ["RegistryModel", "Support", "CSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["README.md"]),
        .target(name: "Reports", dependencies: ["RegistryModel", "Support", "CXLSXWriter"], exclude: ["README.md"]),
        .target(name: "Classify", dependencies: ["RegistryModel", "Support"], exclude: ["README.md"], resources: [.copy("Data")]),
        .target(name: "Tracking", dependencies: ["RegistryModel", "Support"], exclude: ["README.md"]),
        .target(name: "Assess", dependencies: ["RegistryModel", "Support"], exclude: ["README.md"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "RegistryModel", "Support", "Ingest", "Normalize", "Linkage", "Classify", "Tracking", "Assess", "Ledger", "Reports",
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            exclude: ["README.md"]),
        .executableTarget(
            name: "rereg",
            dependencies: [
                "Pipeline", "Normalize", "RegistryModel", monthAllocator,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "Evaluation", dependencies: ["Ingest", "Normalize", "RegistryModel", argumentParser], path: "Tools/Evaluation"),
        .executableTarget(
            name: "LinkageBenchmark", dependencies: ["Evaluation", "Classify", "Normalize", "Linkage", "RegistryModel", monthAllocator, argumentParser], path: "Tools/LinkageBenchmark"),
        .executableTarget(
            name: "IngestBenchmark", dependencies: ["Ingest", "Normalize", "RegistryModel", "CLibCSV", monthAllocator, argumentParser], path: "Tools/IngestBenchmark"),
        .executableTarget(name: "EvaluateLedger", dependencies: ["Evaluation", "Ingest", "RegistryModel", argumentParser], path: "Tools/EvaluateLedger"),
        .executableTarget(name: "EvaluateLinkage", dependencies: ["Evaluation", "Classify", "Linkage", "Normalize", "RegistryModel", argumentParser], path: "Tools/EvaluateLinkage"),
        // libFuzzer targets (Tools/Fuzz/README.md): built with the fuzzer by scripts/fuzz.sh
        // (-DFUZZING), they replay the inputs named on their command line otherwise.
        .target(name: "FuzzSupport", path: "Tools/Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzIngest", dependencies: ["FuzzSupport", "Ingest"], path: "Tools/Fuzz/FuzzIngest", swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzNormalize", dependencies: ["FuzzSupport", "Normalize", "RegistryModel"], path: "Tools/Fuzz/FuzzNormalize", swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzDecisions", dependencies: ["FuzzSupport", "Ingest"], path: "Tools/Fuzz/FuzzDecisions", swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzClassify", dependencies: ["FuzzSupport", "Classify", "Normalize", "RegistryModel"], path: "Tools/Fuzz/FuzzClassify",
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "SampleGenerator",
            dependencies: ["RegistryModel", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Tools/SampleGenerator"),

        .executableTarget(
            name: "EvaluateClassify", dependencies: ["Evaluation", "Classify", "Normalize", "Ingest", "RegistryModel", argumentParser], path: "Tools/EvaluateClassify"),

        .executableTarget(
            name: "EvaluateTracking", dependencies: ["Evaluation", "Tracking", "Ingest", "Normalize", "Classify", "RegistryModel", argumentParser], path: "Tools/EvaluateTracking"),

        // Scratch folders for the tests, removed when the test process ends.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "RegistryModelTests", dependencies: ["RegistryModel", "Support"]),
        .testTarget(name: "IngestTests", dependencies: ["TestSupport", "Ingest", "RegistryModel"], exclude: ["Fixtures"]),
        .testTarget(name: "NormalizeTests", dependencies: ["TestSupport", "Normalize", "RegistryModel"]),
        .testTarget(name: "LedgerTests", dependencies: ["TestSupport", "Ledger", "RegistryModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LinkageTests", dependencies: ["Classify", "Linkage", "Normalize", "RegistryModel"]),
        .testTarget(name: "SampleGeneratorTests", dependencies: ["SampleGenerator", "RegistryModel"]),
        .testTarget(name: "ClassifyTests", dependencies: ["Classify", "Normalize", "RegistryModel"]),
        .testTarget(name: "ReportsTests", dependencies: ["TestSupport", "Reports", "RegistryModel"]),
        .testTarget(name: "TrackingTests", dependencies: ["Tracking", "Normalize", "RegistryModel", "Support"]),
        .testTarget(name: "AssessTests", dependencies: ["Assess", "RegistryModel"]),
        .testTarget(name: "PipelineTests", dependencies: ["TestSupport", "Pipeline", "Assess", "Evaluation", "Ingest", "Ledger", "Linkage", "RegistryModel", "Support", "Tracking", "rereg"]),
    ]
)
