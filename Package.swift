// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Convene",
    products: [
        .library(name: "Convene", targets: ["Convene"]),
        .executable(name: "convene", targets: ["ConveneCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "Convene"),
        .executableTarget(
            name: "ConveneCLI",
            dependencies: [
                "Convene",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConveneTests", dependencies: ["Convene"]),
        .testTarget(name: "ConveneCLITests", dependencies: ["Convene", "ConveneCLI"]),
    ]
)
