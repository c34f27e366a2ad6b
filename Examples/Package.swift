// swift-tools-version: 6.1
import PackageDescription

// Programs that use Convene by path, as an app would by URL, built and run by CI so that the
// documentation's code keeps compiling as written: `GettingStarted` is the DocC "Getting started"
// article's program, `ReadmeExample` the README's library example, and `DocSnippets` every Swift
// block of the README and the DocC articles, written into it by `.ci/snippets.py` before the build
// (compiled, not run; its committed main.swift is what the script writes, so that the target
// builds from a clean clone too).
let package = Package(
    name: "ConveneExamples",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Convene", path: "..")],
    targets: [
        .executableTarget(
            name: "GettingStarted",
            dependencies: [.product(name: "Convene", package: "Convene"), .product(name: "ConveneGLPK", package: "Convene")]
        ),
        .executableTarget(
            name: "ReadmeExample",
            dependencies: [.product(name: "Convene", package: "Convene"), .product(name: "ConveneGLPK", package: "Convene")]
        ),
        .executableTarget(
            name: "DocSnippets",
            dependencies: [
                .product(name: "Convene", package: "Convene"), .product(name: "ConveneGLPK", package: "Convene"),
                .product(name: "ConveneURLSession", package: "Convene"),
            ]
        ),
    ]
)
