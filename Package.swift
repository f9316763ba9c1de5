// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "copylint",
    products: [
        .library(name: "CopyLintKit", targets: ["CopyLintKit"]),
        .executable(name: "copylint", targets: ["copylint"]),
    ],
    targets: [
        .target(name: "CopyLintKit"),
        .executableTarget(name: "copylint", dependencies: ["CopyLintKit"]),
        .testTarget(name: "CopyLintKitTests", dependencies: ["CopyLintKit"], exclude: ["Golden", "Fuzz", "Editors"]),
    ]
)
