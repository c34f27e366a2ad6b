import ConveneMILP

extension ExactItineraryPlanner {
    /// An exact itinerary planner with GLPK's default settings.
    public init() { self.init(backend: GLPKBackend()) }
}
