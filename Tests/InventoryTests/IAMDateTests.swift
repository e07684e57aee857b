import Inventory
import Testing

@Suite("dates as AWS exports write them")
struct IAMDateTests {
    @Test("the AWS CLI's ISO-8601 and boto3's Python form give the same instant")
    func forms() {
        #expect(IAMDate.parse("2019-11-13T17:30:00Z") == 1_573_666_200)
        #expect(IAMDate.parse("2019-11-13 17:30:00+00:00") == 1_573_666_200)
        #expect(IAMDate.parse("2019-11-13T18:30:00+01:00") == 1_573_666_200)
        #expect(IAMDate.parse("2019-11-13T17:30:00.123Z") == 1_573_666_200)
        #expect(IAMDate.parse("2024-06-02 20:27:12") == IAMDate.parse("2024-06-02T20:27:12Z"))
        #expect(IAMDate.parse("2024-01-15") == 1_705_276_800)
    }

    @Test("impossible dates and other text are refused")
    func refused() {
        for text in ["2024-02-30", "2023-02-29T00:00:00Z", "2024-13-01", "yesterday", "2024-01-15T25:00:00Z", "2024-01-15Tx", ""] {
            #expect(IAMDate.parse(text) == nil, "\(text)")
        }
        #expect(IAMDate.parse("2024-02-29T00:00:00Z") != nil)
    }

    @Test("formatting gives back ISO-8601 in UTC")
    func format() {
        #expect(IAMDate.format(1_573_666_200) == "2019-11-13T17:30:00Z")
        #expect(IAMDate.format(0) == "1970-01-01T00:00:00Z")
    }
}
