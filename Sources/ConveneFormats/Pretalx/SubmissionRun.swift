import ConveneCore

/// One time a pretalx submission takes place: run `run` (from 1) of the submission `code`. A
/// submission with `slot_count` n has n slots in each schedule, and Convene's sessions and runs
/// are matched to them through this.
///
/// The one place where Convene's sessions become pretalx's runs. Today a submission with
/// `slot_count` n imports as sessions `CODE-1` … `CODE-n` (chained with `after`), so the session
/// `CODE-k`, run 1, is run k of `CODE`. When sessions gain `runs` and placements `run`, only
/// ``runs(of:placedBy:)`` (which then lists every run of each session, with the placement of
/// that run) and ``init(session:run:codes:)`` (where the session `CODE` with run k is run k of
/// `CODE`, and `CODE-k` only an older document's name) change.
struct SubmissionRun: Hashable, Comparable {
    var code: String
    var run: Int

    /// The submission and run that run `run` of the session `session` stands for, given pretalx's
    /// submission codes; nil when the session is no submission's.
    init?(session: String, run: Int, codes: Set<String>) {
        if codes.contains(session) {
            self.code = session
            self.run = run
            return
        }
        guard run == 1, let dash = session.lastIndex(of: "-"), let k = Int(session[session.index(after: dash)...]), k >= 1 else {
            return nil
        }
        let code = String(session[..<dash])
        guard codes.contains(code) else { return nil }
        self.code = code
        self.run = k
    }

    init(code: String, run: Int) {
        self.code = code
        self.run = run
    }

    /// Every run of every session of the input, with the index of its placement in the agenda
    /// (nil: the agenda leaves it unplaced). Today each session is one run.
    static func runs(of gathering: Gathering, placedBy agenda: Agenda) -> [(session: Int, run: Int, placement: Int?)] {
        var placement: [String: Int] = [:]
        for (i, p) in agenda.placements.enumerated() where placement[p.session] == nil { placement[p.session] = i }
        return gathering.sessions.map { ($0.index, 1, placement[$0.id]) }
    }

    static func < (a: SubmissionRun, b: SubmissionRun) -> Bool { (a.code, a.run) < (b.code, b.run) }
}
