// swift-tools-version:6.0
import PackageDescription

// Dependencies are the ecosystem's standard packages only:
// swift-argument-parser (commands, help, exit code 64 on usage errors) and Yams (YAML inventories and themes).
let package = Package(
    name: "trustmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trustmap", targets: ["trustmap"]),
        .executable(name: "trustmap-bench", targets: ["trustmap-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The only C in the project: ncurses through a module map and one shim header.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // What a terminal shows for a string (control and bidi characters escaped) and how wide it is: the one
        // table the engine's text output, the screen buffer and the graph layout share.
        .target(name: "TerminalText"),
        .target(name: "PolicyEngine", dependencies: ["TerminalText"]),
        .target(name: "Inventory", dependencies: ["PolicyEngine", .product(name: "Yams", package: "Yams")]),
        // The evaluator applied to an inventory: guardrail levels, sessions, federation, the compiled
        // and indexed roles, and the one request builder of the CLI, the palette and request files.
        .target(name: "Simulation", dependencies: ["Inventory", "PolicyEngine"]),
        .target(name: "TrustAnalysis", dependencies: ["Simulation", "Inventory", "PolicyEngine"]),
        .target(name: "GraphLayout", dependencies: ["TerminalText"]),
        // themes/*.yaml compiled into TerminalUI at build time: the files are the only source of the built-in themes.
        .executableTarget(name: "embed-themes", path: "Sources/EmbedThemes"),
        .plugin(name: "EmbedThemesPlugin", capability: .buildTool(), dependencies: ["embed-themes"], path: "Sources/EmbedThemesPlugin"),
        .target(name: "TerminalUI", dependencies: ["TerminalText", .product(name: "Yams", package: "Yams")], plugins: ["EmbedThemesPlugin"]),
        .target(name: "TrustmapApp", dependencies: ["TrustAnalysis", "Simulation", "Inventory", "PolicyEngine", "GraphLayout", "TerminalUI"]),
        .target(name: "NcursesBackend", dependencies: ["CNcurses", "TerminalUI"]),
        .executableTarget(
            name: "trustmap",
            dependencies: [
                "TrustmapApp", "NcursesBackend", "TrustAnalysis", "Simulation", "Inventory", "PolicyEngine", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "trustmap-bench",
            dependencies: ["TrustmapApp", "TrustAnalysis", "Simulation", "Inventory", "PolicyEngine", "TerminalUI"]
        ),
        // One fuzz target per parser of hostile input: libFuzzer through `.ci/fuzz`, a replay tool otherwise.
        .executableTarget(
            name: "trustmap-fuzz",
            dependencies: ["TrustAnalysis", "Simulation", "Inventory", "PolicyEngine"]
        ),
        .testTarget(name: "PolicyEngineTests", dependencies: ["PolicyEngine"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Inventory", "PolicyEngine"]),
        .testTarget(name: "InventoryTests", dependencies: ["Inventory", "PolicyEngine"]),
        .testTarget(name: "TrustAnalysisTests", dependencies: ["TrustAnalysis", "Inventory", "PolicyEngine"]),
        .testTarget(name: "GraphLayoutTests", dependencies: ["GraphLayout"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "TrustmapAppTests", dependencies: ["TrustmapApp", "TerminalUI", "TrustAnalysis", "Inventory"]),
        .testTarget(name: "EndToEndTests", dependencies: ["trustmap", "TerminalText"]),
    ]
)
