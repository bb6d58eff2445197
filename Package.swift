// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tierlint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tierlint", targets: ["tierlint"]),
        // The fuzzing harness, for the separate package in Fuzz/.
        .library(name: "TierlintFuzzing", targets: ["TierlintFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // Tests only: property-based tests of the parsers.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // C libraries from the system, found by pkg-config. Only the adapters below import them.
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),

        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),

        // GitHub's Markdown parser behind a Swift value API: bytes in, blocks and tables out.
        .target(name: "TierlintMarkdown", dependencies: ["CCmarkGFM"]),

        // The policy engine: files in, findings out. No git, no file system.
        .target(
            name: "TierlintCore",
            dependencies: ["TierlintMarkdown", "Yams"],
            resources: [
                .embedInCode("Resources/models.yml"),
                .embedInCode("Resources/presets/finops.yml"),
                .embedInCode("Resources/presets/containment.yml"),
                .embedInCode("Resources/presets/coding-heavy.yml"),
            ]
        ),

        // Reads files from the index, a tree or the working tree; installs the hook.
        .target(
            name: "TierlintGit",
            dependencies: ["CGit2", "TierlintCore"],
            resources: [.embedInCode("Resources/pre-commit")]
        ),

        // Reads execution logs from disk or standard input in chunks, gunzipping with zlib.
        .target(name: "TierlintStreams", dependencies: ["CZlib"]),

        // Drives each parser of user input as tierlint does, for the fuzzers in Fuzz/ and the
        // regression tests that replay what they found.
        .target(name: "TierlintFuzzing", dependencies: ["TierlintCore", "TierlintMarkdown"]),

        .executableTarget(
            name: "tierlint",
            dependencies: [
                "TierlintCore", "TierlintGit", "TierlintStreams",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TierlintMarkdownTests", dependencies: ["TierlintMarkdown"]),
        // Real git repositories in temporary folders, and the built binary, for the tests below.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "TierlintCoreTests",
            dependencies: [
                "TierlintCore", "TierlintFuzzing", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "TierlintGitTests", dependencies: ["TierlintGit", "TierlintCore", "TestSupport"]),
        .testTarget(name: "TierlintStreamsTests", dependencies: ["TierlintStreams"]),
        .testTarget(name: "EndToEndTests", dependencies: ["tierlint", "TestSupport"]),
    ]
)
