import ConveneCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder a site is published into, and how a publish replaces the one before it.
///
/// **Which files are the publisher's.** Every publish records each file it wrote, with its
/// SHA-256, in `.convene/manifest.json`. A file is the publisher's while it is listed there *and*
/// still has that hash; anything else in the folder (a file the manifest does not list, or one
/// changed since) is the user's, and is never changed, overwritten or removed. `.convene/` itself
/// (manifest, history of calendars, links, link secret) belongs to the publisher.
///
/// **Atomic.** The new site is written into a fresh folder beside the old one (so on the same
/// filesystem), the user's files are moved into it by rename (the same files, untouched), and the
/// two folders are swapped in one step (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np`
/// with `RENAME_SWAP` on macOS; two renames where neither exists). A reader sees the old site or
/// the new one, never half of each; then the old folder, which holds only the publisher's stale
/// files, is removed. Where the folder cannot be swapped (a mount point, or a parent folder that
/// cannot be written), files are replaced one by one, each atomically, and stale ones removed.
///
/// **Refused.** When the user has a file where the new site writes one (or a file where the site
/// needs a folder), nothing is written and the error names those files.
package struct SiteFolder {
    /// The folder, as given.
    package let url: URL

    package init(_ url: URL) { self.url = url.standardizedFileURL }

    /// The state folder, `.convene/`.
    package static let state = ".convene"
    /// Its record of the files the last publish wrote.
    package static let manifest = ".convene/manifest.json"

    /// How a publish went.
    package struct Report: Sendable, Equatable {
        /// Files of the site written.
        package var written: Int
        /// Files of an earlier publish that no longer belong, removed.
        package var removed: Int
        /// The user's files and folders kept.
        package var kept: Int
        /// Whether the whole folder was swapped (else files were replaced one by one).
        package var swapped: Bool
    }

    /// Why a publish wrote nothing.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The user's files stand where the site writes (relative paths, sorted).
        case occupied([String])
        /// A file-system operation failed.
        case io(String)

        package var description: String {
            switch self {
            case .occupied(let paths):
                let shown = paths.prefix(8).joined(separator: ", ") + (paths.count > 8 ? ", … (\(paths.count) in all)" : "")
                return "the folder holds files that this publish did not write where the site writes its own: \(shown). "
                    + "They are not in .convene/manifest.json with their contents as written (yours, or changed since); "
                    + "move them away, or publish into an empty folder."
            case .io(let message): return message
            }
        }
    }

    /// The manifest of the last publish: SHA-256 (hexadecimal) by relative path; empty when none.
    package func manifest() throws(SiteStateError) -> [String: String] {
        let file = url.appendingPathComponent(Self.manifest)
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        var parser = JSONParser([UInt8](data))
        let root: JSONValue
        do {
            root = try parser.parseDocument()
        } catch {
            throw SiteStateError(problems: ["\(file.path): line \(error.line), column \(error.column): \(error.message)"])
        }
        guard case .object(let top) = root, case .object(let files)? = top.first(where: { $0.key == "files" })?.value else {
            throw SiteStateError(problems: ["\(file.path): files: should be an object of SHA-256 hashes by path"])
        }
        var out: [String: String] = [:]
        for member in files {
            guard case .string(let hash) = member.value else {
                throw SiteStateError(problems: ["\(file.path): files[\"\(member.key)\"]: should be a SHA-256 hash"])
            }
            out[member.key] = hash
        }
        return out
    }

    /// A file of the folder, if it has one.
    package func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { [UInt8]($0) }
    }

    /// Replaces the folder's site with `site` (its files, then its state in `.convene/`, then the
    /// manifest of its files).
    package func write(_ site: Site) throws(Failure) -> Report {
        let fm = FileManager.default
        var folder = url
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if exists {
            folder = folder.resolvingSymlinksInPath()
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .io("\(url.path) is a file, not a folder")
            }
        }
        let old: [String: String]
        do { old = try manifest() } catch { throw .io(error.problems.joined(separator: "\n")) }
        let newFiles = Set(site.files.map(\.path))
        var newFolders = Set<String>()
        for path in newFiles.union(site.state.map(\.path)) {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                newFolders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        // The user's entries: files and links the manifest does not vouch for, and folders holding nothing of ours.
        var users: [String] = []
        var stale: [String] = []
        var occupied: [String] = []
        func scan(_ relative: String) throws(Failure) -> Bool {
            let path = relative.isEmpty ? folder.path : folder.appendingPathComponent(relative).path
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: path).sorted() } catch {
                throw .io("cannot read \(path): \(error.localizedDescription)")
            }
            var allUsers = true
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                if child == Self.state { continue }
                let attributes = try? fm.attributesOfItem(atPath: folder.appendingPathComponent(child).path)
                let type = attributes?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    let childUsers = try scan(child)
                    if newFiles.contains(child) {
                        occupied.append(child)
                    } else if childUsers && !newFolders.contains(child) {
                        // Nothing of ours inside: the folder moves whole.
                        users.removeAll { $0.hasPrefix(child + "/") }
                        users.append(child)
                    }
                    allUsers = allUsers && childUsers
                } else if type == .typeRegular, let hash = old[child],
                    let data = fm.contents(atPath: folder.appendingPathComponent(child).path), SHA256.hex(SHA256.hash(data)) == hash
                {
                    stale.append(child)
                    allUsers = false
                } else {
                    if newFiles.contains(child) || newFolders.contains(child) { occupied.append(child) }
                    users.append(child)
                }
            }
            return allUsers
        }
        if exists { _ = try scan("") }
        guard occupied.isEmpty else { throw .occupied(occupied.sorted()) }
        let manifest = Self.manifestText(site.files)
        let parent = folder.deletingLastPathComponent()
        if exists && !Self.canSwap(folder) {
            return try inPlace(site, folder: folder, stale: stale, manifest: manifest, kept: users.count)
        }
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).convene-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: !exists)
            for file in site.files + site.state { try Self.put(file.contents, at: staging.appendingPathComponent(file.path)) }
            try Self.put(manifest, at: staging.appendingPathComponent(Self.manifest))
        } catch {
            try? fm.removeItem(at: staging)
            throw .io("cannot write the site beside \(folder.path) (into \(staging.lastPathComponent)): \(error.localizedDescription)")
        }
        var moved: [String] = []
        for entry in users {
            do {
                let target = staging.appendingPathComponent(entry)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard rename(folder.appendingPathComponent(entry).path, target.path) == 0 else {
                    throw Failure.io("cannot move \(entry) into the new site: \(String(cString: strerror(errno)))")
                }
                moved.append(entry)
            } catch {
                for back in moved.reversed() {
                    _ = rename(staging.appendingPathComponent(back).path, folder.appendingPathComponent(back).path)
                }
                try? fm.removeItem(at: staging)
                throw .io("\(error)")
            }
        }
        if exists {
            if let mode = (try? fm.attributesOfItem(atPath: folder.path))?[.posixPermissions] as? Int {
                try? fm.setAttributes([.posixPermissions: mode], ofItemAtPath: staging.path)
            }
            guard Self.exchange(staging.path, folder.path) else {
                for back in moved.reversed() {
                    _ = rename(staging.appendingPathComponent(back).path, folder.appendingPathComponent(back).path)
                }
                try? fm.removeItem(at: staging)
                throw .io("cannot swap the new site into \(folder.path): \(String(cString: strerror(errno)))")
            }
            // `staging` now holds the old site's own files only.
            try? fm.removeItem(at: staging)
        } else if rename(staging.path, folder.path) != 0 {
            try? fm.removeItem(at: staging)
            throw .io("cannot move the new site to \(folder.path): \(String(cString: strerror(errno)))")
        }
        return Report(written: site.files.count, removed: stale.filter { !newFiles.contains($0) }.count, kept: users.count, swapped: true)
    }

    /// File by file, where the folder cannot be swapped: each file replaced atomically, then the
    /// stale ones removed, and the manifest last.
    private func inPlace(_ site: Site, folder: URL, stale: [String], manifest: String, kept: Int) throws(Failure) -> Report {
        let fm = FileManager.default
        let paths = Set(site.files.map(\.path))
        do {
            for file in site.files + site.state { try Self.put(file.contents, at: folder.appendingPathComponent(file.path)) }
            for path in stale where !paths.contains(path) {
                try fm.removeItem(at: folder.appendingPathComponent(path))
                // Folders the stale file leaves empty go too (the user's files keep theirs).
                var parent = folder.appendingPathComponent(path).deletingLastPathComponent()
                while parent.path != folder.path, (try? fm.contentsOfDirectory(atPath: parent.path))?.isEmpty == true {
                    try fm.removeItem(at: parent)
                    parent = parent.deletingLastPathComponent()
                }
            }
            try Self.put(manifest, at: folder.appendingPathComponent(Self.manifest))
        } catch {
            throw .io("cannot write the site into \(folder.path): \(error.localizedDescription)")
        }
        return Report(written: site.files.count, removed: stale.filter { !paths.contains($0) }.count, kept: kept, swapped: false)
    }

    /// Whether the folder can be swapped: its parent can be written, and it is no mount point.
    private static func canSwap(_ folder: URL) -> Bool {
        let parent = folder.deletingLastPathComponent().path
        guard access(parent, W_OK) == 0 else { return false }
        var a = stat()
        var b = stat()
        guard stat(folder.path, &a) == 0, stat(parent, &b) == 0 else { return false }
        return a.st_dev == b.st_dev
    }

    /// Swaps two paths in one step where the system can; else two renames.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if canImport(Glibc)
            typealias Exchange = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            // renameat2 is glibc's since 2.28 but not in Swift's Glibc module (it needs _GNU_SOURCE).
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
                let renameat2 = unsafeBitCast(symbol, to: Exchange.self)
                if renameat2(AT_FDCWD, a, AT_FDCWD, b, 2) == 0 { return true }  // RENAME_EXCHANGE
                guard errno == EINVAL || errno == ENOSYS else { return false }
            }
        #elseif canImport(Darwin)
            if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return true }
            guard errno == ENOTSUP || errno == EINVAL else { return false }
        #endif
        let aside = b + ".convene-old-\(getpid())"
        guard rename(b, aside) == 0 else { return false }
        guard rename(a, b) == 0 else {
            _ = rename(aside, b)
            return false
        }
        return rename(aside, a) == 0
    }

    /// Writes UTF-8 text at `url`, creating its folder, atomically (temporary file, then rename).
    private static func put(_ text: String, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// `{"convene": 1, "files": {"index.html": "…", …}}`, paths sorted.
    static func manifestText(_ files: [Site.File]) -> String {
        let members = files.sorted { $0.path < $1.path }.map {
            JSONValue.Member(key: $0.path, value: .string(SHA256.hex(SHA256.hash(Array($0.contents.utf8)))))
        }
        return JSONWriter.write(.object([.init(key: "convene", value: .number(1)), .init(key: "files", value: .object(members))]))
    }
}
