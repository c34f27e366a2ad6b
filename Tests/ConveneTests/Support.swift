import Convene
@_exported import ConveneTestSupport
import Foundation

/// The problems a JSON text produces, or none when it loads.
func problems(_ json: String) -> [Diagnostic] {
    do {
        return try Gathering(json: Data(json.utf8)).warnings
    } catch {
        return error.diagnostics
    }
}
