import ArgumentParser
import Convene
import Foundation

enum Files {
    /// The bytes of `path`, or of standard input for `-`; exits 66 when the file cannot be read.
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
            printError("error: cannot read \(path): \(reason)")
            throw ExitStatus.unreadable.code
        }
    }

    /// Reads and validates an input document; prints every problem and exits 65 when it is invalid.
    /// `data` is the document when already read; warnings `known` accepts are not printed.
    static func gathering(_ path: String, data given: Data? = nil, known: (InputProblem) -> Bool = { _ in false }) throws -> Gathering {
        let data = try given ?? read(path)
        do {
            let gathering = try Gathering(json: data)
            report(gathering.warnings.filter { !known($0) }, in: path)
            return gathering
        } catch {
            report(error.problems, in: path)
            let count = error.errors.count
            printError("\(path): \(count) problem\(count == 1 ? "" : "s") found; the input is not valid.")
            throw ExitStatus.invalidInput.code
        }
    }

    /// Reads an agenda document; prints every problem and exits 65 when it cannot be read as one.
    static func agenda(_ path: String) throws -> Agenda {
        let data = try read(path)
        do {
            let (agenda, warnings) = try Agenda.load(data)
            report(warnings, in: path)
            return agenda
        } catch {
            report(error.problems, in: path)
            throw ExitStatus.invalidInput.code
        }
    }

    /// Writes `text` to `path` atomically (a temporary file renamed into place), or to standard
    /// output when `path` is nil or `-`.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitStatus.cannotWrite.code
        }
    }

    /// Prints every problem of a refused import or board, and the exit status to throw (65).
    static func refused(_ error: ImportError) -> ExitCode {
        for problem in error.problems { printError(problem.description) }
        let count = error.errors.count
        printError("\(count) problem\(count == 1 ? "" : "s") found; nothing is written.")
        return ExitStatus.invalidInput.code
    }

    static func report(_ problems: [InputProblem], in file: String) {
        for problem in problems { printError("\(file): \(problem)") }
    }
}

func printError(_ line: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((line + terminator).utf8))
}
