import ConveneCore

/// One time a pretalx submission takes place: run `run` (from 1) of the submission `code`. A
/// submission with `slot_count` n has n slots in each schedule, and Convene's sessions and runs
/// are matched to them through this.
///
/// The one place where Convene's sessions become pretalx's runs. A submission with `slot_count` n
/// imports as one session `CODE` with `runs` n, so run k of the session `CODE` is run k of the
/// submission. Input documents imported before sessions had runs hold `CODE-1` … `CODE-n` instead
/// (one run each); the session `CODE-k` still stands for run k of `CODE`, so that they push as before.
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
    /// (nil: the agenda leaves it unplaced).
    static func runs(of gathering: Gathering, placedBy agenda: Agenda) -> [(session: Int, run: Int, placement: Int?)] {
        var placement: [String: [Int: Int]] = [:]
        for (i, p) in agenda.placements.enumerated() where placement[p.session]?[p.run] == nil {
            placement[p.session, default: [:]][p.run] = i
        }
        return gathering.sessions.flatMap { s in (1...max(1, s.runs)).map { (s.index, $0, placement[s.id]?[$0]) } }
    }

    static func < (a: SubmissionRun, b: SubmissionRun) -> Bool { (a.code, a.run) < (b.code, b.run) }
}
