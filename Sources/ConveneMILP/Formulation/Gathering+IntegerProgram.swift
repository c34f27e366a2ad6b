import ConveneCore
import Foundation

extension Gathering {
    /// The integer program the exact solver would solve, in the CPLEX LP file format, which CBC,
    /// HiGHS, Gurobi, CPLEX and GLPK (`glpsol --lp`) read: `convene solve --format lp`. Its
    /// optimum is the contract objective of the best agenda.
    ///
    /// - Throws: ``SolveError/frozenWithoutPrevious`` for a frozen time without a previous agenda.
    public func lpFile(previous: Agenda? = nil, frozenUntil: Date? = nil) throws(SolveError) -> String {
        LPFileWriter.write(try integerProgram(previous: previous, frozenUntil: frozenUntil))
    }

    /// The integer program the exact solver would solve, solver-neutral; ``lpFile(previous:frozenUntil:)`` writes it.
    package func integerProgram(previous: Agenda? = nil, frozenUntil: Date? = nil) throws(SolveError) -> IntegerProgram {
        do {
            return ScheduleFormulation(domain: try replanningDomain(previous: previous, frozenUntil: frozenUntil)).program
        } catch {
            throw SolveError(error)
        }
    }
}
