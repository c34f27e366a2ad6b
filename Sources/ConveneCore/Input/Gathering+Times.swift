import Foundation

extension Gathering {
    /// The instant a time written like the input's times stands for: `YYYY-MM-DDTHH:MM[:SS]`
    /// local to the event's time zone (its first occurrence when clocks fall back), or with an
    /// offset such as `Z` or `+02:00`.
    ///
    /// - Returns: the instant, or a sentence saying why the text is not a time.
    package func date(fromLocalTime text: String) -> Result<Date, TimeError> {
        switch LocalTime.instant(text, in: timeZone) {
        case .success(let t): .success(Date(timeIntervalSince1970: TimeInterval(t)))
        case .failure(.malformed):
            .failure(TimeError(message: "cannot read the time \"\(text)\"; write YYYY-MM-DDTHH:MM, such as \"2019-09-20T08:00\""))
        case .failure(.nonexistent):
            .failure(
                TimeError(
                    message: "the local time \"\(text)\" does not exist in \(timeZoneName) (clocks spring forward over it)"))
        }
    }

    /// `2019-09-20T08:00`: an instant written local to the event's time zone.
    package func localTime(_ date: Date) -> String {
        LocalTime.format(Int(date.timeIntervalSince1970.rounded(.down)), in: timeZone)
    }
}

/// Why a written time cannot be read.
package struct TimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and how to write it, in plain words.
    package var message: String
    /// The message.
    package var description: String { message }
}
