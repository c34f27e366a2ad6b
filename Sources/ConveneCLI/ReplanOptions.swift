import ArgumentParser
import Convene
import Foundation

/// `--previous` and `--frozen-until`, shared by `solve`, `check` and `explain`.
struct ReplanOptions: ParsableArguments {
    @Option(help: "The previous agenda: moving a session costs `weights.change`, another room at the same time `weights.roomChange`.")
    var previous: String?

    @Option(
        name: .customLong("frozen-until"),
        help: ArgumentHelp(
            "With --previous: sessions it starts before TIME keep their place, the rest start at or after TIME (rule 10). "
                + "TIME is written like the input's times: YYYY-MM-DDTHH:MM local to the event, or with an offset.",
            valueName: "TIME"))
    var frozenUntil: String?

    func validate() throws {
        if frozenUntil != nil && previous == nil {
            throw ValidationError("--frozen-until needs --previous: it freezes what the previous agenda placed before TIME.")
        }
    }

    /// The previous agenda document, read and checked for shape (exit 65/66 otherwise).
    func previousAgenda() throws -> Agenda? { try previous.map(Files.agenda) }

    /// The frozen time as an instant, read in the gathering's time zone; bad usage (64) when it
    /// is not a time.
    func frozenDate(in gathering: Gathering) throws -> Date? { try Self.frozenDate(frozenUntil, in: gathering) }

    /// `--frozen-until`'s text as an instant of `gathering`; bad usage (64) when it is not a time.
    static func frozenDate(_ text: String?, in gathering: Gathering) throws -> Date? {
        guard let text else { return nil }
        switch gathering.date(fromLocalTime: text) {
        case .success(let date): return date
        case .failure(let problem):
            throw ValidationError("--frozen-until: \(problem)")
        }
    }
}
