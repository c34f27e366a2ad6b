import ConveneCore
import Foundation

extension Gathering {
    /// The integer program the exact solver would solve, solver-neutral: write it with
    /// ``LPFileWriter`` for CBC, HiGHS, Gurobi or `glpsol`. Its optimum is the contract objective
    /// of the best agenda.
    ///
    /// - Throws: ``SolveError/frozenWithoutPrevious`` for a frozen time without a previous agenda.
    public func integerProgram(previous: Agenda? = nil, frozenUntil: Date? = nil) throws(SolveError) -> IntegerProgram {
        do {
            return ScheduleFormulation(domain: try replanningDomain(previous: previous, frozenUntil: frozenUntil)).program
        } catch {
            throw SolveError(error)
        }
    }
}
