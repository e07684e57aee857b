/// The embedded demo organization, compiled into the binary so `swift run trustmap` works
/// from any working directory with no files beside it.
public enum DemoInventory {
    /// The file name errors and `validate` use for the demo.
    public static let fileName = "<demo>"

    /// Native inventory format, version 1 (spec/inventory.md).
    public static let yaml = #"""
    version: 1
    name: Demo (placeholder)
    accounts:
      - id: "111111111111"
        name: prod
    roles: []
    users: []
    """#
}
