// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Convene",
    // Synchronization's Mutex and Atomic (lock-free stop flags, checked Sendable state).
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "Convene", targets: ["Convene"]),
        .library(name: "ConveneGLPK", targets: ["ConveneGLPK"]),
        .executable(name: "convene", targets: ["ConveneCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .target(name: "Convene"),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
        .target(name: "ConveneGLPK", dependencies: ["Convene", "CGLPK"]),
        .executableTarget(
            name: "ConveneCLI",
            dependencies: [
                "Convene",
                "ConveneGLPK",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets only: fixtures, tiny random gatherings, brute force.
        .target(name: "ConveneTestSupport", dependencies: ["Convene"], path: "Tests/ConveneTestSupport"),
        .testTarget(name: "ConveneTests", dependencies: ["Convene", "ConveneTestSupport"]),
        .testTarget(name: "ConveneGLPKTests", dependencies: ["Convene", "ConveneGLPK", "CGLPK", "ConveneTestSupport"]),
        .testTarget(name: "ConveneCLITests", dependencies: ["Convene", "ConveneCLI", "ConveneTestSupport"]),
    ]
)
