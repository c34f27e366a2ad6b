import Convene
import ConvenePlannerAPI
import Foundation
import OpenAPIRuntime

/// The handlers of the API the OpenAPI document describes (`APIProtocol` is generated from it).
package struct PlannerAPI: APIProtocol {
    package let planner: Planner

    package init(planner: Planner) { self.planner = planner }

    package func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(OpenAPIDocument.bytes)))))
    }
}

/// Reading the documents a request carries, from the bytes as received (``RequestBody``).
enum Documents {
    /// The body's bytes; 400 when they are not JSON at all.
    static func body() throws(APIError) -> Data {
        let data = RequestBody.bytes
        if let why = unreadableJSON(data) { throw .unreadable(why) }
        return data
    }

    /// An input document from the body, validated: 400 when it is not JSON, 422 with every problem when it is not a
    /// valid input document.
    static func gathering() throws(APIError) -> (data: Data, gathering: Gathering) {
        let data = try body()
        do {
            return (data, try Gathering(json: data))
        } catch {
            throw .invalidInput(error.diagnostics)
        }
    }

    /// What the store keeps beside a version's document.
    static func newVersion(_ data: Data, _ g: Gathering) -> PlannerStore.NewVersion {
        .init(
            document: data, name: g.name, sessions: g.sessions.count, rooms: g.rooms.count, slots: g.slots.count, people: g.people.count,
            attendees: g.attendees.count)
    }

    /// A stored document as the API answers with it.
    static func document(_ data: Data) throws -> JSONDocument { try JSONDocument(json: data) }

    /// `"3"`, the ETag of version 3.
    static func etag(_ version: Int) -> String { "\"\(version)\"" }
}
