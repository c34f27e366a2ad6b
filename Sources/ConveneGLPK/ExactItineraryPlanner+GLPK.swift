import ConveneCore
import ConveneMILP

extension ExactItineraryPlanner {
    /// An exact itinerary planner with GLPK's default settings.
    package init() { self.init(backend: GLPKBackend()) }
}

extension ItineraryPlanner {
    /// The exact planner (`milp`): the fast planner's itineraries first, then the integer program
    /// warm-started by them and solved by GLPK within the time limit, proving the most (attendee,
    /// wanted session) pairs the agenda's runs and seats allow.
    public static var exact: ItineraryPlanner { ItineraryPlanner(ExactItineraryPlanner()) }
}
