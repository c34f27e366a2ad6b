import Foundation

/// A zip archive of stored (uncompressed) entries, each with its CRC-32: what `unzip` and every desktop reads, written
/// without a compression library. A published site is text of a few megabytes at most, so storing costs little.
package struct ZipArchive {
    private var data = Data()
    private var central = Data()
    private var count = 0

    package init() {}

    /// Adds a file at `path` (forward slashes, relative).
    package mutating func add(_ path: String, _ contents: Data, modified: Date = Date(timeIntervalSince1970: 315_532_800)) {
        let name = Data(path.utf8)
        let crc = Self.crc32(contents)
        let (time, date) = Self.dosTime(modified)
        let offset = UInt32(data.count)
        // The fields the local header and the central entry share: flags bit 11 (UTF-8 names), method 0 (stored),
        // time, date, CRC, both sizes (equal: stored), the name's length and no extra field.
        var shared = Data()
        for field: UInt16 in [0x0800, 0, time, date] { shared.append(le16: field) }
        for field in [crc, UInt32(contents.count), UInt32(contents.count)] { shared.append(le32: field) }
        shared.append(le16: UInt16(name.count))
        shared.append(le16: 0)
        // Local file header (version needed 2.0), then the file.
        data.append(le32: 0x0403_4b50)
        data.append(le16: 20)
        data.append(shared)
        data.append(name)
        data.append(contents)
        // Its central directory entry: made by and needing version 2.0; no comment, disk 0, no internal attributes.
        central.append(le32: 0x0201_4b50)
        central.append(le16: 20)
        central.append(le16: 20)
        central.append(shared)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le32: 0o100644 << 16)
        central.append(le32: offset)
        central.append(name)
        count += 1
    }

    /// The whole archive: the entries, the central directory and its end record.
    package var bytes: Data {
        var archive = data
        archive.append(central)
        archive.append(le32: 0x0605_4b50)
        archive.append(le16: 0)
        archive.append(le16: 0)
        archive.append(le16: UInt16(count))
        archive.append(le16: UInt16(count))
        archive.append(le32: UInt32(central.count))
        archive.append(le32: UInt32(data.count))
        archive.append(le16: 0)
        return archive
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (IEEE 802.3, the zip format's), as `crc32` of zlib computes it.
    package static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// MS-DOS time and date (UTC), the zip format's; 1980 at the earliest.
    private static func dosTime(_ date: Date) -> (UInt16, UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max(1980, c.year ?? 1980)
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let day = UInt16((year - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        return (time, day)
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    fileprivate mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
