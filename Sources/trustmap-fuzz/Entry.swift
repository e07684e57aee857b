import Foundation

#if TRUSTMAP_LIBFUZZER
/// libFuzzer's entry point (`.ci/fuzz` builds with `-sanitize=fuzzer,address -D TRUSTMAP_LIBFUZZER`);
/// the target is named by `TRUSTMAP_FUZZ_TARGET`.
@_cdecl("LLVMFuzzerTestOneInput")
public func trustmapFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point under this name; libFuzzer's driver runs from it.
@_cdecl("trustmap_fuzz_main")
public func trustmapFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in trustmapFuzz(data, size) }
}
#else


/// Built normally: `trustmap-fuzz TARGET FILE...` runs each file through the target once, to replay a
/// crash libFuzzer found or to check the seeds.
@main
struct ReplayFuzzInputs {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: trustmap-fuzz TARGET FILE...   (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(64)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(66)
            }
            target.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif

extension FuzzTarget {
    static var selected: FuzzTarget {
        guard let p = getenv("TRUSTMAP_FUZZ_TARGET"), let t = FuzzTarget(rawValue: String(cString: p)) else {
            fatalError("set TRUSTMAP_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return t
    }
}
