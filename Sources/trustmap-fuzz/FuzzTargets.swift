import Inventory
import PolicyEngine
import Simulation
import TrustAnalysis

/// One fuzz target per parser of hostile input (issue #14): each takes any bytes and must return —
/// never crash, hang or grow without bound — whatever the bytes are. `.ci/fuzz` runs them under
/// libFuzzer; built normally, `trustmap-fuzz TARGET FILE...` replays inputs (a crash found, a seed).
enum FuzzTarget: String, CaseIterable {
    /// The JSON parser, and the positions it reports.
    case json
    /// YAML inventories: Yams, then the conversion to the JSON model (aliases, duplicate keys, tags).
    case yaml
    /// gzip (and gzip in gzip), through the loader's content sniffing.
    case gzip
    /// A policy document as a trust policy, an identity policy and an SCP: parsed, compiled,
    /// simulated and judged by the findings.
    case policy
    /// CloudTrail records: S3 delivery, lookup-events output, bare records.
    case cloudtrail
    /// The palette's `:simulate` words, through the one request builder.
    case simulateArgs = "simulate-args"

    func run(_ bytes: [UInt8]) {
        switch self {
        case .json:
            if case .failure(let e) = Result(catching: { try JSONParser.parse(bytes) }) {
                _ = JSONParser.position(of: [], in: bytes)
                _ = "\(e)"
            }
        case .yaml:
            _ = InventoryLoader.load(bytes: bytes, fileName: "fuzz.yaml")
        case .gzip:
            _ = InventoryLoader.load(bytes: bytes, fileName: "fuzz.json.gz")
        case .policy:
            Self.policy(bytes)
        case .cloudtrail:
            _ = InventoryLoader.load(bytes: bytes, fileName: "cloudtrail.json")
        case .simulateArgs:
            let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            if let flags = try? RequestFlags.parse(words: words) {
                _ = try? flags.request(now: 1_780_000_000)
            }
        }
    }

    /// The bytes as every kind of policy of a small estate, then a simulation and a full analysis.
    static func policy(_ bytes: [UInt8]) {
        guard (try? JSONParser.parse(bytes)) != nil else { return }
        let document = String(decoding: bytes, as: UTF8.self)
        let inventory = """
        {"version": 1, "name": "fuzz",
         "organization": {"id": "o-fuzz0000001", "managementAccount": "111111111111",
           "scps": [{"name": "fuzzed", "targets": ["root"], "document": \(document)}]},
         "accounts": [{"id": "111111111111", "name": "one"}, {"id": "222222222222", "name": "two"}],
         "users": [{"arn": "arn:aws:iam::222222222222:user/u", "policies": [{"name": "p", "document": \(document)}]}],
         "roles": [{"arn": "arn:aws:iam::111111111111:role/r", "trustPolicy": \(document),
                    "policies": [{"name": "p", "document": \(document)}]}]}
        """
        let report = InventoryLoader.load(text: inventory, fileName: "fuzz.json")
        guard report.isUsable else { return }
        let simulator = Simulator(inventory: report.inventory)
        for principal in ["arn:aws:iam::222222222222:user/u", "222222222222", "arn:aws:sts::111111111111:assumed-role/r/s", "ec2.amazonaws.com"] {
            var r = AssumeRoleRequest(principal: principal, role: "arn:aws:iam::111111111111:role/r", sessionName: "s", externalId: "x", currentTime: 1_780_000_000)
            r.sourceIp = "203.0.113.7"
            _ = simulator.simulate(r).renderText(revealSecrets: false, colour: false)
        }
        _ = Analysis.analyze(report.inventory, at: 1_780_000_000)
    }
}
