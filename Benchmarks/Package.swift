// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that users of the library never fetch
// ordo-one/benchmark. Run them with `swift package benchmark` from this folder.
let package = Package(
    name: "ConveneBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Convene", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ConveneBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Convene", package: "Convene"),
                .product(name: "ConveneGLPK", package: "Convene"),
            ],
            path: "Benchmarks/ConveneBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // How long a cancelled solve takes to return, per solver: `swift run -c release CancelLatency INPUT...`.
        .executableTarget(
            name: "CancelLatency",
            dependencies: [.product(name: "Convene", package: "Convene"), .product(name: "ConveneGLPK", package: "Convene")],
            path: "Benchmarks/CancelLatency"
        ),
        // Itineraries through an agenda, timed per planner: `swift run -c release ItineraryTiming INPUT AGENDA [SECONDS]`.
        .executableTarget(
            name: "ItineraryTiming",
            dependencies: [.product(name: "Convene", package: "Convene"), .product(name: "ConveneGLPK", package: "Convene")],
            path: "Benchmarks/ItineraryTiming"
        ),
    ]
)
