import PolicyEngine

/// CloudTrail records (`{"Records": [...]}` as delivered to S3, or `lookup-events` output whose
/// `CloudTrailEvent` members hold each record as a JSON string): the STS role assumptions in them.
enum CloudTrailReader {
    static func readRecords(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        let items = ctx.list(root["Records"] ?? .null, at: [.key("Records")], expected: "CloudTrail records") ?? []
        for (i, item) in items.enumerated() {
            read(item, at: [.key("Records"), .index(i)], into: &fragment, ctx: ctx)
        }
    }

    static func readBare(_ root: JSONValue, into fragment: inout InventoryFragment, ctx: ReadContext) {
        if case .array(let items) = root {
            for (i, item) in items.enumerated() { read(item, at: [.index(i)], into: &fragment, ctx: ctx) }
        } else {
            read(root, at: [], into: &fragment, ctx: ctx)
        }
    }

    static func readLookupEvents(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        let items = ctx.list(root["Events"] ?? .null, at: [.key("Events")], expected: "CloudTrail events") ?? []
        for (i, item) in items.enumerated() {
            let path: [JSONPathComponent] = [.key("Events"), .index(i), .key("CloudTrailEvent")]
            guard item.objectValue != nil else {
                ctx.warning(Array(path.dropLast()), "expected a CloudTrail event (an object), found \(item.kindDescription); it is skipped")
                continue
            }
            guard let text = item["CloudTrailEvent"]?.stringValue else {
                let found = item["CloudTrailEvent"].map { $0.kindDescription } ?? "nothing"
                ctx.warning(path, "expected the event's CloudTrailEvent as a JSON string, found \(found); the event is skipped")
                continue
            }
            guard let record = try? JSONParser.parse(text) else {
                ctx.warning(path, "the CloudTrailEvent string is not valid JSON; the event is skipped")
                continue
            }
            read(record, at: path, into: &fragment, ctx: ctx)
        }
    }

    private static func read(_ record: JSONValue, at path: [JSONPathComponent], into fragment: inout InventoryFragment, ctx: ReadContext) {
        guard let o = record.objectValue else {
            ctx.warning(path, "expected a CloudTrail record (an object), found \(record.kindDescription); it is skipped")
            return
        }
        guard o["eventSource"]?.stringValue == "sts.amazonaws.com",
              let name = o["eventName"]?.stringValue, name.hasPrefix("AssumeRole") else { return }
        guard let timeText = o["eventTime"]?.stringValue, let time = IAMDate.parse(timeText) else {
            ctx.warning(path + [.key("eventTime")], "the \(name) event has no readable eventTime; it is skipped")
            return
        }
        let identity = o["userIdentity"]?.objectValue
        let caller = identity?["arn"]?.stringValue
            ?? identity?["invokedBy"]?.stringValue
            ?? identity?["identityProvider"]?.stringValue
            ?? identity?["accountId"]?.stringValue
        let roleArn = o["requestParameters"]?["roleArn"]?.stringValue
        fragment.events.append(ObservedEvent(
            eventName: name, eventTime: time, callerArn: caller, roleArn: roleArn,
            sourceIp: o["sourceIPAddress"]?.stringValue, errorCode: o["errorCode"]?.stringValue))
    }
}
