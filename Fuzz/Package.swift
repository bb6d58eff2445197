// swift-tools-version:6.0
// libFuzzer targets for tierlint's parsers of user input. Not part of the main package, so
// that `swift build` and `swift test` never build them; Fuzz/run.sh builds and runs them.
import PackageDescription

let package = Package(
    name: "tierlint-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "tierlint", path: "..")],
    targets: [
        .executableTarget(
            name: "tierlint-fuzz",
            dependencies: [.product(name: "TierlintFuzzing", package: "tierlint")],
            path: "Sources/FuzzTargets"
        ),
    ]
)
