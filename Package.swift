// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Convene",
    // Synchronization's Mutex and Atomic (lock-free stop flags, checked Sendable state).
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "Convene", targets: ["Convene"]),
        .library(name: "ConveneGLPK", targets: ["ConveneGLPK"]),
        .library(name: "ConveneURLSession", targets: ["ConveneURLSession"]),
        .executable(name: "convene", targets: ["ConveneCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The planner (`convene serve`): HTTP server, its API generated from the OpenAPI document, storage.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    ],
    targets: [
        // The data flow, each target importing only those above it (README, "Layout").
        .target(name: "ConveneCore"),
        .target(name: "ConveneSearch", dependencies: ["ConveneCore"]),
        .target(name: "ConveneExplain", dependencies: ["ConveneCore", "ConveneSearch"]),
        .target(name: "ConveneMILP", dependencies: ["ConveneCore", "ConveneSearch", "ConveneExplain"]),
        .target(name: "ConveneFormats", dependencies: ["ConveneCore"]),
        .target(name: "ConveneGenerate", dependencies: ["ConveneCore"]),
        // The umbrella users import: all of the above, re-exported.
        .target(
            name: "Convene",
            dependencies: ["ConveneCore", "ConveneSearch", "ConveneExplain", "ConveneMILP", "ConveneFormats", "ConveneGenerate"]
        ),
        // pretalx's API over URLSession (FoundationNetworking on Linux): networking stays out of the umbrella.
        .target(name: "ConveneURLSession", dependencies: ["ConveneFormats"]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
        // GLPK as the MILP backend: the only target that imports CGLPK.
        .target(name: "ConveneGLPK", dependencies: ["ConveneCore", "ConveneExplain", "ConveneMILP", "CGLPK"]),
        .executableTarget(
            name: "ConveneCLI",
            dependencies: [
                "Convene",
                "ConveneGLPK",
                "ConvenePlanner",
                "ConveneURLSession",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The planner's API as the OpenAPI document describes it: types and the server protocol,
        // generated at build time, so that the document and the code cannot drift.
        .target(
            name: "ConvenePlannerAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            resources: [.embedInCode("openapi.json")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The planner: storage, jobs, the API's handlers and the web app (embedded in the binary).
        .target(
            name: "ConvenePlanner",
            dependencies: [
                "Convene",
                "ConveneGLPK",
                "ConvenePlannerAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.embedInCode("Web")]
        ),
        // Shared by the test targets only: fixtures, tiny random gatherings, brute force.
        .target(name: "ConveneTestSupport", dependencies: ["Convene"], path: "Tests/ConveneTestSupport"),
        // ConveneTests reaches into ConveneCore's and ConveneFormats' internals (@testable).
        .testTarget(name: "ConveneTests", dependencies: ["Convene", "ConveneCore", "ConveneFormats", "ConveneTestSupport"]),
        .testTarget(name: "ConveneGLPKTests", dependencies: ["Convene", "ConveneGLPK", "CGLPK", "ConveneTestSupport"]),
        .testTarget(name: "ConveneCLITests", dependencies: ["Convene", "ConveneCLI", "ConveneTestSupport"]),
        .testTarget(
            name: "ConvenePlannerTests",
            dependencies: [
                "Convene", "ConvenePlanner", "ConveneTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
