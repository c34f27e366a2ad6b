/// Which planner ``Gathering/itineraries(through:using:timeLimit:)`` runs: ``fast``, pure Swift,
/// or `.exact`, the integer program solved by GLPK (`import ConveneGLPK`).
///
/// A choice, not an extension point: whichever planner runs, the front door judges its answer
/// with the same checker as the CLI's.
public struct ItineraryPlanner: Sendable {
    /// The planner that runs.
    package let planning: any ItineraryPlanning

    /// The choice of `planning`.
    package init(_ planning: any ItineraryPlanning) { self.planning = planning }

    /// The pure-Swift planner (`fast`): valid itineraries for hundreds of attendees and runs in
    /// milliseconds, with a bound that proves them optimal whenever seats do not bind.
    public static var fast: ItineraryPlanner { ItineraryPlanner(FastItineraryPlanner()) }
}
