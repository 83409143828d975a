// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Yardstick",
    products: [
        .executable(name: "yardstick", targets: ["yardstick"]),
        .library(name: "YardstickCore", targets: ["YardstickCore"]),
        .library(name: "TableStore", targets: ["TableStore"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "Runner", targets: ["Runner"]),
    ],
    targets: [
        // Implementation details: system libraries (module map + shim.h).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // Public API.
        .target(
            name: "YardstickCore",
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(name: "TableStore", dependencies: ["YardstickCore", "CSQLite", "CZlib"]),
        .target(name: "Optimizers", dependencies: ["YardstickCore"]),
        .target(name: "Runner", dependencies: ["YardstickCore", "TableStore", "Optimizers", "CSQLite"]),
        .executableTarget(name: "yardstick", dependencies: ["YardstickCore", "TableStore", "Optimizers", "Runner"]),

        // Performance harness (not run by the tests).
        .executableTarget(
            name: "yardstick-bench",
            dependencies: ["YardstickCore", "TableStore", "Optimizers", "Runner"],
            path: "Benchmarks/Harness"
        ),

        .testTarget(
            name: "YardstickCoreTests",
            dependencies: ["YardstickCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TableStoreTests",
            dependencies: ["TableStore", "YardstickCore", "CSQLite"]
        ),
        .testTarget(name: "OptimizersTests", dependencies: ["Optimizers", "YardstickCore"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Optimizers", "TableStore", "YardstickCore"]),
        .testTarget(
            name: "YardstickCLITests",
            dependencies: ["yardstick", "TableStore", "YardstickCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
