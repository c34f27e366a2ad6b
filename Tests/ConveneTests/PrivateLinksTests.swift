import Convene
import ConveneTestSupport
import Foundation
import Testing

@testable import ConveneFormats

/// SHA-256 and HMAC-SHA256 against their published test vectors, the private links made with
/// them, and the time zone abbreviations calendars name.
@Suite struct PrivateLinksTests {
    @Test func sha256MatchesTheFIPSVectors() {
        #expect(SHA256.hex(SHA256.hash(Array("".utf8))) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(
                SHA256.hash(
                    Array(
                        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
                            .utf8)))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(
            SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Lengths around the 64-byte block and its 56-byte padding boundary.
        #expect(
            SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 55)))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 64)))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func hmacMatchesRFC4231() {
        func hex(_ text: String) -> [UInt8] {
            stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16) ?? 0 }
        }
        // Test cases 1, 2 and 6 (a key longer than a block).
        #expect(
            SHA256.hex(SHA256.hmac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            SHA256.hex(
                SHA256.hmac(
                    key: [UInt8](repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
                ))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(hex("0b0c").count == 2)
    }

    @Test func privateLinksAreStableAndCannotBeGuessedFromTheId() throws {
        let secret = Array("a secret of at least sixteen characters".utf8)
        var publisher = SitePublisher(baseURL: "https://example.org/p2pu/", stamp: GoldenTests.stamp)
        publisher.linkSecret = secret
        let (site, _, g) = try SiteFixture.p2pu(publisher)
        let (again, _, _) = try SiteFixture.p2pu(publisher)
        let pages = site.files.map(\.path).filter { $0.hasPrefix("people/") && $0.hasSuffix(".html") }
        #expect(pages.count == g.people.count + g.attendees.filter { $0.person == nil }.count)
        #expect(pages == again.files.map(\.path).filter { $0.hasPrefix("people/") && $0.hasSuffix(".html") })
        let ids = g.people.map(\.id) + g.attendees.map(\.id)
        for page in pages {
            let name = String(page.dropFirst("people/".count).dropLast(".html".count))
            #expect(name.count == 32 && name.allSatisfy(\.isHexDigit), "\(page)")
            #expect(!ids.contains { name.contains($0) })
        }
        #expect(
            SiteNames.privateName("attendee-02", secret: secret)
                == pages.first { site[$0]?.contains("<h1>attendee-02</h1>") == true }.map {
                    String($0.dropFirst("people/".count).dropLast(".html".count))
                })
        // Another secret, other addresses.
        #expect(
            SiteNames.privateName("attendee-02", secret: Array("another secret, sixteen or more".utf8))
                != SiteNames.privateName("attendee-02", secret: secret))
        // No page links to a personal page; the links table lists every one.
        for file in site.files where file.path.hasSuffix(".html") && !file.path.hasPrefix("people/") {
            #expect(!file.contents.contains("people/"), "\(file.path)")
        }
        let links = try #require(site.state.first { $0.path == ".convene/links.csv" }).contents
        #expect(links.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == pages.count + 1)
        #expect(
            links.contains("attendee-02,,https://example.org/p2pu/people/\(SiteNames.privateName("attendee-02", secret: secret)).html,"))
        #expect(try SiteFixture.brokenLinks(site) == [])
    }

    @Test func attendeesAreListedOnlyWhenAsked() throws {
        let (quiet, _, _) = try SiteFixture.p2pu()
        #expect(quiet["index.html"]?.contains("people/attendee-01.html") == false)
        #expect(quiet["index.html"]?.contains("people/p2pu-director.html") == true)
        #expect(quiet["people/attendee-01.html"] != nil)
        var listing = SitePublisher(stamp: GoldenTests.stamp)
        listing.listAttendees = true
        #expect(try SiteFixture.p2pu(listing).0["index.html"]?.contains("people/attendee-01.html") == true)
    }

    @Test func zoneAbbreviationsComeFromTheTzDatabase() throws {
        func at(_ text: String, _ zone: String) throws -> String {
            let tz = try #require(TimeZone(identifier: zone))
            guard case .success(let t) = LocalTime.instant(text, in: tz) else { throw TestFailure.invalid(text) }
            return ZoneAbbreviation.at(t, in: tz)
        }
        #expect(try at("2019-09-19T09:00", "America/New_York") == "EDT")
        #expect(try at("2019-12-19T09:00", "America/New_York") == "EST")
        #expect(try at("2019-07-01T09:00", "Europe/Berlin") == "CEST")
        #expect(try at("2019-01-01T09:00", "Europe/Berlin") == "CET")
        #expect(try at("2019-01-01T09:00", "Asia/Kolkata") == "IST")
        // Far past the file's transitions, its footer names them.
        #expect(try at("2090-07-01T09:00", "America/New_York") == "EDT")
        #expect(try at("2090-01-01T09:00", "America/New_York") == "EST")
        #expect(ZoneAbbreviation.TZif.names("EST5EDT,M3.2.0,M11.1.0")?.0 == "EST")
        #expect(ZoneAbbreviation.TZif.names("EST5EDT,M3.2.0,M11.1.0")?.1 == "EDT")
        #expect(ZoneAbbreviation.TZif.names("<+0530>-5:30")?.0 == "+0530")
        #expect(ZoneAbbreviation.TZif.names("<+0530>-5:30")?.1 == nil)
        #expect(ZoneAbbreviation.TZif([0, 1, 2]) == nil)
        // The P2PU calendar's VTIMEZONE names EDT.
        let (site, _, _) = try SiteFixture.p2pu()
        #expect(site["schedule.ics"]?.contains("TZNAME:EDT\r\n") == true && site["schedule.ics"]?.contains("GMT") == false)
    }
}
