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
    /// `data` is the document when already read.
    static func gathering(_ path: String, data given: Data? = nil) throws -> Gathering {
        let data = try given ?? read(path)
        do {
            let gathering = try Gathering(json: data)
            report(gathering.warnings, in: path)
            return gathering
        } catch {
            report(error.diagnostics, in: path)
            let count = error.errors.count
            printError("\(path): \(count) problem\(count == 1 ? "" : "s") found; the input is not valid.")
            throw ExitStatus.invalidInput.code
        }
    }

    /// Reads an agenda document; prints every problem and exits 65 when it cannot be read as one.
    static func agenda(_ path: String) throws -> Agenda {
        let data = try read(path)
        do {
            let loaded = try Agenda.load(data)
            report(loaded.warnings, in: path)
            return loaded.value
        } catch {
            report(error.diagnostics, in: path)
            throw ExitStatus.invalidInput.code
        }
    }

    /// Writes `text` to `path` atomically (a temporary file renamed into place), or to standard
    /// output when `path` is nil or `-`.
    static func write(_ text: String, to path: String?) throws { try write(Data(text.utf8), to: path) }

    /// Writes `data` to `path` atomically, or to standard output when `path` is nil or `-`.
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitStatus.cannotWrite.code
        }
    }

    /// Prints every problem of a refused import or board, and the exit status to throw (65).
    static func refused(_ error: DiagnosticError) -> ExitCode {
        for problem in error.diagnostics { printError(problem.description) }
        let count = error.errors.count
        printError("\(count) problem\(count == 1 ? "" : "s") found; nothing is written.")
        return ExitStatus.invalidInput.code
    }

    /// Prints why a solve could not start (an option the solver cannot honour, a frozen time
    /// without a previous agenda), naming the command line's option, and the exit status (64).
    static func refused(_ error: SolveError) -> ExitCode {
        let flags = ["relativeGap": "--gap", "seed": "--seed", "timeLimit": "--time-limit", "frozenUntil": "--frozen-until"]
        if case .unsupportedOption(let option, _, _) = error, let flag = flags[option] {
            printError("error: \(flag): \(error)")
        } else {
            printError("error: \(error)")
        }
        return ExitStatus.badUsage.code
    }

    /// Prints problems found in `file`'s document, each after the file's name.
    static func report(_ problems: [Diagnostic], in file: String) {
        for problem in problems { printError("\(file): \(problem)") }
    }
}

func printError(_ line: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((line + terminator).utf8))
}
