extension Room {
    /// The building or place the room is in (`rooms[].site`), when the model holds one and it is
    /// not empty. Read by the property's name, so the published pages show sites as soon as the
    /// model has the field, without depending on it before then (a `String?` holding text casts
    /// to `String` too).
    var siteName: String? {
        for child in Mirror(reflecting: self).children where child.label == "site" {
            if let text = child.value as? String, !text.isEmpty { return text }
        }
        return nil
    }
}
