import Convene
import ConvenePlannerAPI
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// An error the API answers with: a status and the contract's JSON body, `{"error": "...", "problems": [{"path", "message"}]}`.
package struct APIError: Error, Sendable, HTTPResponseConvertible {
    package var status: HTTPResponse.Status
    package var message: String
    package var problems: [Components.Schemas.Problem]
    package var headers: HTTPFields

    package init(_ status: HTTPResponse.Status, _ message: String, problems: [Components.Schemas.Problem] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.problems = problems
        self.headers = headers
    }

    /// The body, as JSON.
    package var body: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Components.Schemas._Error(error: message, problems: problems))) ?? Data("{}".utf8)
    }

    package var httpStatus: HTTPResponse.Status { status }
    package var httpHeaderFields: HTTPFields {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return fields
    }
    package var httpBody: HTTPBody? { HTTPBody(body) }

    // MARK: The errors every endpoint shares

    /// 404: nothing has that id.
    package static func notFound(_ what: String) -> APIError { APIError(.notFound, "\(what) does not exist") }

    /// 400: the body is not JSON.
    package static func unreadable(_ why: String) -> APIError {
        APIError(.badRequest, "the body is not valid JSON", problems: [.init(path: "(document)", message: why, severity: .error)])
    }

    /// 422: every problem of an input document (errors and warnings), each at its JSON path.
    package static func invalidInput(_ problems: [Diagnostic]) -> APIError {
        let errors = problems.filter { $0.severity == .error }.count
        return APIError(
            .unprocessableContent, "the input document is not valid: \(errors) error\(errors == 1 ? "" : "s")",
            problems: problems.map(Components.Schemas.Problem.init))
    }

    /// 422: one problem in a request, at its path.
    package static func invalidRequest(_ path: String, _ message: String) -> APIError {
        APIError(
            .unprocessableContent, "the request is not valid: \(message)", problems: [.init(path: path, message: message, severity: .error)]
        )
    }
}

extension Components.Schemas.Problem {
    /// An input problem, at its JSON path as `convene check` prints it.
    package init(_ problem: Diagnostic) {
        self.init(path: problem.location.description, message: problem.message, severity: problem.severity == .error ? .error : .warning)
    }
}

/// Whether a body is JSON at all: nil when it is, else why not (the difference between 400 and 422).
package func unreadableJSON(_ data: Data) -> String? {
    do {
        _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return nil
    } catch let error as NSError {
        let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        return data.isEmpty ? "the body is empty" : "not valid JSON: \(detail)"
    }
}

extension APIError {
    /// A request body the generated code could not decode: 400 when it is not JSON at all, else 422 at the path the
    /// decoder was at (`moves[2].start`).
    package static func decoding(_ error: DecodingError, body: Data) -> APIError {
        if let why = unreadableJSON(body) { return .unreadable(why) }
        let (context, message): (DecodingError.Context, String) =
            switch error {
            case .typeMismatch(let type, let c): (c, "must be \(describe(type))")
            case .valueNotFound(let type, let c): (c, "must be \(describe(type)), not null")
            case .keyNotFound(let key, let c):
                (DecodingError.Context(codingPath: c.codingPath + [key], debugDescription: c.debugDescription), "is missing")
            case .dataCorrupted(let c): (c, "is not one of the values allowed here (/api/openapi.json lists them)")
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "cannot be read")
            }
        var path = ""
        for key in context.codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
        }
        return .invalidRequest(path.isEmpty ? "(document)" : path, message)
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("Int") { return "a whole number" }
        if name.contains("Double") || name.contains("Float") { return "a number" }
        if name.contains("Bool") { return "true or false" }
        if name.contains("String") { return "a string" }
        if name.contains("Array") { return "a list" }
        return "an object"
    }
}
