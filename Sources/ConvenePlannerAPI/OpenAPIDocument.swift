/// The OpenAPI document the planner's API is generated from, served as it is at `/api/openapi.json`.
package enum OpenAPIDocument {
    /// The document's bytes (JSON), compiled into the binary.
    package static var bytes: [UInt8] { PackageResources.openapi_json }
}
